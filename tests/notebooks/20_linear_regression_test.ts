/**
 * The functions notebooks/20_linear_regression.ipynb uses, with d2l §3.4's numbers:
 * true_w = [2, -3.4], true_b = 4.2, 1000 examples, noise 0.01, batch 10, lr 0.03, 3 epochs,
 * w ~ N(0, 0.01²), b = 0, loss (ŷ − y)²/2.
 */
import { assertAlmostEquals, assertEquals, assertGreater, assertLess } from "@std/assert";
import { LinearRegression, Matrix, squaredLoss, squaredLossGradient } from "../../lib/mod.ts";
import { syntheticData } from "../../lib/data/mod.ts";
import {
  meanSquaredError,
  meanSquaredErrorGradient,
  rootMeanSquaredError,
} from "../../lib/metrics/mod.ts";

const trueW = [2, -3.4], trueB = 4.2;
const { X, y } = syntheticData(trueW, trueB, 1000, { noise: 0.01, seed: 0 });

Deno.test("d2l data: 1000 examples of 2 features, y = Xw + b + N(0, 0.01²)", () => {
  assertEquals([X.length, X[0].length, y.length], [1000, 2, 1000]);
  const residual = y.map((v, i) => v - (X[i][0] * trueW[0] + X[i][1] * trueW[1] + trueB));
  const std = Math.sqrt(residual.reduce((s, r) => s + r * r, 0) / residual.length);
  assertAlmostEquals(std, 0.01, 0.001);
});

Deno.test("d2l training: per-epoch loss falls to the noise floor, errors below 1e-3", () => {
  const model = new LinearRegression({
    solver: "sgd",
    learningRate: 0.03,
    batchSize: 10,
    epochs: 3,
    initStd: 0.01,
    seed: 0,
  }).fit(X, y);
  const [e1, e2, e3] = model.lossHistory;
  assertLess(e2, e1);
  assertLess(e3, 1e-4); // the floor is ½ · 0.01² = 5e-5
  assertGreater(e3, 3e-5);
  assertLess(Math.abs(model.coef[0] - trueW[0]), 1e-3);
  assertLess(Math.abs(model.coef[1] - trueW[1]), 1e-3);
  assertLess(Math.abs(model.intercept - trueB), 1e-3);
});

Deno.test("closed form and SGD agree; MSE and RMSE of the fit sit at the noise", () => {
  const exact = new LinearRegression().fit(X, y);
  const sgd = new LinearRegression({ solver: "sgd", seed: 0 }).fit(X, y);
  for (let j = 0; j < 2; j++) assertAlmostEquals(exact.coef[j], sgd.coef[j], 1e-3);
  const yHat = Array.from(exact.predict(X));
  const mse = meanSquaredError(y, yHat);
  assertAlmostEquals(rootMeanSquaredError(y, yHat), Math.sqrt(mse), 1e-15);
  assertAlmostEquals(Math.sqrt(mse), 0.01, 0.001);
  // d2l's loss is half the MSE.
  assertAlmostEquals(
    squaredLoss(Matrix.from2D(X), Float64Array.from(y), exact.coef, exact.intercept),
    mse / 2,
    1e-15,
  );
});

Deno.test("the gradients the notebook derives: MSE w.r.t. ŷ and the loss w.r.t. w, b", () => {
  const yHat = [3, 1, 2], yTrue = [1, 1, 4];
  assertEquals(meanSquaredErrorGradient(yTrue, yHat), [4 / 3, 0, -4 / 3]);
  // At the true parameters the expected gradient vanishes; with 1000 samples it is small.
  const g = squaredLossGradient(Matrix.from2D(X), Float64Array.from(y), trueW, trueB);
  for (const v of [...g.w, g.b]) assertLess(Math.abs(v), 1e-3);
});
