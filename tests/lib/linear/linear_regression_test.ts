import {
  assertAlmostEquals,
  assertEquals,
  assertGreater,
  assertLess,
  assertThrows,
} from "@std/assert";
import type * as tfTypes from "@tensorflow/tfjs";
import { loadTf } from "../../support/tfjs.ts";
import { LinearRegression, squaredLoss, squaredLossGradient } from "../../../lib/linear/mod.ts";
import { Matrix, NotFittedError, Random, ShapeError, ValueError } from "../../../lib/core/mod.ts";
import { loadDiabetes } from "../../../lib/data/mod.ts";

const fixture = JSON.parse(
  Deno.readTextFileSync(new URL("../../fixtures/linear_regression_diabetes.json", import.meta.url)),
);

/** y = X w + b + N(0, noise²), X ~ N(0, 1). */
function linearData(w: number[], b: number, n: number, noise: number, seed: number) {
  const rng = new Random(seed);
  const X = Array.from({ length: n }, () => w.map(() => rng.normal()));
  const y = X.map((x) => x.reduce((s, v, j) => s + v * w[j], b) + rng.normal(0, noise));
  return { X, y };
}

Deno.test("closed form recovers an exact linear relation", () => {
  const model = new LinearRegression().fit([[1, 0], [0, 1], [1, 1], [2, 3]], [3, -2, 0, -4]);
  // y = 2 x1 - 3 x2 + 1 holds exactly for every row.
  assertAlmostEquals(model.coef[0], 2, 1e-12);
  assertAlmostEquals(model.coef[1], -3, 1e-12);
  assertAlmostEquals(model.intercept, 1, 1e-12);
  assertAlmostEquals(model.predict([[10, 10]])[0], -9, 1e-10);
  assertAlmostEquals(model.score([[1, 0], [0, 1]], [3, -2]), 1, 1e-12);
});

Deno.test("fitIntercept false fits through the origin", () => {
  const model = new LinearRegression({ fitIntercept: false }).fit([[1], [2], [3]], [2, 4, 7]);
  // w = Σxy / Σx² = (2 + 8 + 21) / 14
  assertAlmostEquals(model.coef[0], 31 / 14, 1e-12);
  assertEquals(model.intercept, 0);
});

Deno.test("matches scikit-learn's LinearRegression on diabetes to 1e-6", () => {
  const { X, y } = loadDiabetes();
  assertEquals(y.length, fixture.nSamples);
  for (const [name, fitIntercept] of [["fitIntercept", true], ["noIntercept", false]] as const) {
    const expected = fixture.cases[name];
    const model = new LinearRegression({ fitIntercept }).fit(X, y);
    expected.coef.forEach((c: number, j: number) =>
      assertAlmostEquals(model.coef[j], c, 1e-6, `${name} coef[${j}]`)
    );
    assertAlmostEquals(model.intercept, expected.intercept, 1e-6, `${name} intercept`);
    assertAlmostEquals(model.score(X, y), expected.r2, 1e-10);
    const yHat = model.predict(X.slice(0, 5));
    expected.firstPredictions.forEach((p: number, i: number) =>
      assertAlmostEquals(yHat[i], p, 1e-6)
    );
  }
});

Deno.test("translating y shifts only the intercept", () => {
  const { X, y } = linearData([1.5, -0.5, 2], 0.3, 50, 0.1, 3);
  const a = new LinearRegression().fit(X, y);
  const b = new LinearRegression().fit(X, y.map((v) => v + 100));
  for (let j = 0; j < 3; j++) assertAlmostEquals(a.coef[j], b.coef[j], 1e-9);
  assertAlmostEquals(b.intercept - a.intercept, 100, 1e-9);
});

Deno.test("SGD reproduces d2l's setting: loss at the noise floor, errors below 1e-3", () => {
  const { X, y } = linearData([2, -3.4], 4.2, 1000, 0.01, 0);
  const model = new LinearRegression({
    solver: "sgd",
    learningRate: 0.03,
    batchSize: 10,
    epochs: 3,
    seed: 0,
  }).fit(X, y);
  assertEquals(model.lossHistory.length, 3);
  assertLess(model.lossHistory[2], 1e-4); // ½ · 0.01² = 5e-5 is the floor
  assertGreater(model.lossHistory[2], 2e-5);
  assertLess(Math.abs(model.coef[0] - 2), 1e-3);
  assertLess(Math.abs(model.coef[1] + 3.4), 1e-3);
  assertLess(Math.abs(model.intercept - 4.2), 1e-3);
});

