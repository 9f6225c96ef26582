/**
 * `deno bench -A bench/ctr_bench.ts`: the CTR speed cases at small size — one DeepFM training
 * pass (embedding 8, MLP 256-128, 8 batches of 1 024 rows, sparse Adam) and `readCriteo` over
 * 20 000 generated rows. Divide the rows by the time for rows/s; `bench/ctr_speed.ts` measures
 * the full-size figures (1 000 000 rows).
 */
import {
  CTRClassifier,
  FeatureSpace,
  makeCriteoLines,
  parseCriteo,
  readCriteo,
  writeCriteoData,
} from "../lib/mod.ts";

const space = FeatureSpace.criteo({ hashBuckets: 1000, denseSize: 64 });
const [batch] = parseCriteo(makeCriteoLines({ rows: 8192, seed: 0 }).join("\n"), "bench", {
  batchSize: 8192,
});
const X = space.encode(batch);
const clf = new CTRClassifier({
  model: { name: "deepfm", numIds: space.totalSize, fields: 39, embedDim: 8, hidden: [256, 128] },
});
clf.fit(X.subarray(0, 39 * 1024), batch.labels.subarray(0, 1024)); // compile kernels once

Deno.bench("DeepFM 256-128: one epoch of 8 192 rows (batch 1 024)", { group: "ctr" }, () => {
  clf.fit(X, batch.labels, { batchSize: 1024 });
});

const path = "/tmp/ctr_bench_20000.txt"; // rewritten by each run
await writeCriteoData(path, { rows: 20000, seed: 1 });
Deno.bench("readCriteo: 20 000 generated rows", { group: "reader" }, async () => {
  let n = 0;
  for await (const b of readCriteo(path)) n += b.rows;
  if (n !== 20000) throw new Error(`read ${n} rows`);
});
