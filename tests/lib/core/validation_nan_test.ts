/** toMatrix's allowNaN: missing cells (NaN, null, undefined) become NaN; ±Infinity and non-numbers are still refused by cell. */
import { assertEquals, assertThrows } from "@std/assert";
import { Matrix, toMatrix, ValueError } from "../../../lib/core/mod.ts";

const allowNaN = { allowNaN: true };

Deno.test("toMatrix allowNaN: arrays, frames and matrices keep missing cells as NaN", () => {
  const rows = [[1, null], [undefined, NaN]] as unknown as number[][];
  assertEquals(Array.from(toMatrix(rows, "X", allowNaN).data), [1, NaN, NaN, NaN]);
  const frame = { values: [[1, null], [2, 3]], shape: [2, 2], columns: ["age", "income"] };
  assertEquals(Array.from(toMatrix(frame, "X", allowNaN).data), [1, NaN, 2, 3]);
  assertEquals(Array.from(toMatrix(Matrix.from2D([[NaN, 2]]), "X", allowNaN).data), [NaN, 2]);
});

Deno.test("toMatrix allowNaN: Infinity and strings are refused, naming the cell", () => {
  const hint = "must contain finite numbers (NaN or null for missing)";
  assertThrows(
    () => toMatrix([[1, Infinity]], "X", allowNaN),
    ValueError,
    `X ${hint}. Got Infinity at row 0, column 1.`,
  );
  assertThrows(
    () => toMatrix(Matrix.from2D([[1], [-Infinity]]), "Z", allowNaN),
    ValueError,
    `Z ${hint}. Got -Infinity at row 1, column 0.`,
  );
  const frame = { values: [[1, "n/a"]], shape: [1, 2], columns: ["age", "income"] };
  assertThrows(
    () => toMatrix(frame as never, "X", allowNaN),
    ValueError,
    `X ${hint}. Got "n/a" at row 0, column 'income'.`,
  );
  // without the option NaN and null stay errors, with the usual wording
  assertThrows(
    () => toMatrix([[1, NaN]]),
    ValueError,
    "X must contain only finite numbers. Got NaN at row 0, column 1.",
  );
  assertThrows(() => toMatrix([[null as never]]), ValueError, "Got null at row 0, column 0.");
});
