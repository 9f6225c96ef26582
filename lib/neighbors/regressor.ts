/**
 * k-nearest-neighbour regression: the prediction is the (weighted) mean target of the k nearest
 * training points, ŷ = Σ wᵢ yᵢ / Σ wᵢ over xᵢ ∈ N_k(x).
 *
 * @module
 */
import { type MatrixLike, toMatrix, toVector, type VectorLike } from "../core/validation.ts";
import { NeighborsBase, type NeighborsOptions, type NeighborsState } from "./base.ts";
import { regressorScore } from "../core/scores.ts";

/** What {@link KNeighborsRegressor} learns (saved by `toJSON`): the training points and targets. */
export interface KNeighborsRegressorState extends NeighborsState {
  /** The training targets. */
  y: Float64Array;
}

/**
 * k-NN regressor with kd-tree or brute-force search.
 *
 * @example
 * ```ts
 * import { KNeighborsRegressor } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * const knn = new KNeighborsRegressor({ nNeighbors: 2, weights: "distance" });
 * knn.fit([[0], [1], [3]], [0, 1, 3]);
 * assertEquals(Array.from(knn.predict([[2]])), [2]); // neighbours 1 and 3, equally near
 * ```
 */
export class KNeighborsRegressor extends NeighborsBase<KNeighborsRegressorState> {
  /** "KNeighborsRegressor", the name `toJSON` records and `fromJSON` checks. */
  readonly className = "KNeighborsRegressor";

  /**
   * Creates an unfitted KNeighborsRegressor; see {@link NeighborsOptions} for the options and their
   * defaults.
   */
  constructor(options: Partial<NeighborsOptions> = {}) {
    super(options);
  }

  /**
   * Stores the training set.
   * @param X shape (nSamples, nFeatures)
   * @param y targets, shape (nSamples,)
   */
  fit(X: MatrixLike, y: VectorLike): this {
    const m = toMatrix(X, "X");
    const target = toVector(y, "y", m.rows);
    this.state = { X: this.fitX(m, target.length), y: target, nFeaturesIn: m.cols };
    return this;
  }

  /**
   * Weighted mean of the neighbours' targets.
   * @param X shape (nQueries, nFeatures)
   * @returns shape (nQueries,)
   */
  predict(X: MatrixLike): Float64Array {
    const { y } = this.fitted();
    const { k, indices, weights } = this.neighborWeights(X);
    const n = indices.length / k;
    const out = new Float64Array(n);
    for (let r = 0; r < n; r++) {
      let s = 0, w = 0;
      for (let j = 0; j < k; j++) {
        s += weights[r * k + j] * y[indices[r * k + j]];
        w += weights[r * k + j];
      }
      out[r] = s / w;
    }
    return out;
  }

  /** Coefficient of determination R² of `predict(X)` against y. */
  score(X: MatrixLike, y: VectorLike): number {
    return regressorScore(this.predict(X), y);
  }
}
