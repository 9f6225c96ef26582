/**
 * Training and evaluation of `ErnieMResNetClassifier` on captioned images (the notes' multimodal
 * task in small): Adam on mini-batches, cross-entropy, accuracy and confusion matrix.
 *
 * @module
 */
import { Random } from "../core/mod.ts";
import { tf } from "./backend.ts";
import type { CaptionedFashion } from "./captioned_fashion.ts";
import type { ErnieMResNetClassifier } from "./notes_network.ts";
import { trainStep } from "./training.ts";

/** Options of `fitNotesNetwork`. */
export interface FitNotesOptions {
  /** Passes over the data. @default 3 */
  epochs?: number;
  /** Pairs per step. @default 64 */
  batchSize?: number;
  /** Adam's step size. @default 2e-3 */
  learningRate?: number;
  /** Shuffling seed. @default 0 */
  seed?: number;
  /** Called after each epoch with its mean loss. */
  onEpoch?: (epoch: number, loss: number) => void;
}

function batchTensors(d: CaptionedFashion, rows: ArrayLike<number>, side: number) {
  const m = rows.length, L = d.maxLen, P = side * side;
  const ids = new Int32Array(m * L), px = new Float32Array(m * P), y = new Int32Array(m);
  for (let i = 0; i < m; i++) {
    const r = rows[i];
    ids.set(d.ids.subarray(r * L, (r + 1) * L), i * L);
    px.set(d.pixels.subarray(r * P, (r + 1) * P), i * P);
    y[i] = d.targets[r];
  }
  return {
    ids: tf.tensor2d(ids, [m, L], "int32"),
    images: tf.tensor4d(px, [m, 1, side, side]),
    y: tf.tensor1d(y, "int32"),
  };
}

/** Trains `net` in place; returns the mean loss of each epoch. Runs in training mode, leaves eval mode. */
export function fitNotesNetwork(
  net: ErnieMResNetClassifier,
  data: CaptionedFashion,
  { epochs = 3, batchSize = 64, learningRate = 2e-3, seed = 0, onEpoch }: FitNotesOptions = {},
): number[] {
  const side = Math.round(Math.sqrt(data.pixels.length / data.n));
  const opt = tf.train.adam(learningRate);
  const rng = new Random(seed);
  const losses: number[] = [];
  net.train();
  for (let e = 0; e < epochs; e++) {
    const order = rng.permutation(data.n);
    let sum = 0, steps = 0;
    for (let s = 0; s + 1 < data.n; s += batchSize) {
      const b = batchTensors(data, order.subarray(s, Math.min(s + batchSize, data.n)), side);
      sum += trainStep(net, opt, () => {
        const out = net.forward(b.ids, b.images);
        out.textAttention.dispose();
        out.imageAttention.dispose();
        return tf.losses.softmaxCrossEntropy(tf.oneHot(b.y, 3), out.logits) as tf.Scalar;
      });
      steps++;
      tf.dispose(b);
    }
    losses.push(sum / steps);
    onEpoch?.(e, sum / steps);
  }
  opt.dispose();
  net.eval();
  return losses;
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
  const side = Math.round(Math.sqrt(data.pixels.length / data.n));
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
