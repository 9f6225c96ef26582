import { assert, assertAlmostEquals, assertEquals, assertThrows } from "@std/assert";
import {
  catchWarnings,
  ConvergenceWarning,
  NotFittedError,
  ValueError,
} from "../../../lib/core/mod.ts";
import { SVC, type SVCOptions } from "../../../lib/svm/mod.ts";

interface Case {
  name: string;
  params: Record<string, number | string>;
  X: number[][];
  y: number[];
  support: number[];
  nSupport: number[];
  dualCoef: number[][];
  intercept: number[];
  gamma: number;
  grid: number[][];
  decision: number[] | number[][];
  decisionOvo?: number[][];
  predict: number[];
  coef?: number[][];
}
const fixture = JSON.parse(
  Deno.readTextFileSync(new URL("../../fixtures/svm_sklearn.json", import.meta.url)),
) as { tol: number; cases: Case[]; proba: { grid: number[][]; proba: number[][] } };

function options(c: Case): Partial<SVCOptions> {
  const p = c.params;
  return {
    kernel: p.kernel as SVCOptions["kernel"],
    C: p.C === "Infinity" ? Infinity : p.C as number,
    gamma: p.gamma as number | "scale" | undefined,
    degree: p.degree as number | undefined,
    coef0: p.coef0 as number | undefined,
    tol: fixture.tol,
  };
}

const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  Array.from(a).reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);

Deno.test("例7.1/7.2: w = (1/2, 1/2), b = −2, α = (1/4, 0, 1/4), by both pair rules", () => {
  for (const selection of ["wss3", "book"] as const) {
    const svm = new SVC({ kernel: "linear", C: Infinity, selection }).fit(
      [[3, 3], [4, 3], [1, 1]],
      [1, 1, -1],
    );
    assertEquals(svm.coef.toArray(), [[0.5, 0.5]]);
    assertEquals(Array.from(svm.intercept), [-2]);
    // support_ grouped by class (x₃ of class −1 first), dual_coef_ = αᵢyᵢ
    assertEquals(Array.from(svm.supportIndices), [2, 0]);
    assertEquals(svm.dualCoef.toArray(), [[-0.25, 0.25]]);
    assertEquals(svm.predict([[3, 3], [4, 3], [1, 1]]), [1, 1, -1]);
    // functional margins of the support vectors are exactly 1
    assertEquals(Array.from(svm.decisionFunction([[3, 3], [1, 1], [4, 3]]) as Float64Array), [
      1,
      -1,
      1.5,
    ]);
  }
});

Deno.test("习题7.2: w = (−1, 2), b = −2, support vectors x₁, x₃, x₅", () => {
  const X = [[1, 2], [2, 3], [3, 3], [2, 1], [3, 2]], y = [1, 1, 1, -1, -1];
  for (const selection of ["wss3", "book"] as const) {
    const svm = new SVC({ kernel: "linear", C: Infinity, tol: 1e-10, selection }).fit(X, y);
    const w = svm.coef.row(0);
    assertAlmostEquals(w[0], -1, 1e-9);
    assertAlmostEquals(w[1], 2, 1e-9);
    assertAlmostEquals(svm.intercept[0], -2, 1e-9);
    assertEquals(Array.from(svm.supportIndices), [4, 0, 2]);
    const alpha = svm.dualCoef.row(0);
    [-2.5, 0.5, 2].forEach((v, k) => assertAlmostEquals(alpha[k], v, 1e-9));
    // margin 2/‖w‖ = 2/√5
    assertAlmostEquals(2 / Math.hypot(w[0], w[1]), 2 / Math.sqrt(5), 1e-9);
  }
});

for (const c of fixture.cases) {
  Deno.test(`scikit-learn parity: ${c.name}`, () => {
    const svm = new SVC(options(c)).fit(c.X, c.y);
    assertAlmostEquals(svm.gamma, c.gamma, 1e-12);
    assertEquals(Array.from(svm.supportIndices), c.support);
    assertEquals(Array.from(svm.nSupport), c.nSupport);
    const scale = Math.max(1, ...c.dualCoef.flat().map(Math.abs));
    assert(maxDiff(svm.dualCoef.data, c.dualCoef.flat()) < 1e-4 * scale, "dual_coef_");
    assert(maxDiff(svm.intercept, c.intercept) < 1e-4 * scale, "intercept_");
    const dec = svm.decisionFunction(c.grid);
    const got = dec instanceof Float64Array ? dec : dec.data;
    const diff = maxDiff(got, c.decision.flat());
    assert(diff < 1e-4 * scale, `decision_function differs by ${diff}`);
    if (c.decisionOvo) {
      const ref = c.decisionOvo.flat(), big = Math.max(1, ...ref.map(Math.abs));
      assert(maxDiff(svm.decisionFunctionOvo(c.grid).data, ref) < 1e-4 * big, "ovo decision");
    }
    assertEquals(svm.predict(c.grid), c.predict);
    if (c.coef) assert(maxDiff(svm.coef.data, c.coef.flat()) < 1e-4 * scale, "coef_");
  });
}

