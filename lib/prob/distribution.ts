/**
 * What every distribution offers. One vocabulary for discrete and continuous laws: `pdf` is the
 * density for continuous distributions and the probability mass function (pmf) for discrete ones,
 * and `logPdf` its logarithm (-Infinity outside the support), as SciPy's `logpdf`/`logpmf`.
 *
 * @module
 */
import type { Matrix } from "../core/matrix.ts";
import type { Random } from "../core/random.ts";

/** A distribution on the real line (or the integers). */
export interface UnivariateDistribution {
  /** Density at x (continuous) or probability P(X = x) (discrete). */
  pdf(x: number): number;
  /** log pdf(x); -Infinity where pdf is 0. */
  logPdf(x: number): number;
  /** P(X ≤ x). */
  cdf(x: number): number;
  /** E[X]. */
  mean(): number;
  /** Var[X]. */
  variance(): number;
  /**
   * n independent draws.
   * @param n how many, an integer ≥ 0
   * @param random a seeded `Random` (advanced in place) or a seed for a fresh one; default seed 0
   */
  sample(n: number, random?: Random | number): Float64Array;
}

/** A distribution of vectors in K dimensions (Gaussian, Dirichlet, multinomial counts). */
export interface MultivariateDistribution {
  /** The dimension K of a sample. */
  readonly dimension: number;
  /** Density (continuous) or probability (discrete) of the point x, shape (K,). */
  pdf(x: ArrayLike<number>): number;
  /** log pdf(x). */
  logPdf(x: ArrayLike<number>): number;
  /** E[X], shape (K,). */
  mean(): Float64Array;
  /** The marginal variances Var[X_k], shape (K,). */
  variance(): Float64Array;
  /** Cov[X], shape (K, K). */
  covariance(): Matrix;
  /** n independent draws as the rows of a matrix of shape (n, K). */
  sample(n: number, random?: Random | number): Matrix;
}
