import { assertEquals, assertThrows } from "@std/assert";
import { ShapeError, ValueError } from "../../../lib/core/mod.ts";
import { tabulateFunctions } from "../../../lib/maxent/features.ts";
import {
  indicatorFeatures,
  indicatorName,
  oneHotEncode,
  tabulateIndicators,
  toCategoricalRows,
} from "../../../lib/maxent/indicators.ts";

const rows = [["a", 1], ["b", 1], ["a", 2]];
const classes = ["no", "yes"];
const yIndex = Int32Array.from([0, 1, 1]);

/** Row p = s·K + c of a table as a sorted list of [feature, value]. */
function pairs(t: ReturnType<typeof tabulateIndicators>, p: number): [number, number][] {
  const out: [number, number][] = [];
  for (let e = t.offsets[p]; e < t.offsets[p + 1]; e++) out.push([t.index[e], t.value[e]]);
  return out.sort((a, b) => a[0] - b[0]);
}

Deno.test("indicatorFeatures: observed pairs only, ordered by column, value, class", () => {
  const f = indicatorFeatures(rows, yIndex, classes, "observed");
  assertEquals(f.map((g) => [g.column, g.value, g.label]), [
    [0, "a", "no"],
    [0, "a", "yes"],
    [0, "b", "yes"],
    [1, 1, "no"],
    [1, 1, "yes"],
    [1, 2, "yes"],
  ]);
  assertEquals(indicatorName(f[2], ["letter", "digit"]), 'letter="b" ∧ y="yes"');
  assertEquals(indicatorName(f[3]), 'x[1]=1 ∧ y="no"');
});

Deno.test("indicatorFeatures: 'all' pairs give every (value, class), so f# = number of columns", () => {
  const f = indicatorFeatures(rows, yIndex, classes, "all");
  assertEquals(f.length, (2 + 2) * 2);
  const t = tabulateIndicators(rows, f, classes);
  for (let p = 0; p < rows.length * 2; p++) assertEquals(pairs(t, p).length, 2);
});

Deno.test("tabulateIndicators: row (s, c) lists the features firing on (x_s, c); unseen values fire none", () => {
  const f = indicatorFeatures(rows, yIndex, classes, "observed");
  const t = tabulateIndicators([...rows, ["z", 1]], f, classes);
  assertEquals([t.nSamples, t.nClasses, t.nFeatures], [4, 2, 6]);
  assertEquals(pairs(t, 0), [[0, 1], [3, 1]]); // ("a", 1) with "no"
  assertEquals(pairs(t, 1), [[1, 1], [4, 1]]); // ("a", 1) with "yes"
  assertEquals(pairs(t, 2), [[3, 1]]); // ("b", 1) with "no": ("b", "no") never seen
  assertEquals(pairs(t, 6), [[3, 1]]); // ("z", 1) with "no": only the digit fires
});

Deno.test("1, '1' and true are different categories (mixed types: booleans, numbers, strings)", () => {
  const f = indicatorFeatures([[1], ["1"], [true]], Int32Array.from([0, 0, 0]), ["c"], "all");
  assertEquals(f.map((g) => g.value), [true, 1, "1"]);
});

Deno.test("tabulateFunctions: calls f(x, label) for every pair and keeps the non-zeros", () => {
  const calls: string[] = [];
  const f = [
    (x: number, y: string | number) => {
      calls.push(`${x}:${y}`);
      return y === "yes" ? x : 0;
    },
    (_x: number, y: string | number) => (y === "no" ? -0.5 : 0),
  ];
  const t = tabulateFunctions([2, 0], f, classes);
  assertEquals(calls, ["2:no", "2:yes", "0:no", "0:yes"]);
  assertEquals(pairs(t, 0), [[1, -0.5]]);
  assertEquals(pairs(t, 1), [[0, 2]]);
  assertEquals(pairs(t, 3), []);
  assertThrows(
    () => tabulateFunctions([1], [(_x: number) => Number.NaN], classes),
    ValueError,
    "Feature function 0",
  );
});

Deno.test("oneHotEncode: a 0/1 column per (column, sorted value), or per given categories", () => {
  const { X, categories } = oneHotEncode(rows);
  assertEquals(categories, [["a", "b"], [1, 2]]);
  assertEquals(X.toArray(), [[1, 0, 1, 0], [0, 1, 1, 0], [1, 0, 0, 1]]);
  const given = oneHotEncode([["b", 2]], [["a", "b", "c"], [1, 2]]);
  assertEquals(given.X.toArray(), [[0, 1, 0, 0, 1]]);
  assertThrows(() => oneHotEncode([["d", 1]], categories), ValueError, "not among its categories");
});

Deno.test("categorical rows: ragged rows, NaN, null and 1-D input are named errors", () => {
  assertThrows(() => toCategoricalRows([["a"], ["a", "b"]]), ShapeError, "ragged");
  assertThrows(() => toCategoricalRows([["a", Number.NaN]]), ValueError, "row 0, column 1");
  assertThrows(() => toCategoricalRows([["a", null]]), ValueError, "row 0, column 1");
  assertThrows(() => toCategoricalRows(["a", "b"]), ShapeError, "2-D");
});
