/**
 * The model side of boosting: a `Booster` holds trees in the one flat format
 * (`boosted_tree.ts`), whoever grew them (`trainBooster` here, XGBoost or LightGBM there), and
 * predicts, explains (leaf indices, feature importance) and saves them.
 *
 * The prediction of output group k is F_k(x) = b_k + Σ_{t in group k} w_t f_t(x), with b the
 * base score (margin) and w_t DART's tree weights; in random-forest mode the sum is divided by
 * the number of rounds. Then the objective's link: sigmoid for binary and cross_entropy,
 * softmax over groups for multiclass, exp for the log-link counts, identity otherwise.
 *
 * @module
 */
import { describe, ShapeError, ValueError } from "../core/errors.ts";
import { decode, encode, type EstimatorJSON } from "../core/estimator.ts";
import type { MatrixLike } from "../core/validation.ts";
import { leafIndexAt, validateTree } from "./boosted_tree.ts";
import { toMatrixWithMissing } from "./input.ts";
import { parseLightGBMText } from "./lightgbm_text.ts";
import { parseXGBoostJSON, writeXGBoostJSON } from "./xgboost_json.ts";
import type { BoosterModel } from "./booster_model.ts";

export type { BoosterModel } from "./booster_model.ts";

/** Options of `Booster.predict`. */
export interface PredictOptions {
  /** Return margins (before sigmoid/softmax/exp). @default false */
  outputMargin?: boolean;
  /** Use rounds [start, end) only; [0, 0] means all, as in XGBoost. @default [0, 0] */
  iterationRange?: [number, number];
}

/** How margins become predictions. */
export type BoosterLink = "identity" | "sigmoid" | "softmax" | "ovaSigmoid" | "exp";

/** The objectives a `Booster` can predict for, each with its link from margin to prediction. */
export const BOOSTER_OBJECTIVES: Readonly<Record<string, BoosterLink>> = Object.freeze({
  regression: "identity",
  regression_l1: "identity",
  huber: "identity",
  fair: "identity",
  quantile: "identity",
  mape: "identity",
  poisson: "exp",
  gamma: "exp",
  tweedie: "exp",
  binary: "sigmoid",
  cross_entropy: "sigmoid",
  multiclass: "softmax",
  multiclassova: "ovaSigmoid",
  lambdarank: "identity",
  rank_xendcg: "identity",
  "rank:pairwise": "identity",
  "rank:map": "identity",
});

/** Importance kinds: split counts, average or total gain, average or total cover. */
export type ImportanceType = "weight" | "gain" | "cover" | "total_gain" | "total_cover";

/**
 * A trained tree ensemble (gbdt, dart, goss or random forest) in the spirit of
 * `xgboost.Booster` / `lightgbm.Booster`: built by `trainBooster` or read from XGBoost JSON and
 * LightGBM text files.
 * @example
 * ```ts
 * import { assertAlmostEquals } from "@std/assert";
 * import { Booster, leafTree } from "../mod.ts";
 * const booster = new Booster({
 *   objective: "binary", numClass: 1, numFeature: 2, baseScore: [0],
 *   trees: [leafTree(0.5), leafTree(0.25)], treeGroup: Int32Array.of(0, 0),
 *   treeWeight: Float64Array.of(1, 1), averageOutput: false, boosting: "gbdt", params: {},
 * });
 * const p = booster.predict([[1, 2]]) as Float64Array;
 * assertAlmostEquals(p[0], 1 / (1 + Math.exp(-0.75)), 1e-12);
 * ```
 */
export class Booster {
  /** The saved-model class name. */
  readonly className = "Booster";
  readonly #model: BoosterModel;
  readonly #link: BoosterLink;

  /** Checks the model (tree shapes, groups, base scores) so that nothing is half-built. */
  constructor(model: BoosterModel) {
    this.#link = checkModel(model);
    this.#model = model;
  }

  /** The model this booster predicts with (do not mutate). */
  get model(): Readonly<BoosterModel> {
    return this.#model;
  }

  /** Number of input features. */
  get numFeature(): number {
    return this.#model.numFeature;
  }

  /** Number of boosting rounds (each round has numClass × numParallelTree trees). */
  get numRounds(): number {
    return this.#model.trees.length / this.#perRound();
  }

