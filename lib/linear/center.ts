/**
 * Centring for linear models with an intercept: fit on centred X and y, then recover
 * b = ȳ − x̄·w. This keeps the (unpenalised) intercept out of ridge, lasso, PCR and PLS (ESL §3.4.1).
 *
 * @module
 */
import { Matrix, type Vector } from "../core/matrix.ts";

/** Centred data and the means that were removed. */
export interface Centred {
  /** X − x̄ (a copy; X itself when nothing was removed). */
  X: Matrix;
  /** y − ȳ. */
  y: Vector;
  /** Column means x̄ (zeros without an intercept). */
  xMean: Vector;
  /** ȳ (0 without an intercept). */
  yMean: number;
}

/**
 * Centres X and y when `fitIntercept`, else returns them unchanged with zero means. With sample
 * weights w the means are weighted and every row is then scaled by √wᵢ, so that a plain
 * (unweighted) fit on the result minimises Σ wᵢ(yᵢ − xᵢ·β − b)²: integer weights act as repeated rows.
 */
export function centre(X: Matrix, y: Vector, fitIntercept: boolean, weights?: Vector): Centred {
  const n = X.rows, p = X.cols;
  const total = weights ? weights.reduce((s, v) => s + v, 0) : n;
  const xMean = new Float64Array(p);
  let yMean = 0;
  if (fitIntercept) {
    for (let i = 0; i < n; i++) {
      const w = weights ? weights[i] : 1;
      for (let j = 0; j < p; j++) xMean[j] += w * X.data[i * p + j];
      yMean += w * y[i];
    }
    for (let j = 0; j < p; j++) xMean[j] /= total;
    yMean /= total;
  }
  if (!fitIntercept && !weights) return { X, y, xMean, yMean };
  const s = weights ? weights.map(Math.sqrt) : null;
  return {
    X: X.map((v, i, j) => (v - xMean[j]) * (s ? s[i] : 1)),
    y: y.map((v, i) => (v - yMean) * (s ? s[i] : 1)),
    xMean,
    yMean,
  };
}

/** b = ȳ − x̄·w. */
export function interceptFrom(c: Centred, coef: ArrayLike<number>): number {
  let b = c.yMean;
  for (let j = 0; j < coef.length; j++) b -= c.xMean[j] * coef[j];
  return b;
}

/** ŷ = X w + b for every row. */
export function linearPredict(X: Matrix, coef: Vector, intercept: number): Vector {
  return X.matvec(coef).map((v) => v + intercept);
}
