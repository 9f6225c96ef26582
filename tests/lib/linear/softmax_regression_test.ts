import {
  assert,
  assertAlmostEquals,
  assertEquals,
  assertGreaterOrEqual,
  assertThrows,
} from "@std/assert";
import {
  Matrix,
  NotFittedError,
  Random,
  ShapeError,
  trainTestSplit,
  ValueError,
} from "../../../lib/core/mod.ts";
import { loadDigits } from "../../../lib/data/mod.ts";
import { SoftmaxRegression } from "../../../lib/linear/softmax_regression.ts";
import { MultinomialLogisticObjective } from "../../../lib/linear/logistic_objective.ts";
import { logSumExp, softmax } from "../../../lib/linear/softmax.ts";

/** The chapter's split: digits pixels / 16, stratified, 25% test, seed 0. */
function digitsSplit() {
  const { X, y } = loadDigits();
  const Xs = X.map((row) => row.map((v) => v / 16));
  return trainTestSplit(Xs, y, { testSize: 0.25, seed: 0, stratify: y });
}

Deno.test("softmax / logSumExp: rows sum to 1, shift invariance, no overflow", () => {
  const P = softmax([[1, 2, 3], [0, 0, 0], [1000, 1000, -1000]]);
  for (let i = 0; i < 3; i++) assertAlmostEquals(P.row(i).reduce((a, b) => a + b, 0), 1, 1e-15);
  const e = [1, Math.E, Math.E ** 2], s = e[0] + e[1] + e[2];
  e.forEach((v, k) => assertAlmostEquals(P.get(0, k), v / s, 1e-15));
  assertEquals(Array.from(P.row(1)), [1 / 3, 1 / 3, 1 / 3]);
  assertEquals(Array.from(P.row(2)), [0.5, 0.5, 0]);
  assertEquals(logSumExp([1000, 1000]), 1000 + Math.LN2);
  assertEquals(logSumExp([-1000, -1000]), -1000 + Math.LN2);
  assertAlmostEquals(logSumExp([1, 2, 3]), 1 + Math.log(s), 1e-15); // e¹ + e² + e³ = e·s
});

Deno.test("digits (pixels / 16), stratified 25% split, seed 0: test accuracy ≥ 0.93", () => {
  const { XTrain, XTest, yTrain, yTest } = digitsSplit();
  assertEquals([XTrain.length, XTest.length], [1347, 450]);
  const model = new SoftmaxRegression({ learningRate: 0.5, batchSize: 32, epochs: 30, seed: 0 })
    .fit(XTrain, yTrain, { evalSet: [XTest, yTest] });
  const accuracy = model.score(XTest, yTest);
  assertGreaterOrEqual(accuracy, 0.93);
  const h = model.history;
  assertEquals(h.testAccuracy!.at(-1), accuracy);
  assertEquals(h.trainAccuracy.at(-1), model.score(XTrain, yTrain));
  assertEquals(h.trainLoss.length, 30);
  assert(h.trainLoss[29] < h.trainLoss[0] / 3, "training loss should fall well below epoch 1's");
  assertEquals(model.coef.shape, [10, 64]);
});

Deno.test("one full-batch epoch is one gradient step on the mean cross-entropy", () => {
  const rng = new Random(5);
  const n = 50, p = 3, K = 4;
  const X = new Matrix(n, p, rng.normalArray(n * p));
  const y = Array.from({ length: n }, () => rng.int(K));
  const lr = 0.7, seed = 11;
  const model = new SoftmaxRegression({ learningRate: lr, batchSize: n, epochs: 1, seed }).fit(
    X,
    y,
  );
  // Initial weights as the model draws them: W ~ N(0, 0.01²) from Random(seed), b = 0.
  const w0 = new Random(seed).normalArray(K * p, 0, 0.01);
  const theta = new Float64Array(K * (p + 1));
  for (let k = 0; k < K; k++) theta.set(w0.subarray(k * p, (k + 1) * p), k * (p + 1));
  const objective = new MultinomialLogisticObjective(
    { X, fitIntercept: true, alpha: 0 },
    Int32Array.from(y),
    K,
  );
  const grad = new Float64Array(theta.length);
  objective.valueAndGradient(theta, grad);
  const W = model.coef, b = model.intercept;
  for (let k = 0; k < K; k++) {
    for (let j = 0; j < p; j++) {
      assertAlmostEquals(W.get(k, j), theta[k * (p + 1) + j] - lr * grad[k * (p + 1) + j], 1e-14);
    }
    assertAlmostEquals(b[k], -lr * grad[k * (p + 1) + p], 1e-14);
  }
  // The recorded loss is the mean cross-entropy at the updated parameters.
  const after = theta.map((t, a) => t - lr * grad[a]);
  assertAlmostEquals(model.history.trainLoss[0], objective.valueAndGradient(after, grad), 1e-14);
});

