/**
 * The data of a trained booster, in its own file so that the model-file readers and writers
 * (xgboost_json.ts, lightgbm_text.ts) and booster.ts, which calls them, do not import each other.
 *
 * @module
 */
import type { BoostedTree } from "./boosted_tree.ts";

/** Everything a booster is: the trees, how they combine, and how margins become predictions. */
export interface BoosterModel {
  /** Canonical names: "regression" | "regression_l1" | "huber" | "binary" | "multiclass" |
   *  "cross_entropy" | "lambdarank" | "rank:pairwise" (and the others in `BOOSTER_OBJECTIVES`). */
  objective: string;
  /** 1 except multiclass. */
  numClass: number;
  /** Number of input features (columns of X). */
  numFeature: number;
  /** Margin added before the trees, one per output group. */
  baseScore: number[];
  /** The trees, round by round; within a round, group by group. */
  trees: BoostedTree[];
  /** Output group (class) of each tree. */
  treeGroup: Int32Array;
  /** DART's per-tree weight (1 otherwise). */
  treeWeight: Float64Array;
  /** Random-forest mode: average trees instead of summing. */
  averageOutput: boolean;
  /** How the trees were grown (LightGBM's `boosting`). */
  boosting: "gbdt" | "rf" | "dart" | "goss";
  /** Column names, when known (from a model file or the training frame). */
  featureNames?: string[];
  /** The round early stopping chose (0-based), when it ran. */
  bestIteration?: number;
  /** Per-round metrics on the eval sets: evalsResult[set][metric][round]. */
  evalsResult?: Record<string, Record<string, number[]>>;
  /** The training params, for toJSON / files. */
  params: Record<string, unknown>;
  /** Trees per round and group (XGBoost's `num_parallel_tree`); 1 when absent. */
  numParallelTree?: number;
}
