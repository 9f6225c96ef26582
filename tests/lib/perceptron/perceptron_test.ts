import { assert, assertAlmostEquals, assertEquals, assertThrows } from "@std/assert";
import { NotFittedError, ShapeError, ValueError } from "../../../lib/core/errors.ts";
import { Random } from "../../../lib/core/random.ts";
import { loadToyDataset } from "../../../lib/data/toy.ts";
import { gramMatrix, Perceptron } from "../../../lib/perceptron/mod.ts";

// 李航 例2.1 / 例2.2
const X = [[3, 3], [4, 3], [1, 1]];
const Y = [1, 1, -1];
const BOOK_TRACE = [
  { index: 0, w: [3, 3], b: 1 },
  { index: 2, w: [2, 2], b: 0 },
  { index: 2, w: [1, 1], b: -1 },
  { index: 2, w: [0, 0], b: -2 },
  { index: 0, w: [3, 3], b: -1 },
  { index: 2, w: [2, 2], b: -2 },
  { index: 2, w: [1, 1], b: -3 },
];

for (const dual of [false, true]) {
  Deno.test(`例2.1/2.2 (${dual ? "dual" : "primal"}): the book's update sequence and f(x)`, () => {
    const p = new Perceptron({ dual }).fit(X, Y);
    assertEquals(p.trace.map(({ index, w, b }) => ({ index, w, b })), BOOK_TRACE);
    assertEquals(Array.from(p.coef), [1, 1]);
    assertEquals(p.intercept, -3);
    assertEquals(Array.from(p.alpha), [2, 0, 5]);
    assertEquals(p.nUpdates, 7);
    assert(p.converged);
    assertEquals(p.predict(X), Y);
    // f(x) = sign(x⁽¹⁾ + x⁽²⁾ − 3), with sign(0) = +1
    assertEquals(p.predict([[1.5, 1.5], [1, 1.9], [0, 3]]), [1, -1, 1]);
  });
}

Deno.test("例2.2: the Gram matrix of the dual form", () => {
  const expected = [[18, 21, 6], [21, 25, 7], [6, 7, 2]];
  assertEquals(gramMatrix(X).toArray(), expected);
  assertEquals(new Perceptron({ dual: true }).fit(X, Y).gram.toArray(), expected);
  assertThrows(() => new Perceptron().fit(X, Y).gram, ValueError, "dual: true");
});

Deno.test("w = Σ αᵢ yᵢ xᵢ and b = Σ αᵢ yᵢ hold in both forms (式 2.9)", () => {
  for (const dual of [false, true]) {
    const p = new Perceptron({ dual, learningRate: 0.5 }).fit(X, Y);
    const alpha = p.alpha;
    const w = [0, 0];
    let b = 0;
    X.forEach((x, i) => {
      w[0] += alpha[i] * Y[i] * x[0];
      w[1] += alpha[i] * Y[i] * x[1];
      b += alpha[i] * Y[i];
    });
    assertEquals(Array.from(p.coef), w);
    assertEquals(p.intercept, b);
  }
});

/** Linearly separable points: labels from a random hyperplane, a margin band removed. */
function separable(seed: number, n: number, d: number, margin: number) {
  const rng = new Random(seed);
  const wTrue = Array.from(rng.normalArray(d));
  const norm = Math.hypot(...wTrue);
  const bTrue = 0.3;
  const Xs: number[][] = [], ys: number[] = [];
  while (Xs.length < n) {
    const x = Array.from(rng.uniformArray(d, -2, 2));
    const s = (x.reduce((acc, v, l) => acc + v * wTrue[l], 0) + bTrue) / norm;
    if (Math.abs(s) < margin) continue;
    Xs.push(x);
    ys.push(s > 0 ? 1 : -1);
  }
  return { X: Xs, y: ys, wTrue, bTrue, norm };
}

Deno.test("converges on linearly separable data within Novikoff's bound (定理2.1)", () => {
  for (const seed of [1, 2, 3]) {
    const { X: Xs, y, wTrue, bTrue, norm } = separable(seed, 200, 3, 0.1);
    for (const shuffle of [false, true]) {
      const p = new Perceptron({ shuffle, seed }).fit(Xs, y);
      assert(p.converged);
      assertEquals(p.score(Xs, y), 1);
      // k ≤ (R/γ)² with R = max‖x̂ᵢ‖ and γ the margin of the unit-norm (w_opt, b_opt).
      const R = Math.max(...Xs.map((x) => Math.hypot(...x, 1)));
      const optNorm = Math.hypot(...wTrue, bTrue) / norm;
      const gamma = Math.min(
        ...Xs.map((x, i) =>
          y[i] * (x.reduce((acc, v, l) => acc + v * wTrue[l], 0) + bTrue) / norm / optNorm
        ),
      );
      assert(p.nUpdates <= (R / gamma) ** 2, `${p.nUpdates} > ${(R / gamma) ** 2}`);
    }
  }
});

Deno.test("primal and dual make the same updates on random data", () => {
  const { X: Xs, y } = separable(7, 80, 4, 0.05);
  for (const shuffle of [false, true]) {
    const a = new Perceptron({ shuffle, seed: 3, learningRate: 0.7 }).fit(Xs, y);
    const b = new Perceptron({ shuffle, seed: 3, learningRate: 0.7, dual: true }).fit(Xs, y);
    assertEquals(a.trace.map((u) => u.index), b.trace.map((u) => u.index));
    assertEquals(Array.from(a.alpha), Array.from(b.alpha));
    a.coef.forEach((v, l) => assertAlmostEquals(b.coef[l], v, 1e-9));
    assertAlmostEquals(b.intercept, a.intercept, 1e-12);
  }
});

