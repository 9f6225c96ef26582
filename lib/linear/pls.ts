/**
 * Partial least squares regression, single response (PLS1; ESL Algorithm 3.3, scikit-learn's
 * `PLSRegression` NIPALS with one target). Each direction is the one along which the (deflated)
 * inputs covary most with y: w ∝ Xₖᵀy, then zₖ = Xₖw and Xₖ₊₁ = Xₖ − zₖpₖᵀ. Unlike PCR, the
 * directions look at y, so they trade variance of X against correlation with y (ESL §3.5.2).
 *
 * @module
 */
import { RegressorEstimator } from "../core/classifier.ts";
import type { FittedState } from "../core/estimator.ts";
import { ValueError } from "../core/errors.ts";
import { inverse } from "../core/linalg.ts";
import { Matrix, type Vector } from "../core/matrix.ts";
import { checkBoolean, checkInteger } from "../core/options.ts";
import { type MatrixLike, toMatrix, toVector, type VectorLike } from "../core/validation.ts";
import { linearPredict } from "./center.ts";

/** Options of {@link PLSRegression}. */
export interface PLSRegressionOptions {
  /** Number of PLS directions M ≤ nFeatures. @default 2 */
  nComponents: number;
  /** Standardise X and y (standard deviation with n − 1) before the directions. @default true */
  scale: boolean;
}

/** What {@link PLSRegression} learns (saved by `toJSON`). */
export interface PLSState extends FittedState {
  /** x̄, the column means of X. */
  xMean: Vector;
  /** The column standard deviations used to standardise X. */
  xStd: Vector;
  /** W (p × M): the weight vectors wₖ. */
  xWeights: Matrix;
  /** P (p × M): the loadings pₖ = Xₖᵀzₖ/zₖᵀzₖ. */
  xLoadings: Matrix;
  /** R = W (PᵀW)⁻¹ (p × M): scores of new data are X_std R. */
  xRotations: Matrix;
  /** β in the original feature units. */
  coef: Vector;
  /** The intercept. */
  intercept: number;
}

/**
 * PLS regression for one response.
 *
 * @example
 * ```ts
 * import { assertAlmostEquals } from "@std/assert";
 * import { PLSRegression } from "../mod.ts";
 * const X = [[1, 2], [2, 1], [3, 5], [4, 3], [5, 6]];
 * const pls = new PLSRegression({ nComponents: 2 }).fit(X, [1, 2, 3, 4, 5]);
 * // with M = p directions PLS is least squares, which fits y = x0 exactly
 * assertAlmostEquals(pls.coef[0], 1);
 * assertAlmostEquals(pls.coef[1], 0);
 * ```
 */
export class PLSRegression extends RegressorEstimator<PLSRegressionOptions, PLSState> {
  /** "PLSRegression": the name `toJSON` writes and `fromJSON` checks. */
  readonly className = "PLSRegression";

  /**
   * Stores the options (see {@link PLSRegressionOptions}); nothing is learned until `fit`.
   * @param options see {@link PLSRegressionOptions}
   */
  constructor(options: Partial<PLSRegressionOptions> = {}) {
    super({ nComponents: 2, scale: true }, options);
    checkInteger("nComponents", this.options.nComponents, 1);
    checkBoolean("scale", this.options.scale);
  }

  /**
   * Finds the `nComponents` PLS directions by NIPALS (one target) and the coefficients.
   * @param X shape (nSamples, nFeatures)
   * @param y shape (nSamples,)
   * @returns this, fitted
   */
  fit(X: MatrixLike, y: VectorLike): this {
    const m = toMatrix(X, "X");
    const yv = toVector(y, "y", m.rows);
    const n = m.rows, p = m.cols, M = this.options.nComponents;
    if (M > p) {
      throw new ValueError(`The 'nComponents' option must be <= nFeatures = ${p}. Got ${M}.`);
    }
    const xMean = m.mean(0);
    const yMean = yv.reduce((s, v) => s + v, 0) / n;
    const sd = (v: ArrayLike<number>, mu: number) => {
      let s = 0;
      for (let i = 0; i < v.length; i++) s += (v[i] - mu) ** 2;
      const r = Math.sqrt(s / (v.length - 1));
      return this.options.scale && r > 0 ? r : 1;
    };
    const xStd = Float64Array.from({ length: p }, (_, j) => sd(m.col(j), xMean[j]));
    const yStd = sd(yv, yMean);
    const Xk = m.map((v, _i, j) => (v - xMean[j]) / xStd[j]);
    const yk = yv.map((v) => (v - yMean) / yStd);
    const W = new Matrix(p, M), P = new Matrix(p, M), q = new Float64Array(M);
    for (let k = 0; k < M; k++) {
      const w = Xk.transpose().matvec(yk);
      const norm = Math.hypot(...w);
      if (norm === 0) {
        throw new ValueError(`PLSRegression: y is fully explained after ${k} directions.`);
      }
      let big = 0;
      for (let j = 0; j < p; j++) if (Math.abs(w[j]) > Math.abs(w[big])) big = j;
      const sign = Math.sign(w[big]) / norm;
      for (let j = 0; j < p; j++) w[j] *= sign;
      const z = Xk.matvec(w);
      const zz = z.reduce((s, v) => s + v * v, 0);
      const load = Xk.transpose().matvec(z).map((v) => v / zz);
      let qk = 0;
      for (let i = 0; i < n; i++) qk += yk[i] * z[i];
      qk /= zz;
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < p; j++) Xk.data[i * p + j] -= z[i] * load[j];
        yk[i] -= z[i] * qk;
      }
      for (let j = 0; j < p; j++) {
        W.data[j * M + k] = w[j];
        P.data[j * M + k] = load[j];
      }
      q[k] = qk;
    }
    const R = W.matmul(inverse(P.transpose().matmul(W)));
    const coef = R.matvec(q).map((v, j) => (v * yStd) / xStd[j]);
    let intercept = yMean;
    for (let j = 0; j < p; j++) intercept -= xMean[j] * coef[j];
    this.state = {
      nFeaturesIn: p,
      xMean,
      xStd,
      xWeights: W,
      xLoadings: P,
      xRotations: R,
      coef,
      intercept,
    };
    return this;
  }

  /** ŷ = Xw + b. @param X shape (nSamples, nFeatures) */
  predict(X: MatrixLike): Vector {
    const { coef, intercept } = this.fitted();
    return linearPredict(this.checkPredictX(X), coef, intercept);
  }

  /**
   * The PLS scores (directions zₘ) of X: standardised X times the rotations R.
   * @returns shape (nSamples, nComponents)
   */
  transform(X: MatrixLike): Matrix {
    const { xMean, xStd, xRotations } = this.fitted();
    const Z = this.checkPredictX(X).map((v, _i, j) => (v - xMean[j]) / xStd[j]);
    return Z.matmul(xRotations);
  }

  /** Coefficients w in the units of X (ŷ = Xw + b). */
  get coef(): Vector {
    return this.fitted().coef.slice();
  }

  /** Intercept b = ȳ − x̄·w. */
  get intercept(): number {
    return this.fitted().intercept;
  }

  /** Weight vectors W, shape (nFeatures, nComponents) (scikit-learn's `x_weights_`). */
  get xWeights(): Matrix {
    return this.fitted().xWeights.clone();
  }

  /** Rotations R = W(PᵀW)⁻¹, shape (nFeatures, nComponents) (scikit-learn's `x_rotations_`). */
  get xRotations(): Matrix {
    return this.fitted().xRotations.clone();
  }
}
