/**
 * Boosting (李航《统计学习方法》第8章): AdaBoost in the book's binary form and as SAMME, with a
 * weighted decision stump as the default base learner.
 *
 * @module
 */
export {
  AdaBoostClassifier,
  type AdaBoostOptions,
  type AdaBoostState,
  type WeightedLearner,
} from "./adaboost.ts";
export {
  DecisionStump,
  type DecisionStumpOptions,
  type DecisionStumpState,
  type SampleWeightOptions,
} from "./stump.ts";
