/**
 * The numbers notebooks/83_dssm.ipynb shows: recall@10 / NDCG@10 of chance, popularity and the
 * generating model on the held-out items; DSSM with and without the logQ correction (per epoch),
 * τ = 1 against τ = 0.1; nearest neighbours in the same planted group; the PCA variance shares.
 */
import { assert, assertAlmostEquals, assertEquals, assertLess } from "@std/assert";
import {
  chanceCurve,
  DSSM,
  makeInteractions,
  manualSeed,
  Matrix,
  nearestItems,
  plantedVectors,
  relevantRanks,
  retrievalCurve,
  svd,
  towerVectors,
  trainDSSM,
} from "../../lib/mod.ts";
import { headingIs, modelSections, sectionHeadings, sourceNotebook } from "../support/notebooks.ts";

Deno.test("notebook has the model sections and reading notes", () => {
  const headings = sectionHeadings(sourceNotebook("83_dssm"));
  for (const s of [...modelSections, "阅读笔记"]) {
    assert(headings.some((h) => headingIs(h, s)), `missing "## ${s}" in ${headings}`);
  }
});

const data = makeInteractions({ seed: 0 });
const at10 = (ranks: Int32Array) => retrievalCurve(ranks, [10])[0];

Deno.test("baselines: chance, popularity and the generating model", () => {
  assertEquals([data.users, data.items, data.train.user.length], [800, 400, 8800]);
  const chance = chanceCurve(data.seen.map((s) => data.items - s.length), [10])[0];
  assertAlmostEquals(chance.recall, 10 / 389, 1e-12);
  const counts = new Float64Array(data.items);
  for (const j of data.train.item) counts[j]++;
  const pop = at10(
    relevantRanks(Matrix.ones(800, 1), new Matrix(400, 1, counts), data.test.item, data.seen),
  );
  assertAlmostEquals(pop.recall, 0.1075, 1e-12);
  const planted = plantedVectors(data);
  const best = at10(relevantRanks(planted.users, planted.items, data.test.item, data.seen));
  assertAlmostEquals(best.recall, 0.5025, 1e-12);
  assertAlmostEquals(best.ndcg, 0.34088, 1e-5);
});

Deno.test("DSSM: logQ correction, temperature, neighbours, PCA", () => {
  const tower = { fields: 2, embedDim: 16, hidden: [64], outDim: 32 };
  const train = (temperature: number, logQCorrection: boolean) => {
    manualSeed(0);
    const model = new DSSM(
      { ...tower, numIds: data.userIdSpace },
      { ...tower, numIds: data.itemIdSpace },
      temperature,
    );
    const ranks = () =>
      relevantRanks(
        towerVectors(model.user, data.userFeatures),
        towerVectors(model.item, data.itemFeatures),
        data.test.item,
        data.seen,
      );
    const recalls: number[] = [];
    const history = trainDSSM(model, data, {
      epochs: 5,
      batchSize: 256,
      learningRate: 0.005,
      logQCorrection,
      onEpoch: () => recalls.push(at10(ranks()).recall),
    });
    return { model, recalls, last: at10(ranks()), loss: history[4].loss };
  };
  const plain = train(0.1, false), corrected = train(0.1, true), hot = train(1, true);
  const shown = [
    [plain.recalls, [0.2725, 0.32625, 0.29625, 0.29, 0.27375]],
    [corrected.recalls, [0.34, 0.4325, 0.45625, 0.45375, 0.44875]],
  ] as const;
  for (const [got, want] of shown) want.forEach((w, i) => assertAlmostEquals(got[i], w, 0.02));
  assertAlmostEquals(plain.last.ndcg, 0.1215, 0.01);
  assertAlmostEquals(corrected.last.ndcg, 0.3047, 0.01);
  // without the correction recall@10 peaks early and falls; with it, it stays near the optimum
  assertLess(plain.recalls[4], Math.max(...plain.recalls) - 0.03);
  assert(corrected.last.recall > plain.last.recall + 0.1);
  assertAlmostEquals(hot.last.recall, 0.315, 0.02);
  assertAlmostEquals(hot.loss, 5.153, 0.02);
  assert(hot.loss > Math.log(1 + 255 * Math.exp(-2)), "τ = 1 cannot go below its bound");

  const V = towerVectors(corrected.model.item, data.itemFeatures);
  const neighbours = nearestItems(V, V, 11).map((l, j) => l.filter((i) => i !== j).slice(0, 10));
  let same = 0;
  neighbours.forEach((l, j) =>
    l.forEach((i) => same += +(data.itemGroup[i] === data.itemGroup[j]))
  );
  assertAlmostEquals(same / 4000, 0.9805, 0.01);

  const mean = new Float64Array(V.cols);
  for (let i = 0; i < V.rows; i++) for (let c = 0; c < V.cols; c++) mean[c] += V.get(i, c) / 400;
  const { s } = svd(new Matrix(400, 32, V.data.map((x, i) => x - mean[i % 32])));
  const total = s.reduce((a, x) => a + x * x, 0);
  assertAlmostEquals(s[0] ** 2 / total, 0.169, 0.01);
  assertAlmostEquals(s[1] ** 2 / total, 0.160, 0.01);
  for (const r of [plain, corrected, hot]) r.model.dispose();
});
