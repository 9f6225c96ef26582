/**
 * Shared checks for the distribution tests: fixture loading, closeness to SciPy values, sample
 * moments within standard errors, and a Kolmogorov-Smirnov distance for samplers.
 */
import { assert, assertLessOrEqual } from "@std/assert";
import type { UnivariateDistribution } from "../../../lib/prob/mod.ts";

/** Reads tests/fixtures/<name>.json. */
export function loadFixture(name: string) {
  return JSON.parse(Deno.readTextFileSync(new URL(`../../fixtures/${name}.json`, import.meta.url)));
}

/** |actual - expected| ≤ rtol·|expected| + atol; equal infinities pass. */
export function assertClose(
  actual: number,
  expected: number,
  msg: string,
  { rtol = 1e-10, atol = 0 }: { rtol?: number; atol?: number } = {},
): void {
  if (actual === expected) return;
  const err = Math.abs(actual - expected);
  assert(
    err <= rtol * Math.abs(expected) + atol,
    `${msg}: got ${actual}, expected ${expected} (relative error ${
      (err / Math.abs(expected)).toExponential(2)
    }, rtol ${rtol}, atol ${atol})`,
  );
}

/** The largest relative error seen by {@link assertClose}-style checks, for reports. */
export function relativeError(actual: number, expected: number): number {
  if (actual === expected) return 0;
  return Math.abs(actual - expected) / Math.abs(expected);
}

export interface UnivariateCase {
  params: Record<string, unknown>;
  x: number[];
  pdf: number[];
  logPdf: (number | null)[];
  cdf: number[];
  mean: number;
  variance: number;
  excessKurtosis: number;
}

/** Compares pdf, logPdf, cdf, mean and variance with a SciPy fixture case; returns the worst error. */
export function checkAgainstScipy(
  dist: UnivariateDistribution,
  c: UnivariateCase,
  tolerance: { rtol?: number; atol?: number } = {},
): number {
  let worst = 0;
  const check = (got: number, want: number, what: string) => {
    assertClose(got, want, `${JSON.stringify(c.params)} ${what}`, tolerance);
    worst = Math.max(worst, relativeError(got, want));
  };
  c.x.forEach((x, i) => {
    check(dist.pdf(x), c.pdf[i], `pdf(${x})`);
    const logPdf = c.logPdf[i];
    if (logPdf === null) assert(dist.logPdf(x) === -Infinity, `logPdf(${x}) should be -Infinity`);
    else check(dist.logPdf(x), logPdf, `logPdf(${x})`);
    check(dist.cdf(x), c.cdf[i], `cdf(${x})`);
  });
  check(dist.mean(), c.mean, "mean");
  check(dist.variance(), c.variance, "variance");
  return worst;
}

/** Sample mean and (unbiased) variance. */
export function moments(xs: ArrayLike<number>): { mean: number; variance: number } {
  let mean = 0;
  for (let i = 0; i < xs.length; i++) mean += xs[i];
  mean /= xs.length;
  let ss = 0;
  for (let i = 0; i < xs.length; i++) ss += (xs[i] - mean) ** 2;
  return { mean, variance: ss / (xs.length - 1) };
}

/**
 * Checks that the sample mean and variance of n draws are within `k` standard errors of the
 * true values: SE(mean) = √(σ²/n), SE(s²) = σ² √(2/(n-1) + κ/n) with κ the excess kurtosis.
 * Returns the two z-scores.
 */
export function assertMomentsWithin(
  xs: ArrayLike<number>,
  truth: { mean: number; variance: number; excessKurtosis: number },
  label: string,
  k = 4,
): { zMean: number; zVariance: number } {
  const n = xs.length;
  const { mean, variance } = moments(xs);
  const seMean = Math.sqrt(truth.variance / n);
  const seVar = truth.variance * Math.sqrt(2 / (n - 1) + truth.excessKurtosis / n);
  const zMean = (mean - truth.mean) / seMean, zVariance = (variance - truth.variance) / seVar;
  assertLessOrEqual(Math.abs(zMean), k, `${label}: sample mean ${mean} vs ${truth.mean}`);
  assertLessOrEqual(
    Math.abs(zVariance),
    k,
    `${label}: sample variance ${variance} vs ${truth.variance}`,
  );
  return { zMean, zVariance };
}

/**
 * The Kolmogorov-Smirnov distance sup |F_n(x) - F(x)| between the empirical CDF of `xs` and `cdf`.
 * Continuous laws: both one-sided gaps at every sample point. Discrete laws (`discrete`): the gap
 * at each distinct sample value, where both CDFs jump, and just below it is the previous value.
 */
export function ksDistance(
  xs: ArrayLike<number>,
  cdf: (x: number) => number,
  discrete = false,
): number {
  const sorted = Float64Array.from(xs).sort();
  const n = sorted.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    if (discrete && i + 1 < n && sorted[i + 1] === sorted[i]) continue; // last of a run of ties
    const f = cdf(sorted[i]);
    d = Math.max(d, Math.abs((i + 1) / n - f));
    if (!discrete) d = Math.max(d, Math.abs(f - i / n));
  }
  return d;
}

/** The KS critical value at level 1% for n samples (asymptotic, 1.628/√n). */
export function ksCritical(n: number): number {
  return 1.628 / Math.sqrt(n);
}
