/**
 * Multilayer-perceptron regressor (scikit-learn's `MLPRegressor`).
 *
 * @module
 */
import type { FitOptions } from "../core/sample_weight.ts";
import {
  type LabelLike,
  Matrix,
  type MatrixLike,
  regressorScore,
  toVector,
  type VectorLike,
} from "../core/mod.ts";
import type { EstimatorKind } from "../core/estimator.ts";
import { type EpochInfo, MLPEstimator, type MLPOptions, type MLPState } from "./mlp_estimator.ts";

/**
 * A feed-forward network with one linear output trained on the halved squared error:
 *
 *   ŷ = o(x),   L = (1/n) Σᵢ ½ (ŷᵢ − yᵢ)² + α/(2n) Σₗ ‖W⁽ˡ⁾‖²
 *
 * @example
 * ```ts
 * import { MLPRegressor } from "../mod.ts";
 * import { assertGreater } from "@std/assert";
 *
 * const X = Array.from({ length: 50 }, (_, i) => [i / 25 - 1]);
 * const y = X.map(([x]) => x * x);
 * const model = new MLPRegressor({ hiddenLayerSizes: [16], learningRate: 0.01 }).fit(X, y);
 * assertGreater(model.score(X, y), 0.9); // R² of the parabola fit
 * ```
 */
export class MLPRegressor extends MLPEstimator<MLPState> {
  /** A regressor (see {@link EstimatorKind}). */
  static override readonly estimatorKind: EstimatorKind = "regressor";
  /** "MLPRegressor", the name `toJSON` records and `fromJSON` checks. */
  readonly className = "MLPRegressor";
  /** "regression": the output layer's task. */
  protected readonly task = "regression";

  /**
   * Creates an unfitted MLPRegressor; see {@link MLPOptions} for the options and their
   * defaults.
   */
  constructor(options: Partial<MLPOptions> = {}) {
    super(options);
  }

  /**
   * Trains for up to `maxIter` epochs (early stopping by `tol`, `nIterNoChange`).
   * @param X shape (nSamples, nFeatures)
   * @param y shape (nSamples,)
   * @param fitOptions `sampleWeight`, shape (nSamples,); `onEpoch`, called after each epoch
   * with its number, loss and time (progress reports without any display code here)
   */
  fit(
    X: MatrixLike,
    y: VectorLike,
    { onEpoch, ...fitOptions }: FitOptions & { onEpoch?: (info: EpochInfo) => void } = {},
  ): this {
    for (const info of this.fitEpochs(X, y, fitOptions)) onEpoch?.(info);
    return this;
  }

  /** ŷ per sample. @param X shape (nSamples, nFeatures) @returns shape (nSamples,) */
  predict(X: MatrixLike): Float64Array {
    return this.outputs(X).data.data.slice();
  }

  /** Coefficient of determination R² = 1 − Σ(y − ŷ)² / Σ(y − ȳ)². */
  score(X: MatrixLike, y: VectorLike): number {
    return regressorScore(this.predict(X), y);
  }

  /** The targets as they are (one linear output). */
  protected prepare(
    X: Matrix,
    y: LabelLike,
  ): { target: Float64Array; nOutputs: number; extra: Record<never, never> } {
    return { target: toVector(y as VectorLike, "y", X.rows), nOutputs: 1, extra: {} };
  }
}
