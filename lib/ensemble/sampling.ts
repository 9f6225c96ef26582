/**
 * The random parts of boosting, all drawn from one seeded `Random`: row subsampling, feature
 * sampling per tree, GOSS (gradient-based one-side sampling) and DART's choice of trees to drop.
 *
 * @module
 */
import type { Random } from "../core/random.ts";

/** Each row kept with probability `rate` (XGBoost's `subsample`); all rows when rate = 1. */
export function sampleRows(n: number, rate: number, rng: Random): Uint32Array {
  if (rate >= 1) {
    const all = new Uint32Array(n);
    for (let i = 0; i < n; i++) all[i] = i;
    return all;
  }
  const out = new Uint32Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) if (rng.uniform() < rate) out[m++] = i;
  return out.slice(0, Math.max(m, 1));
}

/** max(1, ⌊rate · nFeatures⌋) features drawn without replacement; null when rate = 1. */
export function sampleFeatures(nFeatures: number, rate: number, rng: Random): Uint8Array | null {
  if (rate >= 1) return null;
  const k = Math.max(1, Math.floor(rate * nFeatures));
  const mask = new Uint8Array(nFeatures);
  const perm = rng.permutation(nFeatures);
  for (let j = 0; j < k; j++) mask[perm[j]] = 1;
  return mask;
}

/**
 * GOSS (Ke et al. 2017, LightGBM): keep the top a·n rows by |g·h| (summed over classes), sample
 * b·n of the others at random and multiply their g and h by (1 − a)/b, so that the gradient sums
 * stay unbiased while the tree sees only (a + b)·n rows.
 * @param grad class-major gradients (modified in place for the sampled small-gradient rows)
 * @returns the rows the tree learns from, ascending
 */
export function gossSample(
  grad: Float64Array,
  hess: Float64Array,
  n: number,
  numClass: number,
  topRate: number,
  otherRate: number,
  rng: Random,
): Uint32Array {
  const score = new Float64Array(n);
  for (let k = 0; k < numClass; k++) {
    for (let i = 0; i < n; i++) score[i] += Math.abs(grad[k * n + i] * hess[k * n + i]);
  }
  const topN = Math.max(1, Math.floor(topRate * n));
  const otherN = Math.floor(otherRate * n);
  const sorted = score.slice().sort();
  const threshold = sorted[n - topN];
  let ties = 0;
  for (let r = n - topN; r < n; r++) if (sorted[r] === threshold) ties++;
  const amplify = otherRate > 0 ? (1 - topRate) / otherRate : 0;
  const pRest = n > topN ? otherN / (n - topN) : 0;
  const rows: number[] = [];
  for (let i = 0; i < n; i++) {
    const big = score[i] > threshold || (score[i] === threshold && ties-- > 0);
    if (big) rows.push(i);
    else if (rng.uniform() < pRest) {
      rows.push(i);
      for (let k = 0; k < numClass; k++) {
        grad[k * n + i] *= amplify;
        hess[k * n + i] *= amplify;
      }
    }
  }
  return Uint32Array.from(rows);
}

/** DART's dropout parameters. */
export interface DropParams {
  /** Probability of dropping each tree. */
  rateDrop: number;
  /** Probability of skipping the dropout in a round. */
  skipDrop: number;
  /** Most trees dropped in one round (0: no limit). */
  maxDrop: number;
  /** "uniform", or "weighted" by tree weight. */
  sampleType: "uniform" | "weighted";
}

/**
 * The trees DART leaves out this round (Rashmi & Gilad-Bachrach 2015, XGBoost's rules): none with
 * probability skipDrop; otherwise each tree with probability rateDrop (weighted: rateDrop · T ·
 * w_t / Σw), at least one, at most maxDrop (a random subset when more were drawn).
 */
export function dartDrop(weights: ArrayLike<number>, p: DropParams, rng: Random): number[] {
  const t = weights.length;
  if (t === 0 || rng.uniform() < p.skipDrop) return [];
  let total = 0;
  for (let i = 0; i < t; i++) total += weights[i];
  let drop: number[] = [];
  for (let i = 0; i < t; i++) {
    const prob = p.sampleType === "uniform" ? p.rateDrop : (p.rateDrop * t * weights[i]) / total;
    if (rng.uniform() < prob) drop.push(i);
  }
  if (drop.length === 0) drop.push(rng.int(t));
  if (p.maxDrop > 0 && drop.length > p.maxDrop) {
    rng.shuffle(drop);
    drop = drop.slice(0, p.maxDrop).sort((a, b) => a - b);
  }
  return drop;
}
