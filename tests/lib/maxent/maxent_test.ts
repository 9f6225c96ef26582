import {
  assert,
  assertAlmostEquals,
  assertEquals,
  assertGreater,
  assertLess,
  assertThrows,
} from "@std/assert";
import { NotFittedError, ShapeError, ValueError } from "../../../lib/core/mod.ts";
import { LogisticRegression } from "../../../lib/linear/mod.ts";
import { type FeatureFunction, MaxEnt, oneHotEncode } from "../../../lib/maxent/mod.ts";
import { LOAN_X, LOAN_Y } from "../../support/lihang.ts";
import { type CategoricalFixture, fixture, maxDiff, weightsByClass } from "./helpers.ts";

const fx = fixture<CategoricalFixture>("maxent_categorical");
const { rows, labels } = fx;
const binaryRows = fx.binaryRows.map((i) => rows[i]);
const binaryLabels = fx.binaryRows.map((i) => labels[i]);
const solvers = ["iis", "lbfgs", "bfgs", "dfp"] as const;

Deno.test("all four solvers reach the same optimum (LOAN table 5.1, L2, IIS with Newton steps)", () => {
  const fits = solvers.map((solver) =>
    new MaxEnt({ solver, penalty: "l2", C: 1, tol: 1e-8, maxIter: 2000 }).fit(LOAN_X, LOAN_Y)
  );
  const ref = fits[1];
  for (const m of fits) {
    assert(m.converged, `${m.options.solver} did not converge`);
    assertLess(maxDiff(m.weights, ref.weights), 1e-6);
    assertLess(maxDiff(m.predictProba(LOAN_X).data, ref.predictProba(LOAN_X).data), 1e-7);
    assertAlmostEquals(m.lossHistory.at(-1)!, ref.lossHistory.at(-1)!, 1e-13);
  }
  assertEquals(fits[0].iisStep, "newton");
  assertGreater(fits[0].nIter, 5 * ref.nIter); // IIS is first order: many more sweeps
});

Deno.test("'all' indicators + L2 = scikit-learn multinomial LogisticRegression on one-hot, no intercept", () => {
  const sk = fx.multinomialL2;
  for (const solver of ["lbfgs", "bfgs", "dfp"] as const) {
    const m = new MaxEnt({ solver, penalty: "l2", C: 1, indicatorPairs: "all", tol: 1e-8 })
      .fit(rows, labels);
    assertEquals(m.classes, sk.classes);
    assertLess(maxDiff(weightsByClass(m.weights, 3).flat(), sk.coef.flat()), 1e-6, solver);
    assertLess(maxDiff(m.predictProba(rows).data, sk.predictProba.flat()), 1e-7, solver);
  }
  // IIS gets there too, slowly: the penalty is the only curvature along the redundant directions.
  const iis = new MaxEnt({ solver: "iis", penalty: "l2", indicatorPairs: "all", tol: 1e-7 })
    .fit(rows, labels);
  assert(iis.converged);
  assertLess(maxDiff(iis.predictProba(rows).data, sk.predictProba.flat()), 1e-6);
});

Deno.test("… and equals our LogisticRegression with the same C on the one-hot columns", () => {
  const { X } = oneHotEncode(rows);
  const lr = new LogisticRegression({ C: 1, fitIntercept: false, tol: 1e-10 }).fit(X, labels);
  const me = new MaxEnt({ penalty: "l2", C: 1, indicatorPairs: "all", tol: 1e-8 }).fit(
    rows,
    labels,
  );
  assertLess(maxDiff(me.predictProba(rows).data, lr.predictProba(X).data), 1e-7);
  assertLess(maxDiff(weightsByClass(me.weights, 3).flat(), lr.coef.data), 1e-6);
  // An unseen row: the models agree everywhere, not only on the training rows.
  const unseen = [["sunny", "cool", "yes"]];
  assertLess(
    maxDiff(
      me.predictProba(unseen).data,
      lr.predictProba(oneHotEncode(unseen, fx.categories).X).data,
    ),
    1e-7,
  );
});

