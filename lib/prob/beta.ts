/**
 * The beta distribution Beta(α, β) on [0, 1].
 *
 * @module
 */
import { checkOptions, optionNames } from "../core/options.ts";
import type { Random } from "../core/random.ts";
import type { UnivariateDistribution } from "./distribution.ts";
import { checkPositive, checkSampleSize, toRandom, xlogy } from "./params.ts";
import { betaInc, logBeta } from "./special.ts";
import { logGammaVariate } from "./variates.ts";

const BETA_OPTION_NAMES = optionNames<BetaOptions>({ alpha: true, beta: true });

/** Parameters of {@link Beta}. */
export interface BetaOptions {
  /** α > 0, the pseudo-count of successes. */
  alpha: number;
  /** β > 0, the pseudo-count of failures. */
  beta: number;
}

/**
 * Beta(α, β): p(x) = x^(α-1) (1-x)^(β-1) / B(α, β) on [0, 1], the conjugate prior of a Bernoulli
 * probability (a Dirichlet with two components). Mean α/(α+β), variance αβ / ((α+β)²(α+β+1)).
 * The CDF is the regularized incomplete beta I_x(α, β).
 *
 * @example
 * ```ts
 * import { Beta } from "../mod.ts";
 * import { assertAlmostEquals } from "@std/assert";
 *
 * const b = new Beta({ alpha: 2, beta: 3 });
 * assertAlmostEquals(b.mean(), 0.4);
 * assertAlmostEquals(b.cdf(0.4), 0.5248);
 * ```
 */
export class Beta implements UnivariateDistribution {
  /** The parameters after checking (vectors copied to Float64Array). */
  readonly params: Readonly<BetaOptions>;
  private readonly logNorm: number;

  /** Checks the parameters (see {@link BetaOptions}); a bad one is a `ValueError` naming it. */
  constructor(options: BetaOptions) {
    checkOptions(options, BETA_OPTION_NAMES, "Beta");
    const { alpha, beta } = options;
    this.params = Object.freeze({
      alpha: checkPositive("alpha", alpha),
      beta: checkPositive("beta", beta),
    });
    this.logNorm = logBeta(alpha, beta);
  }

  pdf(x: number): number {
    return Math.exp(this.logPdf(x));
  }

  logPdf(x: number): number {
    if (Number.isNaN(x)) return NaN;
    if (x < 0 || x > 1) return -Infinity;
    const { alpha, beta } = this.params;
    return xlogy(alpha - 1, x) + (beta === 1 ? 0 : (beta - 1) * Math.log1p(-x)) - this.logNorm;
  }

  cdf(x: number): number {
    if (Number.isNaN(x)) return NaN;
    if (x <= 0) return 0;
    if (x >= 1) return 1;
    return betaInc(this.params.alpha, this.params.beta, x);
  }

  mean(): number {
    const { alpha, beta } = this.params;
    return alpha / (alpha + beta);
  }

  variance(): number {
    const { alpha, beta } = this.params;
    const s = alpha + beta;
    return (alpha * beta) / (s * s * (s + 1));
  }

  /** n draws X / (X + Y) with X ~ Gamma(α), Y ~ Gamma(β), formed from log-gammas (no 0/0). */
  sample(n: number, random: Random | number = 0): Float64Array {
    const rng = toRandom(random);
    const out = new Float64Array(checkSampleSize(n));
    for (let i = 0; i < out.length; i++) {
      const lx = logGammaVariate(rng, this.params.alpha);
      const ly = logGammaVariate(rng, this.params.beta);
      out[i] = 1 / (1 + Math.exp(ly - lx));
    }
    return out;
  }
}
