/**
 * Per-class counts, priors and means: what both discriminant analyses estimate first (ESL §4.3:
 * π̂ₖ = Nₖ/N, μ̂ₖ = Σ_{gᵢ=k} xᵢ / Nₖ).
 *
 * @module
 */
import { ValueError } from "../core/errors.ts";
import { Matrix, type Vector } from "../core/matrix.ts";

/** Class summaries of a training set. */
export interface ClassStats {
  /** Nₖ, samples per class. */
  counts: Int32Array;
  /** πₖ: the given priors, or Nₖ/N. */
  priors: Vector;
  /** Class means, shape (K, p). */
  means: Matrix;
}

/**
 * Counts, priors and means per class.
 * @param X shape (n, p)
 * @param indices each sample's class index 0..K−1
 * @param K number of classes
 * @param priors given class priors (summing to 1), or null for the class proportions
 */
export function classStats(
  X: Matrix,
  indices: Int32Array,
  K: number,
  priors: ArrayLike<number> | null,
): ClassStats {
  const { rows: n, cols: p } = X;
  const counts = new Int32Array(K);
  const means = new Matrix(K, p);
  for (let i = 0; i < n; i++) {
    const k = indices[i];
    counts[k]++;
    for (let j = 0; j < p; j++) means.data[k * p + j] += X.data[i * p + j];
  }
  for (let k = 0; k < K; k++) for (let j = 0; j < p; j++) means.data[k * p + j] /= counts[k];
  let pi: Vector;
  if (priors === null) pi = Float64Array.from(counts, (c) => c / n);
  else {
    pi = Float64Array.from(priors);
    const sum = pi.reduce((a, b) => a + b, 0);
    if (pi.length !== K || pi.some((v) => !(v > 0)) || Math.abs(sum - 1) > 1e-8) {
      throw new ValueError(
        `The 'priors' option must hold ${K} positive numbers summing to 1. Got [${
          Array.from(pi).join(", ")
        }].`,
      );
    }
  }
  return { counts, priors: pi, means };
}

/** Row-wise softmax of scores, in place; returns the log-normaliser of each row. */
export function softmaxRows(scores: Matrix): Vector {
  const { rows, cols, data } = scores;
  const logZ = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let max = -Infinity;
    for (let k = 0; k < cols; k++) max = Math.max(max, data[i * cols + k]);
    let s = 0;
    for (let k = 0; k < cols; k++) s += Math.exp(data[i * cols + k] - max);
    logZ[i] = max + Math.log(s);
    for (let k = 0; k < cols; k++) data[i * cols + k] = Math.exp(data[i * cols + k] - logZ[i]);
  }
  return logZ;
}
