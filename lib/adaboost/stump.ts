/**
 * A weighted decision stump, the base learner of 李航《统计学习方法》例8.1: one feature, one
 * threshold v at a midpoint between neighbouring values, a class on each side. "error" picks
 * the split with the smallest weighted error (the book's rule: "阈值 v 取 … 时分类误差率最低");
 * "gini" the smallest weighted Gini impurity (scikit-learn's depth-1 tree). Ties go to the first
 * feature, then the smallest threshold.
 *
 * @module
 */
import { checkOptions } from "../core/options.ts";
import {
  checkOneOf,
  ClassifierEstimator,
  type ClassifierState,
  type FitOptions,
  type Label,
  type LabelLike,
  Matrix,
  type MatrixLike,
  toMatrix,
  toSampleWeight,
} from "../core/mod.ts";

/** What `fit` accepts beyond X and y: per-sample weights (the distribution Dₘ of 算法8.1). */
export type SampleWeightOptions = FitOptions;

/** Options of {@link DecisionStump}. */
export interface DecisionStumpOptions {
  /** "error": least weighted misclassification (the book); "gini": least weighted Gini (sklearn). @default "error" */
  criterion: "error" | "gini";
}

/** What {@link DecisionStump} learns (saved by `toJSON`). */
export interface DecisionStumpState extends ClassifierState {
  /** The feature tested. */
  feature: number;
  /** The threshold v. */
  threshold: number;
  /** Class index predicted for x ≤ v. */
  left: number;
  /** Class index predicted for x > v. */
  right: number;
  /** Weighted class fractions for x ≤ v (the leaf's predictProba). */
  leftProba: Float64Array;
  /** Weighted class fractions for x > v. */
  rightProba: Float64Array;
}

/**
 * Decision stump (AdaBoost's default base learner): x ≤ v goes left, each side predicts its
 * weighted majority class.
 * @example
 * ```ts
 * import { DecisionStump } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * const X = [[0], [1], [2], [3], [4], [5], [6], [7], [8], [9]];
 * const y = [1, 1, 1, 0, 0, 0, 1, 1, 1, 0]; // 例8.1 with −1 → 0
 * const stump = new DecisionStump().fit(X, y);
 * assertEquals([stump.threshold, stump.left, stump.right], [2.5, 1, 0]); // G₁(x): x < 2.5 → 1
 * assertEquals(stump.predict([[1], [7]]), [1, 0]);
 * ```
 */
export class DecisionStump extends ClassifierEstimator<DecisionStumpOptions, DecisionStumpState> {
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
  fit(X: MatrixLike, y: LabelLike, options: SampleWeightOptions = {}): this {
    const m = toMatrix(X, "X");
    const n = m.rows, d = m.cols;
    const { classes, indices: code } = this.encodeTarget(y, n, 1);
    const K = classes.length;
    checkOptions(options, ["sampleWeight"], `${this.className}.fit`);
    const w = toSampleWeight(options.sampleWeight, n) ?? new Float64Array(n).fill(1);
    const total = new Float64Array(K);
    for (let i = 0; i < n; i++) total[code[i]] += w[i];
    const gini = this.options.criterion === "gini";
    // Without any split (constant features) both sides are the whole set.
    let best = {
      cost: Infinity,
      feature: 0,
      threshold: Infinity,
      leftCounts: total.slice(),
      rightCounts: total.slice(),
    };
    const left = new Float64Array(K), right = new Float64Array(K);
    for (let j = 0; j < d; j++) {
      const order = Array.from({ length: n }, (_, i) => i).sort((a, b) =>
        m.data[a * d + j] - m.data[b * d + j]
      );
      left.fill(0);
      for (let t = 0; t < n - 1; t++) {
        const i = order[t];
        left[code[i]] += w[i];
        const a = m.data[i * d + j], b = m.data[order[t + 1] * d + j];
        if (!(b > a)) continue;
        for (let k = 0; k < K; k++) right[k] = total[k] - left[k];
        const cost = gini ? giniCost(left) + giniCost(right) : errorCost(left) + errorCost(right);
        if (cost < best.cost - 1e-12 * Math.abs(best.cost === Infinity ? 0 : best.cost)) {
          let threshold = (a + b) / 2;
          if (threshold === b) threshold = a;
          best = {
            cost,
            feature: j,
            threshold,
            leftCounts: left.slice(),
            rightCounts: right.slice(),
          };
        }
      }
    }
    const { feature, threshold, leftCounts, rightCounts } = best;
    this.state = {
      classes,
      feature,
      threshold,
      left: argmax(leftCounts),
      right: argmax(rightCounts),
      leftProba: normalise(leftCounts),
      rightProba: normalise(rightCounts),
      nFeaturesIn: d,
    };
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

  /** The class predicted for x ≤ v. */
  get left(): Label {
    const { classes, left } = this.fitted();
    return classes[left];
  }

  /** The class predicted for x > v. */
  get right(): Label {
    const { classes, right } = this.fitted();
    return classes[right];
  }

  /**
   * The class of each row: `left` if x[feature] ≤ threshold, else `right`.
   * @param X shape (nSamples, nFeatures)
   */
  predict(X: MatrixLike): Label[] {
    const { feature, threshold, classes, left, right } = this.fitted();
    const m = this.checkPredictX(X);
    return Array.from(
      { length: m.rows },
      (_, i) => classes[m.get(i, feature) <= threshold ? left : right],
    );
  }

  /**
   * The weighted class fractions of the side each row falls on, shape (nSamples, nClasses).
   * @param X shape (nSamples, nFeatures)
   */
  predictProba(X: MatrixLike): Matrix {
    const { feature, threshold, classes, leftProba, rightProba } = this.fitted();
    const m = this.checkPredictX(X);
    const out = new Matrix(m.rows, classes.length);
    for (let i = 0; i < m.rows; i++) {
      out.data.set(m.get(i, feature) <= threshold ? leftProba : rightProba, i * classes.length);
    }
    return out;
  }
}

function normalise(v: Float64Array): Float64Array {
  const total = v.reduce((a, b) => a + b, 0);
  return total > 0 ? v.map((c) => c / total) : v.map(() => 1 / v.length);
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
