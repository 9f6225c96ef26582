import { assert, assertAlmostEquals, assertEquals, assertThrows } from "@std/assert";
import {
  ExtraTreesClassifier,
  ExtraTreesRegressor,
  RandomForestClassifier,
  RandomForestRegressor,
} from "../../../lib/ensemble/mod.ts";
import { bootstrapCounts, featureSampler } from "../../../lib/ensemble/forest_tree.ts";
import { loadBreastCancer, loadDiabetes, loadWine } from "../../../lib/data/mod.ts";
import { NotFittedError, Random, ShapeError, ValueError } from "../../../lib/core/mod.ts";

interface Summary {
  mean: number;
  min: number;
  max: number;
}
const fixture: { cases: Record<string, { test: Summary; oob?: Summary }> } = JSON.parse(
  Deno.readTextFileSync(new URL("../../fixtures/forest_sklearn.json", import.meta.url)),
);

function split(load: () => { X: unknown; y: unknown }) {
  const { X, y } = load() as { X: number[][]; y: number[] };
  const test = (_: unknown, i: number) => i % 4 === 0,
    train = (_: unknown, i: number) => i % 4 !== 0;
  return { Xtr: X.filter(train), ytr: y.filter(train), Xte: X.filter(test), yte: y.filter(test) };
}

const SEEDS = [0, 1, 2];
const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;

/** Our scores over three seeds next to scikit-learn's over ten (same split, 100 trees). */
export const forestScores: Record<
  string,
  { test: number; oob?: number; sklearn: number; sklearnOob?: number }
> = {};

for (
  const [data, load, classification] of [
    ["wine", loadWine, true],
    ["breastCancer", loadBreastCancer, true],
    ["diabetes", loadDiabetes, false],
  ] as const
) {
  for (const kind of ["randomForest", "extraTrees"] as const) {
    Deno.test(`${kind} on ${data}: on par with scikit-learn (100 trees, 3 seeds)`, () => {
      const { Xtr, ytr, Xte, yte } = split(load);
      const ref = fixture.cases[`${data}/${kind}`];
      const tests: number[] = [], oobs: number[] = [];
      for (const seed of SEEDS) {
        const oobScore = kind === "randomForest";
        const model = classification
          ? (kind === "randomForest"
            ? new RandomForestClassifier({ seed, oobScore })
            : new ExtraTreesClassifier({ seed }))
          : (kind === "randomForest"
            ? new RandomForestRegressor({ seed, oobScore })
            : new ExtraTreesRegressor({ seed }));
        model.fit(Xtr, ytr);
        tests.push(model.score(Xte, yte));
        if (oobScore) oobs.push(model.oobScore);
      }
      forestScores[`${data}/${kind}`] = {
        test: mean(tests),
        sklearn: ref.test.mean,
        ...(ref.oob ? { oob: mean(oobs), sklearnOob: ref.oob.mean } : {}),
      };
      // Accuracy: within 2 points of scikit-learn's mean; R² within 0.03.
      const margin = classification ? 0.02 : 0.03;
      assert(
        mean(tests) >= ref.test.mean - margin,
        `test ${mean(tests)} vs sklearn ${ref.test.mean}`,
      );
      if (ref.oob) {
        assert(
          Math.abs(mean(oobs) - ref.oob.mean) <= margin,
          `oob ${mean(oobs)} vs sklearn ${ref.oob.mean}`,
        );
      }
    });
  }
}

