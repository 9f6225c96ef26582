/**
 * The multivariate Gaussian N(μ, Σ), evaluated and sampled through the Cholesky factor of Σ.
 *
 * @module
 */
import { checkOptions, optionNames } from "../core/options.ts";
import { ShapeError, ValueError } from "../core/errors.ts";
import { cholesky } from "../core/linalg.ts";
import { Matrix } from "../core/matrix.ts";
import type { Random } from "../core/random.ts";
import { toMatrix } from "../core/validation.ts";
import type { MultivariateDistribution } from "./distribution.ts";
import { checkPoint, checkSampleSize, toRandom } from "./params.ts";

const MULTIVARIATE_GAUSSIAN_OPTION_NAMES = optionNames<MultivariateGaussianOptions>({
  mean: true,
  cov: true,
});

const LOG_2PI = Math.log(2 * Math.PI);

/** Parameters of {@link MultivariateGaussian}. */
export interface MultivariateGaussianOptions {
  /** The mean μ, shape (d,). */
  mean: ArrayLike<number>;
  /** The covariance Σ, shape (d, d), symmetric positive-definite. */
  cov: ArrayLike<ArrayLike<number>> | Matrix;
}

/**
 * N(μ, Σ): p(x) = (2π)^(-d/2) |Σ|^(-1/2) exp(-½ (x - μ)ᵀ Σ⁻¹ (x - μ))  (ESL §4.3).
 *
 * With Σ = L Lᵀ (Cholesky), the quadratic form is ‖L⁻¹(x - μ)‖² (one triangular solve, no
 * inverse), log |Σ| = 2 Σ log L_ii, and a draw is μ + L z with z ~ N(0, I).
 *
 * @example
 * ```ts
 * import { MultivariateGaussian } from "../mod.ts";
 * import { assertAlmostEquals, assertEquals } from "@std/assert";
 *
 * const g = new MultivariateGaussian({ mean: [0, 0], cov: [[1, 0.8], [0.8, 1]] });
 * assertAlmostEquals(g.pdf([0, 0]), 1 / (2 * Math.PI * Math.sqrt(0.36))); // ≈ 0.26526
 * const S = g.sample(100, 1);
 * assertEquals([S.rows, S.cols], [100, 2]);
 * ```
 */
export class MultivariateGaussian implements MultivariateDistribution {
  /** The parameters after checking (vectors copied to Float64Array). */
  readonly params: Readonly<{ mean: Float64Array; cov: Matrix }>;
  /** The lower-triangular Cholesky factor L of Σ. */
  readonly choleskyFactor: Matrix;
  private readonly logNorm: number;

  /** Checks the parameters (see {@link MultivariateGaussianOptions}); a bad one is a `ValueError` naming it. */
  constructor(options: MultivariateGaussianOptions) {
    checkOptions(options, MULTIVARIATE_GAUSSIAN_OPTION_NAMES, "MultivariateGaussian");
    const { mean, cov } = options;
    const mu = Float64Array.from(mean);
    if (mu.length === 0) throw new ValueError("The 'mean' parameter must not be empty.");
    mu.forEach((v, i) => {
      if (!Number.isFinite(v)) {
        throw new ValueError(
          `The 'mean' parameter must be finite. Got ${v} at index ${i} instead.`,
        );
      }
    });
    const sigma = toMatrix(cov, "cov");
    const d = mu.length;
    if (sigma.rows !== d || sigma.cols !== d) {
      throw new ShapeError(
        `The 'cov' parameter must have shape (${d}, ${d}) to match 'mean'. Got (${sigma.rows}, ${sigma.cols}).`,
      );
    }
    checkSymmetric(sigma);
    let L: Matrix;
    try {
      L = cholesky(sigma);
    } catch {
      throw new ValueError(
        "The 'cov' parameter must be positive-definite; its Cholesky factorization failed.",
      );
    }
    this.params = Object.freeze({ mean: mu, cov: sigma.clone() });
    this.choleskyFactor = L;
    let logDet = 0;
    for (let i = 0; i < d; i++) logDet += 2 * Math.log(L.data[i * d + i]);
    this.logNorm = 0.5 * (d * LOG_2PI + logDet);
  }

  get dimension(): number {
    return this.params.mean.length;
  }

  pdf(x: ArrayLike<number>): number {
    return Math.exp(this.logPdf(x));
  }

  logPdf(x: ArrayLike<number>): number {
    return -0.5 * this.mahalanobis2(x) - this.logNorm;
  }

  /** The squared Mahalanobis distance (x - μ)ᵀ Σ⁻¹ (x - μ), by forward substitution L y = x - μ. */
  mahalanobis2(x: ArrayLike<number>): number {
    const point = checkPoint(x, this.dimension, "MultivariateGaussian.logPdf");
    const d = this.dimension, L = this.choleskyFactor.data, mu = this.params.mean;
    const y = new Float64Array(d);
    let q = 0;
    for (let i = 0; i < d; i++) {
      let s = point[i] - mu[i];
      for (let j = 0; j < i; j++) s -= L[i * d + j] * y[j];
      y[i] = s / L[i * d + i];
      q += y[i] * y[i];
    }
    return q;
  }

  mean(): Float64Array {
    return this.params.mean.slice();
  }

  variance(): Float64Array {
    const d = this.dimension;
    return Float64Array.from({ length: d }, (_, i) => this.params.cov.data[i * d + i]);
  }

  covariance(): Matrix {
    return this.params.cov.clone();
  }

  /** n draws μ + L z, z ~ N(0, I_d), as the rows of a (n, d) matrix. */
  sample(n: number, random: Random | number = 0): Matrix {
    const rng = toRandom(random);
    const d = this.dimension, L = this.choleskyFactor.data, mu = this.params.mean;
    const out = new Matrix(checkSampleSize(n), d);
    const z = new Float64Array(d);
    for (let r = 0; r < n; r++) {
      for (let j = 0; j < d; j++) z[j] = rng.normal();
      for (let i = 0; i < d; i++) {
        let s = mu[i];
        for (let j = 0; j <= i; j++) s += L[i * d + j] * z[j];
        out.data[r * d + i] = s;
      }
    }
    return out;
  }
}

function checkSymmetric(sigma: Matrix): void {
  const d = sigma.rows;
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < i; j++) {
      const a = sigma.data[i * d + j], b = sigma.data[j * d + i];
      if (Math.abs(a - b) > 1e-10 * Math.max(1, Math.abs(a), Math.abs(b))) {
        throw new ValueError(
          `The 'cov' parameter must be symmetric. Got cov[${i}][${j}] = ${a} but cov[${j}][${i}] = ${b}.`,
        );
      }
    }
  }
}
