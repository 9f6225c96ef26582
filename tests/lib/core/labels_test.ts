import { assertEquals, assertThrows } from "@std/assert";
import * as dfd from "danfojs";
import {
  argmaxRows,
  encodeLabels,
  labelIndices,
  ShapeError,
  toLabels,
  uniqueLabels,
  ValueError,
} from "../../../lib/core/mod.ts";

Deno.test("toLabels copies arrays, typed arrays and Series; refuses NaN, booleans and empty", () => {
  const y = [1, 0, 1];
  const out = toLabels(y);
  assertEquals(out, [1, 0, 1]);
  out[0] = 9;
  assertEquals(y[0], 1);
  assertEquals(toLabels(Int32Array.of(2, 3)), [2, 3]);
  assertEquals(toLabels(new dfd.Series(["a", "b"])), ["a", "b"]);
  assertThrows(() => toLabels([1, NaN]), ValueError, "NaN at index 1");
  assertThrows(() => toLabels([true] as never), ValueError, "finite numbers or strings");
  assertThrows(() => toLabels([]), ValueError, "y must not be empty");
  assertThrows(
    () => toLabels([1, 2], "y", 3),
    ShapeError,
    "y has 2 values, but X has 3 samples; they must match.",
  );
});

Deno.test("uniqueLabels sorts like scikit-learn: numbers numerically, strings by code point", () => {
  assertEquals(uniqueLabels([10, 9, 2, 10]), [2, 9, 10]); // not "10" < "2"
  assertEquals(uniqueLabels(["b", "B", "a"]), ["B", "a", "b"]);
  assertEquals(uniqueLabels([3, 1], [2, 3]), [1, 2, 3]);
});

Deno.test("uniqueLabels refuses labels that mix numbers and strings", () => {
  // Before: one version sorted [0, 1, "2"] and the other put numbers first; both accepted it.
  assertThrows(() => uniqueLabels([0, 1, "2"]), ValueError, "Mix of label input types");
  assertThrows(
    () => uniqueLabels<number | string>([0, 1], ["1"]),
    ValueError,
    "Mix of label input types",
  );
});

Deno.test("encodeLabels: classes, indices, counts; refuses continuous, mixed, one class", () => {
  const e = encodeLabels(["b", "a", "b", "c"]);
  assertEquals(e.classes, ["a", "b", "c"]);
  assertEquals([...e.indices], [1, 0, 1, 2]);
  assertEquals([...e.counts], [1, 2, 1]);
  assertEquals(encodeLabels([2, 1, 2.0]).classes, [1, 2]); // 2.0 is an integer
  assertThrows(
    () =>
      encodeLabels([0.5, 1.25, 3], {
        estimator: "KNeighborsClassifier",
        regressor: "KNeighborsRegressor",
      }),
    ValueError,
    "Unknown label type: continuous. y holds non-integer numbers such as 0.5, but " +
      "KNeighborsClassifier is a classifier, which expects discrete classes; for a continuous " +
      "target use a regressor such as KNeighborsRegressor.",
  );
  assertThrows(() => encodeLabels([0, 1, "2"]), ValueError, "Mix of label input types");
  assertThrows(
    () => encodeLabels([1, 1], { estimator: "Perceptron" }),
    ValueError,
    "Perceptron needs samples of at least 2 classes",
  );
  assertEquals(encodeLabels([1, 1], { minClasses: 1 }).classes, [1]);
  assertThrows(
    () => encodeLabels([0, 1], { nSamples: 3 }),
    ShapeError,
    "y has 2 values, but X has 3 samples",
  );
});

Deno.test("labelIndices maps known labels and names an unknown one", () => {
  assertEquals([...labelIndices([2, 1], [1, 2])], [1, 0]);
  assertThrows(() => labelIndices([3], [1, 2]), ValueError, "not seen in fit: 3 at index 0");
});

Deno.test("argmaxRows takes the first maximum", () => {
  assertEquals([...argmaxRows([1, 3, 3, 0, 0, 0], 2, 3)], [1, 0]);
});