  #perRound(): number {
    return this.#model.numClass * (this.#model.numParallelTree ?? 1);
  }

  /**
   * Predictions for each row: a `Float64Array` (one output group) or, for multiclass, one row
   * of class probabilities (or margins) per sample.
   * @param X shape (nSamples, numFeature); NaN or null marks a missing value
   */
  predict(
    X: MatrixLike | ArrayLike<ArrayLike<number | null>>,
    options: PredictOptions = {},
  ): Float64Array | number[][] {
    const margins = this.#margins(X, options.iterationRange);
    const { numClass } = this.#model;
    const link = options.outputMargin ? "identity" : this.#link;
    if (numClass === 1) {
      const out = margins.data;
      const s = this.#sigmoidScale();
      if (link === "sigmoid" || link === "ovaSigmoid") {
        for (let i = 0; i < out.length; i++) out[i] = 1 / (1 + Math.exp(-s * out[i]));
      } else if (link === "exp") {
        for (let i = 0; i < out.length; i++) out[i] = Math.exp(out[i]);
      }
      return out;
    }
    const rows: number[][] = new Array(margins.n);
    for (let i = 0; i < margins.n; i++) {
      const row = Array.from(margins.data.subarray(i * numClass, (i + 1) * numClass));
      if (link === "softmax") softmaxInPlace(row);
      else if (link === "ovaSigmoid") {
        const s = this.#sigmoidScale();
        for (let k = 0; k < numClass; k++) row[k] = 1 / (1 + Math.exp(-s * row[k]));
      } else if (link === "exp") { for (let k = 0; k < numClass; k++) row[k] = Math.exp(row[k]); }
      rows[i] = row;
    }
    return rows;
  }

  /**
   * The leaf (node index in the tree's arrays) each row reaches in every tree: one
   * `Int32Array` of length nTrees per row, as XGBoost's `pred_leaf`.
   */
  predictLeaf(
    X: MatrixLike | ArrayLike<ArrayLike<number | null>>,
    options: { iterationRange?: [number, number] } = {},
  ): Int32Array[] {
    const m = toMatrixWithMissing(X, "X", this.#model.numFeature, "Booster");
    const [t0, t1] = this.#treeRange(options.iterationRange);
    const out: Int32Array[] = [];
    for (let i = 0; i < m.rows; i++) {
      const leaves = new Int32Array(t1 - t0);
      for (let t = t0; t < t1; t++) {
        leaves[t - t0] = leafIndexAt(this.#model.trees[t], m.data, i * m.cols);
      }
      out.push(leaves);
    }
    return out;
  }

  /**
   * Feature importance over all trees: "weight" counts the splits on each feature, "gain" and
   * "cover" average the split gain / hessian sum over those splits (XGBoost's `get_score`),
   * "total_gain" and "total_cover" sum them (LightGBM's `importance_type="gain"` is total_gain).
   */
  featureImportance(type: ImportanceType = "weight"): Float64Array {
    const kinds = ["weight", "gain", "cover", "total_gain", "total_cover"];
    if (!kinds.includes(type)) {
      throw new ValueError(
        `featureImportance type must be one of ${kinds.join(", ")}. Got ${describe(type)}.`,
      );
    }
    const { numFeature, trees } = this.#model;
    const count = new Float64Array(numFeature);
    const sum = new Float64Array(numFeature);
    const useGain = type === "gain" || type === "total_gain";
    for (const tree of trees) {
      for (let i = 0; i < tree.left.length; i++) {
        if (tree.left[i] === -1) continue;
        const f = tree.feature[i];
        count[f]++;
        sum[f] += useGain ? tree.gain[i] : tree.cover[i];
      }
    }
    if (type === "weight") return count;
    if (type === "total_gain" || type === "total_cover") return sum;
    for (let f = 0; f < numFeature; f++) sum[f] = count[f] ? sum[f] / count[f] : 0;
    return sum;
  }

  /** Saves as `{ className: "Booster", options: {}, state }` with typed arrays tagged. */
  toJSON(): EstimatorJSON {
    return { className: this.className, options: {}, state: encode(this.#model) };
  }

  /** Restores a booster saved with `toJSON()` (the object or its JSON text). */
  static fromJSON(json: EstimatorJSON | string): Booster {
    const parsed = typeof json === "string" ? JSON.parse(json) : json;
    if (!parsed || parsed.className !== "Booster") {
      throw new ValueError(
        `Cannot restore a ${describe(parsed?.className)} as a Booster: the class names differ.`,
      );
    }
    return new Booster(decode(parsed.state) as BoosterModel);
  }

  /**
   * Reads a model saved by XGBoost (1.7 or later) with `save_model("m.json")`: gbtree or dart,
   * numerical splits with missing values. Predicts what XGBoost predicts on any input.
   * Refuses, naming the reason, files with categorical splits, linear boosters, vector leaves.
   */
  static fromXGBoostJSON(text: string): Booster {
    return new Booster(parseXGBoostJSON(text));
  }

  /**
   * This model as an XGBoost 1.7 JSON file (`xgboost.Booster(model_file=...)` loads it) that
   * predicts what `predict` predicts here for float32 inputs (XGBoost reads float32).
   */
  toXGBoostJSON(): string {
    return writeXGBoostJSON(this.#model);
  }

  /**
   * Reads a LightGBM `model.txt` (gbdt, dart, goss, rf; numerical splits with any missing-value
   * mode). Refuses, naming the reason, categorical splits and linear trees.
   */
  static fromLightGBMText(text: string): Booster {
    return new Booster(parseLightGBMText(text));
  }

  #sigmoidScale(): number {
    const s = this.#model.params.sigmoid;
    return typeof s === "number" && s > 0 ? s : 1;
  }

  #treeRange(range?: [number, number]): [number, number] {
    const per = this.#perRound();
    const rounds = this.numRounds;
    if (!range || (range[0] === 0 && range[1] === 0)) return [0, this.#model.trees.length];
    const [a, b] = range;
    if (!Number.isInteger(a) || !Number.isInteger(b) || a < 0 || b <= a || b > rounds) {
      throw new ValueError(
        `iterationRange must be [start, end) with 0 <= start < end <= ${rounds} rounds. Got [${a}, ${b}].`,
      );
    }
    return [a * per, b * per];
  }

  /** Margins, row-major (nSamples × numClass). */
  #margins(
    X: MatrixLike | ArrayLike<ArrayLike<number | null>>,
    range?: [number, number],
  ): { data: Float64Array; n: number } {
    const model = this.#model;
    const m = toMatrixWithMissing(X, "X", model.numFeature, "Booster");
    const [t0, t1] = this.#treeRange(range);
    const K = model.numClass, n = m.rows, cols = m.cols, data = m.data;
    const out = new Float64Array(n * K);
    for (let t = t0; t < t1; t++) {
      const tree = model.trees[t], k = model.treeGroup[t], w = model.treeWeight[t];
      const value = tree.value;
      for (let i = 0; i < n; i++) out[i * K + k] += w * value[leafIndexAt(tree, data, i * cols)];
    }
    if (model.averageOutput) {
      // Each output group has (t1 - t0) / K trees: average them.
      const perGroup = (t1 - t0) / K;
      for (let i = 0; i < out.length; i++) out[i] /= perGroup;
    }
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < K; k++) out[i * K + k] += model.baseScore[k];
    }
    return { data: out, n };
  }
}

