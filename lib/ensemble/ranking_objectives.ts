/**
 * Ranking objectives over query groups: LambdaMART (`lambdarank`, XGBoost's `rank:ndcg`) and
 * RankNet pairs (`rank:pairwise`). For a pair (i, j) of one query with rel_i > rel_j and scores
 * s_i, s_j, ρ = 1 / (1 + e^{σ(s_i − s_j)}) and
 *   λ_ij = −σ |ΔNDCG_ij| ρ,   g_i += λ_ij, g_j −= λ_ij,   h_i, h_j += σ² |ΔNDCG_ij| ρ(1 − ρ),
 * ΔNDCG_ij the change of NDCG when i and j swap places in the current ranking (Burges 2010,
 * "From RankNet to LambdaRank to LambdaMART"). With ΔNDCG frozen these are the gradient and the
 * diagonal hessian of Σ |ΔNDCG_ij| log(1 + e^{−σ(s_i − s_j)}); `rank:pairwise` takes |ΔNDCG| = 1.
 *
 * @module
 */
import { ValueError } from "../core/errors.ts";

/** Options of the ranking gradients (LightGBM's names in camelCase). */
export interface RankingOptions {
  /** Only pairs whose better-ranked item is in the top `truncationLevel` count. @default 30 */
  truncationLevel?: number;
  /** Scale a query's lambdas by log2(1 + Σ|λ|) / Σ|λ| (LightGBM's `lambdarank_norm`). @default true */
  norm?: boolean;
  /** σ of the pairwise logistic. @default 1 */
  sigma?: number;
}

/**
 * Prefix offsets of the query groups: group sizes [3, 2] give [0, 3, 5].
 * @throws ValueError when a size is not a positive integer or the sizes do not sum to nRows
 */
export function groupOffsets(group: ArrayLike<number>, nRows: number): Uint32Array {
  const out = new Uint32Array(group.length + 1);
  for (let q = 0; q < group.length; q++) {
    const g = group[q];
    if (!(Number.isInteger(g) && g > 0)) {
      throw new ValueError(`group sizes must be positive integers. Got ${g} at index ${q}.`);
    }
    out[q + 1] = out[q] + g;
  }
  if (out[group.length] !== nRows) {
    throw new ValueError(
      `group sizes must sum to the number of rows of X (${nRows}). Got a sum of ${
        out[group.length]
      } over ${group.length} groups.`,
    );
  }
  return out;
}

/** Items of one query by decreasing score (ties by index), as positions s..e. */
function sortedByScore(score: Float64Array, s: number, e: number): number[] {
  const order = Array.from({ length: e - s }, (_, j) => s + j);
  return order.sort((a, b) => score[b] - score[a] || a - b);
}

/** 1 / max DCG@k of one query's labels with gains 2^rel − 1 (0 when nothing is relevant). */
function inverseMaxDcg(y: Float64Array, s: number, e: number, k: number): number {
  const labels = Array.from(y.subarray(s, e)).sort((a, b) => b - a);
  let dcg = 0;
  for (let r = 0; r < Math.min(k, labels.length); r++) {
    dcg += (2 ** labels[r] - 1) / Math.log2(r + 2);
  }
  return dcg > 0 ? 1 / dcg : 0;
}

/**
 * Lambdas (gradients) and hessians of LambdaMART (`pairwise = false`) or RankNet
 * (`pairwise = true`) for every row, one query group at a time.
 * @param score current margins, length n
 * @param y relevance grades (non-negative integers), length n
 * @param offsets group offsets from `groupOffsets`
 */
export function rankingGradients(
  score: Float64Array,
  y: Float64Array,
  offsets: Uint32Array,
  weight: Float64Array | undefined,
  grad: Float64Array,
  hess: Float64Array,
  pairwise: boolean,
  options: RankingOptions = {},
): void {
  const { truncationLevel = 30, norm = true, sigma = 1 } = options;
  grad.fill(0, 0, y.length);
  hess.fill(0, 0, y.length);
  for (let q = 0; q + 1 < offsets.length; q++) {
    const s = offsets[q], e = offsets[q + 1];
    const order = sortedByScore(score, s, e);
    const inv = pairwise ? 1 : inverseMaxDcg(y, s, e, truncationLevel);
    if (inv === 0) continue;
    const top = pairwise ? order.length : Math.min(order.length, truncationLevel);
    let sumLambda = 0;
    for (let a = 0; a < top; a++) {
      for (let b = a + 1; b < order.length; b++) {
        const i = order[a], j = order[b];
        if (y[i] === y[j]) continue;
        const [hi, lo, rHi, rLo] = y[i] > y[j] ? [i, j, a, b] : [j, i, b, a];
        const delta = pairwise
          ? 1
          : (2 ** y[hi] - 2 ** y[lo]) * Math.abs(1 / Math.log2(rHi + 2) - 1 / Math.log2(rLo + 2)) *
            inv;
        const rho = 1 / (1 + Math.exp(sigma * (score[hi] - score[lo])));
        const lambda = -sigma * delta * rho;
        const h = sigma * sigma * delta * rho * (1 - rho);
        grad[hi] += lambda;
        grad[lo] -= lambda;
        hess[hi] += h;
        hess[lo] += h;
        sumLambda -= 2 * lambda;
      }
    }
    if (norm && !pairwise && sumLambda > 0) {
      const factor = Math.log2(1 + sumLambda) / sumLambda;
      for (let i = s; i < e; i++) {
        grad[i] *= factor;
        hess[i] *= factor;
      }
    }
  }
  if (weight) {
    for (let i = 0; i < y.length; i++) {
      grad[i] *= weight[i];
      hess[i] *= weight[i];
    }
  }
}

/**
 * The smooth loss whose gradient the lambdas are, with |ΔNDCG| frozen at the current ranking:
 * Σ_pairs |ΔNDCG_ij| log(1 + e^{−σ(s_i − s_j)}) (norm off). For finite-difference checks.
 * @param frozen the scores that fix the ranking (and so the |ΔNDCG| weights)
 */
export function rankingLoss(
  score: Float64Array,
  frozen: Float64Array,
  y: Float64Array,
  offsets: Uint32Array,
  pairwise: boolean,
  options: RankingOptions = {},
): number {
  const { truncationLevel = 30, sigma = 1 } = options;
  let total = 0;
  for (let q = 0; q + 1 < offsets.length; q++) {
    const s = offsets[q], e = offsets[q + 1];
    const order = sortedByScore(frozen, s, e);
    const inv = pairwise ? 1 : inverseMaxDcg(y, s, e, truncationLevel);
    const top = pairwise ? order.length : Math.min(order.length, truncationLevel);
    for (let a = 0; a < top; a++) {
      for (let b = a + 1; b < order.length; b++) {
        const i = order[a], j = order[b];
        if (y[i] === y[j]) continue;
        const [hi, lo, rHi, rLo] = y[i] > y[j] ? [i, j, a, b] : [j, i, b, a];
        const delta = pairwise
          ? 1
          : (2 ** y[hi] - 2 ** y[lo]) * Math.abs(1 / Math.log2(rHi + 2) - 1 / Math.log2(rLo + 2)) *
            inv;
        total += delta * Math.log1p(Math.exp(-sigma * (score[hi] - score[lo])));
      }
    }
  }
  return total;
}
