/**
 * The two speed figures on a generated Criteo-layout file:
 * `deno run -A bench/ctr_speed.ts [--rows 1000000] [--batch 1024] [--file /tmp/ctr_speed.txt]`
 * writes the file once (kept for later runs), times `readCriteo` over it (rows/s), encodes it
 * with `FeatureSpace.criteo` (1 000 hash buckets per C field) and trains one epoch of DeepFM
 * (embedding 8, MLP 256-128, Adam, sparse embedding updates) on it. Wall and process CPU
 * seconds are both printed, with the load average (other jobs share the cores).
 */
import process from "node:process";
import {
  CTRClassifier,
  DeepFMModel,
  FeatureSpace,
  readCriteo,
  writeCriteoData,
} from "../lib/mod.ts";

function flag(name: string, fallback: string): string {
  const i = Deno.args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < Deno.args.length ? Deno.args[i + 1] : fallback;
}
const rows = Number(flag("rows", "1000000")), batchSize = Number(flag("batch", "1024"));
const file = flag("file", `/tmp/ctr_speed_${rows}.txt`);
const skipTrain = Deno.args.includes("--read-only");

function clock(): () => { wall: number; cpu: number } {
  const t0 = performance.now(), c0 = process.cpuUsage();
  return () => {
    const c = process.cpuUsage(c0);
    return { wall: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6 };
  };
}
const load = () => Deno.loadavg().map((x) => x.toFixed(2)).join(" ");

try {
  await Deno.stat(file);
} catch {
  console.log(`writing ${rows} generated rows to ${file}`);
  await writeCriteoData(file, { rows, seed: 0, rowSeed: 1 });
}

const space = FeatureSpace.criteo({ hashBuckets: 1000, denseSize: 64 });
let stop = clock(), n = 0;
for await (const b of readCriteo(file)) n += b.rows;
let t = stop();
console.log(
  `readCriteo: ${n} rows in ${t.wall.toFixed(2)} s wall (${(n / t.wall).toFixed(0)} rows/s), ` +
    `${t.cpu.toFixed(2)} s CPU (${(n / t.cpu).toFixed(0)} rows/CPU-s); load ${load()}`,
);

stop = clock();
const X = new Int32Array(n * space.fields), y = new Float32Array(n);
let r = 0;
for await (const b of readCriteo(file)) {
  X.set(space.encode(b), r * space.fields);
  y.set(b.labels, r);
  r += b.rows;
}
t = stop();
console.log(
  `readCriteo + encode: ${(n / t.wall).toFixed(0)} rows/s wall, ${
    (n / t.cpu).toFixed(0)
  } rows/CPU-s`,
);
if (!skipTrain) {
  const clf = new CTRClassifier({
    model: () =>
      new DeepFMModel({
        numIds: space.totalSize,
        fields: space.fields,
        embedDim: 8,
        hidden: [256, 128],
      }),
    learningRate: 0.002,
  });
  stop = clock();
  clf.fit(X, y, { epochs: 1, batchSize });
  t = stop();
  console.log(
    `DeepFM epoch (embedding 8, MLP 256-128, batch ${batchSize}): ${n} rows in ${
      t.wall.toFixed(1)
    } s wall ` +
      `(${(n / t.wall).toFixed(0)} rows/s), ${t.cpu.toFixed(1)} s CPU (${
        (n / t.cpu).toFixed(0)
      } rows/CPU-s), ` +
      `loss ${clf.history[0].loss.toFixed(4)}; load ${load()}`,
  );
}
