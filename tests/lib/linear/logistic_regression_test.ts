import { assert, assertAlmostEquals, assertEquals, assertLess, assertThrows } from "@std/assert";
import { Matrix, NotFittedError, Random, ShapeError, ValueError } from "../../../lib/core/mod.ts";
import { loadToyDataset } from "../../../lib/data/mod.ts";
import { LogisticRegression } from "../../../lib/linear/logistic_regression.ts";
import {
  BinaryLogisticObjective,
  MultinomialLogisticObjective,
} from "../../../lib/linear/logistic_objective.ts";
import { StandardScaler } from "../../../lib/preprocessing/mod.ts";
import type { TwiceDifferentiableObjective } from "../../../lib/solvers/mod.ts";

interface Fit {
  C: number;
  fitIntercept: boolean;
  coef: number[][];
  intercept: number[];
  predictProba: number[][];
  accuracy: number;
}
interface Fixture {
  dataset: "breast_cancer" | "iris" | "wine";
  classes: number[];
  fits: Fit[];
}

function fixture(name: string): Fixture {
  const url = new URL(`../../fixtures/logistic_${name}.json`, import.meta.url);
  return JSON.parse(Deno.readTextFileSync(url));
}

/** The fixture's inputs: data/<name>.csv standardized with the population std (StandardScaler). */
function standardized(name: Fixture["dataset"]): { Z: Matrix; y: number[] } {
  const { X, y } = loadToyDataset(name);
  return { Z: new StandardScaler().fitTransform(X), y };
}

/** max |a − b| over the model's coef and intercept against sklearn's. */
function coefGap(model: LogisticRegression, fit: Fit): number {
  let gap = 0;
  const coef = model.coef;
  fit.coef.forEach((row, k) =>
    row.forEach((v, j) => (gap = Math.max(gap, Math.abs(coef.get(k, j) - v))))
  );
  model.intercept.forEach((v, k) => (gap = Math.max(gap, Math.abs(v - fit.intercept[k]))));
  return gap;
}

function probaGap(P: Matrix, expected: number[][]): number {
  let gap = 0;
  expected.forEach((row, i) =>
    row.forEach((v, k) => (gap = Math.max(gap, Math.abs(P.get(i, k) - v))))
  );
  return gap;
}

// ---- hand-derived gradient and Hessian against central finite differences ----

function randomProblem(seed: number, n: number, p: number) {
  const rng = new Random(seed);
  const X = new Matrix(n, p, rng.normalArray(n * p));
  return { X, rng };
}

/** Central differences of f (for ∇f) and of ∇f along a direction (for ∇²f·v). */
function checkDerivatives(f: TwiceDifferentiableObjective, theta: Float64Array, rng: Random) {
  const h = 1e-6, n = f.size;
  const grad = new Float64Array(n), scratch = new Float64Array(n);
  f.valueAndGradient(theta, grad);
  for (let a = 0; a < n; a++) {
    const plus = theta.slice(), minus = theta.slice();
    plus[a] += h;
    minus[a] -= h;
    const fd = (f.valueAndGradient(plus, scratch) - f.valueAndGradient(minus, scratch)) / (2 * h);
    assertAlmostEquals(grad[a], fd, 1e-7, `∂J/∂θ[${a}]`);
  }
  return {
    grad,
    directional: (v: Float64Array) => {
      const gp = new Float64Array(n), gm = new Float64Array(n);
      const plus = theta.map((t, a) => t + h * v[a]), minus = theta.map((t, a) => t - h * v[a]);
      f.valueAndGradient(plus, gp);
      f.valueAndGradient(minus, gm);
      return gp.map((g, a) => (g - gm[a]) / (2 * h));
    },
    rng,
  };
}

