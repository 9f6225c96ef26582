import { assertEquals, assertStringIncludes, assertThrows } from "@std/assert";
import { catchWarnings, ConvergenceWarning, ValueError } from "../../../lib/core/mod.ts";
import { Perceptron } from "../../../lib/perceptron/mod.ts";

const XOR_X = [[0, 0], [1, 1], [0, 1], [1, 0]], XOR_Y = [-1, -1, 1, 1];

Deno.test("Perceptron on XOR (not separable) warns once; on 例2.1 it says nothing", () => {
  const xor = catchWarnings(() => new Perceptron({ maxIter: 20 }).fit(XOR_X, XOR_Y));
  assertEquals(xor.result.converged, false);
  assertEquals(xor.warnings.length, 1);
  assertEquals(xor.warnings[0] instanceof ConvergenceWarning, true);
  assertStringIncludes(xor.warnings[0].message, "may not be linearly separable");
  const book = catchWarnings(() => new Perceptron().fit([[3, 3], [4, 3], [1, 1]], [1, 1, -1]));
  assertEquals(book.warnings, []);
});

Deno.test("Perceptron: shared label checks, classes copy, options check", () => {
  assertThrows(
    () => new Perceptron().fit([[0], [1]], [0.5, 1.5]),
    ValueError,
    "Unknown label type: continuous",
  );
  assertThrows(() => new Perceptron().fit([[0], [1]], [1, "a"]), ValueError, "Mix of label");
  assertThrows(() => new Perceptron().fit([[0], [1]], [1, 1]), ValueError, "only one class: 1");
  assertThrows(() => new Perceptron({ max_iter: 5 } as never), ValueError, "'maxIter'?");
  const model = new Perceptron().fit([[3, 3], [4, 3], [1, 1]], ["yes", "yes", "no"]);
  model.classes.reverse();
  assertEquals(model.classes, ["no", "yes"]);
  assertEquals(model.score([[3, 3], [1, 1]], ["yes", "yes"]), 0.5);
});
