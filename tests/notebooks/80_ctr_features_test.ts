/**
 * The numbers notebooks/80_ctr_features.ipynb shows: the generated data and its planted
 * interactions, hashing collisions against their expectation, the vocabulary's OOV rate, a
 * feature cross, the one-hot density, log-bucketizing, and the optimum AUC / logloss.
 */
import { assert, assertAlmostEquals, assertEquals } from "@std/assert";
import {
  binaryAuc,
  binaryLogLoss,
  concatBatches,
  CRITEO_DENSE,
  CRITEO_SPARSE,
  CriteoClickModel,
  FeatureSpace,
  HashColumn,
  makeCriteoLines,
  NumericColumn,
  parseCriteo,
  VocabularyColumn,
} from "../../lib/mod.ts";
import { headingIs, modelSections, sectionHeadings, sourceNotebook } from "../support/notebooks.ts";

const load = (rows: number, rowSeed: number) =>
  concatBatches(parseCriteo(makeCriteoLines({ rows, seed: 0, rowSeed }).join("\n"), "t"));
const train = load(3000, 0), test = load(1000, 1);
const column = (j: number, b = train) =>
  Array.from({ length: b.rows }, (_, r) => b.categorical[r * CRITEO_SPARSE + j]);

Deno.test("notebook has the model sections and reading notes", () => {
  const headings = sectionHeadings(sourceNotebook("80_ctr_features"));
  for (const s of [...modelSections, "阅读笔记"]) {
    assert(headings.some((h) => headingIs(h, s)), `missing "## ${s}" in ${headings}`);
  }
});

Deno.test("data, planted interactions, click rate", () => {
  const ctr = train.labels.reduce((s, y) => s + y, 0) / train.rows;
  assertAlmostEquals(ctr, 0.216, 1e-9);
  const model = new CriteoClickModel({ seed: 0 });
  assertEquals(model.vocab[17], 100);
  assertEquals(model.pairs.length, 12);
  assertEquals(model.pairs[5], [20, 29]); // C8 × C17
  assertEquals(model.triples.length, 3);
});

Deno.test("hashing collisions follow m(1 - (1 - 1/m)^n)", () => {
  const c18 = [...new Set(column(17))].filter((v) => v !== "");
  assertEquals(c18.length, 100);
  const used = [32, 128, 512, 2048].map((B) => {
    const h = new HashColumn("C18", B);
    return new Set(c18.map((v) => h.id(v))).size;
  });
  assertEquals(used, [29, 70, 92, 99]);
  [32, 128, 512, 2048].forEach((B, i) => {
    const m = B - 1;
    assertAlmostEquals(used[i], m * (1 - (1 - 1 / m) ** 100), 3);
  });
});

Deno.test("vocabulary OOV, cross, density, log buckets", () => {
  const vocab = VocabularyColumn.fit("C18", column(17), { minCount: 5 });
  assertEquals(vocab.size, 75);
  const t = column(17, test).filter((v) => v !== "");
  assertAlmostEquals(t.filter((v) => vocab.id(v) === 1).length / t.length, 0.036, 5e-4);
  const c8 = column(7), c17 = column(16);
  const cross = new Set(
    c8.map((a, r) => (a === "" || c17[r] === "" ? "" : `${a}_${c17[r]}`)).filter((v) => v !== ""),
  );
  assertEquals(cross.size, 64);
  const space = FeatureSpace.criteo({ hashBuckets: 1000, denseSize: 64 });
  assertEquals(space.totalSize, 26832);
  const I = new NumericColumn("I", { size: 64 });
  assertEquals(
    [0, 1, 2, 3, 10, 100, 1000, 10000].map((v) => I.id(v)),
    [2, 3, 4, 3, 7, 23, 49, 63],
  );
  const i13 = Array.from({ length: train.rows }, (_, r) => train.dense[r * CRITEO_DENSE + 12])
    .filter((v) => !Number.isNaN(v));
  assertEquals([i13.length, Math.max(...i13), new Set(i13).size], [3000, 16246, 809]);
  assertEquals(new Set(i13.map((v) => I.id(v))).size, 62);
});

Deno.test("optimum AUC / logloss from the true probability", () => {
  const p = train.probability!;
  assertAlmostEquals(binaryAuc(train.labels, p), 0.8838, 1e-4);
  assertAlmostEquals(binaryLogLoss(train.labels, p), 0.3303, 1e-4);
  assertAlmostEquals(binaryAuc(test.labels, test.probability!), 0.9050, 1e-4);
  assertAlmostEquals(binaryLogLoss(test.labels, test.probability!), 0.3058, 1e-4);
  const ctr = train.labels.reduce((s, y) => s + y, 0) / train.rows;
  assertAlmostEquals(
    binaryLogLoss(train.labels, new Float64Array(train.rows).fill(ctr)),
    0.5218,
    1e-4,
  );
});
