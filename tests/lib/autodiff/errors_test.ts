import { assertEquals, assertThrows } from "@std/assert";
import {
  gradCheck,
  mseLoss,
  numericDerivative,
  numericGradient,
  oneHot,
  softmaxCrossEntropy,
  Tensor,
} from "../../../lib/autodiff/mod.ts";
import { expand, unbroadcast } from "../../../lib/autodiff/broadcast.ts";
import { Matrix, ShapeError, ValueError } from "../../../lib/core/mod.ts";

Deno.test("shape errors name the op and both shapes", () => {
  const a = Tensor.from([[1, 2, 3], [4, 5, 6]]);
  assertThrows(
    () => a.add(Tensor.from([[1, 2]])),
    ShapeError,
    "add cannot broadcast shapes (2, 3) and (1, 2)",
  );
  assertThrows(() => a.matmul(a), ShapeError, "matmul needs (n, k) @ (k, m). Got (2, 3) @ (2, 3).");
  assertThrows(() => a.backward(), ShapeError, "backward() without a seed needs a (1, 1) output");
  assertThrows(() => a.backward(Matrix.zeros(1, 3)), ShapeError, "needs a seed of shape (2, 3)");
  assertThrows(() => a.item(), ShapeError, "item() needs a (1, 1) tensor. Got (2, 3).");
  assertThrows(
    () => softmaxCrossEntropy(a, [0]),
    ShapeError,
    "labels has 1 values, but logits has 2 rows",
  );
  assertThrows(
    () => softmaxCrossEntropy(a, [0, 3]),
    ValueError,
    "labels must be integers in [0, 2]. Got 3",
  );
  assertThrows(() => mseLoss(a, [[1, 2]]), ShapeError, "target has shape (1, 2)");
  assertThrows(() => unbroadcast(Matrix.zeros(2, 3), 2, 2), ShapeError);
});

Deno.test("numeric helpers: central differences and their checks", () => {
  // d2l §2.4: f(x) = 3x² − 4x has f′(1) = 2.
  assertEquals(Math.abs(numericDerivative((x) => 3 * x ** 2 - 4 * x, 1) - 2) < 1e-9, true);
  const g = numericGradient((x) => x[0] ** 2 + 3 * x[1], [1, 2]);
  assertEquals(Math.abs(g[0] - 2) < 1e-9 && Math.abs(g[1] - 3) < 1e-9, true);
  assertThrows(() => numericDerivative(Math.sin, 0, 0), ValueError, "The step 'h' must be");
  assertThrows(() => gradCheck((x) => x, [Matrix.zeros(2, 2)]), ShapeError, "gradCheck needs f");
});

Deno.test("gradCheck detects a wrong gradient", () => {
  // A deliberately wrong rule: pretend d/dx x² is x (it is 2x) by detaching half of it.
  const wrong = (x: Tensor) => x.mul(Tensor.constant(x.data)).sum();
  const [r] = gradCheck(wrong, [Matrix.from2D([[1, 2, 3]])]);
  assertEquals(r.maxRelError > 0.4, true);
});

Deno.test("oneHot and expand", () => {
  assertEquals(oneHot([1, 0], 3).toArray(), [[0, 1, 0], [1, 0, 0]]);
  assertEquals(expand(Matrix.row([1, 2]), 2, 2).toArray(), [[1, 2], [1, 2]]);
});
