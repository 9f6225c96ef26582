/**
 * The Dirichlet distribution Dir(α) on the probability simplex.
 *
 * @module
 */
import { checkOptions, optionNames } from "../core/options.ts";
import { ValueError } from "../core/errors.ts";
import { Matrix } from "../core/matrix.ts";
import type { Random } from "../core/random.ts";
import type { MultivariateDistribution } from "./distribution.ts";
import {
  checkPoint,
  checkPositiveVector,
  checkSampleSize,
  SUM_TOLERANCE,
  toRandom,
  xlogy,
} from "./params.ts";
import { logGamma } from "./special.ts";
import { logGammaVariate } from "./variates.ts";

const DIRICHLET_OPTION_NAMES = optionNames<DirichletOptions>({ alpha: true });

/** Parameters of {@link Dirichlet}. */
export interface DirichletOptions {
  /** The concentrations α₁ … α_K, each > 0, K ≥ 2. */
  alpha: ArrayLike<number>;
}

/**
 * Dir(α): p(x) = Γ(α₀) / ∏ Γ(α_k) · ∏ x_k^(α_k - 1) on the simplex {x_k ≥ 0, Σ x_k = 1},
 * α₀ = Σ α_k; the conjugate prior of categorical probabilities (Laplace smoothing in 李航 §4.2.3
 * is the posterior mean under a symmetric Dirichlet). Mean α/α₀, variance
 * α_k(α₀ - α_k)/(α₀²(α₀+1)).
 *
 * The density is with respect to the first K - 1 coordinates (as SciPy's). `pdf(x)` needs x with
 * K entries summing to 1 (within 1e-8, else ValueError); entries outside [0, 1] give density 0.
 *
 * @example
 * ```ts
 * import { Dirichlet } from "../mod.ts";
 * import { assertAlmostEquals } from "@std/assert";
 *
 * const d = new Dirichlet({ alpha: [1, 1, 1] });
 * assertAlmostEquals(d.pdf([0.2, 0.3, 0.5]), 2); // uniform on the triangle: Γ(3) = 2
 * ```
 */
export class Dirichlet implements MultivariateDistribution {
  /** The parameters after checking (vectors copied to Float64Array). */
  readonly params: Readonly<{ alpha: Float64Array }>;
  private readonly alphaSum: number;
  private readonly logNorm: number;

  /** Checks the parameters (see {@link DirichletOptions}); a bad one is a `ValueError` naming it. */
  constructor(options: DirichletOptions) {
    checkOptions(options, DIRICHLET_OPTION_NAMES, "Dirichlet");
    const { alpha } = options;
    const a = checkPositiveVector("alpha", alpha, 2);
    this.params = Object.freeze({ alpha: a });
    this.alphaSum = a.reduce((s, v) => s + v, 0);
    this.logNorm = a.reduce((s, v) => s + logGamma(v), 0) - logGamma(this.alphaSum);
  }

  get dimension(): number {
    return this.params.alpha.length;
  }

  pdf(x: ArrayLike<number>): number {
    return Math.exp(this.logPdf(x));
  }

  logPdf(x: ArrayLike<number>): number {
    const point = checkPoint(x, this.dimension, "Dirichlet.logPdf");
    if (point.some(Number.isNaN)) return NaN;
    const sum = point.reduce((s, v) => s + v, 0);
    if (Math.abs(sum - 1) > SUM_TOLERANCE) {
      throw new ValueError(
        `Dirichlet.logPdf expects x on the simplex: entries summing to 1. Got a sum of ${sum}.`,
      );
    }
    let logP = -this.logNorm;
    for (let k = 0; k < point.length; k++) {
      if (point[k] < 0 || point[k] > 1) return -Infinity;
      logP += xlogy(this.params.alpha[k] - 1, point[k]);
    }
    return logP;
  }

  mean(): Float64Array {
    return this.params.alpha.map((a) => a / this.alphaSum);
  }

  variance(): Float64Array {
    const s = this.alphaSum;
    return this.params.alpha.map((a) => (a * (s - a)) / (s * s * (s + 1)));
  }

  covariance(): Matrix {
    const a = this.params.alpha, s = this.alphaSum, K = a.length;
    const cov = new Matrix(K, K);
    const denom = s * s * (s + 1);
    for (let i = 0; i < K; i++) {
      for (let j = 0; j < K; j++) {
        cov.data[i * K + j] = i === j ? (a[i] * (s - a[i])) / denom : (-a[i] * a[j]) / denom;
      }
    }
    return cov;
  }

  /**
   * n points G / ΣG with G_k ~ Gamma(α_k) independent, normalized in logs (a softmax of
   * log-gamma variates), so tiny α do not produce 0/0.
   */
  sample(n: number, random: Random | number = 0): Matrix {
    const rng = toRandom(random);
    const K = this.dimension;
    const out = new Matrix(checkSampleSize(n), K);
    const logG = new Float64Array(K);
    for (let i = 0; i < n; i++) {
      let max = -Infinity;
      for (let k = 0; k < K; k++) {
        logG[k] = logGammaVariate(rng, this.params.alpha[k]);
        if (logG[k] > max) max = logG[k];
      }
      let total = 0;
      for (let k = 0; k < K; k++) total += out.data[i * K + k] = Math.exp(logG[k] - max);
      for (let k = 0; k < K; k++) out.data[i * K + k] /= total;
    }
    return out;
  }
}