Deno.test("binary objective: gradient and Hessian match finite differences", () => {
  for (const fitIntercept of [true, false]) {
    const { X, rng } = randomProblem(1, 40, 4);
    const y = Float64Array.from({ length: 40 }, () => (rng.uniform() < 0.4 ? 1 : 0));
    const f = new BinaryLogisticObjective({ X, fitIntercept, alpha: 0.3 }, y);
    const theta = rng.normalArray(f.size);
    const { directional } = checkDerivatives(f, theta, rng);
    const H = f.hessian(theta);
    for (let trial = 0; trial < 3; trial++) {
      const v = rng.normalArray(f.size);
      const Hv = H.matvec(v), fd = directional(v);
      Hv.forEach((x, a) => assertAlmostEquals(x, fd[a], 1e-7, `(∇²J v)[${a}]`));
    }
  }
});

Deno.test("multinomial objective: gradient and Hessian match finite differences", () => {
  for (const [fitIntercept, alpha] of [[true, 0.2], [false, 0.2], [true, 0]] as const) {
    const { X, rng } = randomProblem(2, 30, 3);
    const K = 4;
    const y = Int32Array.from({ length: 30 }, () => rng.int(K));
    const f = new MultinomialLogisticObjective({ X, fitIntercept, alpha }, y, K);
    const theta = rng.normalArray(f.size);
    const { directional } = checkDerivatives(f, theta, rng);
    const H = f.hessian(theta);
    for (let trial = 0; trial < 3; trial++) {
      // Directions with zero class-sum in the unpenalised coordinates: there `hessian` is the
      // exact ∇²J (the μ·P term it adds acts only on the class-sum directions).
      const v = rng.normalArray(f.size);
      f.centre(v);
      const Hv = H.matvec(v), fd = directional(v);
      Hv.forEach((x, a) => assertAlmostEquals(x, fd[a], 1e-7, `(∇²J v)[${a}]`));
    }
  }
});

Deno.test("multinomial objective: adding a constant to every intercept changes nothing", () => {
  const { X, rng } = randomProblem(3, 20, 2);
  const y = Int32Array.from({ length: 20 }, () => rng.int(3));
  const f = new MultinomialLogisticObjective({ X, fitIntercept: true, alpha: 0.1 }, y, 3);
  const theta = rng.normalArray(f.size);
  const shifted = theta.slice();
  for (let k = 0; k < 3; k++) shifted[k * 3 + 2] += 5; // q = p + 1 = 3: intercept at index 2
  const g1 = new Float64Array(f.size), g2 = new Float64Array(f.size);
  assertAlmostEquals(f.valueAndGradient(theta, g1), f.valueAndGradient(shifted, g2), 1e-12);
  g1.forEach((g, a) => assertAlmostEquals(g, g2[a], 1e-12));
  // ...which is why the gradient's intercept part sums to zero over classes.
  assertAlmostEquals(g1[2] + g1[5] + g1[8], 0, 1e-15);
});

Deno.test("objective value at θ = 0 is log K (uniform prediction)", () => {
  const { X } = randomProblem(4, 10, 3);
  const g = new Float64Array(4);
  const bin = new BinaryLogisticObjective(
    { X, fitIntercept: true, alpha: 1 },
    new Float64Array(10),
  );
  assertAlmostEquals(bin.valueAndGradient(new Float64Array(4), g), Math.log(2), 1e-15);
  const multi = new MultinomialLogisticObjective(
    { X, fitIntercept: true, alpha: 1 },
    new Int32Array(10),
    5,
  );
  assertAlmostEquals(
    multi.valueAndGradient(new Float64Array(20), new Float64Array(20)),
    Math.log(5),
    1e-15,
  );
});

// ---- scikit-learn parity ----

