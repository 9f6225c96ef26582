/**
 * Pre-training and fine-tuning BERT on a small corpus (engineer gpt owns this file): MLM + NSP
 * pre-training on seeded batches, then a `[CLS]` classifier trained with or without the
 * pre-trained encoder (Devlin et al. 2019 §3).
 *
 * @module
 */
import { Random, ValueError } from "../core/mod.ts";
import { tf } from "./backend.ts";
import type { BertClassifier, BertForPreTraining } from "./bert.ts";
import { type BertTokenizer, maskTokens, sentencePairs } from "./bert_data.ts";
import { AdamW } from "./gpt_train.ts";
import { tokenCrossEntropy } from "./training.ts";

/** Options of `pretrainBERT`. */
export interface PretrainOptions {
  /** Steps. @default 100 */
  steps?: number;
  /** Pairs per batch. @default 16 */
  batchSize?: number;
  /** Padded length of a pair. @default 32 */
  maxLen?: number;
  /** AdamW learning rate. @default 3e-3 */
  lr?: number;
  /** Seed of pairs and masks. @default 0 */
  seed?: number;
  /**
   * Linear warm-up over this many steps to `lr`, then linear decay to 0 at the last step (BERT's
   * schedule); 0 keeps `lr` constant. @default 0
   */
  warmupSteps?: number;
  /** Train the next-sentence head too (BERT); false trains the MLM alone (RoBERTa). @default true */
  nsp?: boolean;
  /** Fraction of tokens chosen for the MLM. @default 0.15 */
  maskProb?: number;
}

/**
 * BERT's learning-rate schedule at step s (0-based) of `steps`: linear warm-up from lr/warmup to
 * lr over `warmupSteps`, then linear decay towards 0 (lr/(steps − warmup) at the last step);
 * constant `lr` when warmupSteps = 0.
 *
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { bertSchedule } from "../mod.ts";
 *
 * assertEquals([0, 1, 2, 6, 9].map((s) => bertSchedule(s, 10, 2, 1)), [0.5, 1, 1, 0.5, 0.125]);
 * ```
 */
export function bertSchedule(s: number, steps: number, warmupSteps: number, lr: number): number {
  if (warmupSteps <= 0) return lr;
  if (s < warmupSteps) return (lr * (s + 1)) / warmupSteps;
  return (lr * (steps - s)) / Math.max(1, steps - warmupSteps);
}

/** Curves of `pretrainBERT`. */
export interface PretrainResult {
  /** Masked-LM loss per step (over the chosen positions). */
  mlmLoss: number[];
  /** Next-sentence loss per step. */
  nspLoss: number[];
  /** Seconds. */
  seconds: number;
}

/** A padded batch as tensors. */
function tensors(rows: number[][]): tf.Tensor2D {
  return tf.tensor2d(rows, [rows.length, rows[0].length], "int32");
}

/**
 * Pre-training: each step draws `batchSize` sentence pairs (half next, half random), encodes
 * them `[CLS] a [SEP] b [SEP]`, corrupts 15% of the tokens (80-10-10), and takes an AdamW step
 * on MLM loss + NSP loss (MLM alone with `nsp: false`; the NSP loss is still recorded), with
 * BERT's warm-up and linear decay when `warmupSteps` > 0. Leaves the model in eval mode.
 */
