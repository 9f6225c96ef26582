/**
 * The categorical distribution: one roll of a K-sided, possibly loaded, die.
 *
 * @module
 */
import { checkOptions, optionNames } from "../core/options.ts";
import type { Random } from "../core/random.ts";
import type { UnivariateDistribution } from "./distribution.ts";
import { checkProbabilities, checkSampleSize, toRandom } from "./params.ts";
import { cumulativeSum, searchCumulative } from "./variates.ts";

const CATEGORICAL_OPTION_NAMES = optionNames<CategoricalOptions>({ probs: true });

/** Parameters of {@link Categorical}. */
export interface CategoricalOptions {
  /** P(X = k) for k = 0 … K-1: entries in [0, 1] summing to 1. */
  probs: ArrayLike<number>;
}

/**
 * Categorical(p₀, …, p_{K-1}) on the category indices 0 … K-1: P(X = k) = p_k. `pdf` is the pmf
 * (0 for non-integers and indices out of range); `cdf`, `mean` and `variance` treat the indices as
 * numbers, as SciPy's `rv_discrete(values=(range(K), p))` does. A Multinomial with one trial.
 *
 * @example
 * ```ts
 * import { Categorical } from "../mod.ts";
 * import { assert, assertAlmostEquals, assertEquals } from "@std/assert";
 *
 * const die = new Categorical({ probs: [0.5, 0.3, 0.2] });
 * assertEquals(die.pdf(1), 0.3);
 * assertAlmostEquals(die.cdf(1), 0.8);
 * const draws = die.sample(4, 0); // four seeded indices in {0, 1, 2}
 * assert(Array.from(draws).every((k) => k === 0 || k === 1 || k === 2));
 * ```
 */
export class Categorical implements UnivariateDistribution {
  /** The parameters after checking (vectors copied to Float64Array). */
  readonly params: Readonly<{ probs: Float64Array }>;
  private readonly cumulative: Float64Array;

  /** Checks the parameters (see {@link CategoricalOptions}); a bad one is a `ValueError` naming it. */
  constructor(options: CategoricalOptions) {
    checkOptions(options, CATEGORICAL_OPTION_NAMES, "Categorical");
    const { probs } = options;
    const p = checkProbabilities("probs", probs);
    this.params = Object.freeze({ probs: p });
    this.cumulative = cumulativeSum(p);
  }

  /** The number of categories K. */
  get size(): number {
    return this.params.probs.length;
  }

  /** The pmf P(X = x). */
  pdf(x: number): number {
    if (Number.isNaN(x)) return NaN;
    return Number.isInteger(x) && x >= 0 && x < this.size ? this.params.probs[x] : 0;
  }

  logPdf(x: number): number {
    return Math.log(this.pdf(x));
  }

  cdf(x: number): number {
    if (Number.isNaN(x)) return NaN;
    if (x < 0) return 0;
    if (x >= this.size - 1) return 1;
    return this.cumulative[Math.floor(x)];
  }

  mean(): number {
    let m = 0;
    for (let k = 0; k < this.size; k++) m += k * this.params.probs[k];
    return m;
  }

  variance(): number {
    const m = this.mean();
    let v = 0;
    for (let k = 0; k < this.size; k++) v += (k - m) ** 2 * this.params.probs[k];
    return v;
  }

  /** n category indices by inverse-CDF binary search (O(log K) per draw). */
  sample(n: number, random: Random | number = 0): Float64Array {
    const rng = toRandom(random);
    const out = new Float64Array(checkSampleSize(n));
    for (let i = 0; i < out.length; i++) out[i] = searchCumulative(this.cumulative, rng);
    return out;
  }
}
