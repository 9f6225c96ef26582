/**
 * The functions notebooks/21_softmax_regression.ipynb uses, with d2l §3.4–3.6's numbers:
 * cross-entropy of y_hat = [[.1, .3, .6], [.3, .2, .5]] against y = [0, 2] is [2.3026, 0.6931],
 * accuracy 0.5; the gradient ŷ − y; and the chapter's digits run (test accuracy ≥ 0.93).
 */
import {
  assert,
  assertAlmostEquals,
  assertEquals,
  assertGreaterOrEqual,
  assertLess,
} from "@std/assert";
import {
  loadDigits,
  loadIris,
  LogisticRegression,
  logSumExp,
  softmax,
  SoftmaxRegression,
  StandardScaler,
  trainTestSplit,
} from "../../lib/mod.ts";
import { accuracyScore, crossEntropyLoss } from "../../lib/metrics/mod.ts";
import { headingIs, modelSections, sectionHeadings, sourceNotebook } from "../support/notebooks.ts";

const yHat = [[0.1, 0.3, 0.6], [0.3, 0.2, 0.5]];
const yTrue = [0, 2];

Deno.test("d2l §3.6: cross-entropy [2.3026, 0.6931] and accuracy 0.5", () => {
  const losses = crossEntropyLoss(yHat, yTrue, { reduction: "none" });
  assertAlmostEquals(losses[0], 2.3026, 5e-5);
  assertAlmostEquals(losses[1], 0.6931, 5e-5);
  const predicted = yHat.map((row) => row.indexOf(Math.max(...row)));
  assertEquals(predicted, [2, 2]);
  assertEquals(accuracyScore(yTrue, predicted), 0.5);
  // The same losses from logits log ŷ through the stable form logsumexp(o) − o_y.
  yHat.forEach((row, i) => {
    const o = row.map(Math.log);
    assertAlmostEquals(logSumExp(o) - o[yTrue[i]], losses[i], 1e-15);
  });
});

Deno.test("softmax: rows sum to 1; with K = 2 it is the sigmoid of the logit difference", () => {
  const P = softmax([[0.3, -1.2, 2.5, 0, 0.7], [1, 1, 1, 1, 1]]);
  P.sum(1).forEach((s) => assertAlmostEquals(s, 1, 1e-15));
  const z = 0.8;
  assertAlmostEquals(softmax([[0, z]]).get(0, 1), 1 / (1 + Math.exp(-z)), 1e-15);
});

Deno.test("log-sum-exp: the naive forms overflow, the stable ones give the exact values", () => {
  const big = [1000, 1001, 1002];
  const naiveSum = big.reduce((s, v) => s + Math.exp(v), 0);
  assertEquals(naiveSum, Infinity);
  assertAlmostEquals(logSumExp(big), 1002 + Math.log(1 + Math.exp(-1) + Math.exp(-2)), 1e-12);
  const p = softmax([big]).row(0);
  assert(p.every(Number.isFinite));
  // Loss with the true class's probability underflowing to 0: naive Infinity, stable 800.
  const logits = [0, 0, 800];
  assertEquals(-Math.log(1 / logits.reduce((s, v) => s + Math.exp(v), 0)), Infinity);
  assertEquals(logSumExp(logits) - logits[0], 800);
});

Deno.test("∂l/∂o = ŷ − y, checked by central differences on the d2l examples", () => {
  const h = 1e-6;
  yHat.forEach((row, i) => {
    const o = row.map(Math.log);
    const loss = (v: number[]) => logSumExp(v) - v[yTrue[i]];
    row.forEach((p, j) => {
      const numeric = (loss(o.with(j, o[j] + h)) - loss(o.with(j, o[j] - h))) / (2 * h);
      assertAlmostEquals(numeric, p - (j === yTrue[i] ? 1 : 0), 1e-8);
    });
  });
});

Deno.test("digits chapter run: d2l's settings under-train; batch 32, η 0.5, 30 epochs ≥ 0.93", () => {
  const digits = loadDigits();
  const Xd = digits.X.map((row) => row.map((v) => v / 16));
  const { XTrain, XTest, yTrain, yTest } = trainTestSplit(Xd, digits.y, {
    testSize: 0.25,
    seed: 0,
    stratify: digits.y,
  });
  const d2l = new SoftmaxRegression({ learningRate: 0.1, batchSize: 256, epochs: 10, seed: 0 })
    .fit(XTrain, yTrain);
  const tuned = new SoftmaxRegression({ learningRate: 0.5, batchSize: 32, epochs: 30, seed: 0 })
    .fit(XTrain, yTrain, { evalSet: [XTest, yTest] });
  const accuracy = tuned.score(XTest, yTest);
  assertGreaterOrEqual(accuracy, 0.93);
  assertLess(d2l.score(XTest, yTest), accuracy);
  const h = tuned.history;
  assertEquals([h.trainLoss.length, h.testLoss!.length, h.testAccuracy!.length], [30, 30, 30]);
});

Deno.test("iris petals, versicolor vs virginica: Newton (IRLS) fit, boundary wᵀx + b = 0", () => {
  const iris = loadIris();
  const keep = iris.y.flatMap((c, i) => (c > 0 ? [i] : []));
  const petals = new StandardScaler().fitTransform(keep.map((i) => [iris.X[i][2], iris.X[i][3]]));
  const species = keep.map((i) => iris.targetNames[iris.y[i]]);
  const model = new LogisticRegression({ solver: "newton" }).fit(petals, species);
  assert(model.converged);
  assertLess(model.nIter, 10);
  assertEquals(model.classes, ["versicolor", "virginica"]);
  assertGreaterOrEqual(model.score(petals, species), 0.9);
  // On the boundary the probability is exactly one half.
  const [w1, w2] = model.coef.row(0), b = model.intercept[0];
  const onBoundary = [[0.5, -(b + w1 * 0.5) / w2]];
  assertAlmostEquals(model.predictProba(onBoundary).get(0, 1), 0.5, 1e-12);
});

Deno.test("notebook 21 has the five model sections in order", () => {
  const headings = sectionHeadings(sourceNotebook("21_softmax_regression"));
  const positions = modelSections.map((s) => headings.findIndex((h) => headingIs(h, s)));
  assert(positions.every((p) => p >= 0), `missing sections in ${JSON.stringify(headings)}`);
  assertEquals([...positions].sort((a, b) => a - b), positions);
});
