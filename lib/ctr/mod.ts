/**
 * Click-through-rate prediction and retrieval (the notes' 推荐/CTR models): feature columns,
 * the Criteo layout, a generator with a known optimum, and the models on lib/deep.
 *
 * @module
 */
export {
  concatBatches,
  CRITEO_DENSE,
  CRITEO_SPARSE,
  type CriteoBatch,
  type CriteoReadOptions,
  parseCriteo,
  readCriteo,
} from "./criteo.ts";
export {
  type FeatureColumn,
  FeatureSpace,
  fnv1a,
  HashColumn,
  MultiValuedColumn,
  NumericColumn,
  VocabularyColumn,
} from "./columns.ts";
export {
  categoricalToken,
  CriteoClickModel,
  type CriteoGeneratorOptions,
  DENSE_LEVELS,
  denseLevel,
  type GeneratedRow,
  makeCriteoLines,
  type RowRandom,
  writeCriteoData,
} from "./generator.ts";
export {
  CIN,
  CrossLayer,
  CrossLayerV2,
  FeaturesLinear,
  FFMInteraction,
  FieldEmbedding,
  fmPairwise,
  lookup,
  MLP,
  upperMask,
} from "./layers.ts";
export {
  CTRModel,
  type CTRModelOptions,
  DCNModel,
  type DCNOptions,
  DeepFFMModel,
  DeepFMModel,
  FFMModel,
  fieldPairs,
  FMModel,
  LRModel,
  WideAndDeepModel,
  type WideAndDeepOptions,
  XDeepFMModel,
} from "./models.ts";
export {
  binaryAuc,
  binaryLogLoss,
  CTRClassifier,
  type CTRClassifierOptions,
  type CTREpochRecord,
  type CTRFitOptions,
  type FtrlOptions,
  FtrlProximal,
  sigmoidCrossEntropy,
} from "./train.ts";
export { makeCTRClassifier } from "./zoo.ts";
export {
  buildCTRModel,
  CTR_MODELS,
  type CTRModelName,
  type CTRModelSpec,
  isCTRModelName,
} from "./spec.ts";
export { applyLinear, constantProduct, linearProduct } from "./dense.ts";
export {
  idTensor,
  idValues,
  isTable,
  type LookupHook,
  setLookupHook,
  tableParameter,
  tableReader,
} from "./lookup.ts";
export { type SparseRule, SparseTables } from "./sparse.ts";
// the lib/deep types that the CTR modules' signatures use (same bindings as lib/deep's exports)
export {
  Linear,
  type LoadReport,
  Module,
  ModuleBuffer,
  ModuleParameter,
  ReLU,
  Sequential,
  tf,
} from "../deep/mod.ts";
export {
  chanceCurve,
  DSSM,
  type DSSMEpochRecord,
  type DSSMTrainData,
  type DSSMTrainOptions,
  nearestItems,
  relevantRanks,
  retrievalCurve,
  retrievalMetrics,
  type RetrievalPoint,
  Tower,
  type TowerOptions,
  towerVectors,
  trainDSSM,
} from "./dssm.ts";
export {
  type InteractionOptions,
  type InteractionPairs,
  type Interactions,
  makeInteractions,
  plantedVectors,
} from "./interactions.ts";
