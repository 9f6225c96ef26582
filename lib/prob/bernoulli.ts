/**
 * The Bernoulli distribution: one coin flip.
 *
 * @module
 */
import { checkOptions, optionNames } from "../core/options.ts";
import type { Random } from "../core/random.ts";
import type { UnivariateDistribution } from "./distribution.ts";
import { checkProbability, checkSampleSize, toRandom } from "./params.ts";

const BERNOULLI_OPTION_NAMES = optionNames<BernoulliOptions>({ p: true });

/** Parameters of {@link Bernoulli}. */
export interface BernoulliOptions {
  /** P(X = 1), in [0, 1]. */
  p: number;
}

/**
 * Bernoulli(p): P(X = 1) = p, P(X = 0) = 1 - p; mean p, variance p(1 - p). `pdf` is the pmf,
 * p^x (1-p)^(1-x) for x ∈ {0, 1} and 0 elsewhere.
 *
 * @example
 * ```ts
 * import { Bernoulli } from "../mod.ts";
 * import { assert, assertEquals } from "@std/assert";
 *
 * const coin = new Bernoulli({ p: 0.3 });
 * assertEquals(coin.pdf(1), 0.3);
 * const flips = coin.sample(5, 7); // five seeded 0/1 flips
 * assertEquals(flips, coin.sample(5, 7)); // same seed, same flips
 * assert(Array.from(flips).every((x) => x === 0 || x === 1));
 * ```
 */
export class Bernoulli implements UnivariateDistribution {
  /** The parameters after checking (vectors copied to Float64Array). */
  readonly params: Readonly<BernoulliOptions>;

  /** Checks the parameters (see {@link BernoulliOptions}); a bad one is a `ValueError` naming it. */
  constructor(options: BernoulliOptions) {
    checkOptions(options, BERNOULLI_OPTION_NAMES, "Bernoulli");
    const { p } = options;
    this.params = Object.freeze({ p: checkProbability("p", p) });
  }

  /** The pmf P(X = x). */
  pdf(x: number): number {
    if (Number.isNaN(x)) return NaN;
    return x === 1 ? this.params.p : x === 0 ? 1 - this.params.p : 0;
  }

  logPdf(x: number): number {
    return Math.log(this.pdf(x));
  }

  cdf(x: number): number {
    if (Number.isNaN(x)) return NaN;
    return x < 0 ? 0 : x < 1 ? 1 - this.params.p : 1;
  }

  mean(): number {
    return this.params.p;
  }

  variance(): number {
    return this.params.p * (1 - this.params.p);
  }

  /** n flips: 1 when a uniform U < p. */
  sample(n: number, random: Random | number = 0): Float64Array {
    const rng = toRandom(random);
    const out = new Float64Array(checkSampleSize(n));
    for (let i = 0; i < out.length; i++) out[i] = rng.uniform() < this.params.p ? 1 : 0;
    return out;
  }
}
