import { assertAlmostEquals, assertThrows } from "@std/assert";
import { ValueError } from "../../../lib/core/mod.ts";
import {
  accuracyScore,
  confusionMatrix,
  f1Score,
  logLoss,
  meanSquaredError,
  ndcgScore,
  r2Score,
  rocAucScore,
  rocCurve,
} from "../../../lib/metrics/mod.ts";

Deno.test("metrics refuse scikit-learn's snake_case options with a camelCase hint", () => {
  // Before: { sample_weight } was ignored and the unweighted value returned.
  const t = [0, 1, 1, 0], p = [0, 1, 0, 0], w = [1, 2, 3, 4];
  const cases: [string, () => unknown, string][] = [
    ["accuracyScore", () => accuracyScore(t, p, { sample_weight: w } as never), "sampleWeight"],
    ["confusionMatrix", () => confusionMatrix(t, p, { sample_weight: w } as never), "sampleWeight"],
    ["f1Score", () => f1Score(t, p, { pos_label: 1 } as never), "posLabel"],
    [
      "logLoss",
      () =>
        logLoss(t, [[0.9, 0.1], [0.2, 0.8], [0.6, 0.4], [0.7, 0.3]], { sample_weight: w } as never),
      "sampleWeight",
    ],
    [
      "meanSquaredError",
      () => meanSquaredError(t, p, { sample_weight: w } as never),
      "sampleWeight",
    ],
    ["r2Score", () => r2Score(t, p, { force_finite: false } as never), "forceFinite"],
    [
      "rocAucScore",
      () => rocAucScore(t, [0.1, 0.9, 0.4, 0.2], { max_fpr: 0.5 } as never),
      "maxFpr",
    ],
    [
      "rocCurve",
      () => rocCurve(t, [0.1, 0.9, 0.4, 0.2], { drop_intermediate: false } as never),
      "dropIntermediate",
    ],
    [
      "ndcgScore",
      () => ndcgScore([[1, 0]], [[0.5, 0.2]], { ignore_ties: true } as never),
      "ignoreTies",
    ],
  ];
  for (const [fn, call, meant] of cases) {
    assertThrows(call, ValueError, `for ${fn}: did you mean '${meant}'?`);
  }
  assertThrows(() => accuracyScore(t, p, true as never), ValueError, "takes an options object");
  assertAlmostEquals(accuracyScore(t, p, { sampleWeight: w }), 7 / 10);
});
