/**
 * Weighted trees (scikit-learn's `sample_weight`): integer weights grow the tree of the repeated
 * rows, a zero weight drops a row, and on wine/diabetes with float and integer weights the trees
 * predict what scikit-learn's do (tools/fixtures_sample_weight.py).
 */
import { assert, assertAlmostEquals, assertEquals, assertThrows } from "@std/assert";
import { Matrix, Random, ShapeError, ValueError } from "../../../lib/core/mod.ts";
import { loadDiabetes, loadWine } from "../../../lib/data/mod.ts";
import { DecisionTreeClassifier, DecisionTreeRegressor } from "../../../lib/tree/mod.ts";
import { LOAN_X, LOAN_Y } from "../../support/lihang.ts";

const fixture = JSON.parse(
  Deno.readTextFileSync(new URL("../../fixtures/sample_weight_sklearn.json", import.meta.url)),
);

function split<T>(rows: T[], every: number, test: boolean): T[] {
  return rows.filter((_, i) => (i % every === 0) === test);
}

function repeat<T>(rows: readonly T[], w: ArrayLike<number>): T[] {
  return rows.flatMap((r, i) => Array.from({ length: w[i] }, () => r));
}

function maxAbsDiff(a: number[][], b: number[][]): number {
  let d = 0;
  a.forEach((r, i) => r.forEach((v, j) => (d = Math.max(d, Math.abs(v - b[i][j])))));
  return d;
}

Deno.test("integer sample weights grow the same tree as repeated rows (every criterion)", () => {
  const { X, y } = loadWine();
  const rng = new Random(3);
  const w = Array.from(X, () => rng.int(4));
  for (const criterion of ["gini", "entropy", "gainRatio"] as const) {
    for (const maxDepth of [2, null]) {
      const weighted = new DecisionTreeClassifier({ criterion, maxDepth }).fit(X, y, {
        sampleWeight: w,
      });
      const repeated = new DecisionTreeClassifier({ criterion, maxDepth }).fit(
        repeat(X, w),
        repeat(y, w),
      );
      assertEquals(weighted.predictProba(X), repeated.predictProba(X), `${criterion} ${maxDepth}`);
      assertEquals(weighted.exportText(), repeated.exportText());
    }
  }
  // Categorical columns (ID3's multiway and CART's "= a" splits) too.
  const wl = LOAN_X.map((_, i) => (i % 3) + (i % 2));
  for (const criterion of ["gini", "entropy", "gainRatio"] as const) {
    const a = new DecisionTreeClassifier({ criterion }).fit(LOAN_X, LOAN_Y, { sampleWeight: wl });
    const b = new DecisionTreeClassifier({ criterion }).fit(repeat(LOAN_X, wl), repeat(LOAN_Y, wl));
    assertEquals(a.exportText(), b.exportText(), criterion);
  }
});

Deno.test("integer sample weights: regression tree equals the repeated rows", () => {
  const { X, y } = loadDiabetes();
  const rows = X.slice(0, 150), target = Array.from(y).slice(0, 150);
  const rng = new Random(5);
  const w = rows.map(() => rng.int(4));
  const a = new DecisionTreeRegressor({ maxDepth: 5 }).fit(rows, target, { sampleWeight: w });
  const b = new DecisionTreeRegressor({ maxDepth: 5 }).fit(repeat(rows, w), repeat(target, w));
  const pa = a.predict(rows), pb = b.predict(rows);
  pa.forEach((v, i) => assertAlmostEquals(v, pb[i], 1e-9));
  assertEquals(a.nLeaves, b.nLeaves);
  const fa = a.featureImportances, fb = b.featureImportances;
  fa.forEach((v, i) => assertAlmostEquals(v, fb[i], 1e-12));
});

Deno.test("weighted classification trees predict scikit-learn's probabilities (wine)", () => {
  const { X, y } = loadWine();
  const train = split(X, 4, false), test = split(X, 4, true);
  const yTrain = split(Array.from(y), 4, false);
  const report: string[] = [];
  for (const c of fixture.classification) {
    const tree = new DecisionTreeClassifier({
      criterion: c.criterion,
      maxDepth: c.maxDepth,
      minWeightFractionLeaf: c.minWeightFractionLeaf,
    }).fit(train, yTrain, { sampleWeight: c.sampleWeight });
    const proba = tree.predictProba(test);
    const diffs = c.outcomes.map((o: { predictProba: number[][] }) =>
      maxAbsDiff(proba, o.predictProba)
    );
    const best = Math.min(...diffs);
    report.push(`${c.weights} ${c.criterion} ${c.maxDepth} ${c.minWeightFractionLeaf}: ${best}`);
    assert(best < 1e-9, `no scikit-learn outcome matches: ${report.at(-1)}`);
    const o = c.outcomes[diffs.indexOf(best)];
    assertEquals([tree.nLeaves, tree.depth], [o.nLeaves, o.depth], report.at(-1));
  }
});

