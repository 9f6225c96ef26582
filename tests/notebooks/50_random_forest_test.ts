/** The functions notebooks/50_random_forest.ipynb uses, with the numbers it shows and claims. */
import { assert, assertAlmostEquals, assertEquals } from "@std/assert";
import {
  bootstrapCounts,
  impliedCorrelation,
  inBagProbability,
  loadBreastCancer,
  Random,
  RandomForestClassifier,
  RandomForestRegressor,
  runningAverages,
  varianceByTrees,
} from "../../lib/mod.ts";
import { headingIs, modelSections, sectionHeadings, sourceNotebook } from "../support/notebooks.ts";

Deno.test("notebook has the model sections and reading notes", () => {
  const headings = sectionHeadings(sourceNotebook("50_random_forest"));
  for (const s of [...modelSections, "阅读笔记"]) {
    assert(headings.some((h) => headingIs(h, s)), `missing "## ${s}" in ${headings}`);
  }
});

const cancer = loadBreastCancer();
const isTest = (_: unknown, i: number) => i % 4 === 0,
  isTrain = (_: unknown, i: number) => i % 4 !== 0;
const XTrain = cancer.X.filter(isTrain), yTrain = cancer.y.filter(isTrain);
const XTest = cancer.X.filter(isTest), yTest = cancer.y.filter(isTest);

Deno.test("bootstrap: 1-(1-1/N)^N = 0.6326 for N = 426; one draw holds 63.85% of the rows", () => {
  const n = XTrain.length;
  assertEquals(n, 426);
  assertEquals(inBagProbability(n).toFixed(4), "0.6326");
  assertAlmostEquals(inBagProbability(1e6), 1 - Math.exp(-1), 1e-6);
  const counts = bootstrapCounts(n, n, new Random(0));
  assertEquals((counts.filter((c) => c > 0).length / n).toFixed(4), "0.6385");
  assertEquals([0, 1, 2, 3, 4].map((k) => counts.filter((c) => c === k).length), [
    154,
    152,
    90,
    26,
    4,
  ]);
});

Deno.test("accuracy and OOB vs the number of trees (the table the notebook shows)", () => {
  const sizes = [1, 2, 5, 10, 20, 50, 100];
  const forest = new RandomForestClassifier({ nEstimators: 100, seed: 0, oobScore: true }).fit(
    XTrain,
    yTrain,
  );
  const accuracy = (p: Float64Array) =>
    yTest.filter((y, i) => (p[2 * i + 1] > p[2 * i] ? 1 : 0) === y).length / yTest.length;
  const test = runningAverages(forest, XTest, sizes).map((p) => +accuracy(p).toFixed(4));
  assertEquals(test, [0.9021, 0.8881, 0.9301, 0.951, 0.951, 0.965, 0.958]);
  // The 100-tree running average is the forest's own prediction.
  assertEquals(+forest.score(XTest, yTest).toFixed(4), 0.958);
  const oob = [1, 10, 100].map((b) =>
    +new RandomForestClassifier({ nEstimators: b, seed: 0, oobScore: true }).fit(XTrain, yTrain)
      .oobScore.toFixed(4)
  );
  assertEquals(oob, [0.561, 0.9319, 0.9554]);
});

Deno.test("decorrelation on Friedman #1: smaller maxFeatures, smaller ρ and a lower variance floor", () => {
  function friedman1(nSamples: number, seed: number) {
    const rng = new Random(seed);
    const X = Array.from(
      { length: nSamples },
      () => Array.from({ length: 10 }, () => rng.uniform()),
    );
    const y = X.map((x) =>
      10 * Math.sin(Math.PI * x[0] * x[1]) + 20 * (x[2] - 0.5) ** 2 + 10 * x[3] + 5 * x[4] +
      rng.normal()
    );
    return { X, y };
  }
  const probe = friedman1(100, 999);
  const Bs = [1, 2, 5, 10, 20, 40];
  const study = [1, 10].map((maxFeatures) => {
    const forests = [0, 1, 2, 3, 4].map((r) => {
      const { X, y } = friedman1(200, r);
      return new RandomForestRegressor({ nEstimators: 40, maxFeatures, seed: r }).fit(X, y);
    });
    const V = varianceByTrees(forests, probe.X, Bs);
    return { V, rho: impliedCorrelation(V[0], V[5], 40) };
  });
  // The notebook's table: σ² 21.135 / 11.084, V(40) 0.864 / 1.628, ρ 0.016 / 0.125.
  assertEquals(study.map((s) => +s.V[0].toFixed(3)), [21.135, 11.084]);
  assertEquals(study.map((s) => +s.V[5].toFixed(3)), [0.864, 1.628]);
  assertEquals(study.map((s) => +s.rho.toFixed(3)), [0.016, 0.125]);
  // V(B) decreases with B.
  for (const s of study) for (let k = 1; k < Bs.length; k++) assert(s.V[k] < s.V[k - 1]);
});
