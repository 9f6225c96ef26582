import { assertEquals, assertThrows } from "@std/assert";
import * as dfd from "danfojs";
import {
  checkInteger,
  checkNumber,
  checkOneOf,
  decode,
  encode,
  Matrix,
  ShapeError,
  toLabels,
  toMatrix,
  toVector,
  uniqueLabels,
  ValueError,
} from "../../../lib/core/mod.ts";

Deno.test("toMatrix accepts arrays, typed rows, DataFrames and matrices", () => {
  assertEquals(toMatrix([[1, 2], [3, 4]]).toArray(), [[1, 2], [3, 4]]);
  assertEquals(toMatrix([Float64Array.of(1, 2), Float32Array.of(3, 4)]).toArray(), [[1, 2], [
    3,
    4,
  ]]);
  const df = new dfd.DataFrame({ a: [1, 2], b: [3, 4] });
  assertEquals(toMatrix(df).toArray(), [[1, 3], [2, 4]]);
  assertEquals(toMatrix(new dfd.Series([5, 6])).toArray(), [[5], [6]]);
  const m = Matrix.eye(2);
  assertEquals(toMatrix(m), m);
});

Deno.test("toMatrix names the argument and the problem", () => {
  assertThrows(() => toMatrix([[1, 2], [3]], "Xtrain"), ShapeError, "Xtrain has ragged rows");
  assertThrows(() => toMatrix([[1, NaN]]), ValueError, "NaN at row 0, column 1");
  assertThrows(() => toMatrix([[1, "a" as never]]), ValueError, '"a" at row 0');
  assertThrows(() => toMatrix([]), ValueError, "Got shape (0, 0)");
  assertThrows(() => toMatrix([1, 2] as never), ShapeError, "1-D array of length 2");
  assertThrows(() => toMatrix(new Matrix(1, 1, Float64Array.of(NaN))), ValueError, "NaN");
  assertThrows(() => toMatrix(3 as never), ValueError, "must be a 2-D array");
});

Deno.test("toVector and toLabels", () => {
  assertEquals(toVector([1, 2]), Float64Array.of(1, 2));
  assertEquals(toVector(new dfd.Series([1, 2])), Float64Array.of(1, 2));
  assertThrows(() => toVector([1, 2], "y", 3), ShapeError, "y has 2 values, but X has 3");
  assertThrows(() => toVector([[1]] as never), ShapeError, "nested array at index 0");
  assertThrows(() => toVector([]), ValueError, "must not be empty");
  assertEquals(toLabels(["a", "b"]), ["a", "b"]);
  assertThrows(() => toLabels([1, NaN]), ValueError, "NaN at index 1");
  assertEquals(uniqueLabels([3, 1, 3, 2]), [1, 2, 3]);
  assertEquals(uniqueLabels(["b", "a", "b"]), ["a", "b"]);
});

Deno.test("option checks say what was expected and what came", () => {
  assertEquals(checkInteger("maxIter", 5, 1), 5);
  assertThrows(
    () => checkInteger("maxIter", 0, 1),
    ValueError,
    "The 'maxIter' option must be an integer >= 1. Got 0 instead.",
  );
  assertThrows(() => checkNumber("tol", NaN, { min: 0 }), ValueError, "Got NaN instead");
  assertThrows(
    () => checkNumber("alpha", 0, { min: 0, exclusiveMin: true }),
    ValueError,
    "a number > 0",
  );
  assertThrows(() => checkOneOf("p", "x", ["a", "b"]), ValueError, 'one of "a", "b"');
});

Deno.test("encode/decode keep typed arrays, matrices, maps and non-finite numbers", () => {
  const value = {
    w: Float64Array.of(1.5, -2),
    idx: Int32Array.of(3),
    m: Matrix.from2D([[1, 2]]),
    map: new Map([["a", 1]]),
    inf: -Infinity,
    nested: [{ x: 1 }],
  };
  const back = decode(JSON.parse(JSON.stringify(encode(value)))) as typeof value;
  assertEquals(back, value);
});

Deno.test("errors about a danfojs frame name the column, not its index", () => {
  const df = new dfd.DataFrame({ age: [31, 45], income: [1200, Infinity] });
  assertThrows(
    () => toMatrix(df),
    ValueError,
    "X must contain only finite numbers. Got Infinity at row 1, column 'income'.",
  );
  const withNaN = new dfd.DataFrame({ age: [31, NaN], income: [1, 2] });
  assertThrows(() => toMatrix(withNaN), ValueError, "column 'age'");
  const s = new dfd.Series([1, NaN, 3], { columns: ["target"] });
  assertThrows(() => toVector(s), ValueError, "at index 1, column 'target'");
  // Plain arrays keep positions only.
  assertThrows(() => toMatrix([[1, -Infinity]]), ValueError, "-Infinity at row 0, column 1");
});