Deno.test("the book's pair rule reaches the same dual solution as WSS3 (rbf, moons)", () => {
  const c = fixture.cases.find((k) => k.name.includes('"rbf", "C": 1.0'))!;
  const a = new SVC({ ...options(c), tol: 1e-8 }).fit(c.X, c.y);
  const b = new SVC({ ...options(c), tol: 1e-8, selection: "book" }).fit(c.X, c.y);
  assertEquals(Array.from(a.supportIndices), Array.from(b.supportIndices));
  assert(
    maxDiff(
      a.decisionFunction(c.grid) as Float64Array,
      b.decisionFunction(c.grid) as Float64Array,
    ) < 1e-5,
  );
  assert(a.nIter[0] < b.nIter[0], "second-order selection needs fewer steps");
});

Deno.test("Platt scaling: seeded, monotone in f(x), rows sum to 1, near scikit-learn", () => {
  const c = fixture.cases.find((k) => k.name.includes('"rbf", "C": 1.0'))!;
  const a = new SVC({ kernel: "rbf", probability: true, seed: 3 }).fit(c.X, c.y);
  const b = new SVC({ kernel: "rbf", probability: true, seed: 3 }).fit(c.X, c.y);
  const grid = fixture.proba.grid;
  const p = a.predictProba(grid);
  assertEquals(p.data, b.predictProba(grid).data);
  const f = a.decisionFunction(grid) as Float64Array;
  const order = Array.from(f.keys()).sort((i, j) => f[i] - f[j]);
  for (let k = 1; k < order.length; k++) {
    assert(p.get(order[k], 1) >= p.get(order[k - 1], 1) - 1e-12);
  }
  for (let r = 0; r < p.rows; r++) assertAlmostEquals(p.get(r, 0) + p.get(r, 1), 1, 1e-12);
  assert(
    maxDiff(p.data, fixture.proba.proba.flat()) < 0.15,
    "within 0.15 of libsvm's (other folds)",
  );
});

Deno.test("multiclass probabilities by pairwise coupling sum to 1 and agree with predict mostly", () => {
  const c = fixture.cases.find((k) => k.name.startsWith("iris") && k.name.includes("rbf"))!;
  const svm = new SVC({ kernel: "rbf", probability: true }).fit(c.X, c.y);
  const p = svm.predictProba(c.grid);
  for (let r = 0; r < p.rows; r++) assertAlmostEquals(p.row(r).reduce((s, v) => s + v, 0), 1, 1e-9);
  const argmax = Array.from(
    { length: p.rows },
    (_, r) => svm.classes[p.row(r).indexOf(Math.max(...p.row(r)))],
  );
  const pred = svm.predict(c.grid);
  assert(argmax.filter((v, i) => v === pred[i]).length >= p.rows - 2);
});

Deno.test("string labels, JSON round trip, not-fitted and bad options", () => {
  const X = [[0, 0], [1, 1], [2, 0], [3, 1]], y = ["a", "a", "b", "b"];
  const svm = new SVC({ kernel: "linear" }).fit(X, y);
  assertEquals(svm.predict(X), y);
  const back = SVC.fromJSON(JSON.parse(JSON.stringify(svm.toJSON())));
  assertEquals(back.decisionFunction(X), svm.decisionFunction(X));
  const hard = SVC.fromJSON(JSON.stringify(new SVC({ kernel: "linear", C: Infinity }).fit(X, y)));
  assertEquals(hard.options.C, Infinity);
  assertThrows(() => new SVC().predict(X), NotFittedError);
  assertThrows(() => new SVC({ C: 0 }), ValueError, "'C'");
  assertThrows(() => new SVC({ kernel: "cubic" as "rbf" }), ValueError, "kernel");
  assertThrows(() => new SVC({ kernel: "rbf" }).fit(X, y).coef, ValueError, "linear");
  assertThrows(() => svm.predictProba(X), ValueError, "probability: true");
  assertThrows(() => new SVC().fit(X, ["a", "a", "a", "a"]), ValueError, "at least 2 classes");
  assertThrows(() => new SVC().fit(X, [0.5, 1.5, 2.5, 3.5]), ValueError, "continuous");
});

Deno.test("a sigmoid kernel that is not PSD is refused for the hard margin", () => {
  const X = [[0, 0], [1, 1], [2, 0], [3, 1], [0.5, 2]], y = [0, 0, 1, 1, 0];
  assertThrows(
    () => new SVC({ kernel: "sigmoid", C: Infinity, gamma: 2, coef0: -1 }).fit(X, y),
    ValueError,
    "not positive semi-definite",
  );
  // with a finite C the box keeps the dual bounded: it trains
  new SVC({ kernel: "sigmoid", C: 1, gamma: 2, coef0: -1 }).fit(X, y);
});

Deno.test("hard margin on data that are not separable: ConvergenceWarning", () => {
  const { result: svm, warnings } = catchWarnings(() =>
    new SVC({ kernel: "linear", C: Infinity, maxIter: 200 }).fit([[0], [1], [2], [3]], [0, 1, 0, 1])
  );
  assertEquals(svm.converged, false);
  assertEquals(warnings.length, 1);
  assert(warnings[0] instanceof ConvergenceWarning);
  assert(warnings[0].message.includes("maxIter=200"));
});
