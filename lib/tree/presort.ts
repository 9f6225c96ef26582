/**
 * The one sort of a tree fit: each numeric feature's rows in increasing order of value, ties in
 * row-index order, which is the order of the comparator `col[a] - col[b] || a - b` (so -0 ties
 * with 0). `grow.ts` sorts once at the root and then only filters these lists.
 *
 * @module
 */

/** Below this many rows, insertion sort beats merging. */
const RUN = 16;

/**
 * Row indices 0..n-1 sorted by `col`, ties by index (a stable argsort).
 * Integer columns spanning at most n values (pixel intensities, counts, ordinal codes) take a
 * counting sort, O(n); others a bottom-up merge sort with inline comparisons, O(n log n).
 * @param col one feature's values, finite, shape (nSamples,)
 * @example
 * ```ts
 * import { argsortColumn } from "./presort.ts";
 * import { assertEquals } from "@std/assert";
 *
 * // stable: equal values (3 and 3, −0 and 0) keep their order
 * assertEquals(Array.from(argsortColumn(Float64Array.of(3, 1, 3, -0, 0))), [3, 4, 1, 0, 2]);
 * ```
 */
export function argsortColumn(col: Float64Array): Uint32Array {
  const n = col.length;
  let min = Infinity, max = -Infinity, integral = true;
  for (let i = 0; i < n; i++) {
    const v = col[i];
    if (v < min) min = v;
    if (v > max) max = v;
    if (integral && !Number.isInteger(v)) integral = false;
  }
  return n > 0 && integral && max - min <= n ? countingArgsort(col, min, max) : mergeArgsort(col);
}

/** Stable counting sort of integer values in [min, max]. */
function countingArgsort(col: Float64Array, min: number, max: number): Uint32Array {
  const n = col.length;
  const next = new Uint32Array(max - min + 2);
  for (let i = 0; i < n; i++) next[col[i] - min + 1]++;
  for (let v = 1; v < next.length; v++) next[v] += next[v - 1];
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[next[col[i] - min]++] = i;
  return order;
}

/** Stable bottom-up merge sort: insertion-sorted runs, then merges that prefer the left run. */
function mergeArgsort(col: Float64Array): Uint32Array {
  const n = col.length;
  let src = new Uint32Array(n), dst = new Uint32Array(n);
  for (let i = 0; i < n; i++) src[i] = i;
  for (let lo = 0; lo < n; lo += RUN) {
    const hi = Math.min(lo + RUN, n);
    for (let i = lo + 1; i < hi; i++) {
      const row = src[i], v = col[row];
      let j = i - 1;
      for (; j >= lo && col[src[j]] > v; j--) src[j + 1] = src[j];
      src[j + 1] = row;
    }
  }
  for (let width = RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n), hi = Math.min(lo + 2 * width, n);
      let i = lo, j = mid, k = lo;
      while (i < mid && j < hi) dst[k++] = col[src[j]] < col[src[i]] ? src[j++] : src[i++];
      while (i < mid) dst[k++] = src[i++];
      while (j < hi) dst[k++] = src[j++];
    }
    const t = src;
    src = dst;
    dst = t;
  }
  return src;
}
