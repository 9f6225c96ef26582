/**
 * Linear discriminant analysis (ESL §4.3, §4.3.3): Gaussian classes with a common covariance Σ,
 * δₖ(x) = xᵀΣ⁻¹μₖ − ½μₖᵀΣ⁻¹μₖ + log πₖ (4.10), and the reduced-rank projection of Fisher /
 * ESL Figure 4.4 onto the discriminant coordinates.
 *
 * Computed as scikit-learn's `solver="svd"` (no Σ⁻¹ is formed): (1) sphere the within-class
 * scatter — the SVD of the class-centred data scaled by 1/√(n − K) gives W⁻½ = V D⁻¹; (2) the
 * SVD of the sphered, prior-weighted class centroids gives the discriminant directions, ordered
 * by between-class variance. `transform` projects onto the first `nComponents` of them, in which
 * the within-class covariance is the identity, so Euclidean distance there is Mahalanobis distance.
 *
 * @module
 */
import { ClassifierEstimator, type ClassifierState } from "../core/classifier.ts";
import { ValueError } from "../core/errors.ts";
import { svd } from "../core/linalg.ts";
import { Matrix, type Vector } from "../core/matrix.ts";
import { checkInteger, checkNumber } from "../core/options.ts";
import { type LabelLike, type MatrixLike, toMatrix } from "../core/validation.ts";
import { argmaxRows, type Label } from "../core/labels.ts";
import { classStats, softmaxRows } from "./class_stats.ts";

/** Options of {@link LinearDiscriminantAnalysis}. */
export interface LinearDiscriminantAnalysisOptions {
  /** Dimensions kept by `transform`, ≤ min(K − 1, p). @default min(K − 1, p) */
  nComponents: number | null;
  /** Class priors πₖ (summing to 1), or null for the class proportions. @default null */
  priors: number[] | null;
  /** Singular values below tol (sphering step) are treated as zero, as scikit-learn. @default 1e-4 */
  tol: number;
}

/** What {@link LinearDiscriminantAnalysis} learns (saved by `toJSON`). */
export interface LDAState extends ClassifierState {
  /** π̂ₖ, the class priors. */
  priors: Vector;
  /** μ̂ₖ, the class means, one row per class. */
  means: Matrix;
  /** The overall mean of X. */
  xbar: Vector;
  /** p × r: the discriminant directions, within-class covariance sphered. */
  scalings: Matrix;
  /** The between-class variance along each discriminant direction, as a fraction. */
  explainedVarianceRatio: Vector;
  /** Weights of the linear discriminants δₖ(x) = xᵀβₖ + β₀ₖ (ESL 4.10), a row per class (two classes: one row, class 1 − class 0, as scikit-learn). */
  coef: Matrix;
  /** β₀ₖ, one per row of `coef`. */
  intercept: Vector;
  /** Directions kept by `transform`. */
  nComponents: number;
}

/**
 * Linear discriminant analysis classifier and reduced-rank projection.
 *
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { LinearDiscriminantAnalysis } from "../mod.ts";
 * const X = [[0, 0], [1, 0.5], [0.5, 1], [4, 4], [5, 4.5], [4.5, 5]];
 * const lda = new LinearDiscriminantAnalysis().fit(X, ["a", "a", "a", "b", "b", "b"]);
 * assertEquals(lda.predict([[0.2, 0.3], [4.8, 4.6]]), ["a", "b"]);
 * assertEquals(lda.transform(X).shape, [6, 1]); // K − 1 = 1 discriminant coordinate
 * ```
 */
