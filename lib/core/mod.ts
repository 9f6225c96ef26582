/**
 * The core every algorithm stands on: the matrix type, conversion at the door, errors, seeded
 * randomness, option checks and the estimator protocol.
 *
 * @module
 */
export { describe, NotFittedError, ShapeError, ValueError } from "./errors.ts";
export { dot, Matrix, type Vector } from "./matrix.ts";
export { cholesky, eigSymmetric, inverse, lstsq, solve, svd } from "./linalg.ts";
export {
  type FrameLike,
  type LabelLike,
  type MatrixLike,
  toLabels,
  toMatrix,
  toVector,
  uniqueLabels,
  type VectorLike,
} from "./validation.ts";
export { Random } from "./random.ts";
export { trainTestSplit, type TrainTestSplitOptions } from "./split.ts";
export { checkBoolean, checkInteger, checkNumber, checkOneOf } from "./options.ts";
export { decode, encode, Estimator, type EstimatorJSON, type FittedState } from "./estimator.ts";