function softmaxInPlace(row: number[]): void {
  let max = -Infinity;
  for (const v of row) if (v > max) max = v;
  let sum = 0;
  for (let k = 0; k < row.length; k++) sum += row[k] = Math.exp(row[k] - max);
  for (let k = 0; k < row.length; k++) row[k] /= sum;
}

/** Validates a model whole before a `Booster` uses it; returns the objective's link. */
function checkModel(model: BoosterModel): BoosterLink {
  if (!model || typeof model !== "object") {
    throw new ValueError(`A Booster needs a BoosterModel object. Got ${describe(model)}.`);
  }
  const link = BOOSTER_OBJECTIVES[model.objective];
  if (!link) {
    throw new ValueError(
      `Unknown objective ${describe(model.objective)}. Accepted: ${
        Object.keys(BOOSTER_OBJECTIVES).join(", ")
      }.`,
    );
  }
  const { numClass, numFeature, trees, treeGroup, treeWeight } = model;
  if (!Number.isInteger(numClass) || numClass < 1) {
    throw new ValueError(`numClass must be an integer >= 1. Got ${describe(numClass)}.`);
  }
  if (!Number.isInteger(numFeature) || numFeature < 0) {
    throw new ValueError(`numFeature must be an integer >= 0. Got ${describe(numFeature)}.`);
  }
  if (!Array.isArray(model.baseScore) || model.baseScore.length !== numClass) {
    throw new ShapeError(
      `baseScore must have one value per output group (${numClass}). Got ${
        describe(model.baseScore)
      }.`,
    );
  }
  const perRound = numClass * (model.numParallelTree ?? 1);
  if (!Array.isArray(trees) || trees.length % perRound !== 0) {
    throw new ShapeError(
      `The number of trees (${trees?.length}) must be a multiple of numClass × numParallelTree = ${perRound}.`,
    );
  }
  if (treeGroup?.length !== trees.length || treeWeight?.length !== trees.length) {
    throw new ShapeError(
      `treeGroup (${treeGroup?.length}) and treeWeight (${treeWeight?.length}) must have one entry per tree (${trees.length}).`,
    );
  }
  for (let t = 0; t < trees.length; t++) {
    if (!(treeGroup[t] >= 0 && treeGroup[t] < numClass)) {
      throw new ValueError(
        `tree ${t} is in output group ${treeGroup[t]}, outside [0, ${numClass}).`,
      );
    }
    validateTree(trees[t], numFeature, `tree ${t}`);
  }
  const boostings = ["gbdt", "rf", "dart", "goss"];
  if (!boostings.includes(model.boosting)) {
    throw new ValueError(
      `boosting must be one of ${boostings.join(", ")}. Got ${describe(model.boosting)}.`,
    );
  }
  return link;
}
