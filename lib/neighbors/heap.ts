/**
 * A bounded max-heap of the k best (distance, index) pairs seen so far, the "current nearest
 * points" of 李航 算法3.3 generalised to k. Pairs are ordered by distance, then by index, so among
 * equal distances the lower training index wins: a total order, hence one answer whatever order the
 * candidates arrive in (brute force and the kd-tree visit points in different orders).
 *
 * @module
 */

/** The k smallest (distance, index) pairs pushed so far. */
export class NeighborHeap {
  readonly k: number;
  private readonly dist: Float64Array;
  private readonly idx: Int32Array;
  private n = 0;

  /** @param k how many pairs to keep (≥ 1) */
  constructor(k: number) {
    this.k = k;
    this.dist = new Float64Array(k);
    this.idx = new Int32Array(k);
  }

  /** Number of pairs held (≤ k). */
  get size(): number {
    return this.n;
  }

  /** The k-th smallest distance so far, or ∞ while fewer than k pairs are held. */
  worst(): number {
    return this.n < this.k ? Infinity : this.dist[0];
  }

  /** Index of the current worst pair (the heap root); -1 when empty. */
  worstIndex(): number {
    return this.n ? this.idx[0] : -1;
  }

  /** Offers a pair; keeps it when fewer than k are held or it beats the current worst. */
  push(d: number, i: number): boolean {
    const { dist, idx } = this;
    if (this.n < this.k) {
      let c = this.n++;
      while (c > 0) {
        const parent = (c - 1) >> 1;
        if (!before(dist[parent], idx[parent], d, i)) break;
        dist[c] = dist[parent];
        idx[c] = idx[parent];
        c = parent;
      }
      dist[c] = d;
      idx[c] = i;
      return true;
    }
    if (!before(d, i, dist[0], idx[0])) return false;
    this.siftDown(d, i);
    return true;
  }

  /** Writes the pairs in ascending order into `outDist`/`outIdx` at `offset` and empties the heap. */
  drainSorted(outDist: Float64Array, outIdx: Int32Array, offset = 0): void {
    for (let pos = this.n - 1; pos >= 0; pos--) {
      outDist[offset + pos] = this.dist[0];
      outIdx[offset + pos] = this.idx[0];
      const lastD = this.dist[this.n - 1], lastI = this.idx[this.n - 1];
      this.n--;
      if (this.n > 0) this.siftDown(lastD, lastI);
    }
  }

  /** Empties the heap for reuse. */
  clear(): void {
    this.n = 0;
  }

  private siftDown(d: number, i: number): void {
    const { dist, idx, n } = this;
    let c = 0;
    for (;;) {
      const l = 2 * c + 1;
      if (l >= n) break;
      const r = l + 1;
      const big = r < n && before(dist[l], idx[l], dist[r], idx[r]) ? r : l;
      if (!before(d, i, dist[big], idx[big])) break;
      dist[c] = dist[big];
      idx[c] = idx[big];
      c = big;
    }
    dist[c] = d;
    idx[c] = i;
  }
}

/** True when (d1, i1) comes strictly before (d2, i2): smaller distance, then smaller index. */
export function before(d1: number, i1: number, d2: number, i2: number): boolean {
  return d1 < d2 || (d1 === d2 && i1 < i2);
}