Deno.test("weighted regression trees predict scikit-learn's values; weighted pruning path", () => {
  const { X, y } = loadDiabetes();
  const rows = X.slice(0, 200), target = Array.from(y).slice(0, 200);
  const train = split(rows, 4, false), test = split(rows, 4, true);
  const yTrain = split(target, 4, false);
  for (const c of fixture.regression) {
    const tree = new DecisionTreeRegressor({ maxDepth: c.maxDepth }).fit(train, yTrain, {
      sampleWeight: c.sampleWeight,
    });
    // Rows of weight 0 are not seen by the tree: where they land depends on the tie-break.
    const relErr = (expected: number[], got: Float64Array, seen = (_: number) => true) =>
      Math.max(
        ...expected.map((p, i) => seen(i) ? Math.abs(p - got[i]) / Math.max(1, Math.abs(p)) : 0),
      );
    type Outcome = { predictions: number[]; trainPredictions: number[] };
    // Training rows: independent of how ties between equivalent splits are broken.
    const fitted = tree.predict(train);
    const trainErr = Math.min(
      ...c.outcomes.map((o: Outcome) =>
        relErr(o.trainPredictions, fitted, (i) => c.sampleWeight[i] > 0)
      ),
    );
    assert(trainErr < 1e-8, `${c.weights} depth ${c.maxDepth}: relative error ${trainErr}`);
    if (c.maxDepth <= 3) {
      const yHat = tree.predict(test);
      const err = Math.min(...c.outcomes.map((o: Outcome) => relErr(o.predictions, yHat)));
      assert(err < 1e-8, `${c.weights} depth ${c.maxDepth}: test relative error ${err}`);
    }
    const full = new DecisionTreeRegressor().fit(train, yTrain, { sampleWeight: c.sampleWeight });
    const path = full.costComplexityPruningPath();
    const k = c.pruningPathHead.ccpAlphas.length;
    path.ccpAlphas.slice(-k).forEach((a, i) =>
      assertAlmostEquals(a, c.pruningPathHead.ccpAlphas[i], 1e-6 * Math.max(1, a))
    );
    path.impurities.slice(-k).forEach((a, i) =>
      assertAlmostEquals(a, c.pruningPathHead.impurities[i], 1e-6 * Math.max(1, a))
    );
  }
});

Deno.test("sampleWeight is checked: length, sign, finiteness, positive sum", () => {
  const X = [[0], [1], [2], [3]], y = [0, 0, 1, 1];
  const tree = new DecisionTreeClassifier();
  assertThrows(() => tree.fit(X, y, { sampleWeight: [1, 1] }), ShapeError, "sampleWeight has 2");
  assertThrows(() => tree.fit(X, y, { sampleWeight: [1, -1, 1, 1] }), ValueError, "non-negative");
  assertThrows(() => tree.fit(X, y, { sampleWeight: [1, NaN, 1, 1] }), ValueError, "NaN");
  assertThrows(() => tree.fit(X, y, { sampleWeight: [0, 0, 0, 0] }), ValueError, "positive sum");
  assertThrows(
    () => new DecisionTreeClassifier({ minWeightFractionLeaf: 0.6 }),
    ValueError,
    "'minWeightFractionLeaf'",
  );
  // A zero weight drops the row: the tree is the one fitted without it.
  const a = tree.fit([[0], [1], [2], [3], [1.5]], [0, 0, 1, 1, 1], {
    sampleWeight: [1, 1, 1, 1, 0],
  }).exportText();
  assertEquals(a, new DecisionTreeClassifier().fit(X, y).exportText());
});

Deno.test("trees accept Matrix, typed-array rows and frames like every estimator", () => {
  const { X, y } = loadWine();
  const base = new DecisionTreeClassifier({ maxDepth: 3 }).fit(X, y);
  const m = Matrix.from2D(X);
  const typed = X.map((r) => Float64Array.from(r));
  const frame = { values: X.map((r) => [...r]), shape: [X.length, X[0].length] };
  for (const input of [m, typed, frame]) {
    const t = new DecisionTreeClassifier({ maxDepth: 3 }).fit(input, y);
    assertEquals(t.predict(input), base.predict(X));
  }
  assertEquals(
    new DecisionTreeRegressor().fit(Matrix.from2D([[0], [1]]), [1, 2]).predict(
      Matrix.from2D([[1]]),
    ),
    Float64Array.of(2),
  );
  // Messages share the estimators' wording.
  assertThrows(
    () => base.predict(Matrix.zeros(1, 3)),
    ShapeError,
    "X has 3 features, but DecisionTreeClassifier is expecting 13 features as input.",
  );
  assertThrows(() => new DecisionTreeClassifier().fit([], []), ValueError, "at least one sample");
  assertThrows(
    () => base.predict([[Infinity, ...X[0].slice(1)]]),
    ValueError,
    "Infinity at row 0, column 0",
  );
  const named = { values: [[1, NaN]], shape: [1, 2], columns: ["age", "income"] };
  assertThrows(
    () => new DecisionTreeClassifier().fit(named, [0]),
    ValueError,
    "column 'income'",
  );
});

Deno.test("classes is a copy: mutating it does not change predictions", () => {
  const tree = new DecisionTreeClassifier().fit([[0], [1]], ["a", "b"]);
  const classes = tree.classes;
  classes[0] = "zzz";
  assertEquals(tree.predict([[0]]), ["a"]);
});
