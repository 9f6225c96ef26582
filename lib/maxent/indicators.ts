/**
 * The default features of a categorical table: f_{j,v,c}(x, y) = [x_j = v and y = c], one per
 * column j, value v and class c; they turn any table into a maximum-entropy model. Also the
 * matching one-hot encoding, the design matrix of the equivalent logistic regression.
 *
 * @module
 */
import { describe, ShapeError, ValueError } from "../core/errors.ts";
import { Matrix } from "../core/matrix.ts";
import type { Label } from "../core/labels.ts";
import {
  type Category,
  type FeatureTable,
  type IndicatorFeature,
  TableBuilder,
} from "./features.ts";

/**
 * Checks that samples are rows of categorical values of equal length.
 * @param samples shape (nSamples, nFeatures)
 * @returns the rows, as arrays
 */
export function toCategoricalRows(samples: readonly unknown[], name = "X"): Category[][] {
  const rows: Category[][] = [];
  let width = -1;
  for (let s = 0; s < samples.length; s++) {
    const r = samples[s];
    if (!r || typeof r !== "object" || typeof (r as ArrayLike<unknown>).length !== "number") {
      throw new ShapeError(
        `${name} must be 2-D (nSamples, nFeatures) for indicator features. Got ${
          describe(r)
        } at row ${s}; pass your own 'features' functions for other kinds of samples.`,
      );
    }
    const row = Array.from(r as ArrayLike<unknown>);
    if (width < 0) width = row.length;
    if (row.length !== width) {
      throw new ShapeError(
        `${name} has ragged rows: row 0 has ${width} values but row ${s} has ${row.length}.`,
      );
    }
    row.forEach((v, j) => {
      const ok = typeof v === "string" || typeof v === "boolean" ||
        (typeof v === "number" && Number.isFinite(v));
      if (!ok) {
        throw new ValueError(
          `${name} must hold strings, finite numbers or booleans. Got ${
            describe(v)
          } at row ${s}, column ${j}.`,
        );
      }
    });
    rows.push(row as Category[]);
  }
  if (width === 0) throw new ValueError(`${name} must have at least one column.`);
  return rows;
}

/** A Map key that keeps 1, "1" and true apart. */
function cellKey(column: number, value: Category): string {
  return `${column}\u0000${typeof value}\u0000${String(value)}`;
}

function compareCategories(a: Category, b: Category): number {
  if (typeof a === typeof b) {
    if (typeof a === "number") return a - (b as number);
    return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
  }
  return typeof a < typeof b ? -1 : 1;
}

/**
 * The indicator features f_{j,v,c}(x, y) = [x_j = v and y = c] of a categorical table, ordered by
 * column, then value (sorted; in a mixed column booleans, then numbers, then strings), then class
 * (in `classes` order).
 *
 * With `pairs: "observed"` only the (v, c) that occur together in a column of the training data
 * get a feature (the usual choice, and what IIS without a penalty needs: a feature whose empirical
 * expectation is 0 has weight −∞ at the maximum of the likelihood). With `"all"` every (v, c)
 * does, which is exactly the parameterisation of multinomial logistic regression on one-hot
 * encoded columns without intercept, and makes f#(x, y) = Σᵢ fᵢ(x, y) equal the number of
 * columns for every training pair.
 *
 * @param rows categorical samples, shape (nSamples, nFeatures)
 * @param yIndex class index of each sample
 * @param classes the sorted class labels
 * @example
 * ```ts
 * import { indicatorFeatures } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * assertEquals(indicatorFeatures([["a"], ["b"]], Int32Array.from([0, 1]), ["no", "yes"]), [
 *   { column: 0, value: "a", label: "no" },
 *   { column: 0, value: "b", label: "yes" },
 * ]);
 * ```
 */
