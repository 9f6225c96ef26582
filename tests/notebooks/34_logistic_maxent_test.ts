/** The functions notebooks/34_logistic_maxent.ipynb uses, with 李航 第6章's numbers and its claims. */
import { assert, assertAlmostEquals, assertEquals, assertGreater, assertLess } from "@std/assert";
import {
  BinaryLogisticObjective,
  loadBreastCancer,
  loadIris,
  loanApplications,
  LogisticRegression,
  Matrix,
  numericDerivative,
  StandardScaler,
  svd,
} from "../../lib/mod.ts";
import {
  type FeatureFunction,
  LogisticDistribution,
  MaxEnt,
  oneHotEncode,
  solveMaxEntDual,
} from "../../lib/maxent/mod.ts";
import { headingIs, modelSections, sectionHeadings, sourceNotebook } from "../support/notebooks.ts";
import { type CategoricalFixture, fixture, maxDiff } from "../lib/maxent/helpers.ts";

const NAME = "34_logistic_maxent";
const outcomes = ["A", "B", "C", "D", "E"];
const inAB = (o: string) => (o === "A" || o === "B" ? 1 : 0);

Deno.test("notebook has the model sections in order, the reading notes and the exercises", () => {
  const headings = sectionHeadings(sourceNotebook(NAME));
  const positions = modelSections.map((s) => headings.findIndex((h) => headingIs(h, s)));
  assert(positions.every((p) => p >= 0), `missing a model section in ${headings}`);
  assertEquals([...positions].sort((a, b) => a - b), positions, "model sections out of order");
  for (const s of ["阅读笔记", "习题"]) {
    assert(headings.some((h) => headingIs(h, s)), `missing "## ${s}" in ${headings}`);
  }
});

Deno.test("例6.1: uniform 1/5 without information; 3/20 and 7/30 with P(A) + P(B) = 3/10", () => {
  const step1 = solveMaxEntDual(outcomes, []);
  for (const p of step1.probabilities) assertAlmostEquals(p, 0.2, 1e-15);
  const step2 = solveMaxEntDual(outcomes, [{ feature: inAB, expectation: 3 / 10 }]);
  [3 / 20, 3 / 20, 7 / 30, 7 / 30, 7 / 30].forEach((p, i) =>
    assertAlmostEquals(step2.probabilities[i], p, 1e-9)
  );
  // The notebook's closed-form dual Ψ(w₀, w₁) peaks at the solver's multipliers, with value −H(P*).
  const psi = (w0: number, w1: number) =>
    -2 * Math.exp(w0 + w1 - 1) - 3 * Math.exp(w0 - 1) + w0 + 0.3 * w1;
  const [w0, w1] = [step2.w0, step2.weights[0]];
  assertAlmostEquals(psi(w0, w1), -step2.entropy, 1e-12);
  assertAlmostEquals(numericDerivative((a) => psi(a, w1), w0), 0, 1e-9);
  assertAlmostEquals(numericDerivative((a) => psi(w0, a), w1), 0, 1e-9);
  assertAlmostEquals(Math.exp(w0 - 1), 7 / 30, 1e-12);
  assertAlmostEquals(Math.exp(w0 + w1 - 1), 3 / 20, 1e-12);
});

Deno.test("logistic distribution: f(μ) = 1/(4γ), symmetry, F = σ for μ = 0, γ = 1", () => {
  const d = new LogisticDistribution({ mu: 1, gamma: 0.5 });
  assertAlmostEquals(d.pdf(1), 0.5, 1e-15);
  assertAlmostEquals(d.cdf(1.7) + d.cdf(0.3), 1, 1e-15);
  const std = new LogisticDistribution();
  for (const z of [-3, 0.4, 5]) assertAlmostEquals(std.cdf(z), 1 / (1 + Math.exp(-z)), 1e-15);
});

Deno.test("(6.7) with w_k − w_K reproduces the softmax probabilities on iris", () => {
  const iris = loadIris();
  const Z = new StandardScaler().fit(iris.X).transform(iris.X);
  const lr = new LogisticRegression({ C: 10 }).fit(Z, iris.y);
  const W = lr.coef, b = lr.intercept;
  const proba = lr.predictProba(Z);
  for (let i = 0; i < Z.rows; i++) {
    const e = [0, 1].map((k) => {
      let z = b[k] - b[2];
      for (let j = 0; j < 4; j++) z += (W.get(k, j) - W.get(2, j)) * Z.get(i, j);
      return Math.exp(z);
    });
    const denominator = 1 + e[0] + e[1];
    assertLess(
      maxDiff([e[0] / denominator, e[1] / denominator, 1 / denominator], proba.row(i)),
      1e-14,
    );
  }
});

