/**
 * What the k-NN classifier and regressor share: options, storing the training set, building the
 * search index (kd-tree or brute force) and the neighbour weights.
 *
 * @module
 */
import { Estimator, type FittedState } from "../core/estimator.ts";
import type { Matrix } from "../core/matrix.ts";
import { checkInteger, checkOneOf } from "../core/options.ts";
import { checkSameLength, type MatrixLike } from "../core/validation.ts";
import { BruteForce } from "./brute.ts";
import { checkP } from "./distance.ts";
import { KDTree } from "./kdtree.ts";
import { checkK, type NeighborsResult } from "./result.ts";

/** Options of the k-NN estimators. */
export interface NeighborsOptions {
  /** k, the number of neighbours that vote. @default 5 */
  nNeighbors: number;
  /** Minkowski exponent of the L_p distance: 1, 2, any p ≥ 1, or `Infinity`. @default 2 */
  p: number;
  /**
   * `"uniform"`: each neighbour counts once (李航 式3.1, majority vote). `"distance"`: neighbour
   * weight 1/d; when some neighbours are at distance 0, only they count (each with weight 1), as in
   * scikit-learn. @default "uniform"
   */
  weights: "uniform" | "distance";
  /** `"kdTree"` (李航 §3.3) or `"brute"` (linear scan); both return the same neighbours. @default "kdTree" */
  algorithm: "kdTree" | "brute";
  /** Largest leaf bucket of the kd-tree (1 = the book's tree). @default 1 */
  leafSize: number;
}

/** Learned state shared by the k-NN estimators: the training points themselves. */
export interface NeighborsState extends FittedState {
  /** The training points, shape (nSamples, nFeatures). */
  X: Matrix;
}

/** The defaults of {@link NeighborsOptions}: k = 5, Euclidean, uniform votes, kd-tree. */
export const NEIGHBORS_DEFAULTS: NeighborsOptions = {
  nNeighbors: 5,
  p: 2,
  weights: "uniform",
  algorithm: "kdTree",
  leafSize: 1,
};

/** Base class: fit stores X; queries go through a kd-tree or a linear scan. */
export abstract class NeighborsBase<S extends NeighborsState>
  extends Estimator<NeighborsOptions, S> {
  private index: KDTree | BruteForce | undefined;

  /** Merges `options` over {@link NEIGHBORS_DEFAULTS} and checks them. */
  protected constructor(options: Partial<NeighborsOptions> = {}) {
    super(NEIGHBORS_DEFAULTS, options);
    const o = this.options;
    checkInteger("nNeighbors", o.nNeighbors, 1);
    checkP(o.p);
    checkOneOf("weights", o.weights, ["uniform", "distance"]);
    checkOneOf("algorithm", o.algorithm, ["kdTree", "brute"]);
    checkInteger("leafSize", o.leafSize, 1);
  }

  /** Checks k ≤ nSamples and returns a copy of the training X to store in the state. */
  protected fitX(m: Matrix, nLabels: number): Matrix {
    checkSameLength("y", nLabels, m.rows);
    checkK(this.options.nNeighbors, m.rows, "nNeighbors");
    this.index = undefined;
    return m.clone();
  }

  /** The search structure, built on first use (also after `fromJSON`). */
  protected searchIndex(): KDTree | BruteForce {
    const { X } = this.fitted();
    if (!this.index) {
      const { p, leafSize, algorithm } = this.options;
      this.index = algorithm === "kdTree"
        ? new KDTree(X, { p, leafSize })
        : new BruteForce(X, { p });
    }
    return this.index;
  }

  /**
   * The k nearest training points of each row of X (scikit-learn's `kneighbors`).
   * @param X queries, shape (nQueries, nFeatures)
   * @param nNeighbors k (defaults to the `nNeighbors` option)
   * @returns row-major (nQueries, k) `indices` and `distances`, nearest first
   */
  kneighbors(X: MatrixLike, nNeighbors = this.options.nNeighbors): NeighborsResult {
    const Q = this.checkPredictX(X);
    checkK(nNeighbors, this.fitted().X.rows, "nNeighbors");
    return this.searchIndex().queryMany(Q, nNeighbors);
  }

  /** The k neighbours of every query and their vote weights, shape (nQueries, k) row-major. */
  protected neighborWeights(X: MatrixLike): NeighborsResult & { weights: Float64Array } {
    const result = this.kneighbors(X);
    const { k, distances } = result;
    const weights = new Float64Array(distances.length).fill(1);
    if (this.options.weights === "distance") {
      for (let o = 0; o < distances.length; o += k) {
        let anyZero = false;
        for (let j = 0; j < k; j++) if (distances[o + j] === 0) anyZero = true;
        for (let j = 0; j < k; j++) {
          const d = distances[o + j];
          weights[o + j] = anyZero ? (d === 0 ? 1 : 0) : 1 / d;
        }
      }
    }
    return { ...result, weights };
  }
}
