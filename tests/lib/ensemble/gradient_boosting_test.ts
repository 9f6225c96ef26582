/** The scikit-learn-style wrappers: fit/predict, JSON round trips, early stopping, bad input. */
import { assertAlmostEquals, assertEquals, assertThrows } from "@std/assert";
import { NotFittedError, ShapeError, ValueError } from "../../../lib/core/errors.ts";
import { Random } from "../../../lib/core/random.ts";
import {
  GradientBoostingClassifier,
  GradientBoostingRanker,
  GradientBoostingRegressor,
  trainBooster,
} from "../../../lib/ensemble/mod.ts";

const rng = new Random(11);
const X = Array.from({ length: 300 }, () => [rng.normal(), rng.normal(), rng.normal()]);
const yReg = X.map((x) => 2 * x[0] - x[1] * x[1] + 0.1 * rng.normal());
const yCls = X.map((x) => (x[0] + x[1] > 0.5 ? "b" : x[0] - x[2] > 0 ? "a" : "c"));

Deno.test("GradientBoostingRegressor fits, scores and round-trips through JSON", () => {
  const model = new GradientBoostingRegressor({ nEstimators: 50, learningRate: 0.2, maxDepth: 4 });
  model.fit(X.slice(0, 200), yReg.slice(0, 200));
  const r2 = model.score(X.slice(200), yReg.slice(200));
  if (!(r2 > 0.85)) throw new Error(`test R² ${r2}`);
  const copy = GradientBoostingRegressor.fromJSON(JSON.parse(JSON.stringify(model)));
  assertEquals(copy.predict(X.slice(200)), model.predict(X.slice(200)));
  assertEquals(model.booster.numRounds, 50);
  assertAlmostEquals([...model.featureImportances()].reduce((a, b) => a + b), 1, 1e-12);
});

Deno.test("GradientBoostingRegressor is trainBooster with the same params", () => {
  const model = new GradientBoostingRegressor({ nEstimators: 5, maxDepth: 2 }).fit(X, yReg);
  const b = trainBooster({ maxDepth: 2 }, X, yReg, { numBoostRound: 5 });
  assertEquals(model.predict(X), b.predict(X));
});

Deno.test("GradientBoostingClassifier: string labels, three classes, probabilities", () => {
  const model = new GradientBoostingClassifier({ nEstimators: 30, maxDepth: 3 });
  model.fit(X.slice(0, 200), yCls.slice(0, 200));
  assertEquals(model.classes, ["a", "b", "c"]);
  const proba = model.predictProba(X.slice(200, 205));
  for (const row of proba) assertAlmostEquals(row.reduce((a, b) => a + b), 1, 1e-12);
  const acc = model.score(X.slice(200), yCls.slice(200));
  if (!(acc > 0.85)) throw new Error(`test accuracy ${acc}`);
  assertEquals(model.booster.model.trees.length, 90);
});

Deno.test("GradientBoostingClassifier: binary, early stopping predicts with the best round", () => {
  const y = yCls.map((c) => (c === "b" ? 1 : 0));
  const model = new GradientBoostingClassifier({
    nEstimators: 300,
    learningRate: 1,
    lambda: 0,
    minChildWeight: 0,
    earlyStoppingRounds: 5,
  }).fit(X.slice(0, 200), y.slice(0, 200), { evalSet: { X: X.slice(200), y: y.slice(200) } });
  const best = model.bestIteration!;
  assertEquals(model.evalsResult.valid.logloss.length, best + 6);
  const atBest = model.booster.predict(X.slice(200), {
    iterationRange: [0, best + 1],
  }) as Float64Array;
  assertEquals(model.predictProba(X.slice(200)).map((r) => r[1]), Array.from(atBest));
});

Deno.test("GradientBoostingRanker: fit with groups, higher relevance scores higher", () => {
  const n = 200, group = new Array(20).fill(10);
  const y = X.slice(0, n).map((x) => (x[0] > 1 ? 2 : x[0] > 0 ? 1 : 0));
  const ranker = new GradientBoostingRanker({ nEstimators: 20 }).fit(X.slice(0, n), y, { group });
  const s = ranker.predict([[2, 0, 0], [-2, 0, 0]]);
  assertEquals(s[0] > s[1], true);
  assertThrows(
    () => new GradientBoostingRanker().fit(X.slice(0, n), y, { group: [100, 99] }),
    ValueError,
    "sum",
  );
  const copy = GradientBoostingRanker.fromJSON(JSON.stringify(ranker));
  assertEquals(copy.predict(X.slice(0, 5)), ranker.predict(X.slice(0, 5)));
});

Deno.test("wrappers: unknown options, not fitted, feature drift, missing values", () => {
  assertThrows(
    () => new GradientBoostingRegressor({ n_estimators: 3 } as never),
    ValueError,
    "Unknown option 'n_estimators'",
  );
  assertThrows(() => new GradientBoostingRegressor().predict([[1]]), NotFittedError);
  const model = new GradientBoostingRegressor({ nEstimators: 3 }).fit([[1, NaN], [2, 1], [3, 0]], [
    1,
    2,
    3,
  ]);
  assertThrows(() => model.predict([[1]]), ShapeError, "expecting 2 features");
  assertEquals(model.predict([[NaN, NaN]]).length, 1);
  assertThrows(
    () => new GradientBoostingClassifier({ boosting: "gbtree" }).fit([[1], [2]], [0, 1]),
    ValueError,
    '"gbdt", "rf", "dart", "goss"',
  );
  assertThrows(
    () => new GradientBoostingClassifier().fit([[1], [2]], [1, 1]),
    ValueError,
    "at least 2 classes",
  );
});