for (const name of ["breast_cancer", "iris", "wine"] as const) {
  const fx = fixture(name);
  for (const solver of ["lbfgs", "newton"] as const) {
    Deno.test(`sklearn parity (${name}, ${solver}): coef, intercept, predictProba at two C`, () => {
      const { Z, y } = standardized(name);
      for (const fit of fx.fits) {
        const model = new LogisticRegression({ C: fit.C, fitIntercept: fit.fitIntercept, solver })
          .fit(Z, y);
        assert(model.converged, `${solver} did not converge at C=${fit.C}`);
        const k = fx.classes.length === 2 ? 1 : fx.classes.length;
        assertEquals(model.coef.shape, [k, Z.cols]);
        assertEquals(model.classes, fx.classes);
        // The task asks for 1e-4; both solvers do much better at the default tol.
        const gap = coefGap(model, fit);
        assertLess(gap, solver === "newton" ? 1e-7 : 1e-5, `max |Δcoef| = ${gap} at C=${fit.C}`);
        assertLess(probaGap(model.predictProba(Z), fit.predictProba), 1e-6);
        assertEquals(model.score(Z, y), fit.accuracy);
      }
    });
  }
}

Deno.test("sklearn parity with plain gradient descent (C = 0.1, binary and multinomial)", () => {
  for (const name of ["breast_cancer", "wine"] as const) {
    const fit = fixture(name).fits.find((f) => f.C === 0.1)!;
    const { Z, y } = standardized(name);
    const model = new LogisticRegression({
      C: 0.1,
      solver: "gd",
      learningRate: 1,
      maxIter: 2000,
    }).fit(Z, y);
    assert(model.converged);
    assertLess(coefGap(model, fit), 1e-4);
    const h = model.lossHistory;
    assertEquals(h.length, model.nIter + 1);
    for (let t = 1; t < h.length; t++) assert(h[t] <= h[t - 1], "GD loss must not increase here");
  }
});

// ---- behaviour ----

Deno.test("Newton (IRLS) converges in a handful of iterations; L-BFGS in tens", () => {
  const { Z, y } = standardized("breast_cancer");
  const newton = new LogisticRegression({ solver: "newton" }).fit(Z, y);
  const lbfgs = new LogisticRegression().fit(Z, y);
  assertLess(newton.nIter, 15);
  assertLess(lbfgs.nIter, 100);
  assertLess(newton.nIter, lbfgs.nIter);
});

Deno.test("unpenalised fit (李航 §6.1.3 maximum likelihood): solvers agree, gradient of log-likelihood vanishes", () => {
  // Iris versicolor vs virginica on the two sepal features: overlapping, so the MLE exists.
  const { X, y } = loadToyDataset("iris");
  const rows = y.flatMap((c, i) => (c > 0 ? [i] : []));
  const X2 = rows.map((i) => [X[i][0], X[i][1]]);
  const y2 = rows.map((i) => (y[i] === 2 ? "virginica" : "versicolor"));
  const newton = new LogisticRegression({ penalty: "none", solver: "newton" }).fit(X2, y2);
  const lbfgs = new LogisticRegression({ penalty: "none", maxIter: 500 }).fit(X2, y2);
  assert(newton.converged && lbfgs.converged);
  for (let j = 0; j < 2; j++) assertAlmostEquals(newton.coef.get(0, j), lbfgs.coef.get(0, j), 1e-5);
  assertAlmostEquals(newton.intercept[0], lbfgs.intercept[0], 1e-4);
  // Score equations Σᵢ (σᵢ − yᵢ) x̃ᵢ = 0 at the MLE.
  const P = newton.predictProba(X2);
  const score = [0, 0, 0];
  X2.forEach((x, i) => {
    const r = P.get(i, 1) - (y2[i] === "virginica" ? 1 : 0);
    score[0] += r * x[0];
    score[1] += r * x[1];
    score[2] += r;
  });
  score.forEach((s) => assertLess(Math.abs(s), 1e-6));
});

Deno.test("string labels: classes sorted, predict returns the strings, proba columns follow classes", () => {
  const X = [[0], [1], [2], [3], [4], [5]];
  const y = ["yes", "no", "no", "yes", "yes", "yes"];
  const model = new LogisticRegression().fit(X, y);
  assertEquals(model.classes, ["no", "yes"]);
  const pred = model.predict([[10], [-10]]);
  assertEquals(pred.length, 2);
  assert(pred.every((p) => p === "yes" || p === "no"));
  const z = model.decisionFunction([[2.5]]).data[0];
  const P = model.predictProba([[2.5]]);
  assertAlmostEquals(P.get(0, 1), 1 / (1 + Math.exp(-z)), 1e-15);
  assertAlmostEquals(P.get(0, 0) + P.get(0, 1), 1, 1e-15);
});

