/**
 * Training and evaluation of `ErnieMResNetClassifier` on captioned images (the notes' multimodal
 * task in small). The recipe has two stages. Stage 1 teaches each encoder its own modality
 * through a temporary linear head: `pretrainImageTower` the ten Fashion-MNIST classes,
 * `pretrainTextEncoder` which item a caption names (or that it names only a category). Without
 * it the pair task is stuck at the text-only answer (at most 68.3 %, the text-only Bayes
 * ceiling): telling match from mismatch needs both encoders to already know the items, and
 * neither gets a signal to learn them until the other does. Stage 2, `fitNotesNetwork`, trains the whole network on the pairs (Adam, cross-entropy),
 * the image encoder at its own, smaller learning rate or frozen.
 *
 * @module
 */
import { Random, ValueError } from "../core/mod.ts";
import { tf } from "./backend.ts";
import type { CaptionedFashion } from "./captioned_fashion.ts";
import type { EncoderCNN, ErnieMModel } from "./ernie_m.ts";
import { fitImageClassifier, type FitImageOptions } from "./image_train.ts";
import { Linear } from "./layers.ts";
import { Module } from "./module.ts";
import type { ErnieMResNetClassifier } from "./notes_network.ts";
import { trainStep } from "./training.ts";

/** Options of `fitNotesNetwork`. */
export interface FitNotesOptions {
  /** Passes over the data. @default 3 */
  epochs?: number;
  /** Pairs per step. @default 128 */
  batchSize?: number;
  /** Adam's step size for the text encoder, the attentions and the head. @default 2e-3 */
  learningRate?: number;
  /** Adam's step size for the image encoder; 0 freezes it (kept in eval mode). @default learningRate */
  imageLearningRate?: number;
  /** Shuffling seed. @default 0 */
  seed?: number;
  /** Called after each epoch with its mean loss and its wall time in ms. */
  onEpoch?: (epoch: number, loss: number, ms: number) => void;
}

function batchTensors(d: CaptionedFashion, rows: ArrayLike<number>, side: number) {
  const m = rows.length, P = side * side;
  const px = new Float32Array(m * P), y = new Int32Array(m);
  for (let i = 0; i < m; i++) {
    const r = rows[i];
    px.set(d.pixels.subarray(r * P, (r + 1) * P), i * P);
    y[i] = d.targets[r];
  }
  return {
    ids: idsBatch(d, rows),
    images: tf.tensor4d(px, [m, 1, side, side]),
    y: tf.tensor1d(y, "int32"),
  };
}

const imageSide = (d: CaptionedFashion) => Math.round(Math.sqrt(d.pixels.length / d.n));

/**
 * Trains `net` in place; returns the mean loss of each epoch. Runs in training mode (the image
 * encoder in eval mode when frozen), leaves eval mode.
 */
export function fitNotesNetwork(
  net: ErnieMResNetClassifier,
  data: CaptionedFashion,
  {
    epochs = 3,
    batchSize = 128,
    learningRate = 2e-3,
    imageLearningRate = learningRate,
    seed = 0,
    onEpoch,
  }: FitNotesOptions = {},
): number[] {
  if (!(imageLearningRate >= 0)) {
    throw new ValueError(`imageLearningRate must be ≥ 0. Got ${imageLearningRate}.`);
  }
  const side = imageSide(data);
  const imageVars = new Set(net.resnet.variables());
  const rest = net.variables().filter((v) => !imageVars.has(v));
  const frozen = imageLearningRate === 0 || net.modality === "text";
  const trained = frozen ? rest : [...rest, ...imageVars];
  const opt: tf.Optimizer = tf.train.adam(learningRate);
  const imageOpt: tf.Optimizer | null = frozen ? null : tf.train.adam(imageLearningRate);
  const rng = new Random(seed);
  const losses: number[] = [];
  net.train();
  if (frozen) net.resnet.eval();
  for (let e = 0; e < epochs; e++) {
    const t0 = performance.now();
    const order = rng.permutation(data.n);
    let sum = 0, steps = 0;
    // s + 1 < n: no last batch of one pair (BatchNorm's batch statistics need two)
    for (let s = 0; s + 1 < data.n; s += batchSize) {
      const b = batchTensors(data, order.subarray(s, Math.min(s + batchSize, data.n)), side);
      sum += tf.tidy(() => {
        const { value, grads } = tf.variableGrads(() => {
          const out = net.forward(b.ids, b.images);
          tf.dispose([out.textAttention, out.imageAttention]); // kept by forward, unused here
          return tf.losses.softmaxCrossEntropy(tf.oneHot(b.y, 3), out.logits) as tf.Scalar;
        }, trained);
        const own: tf.NamedTensorMap = {}, image: tf.NamedTensorMap = {};
        for (const v of trained) (imageVars.has(v) ? image : own)[v.name] = grads[v.name];
        opt.applyGradients(own);
        imageOpt?.applyGradients(image);
        return value.dataSync()[0];
      });
      steps++;
      tf.dispose(b);
    }
    losses.push(sum / steps);
    onEpoch?.(e, sum / steps, performance.now() - t0);
  }
  opt.dispose();
  imageOpt?.dispose();
  net.eval();
  return losses;
}

