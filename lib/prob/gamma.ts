/**
 * The gamma distribution Gamma(k, θ) in the shape-scale form (SciPy's `gamma(a, scale=θ)`).
 *
 * @module
 */
import { checkOptions, optionNames } from "../core/options.ts";
import type { Random } from "../core/random.ts";
import type { UnivariateDistribution } from "./distribution.ts";
import { checkPositive, checkSampleSize, toRandom, xlogy } from "./params.ts";
import { gammaIncP, logGamma } from "./special.ts";

const GAMMA_OPTION_NAMES = optionNames<GammaOptions>({ shape: true, scale: true });

/** Parameters of {@link Gamma}. */
export interface GammaOptions {
  /** The shape k, > 0. */
  shape: number;
  /** The scale θ, > 0 (the rate is 1/θ). @default 1 */
  scale?: number;
}

/**
 * Gamma(k, θ): p(x) = x^(k-1) e^(-x/θ) / (Γ(k) θ^k) for x ≥ 0. Mean kθ, variance kθ².
 * The CDF is the regularized lower incomplete gamma P(k, x/θ). With k = 1 it is the exponential
 * distribution; it is the conjugate prior of a Poisson rate and of a Gaussian precision.
 *
 * @example
 * ```ts
 * import { Gamma } from "../mod.ts";
 * import { assertAlmostEquals, assertEquals } from "@std/assert";
 *
 * const g = new Gamma({ shape: 2, scale: 3 });
 * assertEquals(g.mean(), 6);
 * assertAlmostEquals(g.cdf(6), 1 - 3 * Math.exp(-2)); // P(2, 2) ≈ 0.59399
 * ```
 */
export class Gamma implements UnivariateDistribution {
  /** The parameters after checking (vectors copied to Float64Array). */
  readonly params: Readonly<Required<GammaOptions>>;
  private readonly logNorm: number;

  /** Checks the parameters (see {@link GammaOptions}); a bad one is a `ValueError` naming it. */
  constructor(options: GammaOptions) {
    checkOptions(options, GAMMA_OPTION_NAMES, "Gamma");
    const { shape, scale = 1 } = options;
    this.params = Object.freeze({
      shape: checkPositive("shape", shape),
      scale: checkPositive("scale", scale),
    });
    this.logNorm = logGamma(shape) + shape * Math.log(scale);
  }

  pdf(x: number): number {
    return Math.exp(this.logPdf(x));
  }

  logPdf(x: number): number {
    if (Number.isNaN(x)) return NaN;
    if (x < 0 || x === Infinity) return -Infinity;
    const { shape, scale } = this.params;
    return xlogy(shape - 1, x) - x / scale - this.logNorm;
  }

  cdf(x: number): number {
    if (Number.isNaN(x)) return NaN;
    return x <= 0 ? 0 : gammaIncP(this.params.shape, x / this.params.scale);
  }

  mean(): number {
    return this.params.shape * this.params.scale;
  }

  variance(): number {
    return this.params.shape * this.params.scale ** 2;
  }

  /** n draws by Marsaglia & Tsang's method (lib/core's `Random.gamma`). */
  sample(n: number, random: Random | number = 0): Float64Array {
    const rng = toRandom(random);
    const out = new Float64Array(checkSampleSize(n));
    for (let i = 0; i < out.length; i++) out[i] = rng.gamma(this.params.shape, this.params.scale);
    return out;
  }
}
