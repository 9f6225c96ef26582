import { assert, assertAlmostEquals, assertEquals, assertThrows } from "@std/assert";
import { NotFittedError, ShapeError, ValueError } from "../../../lib/core/errors.ts";
import { loadToyDataset, type ToyDatasetName } from "../../../lib/data/toy.ts";
import { KNeighborsClassifier, KNeighborsRegressor } from "../../../lib/neighbors/mod.ts";

const fixture = JSON.parse(
  Deno.readTextFileSync(new URL("../../fixtures/lihang_knn.json", import.meta.url)),
);

function subsets(name: ToyDatasetName, train: number[], test: number[]) {
  const { X, y } = loadToyDataset(name);
  return {
    XTrain: train.map((i) => X[i]),
    yTrain: train.map((i) => y[i]),
    XTest: test.map((i) => X[i]),
    yTest: test.map((i) => y[i]),
  };
}

const P = (p: number | string) => (p === "inf" ? Infinity : p as number);

/**
 * Rows whose k-th and (k+1)-th nearest training points are equally far (mathematically: equal up
 * to rounding, e.g. two distances of √0.13 computed from different coordinates): which of them joins
 * the vote is a tie policy (ours: lower index; scikit-learn's brute force: its own rounding and
 * argpartition order). For such a row we check that scikit-learn's probabilities come from *some*
 * choice among the tied points.
 */
function tieExplains(
  knn: KNeighborsClassifier,
  x: number[],
  yTrain: number[],
  k: number,
  weights: string,
  expected: number[],
): boolean {
  const K = Math.min(yTrain.length, k + 30);
  const { distances, indices } = knn.kneighbors([x], K);
  const boundary = distances[k - 1];
  const isTie = (d: number) => Math.abs(d - boundary) <= 1e-9 * boundary;
  if (k === yTrain.length || !isTie(distances[k]) || boundary === 0) return false;
  const w = (d: number) => (weights === "uniform" ? 1 : 1 / d);
  const strict = [0, 0, 0], tied = [0, 0, 0];
  let nStrict = 0, total = 0;
  for (let j = 0; j < K; j++) {
    const cls = yTrain[indices[j]];
    if (isTie(distances[j])) tied[cls]++;
    else if (distances[j] < boundary) {
      if (distances[j] === 0) return false; // zero distances change the weighting rule
      strict[cls] += w(distances[j]);
      total += w(distances[j]);
      nStrict++;
    }
  }
  total += (k - nStrict) * w(boundary);
  let chosen = 0;
  for (let c = 0; c < 3; c++) {
    const m = (expected[c] * total - strict[c]) / w(boundary);
    if (Math.abs(m - Math.round(m)) > 1e-6 || m < -1e-6 || m > tied[c] + 1e-6) return false;
    chosen += Math.round(m);
  }
  return chosen === k - nStrict;
}

Deno.test("KNeighborsClassifier matches scikit-learn on iris and wine (k, p, weights)", () => {
  let compared = 0, tiedRows = 0;
  for (const set of fixture.classification) {
    const { XTrain, yTrain, XTest } = subsets(set.data, set.train, set.test);
    for (const c of set.configs) {
      for (const algorithm of ["kdTree", "brute"] as const) {
        const knn = new KNeighborsClassifier({
          nNeighbors: c.nNeighbors,
          p: P(c.p),
          weights: c.weights,
          algorithm,
        }).fit(XTrain, yTrain);
        const label = `${set.data} k=${c.nNeighbors} p=${c.p} ${c.weights} ${algorithm}`;
        const pred = knn.predict(XTest);
        const proba = knn.predictProba(XTest);
        for (let r = 0; r < proba.rows; r++) {
          const theirs = c.predictProba.slice(r * proba.cols, (r + 1) * proba.cols);
          const same = Array.from(proba.row(r)).every((v, j) => Math.abs(v - theirs[j]) < 1e-12);
          if (same) {
            assertEquals(pred[r], c.predict[r], `${label} row ${r}`);
            continue;
          }
          // Otherwise the difference must be a tie at the k-th neighbour, nothing else.
          assert(
            tieExplains(knn, XTest[r], yTrain, c.nNeighbors, c.weights, theirs),
            `${label} row ${r}: ${Array.from(proba.row(r))} vs ${theirs}`,
          );
          tiedRows++;
        }
        if (c.distances) {
          // Distances do not depend on which tied point is chosen.
          const { distances } = knn.kneighbors(XTest);
          distances.forEach((d, t) => assertAlmostEquals(d, c.distances[t], 1e-9, label));
        }
        compared++;
      }
    }
  }
  assertEquals(compared, 2 * 2 * 4 * 4 * 2);
  // Ties are rare: the rows where our choice among tied points differs from scikit-learn's.
  assert(tiedRows < 0.02 * 2 * 2 * 32 * 50, `${tiedRows} rows differ`);
});

