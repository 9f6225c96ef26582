/**
 * Pointwise boosting objectives: for each sample, the gradient g = ∂l/∂F and hessian h = ∂²l/∂F²
 * of the loss l(y, F) at the current margin F (XGBoost's "Introduction to Boosted Trees": the
 * second-order Taylor expansion l(y, F + f) ≈ l + g f + ½ h f²). Both libraries' names are
 * accepted and mapped to one canonical name (LightGBM's).
 *
 * Margins and gradients of a multiclass model are class-major: entry k·n + i is class k of row i.
 *
 * @module
 */
import { ValueError } from "../core/errors.ts";

/** The canonical objective names `trainBooster` accepts (see `OBJECTIVE_ALIASES`). */
export type ObjectiveName =
  | "regression"
  | "regression_l1"
  | "huber"
  | "binary"
  | "multiclass"
  | "cross_entropy"
  | "lambdarank"
  | "rank:pairwise";

/** Every accepted spelling (LightGBM's, XGBoost's) and the canonical objective it means. */
export const OBJECTIVE_ALIASES: Readonly<Record<string, ObjectiveName>> = Object.freeze({
  regression: "regression",
  "reg:squarederror": "regression",
  l2: "regression",
  mse: "regression",
  regression_l1: "regression_l1",
  "reg:absoluteerror": "regression_l1",
  l1: "regression_l1",
  mae: "regression_l1",
  huber: "huber",
  binary: "binary",
  "binary:logistic": "binary",
  multiclass: "multiclass",
  "multi:softprob": "multiclass",
  softmax: "multiclass",
  cross_entropy: "cross_entropy",
  "reg:logistic": "cross_entropy",
  xentropy: "cross_entropy",
  lambdarank: "lambdarank",
  "rank:ndcg": "lambdarank",
  "rank:pairwise": "rank:pairwise",
});

/** Resolves an objective name of either library, or throws listing the accepted names. */
export function canonicalObjective(name: unknown): ObjectiveName {
  const canonical = typeof name === "string" ? OBJECTIVE_ALIASES[name] : undefined;
  if (!canonical) {
    throw new ValueError(
      `The 'objective' option must be one of ${
        Object.keys(OBJECTIVE_ALIASES).map((k) => `"${k}"`).join(", ")
      }. Got ${JSON.stringify(name)} instead.`,
    );
  }
  return canonical;
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));
/** XGBoost's floor on hessians, so that a leaf's H + λ never vanishes. */
const MIN_HESS = 1e-16;

/**
 * Gradient and hessian of a pointwise objective, written into `grad`/`hess` (multiplied by the
 * sample weight when given).
 * - regression: l = ½(F − y)², g = F − y, h = 1
 * - regression_l1: l = |F − y|, g = sign(F − y), h = 1 (leaves are then refitted to medians)
 * - huber: g = clip(F − y, −δ, δ), h = 1 (LightGBM's)
 * - binary / cross_entropy: p = σ(F), l = −y ln p − (1−y) ln(1−p), g = p − y, h = p(1 − p)
 * - multiclass: p = softmax(F), g_k = p_k − [y = k], h_k = 2 p_k(1 − p_k) (XGBoost's factor 2)
 * @param margin current margins, length n·numClass (class-major)
 */
export function pointwiseGradients(
  objective: ObjectiveName,
  margin: Float64Array,
  y: Float64Array,
  weight: Float64Array | undefined,
  grad: Float64Array,
  hess: Float64Array,
  numClass = 1,
  huberDelta = 1,
): void {
  const n = y.length;
  switch (objective) {
    case "regression":
      for (let i = 0; i < n; i++) {
        grad[i] = margin[i] - y[i];
        hess[i] = 1;
      }
      break;
    case "regression_l1":
      for (let i = 0; i < n; i++) {
        const d = margin[i] - y[i];
        grad[i] = d > 0 ? 1 : d < 0 ? -1 : 0;
        hess[i] = 1;
      }
      break;
    case "huber":
      for (let i = 0; i < n; i++) {
        const d = margin[i] - y[i];
        grad[i] = d > huberDelta ? huberDelta : d < -huberDelta ? -huberDelta : d;
        hess[i] = 1;
      }
      break;
    case "binary":
    case "cross_entropy":
      for (let i = 0; i < n; i++) {
        const p = sigmoid(margin[i]);
        grad[i] = p - y[i];
        hess[i] = Math.max(p * (1 - p), MIN_HESS);
      }
      break;
    case "multiclass":
      for (let i = 0; i < n; i++) {
        let max = -Infinity;
        for (let k = 0; k < numClass; k++) max = Math.max(max, margin[k * n + i]);
        let sum = 0;
        for (let k = 0; k < numClass; k++) sum += Math.exp(margin[k * n + i] - max);
        for (let k = 0; k < numClass; k++) {
          const p = Math.exp(margin[k * n + i] - max) / sum;
          grad[k * n + i] = p - (y[i] === k ? 1 : 0);
          hess[k * n + i] = Math.max(2 * p * (1 - p), MIN_HESS);
        }
      }
      break;
    default:
      throw new ValueError(`'${objective}' is not a pointwise objective.`);
  }
  if (weight) {
    for (let k = 0; k < numClass; k++) {
      for (let i = 0; i < n; i++) {
        grad[k * n + i] *= weight[i];
        hess[k * n + i] *= weight[i];
      }
    }
  }
}

