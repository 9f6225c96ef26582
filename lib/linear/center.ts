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

/** Centres X and y when `fitIntercept`, else returns them unchanged with zero means. */
export function centre(X: Matrix, y: Vector, fitIntercept: boolean): Centred {
  if (!fitIntercept) return { X, y, xMean: new Float64Array(X.cols), yMean: 0 };
  const xMean = X.mean(0);
  const yMean = y.reduce((s, v) => s + v, 0) / y.length;
  return {
    X: X.broadcastRow(xMean, (a, m) => a - m),
    y: y.map((v) => v - yMean),
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
