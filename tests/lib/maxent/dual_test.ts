import { assertAlmostEquals, assertEquals, assertLess, assertThrows } from "@std/assert";
import { ValueError } from "../../../lib/core/mod.ts";
import { solveMaxEntDual } from "../../../lib/maxent/mod.ts";

const outcomes = ["A", "B", "C", "D", "E"];
const inAB = (o: string) => (o === "A" || o === "B" ? 1 : 0);

Deno.test("例6.1 first step: only Σ P = 1, so the maximum-entropy P is uniform, 1/5 each", () => {
  const r = solveMaxEntDual(outcomes, []);
  for (const p of r.probabilities) assertAlmostEquals(p, 1 / 5, 1e-15);
  assertAlmostEquals(r.entropy, Math.log(5), 1e-15);
});

Deno.test("例6.1: P(A) + P(B) = 3/10 gives P(A) = P(B) = 3/20, P(C) = P(D) = P(E) = 7/30", () => {
  const r = solveMaxEntDual(outcomes, [{ feature: inAB, expectation: 3 / 10 }]);
  const expected = [3 / 20, 3 / 20, 7 / 30, 7 / 30, 7 / 30];
  r.probabilities.forEach((p, i) => assertAlmostEquals(p, expected[i], 1e-9));
  // The multipliers of the Lagrangian L = −H + w₀(1 − ΣP) + w₁(3/10 − P(A) − P(B)):
  // P(A)/P(C) = e^{w₁} = 9/14 and P(C) = e^{w₀ − 1} = 7/30.
  assertAlmostEquals(r.weights[0], Math.log(9 / 14), 1e-9);
  assertAlmostEquals(r.w0, 1 + Math.log(7 / 30), 1e-9);
  // Strong duality: the minimum of the dual is the maximum entropy.
  const H = -expected.reduce((s, p) => s + p * Math.log(p), 0);
  assertAlmostEquals(r.entropy, H, 1e-12);
  assertAlmostEquals(r.dualValue, H, 1e-12);
  assertLess(r.maxViolation, 1e-12);
});

Deno.test("例6.1 continued: adding P(A) + P(C) = 1/2 gives the log-linear solution meeting both", () => {
  const inAC = (o: string) => (o === "A" || o === "C" ? 1 : 0);
  const r = solveMaxEntDual(outcomes, [
    { feature: inAB, expectation: 3 / 10 },
    { feature: inAC, expectation: 1 / 2 },
  ]);
  const p = r.probabilities;
  assertAlmostEquals(p[0] + p[1], 3 / 10, 1e-12);
  assertAlmostEquals(p[0] + p[2], 1 / 2, 1e-12);
  assertAlmostEquals(p.reduce((s, v) => s + v, 0), 1, 1e-15);
  // The KKT form: log P(o) − w·f(o) is the same for every outcome (= −log Z).
  const logZ = outcomes.map((o, i) =>
    Math.log(p[i]) - r.weights[0] * inAB(o) - r.weights[1] * inAC(o)
  );
  for (const v of logZ) assertAlmostEquals(v, logZ[0], 1e-12);
  assertEquals(p[3], p[4]); // D and E are indistinguishable by the constraints
  assertAlmostEquals(r.dualValue, r.entropy, 1e-12);
});

Deno.test("infeasible constraints are an error; ones forcing P(o) = 0 are approached to tol", () => {
  assertThrows(
    () => solveMaxEntDual(outcomes, [{ feature: inAB, expectation: 1.2 }]),
    ValueError,
    "cannot be met",
  );
  const edge = solveMaxEntDual(outcomes, [{ feature: inAB, expectation: 1 }]);
  assertAlmostEquals(edge.probabilities[0], 0.5, 1e-12);
  assertLess(edge.probabilities[2], 1e-12);
  assertThrows(() => solveMaxEntDual([], []), ValueError, "non-empty");
  assertThrows(
    () => solveMaxEntDual(outcomes, [{ feature: () => Number.NaN, expectation: 0 }]),
    ValueError,
    "constraints[0].feature",
  );
});
