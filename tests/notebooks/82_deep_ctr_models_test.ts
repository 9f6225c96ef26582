/**
 * The numbers notebooks/82_deep_ctr_models.ipynb shows: Wide & Deep, DeepFM, xDeepFM, DCN and
 * DCNv2 test AUC / logloss / parameters on 3 000 generated rows against the optimum, and the
 * FTRL sparsity of the wide weights (at the benchmark's λ₁ and at λ₁ = 0.1).
 */
import { assert, assertAlmostEquals, assertEquals, assertLess } from "@std/assert";
import {
  binaryAuc,
  binaryLogLoss,
  concatBatches,
  CTRClassifier,
  FeatureSpace,
  makeCriteoLines,
  makeCTRClassifier,
  manualSeed,
  parseCriteo,
  WideAndDeepModel,
} from "../../lib/mod.ts";
import { headingIs, modelSections, sectionHeadings, sourceNotebook } from "../support/notebooks.ts";

Deno.test("notebook has the model sections and reading notes", () => {
  const headings = sectionHeadings(sourceNotebook("82_deep_ctr_models"));
  for (const s of [...modelSections, "阅读笔记"]) {
    assert(headings.some((h) => headingIs(h, s)), `missing "## ${s}" in ${headings}`);
  }
});

Deno.test("deep CTR models vs the optimum, FTRL sparsity", () => {
  const load = (rows: number, rowSeed: number) =>
    concatBatches(parseCriteo(makeCriteoLines({ rows, seed: 0, rowSeed }).join("\n"), "t"));
  const train = load(3000, 0), test = load(1000, 1);
  const space = FeatureSpace.criteo({ hashBuckets: 128, denseSize: 32 });
  const Xtr = space.encode(train), Xte = space.encode(test);
  const shown: Record<string, [number, number, number]> = {
    wdl: [0.7154, 0.4782, 155362],
    deepfm: [0.7249, 0.4720, 24290],
    xdeepfm: [0.7244, 0.4784, 58643],
    dcn: [0.7228, 0.4977, 21637],
    dcnv2: [0.7228, 0.4950, 69685],
  };
  let wide: number[] = [];
  for (const [name, [auc, ll, params]] of Object.entries(shown)) {
    manualSeed(0);
    const clf = makeCTRClassifier(name, {
      numIds: space.totalSize,
      fields: space.fields,
      embedDim: 4,
      hidden: [32, 16],
    });
    clf.fit(Xtr, train.labels, { epochs: 3, batchSize: 128 });
    const p = clf.predictProba(Xte);
    assertEquals(clf.parameters, params, name);
    assertAlmostEquals(binaryAuc(test.labels, p), auc, 0.005, name);
    assertAlmostEquals(binaryLogLoss(test.labels, p), ll, 0.005, name);
    assertLess(binaryAuc(test.labels, p), binaryAuc(test.labels, test.probability!));
    if (name === "wdl") {
      wide = Array.from((clf.model as WideAndDeepModel).wide.value.dataSync());
    }
  }
  const seen = new Set(Xtr);
  assertEquals(seen.size, 940);
  const zeros = wide.reduce((c, x) => c + (x === 0 ? 1 : 0), 0);
  assertAlmostEquals(zeros, 81398, 50);
  for (const i of seen) assert(wide[i] !== 0);
  manualSeed(0);
  const clf = new CTRClassifier({
    model: () =>
      new WideAndDeepModel({
        numIds: space.totalSize,
        fields: space.fields,
        embedDim: 4,
        hidden: [32, 16],
        crossBuckets: 1 << 17,
      }),
    optimizer: "adagrad",
    learningRate: 0.05,
    ftrl: { alpha: 0.05, beta: 1, l1: 0.1, l2: 0 },
  }).fit(Xtr, train.labels, { epochs: 3, batchSize: 128 });
  const w = Array.from((clf.model as WideAndDeepModel).wide.value.dataSync());
  assertAlmostEquals(w.reduce((c, x) => c + (x !== 0 ? 1 : 0), 0), 3344, 30);
  let seenZero = 0;
  for (const i of seen) if (w[i] === 0) seenZero++;
  assertAlmostEquals(seenZero, 635, 15);
});
