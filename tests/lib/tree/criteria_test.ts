import { assertAlmostEquals, assertEquals, assertThrows } from "@std/assert";
import {
  empiricalConditionalEntropy,
  empiricalEntropy,
  entropyOfCounts,
  gainRatio,
  giniIndex,
  giniOfCounts,
  giniSplit,
  informationGain,
} from "../../../lib/tree/mod.ts";
import { ShapeError } from "../../../lib/core/mod.ts";
import { LOAN_X, LOAN_Y } from "../../support/lihang.ts";

const column = (j: number) => LOAN_X.map((r) => r[j]);
const round3 = (v: number) => Math.round(v * 1000) / 1000;
const round2 = (v: number) => Math.round(v * 100) / 100;

Deno.test("例5.2: H(D) = 0.971 and the information gains of A1..A4", () => {
  assertEquals(round3(empiricalEntropy(LOAN_Y)), 0.971);
  assertEquals([0, 1, 2, 3].map((j) => round3(informationGain(column(j), LOAN_Y))), [
    0.083,
    0.324,
    0.420,
    0.363,
  ]);
  // Exact: H(D) = −(9/15) log₂(9/15) − (6/15) log₂(6/15).
  assertAlmostEquals(
    empiricalEntropy(LOAN_Y),
    -(0.6 * Math.log2(0.6) + 0.4 * Math.log2(0.4)),
    1e-15,
  );
  assertAlmostEquals(
    informationGain(column(0), LOAN_Y),
    empiricalEntropy(LOAN_Y) - empiricalConditionalEntropy(column(0), LOAN_Y),
    1e-15,
  );
});

Deno.test("C4.5's gain ratios: A3 is again the best", () => {
  const ratios = [0, 1, 2, 3].map((j) => gainRatio(column(j), LOAN_Y));
  // g_R = g / H_A; A3 splits 9 否 / 6 是, so H_A3 = H(0.6, 0.4) = 0.971.
  assertAlmostEquals(
    ratios[2],
    informationGain(column(2), LOAN_Y) / empiricalEntropy(column(2)),
    1e-15,
  );
  assertEquals(ratios.map(round3), [0.052, 0.352, 0.433, 0.232]);
  assertEquals(ratios.indexOf(Math.max(...ratios)), 2);
  assertEquals(gainRatio(["a", "a"], [1, 2]), 0);
});

Deno.test("例5.4: Gini(D, A3 = 是) = 0.27 is the smallest", () => {
  // The book prints two decimals.
  assertEquals(round2(giniSplit(column(0), LOAN_Y, "青年")), 0.44);
  assertEquals(round2(giniSplit(column(0), LOAN_Y, "中年")), 0.48);
  assertEquals(round2(giniSplit(column(0), LOAN_Y, "老年")), 0.44);
  assertEquals(round2(giniSplit(column(1), LOAN_Y, "是")), 0.32);
  assertEquals(round2(giniSplit(column(2), LOAN_Y, "是")), 0.27);
  assertEquals(round2(giniSplit(column(3), LOAN_Y, "非常好")), 0.36);
  assertEquals(round2(giniSplit(column(3), LOAN_Y, "好")), 0.47);
  assertEquals(round2(giniSplit(column(3), LOAN_Y, "一般")), 0.32);
  const all = [0, 1, 2, 3].flatMap((j) =>
    [...new Set(column(j))].map((a) => ({ j, a, g: giniSplit(column(j), LOAN_Y, a) }))
  );
  const best = all.reduce((m, c) => (c.g < m.g ? c : m));
  assertEquals(best.j, 2);
});

Deno.test("impurities of counts", () => {
  assertAlmostEquals(entropyOfCounts([1, 1]), 1, 1e-15);
  assertEquals(entropyOfCounts([5, 0]), 0);
  assertAlmostEquals(giniOfCounts([1, 1, 1, 1]), 0.75, 1e-15);
  assertAlmostEquals(giniIndex(["a", "b"]), 0.5, 1e-15);
  assertThrows(() => informationGain(["a"], [1, 2]), ShapeError, "they must match");
});
