import {
  assert,
  assertAlmostEquals,
  assertEquals,
  assertGreater,
  assertLess,
  assertNotEquals,
  assertThrows,
} from "@std/assert";
import { Matrix, NotFittedError, ShapeError, ValueError } from "../../../lib/core/mod.ts";
import { loadDiabetes } from "../../../lib/data/mod.ts";
import { MLPClassifier, MLPRegressor, trainWithProgress } from "../../../lib/nn/mod.ts";
import { ProgressDisplay, showProgress } from "../../../lib/plot/mod.ts";

const XOR_X = [[0, 0], [0, 1], [1, 0], [1, 1]];
const XOR_Y = ["no", "yes", "yes", "no"];

function xorModel(extra = {}) {
  return new MLPClassifier({
    hiddenLayerSizes: [8],
    activation: "tanh",
    learningRate: 0.05,
    maxIter: 300,
    tol: 0,
    ...extra,
  });
}

Deno.test("MLPClassifier learns XOR (not linearly separable) with string labels", () => {
  const model = xorModel().fit(XOR_X, XOR_Y);
  assertEquals(model.classes, ["no", "yes"]);
  assertEquals(model.predict(XOR_X), XOR_Y);
  assertEquals(model.score(XOR_X, XOR_Y), 1);
  const P = model.predictProba(XOR_X);
  for (let i = 0; i < 4; i++) assertAlmostEquals(P.row(i)[0] + P.row(i)[1], 1, 1e-12);
  assertEquals(model.coefs.map((w) => w.shape), [[2, 8], [8, 2]]);
  assertEquals(model.intercepts.map((b) => b.length), [8, 2]);
  assertEquals(model.nIter, 300);
  assertLess(model.lossHistory[299], 0.1 * model.lossHistory[0]);
});

Deno.test("same seed gives the same model; another seed another one", () => {
  const a = xorModel({ maxIter: 20 }).fit(XOR_X, XOR_Y);
  const b = xorModel({ maxIter: 20 }).fit(XOR_X, XOR_Y);
  const c = xorModel({ maxIter: 20, seed: 1 }).fit(XOR_X, XOR_Y);
  assertEquals(Array.from(a.coefs[0].data), Array.from(b.coefs[0].data));
  assertNotEquals(Array.from(a.coefs[0].data), Array.from(c.coefs[0].data));
});

Deno.test("every optimizer, activation, dropout and the cosine schedule train XOR", () => {
  const configs = [
    { optimizer: "sgd", learningRate: 0.1 },
    { optimizer: "rmsprop", learningRate: 0.01 },
    { optimizer: "adagrad", learningRate: 0.2 },
    { optimizer: "ftrl", learningRate: 0.5 },
    { activation: "relu", hiddenLayerSizes: [16], init: "he" },
    { activation: "sigmoid", learningRate: 0.1 },
    { activation: "gelu", hiddenLayerSizes: [16] },
    { dropout: 0.1, hiddenLayerSizes: [32], maxIter: 500 },
    { learningRateSchedule: "cosine", learningRate: 0.1 },
  ] as const;
  for (const config of configs) {
    const model = xorModel(config).fit(XOR_X, XOR_Y);
    assertEquals(model.predict(XOR_X), XOR_Y, JSON.stringify(config));
  }
});

Deno.test("scikit-learn's stopping rule: more than nIterNoChange epochs without a tol gain", () => {
  // Epoch 1 sets the best loss; epochs 2-5 fail to beat it by tol = 10, and the count 4 > 3
  // stops training: 5 epochs, as scikit-learn's MLPClassifier(tol=10, n_iter_no_change=3).
  const model = xorModel({ maxIter: 500, tol: 10, nIterNoChange: 3 }).fit(XOR_X, XOR_Y);
  assertEquals(model.nIter, 5);
});

Deno.test("fitEpochs yields each epoch and ends in the model fit() makes", () => {
  const a = xorModel({ maxIter: 15 });
  const epochs = [...a.fitEpochs(XOR_X, XOR_Y)].map((e) => e.epoch);
  assertEquals(epochs, Array.from({ length: 15 }, (_, i) => i + 1));
  const b = xorModel({ maxIter: 15 }).fit(XOR_X, XOR_Y);
  assertEquals(Array.from(a.coefs[1].data), Array.from(b.coefs[1].data));
});

Deno.test("trainWithProgress: one line per epoch, same weights as fit, curves returned", async () => {
  const lines: string[] = [];
  const model = xorModel({ maxIter: 12 });
  const history = await trainWithProgress(model, XOR_X, XOR_Y, {
    XTest: XOR_X,
    yTest: XOR_Y,
    every: 5,
    onEpoch: showProgress(new ProgressDisplay((line) => lines.push(line))),
  });
  assertEquals(lines.length, 4); // epochs 5, 10, 12, and the final line again
  assert(lines[0].startsWith("epoch 5/12  loss "));
  assert(lines[3].includes("train acc") && lines[3].includes("test acc"));
  assertEquals(history.loss, model.lossHistory);
  assertEquals(history.trainScore.length, 12);
  assertEquals(history.testScore, history.trainScore);
  const ref = xorModel({ maxIter: 12 }).fit(XOR_X, XOR_Y);
  assertEquals(Array.from(model.coefs[0].data), Array.from(ref.coefs[0].data));
});