Deno.test("the dual function equals the log-likelihood at any w, and H = −L at the optimum", () => {
  const { rows, labels } = fixture<CategoricalFixture>("maxent_categorical");
  for (const maxIter of [3, 1000]) {
    const m = new MaxEnt({ maxIter, tol: 1e-8 }).fit(rows, labels);
    const proba = m.predictProba(rows);
    const H = -Array.from(proba.data).reduce((s, v) => s + v * Math.log(v), 0) / proba.rows;
    const { empirical, model } = m.expectations(rows, labels);
    const psi = -H + m.weights.reduce((s, w, i) => s + w * (empirical[i] - model[i]), 0);
    assertAlmostEquals(psi, m.logLikelihood(rows, labels), 1e-14);
    if (maxIter > 3) assertAlmostEquals(H, -m.logLikelihood(rows, labels), 1e-8);
  }
});

Deno.test("solvers on 表5.1 (L2): same optimum, IIS by Newton steps and far more iterations", () => {
  const loan = loanApplications();
  const fits = (["iis", "lbfgs", "bfgs", "dfp"] as const).map((solver) =>
    new MaxEnt({ solver, penalty: "l2", C: 1, tol: 1e-8, maxIter: 5000 }).fit(loan.X, loan.y)
  );
  for (const m of fits) {
    assert(m.converged);
    assertLess(maxDiff(m.predictProba(loan.X).data, fits[1].predictProba(loan.X).data), 1e-7);
  }
  assertEquals(fits[0].iisStep, "newton");
  assertGreater(fits[0].nIter, 10 * Math.max(...fits.slice(1).map((m) => m.nIter)));
});

Deno.test("breast cancer in [0, 1]: 400 IIS sweeps stay ~1e-2 above the optimum L-BFGS reaches", () => {
  const bc = loadBreastCancer();
  const train = bc.y.flatMap((_, i) => (i % 4 === 0 ? [] : [i]));
  const lo = bc.featureNames.map((_, j) => Math.min(...train.map((i) => bc.X[i][j])));
  const hi = bc.featureNames.map((_, j) => Math.max(...train.map((i) => bc.X[i][j])));
  const X = train.map((i) => bc.X[i].map((v, j) => (v - lo[j]) / (hi[j] - lo[j])));
  const y = train.map((i) => bc.y[i]);
  const features: FeatureFunction<number[]>[] = [0, 1].flatMap((c) => [
    ...bc.featureNames.map((_, j) => (x: number[], l: string | number) => (l === c ? x[j] : 0)),
    (_x: number[], l: string | number) => (l === c ? 1 : 0),
  ]);
  const fit = (solver: "iis" | "lbfgs", maxIter: number) =>
    new MaxEnt<number[]>({ features, solver, penalty: "l2", C: 1, maxIter }).fit(X, y);
  const iis = fit("iis", 400), lbfgs = fit("lbfgs", 1000);
  assert(lbfgs.converged && !iis.converged);
  assertEquals(iis.iisStep, "newton");
  const gap = iis.lossHistory.at(-1)! - lbfgs.lossHistory.at(-1)!;
  assertGreater(gap, 1e-3);
  assertLess(gap, 1e-1);
  assertLess(lbfgs.nIter, 100);
});

Deno.test("equivalence table: the equalities hold, the intercept and binary-C cases do not", () => {
  const fx = fixture<CategoricalFixture>("maxent_categorical");
  const { rows, labels } = fx;
  const { X } = oneHotEncode(rows);
  const me = new MaxEnt({ penalty: "l2", C: 1, indicatorPairs: "all", tol: 1e-9 }).fit(
    rows,
    labels,
  );
  const lr = new LogisticRegression({ C: 1, fitIntercept: false, tol: 1e-10 }).fit(X, labels);
  assertLess(maxDiff(me.predictProba(rows).data, lr.predictProba(X).data), 1e-7);
  assertLess(maxDiff(me.predictProba(rows).data, fx.multinomialL2.predictProba.flat()), 1e-7);
  const lrNone = new LogisticRegression({ penalty: "none", tol: 1e-10, maxIter: 1000 }).fit(
    X,
    labels,
  );
  assertLess(maxDiff(lrNone.predictProba(X).data, fx.multinomialNone.predictProba.flat()), 1e-7);
  const lrDefault = new LogisticRegression({ C: 1, tol: 1e-10 }).fit(X, labels);
  assertGreater(maxDiff(me.predictProba(rows).data, lrDefault.predictProba(X).data), 1e-4);
});