/** The image encoder with a linear head over its pooled features: stage 1 of the recipe. */
export class ImageTowerClassifier extends Module {
  /** The encoder being pretrained (shared with the network it came from). */
  readonly encoder: EncoderCNN;
  /** features → classes, dropped after pretraining. */
  readonly fc: Linear;

  /** Wraps `encoder` with a fresh `numClasses`-way head. */
  constructor(encoder: EncoderCNN, numClasses = 10) {
    super();
    this.encoder = encoder;
    this.fc = new Linear(encoder.numFeatures, numClasses);
  }

  /** images (N, C, H, W) → logits (N, classes). */
  forward(images: tf.Tensor): tf.Tensor {
    return tf.tidy(() => this.fc.forward(this.encoder.forward(images)[1]));
  }
}

/** Options of `pretrainImageTower`: `fitImageClassifier`'s, with their own defaults. */
export interface PretrainTowerOptions
  extends Pick<FitImageOptions, "augment" | "seed" | "onEpoch"> {
  /** Passes over the images. @default 2 */
  epochs?: number;
  /** Images per step. @default 128 */
  batchSize?: number;
  /** Adam's peak step size. @default 3e-3 */
  learningRate?: number;
  /** Learning-rate schedule over all steps. @default "cosine" */
  schedule?: "constant" | "cosine";
}

/**
 * Stage 1: trains `net`'s image encoder to classify `pixels` (n × H·W in [0, 1], one channel)
 * into `labels` 0..9 through a temporary linear head; returns the head-wrapped encoder (for
 * `imageTowerAccuracy`) and the loss of every step. The encoder's weights stay in `net`.
 */
export function pretrainImageTower(
  net: ErnieMResNetClassifier,
  pixels: Float32Array,
  labels: ArrayLike<number>,
  { epochs = 2, batchSize = 128, learningRate = 3e-3, schedule = "cosine", ...rest }:
    PretrainTowerOptions = {},
): { tower: ImageTowerClassifier; losses: number[] } {
  const side = Math.round(Math.sqrt(pixels.length / labels.length));
  if (side * side * labels.length !== pixels.length) {
    throw new ValueError(
      `pixels (${pixels.length}) must hold one square one-channel image per label (${labels.length}).`,
    );
  }
  const tower = new ImageTowerClassifier(net.resnet);
  const losses = fitImageClassifier(tower, pixels, labels, [1, side, side], {
    epochs,
    batchSize,
    learningRate,
    schedule,
    ...rest,
  });
  return { tower, losses };
}

/** Fraction of `pixels` (n × H·W, one channel) that `tower` classifies as `labels`, in eval mode. */
export function imageTowerAccuracy(
  tower: ImageTowerClassifier,
  pixels: Float32Array,
  labels: ArrayLike<number>,
): number {
  tower.eval();
  const n = labels.length, P = pixels.length / n, side = Math.round(Math.sqrt(P));
  let correct = 0;
  for (let s = 0; s < n; s += 256) {
    const m = Math.min(256, n - s);
    const x = tf.tensor4d(pixels.subarray(s * P, (s + m) * P), [m, 1, side, side]);
    const p = tf.tidy(() => tower.forward(x).argMax(1));
    const pred = p.dataSync();
    for (let i = 0; i < m; i++) if (pred[i] === Number(labels[s + i])) correct++;
    tf.dispose([x, p]);
  }
  return correct / n;
}

/** The text encoder with a linear head over its pooled vector: which of the ten items the caption names, or 10 for a category. */
export class TextEncoderClassifier extends Module {
  /** The encoder being pretrained (shared with the network it came from). */
  readonly encoder: ErnieMModel;
  /** pooled → 11 classes, dropped after pretraining. */
  readonly fc: Linear;

  /** Wraps `encoder` with a fresh 11-way head. */
  constructor(encoder: ErnieMModel) {
    super();
    this.encoder = encoder;
    this.fc = new Linear(encoder.sizes.hidden, 11);
  }

  /** ids (N, T) → logits (N, 11). */
  forward(ids: tf.Tensor): tf.Tensor {
    return tf.tidy(() => this.fc.forward(this.encoder.forward(ids)[1]));
  }
}

