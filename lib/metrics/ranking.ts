/**
 * Ranking quality, as scikit-learn's `dcg_score` and `ndcg_score`: each row is one query, its
 * columns the items; yScore orders the items and yTrue says how relevant each one really is.
 * Tied scores are averaged over all their orderings (McSherry & Najork 2008) unless `ignoreTies`.
 *
 * @module
 */
import { checkOptions } from "../core/options.ts";
import {
  checkBoolean,
  checkInteger,
  checkNumber,
  type Matrix,
  type MatrixLike,
  ShapeError,
  toMatrix,
  ValueError,
  type VectorLike,
} from "../core/mod.ts";
import { argsortStable } from "./argsort.ts";
import { average, checkSameLength, toSampleWeight } from "./inputs.ts";

/** Options of the DCG family. */
export interface DcgOptions {
  /** Only the k best-scored items of each query count. @default undefined (all) */
  k?: number;
  /** One weight per query, for the mean over queries. @default undefined */
  sampleWeight?: VectorLike;
  /** Assume no tied scores: faster, but ties then follow an arbitrary order. @default false */
  ignoreTies?: boolean;
}

/** Discounts 1 / log_b(r + 1) for ranks r = 1..n, zero beyond k. */
function discounts(n: number, k: number | undefined, logBase: number): Float64Array {
  const d = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    d[i] = k !== undefined && i >= k ? 0 : 1 / (Math.log(i + 2) / Math.log(logBase));
  }
  return d;
}

/** Item indices by decreasing score; ties in decreasing index order (numpy argsort reversed). */
function rankOrder(score: ArrayLike<number>): number[] {
  return Array.from(argsortStable(score).reverse());
}

/** DCG of one query with ties averaged: each tied group gets its mean gain times its discounts. */
function tieAveragedDcg(gain: ArrayLike<number>, score: ArrayLike<number>, cum: Float64Array) {
  const order = rankOrder(score);
  let total = 0, start = 0;
  while (start < order.length) {
    let end = start;
    while (end + 1 < order.length && score[order[end + 1]] === score[order[start]]) end++;
    // Gains summed in index order, as numpy's add.at does.
    const members = order.slice(start, end + 1).sort((a, b) => a - b);
    let g = 0;
    for (const i of members) g += gain[i];
    const discountSum = cum[end] - (start > 0 ? cum[start - 1] : 0);
    total += (g / members.length) * discountSum;
    start = end + 1;
  }
  return total;
}

function dcgRows(
  yTrue: Matrix,
  yScore: Matrix,
  d: Float64Array,
  ignoreTies: boolean,
): Float64Array {
  const n = yTrue.cols;
  const cum = new Float64Array(n);
  d.reduce((acc, v, i) => (cum[i] = acc + v), 0);
  const out = new Float64Array(yTrue.rows);
  for (let q = 0; q < yTrue.rows; q++) {
    const gain = yTrue.row(q), score = yScore.row(q);
    if (ignoreTies) {
      const order = rankOrder(score);
      let s = 0;
      for (let r = 0; r < n; r++) s += d[r] * gain[order[r]];
      out[q] = s;
    } else out[q] = tieAveragedDcg(gain, score, cum);
  }
  return out;
}

function prepare(yTrue: MatrixLike, yScore: MatrixLike, options: DcgOptions) {
  const { k, ignoreTies = false } = options;
  checkBoolean("ignoreTies", ignoreTies);
  if (k !== undefined) checkInteger("k", k, 1);
  const t = toMatrix(yTrue, "yTrue"), s = toMatrix(yScore, "yScore");
  checkSameLength(t.rows, s.rows, "yTrue", "yScore");
  if (t.cols !== s.cols) {
    throw new ShapeError(
      `yTrue and yScore must have the same number of items per query. Got ${t.cols} and ${s.cols}.`,
    );
  }
  if (t.cols < 2) {
    throw new ValueError(
      `Ranking metrics need at least 2 items per query (columns). Got ${t.cols}.`,
    );
  }
  const negative = t.data.findIndex((v) => v < 0);
  if (negative >= 0) {
    throw new ValueError(
      `yTrue relevances must be non-negative. Got ${t.data[negative]} at row ${
        Math.floor(negative / t.cols)
      }, column ${negative % t.cols}.`,
    );
  }
  const w = toSampleWeight(options.sampleWeight, t.rows);
  return { t, s, k, ignoreTies, w };
}

/**
 * Discounted cumulative gain DCG@k = Σ_{r=1..k} rel_(r) / log_b(r + 1), rel_(r) the true
 * relevance of the item ranked r-th by yScore; averaged over queries.
 * @param yTrue relevances ≥ 0, shape (nQueries, nItems)
 * @param yScore scores, shape (nQueries, nItems)
 * @example
 * ```ts
 * import { dcgScore } from "../mod.ts";
 * import { assertAlmostEquals } from "@std/assert";
 *
 * // ranked by score: relevances 5, 1, 0, 0, 10 → 5 + 1/log2(3) + 10/log2(6)
 * assertAlmostEquals(dcgScore([[10, 0, 0, 1, 5]], [[0.1, 0.2, 0.3, 4, 70]]), 9.4995, 1e-4);
 * ```
 */
export function dcgScore(
  yTrue: MatrixLike,
  yScore: MatrixLike,
  options: DcgOptions & {
    /** Base b of the logarithm in the discount. @default 2 */
    logBase?: number;
  } = {},
): number {
  checkOptions(options, ["k", "sampleWeight", "ignoreTies", "logBase"], "dcgScore");
  const { logBase = 2 } = options;
  checkNumber("logBase", logBase, { min: 1, exclusiveMin: true });
  const { t, s, k, ignoreTies, w } = prepare(yTrue, yScore, options);
  return average(dcgRows(t, s, discounts(t.cols, k, logBase), ignoreTies), w);
}

/**
 * Normalized DCG: NDCG@k = DCG@k / IDCG@k, IDCG the DCG of the ideal ranking (by yTrue itself),
 * in [0, 1]; a query with no relevant item scores 0. Averaged over queries (Järvelin & Kekäläinen
 * 2002).
 * @param yTrue relevances ≥ 0, shape (nQueries, nItems)
 * @param yScore scores, shape (nQueries, nItems)
 * @example
 * ```ts
 * import { ndcgScore } from "../mod.ts";
 * import { assertAlmostEquals, assertEquals } from "@std/assert";
 *
 * assertAlmostEquals(ndcgScore([[10, 0, 0, 1, 5]], [[0.1, 0.2, 0.3, 4, 70]]), 0.6957, 1e-4);
 * assertEquals(ndcgScore([[10, 0, 0, 1, 5]], [[1, 0, 0, 0, 1]], { k: 1 }), 0.75); // tie averaged
 * ```
 */
export function ndcgScore(yTrue: MatrixLike, yScore: MatrixLike, options: DcgOptions = {}): number {
  checkOptions(options, ["k", "sampleWeight", "ignoreTies"], "ndcgScore");
  const { t, s, k, ignoreTies, w } = prepare(yTrue, yScore, options);
  const d = discounts(t.cols, k, 2);
  const gain = dcgRows(t, s, d, ignoreTies);
  const ideal = dcgRows(t, t, d, true);
  for (let q = 0; q < gain.length; q++) gain[q] = ideal[q] === 0 ? 0 : gain[q] / ideal[q];
  return average(gain, w);
}
