/**
 * Coefficient tables of a fitted linear or logistic model: estimate, standard error and z score
 * per term, intercept first (ESL Tables 3.2 and 4.2). The standard errors are the square roots of
 * the diagonal of σ²(AᵀA)⁻¹ (least squares, ESL 3.8) or (AᵀWA)⁻¹ (logistic, the inverse Fisher
 * information at the MLE), A = [1 | X]. A singular design has no such inverse: the error names the
 * collinear columns, read off the null-space direction of A.
 *
 * @module
 */
import { ValueError } from "../core/errors.ts";
import { inverse, svd } from "../core/linalg.ts";
import { Matrix, type Vector } from "../core/matrix.ts";

/** One row of a coefficient table. */
export interface SummaryRow {
  /** "intercept" or the feature's name. */
  name: string;
  /** The estimate β̂ⱼ. */
  coef: number;
  /** Its standard error √v̂ⱼ. */
  stdErr: number;
  /** z = β̂ⱼ / se (ESL 3.12). */
  z: number;
}

/** Standard errors of a fit, or the groups of columns that made the design singular. */
export interface StdErrResult {
  /** √diag of the covariance, in the order of A's columns; empty when `collinear` is set. */
  stdErr: Vector;
  /** Indices (in A's columns) of the columns taking part in an exact linear dependence. */
  collinear: number[];
}

/**
 * √diag(scale · (AᵀWA)⁻¹), or the collinear columns of A when AᵀWA is singular.
 * @param A design, shape (n, q) (the intercept column included when there is one)
 * @param weights per-row weights W (1 for least squares)
 * @param scale σ² for least squares, 1 for a likelihood
 */
export function coefficientStdErr(
  A: Matrix,
  weights: ArrayLike<number> | null,
  scale: number,
): StdErrResult {
  const n = A.rows, q = A.cols;
  const B = new Matrix(n, q);
  for (let i = 0; i < n; i++) {
    const s = weights ? Math.sqrt(weights[i]) : 1;
    for (let j = 0; j < q; j++) B.data[i * q + j] = A.data[i * q + j] * s;
  }
  const collinear = collinearColumns(B);
  if (collinear.length > 0) return { stdErr: new Float64Array(), collinear };
  const cov = inverse(B.transpose().matmul(B));
  return {
    stdErr: Float64Array.from({ length: q }, (_, j) => Math.sqrt(scale * cov.get(j, j))),
    collinear,
  };
}

/**
 * Columns of B in an (almost) exact linear dependence: those with weight in the right singular
 * vectors of singular values ≤ 1e-10 × the largest, after scaling each column to unit norm (so
 * units do not matter). Empty when B has full column rank.
 */
export function collinearColumns(B: Matrix): number[] {
  const q = B.cols;
  if (B.rows < q) return Array.from({ length: q }, (_, j) => j);
  const norms = Float64Array.from({ length: q }, (_, j) => Math.hypot(...B.col(j)) || 1);
  const { s, v } = svd(B.map((x, _i, j) => x / norms[j]));
  const tol = 1e-10 * s[0];
  const out = new Set<number>();
  for (let k = 0; k < s.length; k++) {
    if (s[k] > tol) continue;
    for (let j = 0; j < q; j++) if (Math.abs(v.get(j, k)) > 1e-6) out.add(j);
  }
  return [...out].sort((a, b) => a - b);
}

/**
 * Builds the rows of a coefficient table.
 * @param names one name per entry of `coef` (intercept first when there is one)
 */
export function summaryRows(
  names: readonly string[],
  coef: ArrayLike<number>,
  stdErr: ArrayLike<number>,
): SummaryRow[] {
  return names.map((name, j) => ({
    name,
    coef: coef[j],
    stdErr: stdErr[j],
    z: coef[j] / stdErr[j],
  }));
}

/**
 * Term names for a summary: "intercept" (when fitted) then the feature names, checked against
 * the number of features, or x0, x1, ... when none are given.
 */
export function termNames(
  featureNames: readonly string[] | undefined,
  nFeatures: number,
  fitIntercept: boolean,
): string[] {
  if (featureNames !== undefined && featureNames.length !== nFeatures) {
    throw new ValueError(
      `featureNames must have one name per feature (${nFeatures}). Got ${featureNames.length}.`,
    );
  }
  const names = featureNames ?? Array.from({ length: nFeatures }, (_, j) => `x${j}`);
  return fitIntercept ? ["intercept", ...names] : [...names];
}

/** The error for a singular design: which columns are collinear, by name. */
export function singularDesignError(
  model: string,
  names: readonly string[],
  collinear: number[],
): ValueError {
  const which = collinear.map((j) => names[j]).join(", ");
  return new ValueError(
    `${model}: the design matrix is singular, so the standard errors are undefined; the ` +
      `columns ${which} are collinear (an exact linear combination of each other). Drop one of them.`,
  );
}
