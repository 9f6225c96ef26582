/** toMatrixWithMissing: missing cells become NaN; anything else that is not a finite number is refused by name. */
import { assertEquals, assertThrows } from "@std/assert";
import { Matrix, ShapeError, ValueError } from "../../../lib/core/mod.ts";
import { toMatrixWithMissing } from "../../../lib/ensemble/input.ts";

Deno.test("toMatrixWithMissing: NaN, null and undefined are missing values", () => {
  const m = toMatrixWithMissing([[1, null], [undefined, NaN], [3, 4]]);
  assertEquals([m.rows, m.cols], [3, 2]);
  assertEquals(Array.from(m.data), [1, NaN, NaN, NaN, 3, 4]);
  const frame = { values: [[1, null], [2, 3]], shape: [2, 2], columns: ["a", "b"] };
  assertEquals(Array.from(toMatrixWithMissing(frame).data), [1, NaN, 2, 3]);
  const series = { values: [1, null, 2], shape: [3] };
  assertEquals(Array.from(toMatrixWithMissing(series).data), [1, NaN, 2]);
  const given = Matrix.from2D([[1, NaN]]);
  assertEquals(toMatrixWithMissing(given), given);
  assertEquals(toMatrixWithMissing([]).rows, 0); // empty X: predict refuses it with its own message
});

Deno.test("toMatrixWithMissing: bad input is refused, naming the argument and the cell", () => {
  assertThrows(
    () => toMatrixWithMissing([[1, Infinity]], "X"),
    ValueError,
    "X must contain finite numbers (NaN or null for missing). Got Infinity at row 0, column 1.",
  );
  assertThrows(
    () => toMatrixWithMissing(Matrix.from2D([[1], [-Infinity]]), "Xtest"),
    ValueError,
    "Xtest must contain finite numbers (NaN or null for missing). Got -Infinity at row 1, column 0.",
  );
  assertThrows(
    () => toMatrixWithMissing([[1, "a" as unknown as number]]),
    ValueError,
    'Got "a" at row 0, column 1.',
  );
  assertThrows(() => toMatrixWithMissing([1, 2] as never), ShapeError, "must be 2-D");
  assertThrows(() => toMatrixWithMissing([[1, 2], [3]]), ShapeError, "ragged rows");
  assertThrows(() => toMatrixWithMissing([[], []]), ValueError, "Got shape (2, 0)");
  assertThrows(() => toMatrixWithMissing(3 as never), ValueError, "must be a 2-D array");
  assertThrows(
    () => toMatrixWithMissing([[1, 2]], "X", 3, "Booster"),
    ShapeError,
    "X has 2 features, but Booster is expecting 3 features as input.",
  );
});
