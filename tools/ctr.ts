/**
 * CTR benchmark: `deno task ctr -- --train FILE --test FILE --models lr,fm,... --out results.json`
 * trains each listed model on a Criteo-layout file and writes test AUC, logloss, seconds and
 * parameter count per model, plus the optimum when the test file carries true probabilities.
 * `--generate N` first writes generated train (N rows) and test (N/4 rows) files to the given
 * paths. Other flags: --epochs 1, --batch 1024, --buckets 1000 (hash buckets per field),
 * --embed 8, --seed 0.
 */
import {
  binaryAuc,
  binaryLogLoss,
  concatBatches,
  type CriteoBatch,
  FeatureSpace,
  makeCTRClassifier,
  readCriteo,
  writeCriteoData,
} from "../lib/mod.ts";

function flag(name: string, fallback?: string): string {
  const i = Deno.args.indexOf(`--${name}`);
  if (i >= 0 && i + 1 < Deno.args.length) return Deno.args[i + 1];
  if (fallback === undefined) {
    console.error(
      `missing --${name}\n` +
        "usage: deno task ctr -- --train FILE --test FILE --models lr,fm --out results.json",
    );
    Deno.exit(2);
  }
  return fallback;
}

const train = flag("train"), test = flag("test");
const models = flag("models", "lr,fm,ffm,deepfm,deepffm,wdl,xdeepfm,dcn,dcnv2").split(",");
const out = flag("out", "");
const epochs = Number(flag("epochs", "1")), batchSize = Number(flag("batch", "1024"));
const buckets = Number(flag("buckets", "1000")), embedDim = Number(flag("embed", "8"));
const seed = Number(flag("seed", "0"));
const generate = Number(flag("generate", "0"));

if (generate > 0) {
  await writeCriteoData(train, { rows: generate, seed, rowSeed: seed * 2 + 1 });
  await writeCriteoData(test, { rows: Math.ceil(generate / 4), seed, rowSeed: seed * 2 + 2 });
}

const space = FeatureSpace.criteo({ hashBuckets: buckets, denseSize: 64 });
async function load(
  path: string,
): Promise<{ X: Int32Array; y: Float32Array; batch: CriteoBatch; rowsPerSec: number }> {
  const t0 = performance.now();
  const parts: CriteoBatch[] = [];
  for await (const b of readCriteo(path)) parts.push(b);
  const seconds = (performance.now() - t0) / 1000;
  const batch = concatBatches(parts);
  return { X: space.encode(batch), y: batch.labels, batch, rowsPerSec: batch.rows / seconds };
}
const tr = await load(train), te = await load(test);
console.log(
  `train ${tr.y.length} rows (read ${tr.rowsPerSec.toFixed(0)} rows/s), test ${te.y.length} rows`,
);

const results: Record<
  string,
  { auc: number; logloss: number; seconds: number; parameters: number }
> = {};
for (const name of models) {
  const clf = makeCTRClassifier(name, { numIds: space.totalSize, fields: space.fields, embedDim }, {
    seed,
  });
  const t0 = performance.now();
  clf.fit(tr.X, tr.y, { epochs, batchSize });
  const seconds = (performance.now() - t0) / 1000;
  const p = clf.predictProba(te.X);
  results[name] = {
    auc: binaryAuc(te.y, p),
    logloss: binaryLogLoss(te.y, p),
    seconds,
    parameters: clf.parameters,
  };
  console.log(name, JSON.stringify(results[name]));
  clf.model.dispose();
}
const report: Record<string, unknown> = { models: results };
if (te.batch.probability) {
  report.optimum = {
    auc: binaryAuc(te.y, te.batch.probability),
    logloss: binaryLogLoss(te.y, te.batch.probability),
  };
  console.log("optimum", JSON.stringify(report.optimum));
}
if (out) await Deno.writeTextFile(out, JSON.stringify(report, null, 2) + "\n");
