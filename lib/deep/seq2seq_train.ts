/**
 * Training and evaluating the encoder-decoders on string pairs (such as `makeDatePairs`):
 * character vocabularies, teacher forcing with `<bos>`-shifted targets, cross-entropy that
 * ignores padding (with optional label smoothing), Adam with optional warm-up, exact-match
 * accuracy of greedy outputs.
 *
 * @module
 */
import { tf } from "./backend.ts";
import { greedyDecode } from "./decode.ts";
import { deepRandom } from "./init.ts";
import type { Seq2SeqModel } from "./seq2seq.ts";
import { CharVocab, padSequences } from "./text.ts";
import { setLearningRate, tokenCrossEntropy, trainStep, warmupLR } from "./training.ts";

/** Source and target vocabularies and padded lengths for a set of string pairs. */
export interface Seq2SeqVocab {
  /** Characters of the sources. */
  src: CharVocab;
  /** Characters of the targets. */
  tgt: CharVocab;
  /** Source length (with `<eos>`). */
  srcLen: number;
  /** Target length (with `<bos>` and `<eos>`). */
  tgtLen: number;
}

/** Builds the vocabularies and lengths of `pairs`. */
export function seq2seqVocab(pairs: { source: string; target: string }[]): Seq2SeqVocab {
  return {
    src: new CharVocab(pairs.map((p) => p.source)),
    tgt: new CharVocab(pairs.map((p) => p.target)),
    srcLen: Math.max(...pairs.map((p) => [...p.source].length)) + 1,
    tgtLen: Math.max(...pairs.map((p) => [...p.target].length)) + 2,
  };
}

/** Options of `fitSeq2Seq`. */
export interface FitSeq2SeqOptions {
  /** Passes over the data. @default 10 */
  epochs?: number;
  /** Sentence pairs per minibatch. @default 64 */
  batchSize?: number;
  /** Adam's learning rate (peak with warm-up). @default 3e-3 */
  lr?: number;
  /** Steps of linear warm-up then 1/√step decay (0 = constant lr). @default 0 */
  warmupSteps?: number;
  /** Label smoothing ε. @default 0 */
  labelSmoothing?: number;
  /** Gradient clipping by global norm. @default 1 */
  clipNorm?: number | null;
  /** Called after each epoch with (epoch, mean loss). */
  onEpoch?: (epoch: number, loss: number) => void;
}

/**
 * Trains `model` by teacher forcing on `pairs` (shuffled each epoch with the shared seeded
 * generator). Returns the mean loss of each epoch and the seconds taken.
 */
export function fitSeq2Seq(
  model: Seq2SeqModel,
  pairs: { source: string; target: string }[],
  vocab: Seq2SeqVocab,
  {
    epochs = 10,
    batchSize = 64,
    lr = 3e-3,
    warmupSteps = 0,
    labelSmoothing = 0,
    clipNorm = 1,
    onEpoch,
  }: FitSeq2SeqOptions = {},
): { losses: number[]; seconds: number } {
  const t0 = performance.now();
  const opt = tf.train.adam(lr);
  const src = pairs.map((p) => vocab.src.encode(p.source, { eos: true }));
  const tgt = pairs.map((p) => vocab.tgt.encode(p.target, { bos: true, eos: true }));
  const losses: number[] = [];
  let step = 0;
  model.train();
  for (let e = 0; e < epochs; e++) {
    const order = deepRandom().permutation(pairs.length);
    let sum = 0, batches = 0;
    for (let b = 0; b < order.length; b += batchSize) {
      const idx = Array.from(order.subarray(b, b + batchSize));
      const s = padSequences(idx.map((i) => src[i]), vocab.srcLen);
      const t = padSequences(idx.map((i) => tgt[i]), vocab.tgtLen);
      const tgtIn = t.ids.slice([0, 0], [-1, vocab.tgtLen - 1]);
      const tgtOut = t.ids.slice([0, 1], [-1, vocab.tgtLen - 1]);
      step++;
      if (warmupSteps > 0) {
        setLearningRate(
          opt,
          lr * Math.sqrt(warmupSteps) * warmupLR(step, { dModel: 1, warmupSteps }),
        );
      }
      sum += trainStep(
        model,
        opt,
        () =>
          tokenCrossEntropy(model.logits(s.ids, s.validLens, tgtIn), tgtOut, {
            ignoreIndex: 0,
            labelSmoothing,
          }),
        { clipNorm },
      );
      batches++;
      tf.dispose([s.ids, t.ids, tgtIn, tgtOut]);
    }
    losses.push(sum / batches);
    onEpoch?.(e, sum / batches);
  }
  opt.dispose();
  return { losses, seconds: (performance.now() - t0) / 1000 };
}

/** Greedy outputs for `sources` as strings, in batches. */
export function translate(
  model: Seq2SeqModel,
  sources: string[],
  vocab: Seq2SeqVocab,
  { batchSize = 256 }: { batchSize?: number } = {},
): string[] {
  const out: string[] = [];
  for (let b = 0; b < sources.length; b += batchSize) {
    const batch = sources.slice(b, b + batchSize).map((s) => vocab.src.encode(s, { eos: true }));
    const { tokens, attention } = greedyDecode(model, batch, {
      maxLen: vocab.tgtLen,
      srcLen: vocab.srcLen,
    });
    attention?.dispose();
    out.push(...tokens.map((t) => vocab.tgt.decode(t)));
  }
  return out;
}

/** Exact-match accuracy of greedy outputs on `pairs`, with the outputs. */
export function seq2seqAccuracy(
  model: Seq2SeqModel,
  pairs: { source: string; target: string }[],
  vocab: Seq2SeqVocab,
): { accuracy: number; predictions: string[] } {
  const predictions = translate(model, pairs.map((p) => p.source), vocab);
  const hits = predictions.filter((p, i) => p === pairs[i].target).length;
  return { accuracy: hits / pairs.length, predictions };
}
