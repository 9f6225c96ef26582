/**
 * Input conversion for boosters, where missing values are data: NaN, `null` and `undefined`
 * all become NaN (the trees learn or read a default direction for them), while ±Infinity and
 * anything that is not a number are still errors naming the cell (core's `toMatrix` with
 * `allowNaN`). An empty X passes here: prediction refuses it with its own message.
 *
 * @module
 */
import { ShapeError, ValueError } from "../core/errors.ts";
import type { Matrix } from "../core/matrix.ts";
import { type MatrixLike, toMatrix } from "../core/validation.ts";

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
  const m = toMatrix(X as MatrixLike, name, { allowEmpty: true, allowNaN: true });
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
