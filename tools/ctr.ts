/**
 * CTR benchmark: `deno task ctr -- --train FILE --test FILE --models lr,fm,... --out results.json`
 * trains each listed model on a Criteo-layout file and writes test AUC, logloss, seconds and
 * parameter count per model, plus the optimum when the test file carries true probabilities.
 * `--generate N` first writes generated train (N rows) and test (N/4 rows) files to the given
 * paths. Other flags: --epochs 1, --batch 1024, --buckets 1000 (hash buckets per field),
 * --embed 8, --seed 0, --hidden 64,32 (MLP widths). `--epochs` and `--lr` also take per-model
 * values (`--epochs 1,deepfm=3,lr=2`, `--lr fm=0.01`: a bare number is the default, `lr` the
 * learning rate of the main optimizer, else `makeCTRClassifier`'s). `--valid FILE` prints the
 * logloss and AUC on FILE after every epoch (the test file is scored once, at the end).
 * Wide & Deep: `--cross-buckets 1048576` (hash buckets of the crossed ids), `--crosses all`
 * (every field pair, the 13 bucketized counts too; default: pairs of the 26 C fields),
 * `--ftrl-alpha 0.5` (FTRL-Proximal's α for the wide part).
 * `--dense-boundaries 1,2,4,...` bucketizes I1..I13 at these sorted boundaries instead of the
 * log-square transform (`--dense-boundaries generator`: the generator's ⌊2 ln(1+x)⌋ levels).
 */
import {
  binaryAuc,
  binaryLogLoss,
  DENSE_LEVELS,
  denseLevel,
  FeatureSpace,
  fieldPairs,
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
/** "2,deepfm=3" → per-model values with a default. */
function perModel(text: string): (name: string) => number | undefined {
  const map = new Map<string, number>();
  let fallback: number | undefined;
  for (const part of text.split(",").filter((p) => p !== "")) {
    const [k, v] = part.includes("=") ? part.split("=") : ["", part];
    const x = Number(v);
    if (!Number.isFinite(x)) throw new Error(`bad value "${part}" in "${text}"`);
    if (k === "") fallback = x;
    else map.set(k, x);
  }
  return (name) => map.get(name) ?? fallback;
}
const epochsOf = perModel(flag("epochs", "1")), lrOf = perModel(flag("lr", ""));
const batchSize = Number(flag("batch", "1024"));
const hidden = flag("hidden", "64,32").split(",").map(Number);
const valid = flag("valid", "");
const crossBuckets = flag("cross-buckets", ""), crossesFlag = flag("crosses", "");
const ftrlAlpha = flag("ftrl-alpha", "");
const buckets = Number(flag("buckets", "1000")), embedDim = Number(flag("embed", "8"));
const seed = Number(flag("seed", "0"));
const generate = Number(flag("generate", "0"));

if (generate > 0) {
  await writeCriteoData(train, { rows: generate, seed, rowSeed: seed * 2 + 1 });
  await writeCriteoData(test, { rows: Math.ceil(generate / 4), seed, rowSeed: seed * 2 + 2 });
}

/** The smallest integer counts at which the generator's level (`denseLevel`) rises. */
function generatorBoundaries(): number[] {
  const out: number[] = [];
  for (let v = 1, level = 0; level < DENSE_LEVELS; v++) {
    if (denseLevel(v) > level) {
      out.push(v);
      level = denseLevel(v);
    }
  }
  return out;
}
const denseFlag = flag("dense-boundaries", "");
const boundaries = denseFlag === ""
  ? null
  : denseFlag === "generator"
  ? generatorBoundaries()
  : denseFlag.split(",").map(Number);
const space = FeatureSpace.criteo({
  hashBuckets: buckets,
  denseSize: 64,
  ...(boundaries ? { denseBoundaries: boundaries } : {}),
});
async function load(
  path: string,
): Promise<{ X: Int32Array; y: Float32Array; p: Float64Array | null; rowsPerSec: number }> {
  // encoded batch by batch: the strings of a batch are dropped as soon as it is encoded
  const t0 = performance.now();
  const X: Int32Array[] = [], y: Float32Array[] = [], p: Float64Array[] = [];
  let rows = 0;
  for await (const b of readCriteo(path)) {
    X.push(space.encode(b));
    y.push(b.labels);
    if (b.probability) p.push(b.probability);
    rows += b.rows;
  }
  const seconds = (performance.now() - t0) / 1000;
  const join = <T extends Int32Array | Float32Array | Float64Array>(
    parts: T[],
    make: (n: number) => T,
  ): T => {
    const out = make(parts.reduce((s, a) => s + a.length, 0));
    let o = 0;
    for (const a of parts) {
      out.set(a as never, o);
      o += a.length;
    }
    return out;
  };
  return {
    X: join(X, (n) => new Int32Array(n)),
    y: join(y, (n) => new Float32Array(n)),
    p: p.length ? join(p, (n) => new Float64Array(n)) : null,
    rowsPerSec: rows / seconds,
  };
}
const tr = await load(train), te = await load(test);
const va = valid ? await load(valid) : null;
console.log(
  `train ${tr.y.length} rows (read ${tr.rowsPerSec.toFixed(0)} rows/s), test ${te.y.length} rows`,
);

const results: Record<
  string,
  { auc: number; logloss: number; seconds: number; parameters: number }
> = {};
for (const name of models) {
  const clf = makeCTRClassifier(
    name,
    { numIds: space.totalSize, fields: space.fields, embedDim, hidden },
    {
      seed,
      learningRate: lrOf(name),
      spec: name !== "wdl" ? {} : {
        ...(crossBuckets ? { crossBuckets: Number(crossBuckets) } : {}),
        ...(crossesFlag === "all" ? { crosses: fieldPairs(space.fields) } : {}),
      },
      ftrl: ftrlAlpha ? { alpha: Number(ftrlAlpha) } : {},
    },
  );
  const t0 = performance.now();
  clf.fit(tr.X, tr.y, {
    epochs: epochsOf(name) ?? 1,
    batchSize,
    validation: va ? [va.X, va.y] : undefined,
    onEpoch: (e) =>
      console.log(
        `  ${name} epoch ${e.epoch}: loss ${e.loss.toFixed(4)}, valid logloss ${
          e.valLogLoss.toFixed(4)
        } AUC ${e.valAuc.toFixed(4)} (${e.seconds.toFixed(1)} s; load ${Deno.loadavg()[0]})`,
      ),
  });
  const seconds = clf.history.reduce((t, e) => t + e.seconds, 0); // training only
  void t0;
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
if (te.p) {
  report.optimum = { auc: binaryAuc(te.y, te.p), logloss: binaryLogLoss(te.y, te.p) };
  console.log("optimum", JSON.stringify(report.optimum));
}
if (out) await Deno.writeTextFile(out, JSON.stringify(report, null, 2) + "\n");
