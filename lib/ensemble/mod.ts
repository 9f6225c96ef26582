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
