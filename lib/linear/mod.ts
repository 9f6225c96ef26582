/**
 * Linear models.
 *
 * @module
 */
export { LinearRegression, type LinearRegressionOptions } from "./linear_regression.ts";
export { squaredLoss, squaredLossGradient } from "./squared_loss.ts";
export { LogisticRegression, type LogisticRegressionOptions } from "./logistic_regression.ts";
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
} from "./softmax_regression.ts";
export { logSumExp, softmax } from "./softmax.ts";
