/**
 * The multinomial distribution: category counts of n independent categorical trials.
 *
 * @module
 */
import { checkOptions, optionNames } from "../core/options.ts";
import { Matrix } from "../core/matrix.ts";
import type { Random } from "../core/random.ts";
import type { MultivariateDistribution } from "./distribution.ts";
import { checkCount, checkPoint, checkProbabilities, checkSampleSize, toRandom } from "./params.ts";
import { logGamma } from "./special.ts";
import { cumulativeSum, searchCumulative } from "./variates.ts";

const MULTINOMIAL_OPTION_NAMES = optionNames<MultinomialOptions>({ trials: true, probs: true });

/** Parameters of {@link Multinomial}. */
export interface MultinomialOptions {
  /** The number of trials n, an integer ≥ 0. */
  trials: number;
  /** The category probabilities p₁ … p_K: entries in [0, 1] summing to 1. */
  probs: ArrayLike<number>;
}

/**
 * Multinomial(n, p): P(X = x) = n! / (x₁! … x_K!) · p₁^x₁ … p_K^x_K for counts x summing to n.
 * Mean n p_k, variance n p_k (1 - p_k), covariance -n p_j p_k (multinomial naive Bayes uses this
 * likelihood for word counts). `pdf` is the pmf: 0 for counts that are not
 * non-negative integers summing to n.
 *
 * @example
 * ```ts
 * import { Multinomial } from "../mod.ts";
 * import { assertAlmostEquals } from "@std/assert";
 *
 * const m = new Multinomial({ trials: 3, probs: [0.5, 0.5] });
 * assertAlmostEquals(m.pdf([2, 1]), 0.375); // 3 · 0.5³
 * ```
 */
export class Multinomial implements MultivariateDistribution {
  /** The parameters after checking (vectors copied to Float64Array). */
  readonly params: Readonly<{ trials: number; probs: Float64Array }>;
  private readonly cumulative: Float64Array;

  /** Checks the parameters (see {@link MultinomialOptions}); a bad one is a `ValueError` naming it. */
  constructor(options: MultinomialOptions) {
    checkOptions(options, MULTINOMIAL_OPTION_NAMES, "Multinomial");
    const { trials, probs } = options;
    this.params = Object.freeze({
      trials: checkCount("trials", trials),
      probs: checkProbabilities("probs", probs),
    });
    this.cumulative = cumulativeSum(this.params.probs);
  }

  get dimension(): number {
    return this.params.probs.length;
  }

  /** The pmf P(X = x) of a count vector x, shape (K,). */
  pdf(x: ArrayLike<number>): number {
    return Math.exp(this.logPdf(x));
  }

  logPdf(x: ArrayLike<number>): number {
    const counts = checkPoint(x, this.dimension, "Multinomial.logPdf");
    const { trials, probs } = this.params;
    let total = 0, logP = logGamma(trials + 1);
    for (let k = 0; k < counts.length; k++) {
      const c = counts[k];
      if (Number.isNaN(c)) return NaN;
      if (c < 0 || !Number.isInteger(c)) return -Infinity;
      total += c;
      if (c > 0) logP += c * Math.log(probs[k]) - logGamma(c + 1); // 0·log 0 = 0
    }
    return total === trials ? logP : -Infinity;
  }

  mean(): Float64Array {
    return this.params.probs.map((p) => this.params.trials * p);
  }

  variance(): Float64Array {
    return this.params.probs.map((p) => this.params.trials * p * (1 - p));
  }

  covariance(): Matrix {
    const { trials, probs } = this.params;
    const K = probs.length;
    const cov = new Matrix(K, K);
    for (let i = 0; i < K; i++) {
      for (let j = 0; j < K; j++) {
        cov.data[i * K + j] = i === j
          ? trials * probs[i] * (1 - probs[i])
          : -trials * probs[i] * probs[j];
      }
    }
    return cov;
  }

  /**
   * n count vectors, each from `trials` categorical draws tallied (O(trials · log K) per sample:
   * exact and simple; meant for the modest trial counts of the notebooks).
   */
  sample(n: number, random: Random | number = 0): Matrix {
    const rng = toRandom(random);
    const K = this.dimension;
    const out = new Matrix(checkSampleSize(n), K);
    for (let i = 0; i < n; i++) {
      for (let t = 0; t < this.params.trials; t++) {
        out.data[i * K + searchCumulative(this.cumulative, rng)]++;
      }
    }
    return out;
  }
}
