/**
 * A minimal training loop for image classifiers (notebook 71: a plain net versus a ResNet of the
 * same depth): Adam on shuffled mini-batches, the loss of every step recorded.
 *
 * @module
 */
import { Random } from "../core/mod.ts";
import { tf } from "./backend.ts";
import type { Module } from "./module.ts";
import { trainStep } from "./training.ts";

/** Options of `fitImageClassifier`. */
export interface FitImageOptions {
  /** Passes over the data. @default 2 */
  epochs?: number;
  /** Images per step. @default 32 */
  batchSize?: number;
  /** Adam's step size. @default 3e-3 */
  learningRate?: number;
  /** Shuffling seed. @default 0 */
  seed?: number;
}

/**
 * Trains `net` (images (N, C, H, W) → logits) on `pixels` (n × C·H·W, row-major, already scaled)
 * and integer `labels`; returns the cross-entropy of each step.
 *
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { fitImageClassifier, resnet18 } from "../mod.ts";
 *
 * const net = resnet18({ numClasses: 2, width: 2, inChannels: 1 });
 * const losses = fitImageClassifier(net, new Float32Array(4 * 64), [0, 1, 0, 1], [1, 8, 8], { epochs: 1, batchSize: 4 });
 * assertEquals(losses.length, 1);
 * ```
 */
export function fitImageClassifier(
  net: Module & { forward(x: tf.Tensor): tf.Tensor },
  pixels: Float32Array,
  labels: ArrayLike<number>,
  shape: readonly [number, number, number],
  { epochs = 2, batchSize = 32, learningRate = 3e-3, seed = 0 }: FitImageOptions = {},
): number[] {
  const n = labels.length, size = shape[0] * shape[1] * shape[2];
  const classes = Math.max(...Array.from(labels)) + 1;
  const opt = tf.train.adam(learningRate);
  const rng = new Random(seed);
  const losses: number[] = [];
  net.train();
  for (let e = 0; e < epochs; e++) {
    const order = rng.permutation(n);
    for (let s = 0; s < n; s += batchSize) {
      const rows = order.subarray(s, Math.min(s + batchSize, n));
      const px = new Float32Array(rows.length * size), y = new Int32Array(rows.length);
      rows.forEach((r, i) => {
        px.set(pixels.subarray(r * size, (r + 1) * size), i * size);
        y[i] = labels[r];
      });
      const x = tf.tensor4d(px, [rows.length, ...shape]);
      const t = tf.oneHot(tf.tensor1d(y, "int32"), classes);
      losses.push(
        trainStep(
          net,
          opt,
          () => tf.losses.softmaxCrossEntropy(t, net.forward(x) as tf.Tensor2D) as tf.Scalar,
        ),
      );
      tf.dispose([x, t]);
    }
  }
  opt.dispose();
  net.eval();
  return losses;
}
