/** The numbers notebooks/51_gbdt.ipynb shows: 李航 例8.2 step by step, and the diabetes case. */
import { assert, assertAlmostEquals, assertEquals } from "@std/assert";
import {
  GradientBoostingRegressor,
  loadDiabetes,
  partialDependence,
  trainTestSplit,
} from "../../lib/mod.ts";
import { boostExample82, EX82_X, EX82_Y } from "../support/lihang.ts";
import { headingIs, modelSections, sectionHeadings, sourceNotebook } from "../support/notebooks.ts";

const round = (v: number, d = 2) => Math.round(v * 10 ** d) / 10 ** d;

Deno.test("notebook has the model sections and reading notes", () => {
  const headings = sectionHeadings(sourceNotebook("51_gbdt"));
  for (const s of [...modelSections, "阅读笔记"]) {
    assert(headings.some((h) => headingIs(h, s)), `missing "## ${s}" in ${headings}`);
  }
});

// the book's run, written once for every 例8.2 test (stumps, η = 1, no regularisation, 6 rounds)
const { booster: stumps, losses: loss82 } = boostExample82();
const [X82, y82] = [EX82_X, EX82_Y];

Deno.test("例8.2: split points, leaf values and squared errors of the six stumps", () => {
  const trees = stumps.model.trees;
  assertEquals(trees.map((t) => t.threshold[0]), [6.5, 3.5, 6.5, 4.5, 6.5, 2.5]);
  assertEquals(trees.map((t) => round(t.value[1])), [6.24, -0.51, 0.15, -0.16, 0.07, -0.15]);
  assertEquals(trees.map((t) => round(t.value[2])), [8.91, 0.22, -0.22, 0.11, -0.11, 0.04]);
  assertEquals(loss82.map((v) => round(v)), [1.93, 0.8, 0.48, 0.31, 0.23, 0.17]);
});

Deno.test("例8.2: residual table columns r2 and f6", () => {
  const f = (m: number) =>
    Array.from(stumps.predict(X82, { iterationRange: [0, m] }) as Float64Array);
  assertEquals(y82.map((v, i) => round(v - f(1)[i])), [
    -0.68,
    -0.54,
    -0.33,
    0.16,
    0.56,
    0.81,
    -0.01,
    -0.21,
    0.09,
    0.14,
  ]);
  assertEquals(f(6).map((v) => round(v)), [
    5.63,
    5.63,
    5.82,
    6.55,
    6.82,
    6.82,
    8.95,
    8.95,
    8.95,
    8.95,
  ]);
});

Deno.test("diabetes: best rounds, best RMSE and R² for η = 0.3, 0.1, 0.03; PD of bmi rises", () => {
  const diabetes = loadDiabetes();
  const split = trainTestSplit(diabetes.X as number[][], diabetes.y as number[], {
    testSize: 0.25,
    seed: 0,
  });
  const models = [0.3, 0.1, 0.03].map((learningRate) =>
    new GradientBoostingRegressor({ nEstimators: 200, learningRate, maxDepth: 3, subsample: 0.8 })
      .fit(split.XTrain, split.yTrain, { evalSet: { X: split.XTest, y: split.yTest } })
  );
  const best = models.map((m) => {
    const r = m.evalsResult.valid.rmse;
    return [r.indexOf(Math.min(...r)) + 1, round(Math.min(...r))];
  });
  assertEquals(best, [[11, 56.9], [45, 57.5], [136, 57.27]]);
  assertEquals(models.map((m) => round(m.score(split.XTest, split.yTest), 3)), [
    0.279,
    0.41,
    0.487,
  ]);
  const imp = models[2].featureImportances("gain");
  assertAlmostEquals(imp.reduce((a, b) => a + b), 1, 1e-12);
  const bmi = diabetes.featureNames.indexOf("bmi");
  const pd = partialDependence((rows) => models[2].predict(rows), split.XTrain, bmi);
  assert(pd.average[19] - pd.average[0] > 50, `PD rises by ${pd.average[19] - pd.average[0]}`);
});
