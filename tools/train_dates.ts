/**
 * Trains the date-normalisation models of notebooks/62_transformer.ipynb longer than a notebook
 * can: a Transformer and GRU and LSTM encoder-decoders (`gru_attention`: GRU with Bahdanau
 * attention), on the same pairs. Writes their weights to data/deep/dates_<model>.safetensors
 * and their loss curves, accuracy, time and parameter count to data/deep/dates_results.json.
 *
 *     npx deno run -A tools/train_dates.ts transformer   # or gru, lstm, gru_attention; one per process
 */
import {
  buildDateModel,
  DATE_SCHEDULE,
  DATE_TASK,
  fitSeq2Seq,
  makeDatePairs,
  seq2seqAccuracy,
  seq2seqVocab,
  writeSafetensors,
} from "../lib/mod.ts";

if (import.meta.main) {
  const name = Deno.args[0] ?? "transformer";
  const train = makeDatePairs(DATE_TASK.train), test = makeDatePairs(DATE_TASK.test);
  const vocab = seq2seqVocab([...train, ...test]);
  const model = buildDateModel(name, vocab.src.size, vocab.tgt.size);
  const { epochs, lr } = DATE_SCHEDULE[name];
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
