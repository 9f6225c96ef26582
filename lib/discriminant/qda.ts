/**
 * Quadratic discriminant analysis (ESL §4.3.1, (4.12)): Gaussian classes, each with its own
 * covariance Σₖ, δₖ(x) = −½ log|Σₖ| − ½(x − μₖ)ᵀΣₖ⁻¹(x − μₖ) + log πₖ. Each Σₖ is held as the SVD
 * of the class-centred data (Σₖ = Vₖ diag(sₖ²/(Nₖ − 1)) Vₖᵀ), so the Mahalanobis term is a sum
 * of squares of rotated, rescaled coordinates. `regParam` shrinks Σₖ towards the identity,
 * (1 − r)Σₖ + rI, as scikit-learn's — a simple form of ESL's regularized discriminant analysis (§4.3.1).
 *
 * @module
 */
import { ClassifierEstimator, type ClassifierState } from "../core/classifier.ts";
import { ValueError } from "../core/errors.ts";
import { svd } from "../core/linalg.ts";
import { Matrix, type Vector } from "../core/matrix.ts";
import { checkNumber } from "../core/options.ts";
import { warn, Warning } from "../core/warnings.ts";
import { type LabelLike, type MatrixLike, toMatrix } from "../core/validation.ts";
import { argmaxRows, type Label } from "../core/labels.ts";
import { classStats, softmaxRows } from "./class_stats.ts";

/** Options of {@link QuadraticDiscriminantAnalysis}. */
export interface QuadraticDiscriminantAnalysisOptions {
  /** Class priors πₖ (summing to 1), or null for the class proportions. @default null */
  priors: number[] | null;
  /** Shrinkage r ∈ [0, 1] of each covariance towards the identity. @default 0 */
  regParam: number;
}

/** What {@link QuadraticDiscriminantAnalysis} learns (saved by `toJSON`). */
export interface QDAState extends ClassifierState {
  /** π̂ₖ, the class priors. */
  priors: Vector;
  /** μ̂ₖ, the class means, one row per class. */
  means: Matrix;
  /** Per class: the rotation Vₖ (p × rₖ) and the variances along it. */
  rotations: Matrix[];
  /** Per class: the variances along the rotation's directions. */
  variances: Vector[];
}

/**
 * Quadratic discriminant analysis classifier.
 *
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { QuadraticDiscriminantAnalysis } from "../mod.ts";
 * // same mean, different spread: only a quadratic boundary separates them
 * const X = [[0.1, 0], [-0.1, 0.1], [0, -0.1], [0.05, 0.05], [2, 0], [0, -2], [-2, 0.3], [0.2, 2]];
 * const qda = new QuadraticDiscriminantAnalysis().fit(X, [0, 0, 0, 0, 1, 1, 1, 1]);
 * assertEquals(qda.predict([[0, 0], [3, 3]]), [0, 1]);
 * ```
 */
