/**
 * Conversion at the public boundary: whatever the user passes (`number[][]`, `number[]`, typed
 * arrays, danfojs DataFrame/Series, `Matrix`) becomes a checked `Matrix` or `Float64Array` once,
 * with errors that name the argument, the expected shape and what came.
 *
 * @module
 */
import { checkLengthsMatch, describe, ShapeError, ValueError } from "./errors.ts";
import { Matrix, type Vector } from "./matrix.ts";

/** Anything with danfojs's `values`/`shape` (a DataFrame or Series), matched by shape, not import. */
export interface FrameLike {
  /** The cells: rows of a DataFrame, or a Series' values. */
  readonly values: unknown[];
  /** [nRows, nColumns] of a DataFrame, [length] of a Series. */
  readonly shape: number[];
}

/** A 2-D input: samples in rows, features in columns. */
export type MatrixLike = Matrix | ArrayLike<ArrayLike<number>> | FrameLike;

/** A 1-D input: targets, weights, a single feature. */
export type VectorLike = ArrayLike<number> | FrameLike;

/** A label array for classifiers: numbers or strings. */
export type LabelLike = ArrayLike<number | string> | FrameLike;

/** True for a danfojs DataFrame or Series (anything with `values` and a `shape` array). */
export function isFrameLike(x: unknown): x is FrameLike {
  return typeof x === "object" && x !== null && "values" in x && "shape" in x &&
    Array.isArray((x as FrameLike).shape) && !(x instanceof Matrix);
}

function checkFinite(value: number, name: string, where: string, allowNaN = false): void {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new ValueError(
      allowNaN
        ? `${name} must contain finite numbers (NaN or null for missing). Got ${
          describe(value)
        } at ${where}.`
        : `${name} must contain only finite numbers. Got ${describe(value)} at ${where}.`,
    );
  }
}

/** With `allowNaN`, the cells that mean "missing": NaN, null and undefined. */
function isMissing(v: unknown): boolean {
  return v === null || v === undefined || Number.isNaN(v);
}

/** A frame's column names (danfojs `columns`, or a Series' `name`), when it has them. */
function frameColumns(X: FrameLike): string[] | undefined {
  const f = X as FrameLike & { columns?: unknown; name?: unknown };
  if (Array.isArray(f.columns)) return f.columns.map(String);
  if (typeof f.name === "string") return [f.name];
  return undefined;
}

/** Names the column of a bad cell: "column 'age'" rather than its index. */
function checkFrameCells(
  rows: unknown[][],
  columns: string[] | undefined,
  name: string,
  allowNaN: boolean,
): void {
  if (!columns) return;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (!Array.isArray(r)) return; // shape errors are reported by toMatrix
    for (let j = 0; j < r.length; j++) {
      const v = r[j];
      if ((typeof v !== "number" || !Number.isFinite(v)) && !(allowNaN && isMissing(v))) {
        const column = columns[j] === undefined ? `column ${j}` : `column '${columns[j]}'`;
        checkFinite(v as number, name, `row ${i}, ${column}`, allowNaN);
      }
    }
  }
}

/** Options of {@link toMatrix}. */
export interface ToMatrixOptions {
  /** Accept 0 rows or 0 columns. @default false */
  allowEmpty?: boolean;
  /**
   * Accept missing values, NaN, null or undefined, as NaN (boosted trees learn where they go);
   * ±Infinity and non-numbers are still refused. @default false
   */
  allowNaN?: boolean;
}

/**
 * Converts and checks a 2-D input.
 * @param X shape (nSamples, nFeatures); rows must have equal length, values must be finite
 * @param name the argument's name, used in error messages
 * @example
 * ```ts
 * import { assertEquals, assertThrows } from "@std/assert";
 * import { toMatrix } from "../mod.ts";
 *
 * assertThrows(() => toMatrix([[1, NaN]]), Error, "X must contain only finite numbers. Got NaN at row 0, column 1.");
 * assertEquals(Array.from(toMatrix([[1, null as never]], "X", { allowNaN: true }).data), [1, NaN]);
 * ```
 */
