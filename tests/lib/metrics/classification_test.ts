import { assertAlmostEquals, assertEquals, assertThrows } from "@std/assert";
import { ShapeError, ValueError } from "../../../lib/core/mod.ts";
import {
  accuracyScore,
  confusionMatrix,
  f1Score,
  fbetaScore,
  precisionRecallFscoreSupport,
  precisionScore,
  recallScore,
} from "../../../lib/metrics/mod.ts";

Deno.test("counts by hand: TP = 2, FP = 1, FN = 2 gives P = 2/3, R = 1/2, F1 = 4/7", () => {
  const yTrue = [1, 1, 1, 1, 0, 0, 0];
  const yPred = [1, 1, 0, 0, 1, 0, 0];
  assertAlmostEquals(precisionScore(yTrue, yPred), 2 / 3, 1e-15);
  assertEquals(recallScore(yTrue, yPred), 0.5);
  assertAlmostEquals(f1Score(yTrue, yPred), 4 / 7, 1e-15);
  // F_β = (1 + β²) P R / (β² P + R); β = 2 with P = 2/3, R = 1/2: (5/3) / (19/6) = 10/19.
  assertAlmostEquals(fbetaScore(yTrue, yPred, { beta: 2 }), 10 / 19, 1e-15);
  assertEquals(confusionMatrix(yTrue, yPred), [[2, 1], [2, 2]]);
  assertAlmostEquals(accuracyScore(yTrue, yPred), 4 / 7, 1e-15);
  assertEquals(accuracyScore(yTrue, yPred, { normalize: false }), 4);
});

Deno.test("string labels, label order and normalization of the confusion matrix", () => {
  const yTrue = ["cat", "dog", "pig", "cat", "dog", "pig"];
  const yPred = ["cat", "pig", "dog", "cat", "cat", "dog"];
  assertEquals(confusionMatrix(yTrue, yPred), [[2, 0, 0], [1, 0, 1], [0, 2, 0]]);
  assertEquals(confusionMatrix(yTrue, yPred, { labels: ["pig", "dog", "cat"] }), [
    [0, 2, 0],
    [1, 0, 1],
    [0, 0, 2],
  ]);
  assertEquals(confusionMatrix(yTrue, yPred, { normalize: "true" })[1], [0.5, 0, 0.5]);
  assertEquals(confusionMatrix(yTrue, yPred, { normalize: "all" })[0], [1 / 3, 0, 0]);
  const r = precisionRecallFscoreSupport(yTrue, yPred, { labels: ["pig", "dog", "cat"] });
  assertEquals(r.support, [2, 2, 2]);
  assertEquals(r.recall, [0, 0, 1]);
  assertAlmostEquals(r.fScore[2], 0.8, 1e-15);
});

Deno.test("zeroDivision decides 0/0 precision; recall stays defined", () => {
  const yTrue = [0, 1, 1], yPred = [0, 0, 0];
  assertEquals(precisionScore(yTrue, yPred), 0);
  assertEquals(precisionScore(yTrue, yPred, { zeroDivision: 1 }), 1);
  assertEquals(recallScore(yTrue, yPred, { zeroDivision: 1 }), 0);
  assertEquals(f1Score(yTrue, yPred, { zeroDivision: 1 }), 0);
});

Deno.test("classification metrics reject bad input with clear messages", () => {
  assertThrows(
    () => accuracyScore([0, 1, 1], [0, 1]),
    ShapeError,
    "yPred has 2 values, but yTrue has 3 samples; they must match.",
  );
  assertThrows(
    () => accuracyScore([0, 1], [0.2, 0.9]),
    ValueError,
    "non-integral number 0.2 at index 0",
  );
  assertThrows(() => accuracyScore([0, "a"], [0, 1]), ValueError, "Mix of label input types");
  assertThrows(() => accuracyScore(["a", "b"], [0, 1]), ValueError, "Mix of label input types");
  assertThrows(
    () => precisionScore([0, 1, 2], [0, 1, 2]),
    ValueError,
    'multiclass (labels [0, 1, 2]) but average is "binary"',
  );
  assertThrows(
    () => f1Score([2, 3, 3], [2, 3, 2]),
    ValueError,
    "posLabel=1 is not a valid label. It should be one of [2, 3]",
  );
  assertThrows(() => f1Score(["a", "b"], ["a", "b"]), ValueError, "posLabel holds 1, a number");
  assertThrows(
    () => confusionMatrix([0, 1], [0, 1], { labels: [5, 6] }),
    ValueError,
    "None of the labels [5, 6] occurs in yTrue",
  );
  assertThrows(
    () => confusionMatrix([0, 1], [0, 1], { labels: [0, 0] }),
    ValueError,
    "must not repeat",
  );
  assertThrows(
    () => confusionMatrix([0, 1], [0, 1], { normalize: "rows" as never }),
    ValueError,
    "The 'normalize' option must be one of",
  );
  assertThrows(
    () => precisionScore([0, 1], [0, 1], { average: "samples" as never }),
    ValueError,
    "The 'average' option",
  );
  assertThrows(
    () => precisionScore([0, 1], [0, 1], { zeroDivision: 2 as never }),
    ValueError,
    "zeroDivision",
  );
  assertThrows(() => fbetaScore([0, 1], [0, 1], { beta: -1 }), ValueError, "'beta'");
  assertThrows(
    () => fbetaScore([0, 1], [0, 1], {} as never),
    ValueError,
    "needs the 'beta' option",
  );
  assertThrows(
    () => accuracyScore([0, 1], [0, 1], { sampleWeight: [1, 2, 3] }),
    ShapeError,
    "sampleWeight has 3 values, but yTrue has 2 samples; they must match.",
  );
});
