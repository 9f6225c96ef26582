/**
 * Building an optimizer from a name, for estimators whose `optimizer` option is a string.
 *
 * @module
 */
import { checkOptions, optionNames } from "../core/options.ts";
import { checkOneOf } from "../core/mod.ts";
import { AdaGrad, Adam, RMSProp } from "./adaptive.ts";
import { FTRL } from "./ftrl.ts";
import type { LearningRateSchedule, Optimizer } from "./optimizer.ts";
import { SGD } from "./sgd.ts";

const CREATE_OPTIMIZER_OPTION_NAMES = optionNames<CreateOptimizerOptions>({
  learningRate: true,
  weightDecay: true,
  momentum: true,
  nesterov: true,
});

/** The optimizer names `createOptimizer` knows. */
export const OPTIMIZER_NAMES = ["sgd", "adagrad", "rmsprop", "adam", "ftrl"] as const;

/** One of {@link OPTIMIZER_NAMES}. */
export type OptimizerName = typeof OPTIMIZER_NAMES[number];

/** Options shared by every optimizer, plus SGD's momentum. */
export interface CreateOptimizerOptions {
  /** Step size η, or a schedule t ↦ ηₜ. */
  learningRate: number | LearningRateSchedule;
  /** L2 weight decay λ. @default 0 */
  weightDecay?: number;
  /** For "sgd" only. */
  momentum?: number;
  /** For "sgd" only. */
  nesterov?: boolean;
}

/**
 * A new optimizer by name, other hyperparameters at their defaults.
 * @example
 * ```ts
 * import { createOptimizer } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * const opt = createOptimizer("sgd", { learningRate: 0.1, momentum: 0.9, nesterov: true });
 * assertEquals([opt.name, opt.learningRateAt(0)], ["sgd", 0.1]);
 * ```
 */
export function createOptimizer(name: OptimizerName, options: CreateOptimizerOptions): Optimizer {
  checkOptions(options, CREATE_OPTIMIZER_OPTION_NAMES, "createOptimizer");
  const { learningRate, weightDecay = 0, momentum = 0, nesterov = false } = options;
  const common = { learningRate, weightDecay };
  switch (checkOneOf("optimizer", name, OPTIMIZER_NAMES)) {
    case "sgd":
      return new SGD({ ...common, momentum, nesterov });
    case "adagrad":
      return new AdaGrad(common);
    case "rmsprop":
      return new RMSProp(common);
    case "adam":
      return new Adam(common);
    case "ftrl":
      return new FTRL(common);
  }
}
