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
  type GeneratedRow,
  makeCriteoLines,
  writeCriteoData,
} from "./generator.ts";
