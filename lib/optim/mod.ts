/**
 * Gradient-based optimizers that update parameter arrays in place: SGD (momentum, Nesterov),
 * AdaGrad, RMSProp, Adam, FTRL-Proximal, with L2 weight decay and learning-rate schedules.
 * Any `{ data, grad }` pair of Float64Arrays or Matrices is a parameter, so is a `Tensor`.
 *
 * @example
 * ```ts
 * import { Adam } from "../mod.ts";
 * import { assertAlmostEquals } from "@std/assert";
 *
 * // minimise (w − 3)²: any { data, grad } pair is a parameter
 * const w = new Float64Array([0]), grad = new Float64Array(1);
 * const opt = new Adam({ learningRate: 0.1 });
 * for (let i = 0; i < 300; i++) {
 *   grad[0] = 2 * (w[0] - 3);
 *   opt.step([{ data: w, grad }]);
 * }
 * assertAlmostEquals(w[0], 3, 1e-3);
 * ```
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
  type AdamState,
  RMSProp,
  type RMSPropOptions,
  type RMSPropState,
} from "./adaptive.ts";
export { FTRL, type FTRLOptions, type FTRLState } from "./ftrl.ts";
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
