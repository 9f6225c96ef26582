/**
 * Linear models.
 *
 * @module
 */
export {
  LinearRegression,
  type LinearRegressionOptions,
  type LinearRegressionState,
} from "./linear_regression.ts";
export { squaredLoss, squaredLossGradient } from "./squared_loss.ts";
export {
  LogisticRegression,
  type LogisticRegressionOptions,
  type LogisticRegressionState,
} from "./logistic_regression.ts";
export {
  BinaryLogisticObjective,
  type LogisticProblem,
  MultinomialLogisticObjective,
} from "./logistic_objective.ts";
export {
  type SoftmaxFitOptions,
  type SoftmaxHistory,
  SoftmaxRegression,
  type SoftmaxRegressionOptions,
  type SoftmaxRegressionState,
} from "./softmax_regression.ts";
export { logSumExp, softmax } from "./softmax.ts";
export type { LinearModel, LinearModelState } from "./linear_model.ts";
export {
  Ridge,
  ridgeAlphaForDf,
  ridgeDf,
  type RidgeOptions,
  type RidgePath,
  ridgePath,
  type RidgeState,
} from "./ridge.ts";
export {
  Lasso,
  type LassoOptions,
  lassoPath,
  type LassoPathOptions,
  type LassoPathResult,
  type LassoState,
} from "./lasso.ts";
export { softThreshold } from "./coordinate_descent.ts";
export {
  larsPath,
  type LarsPathOptions,
  type LarsPathResult,
  lassoAtShrinkage,
  shrinkageFactors,
} from "./lars.ts";
export { PCR, type PCROptions, type PCRState } from "./pcr.ts";
export { PLSRegression, type PLSRegressionOptions, type PLSState } from "./pls.ts";
export { bestSubset, type BestSubsetResult, type SubsetFit } from "./subset.ts";
export {
  crossValidationCurve,
  type CvCurve,
  type CvOptions,
  kFoldIndices,
  oneStandardErrorRule,
  type PathPredictor,
} from "./cross_validation.ts";
export { type SummaryRow } from "./summary.ts";
export { type IrlsOptions, minimizeIrls } from "./irls.ts";
export {
  backwardStepwiseLogistic,
  type BackwardStepwiseOptions,
  type BackwardStepwiseResult,
  type StepwiseStep,
} from "./stepwise.ts";
export {
  correlationMatrix,
  eslTable33,
  type Fitter,
  type ProstateDesign,
  prostateDesign,
  type ProstateLike,
  scaleColumns,
  type Table33Column,
  table33Fitters,
  type Table33Options,
  testErrorOf,
  testErrorWithSE,
} from "./esl_prostate.ts";
