/**
 * Chapter 6 of 李航《统计学习方法》: the logistic distribution, the maximum-entropy model with
 * its two learning algorithms (improved iterative scaling, quasi-Newton) and the maximum-entropy
 * problem over a finite set solved through its dual (例 6.1). Logistic regression itself is
 * `LogisticRegression` in lib/linear.
 *
 * @module
 */
export { LogisticDistribution, type LogisticDistributionOptions } from "./logistic_distribution.ts";
export { MaxEnt, type MaxEntState } from "./maxent.ts";
export { type MaxEntOptions } from "./maxent_options.ts";
export {
  type Category,
  type FeatureFunction,
  type FeatureTable,
  type IndicatorFeature,
  type SampleLike,
} from "./features.ts";
export { indicatorFeatures, indicatorName, oneHotEncode } from "./indicators.ts";
export { conditionalProbabilities, MaxEntObjective } from "./objective.ts";
export {
  type IisResult,
  type IisStep,
  improvedIterativeScaling,
  solveScalingEquation,
} from "./iis.ts";
export { minimizeQuasiNewton, type QuasiNewtonOptions } from "./quasi_newton.ts";
export { type ExpectationConstraint, type MaxEntDualResult, solveMaxEntDual } from "./dual.ts";
