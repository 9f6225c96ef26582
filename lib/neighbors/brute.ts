/**
 * Brute-force k-nearest-neighbour search (李航 §3.3 "线性扫描"): measure every training point.
 * The reference the kd-tree must agree with, and the faster choice in high dimension.
 *
 * @module
 */
import { ShapeError } from "../core/errors.ts";
import type { Matrix } from "../core/matrix.ts";
import { type MatrixLike, toMatrix } from "../core/validation.ts";
import { checkP, fromReduced, reducedDistance } from "./distance.ts";
import { NeighborHeap } from "./heap.ts";
import { checkK, checkQuery, type NeighborsResult, type QueryResult } from "./result.ts";

/**
 * Linear-scan index with the same interface and tie policy as {@link KDTree}.
 *
 * @param X training points, shape (nSamples, nFeatures)
 * @example
 * ```ts
 * import { BruteForce } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * const index = new BruteForce([[1, 1], [5, 1], [4, 4]], { p: 3 }); // 李航 例3.1
 * assertEquals(index.query([1, 1], 2).indices, [0, 2]);
 * ```
 */
export class BruteForce {
  /** Minkowski exponent p of the metric. */
  readonly p: number;
  /** Number of training points. */
  readonly nSamples: number;
  /** Their dimension. */
  readonly nFeatures: number;
  private readonly data: Float64Array;

  /** Stores a copy of X; every query measures its distance to every row. */
  constructor(X: MatrixLike, { p = 2 }: { p?: number } = {}) {
    this.p = checkP(p);
    const m: Matrix = toMatrix(X, "X");
    this.nSamples = m.rows;
    this.nFeatures = m.cols;
    this.data = m.data.slice();
  }

  /** The k nearest training points to x, nearest first (ties: lower index first). */
  query(x: ArrayLike<number>, k = 1): QueryResult {
    checkK(k, this.nSamples);
    const q = checkQuery(x, this.nFeatures);
    const d = new Float64Array(k), idx = new Int32Array(k);
    this.searchInto(q, new NeighborHeap(k), d, idx, 0);
    return { indices: Array.from(idx), distances: Array.from(d), nVisited: this.nSamples };
  }

  /** k nearest neighbours of every row of X, row-major (nQueries, k). */
  queryMany(X: MatrixLike, k = 1): NeighborsResult {
    checkK(k, this.nSamples);
    const Q = toMatrix(X, "X");
    if (Q.cols !== this.nFeatures) {
      throw new ShapeError(
        `X has ${Q.cols} features, but the index was built on ${this.nFeatures} features.`,
      );
    }
    const distances = new Float64Array(Q.rows * k), indices = new Int32Array(Q.rows * k);
    const heap = new NeighborHeap(k);
    for (let r = 0; r < Q.rows; r++) this.searchInto(Q.row(r), heap, distances, indices, r * k);
    return { k, indices, distances, nVisited: new Int32Array(Q.rows).fill(this.nSamples) };
  }

  /** Scans every training point into `heap`, writing the k nearest at `offset`. */
  private searchInto(
    q: ArrayLike<number>,
    heap: NeighborHeap,
    outDist: Float64Array,
    outIdx: Int32Array,
    offset: number,
  ): void {
    heap.clear();
    const { data, nFeatures, p } = this;
    for (let i = 0; i < this.nSamples; i++) {
      const r = reducedDistance(q, data, i, nFeatures, p);
      if (r <= heap.worst()) heap.push(r, i);
    }
    heap.drainSorted(outDist, outIdx, offset);
    for (let j = 0; j < heap.k; j++) outDist[offset + j] = fromReduced(outDist[offset + j], p);
  }
}
