/**
 * The core every algorithm stands on: the matrix type, conversion at the door, errors, seeded
 * randomness, option checks and the estimator protocol.
 *
 * @module
 */
export { checkLengthsMatch, describe, NotFittedError, ShapeError, ValueError } from "./errors.ts";
export { dot, Matrix, type Operand, type Vector } from "./matrix.ts";
export { cholesky, eigSymmetric, inverse, lstsq, solve, svd } from "./linalg.ts";
export {
  checkSameLength,
  type FrameLike,
  type LabelLike,
  type MatrixLike,
  toMatrix,
  type ToMatrixOptions,
  toVector,
  type VectorLike,
} from "./validation.ts";
export { Random } from "./random.ts";
export { FASHION_MNIST_CLASSES } from "./fashion_mnist_classes.ts";
export { type FitOptions, toSampleWeight } from "./sample_weight.ts";
export { trainTestSplit, type TrainTestSplitOptions } from "./split.ts";
export {
  checkBoolean,
  checkInteger,
  checkNumber,
  checkOneOf,
  checkOptions,
  mergeOptions,
  optionNames,
} from "./options.ts";
export {
  argmaxRows,
  type EncodedLabels,
  encodeLabels,
  type EncodeLabelsOptions,
  type Label,
  labelIndices,
  toLabels,
  uniqueLabels,
} from "./labels.ts";
export { classifierScore, regressorScore } from "./scores.ts";
export { ClassifierEstimator, type ClassifierState, RegressorEstimator } from "./classifier.ts";
export {
  catchWarnings,
  type CaughtWarnings,
  convergenceMessage,
  ConvergenceWarning,
  filterWarnings,
  resetWarnings,
  warn,
  Warning,
  type WarningAction,
  type WarningCategory,
} from "./warnings.ts";
export {
  decode,
  encode,
  Estimator,
  type EstimatorJSON,
  type EstimatorKind,
  type FittedState,
  FORMAT_VERSION,
  readEstimatorJSON,
} from "./estimator.ts";
