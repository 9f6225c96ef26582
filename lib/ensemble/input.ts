/**
 * Input conversion for boosters, where missing values are data: NaN, `null` and `undefined`
 * all become NaN (the trees learn or read a default direction for them), while anything that is
 * not a number is still an error naming the cell.
 *
 * @module
 */
import { describe, ShapeError, ValueError } from "../core/errors.ts";
import { Matrix } from "../core/matrix.ts";
import type { MatrixLike } from "../core/validation.ts";

/** One input cell: a number, or null/undefined/NaN for a missing value. */
export type MissingCell = number | null | undefined;

/**
 * Converts a 2-D input whose cells may be missing (NaN, null, undefined → NaN).
 * @param X shape (nSamples, nFeatures)
 * @param name the argument's name in error messages
 * @param nFeatures when given, the number of columns X must have (feature drift check)
 * @param owner who expects that many features, for the message ("Booster")
 */
export function toMatrixWithMissing(
  X: MatrixLike | ArrayLike<ArrayLike<MissingCell>>,
  name = "X",
  nFeatures?: number,
  owner = "the model",
): Matrix {
  let m: Matrix;
  if (X instanceof Matrix) {
    m = X;
  } else if (X && typeof X === "object" && "values" in X && "shape" in X && !("length" in X)) {
    const frame = X as { values: unknown[]; shape: number[] };
    const rows = frame.shape.length === 1 || !Array.isArray(frame.values[0])
      ? frame.values.map((v) => [v as MissingCell])
      : frame.values as MissingCell[][];
    return toMatrixWithMissing(rows, name, nFeatures, owner);
  } else if (X && typeof X === "object" && "length" in X) {
    const arr = X as ArrayLike<ArrayLike<MissingCell>>;
    const rows = arr.length;
    const first = arr[0] as unknown;
    if (rows > 0 && (typeof first !== "object" || first === null || !("length" in first))) {
      throw new ShapeError(
        `${name} must be 2-D with shape (nSamples, nFeatures). Got a 1-D array of length ${rows}.`,
      );
    }
    const cols = rows ? arr[0].length : 0;
    m = new Matrix(rows, cols);
    const d = m.data;
    for (let i = 0; i < rows; i++) {
      const r = arr[i];
      if (r.length !== cols) {
        throw new ShapeError(
          `${name} has ragged rows: row 0 has ${cols} values but row ${i} has ${r.length}.`,
        );
      }
      for (let j = 0; j < cols; j++) {
        const v = r[j];
        if (typeof v === "number") d[i * cols + j] = v;
        else if (v === null || v === undefined) d[i * cols + j] = NaN;
        else {
          throw new ValueError(
            `${name} must contain numbers (NaN or null for missing). Got ${
              describe(v)
            } at row ${i}, column ${j}.`,
          );
        }
      }
    }
  } else {
    throw new ValueError(
      `${name} must be a 2-D array, a typed-array rows list, a DataFrame or a Matrix. Got ${
        describe(X)
      }.`,
    );
  }
  // NaN is a missing value; ±Infinity is not data (XGBoost refuses it too).
  for (let k = 0; k < m.data.length; k++) {
    const v = m.data[k];
    if (v === Infinity || v === -Infinity) {
      throw new ValueError(
        `${name} must contain finite numbers (NaN or null for missing). Got ${v} at row ${
          Math.floor(k / m.cols)
        }, column ${k % m.cols}.`,
      );
    }
  }
  if (m.rows > 0 && m.cols === 0) {
    throw new ValueError(
      `${name} must have at least one sample and one feature. Got shape (${m.rows}, 0).`,
    );
  }
  if (nFeatures !== undefined && m.cols !== nFeatures && m.rows > 0) {
    throw new ShapeError(
      `${name} has ${m.cols} features, but ${owner} is expecting ${nFeatures} features as input.`,
    );
  }
  return m;
}