/**
 * The loss itself, summed over samples (for finite-difference checks and the notebooks).
 * Ranking objectives are not pointwise and are not covered here.
 */
export function pointwiseLoss(
  objective: ObjectiveName,
  margin: Float64Array,
  y: Float64Array,
  numClass = 1,
  huberDelta = 1,
): number {
  const n = y.length;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const d = margin[i] - y[i];
    switch (objective) {
      case "regression":
        total += 0.5 * d * d;
        break;
      case "regression_l1":
        total += Math.abs(d);
        break;
      case "huber":
        total += Math.abs(d) <= huberDelta
          ? 0.5 * d * d
          : huberDelta * (Math.abs(d) - 0.5 * huberDelta);
        break;
      case "binary":
      case "cross_entropy": {
        // log(1 + e^F) − yF, stable for large |F|.
        const f = margin[i];
        total += Math.max(f, 0) + Math.log1p(Math.exp(-Math.abs(f))) - y[i] * f;
        break;
      }
      case "multiclass": {
        let max = -Infinity;
        for (let k = 0; k < numClass; k++) max = Math.max(max, margin[k * n + i]);
        let sum = 0;
        for (let k = 0; k < numClass; k++) sum += Math.exp(margin[k * n + i] - max);
        total += max + Math.log(sum) - margin[y[i] * n + i];
        break;
      }
      default:
        throw new ValueError(`'${objective}' has no pointwise loss.`);
    }
  }
  return total;
}

/**
 * The starting margin when `baseScore` is not given (LightGBM's `boost_from_average`): the
 * weighted mean for regression/huber, the median for L1, logit of the mean for binary and
 * cross-entropy, 0 for multiclass and ranking.
 */
export function initialMargin(
  objective: ObjectiveName,
  y: Float64Array,
  weight: Float64Array | undefined,
): number {
  const n = y.length;
  let sw = 0, swy = 0;
  for (let i = 0; i < n; i++) {
    const w = weight ? weight[i] : 1;
    sw += w;
    swy += w * y[i];
  }
  const mean = swy / sw;
  switch (objective) {
    case "regression":
    case "huber":
      return mean;
    case "regression_l1":
      return weightedMedian(y, weight, Uint32Array.from({ length: n }, (_, i) => i), 0, n);
    case "binary":
    case "cross_entropy": {
      const p = Math.min(Math.max(mean, 1e-15), 1 - 1e-15);
      return Math.log(p / (1 - p));
    }
    default:
      return 0;
  }
}

/** Margin of a base score given on the output scale (XGBoost's `base_score`: a probability for
 *  the logistic objectives, the value itself otherwise). */
export function baseScoreToMargin(objective: ObjectiveName, baseScore: number): number {
  if (objective === "binary" || objective === "cross_entropy") {
    if (!(baseScore > 0 && baseScore < 1)) {
      throw new ValueError(
        `The 'baseScore' option must be in (0, 1) for objective '${objective}' (a probability). Got ${baseScore} instead.`,
      );
    }
    return Math.log(baseScore / (1 - baseScore));
  }
  return baseScore;
}

/**
 * Weighted median of `values` over rows idx[start..end) (lower median on an exact half), used to
 * refit the leaves of the L1 objective as LightGBM and XGBoost do.
 */
export function weightedMedian(
  values: ArrayLike<number>,
  weight: ArrayLike<number> | undefined,
  idx: ArrayLike<number>,
  start: number,
  end: number,
): number {
  const rows = Array.from({ length: end - start }, (_, j) => idx[start + j]);
  rows.sort((a, b) => values[a] - values[b]);
  let total = 0;
  for (const r of rows) total += weight ? weight[r] : 1;
  let acc = 0;
  for (const r of rows) {
    acc += weight ? weight[r] : 1;
    if (acc >= total / 2) return values[r];
  }
  return rows.length ? values[rows[rows.length - 1]] : 0;
}

/**
 * Checks the labels an objective can learn from, naming the first bad one.
 * @returns the number of classes (1 unless multiclass)
 */
export function checkLabels(objective: ObjectiveName, y: Float64Array, numClass?: number): number {
  const bad = (i: number, expected: string): never => {
    throw new ValueError(
      `Labels for objective '${objective}' must be ${expected}. Got ${y[i]} at index ${i}.`,
    );
  };
  let max = 0;
  for (let i = 0; i < y.length; i++) {
    const v = y[i];
    if (objective === "binary" && v !== 0 && v !== 1) bad(i, "0 or 1");
    if (objective === "cross_entropy" && !(v >= 0 && v <= 1)) bad(i, "in [0, 1]");
    if (objective === "multiclass" && !(Number.isInteger(v) && v >= 0)) {
      bad(i, "class indices 0, 1, ..., numClass − 1");
    }
    if (
      (objective === "lambdarank" || objective === "rank:pairwise") &&
      !(Number.isInteger(v) && v >= 0)
    ) bad(i, "non-negative integer relevance grades");
    if (v > max) max = v;
  }
  if (objective !== "multiclass") return 1;
  const k = numClass ?? max + 1;
  if (max >= k) bad(y.indexOf(max), `class indices below numClass = ${k}`);
  if (k < 2) throw new ValueError(`The 'numClass' option must be at least 2. Got ${k} instead.`);
  return k;
}
