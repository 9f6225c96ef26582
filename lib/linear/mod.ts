/**
 * Linear models.
 *
 * @module
 */
export { LinearRegression, type LinearRegressionOptions } from "./linear_regression.ts";
export { squaredLoss, squaredLossGradient } from "./squared_loss.ts";
