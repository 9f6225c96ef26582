/**
 * `GradientBoostingRanker`: XGBoost's `XGBRanker` / LightGBM's `LGBMRanker` in the project's
 * estimator protocol, fitted with the query group sizes.
 *
 * @module
 */
import type { MatrixLike, VectorLike } from "../core/validation.ts";
import {
  type GradientBoostingFitOptions,
  type GradientBoostingOptions,
  NumericBoostingBase,
} from "./gradient_boosting_base.ts";

/**
 * Learning to rank with boosted trees: LambdaMART (`lambdarank`, default) or RankNet pairs
 * (`rank:pairwise`). y holds relevance grades (0, 1, 2, ...); rows of one query are consecutive
 * and `group` gives the size of each query. `predict` returns scores: sort a query's items by them.
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { GradientBoostingRanker } from "../mod.ts";
 * const X = [[0.1], [0.9], [0.5], [0.2], [0.8], [0.4]];
 * const y = [0, 2, 1, 0, 2, 1];
 * const ranker = new GradientBoostingRanker({ nEstimators: 10, minChildWeight: 0 })
 *   .fit(X, y, { group: [3, 3] });
 * const s = ranker.predict([[0.15], [0.85]]);
 * assertEquals(s[1] > s[0], true);
 * ```
 */
export class GradientBoostingRanker extends NumericBoostingBase {
  /** The class name saved in JSON. */
  readonly className = "GradientBoostingRanker";

  /**
   * Stores the options (checked when `fit` trains); the objective defaults to `lambdarank`.
   * @param options `GradientBoostingOptions` over their defaults
   */
  constructor(options: Partial<GradientBoostingOptions> = {}) {
    super(options, "lambdarank");
  }

  /**
   * Trains the booster on (X, y); returns this.
   * @param X shape (nSamples, nFeatures), the rows of each query consecutive
   * @param y relevance grades (non-negative integers), shape (nSamples,)
   * @param fitOptions `group`: the number of rows of each query (required; sums to nSamples)
   */
  fit(
    X: MatrixLike | ArrayLike<ArrayLike<number | null>>,
    y: VectorLike,
    fitOptions: GradientBoostingFitOptions & { group: ArrayLike<number> },
  ): this {
    return this.fitNumeric(X, y, fitOptions, fitOptions?.group);
  }
}
