/**
 * Training pieces for tfjs modules: cross-entropy with label smoothing and ignored padding, the
 * Transformer's warm-up learning-rate schedule, and a leak-free training step with gradient
 * clipping.
 *
 * @module
 */
import { ValueError } from "../core/mod.ts";
import { tf } from "./backend.ts";
import type { Module } from "./module.ts";

/** Options of `tokenCrossEntropy`. */
export interface CrossEntropyOptions {
  /** ε of label smoothing: the target puts 1 − ε on the label and ε spread over all classes. @default 0 */
  labelSmoothing?: number;
  /** Targets equal to this id (padding) are left out of the mean. @default none */
  ignoreIndex?: number | null;
}

/**
 * Mean cross-entropy loss of logits (..., V) against integer targets (...), PyTorch's
 * `F.cross_entropy(..., label_smoothing=ε, ignore_index=...)`:
 * ℓ = (1 − ε)(−log p_y) + ε · mean_c(−log p_c) (Szegedy et al. 2016, "Rethinking the Inception
 * architecture", the notes' 网络结构优化), averaged over the targets that are not ignored.
 *
 * @example
 * ```ts
 * import { assertAlmostEquals } from "@std/assert";
 * import { tokenCrossEntropy, tf } from "../mod.ts";
 *
 * const logits = tf.tensor2d([[0, 0, 0, 0], [10, 0, 0, 0]]);
 * const y = tf.tensor1d([1, 0], "int32");
 * assertAlmostEquals(tokenCrossEntropy(logits, y, { ignoreIndex: 0 }).dataSync()[0], Math.log(4), 1e-5);
 * ```
 */
export function tokenCrossEntropy(
  logits: tf.Tensor,
  targets: tf.Tensor,
  { labelSmoothing = 0, ignoreIndex = null }: CrossEntropyOptions = {},
): tf.Scalar {
  if (!(labelSmoothing >= 0 && labelSmoothing < 1)) {
    throw new ValueError(`labelSmoothing must be in [0, 1). Got ${labelSmoothing} instead.`);
  }
  const V = logits.shape[logits.rank - 1] as number;
  if (logits.rank !== targets.rank + 1 || !targets.shape.every((d, i) => d === logits.shape[i])) {
    throw new ValueError(
      `targets of shape [${targets.shape}] do not match logits of shape [${logits.shape}] (…, classes).`,
    );
  }
  return tf.tidy(() => {
    const logp = tf.logSoftmax(logits.reshape([-1, V]));
    const y = targets.reshape([-1]).toInt();
    const nll = logp.mul(tf.oneHot(y, V)).sum(1).neg();
    const loss = labelSmoothing > 0
      ? nll.mul(1 - labelSmoothing).add(logp.mean(1).neg().mul(labelSmoothing))
      : nll;
    if (ignoreIndex === null) return loss.mean() as tf.Scalar;
    const keep = y.notEqual(ignoreIndex).toFloat();
    return loss.mul(keep).sum().div(keep.sum().maximum(1)) as tf.Scalar;
  });
}

/** Options of `warmupLR`. */
export interface WarmupOptions {
  /** Model width d. */
  dModel: number;
  /** Steps of linear warm-up. @default 4000 */
  warmupSteps?: number;
  /** A multiplier. @default 1 */
  factor?: number;
}

/**
 * The learning rate of "Attention Is All You Need" §5.3 at step s ≥ 1:
 * factor · d^{-1/2} · min(s^{-1/2}, s · warmup^{-3/2}) — linear growth, then 1/√s decay.
 *
 * @example
 * ```ts
 * import { assertAlmostEquals } from "@std/assert";
 * import { warmupLR } from "../mod.ts";
 *
 * assertAlmostEquals(warmupLR(4000, { dModel: 512 }), 512 ** -0.5 * 4000 ** -0.5, 1e-12);
 * ```
 */
export function warmupLR(
  step: number,
  { dModel, warmupSteps = 4000, factor = 1 }: WarmupOptions,
): number {
  const s = Math.max(step, 1);
  return factor * dModel ** -0.5 * Math.min(s ** -0.5, s * warmupSteps ** -1.5);
}

/** Sets a tfjs optimizer's learning rate (SGD, momentum, Adam, ...: they keep it in `learningRate`). */
export function setLearningRate(optimizer: tf.Optimizer, lr: number): void {
  (optimizer as unknown as { learningRate: number }).learningRate = lr;
}

/** Options of `trainStep`. */
export interface TrainStepOptions {
  /** Rescale the gradients so that their global L2 norm is at most this (d2l §9.5.3). @default none */
  clipNorm?: number | null;
}

/**
 * One optimisation step on a module: the gradients of `loss()` with respect to the module's
 * trainable variables, optional global-norm clipping, the optimizer's update. Every intermediate
 * tensor is freed; returns the loss as a number.
 *
 * @example
 * ```ts
 * import { assert } from "@std/assert";
 * import { Linear, tf, trainStep } from "../mod.ts";
 *
 * const fc = new Linear(2, 1);
 * const opt = tf.train.sgd(0.02);
 * const X = tf.tensor2d([[1, 2], [3, 4]]), y = tf.tensor2d([[1], [2]]);
 * const first = trainStep(fc, opt, () => fc.forward(X).sub(y).square().mean() as tf.Scalar);
 * let last = first;
 * for (let i = 0; i < 50; i++) last = trainStep(fc, opt, () => fc.forward(X).sub(y).square().mean() as tf.Scalar);
 * assert(last < first);
 * ```
 */
export function trainStep(
  module: Module,
  optimizer: tf.Optimizer,
  loss: () => tf.Scalar,
  { clipNorm = null }: TrainStepOptions = {},
): number {
  return tf.tidy(() => {
    const vars = module.variables();
    const { value, grads } = tf.variableGrads(loss, vars);
    let scale: tf.Scalar | null = null;
    if (clipNorm !== null) {
      const norm = tf.addN(Object.values(grads).map((g) => g.square().sum())).sqrt();
      scale = tf.minimum(tf.scalar(1), tf.scalar(clipNorm).div(norm.add(1e-6))) as tf.Scalar;
    }
    const named: tf.NamedTensorMap = {};
    for (const [k, g] of Object.entries(grads)) named[k] = scale ? g.mul(scale) : g;
    optimizer.applyGradients(named);
    return value.dataSync()[0];
  });
}
