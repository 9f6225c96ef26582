/**
 * A weighted decision stump, the base learner of 李航《统计学习方法》例8.1: one feature, one
 * threshold v at a midpoint between neighbouring values, a class on each side. "error" picks
 * the split with the smallest weighted error (the book's rule: "阈值 v 取 … 时分类误差率最低");
 * "gini" the smallest weighted Gini impurity (scikit-learn's depth-1 tree). Ties go to the first
 * feature, then the smallest threshold.
 *
 * @module
 */
import {
  Estimator,
  type FittedState,
  type MatrixLike,
  ShapeError,
  toMatrix,
  ValueError,
} from "../core/mod.ts";
import { checkOneOf } from "../core/options.ts";

/** What `fit` accepts beyond X and y: per-sample weights (the distribution Dₘ of 算法8.1). */
export interface SampleWeightOptions {
  /** Non-negative weights, one per sample. @default all 1 */
  sampleWeight?: ArrayLike<number>;
}

/** Options of {@link DecisionStump}. */
export interface DecisionStumpOptions {
  /** "error": least weighted misclassification (the book); "gini": least weighted Gini (sklearn). @default "error" */
  criterion: "error" | "gini";
}

interface StumpState extends FittedState {
  feature: number;
  threshold: number;
  /** Class index predicted for x ≤ v and for x > v. */
  left: number;
  right: number;
  nClasses: number;
}

/**
 * Decision stump on class indices 0..K−1 (AdaBoost's default base learner); x ≤ v goes left.
 * @example
 * ```ts
 * import { DecisionStump } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * const X = [[0], [1], [2], [3], [4], [5], [6], [7], [8], [9]];
 * const y = [1, 1, 1, 0, 0, 0, 1, 1, 1, 0]; // 例8.1 with −1 → 0
 * const stump = new DecisionStump().fit(X, y);
 * assertEquals([stump.threshold, stump.left, stump.right], [2.5, 1, 0]); // G₁(x): x < 2.5 → 1
 * ```
 */
export class DecisionStump extends Estimator<DecisionStumpOptions, StumpState> {
  /** The class name used by `toJSON`/`fromJSON`. */
  readonly className = "DecisionStump";

  /**
   * Stores the options.
   * @param options see {@link DecisionStumpOptions}
   */
  constructor(options: Partial<DecisionStumpOptions> = {}) {
    super({ criterion: "error" }, options);
    checkOneOf("criterion", this.options.criterion, ["error", "gini"] as const);
  }

  /**
   * Finds the best single split under the weights.
   * @param X shape (nSamples, nFeatures)
   * @param y class indices 0..K−1, shape (nSamples,)
   * @param options `sampleWeight`
   */
  fit(X: MatrixLike, y: ArrayLike<number>, options: SampleWeightOptions = {}): this {
    const m = toMatrix(X, "X");
    const n = m.rows, d = m.cols;
    if (y.length !== n) {
      throw new ShapeError(`y has ${y.length} values, but X has ${n} samples; they must match.`);
    }
    let K = 0;
    for (let i = 0; i < n; i++) {
      if (!Number.isInteger(y[i]) || y[i] < 0) {
        throw new ValueError(`DecisionStump needs class indices 0..K−1 in y. Got ${y[i]} at ${i}.`);
      }
      K = Math.max(K, y[i] + 1);
    }
    const w = options.sampleWeight ?? new Float64Array(n).fill(1);
    const total = new Float64Array(K);
    for (let i = 0; i < n; i++) total[y[i]] += w[i];
    const gini = this.options.criterion === "gini";
    let best = {
      cost: Infinity,
      feature: 0,
      threshold: -Infinity,
      left: argmax(total),
      right: argmax(total),
    };
    const left = new Float64Array(K), right = new Float64Array(K);
    for (let j = 0; j < d; j++) {
      const order = Array.from({ length: n }, (_, i) => i).sort((a, b) =>
        m.data[a * d + j] - m.data[b * d + j]
      );
      left.fill(0);
      for (let t = 0; t < n - 1; t++) {
        const i = order[t];
        left[y[i]] += w[i];
        const a = m.data[i * d + j], b = m.data[order[t + 1] * d + j];
        if (!(b > a)) continue;
        for (let k = 0; k < K; k++) right[k] = total[k] - left[k];
        const cost = gini ? giniCost(left) + giniCost(right) : errorCost(left) + errorCost(right);
        if (cost < best.cost - 1e-12 * Math.abs(best.cost === Infinity ? 0 : best.cost)) {
          let threshold = (a + b) / 2;
          if (threshold === b) threshold = a;
          best = { cost, feature: j, threshold, left: argmax(left), right: argmax(right) };
        }
      }
    }
    this.state = { ...best, nClasses: K, nFeaturesIn: d };
    return this;
  }

  /** The feature the stump tests. */
  get feature(): number {
    return this.fitted().feature;
  }

  /** The threshold v (a midpoint between two training values). */
  get threshold(): number {
    return this.fitted().threshold;
  }

  /** Class index for x ≤ v. */
  get left(): number {
    return this.fitted().left;
  }

  /** Class index for x > v. */
  get right(): number {
    return this.fitted().right;
  }

  /**
   * The class index of each row.
   * @param X shape (nSamples, nFeatures)
   */
  predict(X: MatrixLike): number[] {
    const { feature, threshold, left, right } = this.fitted();
    const m = this.checkPredictX(X);
    return Array.from(
      { length: m.rows },
      (_, i) => (m.get(i, feature) <= threshold ? left : right),
    );
  }
}

function argmax(v: Float64Array): number {
  let k = 0;
  for (let c = 1; c < v.length; c++) if (v[c] > v[k]) k = c;
  return k;
}

/** Weighted misclassification of a leaf predicting its weighted majority. */
function errorCost(counts: Float64Array): number {
  let sum = 0, max = 0;
  for (const c of counts) {
    sum += c;
    max = Math.max(max, c);
  }
  return sum - max;
}

/** Weight of the leaf × its Gini impurity: W (1 − Σ pₖ²) = W − Σ wₖ²/W. */
function giniCost(counts: Float64Array): number {
  let sum = 0, sq = 0;
  for (const c of counts) {
    sum += c;
    sq += c * c;
  }
  return sum > 0 ? sum - sq / sum : 0;
}