Deno.test("same seed, same SGD model; another seed, another path", () => {
  const { X, y } = linearData([1, 2], 0, 200, 0.5, 1);
  const fit = (seed: number) => new LinearRegression({ solver: "sgd", seed }).fit(X, y);
  assertEquals(fit(7).coef, fit(7).coef);
  assertEquals(fit(7).lossHistory, fit(7).lossHistory);
  const other = fit(8).coef;
  assertGreater(Math.abs(other[0] - fit(7).coef[0]), 0);
});

Deno.test("hand-derived gradient equals central finite differences", () => {
  const { X, y } = linearData([0.7, -1.2, 0.4], -0.5, 30, 0.3, 5);
  const Xm = Matrix.from2D(X), yv = Float64Array.from(y);
  const w = [0.1, 0.2, -0.3], b = 0.05, h = 1e-6;
  const rows = [3, 7, 11, 19, 29];
  const batchLoss = (wv: number[], bv: number) =>
    squaredLoss(Xm.selectRows(rows), Float64Array.from(rows, (i) => yv[i]), wv, bv);
  const g = squaredLossGradient(Xm, yv, w, b, rows);
  for (let j = 0; j < w.length; j++) {
    const up = w.slice(), down = w.slice();
    up[j] += h;
    down[j] -= h;
    assertAlmostEquals(g.w[j], (batchLoss(up, b) - batchLoss(down, b)) / (2 * h), 1e-7);
  }
  assertAlmostEquals(g.b, (batchLoss(w, b + h) - batchLoss(w, b - h)) / (2 * h), 1e-7);
});

Deno.test("hand-derived gradient equals tfjs autodiff (tf.grads)", async () => {
  const tf = await loadTf();
  const { X, y } = linearData([2, -3.4], 4.2, 20, 0.01, 2);
  const w = [0.3, -0.1], b = 0.2;
  const ours = squaredLossGradient(Matrix.from2D(X), Float64Array.from(y), w, b);
  const Xt = tf.tensor2d(X), yt = tf.tensor1d(y);
  const loss = (wt: tfTypes.Tensor, bt: tfTypes.Tensor) =>
    Xt.matMul(wt.reshape([2, 1])).reshape([-1]).add(bt).sub(yt).square().mul(0.5).mean();
  const [gw, gb] = tf.grads(loss)([tf.tensor1d(w), tf.scalar(b)]);
  const tw = gw.dataSync(), tb = gb.dataSync()[0];
  // tfjs computes in float32: compare to its precision.
  for (let j = 0; j < 2; j++) assertAlmostEquals(ours.w[j], tw[j], 1e-4 * (1 + Math.abs(tw[j])));
  assertAlmostEquals(ours.b, tb, 1e-4 * (1 + Math.abs(tb)));
});

Deno.test("toJSON/fromJSON round trip predicts identically", () => {
  const { X, y } = linearData([1, -1], 2, 40, 0.1, 9);
  for (const solver of ["lstsq", "sgd"] as const) {
    const model = new LinearRegression({ solver }).fit(X, y);
    const restored = LinearRegression.fromJSON(JSON.parse(JSON.stringify(model)));
    assertEquals(restored.predict(X), model.predict(X));
    assertEquals(restored.lossHistory, model.lossHistory);
    assertEquals(restored.options, model.options);
  }
  const bad = { ...new LinearRegression().fit(X, y).toJSON(), className: "Ridge" };
  assertThrows(() => LinearRegression.fromJSON(bad), ValueError, "Ridge");
});

Deno.test("bad input gets a clear error", () => {
  const model = new LinearRegression();
  assertThrows(() => model.predict([[1]]), NotFittedError, "not fitted yet");
  assertThrows(() => model.coef, NotFittedError);
  assertThrows(() => model.fit([[1, 2], [3]], [1, 2]), ShapeError, "row 1 has 1");
  assertThrows(() => model.fit([[1], [2]], [1, 2, 3]), ShapeError, "y has 3 values");
  assertThrows(() => model.fit([[1], [Infinity]], [1, 2]), ValueError, "Infinity at row 1");
  assertThrows(() => model.fit([[1], [2]], [1, NaN]), ValueError, "NaN at index 1");
  assertThrows(() => model.fit([], []), ValueError, "at least one sample");
  assertThrows(() => model.fit([1, 2] as never, [1, 2]), ShapeError, "must be 2-D");
  model.fit([[1, 2], [2, 1], [0, 0]], [1, 2, 3]);
  assertThrows(() => model.predict([[1, 2, 3]]), ShapeError, "X has 3 features");
  assertThrows(() => new LinearRegression({ solver: "adam" as never }), ValueError, "'solver'");
  assertThrows(() => new LinearRegression({ batchSize: 0 }), ValueError, "'batchSize'");
  assertThrows(() => new LinearRegression({ learningRate: -1 }), ValueError, "Got -1");
  assertThrows(() => new LinearRegression({ lr: 1 } as never), ValueError, "Unknown option 'lr'");
});
