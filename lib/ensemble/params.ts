/**
 * The training parameters of `trainBooster`, with XGBoost's names in camelCase (LightGBM's
 * where XGBoost has none), their defaults and checks. Unknown names are errors that suggest the
 * camelCase spelling, so `max_depth` or `eta` do not silently do nothing.
 *
 * @module
 */
import { ValueError } from "../core/errors.ts";
import { checkInteger, checkNumber, checkOneOf } from "../core/options.ts";
import { canonicalObjective, type ObjectiveName } from "./objectives.ts";

/** Parameters of `trainBooster` (all optional). */
export interface BoosterParams {
  /** Loss to minimise, in either library's spelling. @default "regression" */
  objective?: string;
  /** "gbdt" | "rf" | "dart" | "goss". @default "gbdt" */
  boosting?: string;
  /** Number of classes (multiclass; inferred from the labels when absent). */
  numClass?: number;
  /** Shrinkage η of every tree. @default 0.3 */
  learningRate?: number;
  /** Deepest level; 0 = no limit (lossguide only). @default 6 */
  maxDepth?: number;
  /** Leaf budget of lossguide growth. @default 31 */
  numLeaves?: number;
  /** "depthwise" (XGBoost, level by level) or "lossguide" (LightGBM, best leaf first). @default "depthwise" */
  growPolicy?: "depthwise" | "lossguide";
  /** "exact" (every distinct value) or "hist" (quantile bins). @default "hist" */
  treeMethod?: "exact" | "hist";
  /** Bins per feature for hist (missing values take one). @default 256 */
  maxBin?: number;
  /** L2 penalty λ. @default 1 */
  lambda?: number;
  /** L1 penalty α. @default 0 */
  alpha?: number;
  /** Minimum loss reduction γ to keep a split. @default 0 */
  gamma?: number;
  /** Minimum hessian sum in a child. @default 1 */
  minChildWeight?: number;
  /** Clip leaf weights to ±maxDeltaStep (0: off). @default 0 */
  maxDeltaStep?: number;
  /** Minimum rows in a leaf (0: off). @default 0 */
  minDataInLeaf?: number;
  /** Row sampling rate per tree. @default 1 */
  subsample?: number;
  /** Feature sampling rate per tree. @default 1 */
  colsampleByTree?: number;
  /** Prediction before any tree, on the output scale (a probability for logistic objectives);
   *  absent: from the labels' average (LightGBM's boost_from_average). */
  baseScore?: number;
  /** Seed of the row/feature sampling, GOSS and DART. @default 0 */
  seed?: number;
  /** DART: probability of dropping each tree. @default 0.1 */
  rateDrop?: number;
  /** DART: probability of skipping the dropout in a round. @default 0.5 */
  skipDrop?: number;
  /** DART: most trees dropped in one round (0: no limit). @default 0 */
  maxDrop?: number;
  /** DART: "tree" or "forest" weights for new and dropped trees. @default "tree" */
  normalizeType?: "tree" | "forest";
  /** DART: "uniform" or "weighted" (by tree weight) dropout. @default "uniform" */
  sampleType?: "uniform" | "weighted";
  /** GOSS: share a of rows kept by largest |g|. @default 0.2 */
  topRate?: number;
  /** GOSS: share b of rows sampled from the rest, weighted (1 − a)/b. @default 0.1 */
  otherRate?: number;
  /** LambdaMART: pairs count only when one item is in the top k. @default 30 */
  lambdarankTruncationLevel?: number;
  /** LambdaMART: normalise each query's lambdas. @default true */
  lambdarankNorm?: boolean;
  /** Huber loss: where quadratic turns linear. @default 1 */
  huberDelta?: number;
  /** Metrics logged on the eval sets (default: the objective's own). */
  evalMetric?: string | string[];
}

/** Parameters after defaults and checks. */
export interface ResolvedParams extends
  Required<
    Omit<BoosterParams, "objective" | "boosting" | "numClass" | "baseScore" | "evalMetric">
  > {
  objective: ObjectiveName;
  boosting: "gbdt" | "rf" | "dart" | "goss";
  numClass: number | undefined;
  baseScore: number | undefined;
  evalMetric: string[] | undefined;
}

const DEFAULTS = {
  objective: "regression",
  boosting: "gbdt",
  numClass: undefined,
  learningRate: 0.3,
  maxDepth: 6,
  numLeaves: 31,
  growPolicy: "depthwise",
  treeMethod: "hist",
  maxBin: 256,
  lambda: 1,
  alpha: 0,
  gamma: 0,
  minChildWeight: 1,
  maxDeltaStep: 0,
  minDataInLeaf: 0,
  subsample: 1,
  colsampleByTree: 1,
  baseScore: undefined,
  seed: 0,
  rateDrop: 0.1,
  skipDrop: 0.5,
  maxDrop: 0,
  normalizeType: "tree",
  sampleType: "uniform",
  topRate: 0.2,
  otherRate: 0.1,
  lambdarankTruncationLevel: 30,
  lambdarankNorm: true,
  huberDelta: 1,
  evalMetric: undefined,
} as const;

