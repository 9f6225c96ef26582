/**
 * Input checks shared by the metrics (internal, not exported from `mod.ts`): targets that may be
 * 1-D or 2-D, class labels, sample weights and probability tables, each converted once with an
 * error that names the argument.
 *
 * @module
 */
import { checkLengthsMatch } from "../core/errors.ts";
import {
  describe,
  type LabelLike,
  Matrix,
  type MatrixLike,
  toLabels,
  toMatrix,
  toVector,
  uniqueLabels,
  ValueError,
  type VectorLike,
} from "../core/mod.ts";

import type { Label } from "../core/mod.ts";

/** A class label: a number (integral) or a string (the one type of `lib/core/labels.ts`). */
export type { Label };

/** Regression targets: one output `(nSamples,)` or several `(nSamples, nOutputs)`. */
export type TargetLike = VectorLike | MatrixLike;

/** True for 2-D inputs: a Matrix, a DataFrame, or an array whose first element is array-like. */
export function isTwoD(y: TargetLike): boolean {
  if (y instanceof Matrix) return true;
  if (typeof y === "object" && y !== null && "shape" in y && Array.isArray(y.shape)) {
    return y.shape.length === 2;
  }
  if (typeof y === "object" && y !== null && "length" in y && y.length > 0) {
    const first = (y as ArrayLike<unknown>)[0];
    return typeof first === "object" && first !== null && "length" in first;
  }
  return false;
}

/**
 * Converts regression targets to an (nSamples, nOutputs) matrix, remembering whether they were 1-D.
 * @param y shape (nSamples,) or (nSamples, nOutputs)
 */
export function toTargets(y: TargetLike, name: string): { m: Matrix; oneD: boolean } {
  if (isTwoD(y)) return { m: toMatrix(y as MatrixLike, name), oneD: false };
  const v = toVector(y as VectorLike, name);
  return { m: new Matrix(v.length, 1, v), oneD: true };
}

/** Throws unless two arrays describe the same number of samples. */
export function checkSameLength(a: number, b: number, nameA: string, nameB: string): void {
  checkLengthsMatch(nameB, b, nameA, a);
}

/**
 * Checks sample weights: finite, non-negative, one per sample, not all zero.
 * @param w shape (nSamples,), or undefined for unit weights
 */
export function toSampleWeight(w: VectorLike | undefined, n: number): Float64Array | undefined {
  if (w === undefined || w === null) return undefined;
  const v = toVector(w, "sampleWeight");
  checkSameLength(n, v.length, "yTrue", "sampleWeight");
  let total = 0;
  for (let i = 0; i < v.length; i++) {
    if (v[i] < 0) {
      throw new ValueError(`sampleWeight must be non-negative. Got ${v[i]} at index ${i}.`);
    }
    total += v[i];
  }
  if (total === 0) throw new ValueError("sampleWeight sums to zero; the average is undefined.");
  return v;
}

/**
 * Converts class labels and rejects what is not a label: non-integral numbers (scores or
 * probabilities passed by mistake) and a mix of numbers and strings.
 * @param y shape (nSamples,)
 */
export function toClassLabels(y: LabelLike, name: string): Label[] {
  const labels = toLabels(y, name);
  for (let i = 0; i < labels.length; i++) {
    const v = labels[i];
    if (typeof v === "number" && !Number.isInteger(v)) {
      throw new ValueError(
        `${name} must hold class labels (integers or strings). Got the non-integral number ${v} ` +
          `at index ${i}; scores or probabilities must be thresholded into labels first.`,
      );
    }
  }
  uniqueLabels(labels); // refuses a mix of numbers and strings
  return labels;
}

/** Sorted union of the labels in several arrays, which must all be numbers or all strings. */
export function unionLabels(...arrays: readonly Label[][]): Label[] {
  return uniqueLabels(...arrays);
}

/** Checks a user-given label list: non-empty, unique, labels (not scores). */
export function toLabelList(labels: LabelLike, name = "labels"): Label[] {
  const list = toClassLabels(labels, name);
  if (new Set(list).size !== list.length) {
    throw new ValueError(`${name} must not repeat a label. Got ${describe(list)}.`);
  }
  return list;
}

/** Maps each label to its position in `classes`; unknown labels get -1. */
export function encode(y: readonly Label[], classes: readonly Label[]): Int32Array {
  const index = new Map<Label, number>();
  classes.forEach((c, i) => index.set(c, i));
  const out = new Int32Array(y.length);
  for (let i = 0; i < y.length; i++) out[i] = index.get(y[i]) ?? -1;
  return out;
}

/** Throws if a probability is outside [0, 1]. */
export function checkProbabilities(p: Matrix | Float64Array, name: string): void {
  const data = p instanceof Matrix ? p.data : p;
  const cols = p instanceof Matrix ? p.cols : 1;
  for (let k = 0; k < data.length; k++) {
    if (data[k] < 0 || data[k] > 1) {
      const where = cols === 1 ? `index ${k}` : `row ${Math.floor(k / cols)}, column ${k % cols}`;
      throw new ValueError(
        `${name} must hold probabilities in [0, 1]. Got ${data[k]} at ${where}.`,
      );
    }
  }
}

/** Weighted mean Σ wᵢ xᵢ / Σ wᵢ (plain mean without weights), as numpy's `average`. */
export function average(x: ArrayLike<number>, w?: ArrayLike<number>): number {
  let s = 0;
  if (!w) {
    for (let i = 0; i < x.length; i++) s += x[i];
    return s / x.length;
  }
  let sw = 0;
  for (let i = 0; i < x.length; i++) {
    s += x[i] * w[i];
    sw += w[i];
  }
  if (sw === 0) throw new ValueError("The weights sum to zero; the weighted average is undefined.");
  return s / sw;
}
