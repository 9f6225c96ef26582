/**
 * Sampling algorithms that lib/core's `Random` does not provide directly: log-gamma variates
 * (for Beta and Dirichlet), Poisson variates, and inverse-CDF draws from a finite distribution.
 *
 * @module
 */
import type { Random } from "../core/random.ts";
import { logGamma } from "./special.ts";

/**
 * log G with G ~ Gamma(shape, 1). For shape < 1 the boost G = G' U^(1/shape),
 * G' ~ Gamma(shape + 1), is taken in logs: U^(1/shape) underflows to 0 for small shapes (shape = 0.01 and U = 0.001 give
 * 1e-300), which would turn a Beta draw X / (X + Y) into 0/0.
 */
export function logGammaVariate(rng: Random, shape: number): number {
  if (shape >= 1) return Math.log(rng.gamma(shape));
  const u = 1 - rng.uniform(); // in (0, 1], so the log is finite
  return Math.log(rng.gamma(shape + 1)) + Math.log(u) / shape;
}

/**
 * A Poisson(λ) variate. Knuth's multiplication method for λ < 10 (expected λ + 1 uniforms);
 * Hörmann's transformed rejection with squeeze, PTRS (1993), for λ ≥ 10 (about 1.1 pairs of
 * uniforms per draw, whatever λ).
 */
export function poissonVariate(rng: Random, lambda: number): number {
  return lambda < 10 ? poissonKnuth(rng, lambda) : poissonPtrs(rng, lambda);
}

/** Counts uniforms until their product falls below e^(-λ): arrivals of a unit-rate process in λ. */
function poissonKnuth(rng: Random, lambda: number): number {
  const limit = Math.exp(-lambda);
  let k = 0, product = rng.uniform();
  while (product > limit) {
    k++;
    product *= rng.uniform();
  }
  return k;
}

/**
 * PTRS: a candidate k = ⌊(2a/us + b)·U + λ + 0.43⌋ from a transformed uniform U, accepted at once
 * in the central region (the squeeze), otherwise by comparing with the exact log pmf.
 * Constants a, b, α, v_r are Hörmann's fit (W. Hörmann, "The transformed rejection method for
 * generating Poisson random variables", Insurance: Mathematics and Economics 12, 1993).
 */
function poissonPtrs(rng: Random, lambda: number): number {
  const sqrtLambda = Math.sqrt(lambda), logLambda = Math.log(lambda);
  const b = 0.931 + 2.53 * sqrtLambda;
  const a = -0.059 + 0.02483 * b;
  const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = rng.uniform() - 0.5;
    const v = rng.uniform();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    const logAccept = Math.log(v * invAlpha / (a / (us * us) + b));
    if (logAccept <= -lambda + k * logLambda - logGamma(k + 1)) return k;
  }
}

/**
 * An index i with probability weights[i] / Σ weights, by binary search of U·total in the running
 * sums `cumulative` (cumulative[i] = weights[0] + … + weights[i]). Zero-weight indices are never
 * returned: the search finds the first index whose running sum exceeds U·total.
 */
export function searchCumulative(cumulative: Float64Array, rng: Random): number {
  const target = rng.uniform() * cumulative[cumulative.length - 1];
  let lo = 0, hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulative[mid] > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Running sums of `weights`. */
export function cumulativeSum(weights: ArrayLike<number>): Float64Array {
  const out = new Float64Array(weights.length);
  let total = 0;
  for (let i = 0; i < weights.length; i++) out[i] = total += weights[i];
  return out;
}