Deno.test("two classes: MaxEnt with C/2 equals binary logistic regression with C", () => {
  // Binary LR has one vector d = w_yes − w_no with penalty ½‖d‖²; MaxEnt penalises ½(‖w_no‖² +
  // ‖w_yes‖²), minimised at w_no = −w_yes = −d/2: ¼‖d‖². Same objective when C_maxent = C/2.
  const sk = fx.binaryL2;
  const half = new MaxEnt({ penalty: "l2", C: 0.5, indicatorPairs: "all", tol: 1e-9 })
    .fit(binaryRows, binaryLabels);
  const [wNo, wYes] = weightsByClass(half.weights, 2);
  assertLess(maxDiff(wYes.map((v, j) => v - wNo[j]), sk.coef[0]), 1e-6);
  assertLess(maxDiff(wYes.map((v, j) => v + wNo[j]), new Array(wNo.length).fill(0)), 1e-6);
  assertLess(maxDiff(half.predictProba(binaryRows).data, sk.predictProba.flat()), 1e-8);
  const same = new MaxEnt({ penalty: "l2", C: 1, indicatorPairs: "all", tol: 1e-9 })
    .fit(binaryRows, binaryLabels);
  assertGreater(maxDiff(same.predictProba(binaryRows).data, sk.predictProba.flat()), 1e-3);
});

Deno.test("unpenalised: the fitted probabilities equal scikit-learn's (penalty=None, with intercept)", () => {
  // Weights are not identifiable (an intercept, or a constant added to a column's values, changes
  // nothing), but the maximum-likelihood probabilities on the training rows are unique.
  const sk = fx.multinomialNone;
  for (const solver of ["iis", "lbfgs"] as const) {
    const m = new MaxEnt({ solver, indicatorPairs: "all", tol: 1e-8 }).fit(rows, labels);
    assertLess(maxDiff(m.predictProba(rows).data, sk.predictProba.flat()), 1e-6, solver);
    assertAlmostEquals(m.logLikelihood(rows, labels), sk.meanLogLikelihood, 1e-12);
  }
});

Deno.test("not equal: scikit-learn's default (intercept unpenalised) vs MaxEnt with the same C", () => {
  const m = new MaxEnt({ penalty: "l2", C: 1, indicatorPairs: "all", tol: 1e-8 }).fit(rows, labels);
  const diff = maxDiff(m.predictProba(rows).data, fx.multinomialL2Intercept.predictProba.flat());
  assertGreater(diff, 1e-4);
  assertLess(diff, 1e-2);
});

Deno.test("feature functions written by hand give the same model as the indicator features", () => {
  const auto = new MaxEnt({ penalty: "l2", tol: 1e-9 }).fit(LOAN_X, LOAN_Y);
  const fns: FeatureFunction<string[]>[] = auto.indicators!.map((f) => (x, y) =>
    x[f.column] === f.value && y === f.label ? 1 : 0
  );
  const hand = new MaxEnt<string[]>({ features: fns, penalty: "l2", tol: 1e-9 }).fit(
    LOAN_X,
    LOAN_Y,
  );
  assertLess(maxDiff(hand.weights, auto.weights), 1e-12);
  assertEquals(hand.predict(LOAN_X), auto.predict(LOAN_X));
  assertEquals(
    auto.featureNames(["年龄", "有工作", "有自己的房子", "信贷情况"])[0],
    '年龄="中年" ∧ y="否"',
  );
});

Deno.test("histories: one value per iteration; log-likelihood = −J without penalty, J − penalty with", () => {
  for (const penalty of ["none", "l2"] as const) {
    const m = new MaxEnt({ penalty, solver: "lbfgs", indicatorPairs: "all" }).fit(rows, labels);
    assertEquals(m.lossHistory.length, m.nIter + 1);
    assertEquals(m.logLikelihoodHistory.length, m.nIter + 1);
    assertAlmostEquals(m.logLikelihoodHistory[0], -Math.log(3), 1e-14);
    assertAlmostEquals(m.logLikelihoodHistory.at(-1)!, m.logLikelihood(rows, labels), 1e-14);
    const w = m.weights;
    const penaltyTerm = penalty === "l2" ? 0.5 / rows.length * w.reduce((s, v) => s + v * v, 0) : 0;
    assertAlmostEquals(m.lossHistory.at(-1)! + m.logLikelihoodHistory.at(-1)!, penaltyTerm, 1e-14);
  }
});