export function toMatrix(
  X: MatrixLike,
  name = "X",
  { allowEmpty = false, allowNaN = false }: ToMatrixOptions = {},
): Matrix {
  let m: Matrix;
  if (X instanceof Matrix) {
    m = X;
  } else if (isFrameLike(X)) {
    const values = X.values as unknown[];
    const rows = (X.shape.length === 1 || !Array.isArray(values[0]))
      ? values.map((v) => [v as number])
      : values as number[][];
    checkFrameCells(rows, frameColumns(X), name, allowNaN);
    return toMatrix(rows, name, { allowEmpty, allowNaN });
  } else if (X && typeof X === "object" && "length" in X) {
    const rows = X.length;
    if (rows > 0 && (typeof X[0] !== "object" || X[0] === null || !("length" in X[0]))) {
      throw new ShapeError(
        `${name} must be 2-D with shape (nSamples, nFeatures). Got a 1-D array of length ${rows}; ` +
          `wrap each sample in an array, e.g. X.map((x) => [x]).`,
      );
    }
    const cols = rows ? X[0].length : 0;
    m = new Matrix(rows, cols);
    for (let i = 0; i < rows; i++) {
      const r = X[i];
      if (r.length !== cols) {
        throw new ShapeError(
          `${name} has ragged rows: row 0 has ${cols} values but row ${i} has ${r.length}.`,
        );
      }
      for (let j = 0; j < cols; j++) {
        const v = r[j];
        // The message is built only on failure: this loop runs once per input value.
        if (typeof v !== "number" || !Number.isFinite(v)) {
          if (allowNaN && isMissing(v)) {
            m.data[i * cols + j] = NaN;
            continue;
          }
          checkFinite(v, name, `row ${i}, column ${j}`, allowNaN);
        }
        m.data[i * cols + j] = v;
      }
    }
    return checkNotEmpty(m, name, allowEmpty);
  } else {
    throw new ValueError(
      `${name} must be a 2-D array, a typed-array rows list, a DataFrame or a Matrix. Got ${
        describe(X)
      }.`,
    );
  }
  for (let k = 0; k < m.data.length; k++) {
    if (!Number.isFinite(m.data[k]) && !(allowNaN && Number.isNaN(m.data[k]))) {
      checkFinite(m.data[k], name, `row ${Math.floor(k / m.cols)}, column ${k % m.cols}`, allowNaN);
    }
  }
  return checkNotEmpty(m, name, allowEmpty);
}

function checkNotEmpty(m: Matrix, name: string, allowEmpty: boolean): Matrix {
  if (!allowEmpty && (m.rows === 0 || m.cols === 0)) {
    throw new ValueError(
      `${name} must have at least one sample and one feature. Got shape (${m.rows}, ${m.cols}).`,
    );
  }
  return m;
}

/**
 * Converts and checks a 1-D numeric input.
 * @param y shape (nSamples,); values must be finite
 * @param expectedLength when given, the length y must have (e.g. the number of rows of X)
 */
export function toVector(y: VectorLike, name = "y", expectedLength?: number): Vector {
  let values: ArrayLike<unknown>;
  let column = "";
  if (isFrameLike(y)) {
    values = (y.values as unknown[]).map((v) => (Array.isArray(v) && v.length === 1 ? v[0] : v));
    const names = frameColumns(y);
    if (names?.length === 1) column = `, column '${names[0]}'`;
  } else if (y && typeof y === "object" && "length" in y) {
    values = y;
  } else {
    throw new ValueError(`${name} must be a 1-D array of numbers. Got ${describe(y)}.`);
  }
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Array.isArray(v) || ArrayBuffer.isView(v)) {
      throw new ShapeError(
        `${name} must be 1-D with shape (nSamples,). Got a nested array at index ${i}.`,
      );
    }
    if (typeof v !== "number" || !Number.isFinite(v)) {
      checkFinite(v as number, name, `index ${i}${column}`);
    }
    out[i] = v as number;
  }
  checkLength(out.length, name, expectedLength);
  return out;
}

function checkLength(length: number, name: string, expected?: number): void {
  if (expected !== undefined) checkSameLength(name, length, expected);
  if (length === 0) throw new ValueError(`${name} must not be empty.`);
}

/**
 * The one check (and wording) for a per-sample array whose length must equal X's row count.
 * @throws ShapeError "y has 3 values, but X has 4 samples; they must match."
 */
export function checkSameLength(name: string, length: number, nSamples: number): void {
  checkLengthsMatch(name, length, "X", nSamples);
}