Deno.test("decisionFunction is X·coefᵀ + intercept; predict is the argmax of predictProba", () => {
  const { Z, y } = standardized("wine");
  const model = new LogisticRegression({ C: 0.5 }).fit(Z, y);
  const D = model.decisionFunction(Z), W = model.coef, b = model.intercept;
  const P = model.predictProba(Z);
  const pred = model.predict(Z);
  for (const i of [0, 60, 177]) {
    for (let k = 0; k < 3; k++) {
      let s = b[k];
      for (let j = 0; j < Z.cols; j++) s += W.get(k, j) * Z.get(i, j);
      assertAlmostEquals(D.get(i, k), s, 1e-12);
    }
    const row = Array.from(P.row(i));
    assertAlmostEquals(row.reduce((a, c) => a + c, 0), 1, 1e-14);
    assertEquals(pred[i], row.indexOf(Math.max(...row)));
  }
  // Multinomial intercepts come out centred, as scikit-learn's.
  assertAlmostEquals(b[0] + b[1] + b[2], 0, 1e-12);
});

Deno.test("toJSON / fromJSON round trip keeps options, classes and predictions", () => {
  const { Z, y } = standardized("iris");
  const labels = y.map((c) => ["setosa", "versicolor", "virginica"][c]);
  const model = new LogisticRegression({ C: 0.3, solver: "newton" }).fit(Z, labels);
  const restored = LogisticRegression.fromJSON(JSON.stringify(model));
  assertEquals(restored.options, model.options);
  assertEquals(restored.classes, model.classes);
  assertEquals(restored.predictProba(Z).data, model.predictProba(Z).data);
  assertEquals(restored.predict(Z), model.predict(Z));
  assertEquals(restored.nIter, model.nIter);
  assertThrows(
    () => LogisticRegression.fromJSON({ ...model.toJSON(), className: "StandardScaler" }),
    ValueError,
    "this is a StandardScaler model, not a LogisticRegression model",
  );
});

Deno.test("clear errors: one class, not fitted, feature drift, non-finite X, bad options", () => {
  assertThrows(
    () => new LogisticRegression().fit([[1], [2]], [3, 3]),
    ValueError,
    "needs samples of at least 2 classes in the data, but the data contains only one class: 3",
  );
  assertThrows(
    () => new LogisticRegression().predictProba([[1]]),
    NotFittedError,
    "not fitted yet",
  );
  assertThrows(() => new LogisticRegression().coef, NotFittedError);
  const model = new LogisticRegression().fit([[0, 1], [1, 0], [1, 1], [0, 0]], [0, 1, 1, 0]);
  assertThrows(
    () => model.predict([[1, 2, 3]]),
    ShapeError,
    "X has 3 features, but LogisticRegression is expecting 2 features as input.",
  );
  assertThrows(
    () => new LogisticRegression().fit([[0, 1], [Infinity, 0]], [0, 1]),
    ValueError,
    "X must contain only finite numbers. Got Infinity at row 1, column 0.",
  );
  assertThrows(() => new LogisticRegression().fit([[0], [1]], [0]), ShapeError, "y has 1 values");
  assertEquals(model.score([[0, 1]], [7]), 0); // scikit-learn: an unseen label is a miss
  assertThrows(
    () => new LogisticRegression({ C: 0 }),
    ValueError,
    "The 'C' option must be a number > 0. Got 0 instead.",
  );
  assertThrows(() => new LogisticRegression({ solver: "sag" as "gd" }), ValueError, "'solver'");
  assertThrows(() => new LogisticRegression({ maxIter: 0 }), ValueError, "'maxIter'");
  assertThrows(
    () => new LogisticRegression({ alpha: 1 } as never),
    ValueError,
    "Unknown option 'alpha'",
  );
});