/** Other names people type, and ours. */
const HINTS: Record<string, string> = {
  eta: "learningRate",
  learning_rate: "learningRate",
  n_estimators: "numBoostRound (an option of trainBooster's 4th argument)",
  num_boost_round: "numBoostRound (an option of trainBooster's 4th argument)",
  reg_lambda: "lambda",
  reg_alpha: "alpha",
  min_split_loss: "gamma",
  colsample_bytree: "colsampleByTree",
  num_class: "numClass",
  bagging_fraction: "subsample",
  feature_fraction: "colsampleByTree",
  min_data_in_leaf: "minDataInLeaf",
  min_sum_hessian_in_leaf: "minChildWeight",
};

function camel(name: string): string {
  return name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** Merges params over the defaults and checks every value, naming the bad one. */
export function resolveParams(params: BoosterParams): ResolvedParams {
  for (const key of Object.keys(params)) {
    if (key in DEFAULTS) continue;
    const hint = HINTS[key] ?? (camel(key) in DEFAULTS ? camel(key) : undefined);
    throw new ValueError(
      `Unknown booster parameter '${key}'.${hint ? ` Did you mean '${hint}'?` : ""} Known: ${
        Object.keys(DEFAULTS).join(", ")
      }.`,
    );
  }
  const merged = { ...DEFAULTS } as Record<string, unknown>;
  for (const [k, v] of Object.entries(params)) if (v !== undefined) merged[k] = v;
  const boosting = merged.boosting;
  const boostings = ["gbdt", "rf", "dart", "goss"] as const;
  if (!boostings.includes(boosting as never)) {
    throw new ValueError(
      `The 'boosting' option must be one of "gbdt", "rf", "dart", "goss". Got ${
        JSON.stringify(boosting)
      } instead.`,
    );
  }
  const r = merged as unknown as ResolvedParams;
  r.objective = canonicalObjective(merged.objective);
  checkNumber("learningRate", r.learningRate, { min: 0, exclusiveMin: true });
  checkInteger("maxDepth", r.maxDepth, 0);
  checkInteger("numLeaves", r.numLeaves, 0);
  checkOneOf("growPolicy", r.growPolicy, ["depthwise", "lossguide"]);
  checkOneOf("treeMethod", r.treeMethod, ["exact", "hist"]);
  checkInteger("maxBin", r.maxBin, 2);
  checkNumber("lambda", r.lambda, { min: 0 });
  checkNumber("alpha", r.alpha, { min: 0 });
  checkNumber("gamma", r.gamma, { min: 0 });
  checkNumber("minChildWeight", r.minChildWeight, { min: 0 });
  checkNumber("maxDeltaStep", r.maxDeltaStep, { min: 0 });
  checkInteger("minDataInLeaf", r.minDataInLeaf, 0);
  checkNumber("subsample", r.subsample, { min: 0, max: 1, exclusiveMin: true });
  checkNumber("colsampleByTree", r.colsampleByTree, { min: 0, max: 1, exclusiveMin: true });
  checkInteger("seed", r.seed);
  checkNumber("rateDrop", r.rateDrop, { min: 0, max: 1 });
  checkNumber("skipDrop", r.skipDrop, { min: 0, max: 1 });
  checkInteger("maxDrop", r.maxDrop, 0);
  checkOneOf("normalizeType", r.normalizeType, ["tree", "forest"]);
  checkOneOf("sampleType", r.sampleType, ["uniform", "weighted"]);
  checkNumber("topRate", r.topRate, { min: 0, max: 1, exclusiveMin: true });
  checkNumber("otherRate", r.otherRate, { min: 0, max: 1 });
  if (r.topRate + r.otherRate > 1) {
    throw new ValueError(
      `GOSS needs topRate + otherRate <= 1. Got ${r.topRate} + ${r.otherRate} instead.`,
    );
  }
  checkInteger("lambdarankTruncationLevel", r.lambdarankTruncationLevel, 1);
  checkNumber("huberDelta", r.huberDelta, { min: 0, exclusiveMin: true });
  if (r.numClass !== undefined) checkInteger("numClass", r.numClass, 1);
  if (r.baseScore !== undefined) checkNumber("baseScore", r.baseScore);
  if (r.growPolicy === "lossguide" && r.numLeaves === 0 && r.maxDepth === 0) {
    throw new ValueError("lossguide growth needs a limit: set numLeaves or maxDepth above 0.");
  }
  if (r.boosting === "rf" && r.subsample === 1 && r.colsampleByTree === 1) {
    throw new ValueError(
      "boosting 'rf' needs bagging: set subsample < 1 or colsampleByTree < 1 (got both 1).",
    );
  }
  const m = merged.evalMetric;
  r.evalMetric = m === undefined ? undefined : Array.isArray(m) ? m : [m as string];
  return r;
}
