/**
 * Minkowski (Lp) distances, 李航《统计学习方法》§3.2.2 (式 3.2):
 * L_p(x, y) = (Σ_l |x⁽ˡ⁾ − y⁽ˡ⁾|^p)^(1/p), with p = 1 (Manhattan), p = 2 (Euclidean) and
 * p = ∞ (Chebyshev, max_l |x⁽ˡ⁾ − y⁽ˡ⁾|).
 *
 * Searches compare the *reduced* distance Σ|d|^p (or max|d| for p = ∞), which orders points exactly
 * as L_p does but skips the root; the root is taken once, on the k distances returned. Brute force and
 * the kd-tree call the very same `reducedDistance`, so equal distances compare equal bit for bit and
 * the tie policy (lower index first) gives both searches the same answer.
 *
 * @module
 */
import { describe, ShapeError, ValueError } from "../core/errors.ts";

/**
 * Checks the Minkowski exponent: any p ≥ 1, or `Infinity` (for p < 1 the triangle inequality fails,
 * so Lp is not a metric and the kd-tree's pruning would be wrong).
 */
export function checkP(value: unknown): number {
  if (typeof value !== "number" || Number.isNaN(value) || value < 1) {
    throw new ValueError(
      `The 'p' option must be a number >= 1 or Infinity. Got ${describe(value)} instead.`,
    );
  }
  return value;
}

/** |d|^p, specialised so that p = 1 and p = 2 avoid `Math.pow`. */
export function powAbs(d: number, p: number): number {
  const a = d < 0 ? -d : d;
  if (p === 2) return a * a;
  if (p === 1) return a;
  return Math.pow(a, p);
}

/**
 * Reduced Minkowski distance between row `i` of `data` (row-major, `dim` columns) and `q`:
 * Σ_l |q_l − x_il|^p for finite p, max_l |q_l − x_il| for p = ∞.
 */
export function reducedDistance(
  q: ArrayLike<number>,
  data: Float64Array,
  i: number,
  dim: number,
  p: number,
): number {
  const o = i * dim;
  let s = 0;
  if (p === 2) {
    for (let l = 0; l < dim; l++) {
      const d = q[l] - data[o + l];
      s += d * d;
    }
  } else if (p === 1) {
    for (let l = 0; l < dim; l++) s += Math.abs(q[l] - data[o + l]);
  } else if (p === Infinity) {
    for (let l = 0; l < dim; l++) {
      const d = Math.abs(q[l] - data[o + l]);
      if (d > s) s = d;
    }
  } else {
    for (let l = 0; l < dim; l++) s += Math.pow(Math.abs(q[l] - data[o + l]), p);
  }
  return s;
}

/**
 * Turns a reduced distance back into L_p: the p-th root (nothing to do for p = 1 and ∞).
 * `Math.pow(r, 1 / p)` alone is off by an ulp where the root is exact (64^(1/3) gives
 * 3.9999999999999996), so one Newton step on t^p = r polishes it.
 */
export function fromReduced(r: number, p: number): number {
  if (p === 2) return Math.sqrt(r);
  if (p === 1 || p === Infinity) return r;
  const t = Math.pow(r, 1 / p);
  if (!(t > 0) || !Number.isFinite(t)) return t;
  const polished = t - (Math.pow(t, p) - r) / (p * Math.pow(t, p - 1));
  return Number.isFinite(polished) ? polished : t;
}

/**
 * The L_p distance between two points.
 *
 * @param a first point, length nFeatures
 * @param b second point, same length
 * @param p exponent ≥ 1 or `Infinity` (default 2)
 * @example
 * ```ts
 * import { minkowski } from "../mod.ts";
 * import { assertAlmostEquals, assertEquals } from "@std/assert";
 *
 * // 李航 例3.1: from x₁ = (1, 1), x₃ = (4, 4) is nearer than x₂ = (5, 1) once p ≥ 3
 * assertAlmostEquals(minkowski([1, 1], [4, 4], 3), 3.7797631496846193, 1e-15);
 * assertEquals(minkowski([1, 1], [5, 1], 3), 4);
 * assertEquals(minkowski([1, 1], [4, 4], Infinity), 3);
 * ```
 */
export function minkowski(a: ArrayLike<number>, b: ArrayLike<number>, p = 2): number {
  checkP(p);
  if (a.length !== b.length) {
    throw new ShapeError(
      `minkowski needs points of equal length. Got ${a.length} and ${b.length}.`,
    );
  }
  return fromReduced(reducedDistance(a, Float64Array.from(b), 0, a.length, p), p);
}