export function pretrainBERT(
  model: BertForPreTraining,
  docs: readonly (readonly string[])[],
  tokenizer: BertTokenizer,
  {
    steps = 100,
    batchSize = 16,
    maxLen = 32,
    lr = 3e-3,
    seed = 0,
    warmupSteps = 0,
    nsp = true,
    maskProb = 0.15,
  }: PretrainOptions = {},
): PretrainResult {
  if (tokenizer.size !== model.bert.options.vocabSize) {
    throw new ValueError(
      `tokenizer has ${tokenizer.size} tokens but the model's vocabSize is ${model.bert.options.vocabSize}.`,
    );
  }
  const rng = new Random(seed);
  const opt = new AdamW(model, { lr, clipNorm: 1 });
  const mlmLoss: number[] = [], nspLoss: number[] = [];
  const t0 = performance.now();
  model.train();
  for (let s = 0; s < steps; s++) {
    opt.setLearningRate(bertSchedule(s, steps, warmupSteps, lr));
    const pairs = sentencePairs(docs, batchSize, rng);
    const enc = pairs.map((p) => tokenizer.encodePair(p.a, p.b, maxLen));
    const { input, labels } = maskTokens(enc.map((e) => e.ids), tokenizer.size, rng, {
      maskProb,
    });
    const ids = tensors(input), seg = tensors(enc.map((e) => e.segments));
    const y = tensors(labels), nspY = tf.tensor1d(pairs.map((p) => p.label), "int32");
    let parts = [0, 0];
    opt.step(() => {
      const out = model.forward(ids, seg);
      const mlm = tokenCrossEntropy(out.mlm, y, { ignoreIndex: 0 });
      const nspLoss = tokenCrossEntropy(out.nsp, nspY);
      parts = [mlm.dataSync()[0], nspLoss.dataSync()[0]];
      return (nsp ? mlm.add(nspLoss) : mlm) as tf.Scalar;
    });
    mlmLoss.push(parts[0]);
    nspLoss.push(parts[1]);
    tf.dispose([ids, seg, y, nspY]);
  }
  opt.dispose();
  model.eval();
  return { mlmLoss, nspLoss, seconds: (performance.now() - t0) / 1000 };
}

/** A labelled text. */
export interface LabelledText {
  /** The text. */
  text: string;
  /** Its class. */
  label: number;
}

/** Options of `fineTuneClassifier`. */
export interface FineTuneOptions {
  /** Passes over the data. @default 5 */
  epochs?: number;
  /** Texts per batch. @default 16 */
  batchSize?: number;
  /** Padded length. @default 24 */
  maxLen?: number;
  /** AdamW learning rate. @default 1e-3 */
  lr?: number;
  /** Seed of the shuffling. @default 0 */
  seed?: number;
}

function encodeBatch(
  tokenizer: BertTokenizer,
  items: readonly LabelledText[],
  maxLen: number,
): { ids: tf.Tensor2D; seg: tf.Tensor2D; y: tf.Tensor1D } {
  const enc = items.map((d) => tokenizer.encodePair(d.text, null, maxLen));
  return {
    ids: tensors(enc.map((e) => e.ids)),
    seg: tensors(enc.map((e) => e.segments)),
    y: tf.tensor1d(items.map((d) => d.label), "int32"),
  };
}

/**
 * Trains a `BertClassifier` on single texts (`[CLS] text [SEP]`) with cross-entropy on the
 * pooled `[CLS]` logits, shuffled minibatches, AdamW. Returns the mean loss of each epoch.
 */
export function fineTuneClassifier(
  model: BertClassifier,
  data: readonly LabelledText[],
  tokenizer: BertTokenizer,
  { epochs = 5, batchSize = 16, maxLen = 24, lr = 1e-3, seed = 0 }: FineTuneOptions = {},
): number[] {
  const rng = new Random(seed);
  const opt = new AdamW(model, { lr, clipNorm: 1 });
  const losses: number[] = [];
  model.train();
  for (let e = 0; e < epochs; e++) {
    const order = rng.permutation(data.length);
    let sum = 0;
    for (let i = 0; i < data.length; i += batchSize) {
      const items = [...order.subarray(i, i + batchSize)].map((k) => data[k]);
      const { ids, seg, y } = encodeBatch(tokenizer, items, maxLen);
      sum += opt.step(() => tokenCrossEntropy(model.forward(ids, seg), y)) * items.length;
      tf.dispose([ids, seg, y]);
    }
    losses.push(sum / data.length);
  }
  opt.dispose();
  model.eval();
  return losses;
}

/** The fraction of texts whose argmax class equals the label (eval mode). */
export function classifierAccuracy(
  model: BertClassifier,
  data: readonly LabelledText[],
  tokenizer: BertTokenizer,
  maxLen = 24,
): number {
  model.eval();
  const { ids, seg, y } = encodeBatch(tokenizer, data, maxLen);
  const acc = tf.tidy(() =>
    model.forward(ids, seg).argMax(1).equal(y).toFloat().mean().dataSync()[0]
  );
  tf.dispose([ids, seg, y]);
  return acc;
}
