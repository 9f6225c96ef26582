/**
 * Trains the date-normalisation models of notebooks/62_transformer.ipynb longer than a notebook
 * can: a Transformer and GRU and LSTM encoder-decoders (`gru_attention`: GRU with Bahdanau
 * attention), on the same pairs. Writes their weights to data/deep/dates_<model>.safetensors
 * and their loss curves, accuracy, time and parameter count to data/deep/dates_results.json.
 *
 *     npx deno run -A tools/train_dates.ts transformer   # or gru, lstm, gru_attention; one per process
 */
import {
  fitSeq2Seq,
  makeDatePairs,
  manualSeed,
  seq2seqAccuracy,
  type Seq2SeqModel,
  Seq2SeqRNN,
  Seq2SeqTransformer,
  seq2seqVocab,
  writeSafetensors,
} from "../lib/mod.ts";

/** The task and the three models, shared with the notebook. */
export const DATES = {
  train: { n: 2000, seed: 1 },
  test: { n: 300, seed: 2 },
};

/** Builds one of the three models for a vocabulary (same seed, same initial weights). */
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

/** Epochs and learning rate per model. */
export const SCHEDULE: Record<string, { epochs: number; lr: number }> = {
  transformer: { epochs: 8, lr: 5e-3 },
  gru: { epochs: 6, lr: 1e-2 },
  gru_attention: { epochs: 4, lr: 1e-2 },
  lstm: { epochs: 6, lr: 1e-2 },
};

if (import.meta.main) {
  const name = Deno.args[0] ?? "transformer";
  const train = makeDatePairs(DATES.train), test = makeDatePairs(DATES.test);
  const vocab = seq2seqVocab([...train, ...test]);
  const model = buildDateModel(name, vocab.src.size, vocab.tgt.size);
  const { epochs, lr } = SCHEDULE[name];
  const fit = fitSeq2Seq(model, train, vocab, {
    epochs,
    lr,
    batchSize: 64,
    onEpoch: (e, l) => console.log(name, e, l.toFixed(4)),
  });
  const { accuracy } = seq2seqAccuracy(model, test, vocab);
  console.log(name, "accuracy", accuracy, "seconds", fit.seconds);
  Deno.writeFileSync(`data/deep/dates_${name}.safetensors`, writeSafetensors(model.stateDict()));
  const path = "data/deep/dates_results.json";
  let all: Record<string, unknown> = {};
  try {
    all = JSON.parse(Deno.readTextFileSync(path));
  } catch { /* first model */ }
  all[name] = {
    losses: fit.losses,
    seconds: fit.seconds,
    accuracy,
    parameters: model.numParameters(),
    epochs,
    lr,
  };
  Deno.writeTextFileSync(path, JSON.stringify(all, null, 1) + "\n");
}
