/**
 * Neural networks on lib/autodiff: the MLP as functions (`initMLP`, `forwardMLP`, `mlpLoss`) and
 * as estimators (`MLPClassifier`, `MLPRegressor`), activations, initialisations, dropout, a live
 * training display, and d2l's weight-decay experiment.
 *
 * @module
 */
export { activate, type Activation, ACTIVATIONS, gelu } from "./activations.ts";
export { type Init, INITS, initWeights } from "./init.ts";
export { dropout } from "./dropout.ts";
export {
  forwardMLP,
  type ForwardOptions,
  initMLP,
  type InitMLPOptions,
  type LossOptions,
  mlpLoss,
  mlpParameters,
  type MLPParams,
} from "./mlp.ts";
export {
  type EpochInfo,
  MLP_DEFAULTS,
  MLPEstimator,
  type MLPOptions,
  type MLPState,
} from "./mlp_estimator.ts";
export { MLPClassifier, type MLPClassifierState } from "./mlp_classifier.ts";
export { MLPRegressor } from "./mlp_regressor.ts";
export {
  weightDecayExperiment,
  type WeightDecayExperimentOptions,
  type WeightDecayExperimentResult,
} from "./weight_decay.ts";
export {
  type EpochRecord,
  type EpochTrainer,
  type TrainingHistory,
  trainWithProgress,
  type TrainWithProgressOptions,
} from "./progress.ts";
