/**
 * Decoding an encoder-decoder: greedy (argmax at each step) and beam search with a length
 * penalty (d2l §10.8). Both rerun the model on the whole prefix at each step — simple and exact,
 * quadratic in the output length, which is fine for short outputs.
 *
 * @module
 */
import { ValueError } from "../core/mod.ts";
import { tf } from "./backend.ts";
import type { Seq2SeqModel } from "./seq2seq.ts";
import { padSequences } from "./text.ts";

/** Token ids of the specials (see `CharVocab`). */
const BOS = 1, EOS = 2;

/** Options of the decoders. */
export interface DecodeOptions {
  /** Most tokens generated. @default 20 */
  maxLen?: number;
  /** Source length the batch is padded to. @default the longest source */
  srcLen?: number;
}

/**
 * Greedy decoding of a batch of sources (id arrays): returns each output's ids (without `<bos>`,
 * cut before `<eos>`) and, if the model has one, the encoder-decoder attention (B, T, S) of the
 * final step (the caller disposes it).
 */
export function greedyDecode(
  model: Seq2SeqModel,
  sources: number[][],
  { maxLen = 20, srcLen }: DecodeOptions = {},
): { tokens: number[][]; attention: tf.Tensor | null } {
  const wasTraining = model.training;
  model.eval();
  const { ids, validLens } = padSequences(
    sources,
    srcLen ?? Math.max(...sources.map((s) => s.length)),
  );
  const ys = sources.map(() => [BOS]);
  const done = sources.map(() => false);
  try {
    for (let step = 0; step < maxLen && done.some((d) => !d); step++) {
      const next = tf.tidy(() => {
        const tgt = tf.tensor2d(ys.flat(), [ys.length, ys[0].length], "int32");
        const logits = model.logits(ids, validLens, tgt);
        return logits.slice([0, step, 0], [-1, 1, -1]).argMax(2).reshape([-1])
          .arraySync() as number[];
      });
      next.forEach((t, i) => {
        ys[i].push(done[i] ? EOS : t);
        if (t === EOS) done[i] = true;
      });
    }
    const attention = model.attentionWeights ? model.attentionWeights.clone() : null;
    const tokens = ys.map((y) => {
      const out = y.slice(1);
      const e = out.indexOf(EOS);
      return e >= 0 ? out.slice(0, e) : out;
    });
    return { tokens, attention };
  } finally {
    ids.dispose();
    model.train(wasTraining);
  }
}

/** Options of `beamSearch`. */
export interface BeamSearchOptions extends DecodeOptions {
  /** Beams kept at each step. @default 4 */
  beamSize?: number;
  /** α in score = log p / length^α. @default 0.75 */
  lengthPenalty?: number;
}

/**
 * Beam search for one source: keeps the `beamSize` best prefixes by total log-probability, and
 * returns the finished hypothesis with the best length-normalised score log p / L^α.
 */
export function beamSearch(
  model: Seq2SeqModel,
  source: number[],
  { maxLen = 20, beamSize = 4, lengthPenalty = 0.75 }: BeamSearchOptions = {},
): { tokens: number[]; score: number } {
  if (!(Number.isInteger(beamSize) && beamSize > 0)) {
    throw new ValueError(`beamSize must be a positive integer. Got ${beamSize} instead.`);
  }
  const wasTraining = model.training;
  model.eval();
  let beams = [{ ys: [BOS], logp: 0 }];
  const finished: { ys: number[]; logp: number; score: number }[] = [];
  const norm = (logp: number, len: number) => logp / Math.pow(Math.max(len, 1), lengthPenalty);
  try {
    for (let step = 0; step < maxLen && beams.length > 0; step++) {
      const logp = tf.tidy(() => {
        const { ids, validLens } = padSequences(beams.map(() => source), source.length);
        const tgt = tf.tensor2d(beams.flatMap((b) => b.ys), [beams.length, step + 1], "int32");
        const logits = model.logits(ids, validLens, tgt).slice([0, step, 0], [-1, 1, -1]).squeeze([
          1,
        ]);
        return tf.logSoftmax(logits).arraySync() as number[][];
      });
      const candidates: { ys: number[]; logp: number }[] = [];
      beams.forEach((b, i) => {
        const order = logp[i].map((v, t) => [v, t]).sort((a, c) => c[0] - a[0]).slice(0, beamSize);
        for (const [v, t] of order) candidates.push({ ys: [...b.ys, t], logp: b.logp + v });
      });
      candidates.sort((a, c) => c.logp - a.logp);
      beams = [];
      for (const c of candidates) {
        if (beams.length >= beamSize) break;
        const last = c.ys[c.ys.length - 1];
        if (last === EOS || step === maxLen - 1) {
          const len = c.ys.length - (last === EOS ? 2 : 1);
          finished.push({ ys: c.ys, logp: c.logp, score: norm(c.logp, len) });
        } else beams.push(c);
      }
    }
    const best = finished.sort((a, c) => c.score - a.score)[0] ??
      { ys: beams[0].ys, score: -Infinity };
    const out = best.ys.slice(1);
    const e = out.indexOf(EOS);
    return { tokens: e >= 0 ? out.slice(0, e) : out, score: best.score };
  } finally {
    model.train(wasTraining);
  }
}