Deno.test("predict, score, unseen values, DataFrame-like input and numeric labels", () => {
  const m = new MaxEnt({ penalty: "l2" }).fit(LOAN_X, LOAN_Y);
  assertEquals(m.score(LOAN_X, LOAN_Y), 1);
  const p = m.predictProba([["少年", "也许", "租的", "极差"]]); // no value seen in fit: P uniform
  assertAlmostEquals(p.get(0, 0), 0.5, 1e-15);
  const frame = { values: LOAN_X, shape: [LOAN_X.length, 4] };
  assertEquals(m.predict(frame), m.predict(LOAN_X));
  const numeric = new MaxEnt({ penalty: "l2" }).fit(
    LOAN_X,
    LOAN_Y.map((v) => (v === "是" ? 1 : 0)),
  );
  assertEquals(numeric.classes, [0, 1]);
  assertEquals(numeric.predict(LOAN_X), LOAN_Y.map((v) => (v === "是" ? 1 : 0)));
});

Deno.test("toJSON/fromJSON round-trips indicator models, and function models given their functions", () => {
  const m = new MaxEnt({ penalty: "l2" }).fit(LOAN_X, LOAN_Y);
  const back = MaxEnt.fromJSON(JSON.stringify(m));
  assertEquals(back.predictProba(LOAN_X).data, m.predictProba(LOAN_X).data);
  const fns: FeatureFunction<string[]>[] = [
    (x, y) => (x[2] === "是" && y === "是" ? 1 : 0),
    (x, y) => (x[1] === "是" && y === "是" ? 1 : 0),
    (_x, y) => (y === "否" ? 1 : 0),
  ];
  const f = new MaxEnt<string[]>({ features: fns, penalty: "l2" }).fit(LOAN_X, LOAN_Y);
  const json = JSON.stringify(f);
  assertThrows(() => MaxEnt.fromJSON(json).predict(LOAN_X), ValueError, "feature functions");
  assertThrows(() => MaxEnt.fromJSON(json, fns.slice(1)), ValueError, "3 feature functions");
  const restored = MaxEnt.fromJSON(json, fns) as MaxEnt<string[]>;
  assertEquals(restored.predictProba(LOAN_X).data, f.predictProba(LOAN_X).data);
  const other = JSON.stringify(new LogisticRegression().fit([[0], [1]], [0, 1]));
  assertThrows(() => MaxEnt.fromJSON(other), ValueError);
});

Deno.test("bad options and inputs are named errors", () => {
  assertThrows(
    () => new MaxEnt({ maxIter: 0 }),
    ValueError,
    "The 'maxIter' option must be an integer >= 1. Got 0 instead.",
  );
  assertThrows(() => new MaxEnt({ solver: "newton" as never }), ValueError, "'solver'");
  assertThrows(() => new MaxEnt({ C: 0 }), ValueError, "'C'");
  assertThrows(() => new MaxEnt({ features: [] }), ValueError, "'features'");
  assertThrows(() => new MaxEnt({ features: [1 as never] }), ValueError, "'features'");
  assertThrows(() => new MaxEnt().predict(LOAN_X), NotFittedError);
  const m = new MaxEnt({ penalty: "l2" }).fit(LOAN_X, LOAN_Y);
  assertThrows(
    () => m.predict([["青年", "否", "否"]]),
    ShapeError,
    "X has 3 features, but MaxEnt is expecting 4 features as input.",
  );
  assertThrows(() => m.fit(LOAN_X, LOAN_Y.slice(1)), ShapeError, "y has 14 values");
  assertThrows(() => m.fit(LOAN_X, LOAN_Y.map(() => "是")), ValueError, "only one class");
  // As scikit-learn's accuracy: a label never seen in fit is a miss, not an error.
  assertEquals(m.score(LOAN_X, LOAN_Y.map(() => "也许")), 0);
});
