/**
 * Tree ensembles (the notes' 树模型 section): boosted trees in one flat format, the `Booster`
 * that predicts with them and reads/writes XGBoost and LightGBM model files.
 *
 * @module
 */
export {
  type BoostedTree,
  leafIndex,
  leafTree,
  predictTree,
  validateTree,
  ZERO_THRESHOLD,
} from "./boosted_tree.ts";
export {
  Booster,
  BOOSTER_OBJECTIVES,
  type BoosterLink,
  type BoosterModel,
  type ImportanceType,
  type PredictOptions,
} from "./booster.ts";
export { type MissingCell, toMatrixWithMissing } from "./input.ts";
export type {
  BaseForest,
  BaseForestClassifier,
  BaseForestRegressor,
  ForestState,
} from "./forest.ts";
export type { ForestTree } from "./forest_tree.ts";
export {
  ExtraTreesClassifier,
  ExtraTreesRegressor,
  type ForestClassifierOptions,
  type ForestOptions,
  type ForestRegressorOptions,
  RandomForestClassifier,
  RandomForestRegressor,
} from "./forest.ts";
export {
  impliedCorrelation,
  inBagProbability,
  runningAverages,
  type TreeOutputs,
  varianceByTrees,
} from "./forest_study.ts";
export { boostedTreeToReadable } from "./inspect.ts";
export { float32Boundary, nextUp, roundUpFloat32 } from "./float_bits.ts";
export { bootstrapCounts, featureSampler } from "./forest_tree.ts";
export { type EvalSet, type RoundInfo, trainBooster, type TrainOptions } from "./train.ts";
export type { BoosterParams } from "./params.ts";
export {
  OBJECTIVE_ALIASES,
  type ObjectiveName,
  pointwiseGradients,
  pointwiseLoss,
} from "./objectives.ts";
export {
  groupOffsets,
  rankingGradients,
  rankingLoss,
  type RankingOptions,
} from "./ranking_objectives.ts";
export { leafGain, leafWeight, type SplitParams } from "./split.ts";
export { binData, type BinMethod, type BinnedData } from "./binning.ts";
export {
  GRADIENT_BOOSTING_DEFAULTS,
  GradientBoostingBase,
  type GradientBoostingFitOptions,
  type GradientBoostingOptions,
  type GradientBoostingState,
  type NumericBoostingBase,
} from "./gradient_boosting_base.ts";
export { GradientBoostingRegressor } from "./gradient_boosting_regressor.ts";
export {
  type Cell as ClassLabel,
  GradientBoostingClassifier,
} from "./gradient_boosting_classifier.ts";
export { GradientBoostingRanker } from "./gradient_boosting_ranker.ts";
export {
  featureHistogram,
  makeBoostingClassification,
  makeRankingData,
  partialDependence,
  type SplitCandidate,
  splitCandidates,
} from "./explain.ts";
export { dartDrop, type DropParams, gossSample } from "./sampling.ts";
