/**
 * The functions notebooks/14_metrics.ipynb uses, with the numbers it relies on: d2l §3.6's
 * cross-entropy example, scikit-learn's documented examples, and the identities the notebook
 * states (F1 from counts, AUC = Mann–Whitney, micro F1 = accuracy, balanced OvR = OvO).
 */
import { assert, assertAlmostEquals, assertEquals, assertGreater } from "@std/assert";
import { loadBreastCancer, loadIris } from "../../lib/mod.ts";
import {
  accuracyScore,
  auc,
  averagePrecisionScore,
  classificationReport,
  confusionMatrix,
  crossEntropyLoss,
  dcgScore,
  f1Score,
  logLoss,
  meanSquaredError,
  meanSquaredErrorGradient,
  ndcgScore,
  precisionRecallCurve,
  precisionRecallFscoreSupport,
  precisionScore,
  r2Score,
  recallScore,
  rocAucScore,
  rocCurve,
} from "../../lib/metrics/mod.ts";
import { cellSource, sourceNotebook } from "../support/notebooks.ts";

Deno.test("d2l §3.6: cross-entropy [2.3026, 0.6931] and accuracy 0.5", () => {
  const yHat = [[0.1, 0.3, 0.6], [0.3, 0.2, 0.5]];
  const y = [0, 2];
  const [a, b] = crossEntropyLoss(yHat, y, { reduction: "none" });
  assertAlmostEquals(a, 2.3026, 5e-5);
  assertAlmostEquals(b, 0.6931, 5e-5);
  const argmax = yHat.map((row) => row.indexOf(Math.max(...row)));
  assertEquals(accuracyScore(y, argmax), 0.5);
});

Deno.test("regression section: scikit-learn's example and the MSE gradient", () => {
  const yTrue = [3, -0.5, 2, 7], yPred = [2.5, 0, 2, 8];
  assertEquals(meanSquaredError(yTrue, yPred), 0.375);
  assertEquals(meanSquaredError(yTrue, yPred, { sampleWeight: [1, 1, 1, 2] }), 0.5);
  assertAlmostEquals(r2Score(yTrue, yPred), 0.9486081370449679, 1e-15);
  const g = meanSquaredErrorGradient(yTrue, yPred);
  assertEquals(g, [-0.25, 0.25, 0, 0.5]); // 2 (ŷ − y) / 4
});

const cancer = loadBreastCancer();
const y = cancer.y;
const score = cancer.X.map((row) => row[cancer.featureNames.indexOf("worst concave points")]);

Deno.test("breast cancer: P, R, F1 from the confusion matrix equal the library's", () => {
  assertEquals(cancer.targetNames, ["malignant", "benign"]);
  const predicted = score.map((s) => (s > 0.14 ? 0 : 1));
  const [[tp, fn], [fp, tn]] = confusionMatrix(y, predicted);
  assertEquals(tp + fn + fp + tn, 569);
  assertEquals(accuracyScore(y, predicted), (tp + tn) / 569);
  assertEquals(precisionScore(y, predicted, { posLabel: 0 }), tp / (tp + fp));
  assertEquals(recallScore(y, predicted, { posLabel: 0 }), tp / (tp + fn));
  assertAlmostEquals(f1Score(y, predicted, { posLabel: 0 }), (2 * tp) / (2 * tp + fp + fn), 1e-15);
});

Deno.test("breast cancer: ROC AUC is the Mann–Whitney probability; flipping the class gives 1 − AUC", () => {
  const pos = score.filter((_, i) => y[i] === 0), neg = score.filter((_, i) => y[i] === 1);
  let wins = 0;
  for (const p of pos) for (const n of neg) wins += p > n ? 1 : p === n ? 0.5 : 0;
  const aucMalignant = rocAucScore(y.map((v) => 1 - v), score);
  assertAlmostEquals(aucMalignant, wins / (pos.length * neg.length), 1e-12);
  const { fpr, tpr, thresholds } = rocCurve(y, score, { posLabel: 0 });
  assertAlmostEquals(auc(fpr, tpr), aucMalignant, 1e-12);
  assertEquals(thresholds[0], Math.max(...score) + 1); // scikit-learn 1.2's first threshold
  assertAlmostEquals(rocAucScore(y, score), 1 - aucMalignant, 1e-12);
  assertGreater(aucMalignant, 0.95);
});