Deno.test("toJSON/fromJSON round trip predicts identically", () => {
  const model = xorModel({ maxIter: 50 }).fit(XOR_X, XOR_Y);
  const restored = MLPClassifier.fromJSON(JSON.stringify(model.toJSON()));
  assertEquals(restored.predictProba(XOR_X).toArray(), model.predictProba(XOR_X).toArray());
  assertEquals(restored.classes, model.classes);
  assertEquals(restored.lossHistory, model.lossHistory);
  assertEquals(restored.options, model.options);
  assertThrows(
    () => MLPRegressor.fromJSON(model.toJSON()),
    ValueError,
    "this is a MLPClassifier model, not a MLPRegressor model",
  );
});

Deno.test("bad input and options give clear errors", () => {
  assertThrows(
    () => new MLPClassifier().predict(XOR_X),
    NotFittedError,
    "This MLPClassifier instance is not fitted yet",
  );
  const model = xorModel({ maxIter: 2 }).fit(XOR_X, XOR_Y);
  assertThrows(
    () => model.predict([[1, 2, 3]]),
    ShapeError,
    "X has 3 features, but MLPClassifier is expecting 2 features as input.",
  );
  assertThrows(() => xorModel().fit(XOR_X, ["a", "a", "a", "a"]), ValueError, "at least 2 classes");
  assertThrows(
    () => xorModel().fit(XOR_X, [0, 1]),
    ShapeError,
    "y has 2 values, but X has 4 samples",
  );
  assertThrows(
    () => xorModel().fit([[0, NaN]], [0]),
    ValueError,
    "X must contain only finite numbers",
  );
  assertThrows(
    () => new MLPClassifier({ maxIter: 0 }),
    ValueError,
    "The 'maxIter' option must be an integer >= 1. Got 0 instead.",
  );
  assertThrows(
    () => new MLPClassifier({ hiddenLayerSizes: [0] }),
    ValueError,
    "'hiddenLayerSizes'",
  );
  assertThrows(
    () => new MLPClassifier({ activation: "softplus" as never }),
    ValueError,
    "'activation'",
  );
  assertThrows(
    () => new MLPClassifier({ dropout: 1 }),
    ValueError,
    "'dropout' option must be below 1",
  );
  assertThrows(
    () => new MLPRegressor({ hidden: [3] } as never),
    ValueError,
    "Unknown option 'hidden'",
  );
  const divergent = new MLPRegressor({
    optimizer: "sgd",
    activation: "identity",
    learningRate: 1,
    maxIter: 1000,
    nIterNoChange: 1000,
  });
  assertThrows(
    () => divergent.fit(XOR_X, [1e3, -1e3, 1e3, -1e3]),
    ValueError,
    "Training diverged at epoch",
  );
});

Deno.test("MLPRegressor matches scikit-learn's R² on the diabetes split", () => {
  const fixture = JSON.parse(
    Deno.readTextFileSync(new URL("../../fixtures/mlp_diabetes.json", import.meta.url)),
  );
  const split = JSON.parse(
    Deno.readTextFileSync(new URL("../../fixtures/diabetes_split.json", import.meta.url)),
  );
  const { X, y } = loadDiabetes();
  const pick = (idx: number[]) => ({ X: idx.map((i) => X[i]), y: idx.map((i) => y[i]) });
  const train = pick(split.train), test = pick(split.test);
  const run = fixture.runs[0];
  const model = new MLPRegressor(run.options).fit(train.X, train.y);
  // Different random initial weights, same model, data and optimizer: R² within 0.03 and final
  // training losses within 2% of scikit-learn's.
  assertAlmostEquals(model.score(test.X, test.y), run.r2, 0.03);
  assertAlmostEquals(model.lossHistory.at(-1)! / run.lossCurve.at(-1), 1, 0.02);
  const restored = MLPRegressor.fromJSON(model.toJSON());
  assertEquals(Array.from(restored.predict(test.X)), Array.from(model.predict(test.X)));
});

Deno.test("MLPRegressor fits a smooth curve; score is R²", () => {
  const X = Array.from({ length: 60 }, (_, i) => [i / 30 - 1]);
  const y = X.map(([x]) => Math.sin(3 * x));
  const model = new MLPRegressor({
    hiddenLayerSizes: [32],
    activation: "tanh",
    learningRate: 0.05,
    maxIter: 800,
  })
    .fit(X, y);
  assertGreater(model.score(X, y), 0.98);
  assertEquals(model.predict(Matrix.from2D([[0]])).length, 1);
});

Deno.test("defaults are scikit-learn's MLP defaults (the fixture's sklearnDefaults run)", () => {
  const fixture = JSON.parse(
    Deno.readTextFileSync(new URL("../../fixtures/mlp_digits.json", import.meta.url)),
  );
  const run = fixture.runs.find((r: { name: string }) => r.name === "sklearnDefaults");
  const defaults = new MLPClassifier().options;
  for (const [key, value] of Object.entries(run.options)) {
    assertEquals(defaults[key as keyof typeof defaults], value, `option ${key}`);
  }
});

Deno.test("fit's onEpoch callback sees every epoch and changes nothing", () => {
  const seen: number[] = [];
  const a = xorModel({ maxIter: 7 }).fit(XOR_X, XOR_Y, { onEpoch: (e) => seen.push(e.epoch) });
  assertEquals(seen, [1, 2, 3, 4, 5, 6, 7]);
  const b = xorModel({ maxIter: 7 }).fit(XOR_X, XOR_Y);
  assertEquals(Array.from(a.coefs[0].data), Array.from(b.coefs[0].data));
});
