import { assertAlmostEquals, assertEquals, assertThrows } from "@std/assert";
import { classifierScore, regressorScore, ShapeError } from "../../../lib/core/mod.ts";
import { r2Score } from "../../../lib/metrics/mod.ts";

Deno.test("classifierScore is the accuracy; unseen true labels count as misses", () => {
  assertEquals(classifierScore([0, 1, 1, 0], [0, 1, 0, 0]), 0.75);
  assertEquals(classifierScore(["a", "b"], ["a", "z"]), 0.5);
  assertThrows(() => classifierScore([0, 1], [0]), ShapeError, "y has 1 values, but X has 2");
});

Deno.test("regressorScore is R², equal to metrics' r2Score; constant y is 1 or 0", () => {
  const y = [3, -0.5, 2, 7], p = [2.5, 0, 2, 8];
  assertAlmostEquals(regressorScore(p, y), r2Score(y, p), 1e-15);
  assertAlmostEquals(regressorScore(p, y), 0.9486081370449679, 1e-15); // scikit-learn's doc value
  assertEquals(regressorScore([2, 2], [2, 2]), 1);
  assertEquals(regressorScore([2, 3], [2, 2]), 0);
});
