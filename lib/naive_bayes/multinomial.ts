/**
 * Multinomial naive Bayes for count features (word counts, pixel intensities):
 * P(x | c) ∝ Π_j θ_cj^{x⁽ʲ⁾}, with θ_cj = (N_cj + α) / (N_c + nα), the smoothed share of feature j
 * in the total count of class c (Lidstone; α = 1 is Laplace, 李航 式 4.10 applied to "which feature
 * a unit of count falls in").
 *
 * @module
 */
import { describe, ValueError } from "../core/errors.ts";
import { Matrix } from "../core/matrix.ts";
import { checkBoolean, checkNumber, checkOptions } from "../core/options.ts";
import { type LabelLike, type MatrixLike, toMatrix } from "../core/validation.ts";
import { type FitOptions, toSampleWeight } from "../core/sample_weight.ts";
import { classLogPrior, NaiveBayes, type NaiveBayesState } from "./base.ts";
import { weightedClassCount } from "./weights.ts";

/** Options of {@link MultinomialNB}. */
export interface MultinomialNBOptions {
  /** α ≥ 0 added to every feature count (Laplace 1, Lidstone in between, 0 = maximum likelihood). @default 1 */
  alpha: number;
  /** Learn the class prior from the data; false: uniform. @default true */
  fitPrior: boolean;
  /** Explicit class prior (sorted class order); overrides `fitPrior`. @default null */
  classPrior: number[] | null;
}

/** What {@link MultinomialNB} learns (saved by `toJSON`). */
export interface MultinomialState extends NaiveBayesState {
  /** Σ of feature j over the samples of class c, shape (nClasses, nFeatures). */
  featureCount: Matrix;
  /** log θ_cj, shape (nClasses, nFeatures). */
  featureLogProb: Matrix;
}

/**
 * Multinomial naive Bayes classifier for non-negative counts.
 *
 * log P(c | x) ∝ log P(c) + Σ_j x⁽ʲ⁾ log θ_cj
 *
 * @example
 * ```ts
 * import { MultinomialNB } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * const nb = new MultinomialNB({ alpha: 1 }).fit([[2, 0], [3, 1], [0, 4]], ["a", "a", "b"]);
 * assertEquals(nb.predict([[1, 0], [0, 2]]), ["a", "b"]);
 * ```
 */
export class MultinomialNB extends NaiveBayes<MultinomialNBOptions, MultinomialState, MatrixLike> {
  /** "MultinomialNB", the name `toJSON` records and `fromJSON` checks. */
  readonly className = "MultinomialNB";

  /**
   * Creates an unfitted MultinomialNB; see {@link MultinomialNBOptions} for the options and their
   * defaults.
   */
  constructor(options: Partial<MultinomialNBOptions> = {}) {
    super({ alpha: 1, fitPrior: true, classPrior: null }, options);
    checkNumber("alpha", this.options.alpha, { min: 0 });
    checkBoolean("fitPrior", this.options.fitPrior);
  }

  /**
   * Counts features per class and smooths them.
   * @param X non-negative counts, shape (nSamples, nFeatures)
   * @param y labels, shape (nSamples,)
   * @param fitOptions `sampleWeight`, shape (nSamples,): weighted counts
   */
  fit(X: MatrixLike, y: LabelLike, fitOptions: FitOptions = {}): this {
    const m = checkNonNegative(toMatrix(X, "X"));
    const { classes, indices: codes } = this.encodeTarget(y, m.rows, 1);
    checkOptions(fitOptions, ["sampleWeight"], `${this.className}.fit`);
    const w = toSampleWeight(fitOptions.sampleWeight, m.rows);
    const classCount = weightedClassCount(codes, classes, w);
    const k = classes.length, d = m.cols, alpha = this.options.alpha;
    const featureCount = new Matrix(k, d);
    for (let i = 0; i < m.rows; i++) {
      const wi = w ? w[i] : 1;
      for (let j = 0; j < d; j++) featureCount.data[codes[i] * d + j] += wi * m.data[i * d + j];
    }
    const featureLogProb = new Matrix(k, d);
    for (let c = 0; c < k; c++) {
      let total = 0;
      for (let j = 0; j < d; j++) total += featureCount.data[c * d + j] + alpha;
      if (total === 0) {
        throw new ValueError(
          `Class ${JSON.stringify(classes[c])} has no counts at all, so with alpha = 0 its ` +
            `feature probabilities are 0/0. Use alpha > 0.`,
        );
      }
      const logTotal = Math.log(total);
      for (let j = 0; j < d; j++) {
        featureLogProb.data[c * d + j] = Math.log(featureCount.data[c * d + j] + alpha) - logTotal;
      }
    }
    const { fitPrior, classPrior } = this.options;
    this.state = {
      classes,
      classCount,
      classLogPrior: classLogPrior(classCount, { prior: classPrior, fitPrior, smoothing: 0 }),
      featureCount,
      featureLogProb,
      nFeaturesIn: d,
    };
    return this;
  }

  /** N_cj, shape (nClasses, nFeatures). */
  get featureCount(): Matrix {
    return this.fitted().featureCount.clone();
  }

  /** log θ_cj, shape (nClasses, nFeatures). */
  get featureLogProb(): Matrix {
    return this.fitted().featureLogProb.clone();
  }

  /** log P(c) + Σⱼ log P(x⁽ʲ⁾ | c) per sample and class, shape (nSamples, nClasses). */
  predictJointLogProba(X: MatrixLike): Matrix {
    const { featureLogProb, classLogPrior } = this.fitted();
    const m = checkNonNegative(this.checkPredictX(X));
    const k = featureLogProb.rows, d = m.cols;
    const out = new Matrix(m.rows, k);
    for (let i = 0; i < m.rows; i++) {
      for (let c = 0; c < k; c++) {
        let s = classLogPrior[c];
        for (let j = 0; j < d; j++) {
          const v = m.data[i * d + j];
          // 0 · log 0 counts as 0: a feature that is absent says nothing.
          if (v !== 0) s += v * featureLogProb.data[c * d + j];
        }
        out.data[i * k + c] = s;
      }
    }
    return out;
  }
}

function checkNonNegative(m: Matrix): Matrix {
  for (let t = 0; t < m.data.length; t++) {
    if (m.data[t] < 0) {
      throw new ValueError(
        `MultinomialNB needs non-negative counts in X. Got ${describe(m.data[t])} at row ${
          Math.floor(t / m.cols)
        }, column ${t % m.cols}.`,
      );
    }
  }
  return m;
}
