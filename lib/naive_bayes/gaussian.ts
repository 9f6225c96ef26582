/**
 * Gaussian naive Bayes: each feature, given the class, is normal,
 * P(x⁽ʲ⁾ | c) = N(x⁽ʲ⁾; θ_cj, σ²_cj), with θ and σ² the per-class sample mean and (biased) variance.
 * As in scikit-learn, ε = varSmoothing × max_j Var(X⁽ʲ⁾) is added to every σ² so that a feature
 * constant within a class does not divide by zero; when every feature is constant (one sample),
 * ε = varSmoothing (scikit-learn's ε would be 0 and its probabilities NaN).
 * With `sampleWeight`, θ and σ² are weighted means and variances and N_c = Σ w (ε stays that of
 * the unweighted X, as in scikit-learn).
 *
 * @module
 */
import { Matrix } from "../core/matrix.ts";
import { checkNumber, checkOptions } from "../core/options.ts";
import { type LabelLike, type MatrixLike, toMatrix } from "../core/validation.ts";
import { type FitOptions, toSampleWeight } from "../core/sample_weight.ts";
import { ValueError } from "../core/errors.ts";
import { classLogPrior, NaiveBayes, type NaiveBayesState } from "./base.ts";
import { weightedClassCount } from "./weights.ts";

/** Options of {@link GaussianNB}. */
export interface GaussianNBOptions {
  /** Prior probabilities of the classes (sorted class order); null: class frequencies. @default null */
  priors: number[] | null;
  /** Fraction of the largest feature variance added to all variances. @default 1e-9 */
  varSmoothing: number;
}

/** What {@link GaussianNB} learns (saved by `toJSON`). */
export interface GaussianState extends NaiveBayesState {
  /** Per-class feature means, shape (nClasses, nFeatures). */
  theta: Matrix;
  /** Per-class feature variances plus ε, shape (nClasses, nFeatures). */
  variance: Matrix;
  /** ε = varSmoothing × the largest feature variance, added to every variance. */
  epsilon: number;
}

/**
 * Gaussian naive Bayes classifier.
 *
 * log P(c | x) ∝ log P(c) − ½ Σ_j [log(2π σ²_cj) + (x⁽ʲ⁾ − θ_cj)² / σ²_cj]
 *
 * @example
 * ```ts
 * import { GaussianNB } from "../mod.ts";
 * import { assertAlmostEquals, assertEquals } from "@std/assert";
 *
 * const X = [[1, 2], [2, 1], [1.5, 1.8], [6, 5], [7, 6], [6.5, 5.5]], y = [0, 0, 0, 1, 1, 1];
 * const nb = new GaussianNB().fit(X, y);
 * assertEquals(nb.predict([[1.2, 1.5], [6.8, 6]]), [0, 1]);
 * const [p0, p1] = nb.predictProba([[4, 3.5]]).row(0);
 * assertAlmostEquals(p0 + p1, 1); // a posterior distribution over the classes
 * ```
 */
export class GaussianNB extends NaiveBayes<GaussianNBOptions, GaussianState, MatrixLike> {
  /** "GaussianNB", the name `toJSON` records and `fromJSON` checks. */
  readonly className = "GaussianNB";

  /**
   * Creates an unfitted GaussianNB; see {@link GaussianNBOptions} for the options and their
   * defaults.
   */
  constructor(options: Partial<GaussianNBOptions> = {}) {
    super({ priors: null, varSmoothing: 1e-9 }, options);
    checkNumber("varSmoothing", this.options.varSmoothing, { min: 0 });
  }

  /**
   * Estimates θ_cj, σ²_cj and the prior.
   * @param X shape (nSamples, nFeatures)
   * @param y labels, shape (nSamples,)
   * @param fitOptions `sampleWeight`, shape (nSamples,)
   */
  fit(X: MatrixLike, y: LabelLike, fitOptions: FitOptions = {}): this {
    const m = toMatrix(X, "X");
    const { classes, indices: codes } = this.encodeTarget(y, m.rows, 1);
    checkOptions(fitOptions, ["sampleWeight"], `${this.className}.fit`);
    const w = toSampleWeight(fitOptions.sampleWeight, m.rows);
    const classCount = weightedClassCount(codes, classes, w);
    const k = classes.length, d = m.cols, x = m.data;
    const theta = new Matrix(k, d), variance = new Matrix(k, d);
    for (let i = 0; i < m.rows; i++) {
      const wi = w ? w[i] : 1;
      for (let j = 0; j < d; j++) theta.data[codes[i] * d + j] += wi * x[i * d + j];
    }
    for (let c = 0; c < k; c++) for (let j = 0; j < d; j++) theta.data[c * d + j] /= classCount[c];
    // Two passes (mean, then squared deviations), as numpy's var does, for accuracy.
    for (let i = 0; i < m.rows; i++) {
      const wi = w ? w[i] : 1;
      for (let j = 0; j < d; j++) {
        const dev = x[i * d + j] - theta.data[codes[i] * d + j];
        variance.data[codes[i] * d + j] += wi * dev * dev;
      }
    }
    const allMean = m.mean(0);
    let maxVar = 0;
    for (let j = 0; j < d; j++) {
      let s = 0;
      for (let i = 0; i < m.rows; i++) s += (x[i * d + j] - allMean[j]) ** 2;
      maxVar = Math.max(maxVar, s / m.rows);
    }
    const epsilon = this.options.varSmoothing * (maxVar > 0 ? maxVar : 1);
    for (let c = 0; c < k; c++) {
      for (let j = 0; j < d; j++) {
        const v = variance.data[c * d + j] / classCount[c] + epsilon;
        if (!(v > 0)) {
          throw new ValueError(
            `Feature ${j} is constant within class ${JSON.stringify(classes[c])}, so its ` +
              `variance is 0 and its density is not defined. Use varSmoothing > 0 (default 1e-9).`,
          );
        }
        variance.data[c * d + j] = v;
      }
    }
    const logPrior = classLogPrior(classCount, {
      prior: this.options.priors,
      fitPrior: true,
      smoothing: 0,
    });
    this.state = {
      classes,
      classCount,
      classLogPrior: logPrior,
      theta,
      variance,
      epsilon,
      nFeaturesIn: d,
    };
    return this;
  }

  /** θ, the per-class means, shape (nClasses, nFeatures). */
  get theta(): Matrix {
    return this.fitted().theta.clone();
  }

  /** σ² (with ε added), shape (nClasses, nFeatures). */
  get variance(): Matrix {
    return this.fitted().variance.clone();
  }

  /** ε = varSmoothing × the largest feature variance. */
  get epsilon(): number {
    return this.fitted().epsilon;
  }

  /** log P(c) + Σⱼ log P(x⁽ʲ⁾ | c) per sample and class, shape (nSamples, nClasses). */
  predictJointLogProba(X: MatrixLike): Matrix {
    const { theta, variance, classLogPrior } = this.fitted();
    const m = this.checkPredictX(X);
    const k = theta.rows, d = m.cols;
    const out = new Matrix(m.rows, k);
    for (let c = 0; c < k; c++) {
      let logNorm = 0;
      for (let j = 0; j < d; j++) logNorm += Math.log(2 * Math.PI * variance.data[c * d + j]);
      for (let i = 0; i < m.rows; i++) {
        let quad = 0;
        for (let j = 0; j < d; j++) {
          const dev = m.data[i * d + j] - theta.data[c * d + j];
          quad += (dev * dev) / variance.data[c * d + j];
        }
        out.data[i * k + c] = classLogPrior[c] - 0.5 * logNorm - 0.5 * quad;
      }
    }
    return out;
  }
}