/** What the text head should say for each caption: the named item, or 10 for a category caption. */
function namedTargets(d: CaptionedFashion): Int32Array {
  return d.namedItems.map((c) => (c < 0 ? 10 : c));
}

function idsBatch(d: CaptionedFashion, rows: ArrayLike<number>): tf.Tensor2D {
  const L = d.maxLen, ids = new Int32Array(rows.length * L);
  for (let i = 0; i < rows.length; i++) {
    ids.set(d.ids.subarray(rows[i] * L, (rows[i] + 1) * L), i * L);
  }
  return tf.tensor2d(ids, [rows.length, L], "int32");
}

/**
 * Stage 1 for text: trains `net`'s ERNIE-M encoder to tell from a caption alone which item it
 * names (11 classes: the ten items, or "only a category") through a temporary head; returns the
 * head-wrapped encoder (for `textEncoderAccuracy`) and the mean loss of each epoch. The caption
 * is all it sees, so nothing of the pair's target (which needs the image) leaks in.
 */
export function pretrainTextEncoder(
  net: ErnieMResNetClassifier,
  data: CaptionedFashion,
  { epochs = 1, batchSize = 128, learningRate = 2e-3, seed = 0 }: {
    epochs?: number;
    batchSize?: number;
    learningRate?: number;
    seed?: number;
  } = {},
): { encoder: TextEncoderClassifier; losses: number[] } {
  const encoder = new TextEncoderClassifier(net.ernie);
  const y = namedTargets(data);
  const opt = tf.train.adam(learningRate);
  const rng = new Random(seed);
  const losses: number[] = [];
  encoder.train();
  for (let e = 0; e < epochs; e++) {
    const order = rng.permutation(data.n);
    let sum = 0, steps = 0;
    for (let s = 0; s < data.n; s += batchSize) {
      const rows = order.subarray(s, Math.min(s + batchSize, data.n));
      const ids = idsBatch(data, rows);
      const t = tf.oneHot(tf.tensor1d(Int32Array.from(rows, (r) => y[r]), "int32"), 11);
      sum += trainStep(
        encoder,
        opt,
        () => tf.losses.softmaxCrossEntropy(t, encoder.forward(ids)) as tf.Scalar,
      );
      steps++;
      tf.dispose([ids, t]);
    }
    losses.push(sum / steps);
  }
  opt.dispose();
  encoder.eval();
  return { encoder, losses };
}

/** Fraction of `data`'s captions whose named item (or "category") `encoder` reads correctly. */
export function textEncoderAccuracy(
  encoder: TextEncoderClassifier,
  data: CaptionedFashion,
): number {
  encoder.eval();
  const y = namedTargets(data);
  let correct = 0;
  for (let s = 0; s < data.n; s += 256) {
    const rows = Array.from({ length: Math.min(256, data.n - s) }, (_, i) => s + i);
    const ids = idsBatch(data, rows);
    const p = tf.tidy(() => encoder.forward(ids).argMax(1));
    const pred = p.dataSync();
    rows.forEach((r, i) => (correct += pred[i] === y[r] ? 1 : 0));
    tf.dispose([ids, p]);
  }
  return correct / data.n;
}

/** Accuracy, confusion matrix (rows true, columns predicted) and predictions of `net` on `data`. */
export interface NotesEvaluation {
  /** Fraction correct. */
  accuracy: number;
  /** 3 × 3 counts. */
  confusion: number[][];
  /** Predicted class per pair. */
  predictions: Int32Array;
}

/** Evaluates `net` in eval mode, in batches of 256. */
export function evaluateNotesNetwork(
  net: ErnieMResNetClassifier,
  data: CaptionedFashion,
): NotesEvaluation {
  net.eval();
  const side = imageSide(data);
  const predictions = new Int32Array(data.n);
  for (let s = 0; s < data.n; s += 256) {
    const rows = Array.from({ length: Math.min(256, data.n - s) }, (_, i) => s + i);
    const b = batchTensors(data, rows, side);
    const out = net.forward(b.ids, b.images);
    const p = tf.tidy(() => out.logits.argMax(1));
    predictions.set(p.dataSync() as Int32Array, s);
    tf.dispose([b, out.logits, out.textAttention, out.imageAttention, p]);
  }
  const confusion = [0, 1, 2].map(() => [0, 0, 0]);
  let correct = 0;
  for (let i = 0; i < data.n; i++) {
    confusion[data.targets[i]][predictions[i]]++;
    if (predictions[i] === data.targets[i]) correct++;
  }
  return { accuracy: correct / data.n, confusion, predictions };
}
