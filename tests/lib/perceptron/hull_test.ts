import { assertEquals, assertThrows } from "@std/assert";
import { ShapeError } from "../../../lib/core/errors.ts";
import { Random } from "../../../lib/core/random.ts";
import { convexHull } from "../../../lib/perceptron/mod.ts";

Deno.test("convexHull: square with inner, edge and duplicate points", () => {
  const pts = [[0, 0], [2, 0], [1, 1], [2, 2], [0, 2], [1, 0], [2, 2]];
  assertEquals(convexHull(pts), [0, 1, 3, 4]);
  assertEquals(convexHull([[0, 0], [1, 1], [2, 2]]), [0, 2]); // collinear: the two ends
  assertEquals(convexHull([[1, 1], [1, 1]]), [0]);
  assertThrows(() => convexHull([[1, 2, 3]]), ShapeError, "(nPoints, 2)");
});

Deno.test("convexHull: every point lies inside or on the hull, counter-clockwise", () => {
  const rng = new Random(4);
  const pts = Array.from({ length: 300 }, () => [rng.normal(), rng.normal()]);
  const hull = convexHull(pts);
  for (let t = 0; t < hull.length; t++) {
    const [ax, ay] = pts[hull[t]], [bx, by] = pts[hull[(t + 1) % hull.length]];
    for (const [px, py] of pts) {
      const cross = (bx - ax) * (py - ay) - (by - ay) * (px - ax);
      if (cross < -1e-12) throw new Error(`point outside edge ${t}`);
    }
  }
});
