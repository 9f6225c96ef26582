/**
 * The logistic distribution of 李航《统计学习方法》定义 6.1, whose CDF is the sigmoid that gives
 * logistic regression its name.
 *
 * @module
 */
import { ValueError } from "../core/errors.ts";
import { Random } from "../core/random.ts";
import type { UnivariateDistribution } from "../prob/distribution.ts";

/** Parameters of {@link LogisticDistribution}. */
export interface LogisticDistributionOptions {
  /** Location μ (the mean, median and mode). @default 0 */
  mu?: number;
  /** Scale γ > 0 (the variance is π²γ²/3). @default 1 */
  gamma?: number;
}

/**
 * The logistic distribution (李航 定义 6.1):
 *
 *   F(x) = 1 / (1 + e^{−(x−μ)/γ}),   f(x) = F'(x) = e^{−(x−μ)/γ} / (γ (1 + e^{−(x−μ)/γ})²).
 *
 * F is an S-shaped curve symmetric about (μ, ½): F(μ + t) = 1 − F(μ − t); smaller γ makes it
 * steeper at μ. With μ = 0, γ = 1, F is the sigmoid σ(z) of logistic regression and f = σ(1 − σ).
 *
 * Everything is evaluated through z = (x − μ)/γ with the e^{−|z|} form, so no exponential
 * overflows: f(x) = e^{−|z|} / (γ (1 + e^{−|z|})²) (f is even in z).
 *
 * @example
 * ```ts
 * import { LogisticDistribution } from "../mod.ts";
 * import { assertAlmostEquals, assertEquals } from "@std/assert";
 *
 * const d = new LogisticDistribution({ mu: 0, gamma: 1 });
 * assertEquals([d.cdf(0), d.pdf(0)], [0.5, 0.25]);
 * assertAlmostEquals(d.variance(), Math.PI ** 2 / 3);
 * ```
 */
export class LogisticDistribution implements UnivariateDistribution {
  /** μ and γ after checking. */
  readonly params: Readonly<Required<LogisticDistributionOptions>>;

  /** Checks μ (finite) and γ (> 0); a bad one is a `ValueError` naming it. */
  constructor({ mu = 0, gamma = 1 }: LogisticDistributionOptions = {}) {
    if (typeof mu !== "number" || !Number.isFinite(mu)) {
      throw new ValueError(`The 'mu' parameter must be a finite number. Got ${mu} instead.`);
    }
    if (typeof gamma !== "number" || !Number.isFinite(gamma) || gamma <= 0) {
      throw new ValueError(`The 'gamma' parameter must be > 0. Got ${gamma} instead.`);
    }
    this.params = Object.freeze({ mu, gamma });
  }

  pdf(x: number): number {
    return Math.exp(this.logPdf(x));
  }

  /** log f(x) = −|z| − 2 log(1 + e^{−|z|}) − log γ. */
  logPdf(x: number): number {
    const a = Math.abs((x - this.params.mu) / this.params.gamma);
    return -a - 2 * Math.log1p(Math.exp(-a)) - Math.log(this.params.gamma);
  }

  cdf(x: number): number {
    const z = (x - this.params.mu) / this.params.gamma;
    if (z >= 0) return 1 / (1 + Math.exp(-z));
    const e = Math.exp(z);
    return e / (1 + e);
  }

  /** F⁻¹(p) = μ + γ log(p / (1 − p)), the logit; ±Infinity at p = 1 and p = 0. */
  quantile(p: number): number {
    if (!(p >= 0 && p <= 1)) {
      throw new ValueError(`quantile needs a probability in [0, 1]. Got ${p} instead.`);
    }
    return this.params.mu + this.params.gamma * (Math.log(p) - Math.log1p(-p));
  }

  mean(): number {
    return this.params.mu;
  }

  /** π²γ²/3. */
  variance(): number {
    return (Math.PI * this.params.gamma) ** 2 / 3;
  }

  /** n draws by inversion, F⁻¹(U) with U uniform on (0, 1). */
  sample(n: number, random: Random | number = 0): Float64Array {
    if (!Number.isInteger(n) || n < 0) {
      throw new ValueError(`The sample size 'n' must be an integer >= 0. Got ${n} instead.`);
    }
    const rng = typeof random === "number" ? new Random(random) : random;
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let u = rng.uniform();
      while (u === 0) u = rng.uniform();
      out[i] = this.quantile(u);
    }
    return out;
  }
}
