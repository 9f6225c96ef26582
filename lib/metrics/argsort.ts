/**
 * Stable argsort of float64 values (internal). The curves sort every sample by score, and a JS
 * comparator sort of a million indices takes seconds; an LSD radix sort on the IEEE-754 bits
 * takes milliseconds. Small inputs use the comparator sort, whose setup cost is lower.
 *
 * @module
 */

const RADIX_MIN = 16384;

/**
 * Indices that sort `values` ascending; equal values keep their index order (stable), so the
 * result matches numpy's `argsort(kind="mergesort")`. Values must not be NaN.
 * @param values shape (n,)
 * @example
 * ```ts
 * import { argsortStable } from "./argsort.ts";
 * import { assertEquals } from "@std/assert";
 *
 * assertEquals(Array.from(argsortStable([0.3, 0.1, 0.3])), [1, 0, 2]);
 * ```
 */
export function argsortStable(values: ArrayLike<number>): Uint32Array {
  const n = values.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  if (n < RADIX_MIN) return order.sort((a, b) => values[a] - values[b] || a - b);
  // Map each double to two uint32 words whose unsigned order is the numeric order:
  // flip every bit of negatives, only the sign bit of positives (-0 is made +0 first).
  const bits = new Float64Array(n);
  for (let i = 0; i < n; i++) bits[i] = values[i] + 0;
  const words = new Uint32Array(bits.buffer); // little-endian: [lo, hi] per double
  const hi = new Uint32Array(n), lo = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const h = words[2 * i + 1], l = words[2 * i];
    const negative = h >>> 31 === 1;
    hi[i] = negative ? ~h >>> 0 : (h | 0x80000000) >>> 0;
    lo[i] = negative ? ~l >>> 0 : l;
  }
  // Four stable counting-sort passes of 16 bits, least significant first.
  let src = order, dst = new Uint32Array(n);
  const count = new Uint32Array(65537);
  for (const [word, shift] of [[lo, 0], [lo, 16], [hi, 0], [hi, 16]] as const) {
    count.fill(0);
    for (let i = 0; i < n; i++) count[((word[src[i]] >>> shift) & 0xffff) + 1]++;
    for (let d = 0; d < 65536; d++) count[d + 1] += count[d];
    for (let i = 0; i < n; i++) dst[count[(word[src[i]] >>> shift) & 0xffff]++] = src[i];
    [src, dst] = [dst, src];
  }
  return src;
}
