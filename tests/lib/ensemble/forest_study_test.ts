import { assertAlmostEquals, assertEquals, assertThrows } from "@std/assert";
import {
  impliedCorrelation,
  inBagProbability,
  RandomForestRegressor,
  runningAverages,
  varianceByTrees,
} from "../../../lib/ensemble/mod.ts";
import { ValueError } from "../../../lib/core/mod.ts";

const X = Array.from({ length: 30 }, (_, i) => [i / 10, (i * 7) % 5]);
const y = X.map(([a, b]) => Math.sin(a) + 0.1 * b);

Deno.test("runningAverages: the last size is the forest's prediction, in the caller's order", () => {
  const rf = new RandomForestRegressor({ nEstimators: 8, seed: 1 }).fit(X, y);
  const [all, one] = runningAverages(rf, X, [8, 1]);
  const p = rf.predict(X);
  for (let i = 0; i < p.length; i++) assertAlmostEquals(all[i], p[i], 1e-12);
  assertEquals(Array.from(one), Array.from(rf.predictTrees(X)[0]));
  assertThrows(() => runningAverages(rf, X, [9]), ValueError, "[1, 8]");
});

Deno.test("varianceByTrees and impliedCorrelation: Var(B) = ρσ² + (1 − ρ)σ²/B", () => {
  const a = new RandomForestRegressor({ nEstimators: 4, seed: 0 }).fit(X, y);
  const b = new RandomForestRegressor({ nEstimators: 4, seed: 0 }).fit(X, y);
  assertEquals(Array.from(varianceByTrees([a, b], X, [1, 4])), [0, 0]);
  const sigma2 = 4, rho = 0.3, B = 10;
  assertAlmostEquals(
    impliedCorrelation(sigma2, rho * sigma2 + (1 - rho) * sigma2 / B, B),
    rho,
    1e-12,
  );
  assertThrows(() => varianceByTrees([a], X, [1]), ValueError, "at least 2");
  assertEquals(inBagProbability(1), 1);
  assertEquals(inBagProbability(2), 0.75);
});
