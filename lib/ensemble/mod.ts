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
export {
  ExtraTreesClassifier,
  ExtraTreesRegressor,
  type ForestClassifierOptions,
  type ForestOptions,
  type ForestRegressorOptions,
  RandomForestClassifier,
  RandomForestRegressor,
} from "./forest.ts";
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
  type RankingOptions,
  rankingLoss,
} from "./ranking_objectives.ts";
export { leafGain, leafWeight, type SplitParams } from "./split.ts";
export { type BinnedData, binData, type BinMethod } from "./binning.ts";
