import { assertAlmostEquals, assertEquals, assertThrows } from "@std/assert";
import { ShapeError, ValueError } from "../../../lib/core/mod.ts";
import { crossEntropyLoss, dcgScore, logLoss, ndcgScore } from "../../../lib/metrics/mod.ts";

Deno.test("logLoss: scikit-learn's documented example and clipping of certain mistakes", () => {
  const p = [[0.1, 0.9], [0.9, 0.1], [0.8, 0.2], [0.35, 0.65]];
  assertAlmostEquals(logLoss(["spam", "ham", "ham", "spam"], p), 0.21616187468057912, 1e-15);
  // A confident wrong answer costs −log(eps) rather than Infinity.
  assertAlmostEquals(logLoss([0], [[0, 1]], { labels: [0, 1] }), -Math.log(Number.EPSILON), 1e-12);
  // 1-D binary input is P(greater label) and equals the two-column form.
  assertAlmostEquals(
    logLoss([0, 1, 1], [0.2, 0.7, 0.4]),
    logLoss([0, 1, 1], [[0.8, 0.2], [0.3, 0.7], [0.6, 0.4]]),
    1e-15,
  );
});

Deno.test("crossEntropyLoss without reduction equals per-sample logLoss terms", () => {
  const p = [[0.2, 0.5, 0.3], [0.6, 0.3, 0.1], [0.1, 0.1, 0.8]];
  const y = [1, 0, 2];
  const each = crossEntropyLoss(p, y, { reduction: "none" });
  assertAlmostEquals(crossEntropyLoss(p, y), logLoss(y, p), 1e-15);
  assertAlmostEquals(
    crossEntropyLoss(p, y, { reduction: "sum" }),
    each[0] + each[1] + each[2],
    1e-15,
  );
  assertEquals(crossEntropyLoss([[0, 1]], [0], { reduction: "none" }), [Infinity]);
});

Deno.test("losses reject probabilities outside [0, 1] and unknown labels", () => {
  assertThrows(() => logLoss([0, 1], [1.2, 0.3]), ValueError, "Got 1.2 at index 0");
  assertThrows(() => logLoss([0, 1], [[0.5, -0.5], [0.5, 0.5]]), ValueError, "row 0, column 1");
  assertThrows(
    () => logLoss([0, 1, 3], [0.2, 0.3, 0.9], { labels: [0, 1] }),
    ValueError,
    "yTrue contains 3 at index 2, which is not among the classes [0, 1]",
  );
  assertThrows(() => logLoss([1, 1], [0.2, 0.3]), ValueError, "only one label (1)");
  assertThrows(
    () => logLoss([0, 1], [[0.2, 0.3, 0.5], [0.1, 0.1, 0.8]]),
    ValueError,
    "3 columns, but there are 2 classes",
  );
  assertThrows(
    () => logLoss([0, 1, 0], [0.2, 0.3]),
    ShapeError,
    "has 2 values, but yTrue has 3 samples; they must match.",
  );
  assertThrows(() => crossEntropyLoss([[0.5, 0.5]], [2]), ValueError, "class indices in [0, 2)");
  assertThrows(() => crossEntropyLoss([[0.5, 1.5]], [0]), ValueError, "probabilities in [0, 1]");
  assertThrows(
    () => crossEntropyLoss([[0.5, 0.5]], [0], { reduction: "avg" as never }),
    ValueError,
    "The 'reduction' option",
  );
});

Deno.test("NDCG on scikit-learn's documented example, ties averaged", () => {
  const rel = [[10, 0, 0, 1, 5]];
  assertAlmostEquals(ndcgScore(rel, [[0.1, 0.2, 0.3, 4, 70]]), 0.6956940443813076, 1e-15);
  assertAlmostEquals(ndcgScore(rel, [[0.05, 1.1, 1, 0.5, 0]]), 0.493680191377376, 1e-15);
  assertAlmostEquals(ndcgScore(rel, [[0.05, 1.1, 1, 0.5, 0]], { k: 4 }), 0.3520241100634488, 1e-15);
  assertEquals(ndcgScore(rel, rel, { k: 4 }), 1);
  // Items 0 and 4 tie for first place: the mean of their gains, (10 + 5) / 2, over IDCG@1 = 10.
  assertEquals(ndcgScore(rel, [[1, 0, 0, 0, 1]], { k: 1 }), 0.75);
  assertEquals(ndcgScore(rel, [[1, 0, 0, 0, 1]], { k: 1, ignoreTies: true }), 0.5);
  // DCG by hand: gains 5, 1, 0, 0, 10 at ranks 1..5 → 5 + 1/log2(3) + 10/log2(6).
  const dcg = 5 + 1 / Math.log2(3) + 10 / Math.log2(6);
  assertAlmostEquals(dcgScore(rel, [[0.1, 0.2, 0.3, 4, 70]]), dcg, 1e-12);
});

Deno.test("ranking metrics check their input", () => {
  assertThrows(() => ndcgScore([[1, -1]], [[0.2, 0.3]]), ValueError, "non-negative");
  assertThrows(() => ndcgScore([[1]], [[0.2]]), ValueError, "at least 2 items");
  assertThrows(() => ndcgScore([[1, 0]], [[0.2, 0.3, 0.1]]), ShapeError, "Got 2 and 3");
  assertThrows(() => ndcgScore([1, 0] as never, [0.2, 0.3] as never), ShapeError, "2-D");
  assertThrows(() => ndcgScore([[1, 0]], [[0.2, 0.3]], { k: 0 }), ValueError, "'k' option");
  assertThrows(() => dcgScore([[1, 0]], [[0.2, 0.3]], { logBase: 1 }), ValueError, "'logBase'");
});
