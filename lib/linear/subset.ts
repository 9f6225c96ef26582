/**
 * Best-subset selection (ESL §3.3.1): for every size k, the k inputs whose least-squares fit has
 * the smallest residual sum of squares. Exhaustive over the 2ᵖ subsets (leaps and bounds would
 * prune; for p ≤ ~15 enumeration is fast enough), which also gives ESL Figure 3.5's cloud of RSS.
 *
 * @module
 */
import { ValueError } from "../core/errors.ts";
import { cholesky, lstsq } from "../core/linalg.ts";
import { Matrix, type Vector } from "../core/matrix.ts";
import { type MatrixLike, toMatrix, toVector, type VectorLike } from "../core/validation.ts";
import { centre } from "./center.ts";

/** One subset's fit. */
export interface SubsetFit {
  /** Column indices, increasing. */
  features: number[];
  /** Residual sum of squares of the least-squares fit with an intercept. */
  rss: number;
}

/** The result of {@link bestSubset}. */
export interface BestSubsetResult {
  /** best[k]: the subset of size k with the smallest RSS (best[0] is the mean only). */
  best: SubsetFit[];
  /** Every subset's fit (2ᵖ of them), for ESL Figure 3.5. */
  all: SubsetFit[];
}

/**
 * Exhaustive best-subset regression with an intercept.
 * @param X shape (nSamples, nFeatures), nFeatures ≤ 20
 * @param y shape (nSamples,)
 * @example
 * ```ts
 * import { assertAlmostEquals, assertEquals } from "@std/assert";
 * import { bestSubset } from "../mod.ts";
 * const X = [[1, 0, 3], [2, 1, 1], [3, 0, 4], [4, 1, 1], [5, 0, 5]];
 * const { best } = bestSubset(X, [2, 4, 6, 8, 10]);
 * assertEquals(best[1].features, [0]); // y = 2·x0 exactly
 * assertAlmostEquals(best[1].rss, 0);
 * ```
 */
export function bestSubset(X: MatrixLike, y: VectorLike): BestSubsetResult {
  const m = toMatrix(X, "X");
  const c = centre(m, toVector(y, "y", m.rows), true);
  const p = m.cols;
  if (p > 20) throw new ValueError(`bestSubset enumerates 2^p subsets; p must be <= 20. Got ${p}.`);
  const tss = c.y.reduce((s, v) => s + v * v, 0);
  // One Gram matrix for all 2ᵖ fits: RSS(S) = yᵀy − bₛᵀ(XₛᵀXₛ)⁻¹bₛ with b = Xᵀy (centred data).
  const G = c.X.transpose().matmul(c.X);
  const b = c.X.transpose().matvec(c.y);
  const all: SubsetFit[] = [];
  for (let mask = 0; mask < 1 << p; mask++) {
    const features = [];
    for (let j = 0; j < p; j++) if (mask & (1 << j)) features.push(j);
    all.push({
      features,
      rss: features.length === 0 ? tss : subsetRss(c.X, c.y, G, b, tss, features),
    });
  }
  const best: SubsetFit[] = [];
  for (const fit of all) {
    const k = fit.features.length;
    if (best[k] === undefined || fit.rss < best[k].rss) best[k] = fit;
  }
  return { best, all };
}

function subsetRss(
  Xc: Matrix,
  yc: Vector,
  G: Matrix,
  b: Vector,
  tss: number,
  features: number[],
): number {
  const k = features.length;
  const Gs = new Matrix(k, k), bs = new Matrix(k, 1);
  features.forEach((i, r) => {
    bs.data[r] = b[i];
    features.forEach((j, c) => (Gs.data[r * k + c] = G.get(i, j)));
  });
  try {
    const w = cholesky(Gs); // Gs = LLᵀ, so bᵀGs⁻¹b = ‖L⁻¹b‖²
    const z = solveLower(w, bs.data);
    return Math.max(tss - z.reduce((s, v) => s + v * v, 0), 0);
  } catch {
    // a collinear subset: least squares by QR/SVD on the columns themselves
  }
  const A = Xc.selectCols(features);
  const w = lstsq(A, Matrix.column(yc)).data;
  const fitted = A.matvec(w);
  let rss = 0;
  for (let i = 0; i < yc.length; i++) rss += (yc[i] - fitted[i]) ** 2;
  return rss;
}

/** Forward substitution L z = b for lower-triangular L. */
function solveLower(L: Matrix, b: ArrayLike<number>): Vector {
  const n = L.rows, z = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let j = 0; j < i; j++) s -= L.data[i * n + j] * z[j];
    z[i] = s / L.data[i * n + i];
  }
  return z;
}
