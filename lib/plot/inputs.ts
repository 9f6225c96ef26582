/**
 * Input checks for the plot helpers: numbers in, plain `number[]` out (plain arrays serialise to
 * JSON as arrays; typed arrays would become `{"0": ...}` objects).
 *
 * @module
 */
import { describe, ShapeError, ValueError } from "../core/errors.ts";
import type { RowMajorMatrix } from "./types.ts";

/** Options for {@link toVector}. */
export interface VectorOptions {
  /** Keep NaN (drawn as a gap). Infinity is always rejected. @default false */
  allowNaN?: boolean;
  /** Smallest accepted length. @default 1 */
  minLength?: number;
}

function isArrayLike(value: unknown): value is ArrayLike<unknown> {
  return Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
}

function isMatrixLike(value: unknown): value is RowMajorMatrix {
  return typeof value === "object" && value !== null && "rows" in value && "cols" in value &&
    "data" in value;
}

/**
 * Copies a 1-D numeric input into a plain array, checking every value.
 * @param values a number[] or typed array
 * @param name the argument's name, used in error messages
 */
export function toVector(values: unknown, name: string, options: VectorOptions = {}): number[] {
  const { allowNaN = false, minLength = 1 } = options;
  if (!isArrayLike(values)) {
    throw new ValueError(`'${name}' must be an array of numbers. Got ${describe(values)} instead.`);
  }
  if (values.length < minLength) {
    throw new ShapeError(
      `'${name}' must have at least ${minLength} value${
        minLength === 1 ? "" : "s"
      }. Got ${values.length}.`,
    );
  }
  const out = new Array<number>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== "number") {
      throw new ValueError(`'${name}[${i}]' must be a number. Got ${describe(v)} instead.`);
    }
    if (v === Infinity || v === -Infinity || (!allowNaN && Number.isNaN(v))) {
      throw new ValueError(`'${name}[${i}]' must be a finite number. Got ${v} instead.`);
    }
    out[i] = v;
  }
  return out;
}

/**
 * Copies a 2-D numeric input `(nRows, nCols)` into plain rows, rejecting ragged rows.
 * A 1-D input is read as one column when `vectorAsColumn` is set.
 * @param X number[][], an array of typed arrays, or a row-major `RowMajorMatrix`
 * @param name the argument's name, used in error messages
 */
export function toRows(X: unknown, name: string, vectorAsColumn = false): number[][] {
  if (isMatrixLike(X)) {
    const { rows, cols, data } = X;
    if (data.length !== rows * cols) {
      throw new ShapeError(
        `'${name}' has rows=${rows}, cols=${cols} but ${data.length} values.`,
      );
    }
    const flat = toVector(data, name, { minLength: 0 });
    const out: number[][] = [];
    for (let i = 0; i < rows; i++) out.push(flat.slice(i * cols, (i + 1) * cols));
    if (rows === 0) throw new ShapeError(`'${name}' must have at least 1 row. Got 0.`);
    return out;
  }
  if (!isArrayLike(X)) {
    throw new ValueError(`'${name}' must be a 2-D array of numbers. Got ${describe(X)} instead.`);
  }
  if (X.length === 0) throw new ShapeError(`'${name}' must have at least 1 row. Got 0.`);
  if (typeof X[0] === "number") {
    if (!vectorAsColumn) {
      throw new ShapeError(
        `'${name}' must be a 2-D array (nSamples, nFeatures). Got a 1-D array of length ${X.length}.`,
      );
    }
    return toVector(X, name).map((v) => [v]);
  }
  const rows: number[][] = [];
  let width = -1;
  for (let i = 0; i < X.length; i++) {
    const row = toVector(X[i], `${name}[${i}]`, { minLength: 1 });
    if (width === -1) width = row.length;
    else if (row.length !== width) {
      throw new ShapeError(
        `'${name}' must have rows of equal length: row 0 has ${width} values, row ${i} has ${row.length}.`,
      );
    }
    rows.push(row);
  }
  return rows;
}

/** `n` evenly spaced numbers from `start` to `stop`, both included (numpy's `linspace`). */
export function linspace(start: number, stop: number, n: number): number[] {
  if (n === 1) return [start];
  const step = (stop - start) / (n - 1);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = start + i * step;
  out[n - 1] = stop;
  return out;
}

/** Smallest and largest value; a zero-width range is widened by 0.5 each way (numpy's rule). */
export function extent(values: readonly number[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo === hi ? [lo - 0.5, hi + 0.5] : [lo, hi];
}
