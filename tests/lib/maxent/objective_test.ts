import { assertAlmostEquals, assertLess } from "@std/assert";
import { numericGradient } from "../../../lib/autodiff/mod.ts";
import { Random } from "../../../lib/core/mod.ts";
import { MaxEnt, MaxEntObjective } from "../../../lib/maxent/mod.ts";
import { tabulateFunctions } from "../../../lib/maxent/features.ts";
import { maxDiff } from "./helpers.ts";

// Real-valued features of either sign on 2-D points, three classes.
const rng = new Random(3);
const points = Array.from({ length: 40 }, () => [rng.normal(), rng.normal()]);
const labels = points.map(([a, b]) => (a + rng.normal(0, 0.7) > 0.3 ? "c" : b > 0 ? "b" : "a"));
const classes = ["a", "b", "c"];
const features = [
  (x: number[], y: string | number) => (y === "a" ? x[0] : 0),
  (x: number[], y: string | number) => (y === "b" ? x[1] * x[0] : 0),
  (x: number[], y: string | number) => (y === "c" ? Math.sin(3 * x[1]) : 0),
  (_x: number[], y: string | number) => (y === "c" ? 1 : 0),
  (x: number[], _y: string | number) => x[0] ** 2, // same for every class: cancels in P_w
];
const yIndex = Int32Array.from(labels, (l) => classes.indexOf(l));
const table = tabulateFunctions(points, features, classes);

Deno.test("∇J = E_P(f) − E_P̃(f) + αw agrees with central differences, with and without penalty", () => {
  for (const alpha of [0, 0.3]) {
    const objective = new MaxEntObjective(table, yIndex, alpha);
    const w = Float64Array.from([0.4, -1.2, 0.8, -0.3, 2]);
    const grad = new Float64Array(w.length);
    objective.valueAndGradient(w, grad);
    const numeric = numericGradient((v) => objective.valueAndGradient(v, new Float64Array(5)), w);
    assertLess(maxDiff(grad, numeric), 1e-9);
    // The class-independent feature has zero gradient from the likelihood: only the penalty.
    assertAlmostEquals(grad[4], alpha * w[4], 1e-15);
  }
});

Deno.test("J(0) = log K and the log-likelihood is its negative (no penalty)", () => {
  const objective = new MaxEntObjective(table, yIndex, 0);
  const value = objective.valueAndGradient(new Float64Array(5), new Float64Array(5));
  assertAlmostEquals(value, Math.log(3), 1e-15);
  assertAlmostEquals(objective.logLikelihood, -Math.log(3), 1e-15);
});

Deno.test("J equals −(1/n) Σ log P_w(yₛ|xₛ) + (α/2)‖w‖² computed directly from the model formula", () => {
  const alpha = 0.2;
  const w = [0.5, -0.25, 1, 0.1, -0.7];
  const objective = new MaxEntObjective(table, yIndex, alpha);
  const value = objective.valueAndGradient(Float64Array.from(w), new Float64Array(5));
  let nll = 0;
  points.forEach((x, s) => {
    const score = (c: string) => features.reduce((t, f, i) => t + w[i] * f(x, c), 0);
    const Z = classes.reduce((t, c) => t + Math.exp(score(c)), 0);
    nll -= Math.log(Math.exp(score(labels[s])) / Z) / points.length;
  });
  const penalty = 0.5 * alpha * w.reduce((t, v) => t + v * v, 0);
  assertAlmostEquals(value, nll + penalty, 1e-14);
});

Deno.test("at the unpenalised optimum the model expectations meet the constraints E_P(f) = E_P̃(f)", () => {
  const model = new MaxEnt<number[]>({ features, tol: 1e-10 }).fit(points, labels);
  const { empirical, model: expected } = model.expectations(points, labels);
  assertLess(maxDiff(empirical, expected), 1e-9);
  assertAlmostEquals(
    model.logLikelihood(points, labels),
    model.logLikelihoodHistory.at(-1)!,
    1e-14,
  );
});

Deno.test("scores far apart (|z| ≫ 700) keep a finite log-likelihood", () => {
  const objective = new MaxEntObjective(table, yIndex, 0);
  const w = Float64Array.from([0, 0, 0, -2000, 0]); // P(c|x) underflows to 0 for every x
  const value = objective.valueAndGradient(w, new Float64Array(5));
  const nC = labels.filter((l) => l === "c").length;
  assertAlmostEquals(value, (2000 * nC + (points.length) * Math.log(2)) / points.length, 1e-9);
});