export function indicatorFeatures(
  rows: readonly (readonly Category[])[],
  yIndex: Int32Array,
  classes: readonly Label[],
  pairs: "observed" | "all" = "observed",
): IndicatorFeature[] {
  const width = rows[0].length;
  const out: IndicatorFeature[] = [];
  for (let j = 0; j < width; j++) {
    const seen = new Map<string, { value: Category; classes: Set<number> }>();
    rows.forEach((row, s) => {
      const key = cellKey(j, row[j]);
      const entry = seen.get(key) ?? { value: row[j], classes: new Set<number>() };
      entry.classes.add(yIndex[s]);
      seen.set(key, entry);
    });
    const values = [...seen.values()].sort((a, b) => compareCategories(a.value, b.value));
    for (const { value, classes: withValue } of values) {
      classes.forEach((label, c) => {
        if (pairs === "all" || withValue.has(c)) out.push({ column: j, value, label });
      });
    }
  }
  return out;
}

/**
 * Tabulates indicator features: row (s, c) holds feature f_{j,xₛⱼ,c} for every column j whose
 * (value, class) pair has a feature. Values never seen in `fit` simply fire no feature.
 * @param rows categorical samples, shape (nSamples, nColumns)
 */
export function tabulateIndicators(
  rows: readonly (readonly Category[])[],
  features: readonly IndicatorFeature[],
  classes: readonly Label[],
): FeatureTable {
  const K = classes.length;
  const classIndex = new Map<Label, number>(classes.map((c, k) => [c, k]));
  const lookup = new Map<string, Int32Array>();
  features.forEach((f, i) => {
    const key = cellKey(f.column, f.value);
    const perClass = lookup.get(key) ?? new Int32Array(K).fill(-1);
    perClass[classIndex.get(f.label)!] = i;
    lookup.set(key, perClass);
  });
  const builder = new TableBuilder();
  const hits: Int32Array[] = [];
  for (const row of rows) {
    hits.length = 0;
    for (let j = 0; j < row.length; j++) {
      const perClass = lookup.get(cellKey(j, row[j]));
      if (perClass) hits.push(perClass);
    }
    for (let c = 0; c < K; c++) {
      for (const perClass of hits) if (perClass[c] >= 0) builder.push(perClass[c], 1);
      builder.endRow();
    }
  }
  return builder.build(rows.length, K, features.length);
}

/** A readable name for an indicator feature, e.g. `x[2]="是" ∧ y="是"`. */
export function indicatorName(f: IndicatorFeature, columnNames?: readonly string[]): string {
  const column = columnNames?.[f.column] ?? `x[${f.column}]`;
  return `${column}=${JSON.stringify(f.value)} ∧ y=${JSON.stringify(f.label)}`;
}

/**
 * One-hot encoding of categorical columns, the design matrix of logistic regression that matches
 * the `"all"` indicator features: column (j, v) is [x_j = v], values sorted within each column.
 * @param rows categorical samples, shape (nSamples, nColumns)
 * @param categories the values of each column; by default those found in `rows`
 * @returns X with one 0/1 column per (j, v), and the categories used
 * @example
 * ```ts
 * import { oneHotEncode } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * const { X, categories } = oneHotEncode([["a", "x"], ["b", "x"]]);
 * assertEquals(X.toArray(), [[1, 0, 1], [0, 1, 1]]);
 * assertEquals(categories, [["a", "b"], ["x"]]);
 * ```
 */
export function oneHotEncode(
  rows: readonly (readonly Category[])[],
  categories?: readonly (readonly Category[])[],
): { X: Matrix; categories: Category[][] } {
  const checked = toCategoricalRows(rows, "rows");
  const width = checked[0].length;
  const cats = categories?.map((c) => [...c]) ??
    Array.from({ length: width }, (_, j) => {
      const unique = new Map(checked.map((r) => [cellKey(j, r[j]), r[j]]));
      return [...unique.values()].sort(compareCategories);
    });
  if (cats.length !== width) {
    throw new ShapeError(`categories must list ${width} columns. Got ${cats.length}.`);
  }
  const position = new Map<string, number>();
  let total = 0;
  cats.forEach((values, j) => {
    values.forEach((v, k) => position.set(cellKey(j, v), total + k));
    total += values.length;
  });
  const X = new Matrix(checked.length, total);
  checked.forEach((row, s) => {
    row.forEach((v, j) => {
      const col = position.get(cellKey(j, v));
      if (col === undefined) {
        throw new ValueError(
          `rows has the value ${
            describe(v)
          } at row ${s}, column ${j}, which is not among its categories.`,
        );
      }
      X.data[s * total + col] = 1;
    });
  });
  return { X, categories: cats };
}