Deno.test("XOR is not linearly separable: no convergence within maxIter (习题2.1)", () => {
  const p = new Perceptron({ maxIter: 50 }).fit([[0, 0], [1, 1], [0, 1], [1, 0]], [-1, -1, 1, 1]);
  assertEquals(p.converged, false);
  assertEquals(p.nIter, 50);
  assert(p.score([[0, 0], [1, 1], [0, 1], [1, 0]], [-1, -1, 1, 1]) < 1);
});

Deno.test("shuffle is seeded: same seed same model, other orders other separating lines", () => {
  const { X: Xs, y } = separable(11, 60, 2, 0.2);
  const a = new Perceptron({ shuffle: true, seed: 5 }).fit(Xs, y);
  const b = new Perceptron({ shuffle: true, seed: 5 }).fit(Xs, y);
  assertEquals(a.trace, b.trace);
  const lines = [1, 2, 3, 4].map((seed) =>
    Array.from(new Perceptron({ shuffle: true, seed }).fit(Xs, y).coef).join()
  );
  assert(new Set(lines).size > 1, "different visiting orders should reach different solutions");
});

Deno.test("labels: any two labels map to −1/+1 in sorted order and come back", () => {
  const s = new Perceptron().fit(X, ["yes", "yes", "no"]);
  assertEquals(s.classes, ["no", "yes"]);
  assertEquals(s.predict(X), ["yes", "yes", "no"]);
  const z = new Perceptron().fit(X, [1, 1, 0]);
  assertEquals(z.classes, [0, 1]);
  assertEquals(Array.from(z.coef), [1, 1]);
  assertEquals(Array.from(z.decisionFunction([[1, 1]])), [-1]);
});

Deno.test("matches scikit-learn's Perceptron (shuffle=False, tol=None)", () => {
  const fixture = JSON.parse(
    Deno.readTextFileSync(new URL("../../fixtures/lihang_perceptron.json", import.meta.url)),
  );
  const data = {
    iris: loadToyDataset("iris"),
    breast_cancer: loadToyDataset("breast_cancer"),
  } as const;
  for (const c of fixture.cases) {
    const ds = data[c.data as keyof typeof data];
    const rows = ds.X.map((x, i) => ({ x, y: ds.y[i] })).filter((r) => c.rows === "all" || r.y < 2);
    const Xs = rows.map((r) => c.cols.map((j: number) => r.x[j]));
    const ys = rows.map((r) => r.y);
    const opts = { learningRate: c.learningRate, maxIter: c.maxIter };
    const primal = new Perceptron(opts).fit(Xs, ys);
    // Same visiting order, same test y(w·x + b) ≤ 0, same arithmetic: the same weights.
    const scale = Math.max(1, ...c.coef.map(Math.abs));
    primal.coef.forEach((v, l) => assertAlmostEquals(v, c.coef[l], 1e-12 * scale));
    assertAlmostEquals(primal.intercept, c.intercept, 1e-12 * scale);
    assertEquals(primal.predict(Xs), c.predict);
    const dual = new Perceptron({ ...opts, dual: true }).fit(Xs, ys);
    if (c.rows === "all") {
      assertEquals(primal.converged, false); // breast cancer is not separable
      continue;
    }
    assert(primal.converged && dual.converged);
    assertEquals(dual.score(Xs, ys), 1);
    // The dual sums Σ αⱼ yⱼ Gⱼᵢ in another order; with a comfortable margin the path is the same.
    // (On sepal features alone the margin is tiny and ~1,500 updates let rounding pick another path.)
    if (primal.nUpdates < 100) {
      assertEquals(dual.trace.map((u) => u.index), primal.trace.map((u) => u.index));
      dual.coef.forEach((v, l) => assertAlmostEquals(v, c.coef[l], 1e-12 * scale));
    }
  }
});

Deno.test("round-trips through JSON", () => {
  const p = new Perceptron({ dual: true }).fit(X, ["b", "b", "a"]);
  const q = Perceptron.fromJSON(JSON.parse(JSON.stringify(p)));
  assertEquals(q.predict([[0, 0], [5, 5]]), ["a", "b"]);
  assertEquals(q.trace, p.trace);
  assertEquals(q.gram.toArray(), p.gram.toArray());
  assertEquals(q.options.dual, true);
  assertThrows(
    () => Perceptron.fromJSON({ ...p.toJSON(), className: "GaussianNB" }),
    ValueError,
    "this is a GaussianNB model, not a Perceptron model",
  );
});

Deno.test("bad input and options give clear errors", () => {
  assertThrows(() => new Perceptron({ maxIter: 0 }), ValueError, "'maxIter' option");
  assertThrows(() => new Perceptron({ learningRate: 0 }), ValueError, "'learningRate' option");
  assertThrows(() => new Perceptron({ dual: 1 as unknown as boolean }), ValueError, "'dual'");
  assertThrows(() => new Perceptron().fit(X, [1, 2, 3]), ValueError, "exactly 2 classes");
  assertThrows(() => new Perceptron().fit(X, [1, 1]), ShapeError, "y has 2 values");
  assertThrows(() => new Perceptron().predict(X), NotFittedError);
  assertThrows(
    () => new Perceptron().fit(X, Y).predict([[1, 2, 3]]),
    ShapeError,
    "X has 3 features, but Perceptron is expecting 2 features as input.",
  );
  assertThrows(() => new Perceptron().fit([[1, NaN], [0, 0]], [1, -1]), ValueError, "NaN");
});
