/**
 * The configuration of notebooks/62_transformer.ipynb's comparison, shared by the notebook, its
 * test and tools/train_dates.ts: the train/test pairs and the four encoder-decoders.
 *
 * @module
 */
import { manualSeed } from "./init.ts";
import { type Seq2SeqModel, Seq2SeqRNN, Seq2SeqTransformer } from "./seq2seq.ts";

/** The date pairs of chapter 62: 2000 for training (seed 1), 300 for testing (seed 2). */
export const DATE_TASK: { train: { n: number; seed: number }; test: { n: number; seed: number } } =
  {
    train: { n: 2000, seed: 1 },
    test: { n: 300, seed: 2 },
  };

/** Epochs and Adam's learning rate of each chapter-62 model. */
export const DATE_SCHEDULE: Record<string, { epochs: number; lr: number }> = {
  transformer: { epochs: 8, lr: 5e-3 },
  gru_attention: { epochs: 4, lr: 1e-2 },
  gru: { epochs: 6, lr: 1e-2 },
  lstm: { epochs: 6, lr: 1e-2 },
};

/**
 * Builds one of chapter 62's models ("transformer": d = 32, 4 heads, 1 + 1 layers, FFN 64;
 * "gru_attention", "gru", "lstm": embeddings 16, hidden 32, one layer), seeded with 0 so the same
 * name gives the same initial weights.
 */
export function buildDateModel(name: string, srcVocab: number, tgtVocab: number): Seq2SeqModel {
  manualSeed(0);
  if (name === "transformer") {
    return new Seq2SeqTransformer({
      srcVocab,
      tgtVocab,
      dModel: 32,
      nhead: 4,
      numEncoderLayers: 1,
      numDecoderLayers: 1,
      dimFeedforward: 64,
      dropout: 0,
    });
  }
  return new Seq2SeqRNN({
    srcVocab,
    tgtVocab,
    embedSize: 16,
    numHiddens: 32,
    numLayers: 1,
    cell: name === "lstm" ? "lstm" : "gru",
    attention: name === "gru_attention",
  });
}
