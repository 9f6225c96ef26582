/**
 * Result shapes and argument checks shared by the kd-tree and brute-force searches.
 *
 * @module
 */
import { describe, ShapeError, ValueError } from "../core/errors.ts";

/** The neighbours of one query point, nearest first. */
export interface QueryResult {
  /** Training indices, nearest first (equal distances: lower index first). */
  indices: number[];
  /** L_p distances matching `indices`. */
  distances: number[];
  /** Tree nodes entered by the search (brute force: the number of training points measured). */
  nVisited: number;
}

/** The neighbours of many query points, row-major with k columns. */
export interface NeighborsResult {
  /** Neighbours per query. */
  k: number;
  /** Shape (nQueries, k), row-major. */
  indices: Int32Array;
  /** Shape (nQueries, k), row-major. */
  distances: Float64Array;
  /** Per query: nodes entered (kd-tree) or points measured (brute force). */
  nVisited: Int32Array;
}

/** k must be an integer in [1, nSamples]. */
export function checkK(k: unknown, nSamples: number, name = "k"): number {
  if (typeof k !== "number" || !Number.isInteger(k) || k < 1) {
    throw new ValueError(`${name} must be an integer >= 1. Got ${describe(k)} instead.`);
  }
  if (k > nSamples) {
    throw new ValueError(
      `Expected ${name} <= nSamplesFit, but ${name} = ${k} and nSamplesFit = ${nSamples}.`,
    );
  }
  return k;
}

/** A single query point: finite numbers, one per feature. */
export function checkQuery(x: ArrayLike<number>, nFeatures: number): Float64Array {
  if (!x || typeof x !== "object" || !("length" in x)) {
    throw new ValueError(`x must be an array of ${nFeatures} numbers. Got ${describe(x)}.`);
  }
  if (x.length !== nFeatures) {
    throw new ShapeError(`x has ${x.length} features, but the index holds ${nFeatures}.`);
  }
  const q = Float64Array.from(x);
  for (let l = 0; l < q.length; l++) {
    if (!Number.isFinite(q[l])) {
      throw new ValueError(`x must contain only finite numbers. Got ${describe(x[l])} at ${l}.`);
    }
  }
  return q;
}