export class QuadraticDiscriminantAnalysis
  extends ClassifierEstimator<QuadraticDiscriminantAnalysisOptions, QDAState> {
  /** "QuadraticDiscriminantAnalysis": the name `toJSON` writes and `fromJSON` checks. */
  readonly className = "QuadraticDiscriminantAnalysis";

  /**
   * Stores the options (see {@link QuadraticDiscriminantAnalysisOptions}); nothing is learned until `fit`.
   * @param options see {@link QuadraticDiscriminantAnalysisOptions}
   */
  constructor(options: Partial<QuadraticDiscriminantAnalysisOptions> = {}) {
    super({ priors: null, regParam: 0 }, options);
    checkNumber("regParam", this.options.regParam, { min: 0, max: 1 });
  }

  /**
   * Estimates priors, class means and one covariance per class (held as an SVD).
   * @param X shape (nSamples, nFeatures)
   * @param y class labels; each class needs at least 2 samples
   * @returns this, fitted
   */
  fit(X: MatrixLike, y: LabelLike): this {
    const m = toMatrix(X, "X");
    const { classes, indices } = this.encodeTarget(y, m.rows);
    const p = m.cols, K = classes.length, r = this.options.regParam;
    const { counts, priors, means } = classStats(m, indices, K, this.options.priors);
    const rotations: Matrix[] = [], variances: Vector[] = [];
    for (let k = 0; k < K; k++) {
      if (counts[k] < 2) {
        throw new ValueError(
          `QuadraticDiscriminantAnalysis needs at least 2 samples per class; class ${
            JSON.stringify(classes[k])
          } has ${counts[k]}.`,
        );
      }
      const rows: number[] = [];
      indices.forEach((g, i) => g === k && rows.push(i));
      const Xk = m.selectRows(rows).broadcastRow(means.row(k), (a, b) => a - b);
      const { s, v } = svd(Xk);
      const variance = s.map((d) => (1 - r) * (d * d) / (counts[k] - 1) + r);
      // Directions without spread (constant or collinear inputs, or Nₖ ≤ p) have no density:
      // like scikit-learn, warn and keep the others (a pseudo-inverse and pseudo-determinant).
      const keep = Array.from(variance.keys()).filter((c) => variance[c] > 1e-12 * variance[0]);
      if (keep.length < p) {
        warn(
          new Warning(
            `QuadraticDiscriminantAnalysis: variables are collinear in class ${
              JSON.stringify(classes[k])
            } ` +
              `(covariance rank ${keep.length} < ${p}); set regParam > 0 to regularise.`,
          ),
        );
      }
      rotations.push(v.selectCols(keep));
      variances.push(Float64Array.from(keep, (c) => variance[c]));
    }
    this.state = { nFeaturesIn: p, classes, priors, means, rotations, variances };
    return this;
  }

  /**
   * The discriminant functions δₖ(x) of ESL (4.12) (without the common −(p/2) log 2π).
   * @returns shape (nSamples, K)
   */
  decisionFunction(X: MatrixLike): Matrix {
    const { means, rotations, variances, priors } = this.fitted();
    const m = this.checkPredictX(X);
    const K = priors.length, n = m.rows;
    const out = new Matrix(n, K);
    for (let k = 0; k < K; k++) {
      const Z = m.broadcastRow(means.row(k), (a, b) => a - b).matmul(rotations[k]);
      const v = variances[k];
      const logDet = v.reduce((s, x) => s + Math.log(x), 0);
      for (let i = 0; i < n; i++) {
        let q = 0;
        for (let c = 0; c < v.length; c++) q += Z.data[i * v.length + c] ** 2 / v[c];
        out.data[i * K + k] = -0.5 * (q + logDet) + Math.log(priors[k]);
      }
    }
    return out;
  }

  /** Posterior class probabilities, columns in the order of `classes`. */
  predictProba(X: MatrixLike): Matrix {
    const d = this.decisionFunction(X);
    softmaxRows(d);
    return d;
  }

  /** Log posterior probabilities. */
  predictLogProba(X: MatrixLike): Matrix {
    const d = this.decisionFunction(X);
    const logZ = softmaxRows(d.clone());
    return d.map((v, i) => v - logZ[i]);
  }

  /** The class with the largest δₖ. */
  predict(X: MatrixLike): Label[] {
    const d = this.decisionFunction(X);
    const { classes } = this.fitted();
    return Array.from(argmaxRows(d.data, d.rows, d.cols), (k) => classes[k]);
  }

  /** Class priors πₖ. */
  get priors(): Vector {
    return this.fitted().priors.slice();
  }

  /** Class means μₖ, shape (K, nFeatures). */
  get means(): Matrix {
    return this.fitted().means.clone();
  }

  /** Class covariances Σₖ = Vₖ diag(variances) Vₖᵀ (regularised as fitted). */
  get covariances(): Matrix[] {
    const { rotations, variances } = this.fitted();
    return rotations.map((V, k) => V.map((x, _j, c) => x * variances[k][c]).matmul(V.transpose()));
  }
}
