/**
 * Input conversion for categorical features: a rectangular table of numbers or strings.
 *
 * @module
 */
import { describe, ShapeError, ValueError } from "../core/errors.ts";
import { Matrix } from "../core/matrix.ts";
import type { FrameLike } from "../core/validation.ts";

/** A category value: a string (`"S"`, `"M"`, `"L"`) or a number (1, 2, 3). */
export type CategoryValue = number | string;

/** A 2-D table of categories, shape (nSamples, nFeatures). */
export type CategoryMatrixLike = ArrayLike<ArrayLike<CategoryValue>> | Matrix | FrameLike;

/**
 * Converts and checks a table of categories.
 * @param X shape (nSamples, nFeatures); entries finite numbers or strings
 */
export function toCategoryRows(X: CategoryMatrixLike, name = "X"): CategoryValue[][] {
  let rows: ArrayLike<ArrayLike<unknown>>;
  if (X instanceof Matrix) {
    rows = X.toArray();
  } else if (X && typeof X === "object" && "shape" in X && "values" in X && !("length" in X)) {
    rows = (X as FrameLike).values as ArrayLike<ArrayLike<unknown>>;
  } else if (X && typeof X === "object" && "length" in X) {
    rows = X as ArrayLike<ArrayLike<unknown>>;
  } else {
    throw new ValueError(`${name} must be a 2-D array of categories. Got ${describe(X)}.`);
  }
  if (rows.length === 0) throw new ValueError(`${name} must have at least one sample.`);
  const out: CategoryValue[][] = [];
  let cols = -1;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (typeof r !== "object" || r === null || !("length" in r)) {
      throw new ShapeError(
        `${name} must be 2-D with shape (nSamples, nFeatures). Row ${i} is ${describe(r)}.`,
      );
    }
    if (cols < 0) cols = r.length;
    if (r.length !== cols) {
      throw new ShapeError(
        `${name} has ragged rows: row 0 has ${cols} values but row ${i} has ${r.length}.`,
      );
    }
    const row: CategoryValue[] = new Array(cols);
    for (let j = 0; j < cols; j++) {
      const v = r[j];
      if (!(typeof v === "string" || (typeof v === "number" && Number.isFinite(v)))) {
        throw new ValueError(
          `${name} must contain finite numbers or strings. Got ${
            describe(v)
          } at row ${i}, column ${j}.`,
        );
      }
      row[j] = v;
    }
    out.push(row);
  }
  if (cols === 0) throw new ValueError(`${name} must have at least one feature.`);
  return out;
}
