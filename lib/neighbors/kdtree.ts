/**
 * The kd-tree of 李航《统计学习方法》§3.3: built by 算法3.2 (split on the axes in turn, the median
 * point becomes the node), searched by 算法3.3 (descend to the leaf holding the target, then back up,
 * crossing into a sibling only when the ball around the target through the current k-th nearest
 * point crosses the splitting hyperplane).
 *
 * Conventions (documented because the book leaves them open):
 * - Axis at depth j is j mod nFeatures (the book's l = j mod k + 1, counted from 0 here).
 * - Median: the points of the node are ordered by (coordinate, index) and the one at position
 *   ⌊m/2⌋ (0-based) becomes the node, i.e. the *upper* median for even m. 例3.2 picks (7, 2) as root
 *   among x-values 2, 4, 5, 7, 8, 9, which is exactly this rule.
 * - Points before the median go left (coordinate ≤ split), points after it go right (≥ split).
 * - Descending: left when x⁽ˡ⁾ < split, else right (算法3.3 step (1)).
 * - Ties in distance: the lower training index is nearer. Pruning is never done on equality, so the
 *   kd-tree returns exactly what brute force returns, ties included.
 * - `leafSize` (default 1): with 1 every node holds exactly one point, the book's tree (a leaf is a
 *   point node without children). With `leafSize` > 1, a region of at most `leafSize` points becomes
 *   a bucket scanned by brute force: fewer, cheaper nodes (scikit-learn's default is 40).
 *
 * @module
 */
import { ShapeError, ValueError } from "../core/errors.ts";
import type { Matrix } from "../core/matrix.ts";
import { checkInteger } from "../core/options.ts";
import { type MatrixLike, toMatrix } from "../core/validation.ts";
import { checkP, fromReduced, powAbs, reducedDistance } from "./distance.ts";
import { NeighborHeap } from "./heap.ts";
import { checkK, checkQuery, type NeighborsResult, type QueryResult } from "./result.ts";

/** Options of {@link KDTree}. */
export interface KDTreeOptions {
  /** Minkowski exponent p ≥ 1, or `Infinity`. @default 2 */
  p?: number;
  /** Largest number of points kept in a leaf bucket. @default 1 */
  leafSize?: number;
}

/** One node of the tree as the notebooks draw it. */
export interface KDNode {
  /** Node id (0 is the root). */
  id: number;
  /** Training index of the node's median point; -1 for a leaf bucket. */
  point: number;
  /** Splitting axis; -1 for a leaf bucket. */
  axis: number;
  /** The split coordinate (the median point's coordinate on `axis`); NaN for a leaf bucket. */
  split: number;
  /** Depth in the tree (the root is 0). */
  depth: number;
  /** Child node ids, -1 when absent. */
  left: number;
  /** Right child id, -1 when absent. */
  right: number;
  /** Training indices held by a leaf bucket (empty for internal nodes). */
  bucket: number[];
}

/** A point node's region and its splitting hyperplane x⁽ᵃˣⁱˢ⁾ = split. */
export interface KDRegion {
  /** Node id. */
  node: number;
  /** Training index of the node's point. */
  point: number;
  /** Splitting axis. */
  axis: number;
  /** The split coordinate. */
  split: number;
  /** Lower and upper corners of the node's region (clipped to the given bounds). */
  lo: number[];
  /** Upper corner of the node's region. */
  hi: number[];
}

/** One event of a search, for following 算法3.3 by hand (习题3.2). */
export type SearchStep =
  | { kind: "descend"; node: number; point: number; axis: number; goes: "left" | "right" }
  | { kind: "check"; node: number; point: number; distance: number; accepted: boolean }
  | { kind: "cross"; node: number; axis: number; gap: number; radius: number }
  | { kind: "prune"; node: number; axis: number; gap: number; radius: number };

/** Relative slack so that rounding can never prune a subtree holding an equally distant point. */
const SLACK = 1 + 1e-12;

/**
 * kd-tree over the rows of X for exact k-nearest-neighbour queries under an L_p metric.
 *
 * @param X training points, shape (nSamples, nFeatures)
 * @example
 * ```ts
 * import { KDTree } from "../mod.ts";
 * import { assertAlmostEquals, assertEquals } from "@std/assert";
 *
 * const tree = new KDTree([[2, 3], [5, 4], [9, 6], [4, 7], [8, 1], [7, 2]]);
 * assertEquals(tree.node(0).point, 5); // (7, 2) is the root (李航 例3.2)
 * const { indices, distances } = tree.query([3, 4.5], 1);
 * assertEquals(indices, [0]); // (2, 3)
 * assertAlmostEquals(distances[0], Math.hypot(1, 1.5));
 * ```
 */
