/**
 * Discriminant analysis (ESL §4.3): linear (common covariance, with the reduced-rank projection
 * of Figure 4.4) and quadratic (one covariance per class).
 *
 * @module
 */
export {
  type LDAState,
  LinearDiscriminantAnalysis,
  type LinearDiscriminantAnalysisOptions,
} from "./lda.ts";
export {
  type QDAState,
  QuadraticDiscriminantAnalysis,
  type QuadraticDiscriminantAnalysisOptions,
} from "./qda.ts";
