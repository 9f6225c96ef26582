/** The numbers notebooks/52_xgboost.ipynb shows: the gain formula by hand and by code. */
import { assert, assertAlmostEquals, assertEquals } from "@std/assert";
import {
  boostedTreeToReadable,
  loadBreastCancer,
  pointwiseGradients,
  splitCandidates,
  trainBooster,
  trainTestSplit,
} from "../../lib/mod.ts";
import { headingIs, modelSections, sectionHeadings, sourceNotebook } from "../support/notebooks.ts";

const round = (v: number, d = 3) => Math.round(v * 10 ** d) / 10 ** d;

Deno.test("notebook has the model sections and reading notes", () => {
  const headings = sectionHeadings(sourceNotebook("52_xgboost"));
  for (const s of [...modelSections, "阅读笔记"]) {
    assert(headings.some((h) => headingIs(h, s)), `missing "## ${s}" in ${headings}`);
  }
});

const age = [8, 12, 15, 22, 30, 41, 55, 67];
const likes = [1, 1, 1, 1, 0, 0, 0, 1];

Deno.test("the 8-row table: g = 0.5 − y, h = 0.25; the best split is age < 26 with gain 1.083", () => {
  const g = new Float64Array(8), h = new Float64Array(8);
  pointwiseGradients("binary", new Float64Array(8), Float64Array.from(likes), undefined, g, h);
  assertEquals(Array.from(g), [-0.5, -0.5, -0.5, -0.5, 0.5, 0.5, 0.5, -0.5]);
  assertEquals(Array.from(h), new Array(8).fill(0.25));
  const table = splitCandidates(age, g, h, { lambda: 1 });
  assertEquals(table.map((r) => r.threshold), [10, 13.5, 18.5, 26, 35.5, 48, 61]);
  assertEquals(table.map((r) => round(r.gain)), [
    -0.021,
    0.167,
    0.532,
    1.083,
    0.405,
    0.033,
    -0.021,
  ]);
  // By hand: ½[(−2)²/2 + 1²/2 − (−1)²/3]
  assertAlmostEquals(table[3].gain, 0.5 * (4 / 2 + 1 / 2 - 1 / 3), 1e-15);
  assertEquals([table[3].wl, table[3].wr], [1, -0.5]);
});

Deno.test("trainBooster's stump: the same split and leaves; stored gain = 2 × 1.083 (no ½)", () => {
  const stump = trainBooster(
    {
      objective: "binary",
      maxDepth: 1,
      learningRate: 1,
      lambda: 1,
      minChildWeight: 0,
      baseScore: 0.5,
      treeMethod: "exact",
    },
    age.map((a) => [a]),
    likes,
    { numBoostRound: 1 },
  );
  const t = stump.model.trees[0];
  assertEquals([t.threshold[0], t.value[1], t.value[2], round(t.gain[0])], [26, 1, -0.5, 2.167]);
});

Deno.test("breast cancer: logloss 0.078 and error 0.029 after 100 rounds; λ and γ effects", () => {
  const cancer = loadBreastCancer();
  const sp = trainTestSplit(cancer.X as number[][], cancer.y as number[], {
    testSize: 0.3,
    seed: 1,
  });
  const booster = trainBooster(
    {
      objective: "binary:logistic",
      maxDepth: 3,
      learningRate: 0.1,
      treeMethod: "exact",
      evalMetric: ["logloss", "error"],
    },
    sp.XTrain,
    sp.yTrain,
    {
      numBoostRound: 100,
      evals: [{ name: "train", X: sp.XTrain, y: sp.yTrain }, {
        name: "valid",
        X: sp.XTest,
        y: sp.yTest,
      }],
    },
  );
  const log = booster.model.evalsResult!;
  assertEquals([round(log.valid.logloss[99]), round(log.valid.error[99])], [0.078, 0.029]);
  assert(log.train.logloss[99] < log.valid.logloss[99]);
  assert(boostedTreeToReadable(booster, 0, cancer.featureNames).children!.length === 2);
  const stats = (params: { lambda?: number; gamma?: number }) => {
    const b = trainBooster(
      { objective: "binary", maxDepth: 4, learningRate: 0.3, treeMethod: "exact", ...params },
      sp.XTrain,
      sp.yTrain,
      { numBoostRound: 20 },
    );
    const leafValues = b.model.trees.flatMap((t) =>
      Array.from(t.value).filter((_, k) => t.left[k] === -1)
    );
    return [leafValues.length, round(Math.max(...leafValues.map(Math.abs)))];
  };
  assertEquals([0, 1, 10, 100].map((lambda) => stats({ lambda })), [[161, 0.791], [140, 0.755], [
    148,
    0.579,
  ], [148, 0.186]]);
  assertEquals([0, 1, 5, 20].map((gamma) => stats({ gamma })[0]), [140, 106, 49, 30]);
});
