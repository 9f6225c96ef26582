import { assertEquals, assertThrows } from "@std/assert";
import { Matrix, ShapeError, ValueError } from "../../../lib/core/mod.ts";
import { extent, linspace, toRows, toVector } from "../../../lib/plot/inputs.ts";

Deno.test("toVector copies numbers into a plain array and names bad values", () => {
  const typed = new Int16Array([1, 2, 3]);
  const v = toVector(typed, "x");
  assertEquals(v, [1, 2, 3]);
  assertEquals(Array.isArray(v), true);
  assertEquals(toVector([1, NaN], "y", { allowNaN: true }), [1, NaN]);
  assertThrows(
    () => toVector([1, NaN], "y"),
    ValueError,
    "'y[1]' must be a finite number. Got NaN",
  );
  assertThrows(() => toVector([-Infinity], "y", { allowNaN: true }), ValueError, "Got -Infinity");
  assertThrows(() => toVector("123", "x"), ValueError, "'x' must be an array of numbers");
  assertThrows(() => toVector([], "x"), ShapeError, "at least 1 value");
  assertThrows(() => toVector([1, "2"], "x"), ValueError, "'x[1]' must be a number. Got \"2\"");
});

Deno.test("toRows reads number[][], typed rows, a Matrix and (optionally) a 1-D column", () => {
  assertEquals(toRows([[1, 2], [3, 4]], "X"), [[1, 2], [3, 4]]);
  assertEquals(toRows([new Float64Array([1, 2]), new Float64Array([3, 4])], "X"), [[1, 2], [3, 4]]);
  assertEquals(toRows(Matrix.from2D([[1, 2], [3, 4], [5, 6]]), "X"), [[1, 2], [3, 4], [5, 6]]);
  assertEquals(toRows([1, 2], "X", true), [[1], [2]]);
  assertThrows(() => toRows([1, 2], "X"), ShapeError, "Got a 1-D array of length 2");
  assertThrows(() => toRows([[1, 2], [3]], "X"), ShapeError, "row 0 has 2 values, row 1 has 1");
  assertThrows(() => toRows({ rows: 2, cols: 2, data: [1, 2, 3] }, "X"), ShapeError, "3 values");
  assertThrows(() => toRows(42, "X"), ValueError, "'X' must be a 2-D array");
});

Deno.test("grids and ranges (labels, lengths and integers are lib/core's, tested there)", () => {
  assertEquals(linspace(0, 1, 5), [0, 0.25, 0.5, 0.75, 1]);
  assertEquals(linspace(2, 3, 1), [2]);
  assertEquals(extent([3, -1, 2]), [-1, 3]);
  assertEquals(extent([2, 2]), [1.5, 2.5]);
});
