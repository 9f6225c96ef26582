/**
 * Mean average precision (MAP) of rankings: each row is one query, an item is relevant when its
 * yTrue is > 0. Without `k` a query's AP is scikit-learn's `average_precision_score` of that row
 * (tied scores form one threshold); with `k` it is the IR definition AP@k.
 *
 * @module
 */
import { checkOptions } from "../core/options.ts";
import { checkInteger, ShapeError, toMatrix } from "../core/mod.ts";
import type { MatrixLike } from "../core/mod.ts";
import { argsortStable } from "./argsort.ts";

/** Options of `meanAveragePrecisionScore`. */
export interface MapOptions {
  /** Only the k best-scored items of each query count. @default undefined (all) */
  k?: number;
}

/** AP of one query, sklearn's step-wise sum Σ (R_n − R_{n−1}) P_n over score thresholds. */
function averagePrecision(rel: ArrayLike<number>, score: ArrayLike<number>): number {
  const order = Array.from(argsortStable(score)).reverse();
  let positives = 0;
  for (let i = 0; i < rel.length; i++) if (rel[i] > 0) positives++;
  if (positives === 0) return 0;
  let ap = 0, tp = 0, seen = 0, start = 0;
  while (start < order.length) {
    let end = start;
    while (end + 1 < order.length && score[order[end + 1]] === score[order[start]]) end++;
    let hits = 0;
    for (let r = start; r <= end; r++) if (rel[order[r]] > 0) hits++;
    tp += hits;
    seen += end - start + 1;
    ap += (hits / positives) * (tp / seen);
    start = end + 1;
  }
  return ap;
}

/** AP@k = Σ_{r ≤ k} P@r · rel_r / min(k, R), ties in index order. */
function averagePrecisionAtK(rel: ArrayLike<number>, score: ArrayLike<number>, k: number): number {
  const order = Array.from({ length: rel.length }, (_, i) => i)
    .sort((a, b) => score[b] - score[a] || a - b);
  let positives = 0;
  for (let i = 0; i < rel.length; i++) if (rel[i] > 0) positives++;
  if (positives === 0) return 0;
  let hits = 0, sum = 0;
  for (let r = 0; r < Math.min(k, order.length); r++) {
    if (rel[order[r]] > 0) {
      hits++;
      sum += hits / (r + 1);
    }
  }
  return sum / Math.min(k, positives);
}

/**
 * Mean over queries of the average precision of the ranking by yScore, items with yTrue > 0
 * being the relevant ones (the MAP of information retrieval; XGBoost's `map@k` metric).
 * @param yTrue relevances ≥ 0, shape (nQueries, nItems)
 * @param yScore scores, shape (nQueries, nItems)
 * @returns MAP in [0, 1]; a query with no relevant item counts 0
 * @example
 * ```ts
 * import { assertAlmostEquals } from "@std/assert";
 * import { meanAveragePrecisionScore } from "../mod.ts";
 * // relevant items ranked 1st and 3rd: AP = (1/1 + 2/3) / 2
 * assertAlmostEquals(meanAveragePrecisionScore([[1, 0, 1]], [[0.9, 0.8, 0.1]]), 5 / 6, 1e-12);
 * ```
 */
export function meanAveragePrecisionScore(
  yTrue: MatrixLike,
  yScore: MatrixLike,
  options: MapOptions = {},
): number {
  checkOptions(options, ["k"], "meanAveragePrecisionScore");
  const { k } = options;
  if (k !== undefined) checkInteger("k", k, 1);
  const t = toMatrix(yTrue, "yTrue"), s = toMatrix(yScore, "yScore");
  if (t.rows !== s.rows || t.cols !== s.cols) {
    throw new ShapeError(
      `yTrue and yScore must have the same shape. Got (${t.rows}, ${t.cols}) and (${s.rows}, ${s.cols}).`,
    );
  }
  let total = 0;
  for (let q = 0; q < t.rows; q++) {
    const rel = t.row(q), score = s.row(q);
    total += k === undefined ? averagePrecision(rel, score) : averagePrecisionAtK(rel, score, k);
  }
  return total / t.rows;
}
