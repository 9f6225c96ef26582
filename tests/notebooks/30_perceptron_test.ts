/** The functions notebooks/30_perceptron.ipynb uses, with the numbers it shows and claims. */
import { assert, assertAlmostEquals, assertEquals } from "@std/assert";
import { loadIris } from "../../lib/data/mod.ts";
import { convexHull, gramMatrix, Perceptron } from "../../lib/perceptron/mod.ts";
import { headingIs, modelSections, sectionHeadings, sourceNotebook } from "../support/notebooks.ts";

const X21 = [[3, 3], [4, 3], [1, 1]];
const y21 = [1, 1, -1];

Deno.test("notebook has the model sections and reading notes", () => {
  const headings = sectionHeadings(sourceNotebook("30_perceptron"));
  for (const s of [...modelSections, "阅读笔记"]) {
    assert(headings.some((h) => headingIs(h, s)), `missing "## ${s}" in ${headings}`);
  }
});

Deno.test("例2.1: table 2.1 and f(x) = sign(x⁽¹⁾ + x⁽²⁾ − 3)", () => {
  const p = new Perceptron({ learningRate: 1 }).fit(X21, y21);
  assertEquals(p.trace.map((u) => u.index + 1), [1, 3, 3, 3, 1, 3, 3]);
  assertEquals(p.trace.map((u) => u.w), [[3, 3], [2, 2], [1, 1], [0, 0], [3, 3], [2, 2], [1, 1]]);
  assertEquals(p.trace.map((u) => u.b), [1, 0, -1, -2, -1, -2, -3]);
  assertEquals([...p.coef, p.intercept], [1, 1, -3]);
  assertEquals([p.nIter, p.nUpdates, p.converged], [6, 7, true]);
});

Deno.test("例2.1: another visiting order gives another separating line, x⁽¹⁾ − 2 = 0", () => {
  const p = new Perceptron().fit([X21[1], X21[0], X21[2]], [1, 1, -1]);
  assertEquals([...p.coef, p.intercept], [1, 0, -2]);
  assertEquals(p.trace.map((u) => ["x2", "x1", "x3"][u.index]), ["x2", "x3", "x3", "x3"]);
  assertEquals(p.predict(X21), y21);
});

Deno.test("例2.2: Gram matrix, table 2.2, α = (2, 0, 5), b = −3", () => {
  const d = new Perceptron({ dual: true }).fit(X21, y21);
  assertEquals(gramMatrix(X21).toArray(), [[18, 21, 6], [21, 25, 7], [6, 7, 2]]);
  const alphas: number[][] = [[0, 0, 0]];
  for (const u of d.trace) {
    const next = [...alphas[alphas.length - 1]];
    next[u.index] += 1;
    alphas.push(next);
  }
  assertEquals(alphas, [
    [0, 0, 0],
    [1, 0, 0],
    [1, 0, 1],
    [1, 0, 2],
    [1, 0, 3],
    [2, 0, 3],
    [2, 0, 4],
    [2, 0, 5],
  ]);
  assertEquals(Array.from(d.alpha), [2, 0, 5]);
  assertEquals([...d.coef, d.intercept], [1, 1, -3]);
});

Deno.test("Novikoff: R = √26, γ = 1/√11, k = 7 ≤ (R/γ)² = 286", () => {
  const p = new Perceptron().fit(X21, y21);
  const wHat = [...p.coef, p.intercept];
  const norm = Math.hypot(...wHat);
  const R = Math.max(...X21.map((x) => Math.hypot(...x, 1)));
  const gamma = Math.min(
    ...X21.map((x, i) => y21[i] * (x[0] * wHat[0] + x[1] * wHat[1] + wHat[2]) / norm),
  );
  assertAlmostEquals(R, Math.sqrt(26), 1e-15);
  assertAlmostEquals(gamma, 1 / Math.sqrt(11), 1e-15);
  assertAlmostEquals((R / gamma) ** 2, 286, 1e-9);
  assert(p.nUpdates <= (R / gamma) ** 2);
});