export class LinearDiscriminantAnalysis
  extends ClassifierEstimator<LinearDiscriminantAnalysisOptions, LDAState> {
  /** "LinearDiscriminantAnalysis": the name `toJSON` writes and `fromJSON` checks. */
  readonly className = "LinearDiscriminantAnalysis";

  /**
   * Stores the options (see {@link LinearDiscriminantAnalysisOptions}); nothing is learned until `fit`.
   * @param options see {@link LinearDiscriminantAnalysisOptions}
   */
  constructor(options: Partial<LinearDiscriminantAnalysisOptions> = {}) {
    super({ nComponents: null, priors: null, tol: 1e-4 }, options);
    if (this.options.nComponents !== null) checkInteger("nComponents", this.options.nComponents, 1);
    checkNumber("tol", this.options.tol, { min: 0 });
  }

  /**
   * Estimates priors, class means and the pooled covariance (sphered by SVD), then the discriminant directions.
   * @param X shape (nSamples, nFeatures)
   * @param y class labels, at least two classes
   * @returns this, fitted
   */
  fit(X: MatrixLike, y: LabelLike): this {
    const m = toMatrix(X, "X");
    const { classes, indices } = this.encodeTarget(y, m.rows);
    const n = m.rows, p = m.cols, K = classes.length;
    const maxComponents = Math.min(K - 1, p);
    const nComponents = this.options.nComponents ?? maxComponents;
    if (nComponents > maxComponents) {
      throw new ValueError(
        `The 'nComponents' option must be <= min(nClasses - 1, nFeatures) = ${maxComponents}. Got ${nComponents}.`,
      );
    }
    const { priors, means } = classStats(m, indices, K, this.options.priors);
    const xbar = means.transpose().matvec(priors);
    // (1) sphere the pooled within-class covariance Σ̂ = Σₖ Σ_{gᵢ=k} (xᵢ − μₖ)(xᵢ − μₖ)ᵀ / (n − K)
    const Xc = m.map((v, i, j) => v - means.data[indices[i] * p + j]);
    const std = new Float64Array(p);
    for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) std[j] += Xc.data[i * p + j] ** 2;
    for (let j = 0; j < p; j++) std[j] = Math.sqrt(std[j] / n) || 1;
    const fac = 1 / Math.sqrt(n - K);
    const w = svd(Xc.map((v, _i, j) => (fac * v) / std[j]));
    const rank = w.s.filter((s) => s > this.options.tol).length;
    // rank < p: collinear inputs; as scikit-learn, keep the rank directions that exist.
    const sphere = new Matrix(p, rank); // V D⁻¹ scaled back by std: x ↦ sphered coordinates
    for (let j = 0; j < p; j++) {
      for (let r = 0; r < rank; r++) sphere.data[j * rank + r] = w.v.get(j, r) / std[j] / w.s[r];
    }
    // (2) between-class directions of the sphered, prior-weighted centroids
    const facB = K > 1 ? 1 / (K - 1) : 1;
    const centred = means.map((v, k, j) => Math.sqrt(n * priors[k] * facB) * (v - xbar[j]));
    const b = svd(centred.matmul(sphere));
    const total = b.s.reduce((a, s) => a + s * s, 0);
    const explainedVarianceRatio = b.s.slice(0, maxComponents).map((s) => (s * s) / total);
    const rank2 = b.s.filter((s) => s > this.options.tol * b.s[0]).length;
    const scalings = sphere.matmul(b.v.selectCols(Array.from({ length: rank2 }, (_, r) => r)));
    // δₖ(x) = (x − x̄)ᵀ S Sᵀ(μₖ − x̄) − ½‖Sᵀ(μₖ − x̄)‖² + log πₖ, S = scalings
    const M = means.broadcastRow(xbar, (a, c) => a - c).matmul(scalings);
    let coef = M.matmul(scalings.transpose());
    let intercept = Float64Array.from({ length: K }, (_, k) => {
      let s = 0;
      for (let r = 0; r < rank2; r++) s += M.get(k, r) ** 2;
      let shift = 0;
      for (let j = 0; j < p; j++) shift += xbar[j] * coef.get(k, j);
      return -0.5 * s + Math.log(priors[k]) - shift;
    });
    if (K === 2) {
      coef = Matrix.row(
        Float64Array.from({ length: p }, (_, j) => coef.get(1, j) - coef.get(0, j)),
      );
      intercept = Float64Array.of(intercept[1] - intercept[0]);
    }
    this.state = {
      nFeaturesIn: p,
      classes,
      priors,
      means,
      xbar,
      scalings,
      explainedVarianceRatio,
      coef,
      intercept,
      nComponents,
    };
    return this;
  }

  /**
   * Linear scores XCᵀ + c: shape (nSamples, K), or (nSamples, 1) — the log-odds of the second
   * class — for two classes (scikit-learn's `decision_function`).
   */
  decisionFunction(X: MatrixLike): Matrix {
    const { coef, intercept } = this.fitted();
    return this.checkPredictX(X).matmul(coef.transpose()).broadcastRow(intercept, (a, b) => a + b);
  }

  /** Posterior class probabilities, columns in the order of `classes`. */
  predictProba(X: MatrixLike): Matrix {
    const d = this.decisionFunction(X);
    if (d.cols > 1) {
      softmaxRows(d);
      return d;
    }
    const out = new Matrix(d.rows, 2);
    for (let i = 0; i < d.rows; i++) {
      const p1 = 1 / (1 + Math.exp(-d.data[i]));
      out.data[2 * i] = 1 - p1;
      out.data[2 * i + 1] = p1;
    }
    return out;
  }

  /** The class with the largest posterior (equivalently, the largest δₖ). */
  predict(X: MatrixLike): Label[] {
    const P = this.predictProba(X);
    const { classes } = this.fitted();
    return Array.from(argmaxRows(P.data, P.rows, P.cols), (k) => classes[k]);
  }

  /**
   * The reduced-rank LDA projection (discriminant coordinates, ESL §4.3.3, Figure 4.4):
   * (X − x̄) times the first `nComponents` directions.
   * @returns shape (nSamples, nComponents)
   */
  transform(X: MatrixLike): Matrix {
    const { xbar, scalings, nComponents } = this.fitted();
    const S = scalings.selectCols(Array.from({ length: nComponents }, (_, r) => r));
    return this.checkPredictX(X).broadcastRow(xbar, (a, b) => a - b).matmul(S);
  }

  /** Fits, then returns the projection of the training data. */
  fitTransform(X: MatrixLike, y: LabelLike): Matrix {
    return this.fit(X, y).transform(X);
  }

  /** Class priors πₖ. */
  get priors(): Vector {
    return this.fitted().priors.slice();
  }

  /** Class means μₖ, shape (K, nFeatures). */
  get means(): Matrix {
    return this.fitted().means.clone();
  }

  /** Discriminant directions, shape (nFeatures, rank) (scikit-learn's `scalings_`; signs may differ). */
  get scalings(): Matrix {
    return this.fitted().scalings.clone();
  }

  /** Share of the between-class variance along each discriminant direction. */
  get explainedVarianceRatio(): Vector {
    return this.fitted().explainedVarianceRatio.slice();
  }

  /** Linear coefficients, shape (K, nFeatures), or (1, nFeatures) for two classes. */
  get coef(): Matrix {
    return this.fitted().coef.clone();
  }

  /** Intercepts, length K, or 1 for two classes. */
  get intercept(): Vector {
    return this.fitted().intercept.slice();
  }
}
