/**
 * A minimal training loop for image classifiers (notebook 71: a plain net versus a ResNet of the
 * same depth; tools/train_fashion_resnet.ts: a small ResNet-18 on Fashion-MNIST): Adam on
 * shuffled mini-batches, optional random crop + flip, an optional cosine learning-rate decay, the
 * loss of every step recorded.
 *
 * @module
 */
import { Random, ShapeError, ValueError } from "../core/mod.ts";
import { augmentBatch, type AugmentOptions } from "./augment.ts";
import { tf } from "./backend.ts";
import type { Module } from "./module.ts";
import { trainStep } from "./training.ts";

/** What `onEpoch` is told after each pass. */
export interface ImageEpochInfo {
  /** 0-based epoch. */
  epoch: number;
  /** Mean cross-entropy of the epoch's steps. */
  meanLoss: number;
  /** Wall time of the epoch in seconds. */
  seconds: number;
  /** The cross-entropy of each of the epoch's steps. */
  stepLosses: number[];
}

/** Options of `fitImageClassifier`. */
export interface FitImageOptions {
  /** Passes over the data. @default 2 */
  epochs?: number;
  /** Images per step. @default 32 */
  batchSize?: number;
  /** Adam's step size (the peak with the cosine schedule). @default 3e-3 */
  learningRate?: number;
  /** "cosine": decay from learningRate to 0 over all steps (half a cosine). @default "constant" */
  schedule?: "constant" | "cosine";
  /** Random crop and flip of each training batch (`augmentBatch`); false for none. @default false */
  augment?: AugmentOptions | false;
  /** Shuffling and augmentation seed. @default 0 */
  seed?: number;
  /** Called after each epoch (the net is in training mode again afterwards). */
  onEpoch?: (info: ImageEpochInfo) => void;
}

/**
 * Throws a ValueError naming `name` and the observed min/max unless every value of `pixels` is
 * finite and within [low, high] (lib/deep's image models take pixels scaled to [0, 1]).
 *
 * @example
 * ```ts
 * import { assertThrows } from "@std/assert";
 * import { checkPixelRange } from "../mod.ts";
 *
 * checkPixelRange(new Float32Array([0, 0.5, 1]), "pixels");
 * assertThrows(() => checkPixelRange(new Float32Array([0, 255]), "pixels"), Error, "max 255");
 * ```
 */
export function checkPixelRange(
  pixels: ArrayLike<number>,
  name: string,
  [low, high]: readonly [number, number] = [0, 1],
): void {
  let min = Infinity, max = -Infinity, bad = -1;
  for (let i = 0; i < pixels.length; i++) {
    const v = pixels[i];
    if (v < min) min = v;
    if (v > max) max = v;
    if (bad < 0 && !Number.isFinite(v)) bad = i;
  }
  if (bad >= 0) {
    throw new ValueError(`${name} must be finite. Got ${pixels[bad]} at index ${bad}.`);
  }
  if (pixels.length && (min < low || max > high)) {
    const hint = high === 1 && max <= 255 && min >= 0 ? " (0..255 bytes: divide by 255)" : "";
    throw new ValueError(
      `${name} must be scaled to [${low}, ${high}]${hint}. Got min ${min}, max ${max}.`,
    );
  }
}

/** Checks pixels against n images of `shape` and returns the per-image size C·H·W. */
function imageSize(pixels: Float32Array, n: number, shape: readonly number[]): number {
  if (shape.length !== 3 || !shape.every((d) => Number.isInteger(d) && d >= 1)) {
    throw new ShapeError(`shape must be [C, H, W] of positive integers. Got [${shape}].`);
  }
  const size = shape[0] * shape[1] * shape[2];
  if (pixels.length !== n * size) {
    throw new ShapeError(
      `pixels has ${pixels.length} values; ${n} images of shape [${shape}] need ${n * size}.`,
    );
  }
  checkPixelRange(pixels, "pixels");
  return size;
}

/**
 * Trains `net` (images (N, C, H, W) → logits) on `pixels` (n × C·H·W, row-major NCHW, scaled to
 * [0, 1]) and integer `labels`; returns the cross-entropy of each step. The net is left in eval
 * mode.
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
  {
    epochs = 2,
    batchSize = 32,
    learningRate = 3e-3,
    schedule = "constant",
    augment = false,
    seed = 0,
    onEpoch,
  }: FitImageOptions = {},
): number[] {
  const n = labels.length, size = imageSize(pixels, n, shape);
  const classes = Math.max(...Array.from(labels)) + 1;
  const opt = tf.train.adam(learningRate);
  // tfjs's Adam reads its (protected) learningRate at every step
  const lr = opt as unknown as { learningRate: number };
  const rng = new Random(seed);
  const losses: number[] = [];
  const stepsPerEpoch = Math.ceil(n / batchSize), total = epochs * stepsPerEpoch;
  net.train();
  for (let e = 0; e < epochs; e++) {
    const start = performance.now(), first = losses.length;
    const order = rng.permutation(n);
    for (let s = 0; s < n; s += batchSize) {
      if (schedule === "cosine") {
        lr.learningRate = learningRate * 0.5 * (1 + Math.cos(Math.PI * losses.length / total));
      }
      const rows = order.subarray(s, Math.min(s + batchSize, n));
      let px: Float32Array = new Float32Array(rows.length * size);
      const y = new Int32Array(rows.length);
      rows.forEach((r, i) => {
        px.set(pixels.subarray(r * size, (r + 1) * size), i * size);
        y[i] = labels[r];
      });
      if (augment) px = augmentBatch(px, shape, rng, augment);
      const x = tf.tensor4d(px, [rows.length, ...shape]);
      const t = tf.tidy(() => tf.oneHot(tf.tensor1d(y, "int32"), classes));
      losses.push(
        trainStep(
          net,
          opt,
          () => tf.losses.softmaxCrossEntropy(t, net.forward(x) as tf.Tensor2D) as tf.Scalar,
        ),
      );
      tf.dispose([x, t]);
    }
    if (onEpoch) {
      const epochLosses = losses.slice(first);
      onEpoch({
        epoch: e,
        meanLoss: epochLosses.reduce((a, b) => a + b, 0) / epochLosses.length,
        seconds: (performance.now() - start) / 1000,
        stepLosses: epochLosses,
      });
      net.train();
    }
  }
  opt.dispose();
  net.eval();
  return losses;
}

/**
 * The arg-max class of each image, in eval mode and in batches (pixels as for
 * `fitImageClassifier`).
 *
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { predictImageClasses, resnet18 } from "../mod.ts";
 *
 * const net = resnet18({ numClasses: 3, width: 2, inChannels: 1, smallStem: true });
 * assertEquals(predictImageClasses(net, new Float32Array(5 * 64), [1, 8, 8]).length, 5);
 * ```
 */
export function predictImageClasses(
  net: Module & { forward(x: tf.Tensor): tf.Tensor },
  pixels: Float32Array,
  shape: readonly [number, number, number],
  { batchSize = 256 }: { batchSize?: number } = {},
): Int32Array {
  const per = shape[0] * shape[1] * shape[2];
  const n = Math.floor(pixels.length / per);
  imageSize(pixels, n, shape);
  const out = new Int32Array(n);
  net.eval();
  for (let s = 0; s < n; s += batchSize) {
    const m = Math.min(batchSize, n - s);
    const pred = tf.tidy(() =>
      net.forward(tf.tensor4d(pixels.subarray(s * per, (s + m) * per), [m, ...shape])).argMax(1)
    );
    out.set(pred.dataSync() as Int32Array, s);
    pred.dispose();
  }
  return out;
}
