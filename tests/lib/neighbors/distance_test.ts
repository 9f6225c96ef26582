import { assertAlmostEquals, assertEquals, assertThrows } from "@std/assert";
import { ShapeError, ValueError } from "../../../lib/core/errors.ts";
import { BruteForce, checkP, KDTree, minkowski } from "../../../lib/neighbors/mod.ts";

// 李航 例3.1: x1 = (1, 1), x2 = (5, 1), x3 = (4, 4)
const x1 = [1, 1], x2 = [5, 1], x3 = [4, 4];

Deno.test("例3.1: L_p(x1, x2) = 4 for every p; L_p(x1, x3) falls with p", () => {
  for (const p of [1, 2, 3, 4, 10, Infinity]) assertEquals(minkowski(x1, x2, p), 4);
  assertEquals(minkowski(x1, x3, 1), 6);
  assertEquals(minkowski(x1, x3, 2), Math.sqrt(18));
  assertAlmostEquals(minkowski(x1, x3, 3), 3.7797631496846193, 1e-15);
  assertAlmostEquals(minkowski(x1, x3, 4), 3.5676213450081633, 1e-15);
  assertEquals(minkowski(x1, x3, Infinity), 3);
});

Deno.test("例3.1: nearest neighbour of x1 is x2 for p = 1, 2 and x3 for p = 3, 4", () => {
  const expected: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 2 };
  for (const p of [1, 2, 3, 4]) {
    for (const index of [new KDTree([x2, x3], { p }), new BruteForce([x2, x3], { p })]) {
      const { indices, distances } = index.query(x1, 1);
      assertEquals(indices[0] + 1, expected[p]);
      assertAlmostEquals(distances[0], minkowski(x1, p <= 2 ? x2 : x3, p), 1e-15);
    }
  }
  // At p = 2 the nearest is x2 (4 < √18); p = ∞ gives x3 (3 < 4).
  assertEquals(new KDTree([x2, x3], { p: Infinity }).query(x1).indices, [1]);
});

Deno.test("p must be >= 1 or Infinity; points must match in length", () => {
  assertEquals(checkP(1.5), 1.5);
  assertThrows(() => checkP(0.5), ValueError, "'p' option must be a number >= 1 or Infinity");
  assertThrows(() => checkP(NaN), ValueError, "'p' option");
  assertThrows(() => new KDTree([[1]], { p: 0 }), ValueError, "'p' option");
  assertThrows(() => minkowski([1, 2], [1]), ShapeError, "equal length");
});
