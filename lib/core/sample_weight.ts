/**
 * Sample weights, with scikit-learn's meaning (`sample_weight`): a weight of k counts a row as k
 * copies of it, so integer weights fit exactly as repeated rows, and 0 drops the row. Estimators
 * that accept them take `fit(X, y, { sampleWeight })`; bootstrap (random forests) and boosting
 * (AdaBoost) pass their resampling and reweighting this way.
 *
 * @module
 */
import { ValueError } from "./errors.ts";
import { toVector, type VectorLike } from "./validation.ts";

/** The optional third argument of `fit`. */
export interface FitOptions {
  /** One non-negative weight per row of X, shape (nSamples,). @default all 1 */
  sampleWeight?: VectorLike;
}

/**
 * Checks `fit`'s `sampleWeight`: finite, non-negative, one per row of X, with a positive sum.
 * Returns `undefined` when no weights were given.
 * @param sampleWeight shape (nSamples,)
 * @param nSamples the number of rows of X
 * @example
 * ```ts
 * import { toSampleWeight } from "./sample_weight.ts";
 * import { assertEquals, assertThrows } from "@std/assert";
 *
 * assertEquals(toSampleWeight([1, 0, 2], 3), Float64Array.of(1, 0, 2));
 * assertEquals(toSampleWeight(undefined, 3), undefined);
 * assertThrows(() => toSampleWeight([1, -1, 2], 3), Error, "non-negative");
 * ```
 */
export function toSampleWeight(
  sampleWeight: VectorLike | undefined,
  nSamples: number,
): Float64Array | undefined {
  if (sampleWeight === undefined || sampleWeight === null) return undefined;
  const w = toVector(sampleWeight, "sampleWeight", nSamples);
  let total = 0;
  for (let i = 0; i < w.length; i++) {
    if (w[i] < 0) {
      throw new ValueError(`sampleWeight must be non-negative. Got ${w[i]} at index ${i}.`);
    }
    total += w[i];
  }
  if (!(total > 0)) throw new ValueError("sampleWeight must have a positive sum. Got all zeros.");
  return w;
}
