/**
 * Learning-rate schedules: functions t ↦ ηₜ of the step number t = 0, 1, 2, ..., passed as an
 * optimizer's `learningRate` (d2l §12.11 "Learning Rate Scheduling").
 *
 * @module
 */
import { checkInteger, checkNumber, ValueError } from "../core/mod.ts";
import type { LearningRateSchedule } from "./optimizer.ts";

/** Options of {@link stepDecay}. */
export interface StepDecayOptions {
  /** η₀. */
  learningRate: number;
  /** Steps between decays. */
  stepSize: number;
  /** Factor γ applied every `stepSize` steps. @default 0.1 */
  gamma?: number;
}

/**
 * Piecewise-constant decay (PyTorch's `StepLR`): ηₜ = η₀ γ^⌊t / stepSize⌋.
 * @example
 * ```ts
 * import { stepDecay } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * assertEquals(stepDecay({ learningRate: 0.1, stepSize: 10, gamma: 0.5 })(25), 0.025);
 * ```
 */
export function stepDecay(
  { learningRate, stepSize, gamma = 0.1 }: StepDecayOptions,
): LearningRateSchedule {
  checkNumber("learningRate", learningRate, { min: 0, exclusiveMin: true });
  checkInteger("stepSize", stepSize, 1);
  checkNumber("gamma", gamma, { min: 0, max: 1, exclusiveMin: true });
  return (t) => learningRate * gamma ** Math.floor(t / stepSize);
}

/** Options of {@link cosineDecay}. */
export interface CosineDecayOptions {
  /** η₀, the rate after warm-up. */
  learningRate: number;
  /** T: the step at which the rate reaches `finalLearningRate` (and stays). */
  totalSteps: number;
  /** η_T. @default 0 */
  finalLearningRate?: number;
  /** Steps of linear warm-up from 0 to η₀ before the cosine starts. @default 0 */
  warmupSteps?: number;
}

/**
 * Cosine annealing (Loshchilov & Hutter 2016; d2l's `CosineScheduler`), after an optional linear
 * warm-up of W steps:
 *
 *   ηₜ = η₀ t / W                                              for t < W
 *   ηₜ = η_T + (η₀ − η_T) (1 + cos(π (t − W) / (T − W))) / 2    for W <= t <= T
 *   ηₜ = η_T                                                   for t > T
 *
 * @example
 * ```ts
 * import { cosineDecay } from "../mod.ts";
 * import { assertAlmostEquals } from "@std/assert";
 *
 * assertAlmostEquals(cosineDecay({ learningRate: 0.1, totalSteps: 100 })(50), 0.05);
 * ```
 */
export function cosineDecay(
  { learningRate, totalSteps, finalLearningRate = 0, warmupSteps = 0 }: CosineDecayOptions,
): LearningRateSchedule {
  checkNumber("learningRate", learningRate, { min: 0, exclusiveMin: true });
  checkInteger("totalSteps", totalSteps, 1);
  checkNumber("finalLearningRate", finalLearningRate, { min: 0, max: learningRate });
  checkInteger("warmupSteps", warmupSteps, 0);
  if (warmupSteps >= totalSteps) {
    throw new ValueError(
      `The 'warmupSteps' option must be below 'totalSteps' (${totalSteps}). Got ${warmupSteps} instead.`,
    );
  }
  return (t) => {
    if (t < warmupSteps) return (learningRate * t) / warmupSteps;
    if (t > totalSteps) return finalLearningRate;
    const progress = (t - warmupSteps) / (totalSteps - warmupSteps);
    return finalLearningRate +
      ((learningRate - finalLearningRate) * (1 + Math.cos(Math.PI * progress))) / 2;
  };
}
