/**
 * Gradient-based optimizers that update parameter arrays in place: SGD (momentum, Nesterov),
 * AdaGrad, RMSProp, Adam, FTRL-Proximal, with L2 weight decay and learning-rate schedules.
 * Any `{ data, grad }` pair of Float64Arrays or Matrices is a parameter, so is a `Tensor`.
 *
 * @example
 * const opt = new Adam({ learningRate: 0.01 });
 * for (let i = 0; i < 100; i++) { loss(params).backward(); opt.step(params); }
 *
 * @module
 */
export {
  type LearningRateSchedule,
  Optimizer,
  type OptimizerOptions,
  type ParamArray,
  type Parameter,
} from "./optimizer.ts";
export { SGD, type SGDOptions } from "./sgd.ts";
export {
  AdaGrad,
  type AdaGradOptions,
  Adam,
  type AdamOptions,
  RMSProp,
  type RMSPropOptions,
} from "./adaptive.ts";
export { FTRL, type FTRLOptions } from "./ftrl.ts";
export {
  cosineDecay,
  type CosineDecayOptions,
  stepDecay,
  type StepDecayOptions,
} from "./schedules.ts";
export {
  createOptimizer,
  type CreateOptimizerOptions,
  OPTIMIZER_NAMES,
  type OptimizerName,
} from "./create.ts";
export { optimizeTrajectory } from "./trajectory.ts";
