/**
 * Standardization: each feature centred to mean 0 and scaled to unit variance, as
 * scikit-learn's `StandardScaler` does (population standard deviation, ddof = 0).
 *
 * @module
 */
import { checkBoolean } from "../core/options.ts";
import { Estimator, type FittedState } from "../core/estimator.ts";
import { Matrix, type Vector } from "../core/matrix.ts";
import { type MatrixLike, toMatrix } from "../core/validation.ts";

/** Options of {@link StandardScaler}. */
export interface StandardScalerOptions {
  /** Subtract the per-feature mean. @default true */
  withMean: boolean;
  /** Divide by the per-feature population standard deviation. @default true */
  withStd: boolean;
}

/** What {@link StandardScaler} learns (saved by `toJSON`). */
export interface StandardScalerState extends FittedState {
  /** μ, the per-feature mean (learned even when `withMean: false` skips subtracting it). */
  mean: Vector;
  /** σ², the per-feature population variance. */
  variance: Vector;
  /** σ, the per-feature divisor: √σ², or 1 for a constant feature. */
  scale: Vector;
  /** Number of rows `fit` saw. */
  nSamplesSeen: number;
}

const DEFAULTS: StandardScalerOptions = { withMean: true, withStd: true };

/**
 * Standardizes features: z = (x − μ) / σ with μ the column mean and σ the population standard
 * deviation √(Σ(x − μ)² / n). A constant column (σ = 0) gets scale 1, so it maps to 0 rather than
 * NaN (scikit-learn's convention). Gradient-based solvers and L2 penalties both assume features on
 * comparable scales, which is why the linear-model chapters standardize first.
 *
 * @example
 * ```ts
 * import { StandardScaler } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * const scaler = new StandardScaler().fit([[1, 10], [3, 30]]);
 * assertEquals(Array.from(scaler.mean), [2, 20]);
 * assertEquals(scaler.transform([[3, 30]]).toArray(), [[1, 1]]);
 * ```
 */
export class StandardScaler extends Estimator<StandardScalerOptions, StandardScalerState> {
  /** "StandardScaler", the name `toJSON` records and `fromJSON` checks. */
  readonly className = "StandardScaler";

  /**
   * Creates an unfitted StandardScaler; see {@link StandardScalerOptions} for the options and their
   * defaults.
   */
  constructor(options: Partial<StandardScalerOptions> = {}) {
    super(DEFAULTS, options);
    checkBoolean("withMean", this.options.withMean);
    checkBoolean("withStd", this.options.withStd);
  }

  /**
   * Learns the per-feature mean and standard deviation (two-pass, numerically stable).
   * @param X shape (nSamples, nFeatures)
   */
  fit(X: MatrixLike): this {
    const m = toMatrix(X, "X");
    const { rows: n, cols: p, data } = m;
    const mean = new Float64Array(p);
    const variance = new Float64Array(p);
    for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) mean[j] += data[i * p + j];
    for (let j = 0; j < p; j++) mean[j] /= n;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < p; j++) {
        const d = data[i * p + j] - mean[j];
        variance[j] += d * d;
      }
    }
    const scale = new Float64Array(p);
    for (let j = 0; j < p; j++) {
      variance[j] /= n;
      // A variance within round-off of zero means a constant column; dividing by it would blow up
      // noise. The bound is scikit-learn's: var <= n·ε·var + (n·μ·ε)².
      const eps = Number.EPSILON;
      const bound = n * eps * variance[j] + (n * mean[j] * eps) ** 2;
      scale[j] = variance[j] <= bound ? 1 : Math.sqrt(variance[j]);
    }
    this.state = { nFeaturesIn: p, mean, variance, scale, nSamplesSeen: n };
    return this;
  }

  /**
   * Standardizes X with the learned statistics.
   * @param X shape (nSamples, nFeatures)
   * @returns a new Matrix of the same shape
   */
  transform(X: MatrixLike): Matrix {
    const m = this.checkPredictX(X);
    const { shift, scale } = this.affine();
    return m.broadcastRow(shift, (x, mu) => x - mu).broadcastRow(scale, (x, s) => x / s);
  }

  /** `fit(X)` then `transform(X)`. @param X shape (nSamples, nFeatures) */
  fitTransform(X: MatrixLike): Matrix {
    return this.fit(X).transform(X);
  }

  /**
   * Maps standardized values back to the original units: x = z·σ + μ.
   * @param Z shape (nSamples, nFeatures)
   */
  inverseTransform(Z: MatrixLike): Matrix {
    const m = this.checkPredictX(Z, "Z");
    const { shift, scale } = this.affine();
    return m.broadcastRow(scale, (z, s) => z * s).broadcastRow(shift, (x, mu) => x + mu);
  }

  /** The μ and σ actually applied: 0 and 1 where `withMean`/`withStd` turn a step off. */
  private affine(): { shift: Vector; scale: Vector } {
    const { mean, scale } = this.fitted();
    const { withMean, withStd } = this.options;
    return {
      shift: withMean ? mean : new Float64Array(mean.length),
      scale: withStd ? scale : new Float64Array(scale.length).fill(1),
    };
  }

  /** Per-feature mean μ (length nFeatures). */
  get mean(): Vector {
    return this.fitted().mean.slice();
  }

  /** Per-feature population variance σ² (length nFeatures). */
  get variance(): Vector {
    return this.fitted().variance.slice();
  }

  /** Per-feature scale σ used by `transform` (1 for constant features). */
  get scale(): Vector {
    return this.fitted().scale.slice();
  }

  /** Number of samples seen in `fit`. */
  get nSamplesSeen(): number {
    return this.fitted().nSamplesSeen;
  }
}