Deno.test("RandomForestClassifier: seeded, OOB outputs, importances, JSON round trip", () => {
  const { Xtr, ytr, Xte } = split(loadWine);
  const a = new RandomForestClassifier({ nEstimators: 15, seed: 4, oobScore: true }).fit(Xtr, ytr);
  const b = new RandomForestClassifier({ nEstimators: 15, seed: 4, oobScore: true }).fit(Xtr, ytr);
  const c = new RandomForestClassifier({ nEstimators: 15, seed: 5 }).fit(Xtr, ytr);
  assertEquals(a.predictProba(Xte), b.predictProba(Xte));
  assert(JSON.stringify(a.predictProba(Xte)) !== JSON.stringify(c.predictProba(Xte)));
  const oob = a.oobDecisionFunction;
  assertEquals(oob.length, Xtr.length);
  const row = oob.find((r) => !Number.isNaN(r[0]))!;
  assertAlmostEquals(row[0] + row[1] + row[2], 1, 1e-12);
  const imp = a.featureImportances;
  assertAlmostEquals(imp.reduce((s, v) => s + v, 0), 1, 1e-12);
  assertEquals(a.classes, [0, 1, 2]);
  const back = RandomForestClassifier.fromJSON(JSON.parse(JSON.stringify(a.toJSON())));
  assertEquals(back.predictProba(Xte), a.predictProba(Xte));
  assertEquals(back.oobScore, a.oobScore);
});

Deno.test("RandomForestRegressor: an informative feature outranks noise; OOB predictions", () => {
  const rng = new Random(3);
  const X = Array.from({ length: 200 }, () => [rng.uniform(), rng.uniform(), rng.uniform()]);
  const y = X.map(([a]) => 4 * a + 0.1 * rng.normal());
  const rf = new RandomForestRegressor({ nEstimators: 30, seed: 0, oobScore: true, maxFeatures: 2 })
    .fit(X, y);
  const imp = rf.featureImportances;
  assert(imp[0] > 0.8 && imp[1] < 0.1 && imp[2] < 0.1, `importances ${imp}`);
  assert(rf.oobScore > 0.9, `oob R² ${rf.oobScore}`);
  assertEquals(rf.oobPrediction.length, 200);
  assertEquals(rf.nTrees, 30);
});

Deno.test("forest pieces: bootstrap counts and the per-split feature draw", () => {
  const counts = bootstrapCounts(50, 30, new Random(0));
  assertEquals(counts.reduce((s, v) => s + v, 0), 30);
  const draw = featureSampler(2, new Random(1));
  for (let k = 0; k < 20; k++) {
    const f = draw([0, 2, 5, 7]);
    assertEquals(f.length, 2);
    assert(f[0] < f[1] && [0, 2, 5, 7].includes(f[0]) && [0, 2, 5, 7].includes(f[1]));
  }
  assertEquals(draw([3]), [3]);
});

Deno.test("forests: bad options and input are refused with names", () => {
  assertThrows(() => new RandomForestClassifier({ nEstimators: 0 }), ValueError, "nEstimators");
  assertThrows(() => new RandomForestClassifier({ maxFeatures: 2.5 }), ValueError, "maxFeatures");
  assertThrows(
    () => new RandomForestClassifier({ maxFeatures: "half" as "sqrt" }),
    ValueError,
    "maxFeatures",
  );
  assertThrows(() => new ExtraTreesClassifier({ oobScore: true }), ValueError, "bootstrap");
  assertThrows(() => new RandomForestRegressor().predict([[1]]), NotFittedError);
  const X = [[0, 1], [1, 0], [2, 1], [3, 0]];
  assertThrows(
    () => new RandomForestRegressor({ maxFeatures: 3 }).fit(X, [1, 2, 3, 4]),
    ValueError,
    "only 2 features",
  );
  const rf = new RandomForestRegressor({ nEstimators: 3 }).fit(X, [1, 2, 3, 4]);
  assertThrows(() => rf.predict([[1, 2, 3]]), ShapeError, "expecting 2 features");
  assertThrows(() => rf.oobScore, ValueError, "oobScore: true");
  assertThrows(
    () => new RandomForestClassifier().fit(X, [1, 1, 1, 1]),
    ValueError,
    "at least 2 classes",
  );
  assertThrows(() => new RandomForestClassifier().fit(X, [0.5, 1, 2, 3]), ValueError, "continuous");
  assertThrows(
    () => new RandomForestRegressor({ maxSamples: 9 }).fit(X, [1, 2, 3, 4]),
    ValueError,
    "maxSamples",
  );
});
