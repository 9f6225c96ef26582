/**
 * Tree inputs may mix numeric and categorical (string) columns, as the book's loan table does.
 * This file turns such rows into per-column `Float64Array`s: numbers stay numbers, categories
 * become integer codes in order of first appearance (so tables print in the book's order).
 *
 * @module
 */
import { describe, Matrix, ShapeError, ValueError } from "../core/mod.ts";

/** A cell of a tree's input table. */
export type Cell = number | string;

/**
 * Rows of a mixed table (arrays or typed-array rows), a `Matrix`, or anything with `values` like a
 * danfojs DataFrame (whose `columns` then name the columns in error messages).
 */
export type TableLike =
  | ArrayLike<ArrayLike<Cell>>
  | Matrix
  | { readonly values: unknown[]; readonly columns?: unknown };

/** How each column was read during `fit`; reused to encode rows at predict time. */
export interface FeatureEncoding {
  /** For categorical columns, the category of each code; `null` for numeric columns. */
  categories: (Cell[] | null)[];
}

/** Column-major encoded table. */
export interface EncodedTable {
  columns: Float64Array[];
  nSamples: number;
}

/** A column's name for messages: "column 'age'" for a named frame column, else "column 2". */
function columnName(X: TableLike, j: number): string {
  const names = X && typeof X === "object" && "columns" in X ? X.columns : undefined;
  return Array.isArray(names) && typeof names[j] === "string"
    ? `column '${names[j]}'`
    : `column ${j}`;
}

function rowsOf(X: TableLike, name: string): ArrayLike<ArrayLike<Cell>> {
  if (X instanceof Matrix) {
    if (X.rows === 0 || X.cols === 0) emptyError(name, X.rows, X.cols);
    return Array.from({ length: X.rows }, (_, i) => X.data.subarray(i * X.cols, (i + 1) * X.cols));
  }
  const isFrame = X && typeof X === "object" && "values" in X && !Array.isArray(X);
  const rows = isFrame ? X.values as Cell[][] : X as Cell[][];
  if (!rows || typeof rows !== "object" || typeof rows.length !== "number") {
    throw new ValueError(`${name} must be a 2-D array of numbers or strings. Got ${describe(X)}.`);
  }
  if (rows.length === 0) emptyError(name, 0, 0);
  const cols = rows[0]?.length;
  if (typeof cols !== "number" || typeof rows[0] !== "object") {
    throw new ShapeError(
      `${name} must be 2-D with shape (nSamples, nFeatures). Got a 1-D array of length ${rows.length}; ` +
        `wrap each sample in an array, e.g. X.map((x) => [x]).`,
    );
  }
  for (let i = 0; i < rows.length; i++) {
    if (rows[i]?.length !== cols) {
      throw new ShapeError(
        `${name} has ragged rows: row 0 has ${cols} values but row ${i} has ${rows[i]?.length}.`,
      );
    }
  }
  if (cols === 0) emptyError(name, rows.length, 0);
  return rows;
}

/** The wording of lib/core's `toMatrix` for an empty input. */
function emptyError(name: string, rows: number, cols: number): never {
  throw new ValueError(
    `${name} must have at least one sample and one feature. Got shape (${rows}, ${cols}).`,
  );
}

/**
 * Learns the encoding of a training table and encodes it.
 * @param categoricalFeatures columns to treat as categories even when they hold numbers
 */
export function fitEncoding(
  X: TableLike,
  categoricalFeatures: readonly number[],
  name = "X",
): { encoding: FeatureEncoding; table: EncodedTable } {
  const rows = rowsOf(X, name);
  const nFeatures = rows[0].length;
  for (const j of categoricalFeatures) {
    if (!Number.isInteger(j) || j < 0 || j >= nFeatures) {
      throw new ValueError(
        `The 'categoricalFeatures' option must list column indices in [0, ${
          nFeatures - 1
        }]. Got ${j}.`,
      );
    }
  }
  const categories: (Cell[] | null)[] = [];
  for (let j = 0; j < nFeatures; j++) {
    let categorical = categoricalFeatures.includes(j);
    for (let i = 0; i < rows.length && !categorical; i++) {
      categorical = typeof rows[i][j] === "string";
    }
    if (!categorical) {
      categories.push(null);
      continue;
    }
    const seen: Cell[] = [];
    for (let i = 0; i < rows.length; i++) if (!seen.includes(rows[i][j])) seen.push(rows[i][j]);
    categories.push(seen);
  }
  const encoding = { categories };
  return { encoding, table: encode(rows, encoding, name, X) };
}

/**
 * Encodes rows with a fitted encoding; unseen categories get code −1.
 * @param className the estimator's name, for the shared feature-drift message
 */
export function applyEncoding(
  X: TableLike,
  encoding: FeatureEncoding,
  name = "X",
  className = "DecisionTree",
): EncodedTable {
  const rows = rowsOf(X, name);
  if (rows[0].length !== encoding.categories.length) {
    throw new ShapeError(
      `${name} has ${
        rows[0].length
      } features, but ${className} is expecting ${encoding.categories.length} features as input.`,
    );
  }
  return encode(rows, encoding, name, X);
}

function encode(
  rows: ArrayLike<ArrayLike<Cell>>,
  e: FeatureEncoding,
  name: string,
  X: TableLike,
): EncodedTable {
  const n = rows.length;
  const columns = e.categories.map((cats, j) => {
    const col = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = rows[i][j];
      if (typeof v === "number" && !Number.isFinite(v)) {
        throw new ValueError(
          `${name} must contain only finite numbers. Got ${describe(v)} at row ${i}, ${
            columnName(X, j)
          }.`,
        );
      } else if (typeof v !== "number" && typeof v !== "string") {
        throw new ValueError(
          `${name} must contain only numbers or strings. Got ${describe(v)} at row ${i}, ${
            columnName(X, j)
          }.`,
        );
      } else if (cats) {
        col[i] = cats.indexOf(v);
      } else if (typeof v !== "number") {
        throw new ValueError(
          `${name} ${columnName(X, j)} is numeric and must contain only finite numbers. Got ${
            describe(v)
          } at row ${i}.`,
        );
      } else {
        col[i] = v;
      }
    }
    return col;
  });
  return { columns, nSamples: n };
}