Deno.test("breast cancer: AP is the step area, below the trapezoid's optimistic one", () => {
  const pr = precisionRecallCurve(y, score, { posLabel: 0 });
  const ap = averagePrecisionScore(y, score, { posLabel: 0 });
  let steps = 0;
  for (let i = 0; i < pr.recall.length - 1; i++) {
    steps += (pr.recall[i] - pr.recall[i + 1]) * pr.precision[i];
  }
  assertAlmostEquals(ap, steps, 1e-12);
  assertGreater(auc(pr.recall, pr.precision), ap);
});

Deno.test("iris centroid model: micro F1 = accuracy, diagonal = recall, balanced OvR = OvO", () => {
  const iris = loadIris();
  const sepal = iris.X.map((row) => [row[0], row[1]]);
  const centroids = [0, 1, 2].map((c) => {
    const rows = sepal.filter((_, i) => iris.y[i] === c);
    return [0, 1].map((j) => rows.reduce((sum, row) => sum + row[j], 0) / rows.length);
  });
  const proba = sepal.map((x) => {
    const e = centroids.map((mu) => Math.exp(-((x[0] - mu[0]) ** 2 + (x[1] - mu[1]) ** 2)));
    const z = e[0] + e[1] + e[2];
    return e.map((v) => v / z);
  });
  const pred = proba.map((p) => p.indexOf(Math.max(...p)));
  const micro = precisionRecallFscoreSupport(iris.y, pred, { average: "micro" });
  assertAlmostEquals(micro.fScore, accuracyScore(iris.y, pred), 1e-15);
  const recall = precisionRecallFscoreSupport(iris.y, pred).recall;
  const normalized = confusionMatrix(iris.y, pred, { normalize: "true" });
  recall.forEach((r, c) => assertAlmostEquals(normalized[c][c], r, 1e-15));
  assertAlmostEquals(
    rocAucScore(iris.y, proba, { multiClass: "ovr" }),
    rocAucScore(iris.y, proba, { multiClass: "ovo" }),
    1e-12,
  );
  const report = classificationReport(iris.y, pred, { targetNames: iris.targetNames });
  assert(report.text.includes("versicolor"));
  assertAlmostEquals(logLoss(iris.y, proba), crossEntropyLoss(proba, iris.y), 1e-12);
});

Deno.test("log loss clips: a confident mistake costs −log(2⁻⁵²) ≈ 36.04", () => {
  assertAlmostEquals(logLoss([0], [[0, 1]], { labels: [0, 1] }), 36.04365338911715, 1e-9);
});

Deno.test("NDCG section: DCG by hand and the averaged tie (10 + 5) / 2 / 10", () => {
  const relevance = [[10, 0, 0, 1, 5]];
  const scores = [[0.1, 0.2, 0.3, 4, 70]];
  const byHand = 5 / Math.log2(2) + 1 / Math.log2(3) + 10 / Math.log2(6);
  assertAlmostEquals(dcgScore(relevance, scores), byHand, 1e-12);
  assertAlmostEquals(ndcgScore(relevance, scores), 0.6956940443813076, 1e-15);
  assertEquals(ndcgScore(relevance, [[1, 0, 0, 0, 1]], { k: 1 }), 0.75);
  assertEquals(ndcgScore(relevance, [[1, 0, 0, 0, 1]], { k: 1, ignoreTies: true }), 0.5);
});

Deno.test("the notebook imports the library and keeps its cells short", () => {
  const nb = sourceNotebook("14_metrics");
  const code = nb.cells.filter((c) => c.cell_type === "code").map(cellSource);
  assert(code[0].includes('from "../lib/metrics/mod.ts"'));
  // Logic lines: the import cell is exempt.
  const long = code.filter((src) => !src.startsWith("import") && src.split("\n").length > 25);
  assertEquals(long, [], "cells longer than 25 lines belong in lib/");
});