Deno.test("same seed, same model; another seed, another model; no evalSet, no test curves", () => {
  const { XTrain, yTrain } = digitsSplit();
  const a = new SoftmaxRegression({ epochs: 2, seed: 3 }).fit(XTrain, yTrain);
  const b = new SoftmaxRegression({ epochs: 2, seed: 3 }).fit(XTrain, yTrain);
  const c = new SoftmaxRegression({ epochs: 2, seed: 4 }).fit(XTrain, yTrain);
  assertEquals(a.coef.data, b.coef.data);
  assert(a.coef.data.some((v, i) => v !== c.coef.data[i]));
  assertEquals(a.history.testLoss, undefined);
  assertEquals(a.history.trainLoss.length, 2);
});

Deno.test("predictProba: softmax of decisionFunction, stable for huge inputs; string labels", () => {
  const X = [[0, 0], [1, 1], [2, 2], [3, 3], [0, 3], [3, 0]];
  const y = ["a", "a", "b", "b", "c", "c"];
  const model = new SoftmaxRegression({ epochs: 50, batchSize: 2, learningRate: 0.5 }).fit(X, y);
  assertEquals(model.classes, ["a", "b", "c"]);
  const big = [[1e6, -1e6]];
  const P = model.predictProba(big);
  assert(P.data.every(Number.isFinite));
  assertAlmostEquals(P.data.reduce((s, v) => s + v, 0), 1, 1e-12);
  const z = model.decisionFunction([[1, 2]]).data;
  const expected = softmax([Array.from(z)]).data;
  model.predictProba([[1, 2]]).data.forEach((v, k) => assertAlmostEquals(v, expected[k], 1e-15));
  assertEquals(model.predict(X).every((l) => ["a", "b", "c"].includes(l as string)), true);
});

Deno.test("toJSON / fromJSON round trip keeps weights and history", () => {
  const { XTrain, XTest, yTrain, yTest } = digitsSplit();
  const model = new SoftmaxRegression({ epochs: 2 }).fit(XTrain, yTrain, {
    evalSet: [XTest, yTest],
  });
  const restored = SoftmaxRegression.fromJSON(JSON.parse(JSON.stringify(model)));
  assertEquals(restored.predictProba(XTest).data, model.predictProba(XTest).data);
  assertEquals(restored.history, model.history);
  assertEquals(restored.options, model.options);
});

Deno.test("SoftmaxRegression: clear errors", () => {
  assertThrows(
    () => new SoftmaxRegression().fit([[1], [2]], ["x", "x"]),
    ValueError,
    'the data contains only one class: "x"',
  );
  assertThrows(() => new SoftmaxRegression().predictProba([[1]]), NotFittedError);
  const model = new SoftmaxRegression({ epochs: 1 }).fit([[0, 1], [1, 0]], [0, 1]);
  assertThrows(
    () => model.predictProba([[1]]),
    ShapeError,
    "X has 1 features, but SoftmaxRegression is expecting 2 features as input.",
  );
  assertThrows(
    () => model.fit([[0, NaN], [1, 0]], [0, 1]),
    ValueError,
    "X must contain only finite numbers. Got NaN at row 0, column 1.",
  );
  assertThrows(
    () => new SoftmaxRegression().fit([[0, 1], [1, 0]], [0, 1], { evalSet: [[[1]], [0]] }),
    ShapeError,
    "evalSet X has 1 features, but X has 2 features.",
  );
  assertThrows(
    () => new SoftmaxRegression().fit([[0, 1], [1, 0]], [0, 1], { evalSet: [[[1, 1]], [5]] }),
    ValueError,
    "label not seen in fit: 5",
  );
  assertThrows(
    () => new SoftmaxRegression({ batchSize: 0 }),
    ValueError,
    "The 'batchSize' option must be an integer >= 1. Got 0 instead.",
  );
  assertThrows(() => new SoftmaxRegression({ learningRate: -1 }), ValueError, "'learningRate'");
});
