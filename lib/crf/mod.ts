/**
 * Linear-chain conditional random fields (李航《统计学习方法》第11章): the book's feature functions
 * and matrix form, forward-backward normalisation and marginals, Viterbi, L-BFGS training with
 * L2, and an attribute-feature tagger with helpers for Chinese word segmentation (BMES tags).
 *
 * @module
 */
export { type CrfViterbiResult, LinearChainCRF, type LinearChainCRFOptions } from "./crf.ts";
export type { StateFeature, TransitionFeature } from "./features.ts";
export type { ChainPotentials } from "./chain.ts";
export { matrixFormNormalizer, matrixFormPaths, type MatrixPath } from "./matrix_form.ts";
export { type AttributeSequence, CRFTagger, type CRFTaggerOptions } from "./tagger.ts";
export {
  parseSegmentedText,
  segmentationFeatures,
  segmentationScores,
  tagsToWords,
  wordsToTags,
} from "./segmentation.ts";