export class KDTree {
  /** Minkowski exponent p of the metric. */
  readonly p: number;
  /** Largest leaf bucket (1: the book's tree, a point per node). */
  readonly leafSize: number;
  /** Number of training points. */
  readonly nSamples: number;
  /** Their dimension. */
  readonly nFeatures: number;
  private readonly data: Float64Array;
  /** Training indices permuted so that each node owns a contiguous range. */
  private readonly order: Int32Array;
  private readonly start: number[] = [];
  private readonly end: number[] = [];
  /** Position of the median in `order`, or -1 for a leaf bucket. */
  private readonly mid: number[] = [];
  private readonly axis: number[] = [];
  private readonly depth: number[] = [];
  private readonly left: number[] = [];
  private readonly right: number[] = [];
  // Per-query scratch, set by `search`.
  private q: ArrayLike<number> = [];
  private heap = new NeighborHeap(1);
  private visited = 0;
  private steps: SearchStep[] | null = null;

  /** Builds the tree by 算法3.2: split at the (upper) median, on the axes in turn. */
  constructor(X: MatrixLike, { p = 2, leafSize = 1 }: KDTreeOptions = {}) {
    this.p = checkP(p);
    this.leafSize = checkInteger("leafSize", leafSize, 1);
    const m: Matrix = toMatrix(X, "X");
    this.nSamples = m.rows;
    this.nFeatures = m.cols;
    this.data = m.data.slice();
    this.order = new Int32Array(m.rows);
    for (let i = 0; i < m.rows; i++) this.order[i] = i;
    this.build(0, m.rows, 0);
  }

  /** Number of nodes (internal and leaf buckets). */
  get nNodes(): number {
    return this.start.length;
  }

  /** Node `id` as a plain object (id 0 is the root). */
  node(id: number): KDNode {
    if (!(Number.isInteger(id) && id >= 0 && id < this.nNodes)) {
      throw new ValueError(`Node id must be an integer in [0, ${this.nNodes}). Got ${id}.`);
    }
    const leaf = this.mid[id] < 0;
    const point = leaf ? -1 : this.order[this.mid[id]];
    return {
      id,
      point,
      axis: leaf ? -1 : this.axis[id],
      split: leaf ? NaN : this.data[point * this.nFeatures + this.axis[id]],
      depth: this.depth[id],
      left: this.left[id],
      right: this.right[id],
      bucket: leaf ? Array.from(this.order.subarray(this.start[id], this.end[id])) : [],
    };
  }

  /** All nodes in creation (pre-)order. */
  nodes(): KDNode[] {
    return Array.from({ length: this.nNodes }, (_, id) => this.node(id));
  }

  /**
   * The hyper-rectangle of every point node and the hyperplane that cuts it, for drawing the
   * partition of feature space (李航 图3.3).
   * @param bounds `[min, max]` per feature: the box the root region is clipped to
   * @returns one region per point node in pre-order; `lo`/`hi` are its corners
   */
  regions(bounds: readonly (readonly [number, number])[]): KDRegion[] {
    if (bounds.length !== this.nFeatures) {
      throw new ShapeError(
        `bounds must have ${this.nFeatures} [min, max] pairs. Got ${bounds.length}.`,
      );
    }
    const out: KDRegion[] = [];
    const walk = (id: number, lo: number[], hi: number[]) => {
      const n = this.node(id);
      if (n.point < 0) return;
      out.push({ node: id, point: n.point, axis: n.axis, split: n.split, lo, hi });
      if (n.left >= 0) {
        walk(n.left, lo, hi.map((v, l) => (l === n.axis ? n.split : v)));
      }
      if (n.right >= 0) {
        walk(n.right, lo.map((v, l) => (l === n.axis ? n.split : v)), hi);
      }
    };
    walk(0, bounds.map((b) => b[0]), bounds.map((b) => b[1]));
    return out;
  }

  /**
   * The k nearest training points to `x`, nearest first (ties: lower index first).
   * @param x query point, length nFeatures
   * @param k number of neighbours, 1 ≤ k ≤ nSamples
   * @returns training indices, their L_p distances, and how many tree nodes the search entered
   */
  query(x: ArrayLike<number>, k = 1): QueryResult {
    checkK(k, this.nSamples);
    const q = checkQuery(x, this.nFeatures);
    const d = new Float64Array(k), idx = new Int32Array(k);
    const nVisited = this.searchInto(q, k, d, idx, 0);
    return { indices: Array.from(idx), distances: Array.from(d), nVisited };
  }

