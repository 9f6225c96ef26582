/**
 * Decision trees (李航《统计学习方法》第5章): ID3, C4.5 and CART classification, least-squares
 * regression trees, cost-complexity pruning, and the book's split measures as functions.
 *
 * @module
 */
export {
  BaseTree,
  DecisionTreeClassifier,
  type DecisionTreeClassifierOptions,
  DecisionTreeRegressor,
  type DecisionTreeRegressorOptions,
  type TreeOptions,
  type TreeState,
} from "./decision_tree.ts";
export {
  empiricalConditionalEntropy,
  empiricalEntropy,
  entropyOfCounts,
  gainRatio,
  giniIndex,
  giniOfCounts,
  giniSplit,
  informationGain,
} from "./criteria.ts";
export type { ClassificationCriterion, Criterion, Split, Target, TreeNode } from "./grow.ts";
export type { PruningPath } from "./prune.ts";
export type { ReadableNode } from "./export.ts";
export type { Cell, FeatureEncoding, TableLike } from "./encode.ts";
