/** The functions notebooks/31_knn.ipynb uses, with the numbers it shows and claims. */
import { assert, assertAlmostEquals, assertEquals } from "@std/assert";
import { Matrix, Random, trainTestSplit } from "../../lib/core/mod.ts";
import { loadIris, loadWine } from "../../lib/data/mod.ts";
import { BruteForce, KDTree, KNeighborsClassifier, minkowski } from "../../lib/neighbors/mod.ts";
import { headingIs, modelSections, sectionHeadings, sourceNotebook } from "../support/notebooks.ts";

const T = [[2, 3], [5, 4], [9, 6], [4, 7], [8, 1], [7, 2]];

Deno.test("notebook has the model sections and reading notes", () => {
  const headings = sectionHeadings(sourceNotebook("31_knn"));
  for (const s of [...modelSections, "阅读笔记"]) {
    assert(headings.some((h) => headingIs(h, s)), `missing "## ${s}" in ${headings}`);
  }
});

Deno.test("例3.1: the L_p table and the nearest neighbour per p", () => {
  const x1 = [1, 1], x2 = [5, 1], x3 = [4, 4];
  const expected = [
    [1, 4, 6, "x2"],
    [2, 4, Math.sqrt(18), "x2"],
    [3, 4, 3.7797631496846193, "x3"],
    [4, 4, 3.5676213450081633, "x3"],
    [Infinity, 4, 3, "x3"],
  ] as const;
  for (const [p, d12, d13, nearest] of expected) {
    assertAlmostEquals(minkowski(x1, x2, p), d12, 1e-15);
    assertAlmostEquals(minkowski(x1, x3, p), d13, 1e-15);
    const { indices } = new KDTree([x2, x3], { p }).query(x1, 1);
    assertEquals(indices[0] === 0 ? "x2" : "x3", nearest);
  }
});

Deno.test("例3.2: node table (depth, axis, split, children)", () => {
  const tree = new KDTree(T);
  const rows = tree.nodes().map((n) => [
    T[n.point].join(","),
    n.depth,
    n.axis,
    n.split,
    n.left < 0 ? "" : T[tree.node(n.left).point].join(","),
    n.right < 0 ? "" : T[tree.node(n.right).point].join(","),
  ]);
  assertEquals(rows, [
    ["7,2", 0, 0, 7, "5,4", "9,6"],
    ["5,4", 1, 1, 4, "2,3", "4,7"],
    ["2,3", 2, 0, 2, "", ""],
    ["4,7", 2, 0, 4, "", ""],
    ["9,6", 1, 1, 6, "8,1", ""],
    ["8,1", 2, 0, 8, "", ""],
  ]);
});

Deno.test("习题3.2: (2, 3) at 1.8028 after visiting 4 of 6 nodes; (9, 6), (8, 1) never measured", () => {
  const search = new KDTree(T).explain([3, 4.5], 1);
  assertEquals(T[search.indices[0]], [2, 3]);
  assertEquals(search.distances[0].toFixed(4), "1.8028");
  assertEquals(search.nVisited, 4);
  assertEquals(search.steps.map((s) => s.kind), [
    "descend",
    "descend",
    "check",
    "check",
    "cross",
    "check",
    "check",
    "prune",
  ]);
  const measured = search.steps.flatMap((s) => (s.kind === "check" ? [T[s.point].join(",")] : []));
  assert(!measured.includes("9,6") && !measured.includes("8,1"));
});

Deno.test("习题3.3: 3 nearest to (6, 3), ties by index; 10,000 random points agree with brute force", () => {
  const { indices, distances } = new KDTree(T).query([6, 3], 3);
  assertEquals(indices.map((i) => T[i].join(",")), ["5,4", "7,2", "8,1"]);
  assertAlmostEquals(distances[0], Math.SQRT2, 1e-15);
  assertAlmostEquals(distances[1], Math.SQRT2, 1e-15);
  assertAlmostEquals(distances[2], 2 * Math.SQRT2, 1e-15);
  const rng = new Random(42);
  const big = new Matrix(10000, 3, rng.uniformArray(30000));
  const queries = new Matrix(500, 3, rng.uniformArray(1500));
  const a = new KDTree(big).queryMany(queries, 5), b = new BruteForce(big).queryMany(queries, 5);
  assertEquals(Array.from(a.indices), Array.from(b.indices));
  const mean = a.nVisited.reduce((s, v) => s + v, 0) / queries.rows;
  assert(mean < 100, `mean visited ${mean}`);
});