  /**
   * The search of {@link query} with every step recorded: which nodes it descended through,
   * which points it measured, and where the hypersphere test crossed or pruned (习题3.2).
   */
  explain(x: ArrayLike<number>, k = 1): QueryResult & { steps: SearchStep[] } {
    this.steps = [];
    try {
      const result = this.query(x, k);
      return { ...result, steps: this.steps };
    } finally {
      this.steps = null;
    }
  }

  /**
   * k nearest neighbours of every row of X.
   * @param X queries, shape (nQueries, nFeatures)
   * @returns row-major (nQueries, k) indices and distances, and the nodes entered per query
   */
  queryMany(X: MatrixLike, k = 1): NeighborsResult {
    checkK(k, this.nSamples);
    const Q = toMatrix(X, "X");
    if (Q.cols !== this.nFeatures) {
      throw new ShapeError(
        `X has ${Q.cols} features, but the KDTree was built on ${this.nFeatures} features.`,
      );
    }
    const distances = new Float64Array(Q.rows * k), indices = new Int32Array(Q.rows * k);
    const nVisited = new Int32Array(Q.rows);
    for (let r = 0; r < Q.rows; r++) {
      nVisited[r] = this.searchInto(Q.row(r), k, distances, indices, r * k);
    }
    return { k, indices, distances, nVisited };
  }

  /** Runs one search and writes k sorted neighbours at `offset`; returns the nodes entered. */
  private searchInto(
    q: ArrayLike<number>,
    k: number,
    outDist: Float64Array,
    outIdx: Int32Array,
    offset: number,
  ): number {
    if (this.heap.k !== k) this.heap = new NeighborHeap(k);
    this.heap.clear();
    this.q = q;
    this.visited = 0;
    this.search(0);
    this.heap.drainSorted(outDist, outIdx, offset);
    for (let j = 0; j < k; j++) outDist[offset + j] = fromReduced(outDist[offset + j], this.p);
    return this.visited;
  }

  /** 算法3.2: the node for order[lo, hi) at `depth`; returns its id. */
  private build(lo: number, hi: number, depth: number): number {
    const id = this.start.length;
    this.start.push(lo);
    this.end.push(hi);
    this.depth.push(depth);
    const axis = depth % this.nFeatures;
    this.axis.push(axis);
    this.left.push(-1);
    this.right.push(-1);
    if (this.leafSize > 1 && hi - lo <= this.leafSize) {
      this.mid.push(-1);
      return id;
    }
    const { data, nFeatures: dim } = this;
    this.order.subarray(lo, hi).sort((a, b) =>
      data[a * dim + axis] - data[b * dim + axis] || a - b
    );
    const mid = lo + ((hi - lo) >> 1);
    this.mid.push(mid);
    if (mid > lo) this.left[id] = this.build(lo, mid, depth + 1);
    if (hi > mid + 1) this.right[id] = this.build(mid + 1, hi, depth + 1);
    return id;
  }

  /** Offers training point i to the heap. */
  private check(node: number, i: number): void {
    const r = reducedDistance(this.q, this.data, i, this.nFeatures, this.p);
    const accepted = this.heap.push(r, i);
    this.steps?.push({
      kind: "check",
      node,
      point: i,
      distance: fromReduced(r, this.p),
      accepted,
    });
  }

  /** 算法3.3 from `node` down and back up. */
  private search(node: number): void {
    this.visited++;
    const mid = this.mid[node];
    if (mid < 0) {
      for (let t = this.start[node]; t < this.end[node]; t++) this.check(node, this.order[t]);
      return;
    }
    const axis = this.axis[node], point = this.order[mid];
    const diff = this.q[axis] - this.data[point * this.nFeatures + axis];
    const goLeft = diff < 0;
    const near = goLeft ? this.left[node] : this.right[node];
    const far = goLeft ? this.right[node] : this.left[node];
    if (near >= 0) {
      this.steps?.push({ kind: "descend", node, point, axis, goes: goLeft ? "left" : "right" });
      this.search(near);
    }
    this.check(node, point);
    if (far < 0) return;
    // The far side lies beyond the hyperplane x⁽ᵃˣⁱˢ⁾ = split: every point there is at least
    // |diff| away along this axis alone, so it can matter only if that reaches the current ball.
    const bound = this.p === Infinity ? Math.abs(diff) : powAbs(diff, this.p);
    const worst = this.heap.worst();
    if (bound <= worst * SLACK) {
      this.steps?.push({ kind: "cross", node, axis, gap: Math.abs(diff), radius: this.radius() });
      this.search(far);
    } else {
      this.steps?.push({ kind: "prune", node, axis, gap: Math.abs(diff), radius: this.radius() });
    }
  }

  /** The distance of the current k-th nearest candidate. */
  private radius(): number {
    return fromReduced(this.heap.worst(), this.p);
  }
}
