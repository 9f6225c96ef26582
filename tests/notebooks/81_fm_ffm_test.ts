/**
 * The numbers notebooks/81_fm_ffm.ipynb shows: the O(kn) identity against the double sum, the
 * parameter counts, and LR / FM / FFM test AUC and logloss on 3 000 generated rows against the
 * optimum, with the FM logit split into its first- and second-order parts.
 */
import { assert, assertAlmostEquals, assertEquals, assertLess } from "@std/assert";
import {
  binaryAuc,
  binaryLogLoss,
  concatBatches,
  FeatureSpace,
  FMModel,
  fmPairwise,
  makeCriteoLines,
  makeCTRClassifier,
  manualSeed,
  parseCriteo,
  Random,
  tf,
} from "../../lib/mod.ts";
import { headingIs, modelSections, sectionHeadings, sourceNotebook } from "../support/notebooks.ts";

const F = 39, k = 4;

Deno.test("notebook has the model sections and reading notes", () => {
  const headings = sectionHeadings(sourceNotebook("81_fm_ffm"));
  for (const s of [...modelSections, "阅读笔记"]) {
    assert(headings.some((h) => headingIs(h, s)), `missing "## ${s}" in ${headings}`);
  }
});

Deno.test("O(kn) identity equals the double sum", () => {
  const v = new Random(0).normalArray(F * k, 0, 1);
  let s = 0;
  for (let i = 0; i < F; i++) {
    for (let j = i + 1; j < F; j++) for (let d = 0; d < k; d++) s += v[i * k + d] * v[j * k + d];
  }
  assertAlmostEquals(s, 54.35288, 1e-4);
  assertAlmostEquals(fmPairwise(tf.tensor3d(Array.from(v), [1, F, k])).dataSync()[0], s, 1e-4);
});

Deno.test("LR, FM, FFM against the optimum", () => {
  const load = (rows: number, rowSeed: number) =>
    concatBatches(parseCriteo(makeCriteoLines({ rows, seed: 0, rowSeed }).join("\n"), "t"));
  const train = load(3000, 0), test = load(1000, 1);
  const space = FeatureSpace.criteo({ hashBuckets: 128, denseSize: 32 });
  assertEquals(space.totalSize, 3744);
  const Xtr = space.encode(train), Xte = space.encode(test);
  assertAlmostEquals(binaryAuc(test.labels, test.probability!), 0.9050, 1e-4);
  const got: Record<string, [number, number, number]> = {};
  let fm: FMModel | null = null;
  for (const name of ["lr", "fm", "ffm"]) {
    manualSeed(0);
    const clf = makeCTRClassifier(name, { numIds: space.totalSize, fields: F, embedDim: k });
    clf.fit(Xtr, train.labels, { epochs: 3, batchSize: 128 });
    const p = clf.predictProba(Xte);
    got[name] = [binaryAuc(test.labels, p), binaryLogLoss(test.labels, p), clf.parameters];
    if (name === "fm") fm = clf.model as FMModel;
  }
  assertEquals([got.lr[2], got.fm[2], got.ffm[2]], [3745, 18721, 295777]);
  const shown = { lr: [0.7246, 0.4664], fm: [0.7230, 0.4826], ffm: [0.7317, 0.4694] };
  for (const [name, [auc, ll]] of Object.entries(shown)) {
    assertAlmostEquals(got[name][0], auc, 0.005);
    assertAlmostEquals(got[name][1], ll, 0.005);
  }
  assertLess(got.lr[0], got.ffm[0]);
  fm!.eval();
  const ids = tf.tensor2d(Xte, [test.rows, F], "int32");
  const linear = fm!.linear.forward(ids).dataSync();
  const pairwise = fmPairwise(fm!.embedding.forward(ids)).dataSync();
  assertAlmostEquals(binaryAuc(test.labels, linear), 0.7115, 0.005);
  assertAlmostEquals(binaryAuc(test.labels, pairwise), 0.7144, 0.005);
  assertAlmostEquals(
    binaryAuc(test.labels, linear.map((z, i) => z + pairwise[i])),
    got.fm[0],
    1e-3,
  );
});
