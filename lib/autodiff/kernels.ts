/**
 * Plain Matrix computations behind the Tensor ops: elementwise maps and zips, sums over an axis,
 * and the numerically stable log-sum-exp with its softmax. No graph here, only numbers.
 *
 * @module
 */
import { Matrix } from "../core/mod.ts";
import { broadcastZip } from "./broadcast.ts";

/** fn applied to every entry (Matrix.map also passes indices, which the ops do not need). */
export function mapValues(m: Matrix, fn: (x: number) => number): Matrix {
  const out = new Matrix(m.rows, m.cols);
  for (let i = 0; i < out.data.length; i++) out.data[i] = fn(m.data[i]);
  return out;
}

/** fn(g, x) entrywise, x broadcast up to g's shape: a backward rule's G ⊙ f′(x). */
export function zipWith(g: Matrix, x: Matrix, fn: (g: number, x: number) => number): Matrix {
  return broadcastZip(g, x, fn, "backward");
}

/** Sum of all entries as (1, 1), over rows (axis 0) as (1, cols), over columns (axis 1) as (rows, 1). */
export function sumAlong(m: Matrix, axis?: 0 | 1): Matrix {
  if (axis === undefined) return Matrix.full(1, 1, m.sum());
  return axis === 0 ? Matrix.row(m.sum(0)) : Matrix.column(m.sum(1));
}

/** Index of entry k of lane l: lanes are rows for axis 1, columns for axis 0. */
function lanes(x: Matrix, axis: 0 | 1) {
  return {
    count: axis === 1 ? x.rows : x.cols,
    length: axis === 1 ? x.cols : x.rows,
    at: (l: number, k: number) => (axis === 1 ? l * x.cols + k : k * x.cols + l),
  };
}

/**
 * log Σₖ exp(xₖ) of each lane (row for axis 1, column for axis 0) as m + log Σ exp(x − m), m the
 * lane's maximum, so that exp never overflows and the sum is at least 1.
 */
export function logSumExpAlong(x: Matrix, axis: 0 | 1): Float64Array {
  const { count, length, at } = lanes(x, axis);
  const lse = new Float64Array(count);
  for (let l = 0; l < count; l++) {
    let max = -Infinity, s = 0;
    for (let k = 0; k < length; k++) max = Math.max(max, x.data[at(l, k)]);
    for (let k = 0; k < length; k++) s += Math.exp(x.data[at(l, k)] - max);
    lse[l] = max + Math.log(s);
  }
  return lse;
}

/** G ⊙ softmax(x) along the axis, softmax(x)ₖ = exp(xₖ − lse): the backward rule of log-sum-exp. */
export function scaledSoftmax(x: Matrix, lse: Float64Array, g: Float64Array, axis: 0 | 1): Matrix {
  const { count, length, at } = lanes(x, axis);
  const out = new Matrix(x.rows, x.cols);
  for (let l = 0; l < count; l++) {
    for (let k = 0; k < length; k++) {
      out.data[at(l, k)] = g[l] * Math.exp(x.data[at(l, k)] - lse[l]);
    }
  }
  return out;
}