Deno.test("loss after each update of 例2.1: 7, 4, 1, 4, 5, 2, 0", () => {
  const p = new Perceptron().fit(X21, y21);
  const loss = p.trace.map((u) =>
    X21.reduce((L, x, i) => {
      const m = y21[i] * (u.w[0] * x[0] + u.w[1] * x[1] + u.b);
      return m <= 0 ? L - m : L;
    }, 0)
  );
  assertEquals(loss, [7, 4, 1, 4, 5, 2, 0]);
});

Deno.test("习题2.1: XOR cycles forever; adding x⁽¹⁾x⁽²⁾ makes it separable", () => {
  const X = [[0, 0], [1, 1], [0, 1], [1, 0]], y = [-1, -1, 1, 1];
  const xor = new Perceptron({ maxIter: 100 }).fit(X, y);
  assertEquals([xor.converged, xor.nIter, xor.score(X, y)], [false, 100, 0.5]);
  const states = xor.trace.slice(-8).map((u) => JSON.stringify([u.w, u.b]));
  assertEquals(states.slice(0, 4), states.slice(4), "the last states repeat with period 4");
  const lifted = new Perceptron().fit(X.map(([a, b]) => [a, b, a * b]), y);
  assertEquals([lifted.converged, ...lifted.coef, lifted.intercept], [true, 2, 2, -4, -1]);
});

Deno.test("习题2.2: the notebook's own example, primal and dual", () => {
  const X = [[2, 1], [3, 4], [4, 2], [0, 1], [1, 3], [0, -1]], y = [1, 1, 1, -1, -1, -1];
  const p = new Perceptron({ learningRate: 0.5 }).fit(X, y);
  const d = new Perceptron({ learningRate: 0.5, dual: true }).fit(X, y);
  assertEquals([...p.coef, p.intercept], [2, -0.5, -1.5]);
  assertEquals([...d.coef, d.intercept], [2, -0.5, -1.5]);
  assertEquals(Array.from(d.alpha), [1.5, 0, 0, 0.5, 1, 1.5]);
  assertEquals(p.score(X, y), 1);
});

/** Whether p lies inside (or on) the counter-clockwise convex polygon `hull` of `pts`. */
function insideHull(p: number[], hull: number[], pts: number[][]): boolean {
  return hull.every((a, t) => {
    const [ax, ay] = pts[a], [bx, by] = pts[hull[(t + 1) % hull.length]];
    return (bx - ax) * (p[1] - ay) - (by - ay) * (p[0] - ax) >= 0;
  });
}

Deno.test("习题2.3: disjoint hulls ⇔ separable, on iris petal features", () => {
  const iris = loadIris();
  const petal = iris.X.map((r) => [r[2], r[3]]);
  const cls = (c: number) => petal.filter((_, i) => iris.y[i] === c);
  const pick = (a: number, b: number) => {
    const idx = iris.y.flatMap((c, i) => (c === a || c === b ? [i] : []));
    return { X: idx.map((i) => petal[i]), y: idx.map((i) => iris.y[i]) };
  };
  // setosa vs versicolor: converges, and the line puts every hull vertex on its own side.
  const sv = pick(0, 1);
  const model = new Perceptron({ maxIter: 2000 }).fit(sv.X, sv.y);
  assertEquals([model.converged, model.nIter], [true, 3]);
  for (const c of [0, 1]) {
    const pts = cls(c);
    const scores = model.decisionFunction(convexHull(pts).map((i) => pts[i]));
    assert(scores.every((s) => (c === 1 ? s >= 0 : s < 0)));
  }
  // versicolor vs virginica: some versicolor point lies inside conv(virginica), so no line exists.
  const vv = pick(1, 2);
  const fail = new Perceptron({ maxIter: 2000 }).fit(vv.X, vv.y);
  assertEquals(fail.converged, false);
  assertAlmostEquals(fail.score(vv.X, vv.y), 0.82, 1e-12);
  const virginica = cls(2);
  const hull = convexHull(virginica);
  assert(cls(1).some((p) => insideHull(p, hull, virginica)));
});
