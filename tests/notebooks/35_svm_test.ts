/** The functions notebooks/35_svm.ipynb uses, with the numbers it shows and claims. */
import { assert, assertAlmostEquals, assertEquals } from "@std/assert";
import { loadIris, makeMoons } from "../../lib/data/mod.ts";
import { kernelMatrix, SVC } from "../../lib/svm/mod.ts";
import { Matrix } from "../../lib/core/mod.ts";
import { headingIs, modelSections, sectionHeadings, sourceNotebook } from "../support/notebooks.ts";

Deno.test("notebook has the model sections and reading notes", () => {
  const headings = sectionHeadings(sourceNotebook("35_svm"));
  for (const s of [...modelSections, "阅读笔记"]) {
    assert(headings.some((h) => headingIs(h, s)), `missing "## ${s}" in ${headings}`);
  }
});

const X71 = [[3, 3], [4, 3], [1, 1]], y71 = [1, 1, -1];

Deno.test("例7.1/7.2: w, b, α, f on the points; the dual's s(α₁, α₂) minimum −1/4", () => {
  const svm = new SVC({ kernel: "linear", C: Infinity }).fit(X71, y71);
  assertEquals(Array.from(svm.coef.row(0)), [0.5, 0.5]);
  assertEquals(svm.intercept[0], -2);
  assertEquals(Array.from(svm.decisionFunction(X71) as Float64Array), [1, 1.5, -1]);
  const G = kernelMatrix(
    { kernel: "linear", gamma: 1, degree: 3, coef0: 0 },
    Matrix.from2D(X71),
    Matrix.from2D(X71),
  );
  const alpha = [0.25, 0, 0.25];
  let s = -0.5;
  alpha.forEach((a, i) =>
    alpha.forEach((b, j) => (s += 0.5 * a * b * y71[i] * y71[j] * G.get(i, j)))
  );
  assertEquals(s, -0.25);
  assertAlmostEquals(2 / Math.hypot(0.5, 0.5), 2 * Math.SQRT2, 1e-15);
});

Deno.test("习题7.2 table: w = (−1, 2), b = −2, margin 2/√5", () => {
  const svm = new SVC({ kernel: "linear", C: Infinity, tol: 1e-10 }).fit(
    [[1, 2], [2, 3], [3, 3], [2, 1], [3, 2]],
    [1, 1, 1, -1, -1],
  );
  const w = svm.coef.row(0);
  assertEquals([w[0].toFixed(6), w[1].toFixed(6), svm.intercept[0].toFixed(6)], [
    "-1.000000",
    "2.000000",
    "-2.000000",
  ]);
  assertEquals((2 / Math.hypot(w[0], w[1])).toFixed(6), "0.894427");
});

Deno.test("moons: strong duality, free vectors on the margin, C table and rbf counts", () => {
  const moons = makeMoons({ nSamples: 100, noise: 0.2, seed: 1 });
  const ym = moons.y.map((v) => (v === 1 ? 1 : -1));
  const lin = new SVC({ kernel: "linear", C: 1, tol: 1e-8 }).fit(moons.X, ym);
  const w = lin.coef.row(0);
  const f = lin.decisionFunction(moons.X) as Float64Array;
  const primal = 0.5 * (w[0] ** 2 + w[1] ** 2) +
    Array.from(f, (v, i) => Math.max(0, 1 - ym[i] * v)).reduce((a, c) => a + c, 0);
  const alpha = new Array(ym.length).fill(0);
  lin.supportIndices.forEach((i, k) => (alpha[i] = Math.abs(lin.dualCoef.get(0, k))));
  const K = kernelMatrix(
    { kernel: "linear", gamma: 1, degree: 3, coef0: 0 },
    Matrix.from2D(moons.X),
    Matrix.from2D(moons.X),
  );
  let dual = -alpha.reduce((a, c) => a + c, 0);
  alpha.forEach((a, i) =>
    alpha.forEach((b, j) => (dual += 0.5 * a * b * ym[i] * ym[j] * K.get(i, j)))
  );
  assertAlmostEquals(primal, -dual, 1e-5);
  assertEquals(primal.toFixed(6), "37.184320");
  assertEquals(lin.supportIndices.length, 41);
  const counts = [0.1, 1, 10, 100].map((C) => {
    const a = new SVC({ kernel: "rbf", C, gamma: 1, tol: 1e-6 }).fit(moons.X, ym);
    const b = new SVC({ kernel: "rbf", C, gamma: 1, tol: 1e-6, selection: "book" }).fit(
      moons.X,
      ym,
    );
    assert(a.nIter[0] < b.nIter[0], "WSS3 needs fewer steps than the book's rule");
    return [a.supportIndices.length, a.score(moons.X, ym)];
  });
  assertEquals(counts, [[80, 0.88], [37, 0.93], [21, 0.96], [15, 0.97]]);
  const sharp = new SVC({ kernel: "rbf", C: 1, gamma: 10 }).fit(moons.X, ym);
  assertEquals([sharp.supportIndices.length, sharp.score(moons.X, ym)], [55, 0.97]);
});

Deno.test("iris petals: Platt probabilities shown in the last table", () => {
  const iris = loadIris();
  const petal = iris.X.map((r) => [r[2], r[3]]);
  const svm = new SVC({ kernel: "rbf", C: 1, probability: true, seed: 0 }).fit(petal, iris.y);
  assertEquals(svm.score(petal, iris.y).toFixed(3), "0.953");
  assertEquals(Array.from(svm.nSupport), [4, 22, 19]);
  const P = svm.predictProba([[1.5, 0.2], [4.8, 1.6], [5.0, 1.8], [6.0, 2.2]]);
  assertEquals(P.toArray().map((r) => r.map((v) => v.toFixed(3))), [
    ["0.972", "0.019", "0.010"],
    ["0.010", "0.665", "0.325"],
    ["0.010", "0.250", "0.740"],
    ["0.009", "0.003", "0.988"],
  ]);
});
