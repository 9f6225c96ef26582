/**
 * `GradientBoostingRegressor`: XGBoost's `XGBRegressor` in the project's estimator protocol.
 *
 * @module
 */
import { type MatrixLike, toVector, type VectorLike } from "../core/validation.ts";
import { regressorScore } from "../core/scores.ts";
import { toMatrixWithMissing } from "./input.ts";
import {
  GRADIENT_BOOSTING_DEFAULTS,
  GradientBoostingBase,
  type GradientBoostingFitOptions,
  type GradientBoostingOptions,
} from "./gradient_boosting_base.ts";

/**
 * Gradient-boosted regression trees (squared error by default; `objective: "regression_l1"` or
 * `"huber"` for robust losses). Missing values (NaN) are allowed in X.
 * @example
 * ```ts
 * import { assertAlmostEquals } from "@std/assert";
 * import { GradientBoostingRegressor } from "../mod.ts";
 * const X = [[1], [2], [3], [4], [5], [6], [7], [8]];
 * const y = [1, 1, 1, 1, 5, 5, 5, 5];
 * const model = new GradientBoostingRegressor({ nEstimators: 5, learningRate: 1, lambda: 0 })
 *   .fit(X, y);
 * assertAlmostEquals(model.predict([[2]])[0], 1, 1e-3);
 * ```
 */
export class GradientBoostingRegressor extends GradientBoostingBase {
  /** The class name saved in JSON. */
  readonly className = "GradientBoostingRegressor";

  /**
   * Stores the options (checked when `fit` trains).
   * @param options `GradientBoostingOptions` over their defaults
   */
  constructor(options: Partial<GradientBoostingOptions> = {}) {
    super(GRADIENT_BOOSTING_DEFAULTS, options);
  }

  /**
   * Trains the booster on (X, y); returns this.
   * @param X shape (nSamples, nFeatures); NaN or null marks a missing value
   * @param y targets, shape (nSamples,)
   */
  fit(
    X: MatrixLike | ArrayLike<ArrayLike<number | null>>,
    y: VectorLike,
    fitOptions: GradientBoostingFitOptions = {},
  ): this {
    this.state = undefined;
    const m = toMatrixWithMissing(X, "X");
    const yv = toVector(y, "y", m.rows);
    const model = this.train(m, yv, this.options.objective ?? "regression", {}, fitOptions);
    this.state = { nFeaturesIn: m.cols, model };
    return this;
  }

  /** Predicted targets, shape (nSamples,). */
  predict(X: MatrixLike | ArrayLike<ArrayLike<number | null>>): Float64Array {
    return this.predictRaw(X) as Float64Array;
  }

  /** R² of the predictions on (X, y). */
  score(X: MatrixLike | ArrayLike<ArrayLike<number | null>>, y: VectorLike): number {
    return regressorScore(this.predict(X), y);
  }
}