Deno.test("习题6.1: A'(η) = F(η), A''(η) = f(η); the location family's mixed derivative is not rank 1", () => {
  const A = (eta: number) => Math.log1p(Math.exp(eta));
  const std = new LogisticDistribution();
  for (const eta of [-3, 0, 1.2]) {
    assertAlmostEquals(numericDerivative(A, eta), std.cdf(eta), 1e-9);
    assertAlmostEquals(
      numericDerivative((e) => numericDerivative(A, e, 1e-4), eta, 1e-4),
      std.pdf(eta),
      1e-6,
    );
  }
  const grid = Array.from({ length: 25 }, (_, i) => -4 + i / 3);
  const mixed = (logf: (x: number, mu: number) => number) =>
    Matrix.from2D(
      grid.map((x) =>
        grid.map((mu) =>
          numericDerivative((m) => numericDerivative((t) => logf(t, m), x, 1e-4), mu, 1e-4)
        )
      ),
    );
  const logistic = svd(mixed((x, mu) => new LogisticDistribution({ mu }).logPdf(x))).s;
  const gauss = svd(mixed((x, mu) => -0.5 * (x - mu) ** 2)).s;
  assertGreater(logistic[2] / logistic[0], 0.1);
  assertLess(gauss[1] / gauss[0], 1e-6);
});

Deno.test("习题6.2: one gradient-descent step by hand equals LogisticRegression's; all solvers agree", () => {
  const bc = loadBreastCancer();
  const train = bc.y.flatMap((_, i) => (i % 4 === 0 ? [] : [i]));
  const Xtr = new StandardScaler().fit(train.map((i) => bc.X[i])).transform(
    train.map((i) => bc.X[i]),
  );
  const ytr = train.map((i) => bc.y[i]);
  const n = Xtr.rows, p = Xtr.cols;
  const J = new BinaryLogisticObjective(
    { X: Xtr, fitIntercept: true, alpha: 1 / n },
    Float64Array.from(ytr),
  );
  const g = new Float64Array(p + 1);
  J.valueAndGradient(new Float64Array(p + 1), g);
  const step = new LogisticRegression({ solver: "gd", learningRate: 1, maxIter: 1 }).fit(Xtr, ytr);
  assertLess(maxDiff(g.map((v) => -v), [...step.coef.data, step.intercept[0]]), 1e-15);
  const gd = new LogisticRegression({ solver: "gd", learningRate: 1, tol: 1e-8, maxIter: 10000 })
    .fit(Xtr, ytr);
  const newton = new LogisticRegression({ solver: "newton", tol: 1e-8 }).fit(Xtr, ytr);
  assert(gd.converged && newton.converged);
  assertGreater(gd.nIter, 1000);
  assertLess(maxDiff(gd.coef.data, newton.coef.data), 1e-4);
});

Deno.test("case study: LogisticRegression(C=1) on breast cancer equals scikit-learn's", () => {
  const sk = fixture<{
    coef: number[];
    intercept: number;
    trainAccuracy: number;
    testAccuracy: number;
    testProba: number[];
  }>("maxent_breast_cancer");
  const bc = loadBreastCancer();
  const train = bc.y.flatMap((_, i) => (i % 4 === 0 ? [] : [i]));
  const test = bc.y.flatMap((_, i) => (i % 4 === 0 ? [i] : []));
  const scaler = new StandardScaler().fit(train.map((i) => bc.X[i]));
  const Xtr = scaler.transform(train.map((i) => bc.X[i]));
  const Xte = scaler.transform(test.map((i) => bc.X[i]));
  const model = new LogisticRegression({ C: 1, tol: 1e-8 }).fit(Xtr, train.map((i) => bc.y[i]));
  assertLess(maxDiff(model.coef.data, sk.coef), 1e-5);
  assertAlmostEquals(model.intercept[0], sk.intercept, 1e-5);
  assertLess(maxDiff(model.predictProba(Xte).col(1), sk.testProba), 1e-5);
  assertEquals(model.score(Xtr, train.map((i) => bc.y[i])), sk.trainAccuracy);
  assertEquals(model.score(Xte, test.map((i) => bc.y[i])), sk.testAccuracy);
});
