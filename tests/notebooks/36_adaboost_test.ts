/** The functions notebooks/36_adaboost.ipynb uses, with the numbers it shows and claims. */
import { assert, assertAlmostEquals, assertEquals } from "@std/assert";
import { AdaBoostClassifier, type DecisionStump } from "../../lib/adaboost/mod.ts";
import { trainTestSplit } from "../../lib/core/mod.ts";
import { makeMoons } from "../../lib/data/mod.ts";
import { boostExample82 } from "../support/lihang.ts";
import { headingIs, modelSections, sectionHeadings, sourceNotebook } from "../support/notebooks.ts";

Deno.test("notebook has the model sections and reading notes", () => {
  const headings = sectionHeadings(sourceNotebook("36_adaboost"));
  for (const s of [...modelSections, "阅读笔记"]) {
    assert(headings.some((h) => headingIs(h, s)), `missing "## ${s}" in ${headings}`);
  }
});

const X81 = Array.from({ length: 10 }, (_, i) => [i]);
const y81 = [1, 1, 1, -1, -1, -1, 1, 1, 1, -1];

Deno.test("例8.1 table, rounding note, stagewise α and the error bound table", () => {
  const ada = new AdaBoostClassifier({ nEstimators: 3, algorithm: "book" }).fit(X81, y81);
  const stumps = ada.estimators as DecisionStump[];
  assertEquals(stumps.map((s) => s.threshold), [2.5, 8.5, 5.5]);
  assertEquals(Array.from(ada.estimatorErrors, (v) => v.toFixed(4)), [
    "0.3000",
    "0.2143",
    "0.1818",
  ]);
  assertEquals(Array.from(ada.estimatorWeights, (v) => v.toFixed(4)), [
    "0.4236",
    "0.6496",
    "0.7520",
  ]);
  assertEquals(ada.stagedScore(X81, y81).map((s) => Math.round((1 - s) * 10)), [3, 3, 0]);
  assertEquals((0.5 * Math.log(0.818 / 0.182)).toFixed(4), "0.7514");
  // golden-section argmin of (8.21) = αₘ
  for (let m = 0; m < 3; m++) {
    const fPrev = m === 0 ? new Float64Array(10) : (ada.decisionFunction(X81, m) as Float64Array);
    const G = stumps[m].predict(X81).map((k) => ada.classes[k as number] as number);
    const loss = (a: number) =>
      y81.reduce((s, y, i) => s + Math.exp(-y * fPrev[i]) * Math.exp(-y * a * G[i]), 0);
    let lo = 0, hi = 3;
    for (let it = 0; it < 200; it++) {
      const a = lo + 0.382 * (hi - lo), b = lo + 0.618 * (hi - lo);
      if (loss(a) < loss(b)) hi = b;
      else lo = a;
    }
    assertAlmostEquals((lo + hi) / 2, ada.estimatorWeights[m], 1e-6);
  }
  const e = Array.from(ada.estimatorErrors);
  const Z = e.map((em) => 2 * Math.sqrt(em * (1 - em)));
  const rows = [1, 2, 3].map((m) => {
    const f = ada.decisionFunction(X81, m) as Float64Array;
    const expLoss = y81.reduce((s, y, i) => s + Math.exp(-y * f[i]), 0) / 10;
    const prodZ = Z.slice(0, m).reduce((p, z) => p * z, 1);
    assertAlmostEquals(expLoss, prodZ, 1e-12); // 定理8.1's equality
    const gammaBound = Math.exp(-2 * e.slice(0, m).reduce((s, em) => s + (0.5 - em) ** 2, 0));
    return [prodZ.toFixed(4), gammaBound.toFixed(4)];
  });
  assertEquals(rows, [["0.9165", "0.9231"], ["0.7521", "0.7841"], ["0.5802", "0.6403"]]);
  const samme = new AdaBoostClassifier({ nEstimators: 3 }).fit(X81, y81);
  samme.estimatorWeights.forEach((a, m) =>
    assertAlmostEquals(a / ada.estimatorWeights[m], 2, 1e-12)
  );
});

Deno.test("例8.2 by trainBooster: the table's splits, leaves and losses", () => {
  const { booster, losses } = boostExample82();
  assertEquals(booster.model.trees.map((t) => t.threshold[0]), [6.5, 3.5, 6.5, 4.5, 6.5, 2.5]);
  assertEquals(booster.model.trees.map((t) => t.value[1].toFixed(4)), [
    "6.2367",
    "-0.5133",
    "0.1467",
    "-0.1608",
    "0.0715",
    "-0.1506",
  ]);
  assertEquals(losses.map((l) => l.toFixed(4)), [
    "1.9300",
    "0.8007",
    "0.4780",
    "0.3056",
    "0.2289",
    "0.1722",
  ]);
});

Deno.test("moons: final accuracies, bound above the training error", () => {
  const moons = makeMoons({ nSamples: 300, noise: 0.25, seed: 3 });
  const split = trainTestSplit(moons.X, moons.y, { testSize: 0.3, seed: 0 });
  const ytr = Array.from(split.yTrain), yte = Array.from(split.yTest);
  const ada = new AdaBoostClassifier({ nEstimators: 200, algorithm: "book" }).fit(
    split.XTrain,
    ytr,
  );
  assertEquals(ada.score(split.XTrain, ytr).toFixed(3), "1.000");
  assertEquals(ada.score(split.XTest, yte).toFixed(3), "0.922");
  let bound = 1;
  const train = ada.stagedScore(split.XTrain, ytr);
  ada.estimatorErrors.forEach((em, m) => {
    bound *= 2 * Math.sqrt(em * (1 - em));
    assert(1 - train[m] <= bound + 1e-12, `round ${m + 1}`);
  });
});
