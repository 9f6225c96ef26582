/**
 * The Poisson distribution Poisson(λ) on 0, 1, 2, ….
 *
 * @module
 */
import { checkOptions, optionNames } from "../core/options.ts";
import type { Random } from "../core/random.ts";
import type { UnivariateDistribution } from "./distribution.ts";
import { checkPositive, checkSampleSize, toRandom } from "./params.ts";
import { gammaIncQ, logGamma } from "./special.ts";
import { poissonVariate } from "./variates.ts";

const POISSON_OPTION_NAMES = optionNames<PoissonOptions>({ lambda: true });

/** Parameters of {@link Poisson}. */
export interface PoissonOptions {
  /** The rate λ > 0, the expected count. */
  lambda: number;
}

/**
 * Poisson(λ): P(X = k) = λ^k e^(-λ) / k!, the count of events in a window when they arrive at
 * rate λ. Mean and variance both λ. `pdf` is the pmf: 0 for non-integers and negatives.
 * The CDF P(X ≤ k) is the regularized upper incomplete gamma Q(⌊k⌋ + 1, λ).
 *
 * @example
 * ```ts
 * import { Poisson } from "../mod.ts";
 * import { assertAlmostEquals } from "@std/assert";
 *
 * const p = new Poisson({ lambda: 3 });
 * assertAlmostEquals(p.pdf(2), 4.5 * Math.exp(-3)); // ≈ 0.22404
 * assertAlmostEquals(p.cdf(2), 8.5 * Math.exp(-3)); // e^(-3)(1 + 3 + 4.5) ≈ 0.42319
 * ```
 */
export class Poisson implements UnivariateDistribution {
  /** The parameters after checking (vectors copied to Float64Array). */
  readonly params: Readonly<PoissonOptions>;
  private readonly logLambda: number;

  /** Checks the parameters (see {@link PoissonOptions}); a bad one is a `ValueError` naming it. */
  constructor(options: PoissonOptions) {
    checkOptions(options, POISSON_OPTION_NAMES, "Poisson");
    const { lambda } = options;
    this.params = Object.freeze({ lambda: checkPositive("lambda", lambda) });
    this.logLambda = Math.log(lambda);
  }

  /** The pmf P(X = x). */
  pdf(x: number): number {
    return Math.exp(this.logPdf(x));
  }

  logPdf(x: number): number {
    if (Number.isNaN(x)) return NaN;
    if (x < 0 || !Number.isInteger(x)) return -Infinity;
    return x * this.logLambda - this.params.lambda - logGamma(x + 1);
  }

  cdf(x: number): number {
    if (Number.isNaN(x)) return NaN;
    if (x < 0) return 0;
    if (x === Infinity) return 1;
    return gammaIncQ(Math.floor(x) + 1, this.params.lambda);
  }

  mean(): number {
    return this.params.lambda;
  }

  variance(): number {
    return this.params.lambda;
  }

  /** n draws: Knuth's method for λ < 10, Hörmann's PTRS rejection for λ ≥ 10. */
  sample(n: number, random: Random | number = 0): Float64Array {
    const rng = toRandom(random);
    const out = new Float64Array(checkSampleSize(n));
    for (let i = 0; i < out.length; i++) out[i] = poissonVariate(rng, this.params.lambda);
    return out;
  }
}
