/**
 * Label encoding for classifiers: any numbers or strings to class indices 0..K−1 and back,
 * with the checks every classifier needs (length, at least two classes).
 *
 * @module
 */
import { ValueError } from "../core/errors.ts";
import type { LabelLike } from "../core/validation.ts";
import { toLabels, uniqueLabels } from "../core/labels.ts";

/** A class label as users give it. */
export type Label = number | string;

/** Sorted classes and each sample's class index. */
export interface EncodedLabels {
  classes: Label[];
  indices: Int32Array;
}

/**
 * Encodes labels as indices into their sorted unique values (scikit-learn's `classes_` order).
 * @param y labels, length nSamples
 * @param nSamples the number of rows of X
 * @param minClasses fewer distinct labels than this is an error
 * @example
 * ```ts
 * encodeLabels(["b", "a", "b"], 3).indices; // Int32Array [1, 0, 1]
 * ```
 */
export function encodeLabels(y: LabelLike, nSamples: number, minClasses = 2): EncodedLabels {
  const labels = toLabels(y, "y", nSamples);
  const classes = uniqueLabels(labels);
  if (classes.length < minClasses) {
    throw new ValueError(
      `This solver needs samples of at least ${minClasses} classes in the data, but the data ` +
        `contains only one class: ${JSON.stringify(classes[0])}.`,
    );
  }
  const index = new Map<Label, number>(classes.map((c, k) => [c, k]));
  return { classes, indices: Int32Array.from(labels, (l) => index.get(l)!) };
}

/**
 * Class indices of `y` within known `classes`, for scoring; unknown labels are an error.
 * @param y labels, length nSamples
 * @param classes the classes seen in `fit`
 */
export function indicesOf(y: LabelLike, classes: readonly Label[], nSamples: number): Int32Array {
  const labels = toLabels(y, "y", nSamples);
  const index = new Map<Label, number>(classes.map((c, k) => [c, k]));
  return Int32Array.from(labels, (l, i) => {
    const k = index.get(l);
    if (k === undefined) {
      throw new ValueError(
        `y contains a label not seen in fit: ${JSON.stringify(l)} at index ${i}. ` +
          `Known classes: ${JSON.stringify(classes)}.`,
      );
    }
    return k;
  });
}

/** Index of the largest entry of each row of a row-major (n, K) array (first one on ties). */
export function argmaxRows(data: ArrayLike<number>, n: number, K: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let k = 1; k < K; k++) if (data[i * K + k] > data[i * K + best]) best = k;
    out[i] = best;
  }
  return out;
}
