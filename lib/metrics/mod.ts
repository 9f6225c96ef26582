/**
 * Evaluation metrics, with scikit-learn's definitions and defaults (checked against it on
 * fixtures): regression errors, label-based classification scores, threshold curves and their
 * areas, probabilistic losses, ranking (NDCG) and the classification report.
 *
 * @module
 */
export {
  meanAbsoluteError,
  meanSquaredError,
  meanSquaredErrorGradient,
  type Multioutput,
  type R2Options,
  r2Score,
  type RegressionOptions,
  rootMeanSquaredError,
} from "./regression.ts";
export { accuracyScore, confusionMatrix } from "./classification.ts";
export {
  type Average,
  f1Score,
  fbetaScore,
  precisionRecallFscoreSupport,
  precisionScore,
  type PrfOptions,
  type PrfResult,
  recallScore,
  type ZeroDivision,
} from "./precision_recall.ts";
export {
  auc,
  type CurveOptions,
  type PrecisionRecallCurve,
  precisionRecallCurve,
  type RocCurve,
  rocCurve,
} from "./curves.ts";
export {
  type AreaAverage,
  type AveragePrecisionOptions,
  averagePrecisionScore,
  type RocAucOptions,
  rocAucScore,
} from "./area_scores.ts";
export { crossEntropyLoss, logLoss, type LogLossOptions, type Reduction } from "./losses.ts";
export { type DcgOptions, dcgScore, ndcgScore } from "./ranking.ts";
export { type MapOptions, meanAveragePrecisionScore } from "./map.ts";
export {
  ClassificationReport,
  classificationReport,
  type ReportClassRow,
  type ReportFields,
  type ReportRow,
} from "./report.ts";
export type { Label, TargetLike } from "./inputs.ts";
