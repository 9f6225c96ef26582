import { assert, assertAlmostEquals, assertEquals, assertLess, assertThrows } from "@std/assert";
import { Random, ValueError } from "../../../lib/core/mod.ts";
import {
  improvedIterativeScaling,
  MaxEnt,
  MaxEntObjective,
  solveScalingEquation,
} from "../../../lib/maxent/mod.ts";
import { tabulateFunctions } from "../../../lib/maxent/features.ts";
import { LOAN_X, LOAN_Y } from "../../support/lihang.ts";
import { type CategoricalFixture, fixture, maxDiff } from "./helpers.ts";

const g = (a: number[], M: number[], alpha: number, w: number, t: number, d: number) =>
  a.reduce((s, ag, k) => s + ag * Math.exp(d * M[k]), 0) + alpha * (w + d) - t;

Deno.test("scaling equation: one group is the GIS closed form δ = log(t/a)/M", () => {
  for (const [a, M, t] of [[0.2, 3, 0.5], [0.9, 2, 0.1], [1e-6, 4, 0.3]]) {
    const d = solveScalingEquation(Float64Array.of(a), Float64Array.of(M), 0, 0, t);
    assertAlmostEquals(d, Math.log(t / a) / M, 1e-13);
  }
});

Deno.test("scaling equation: roots of Σ a e^{δM} + α(w + δ) = t, far from 0 on both sides", () => {
  const rng = new Random(11);
  for (let trial = 0; trial < 200; trial++) {
    const G = 1 + rng.int(5);
    const a = Array.from({ length: G }, () => rng.uniform() ** 4); // masses down to ~1e-8
    const M = Array.from({ length: G }, () => 0.5 + rng.int(30) * rng.uniform());
    const alpha = rng.uniform() < 0.5 ? 0 : rng.uniform(0, 0.1);
    const w = rng.normal(0, 3);
    const t = rng.uniform(0.01, 2);
    const d = solveScalingEquation(Float64Array.from(a), Float64Array.from(M), alpha, w, t);
    assert(Number.isFinite(d), `trial ${trial}: δ = ${d}`);
    const slope = a.reduce((s, ag, k) => s + ag * M[k] * Math.exp(d * M[k]), 0) + alpha;
    // |g(δ)| within a few ulps of the terms, i.e. |δ − δ*| ≲ 1e-12 relative.
    assertLess(Math.abs(g(a, M, alpha, w, t, d)) / slope, 1e-12 * Math.max(1, Math.abs(d)));
  }
});

Deno.test("scaling equation without mass: δ = t/α − w with a penalty, 0 without", () => {
  assertAlmostEquals(
    solveScalingEquation(Float64Array.of(0), Float64Array.of(2), 0.5, 1, 0.2),
    -0.6,
    1e-15,
  );
  assertEquals(solveScalingEquation(new Float64Array(0), new Float64Array(0), 0, 1, 0), 0);
});

Deno.test("IIS raises the log-likelihood at every sweep (Newton step, f# not constant)", () => {
  const model = new MaxEnt({ solver: "iis", penalty: "l2", C: 1, maxIter: 400, tol: 1e-8 })
    .fit(LOAN_X, LOAN_Y);
  assertEquals(model.iisStep, "newton");
  assert(model.converged);
  const J = model.lossHistory;
  for (let k = 1; k < J.length; k++) assert(J[k] <= J[k - 1] + 1e-15, `J rose at sweep ${k}`);
});

Deno.test("IIS with constant f# takes the closed-form (GIS) step and reaches L-BFGS's optimum", () => {
  const { rows, labels } = fixture<CategoricalFixture>("maxent_categorical");
  const iis = new MaxEnt({ solver: "iis", indicatorPairs: "all", tol: 1e-8 }).fit(rows, labels);
  const lbfgs = new MaxEnt({ solver: "lbfgs", indicatorPairs: "all", tol: 1e-8 }).fit(rows, labels);
  assertEquals(iis.iisStep, "closed-form");
  assert(iis.converged && lbfgs.converged);
  // Both stop at ‖∇J‖∞ ≤ 1e-8; probabilities then agree to ~1e-7, the likelihood to ~1e-15.
  assertLess(maxDiff(iis.predictProba(rows).data, lbfgs.predictProba(rows).data), 1e-6);
  assertAlmostEquals(iis.logLikelihoodHistory.at(-1)!, lbfgs.logLikelihoodHistory.at(-1)!, 1e-13);
  const J = iis.lossHistory;
  for (let k = 1; k < J.length; k++) assert(J[k] <= J[k - 1] + 1e-15, `J rose at sweep ${k}`);
});

Deno.test("IIS refuses negative features and unreachable features, naming them", () => {
  const points = [[1], [-1], [2]];
  const labels = ["p", "n", "p"];
  const signed = [(x: number[], y: string | number) => (y === "p" ? x[0] : 0)];
  assertThrows(
    () => new MaxEnt<number[]>({ features: signed, solver: "iis" }).fit(points, labels),
    ValueError,
    "non-negative features",
  );
  // "all" pairs on LOAN: e.g. [有自己的房子 = 是 and y = 否] never occurs.
  assertThrows(
    () => new MaxEnt({ solver: "iis", indicatorPairs: "all" }).fit(LOAN_X, LOAN_Y),
    ValueError,
    "never fires on a training pair",
  );
});

Deno.test("improvedIterativeScaling is usable directly on an objective", () => {
  const points = [0.5, 1, 2, 3, 0.2, 1.5];
  const labels = Int32Array.from([0, 0, 1, 1, 0, 1]);
  const f = [
    (x: number, y: string | number) => (y === 1 ? x : 0),
    (_x: number, y: string | number) => (y === 0 ? 1 : 0),
  ];
  const objective = new MaxEntObjective(tabulateFunctions(points, f, [0, 1]), labels, 0.1);
  const r = improvedIterativeScaling(objective, { maxIter: 2000, tol: 1e-10 });
  assert(r.converged);
  assertEquals(r.history.length, r.nIter + 1);
  const grad = new Float64Array(2);
  objective.valueAndGradient(r.x, grad);
  assertLess(Math.max(...grad.map(Math.abs)), 1e-10);
});