Deno.test("习题3.1: k = 2 only enlarges the tie-winning class 0; k = 1 fits every training point", () => {
  const rng2 = new Random(7);
  const pts = Array.from({ length: 30 }, () => [rng2.uniform(0, 10), rng2.uniform(0, 10)]);
  const cls = pts.map(([a, b]) => ((a - 5) ** 2 + (b - 5) ** 2 + rng2.normal(0, 6) < 16 ? 1 : 0));
  assert(cls.includes(0) && cls.includes(1));
  const k1 = new KNeighborsClassifier({ nNeighbors: 1 }).fit(pts, cls);
  const k2 = new KNeighborsClassifier({ nNeighbors: 2 }).fit(pts, cls);
  assertEquals(k1.score(pts, cls), 1);
  const grid = Array.from({ length: 41 * 41 }, (_, t) => [(t % 41) / 4, Math.floor(t / 41) / 4]);
  const p1 = k1.predict(grid), p2 = k2.predict(grid);
  assert(
    p2.every((c, i) => c === 0 || p1[i] === 1),
    "class 1 under k = 2 implies class 1 under k = 1",
  );
  assert(p2.filter((c) => c === 0).length > p1.filter((c) => c === 0).length);
});

Deno.test("k curve on iris sepals: overfits at k = 1, peaks in between, 1/3 at k = N", () => {
  const iris = loadIris();
  const sepal = iris.X.map((r) => [r[0], r[1]]);
  const split = trainTestSplit(sepal, iris.y, { testSize: 0.3, seed: 0, stratify: iris.y });
  const n = split.XTrain.length;
  assertEquals(n, 105);
  const acc = Array.from({ length: n }, (_, t) => {
    const m = new KNeighborsClassifier({ nNeighbors: t + 1 }).fit(split.XTrain, split.yTrain);
    return [m.score(split.XTrain, split.yTrain), m.score(split.XTest, split.yTest)];
  });
  const train = acc.map((a) => a[0]), test = acc.map((a) => a[1]);
  // k = 1: best on the training set, yet below 1 (equal sepal coordinates with other labels).
  assertEquals(train[0], Math.max(...train));
  assert(train[0] < 1);
  assertEquals(test[0], Math.min(...test.slice(0, 60)));
  const best = Math.max(...test);
  assert(best > test[0] + 0.1, `best ${best}`);
  assertAlmostEquals(test[n - 1], 1 / 3, 1e-12);
});

Deno.test("curse of dimensionality: nodes visited grow with d (n = 5000)", () => {
  const visited = [2, 12].map((d) => {
    const r = new Random(d);
    const res = new KDTree(new Matrix(5000, d, r.uniformArray(5000 * d))).queryMany(
      new Matrix(200, d, r.uniformArray(200 * d)),
      1,
    );
    return res.nVisited.reduce((s, v) => s + v, 0) / 200;
  });
  assert(visited[0] < 50 && visited[1] > 20 * visited[0], `${visited}`);
});

Deno.test("case: 63 of 64 settings identical to scikit-learn; wine gains from standardising", () => {
  const fixture = JSON.parse(
    Deno.readTextFileSync(new URL("../fixtures/lihang_knn.json", import.meta.url)),
  );
  const sets = { iris: loadIris(), wine: loadWine() } as const;
  const differing: string[] = [];
  for (const set of fixture.classification) {
    const ds = sets[set.data as keyof typeof sets];
    const model = (
      c: { nNeighbors: number; p: number | string; weights: "uniform" | "distance" },
    ) =>
      new KNeighborsClassifier({
        nNeighbors: c.nNeighbors,
        p: c.p === "inf" ? Infinity : c.p as number,
        weights: c.weights,
      }).fit(set.train.map((i: number) => ds.X[i]), set.train.map((i: number) => ds.y[i]));
    for (const c of set.configs) {
      const ours = model(c).predict(set.test.map((i: number) => ds.X[i]));
      if (ours.some((v, i) => v !== c.predict[i])) {
        differing.push(`${set.data} k=${c.nNeighbors} p=${c.p} ${c.weights}`);
      }
    }
  }
  assertEquals(differing, ["wine k=10 p=inf uniform"]);
  const wine = loadWine();
  const s = trainTestSplit(wine.X, wine.y, { testSize: 0.3, seed: 0, stratify: wine.y });
  const mean = s.XTrain[0].map((_, j) => s.XTrain.reduce((a, r) => a + r[j], 0) / s.XTrain.length);
  const std = mean.map((m, j) =>
    Math.sqrt(s.XTrain.reduce((a, r) => a + (r[j] - m) ** 2, 0) / s.XTrain.length)
  );
  const scale = (X: number[][]) => X.map((r) => r.map((v, j) => (v - mean[j]) / std[j]));
  const raw = new KNeighborsClassifier({ nNeighbors: 1 }).fit(s.XTrain, s.yTrain)
    .score(s.XTest, s.yTest);
  const scaled = new KNeighborsClassifier({ nNeighbors: 1 }).fit(scale(s.XTrain), s.yTrain)
    .score(scale(s.XTest), s.yTest);
  assert(scaled > raw + 0.1, `raw ${raw}, scaled ${scaled}`);
});