Deno.test("KNeighborsRegressor matches scikit-learn on diabetes", () => {
  for (const set of fixture.regression) {
    const { XTrain, yTrain, XTest } = subsets(set.data, set.train, set.test);
    for (const c of set.configs) {
      const knn = new KNeighborsRegressor({ nNeighbors: c.nNeighbors, p: c.p, weights: c.weights })
        .fit(XTrain, yTrain);
      knn.predict(XTest).forEach((v, t) => assertAlmostEquals(v, c.predict[t], 1e-9));
    }
  }
});

Deno.test("majority vote: ties go to the smallest class; distance weights favour the near", () => {
  const X = [[0], [1], [3], [4]];
  const knn = new KNeighborsClassifier({ nNeighbors: 4 }).fit(X, ["b", "a", "b", "a"]);
  assertEquals(knn.classes, ["a", "b"]);
  assertEquals(knn.predict([[0]]), ["a"]); // 2 votes each: "a" comes first
  assertEquals(knn.predictProba([[0]]).toArray(), [[0.5, 0.5]]);
  const weighted = new KNeighborsClassifier({ nNeighbors: 4, weights: "distance" })
    .fit(X, ["b", "a", "b", "a"]);
  assertEquals(weighted.predict([[0.4]]), ["b"]); // 1/0.4 + 1/2.6 > 1/0.6 + 1/3.6
});

Deno.test("distance weights: a query on a training point takes that point's label", () => {
  const knn = new KNeighborsClassifier({ nNeighbors: 3, weights: "distance" })
    .fit([[0, 0], [0, 0], [1, 0], [5, 5]], [1, 2, 2, 1]);
  // Two training points sit at distance 0: only they vote, one each; class 1 wins the tie.
  assertEquals(knn.predictProba([[0, 0]]).toArray(), [[0.5, 0.5]]);
  const reg = new KNeighborsRegressor({ nNeighbors: 2, weights: "distance" })
    .fit([[0], [1], [3]], [0, 1, 3]);
  assertEquals(Array.from(reg.predict([[1], [2]])), [1, 2]);
});

Deno.test("iris: k = 1 reproduces the training labels; accuracy high on held-out data", () => {
  const set = fixture.classification[0];
  const { XTrain, yTrain, XTest, yTest } = subsets(set.data, set.train, set.test);
  const knn = new KNeighborsClassifier({ nNeighbors: 5 }).fit(XTrain, yTrain);
  assert(knn.score(XTest, yTest) > 0.9);
  const r = new KNeighborsRegressor({ nNeighbors: 5 }).fit(XTrain, yTrain);
  assert(r.score(XTest, yTest) > 0.8);
});

Deno.test("round-trips through JSON and rebuilds its kd-tree", () => {
  const knn = new KNeighborsClassifier({ nNeighbors: 3, p: 1 }).fit(
    [[0, 0], [1, 1], [5, 5], [6, 5]],
    ["x", "x", "y", "y"],
  );
  const back = KNeighborsClassifier.fromJSON(JSON.parse(JSON.stringify(knn)));
  assertEquals(back.predict([[0.5, 0.2], [5, 6]]), ["x", "y"]);
  assertEquals(back.options.p, 1);
  const inf = new KNeighborsRegressor({ nNeighbors: 1, p: Infinity }).fit([[0], [2]], [0, 2]);
  const restored = KNeighborsRegressor.fromJSON(JSON.stringify(inf));
  assertEquals(restored.options.p, Infinity);
  assertEquals(Array.from(restored.predict([[1.8]])), [2]);
});

Deno.test("bad input and options give clear errors", () => {
  assertThrows(() => new KNeighborsClassifier({ nNeighbors: 0 }), ValueError, "'nNeighbors'");
  assertThrows(() => new KNeighborsClassifier({ p: 0.5 }), ValueError, "'p' option");
  assertThrows(
    () => new KNeighborsClassifier({ weights: "gaussian" as "uniform" }),
    ValueError,
    "'weights' option",
  );
  assertThrows(
    () => new KNeighborsClassifier({ algorithm: "ballTree" as "brute" }),
    ValueError,
    "'algorithm' option",
  );
  assertThrows(
    () => new KNeighborsClassifier({ nNeighbors: 5 }).fit([[0], [1]], [0, 1]),
    ValueError,
    "nNeighbors = 5 and nSamplesFit = 2",
  );
  assertThrows(() => new KNeighborsClassifier().fit([[0], [1]], [0]), ShapeError, "y has 1 values");
  assertThrows(() => new KNeighborsRegressor().predict([[0]]), NotFittedError);
  assertThrows(
    () => new KNeighborsClassifier({ nNeighbors: 1 }).fit([[0, 1]], [0]).predict([[1]]),
    ShapeError,
    "X has 1 features, but KNeighborsClassifier is expecting 2 features as input.",
  );
});
