/**
 * `GradientBoostingRegressor`: XGBoost's `XGBRegressor` in the project's estimator protocol.
 *
 * @module
 */
import type { MatrixLike, VectorLike } from "../core/validation.ts";
import { regressorScore } from "../core/scores.ts";
import {
  type GradientBoostingFitOptions,
  type GradientBoostingOptions,
  NumericBoostingBase,
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
export class GradientBoostingRegressor extends NumericBoostingBase {
  /** The class name saved in JSON. */
  readonly className = "GradientBoostingRegressor";

  /**
   * Stores the options (checked when `fit` trains); the objective defaults to `regression`.
   * @param options `GradientBoostingOptions` over their defaults
   */
  constructor(options: Partial<GradientBoostingOptions> = {}) {
    super(options, "regression");
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
    return this.fitNumeric(X, y, fitOptions);
  }

  /** R² of the predictions on (X, y). */
  score(X: MatrixLike | ArrayLike<ArrayLike<number | null>>, y: VectorLike): number {
    return regressorScore(this.predict(X), y);
  }
}
