/** The per-round metrics of trainBooster, against lib/metrics on the same margins. */
import { assertAlmostEquals, assertThrows } from "@std/assert";
import { ValueError } from "../../../lib/core/errors.ts";
import { checkMetrics, evalMetric } from "../../../lib/ensemble/eval_metrics.ts";
import {
  logLoss,
  meanAveragePrecisionScore,
  ndcgScore,
  rocAucScore,
  rootMeanSquaredError,
} from "../../../lib/metrics/mod.ts";

const margin = Float64Array.of(0.3, -1.2, 2.0, 0.1, -0.4, 1.1);
const y = Float64Array.of(1, 0, 1, 0, 0, 1);
const p = Array.from(margin, (m) => 1 / (1 + Math.exp(-m)));

Deno.test("logloss, auc, rmse match lib/metrics", () => {
  assertAlmostEquals(
    evalMetric("logloss", margin, y, 1, undefined),
    logLoss(Array.from(y), p),
    1e-12,
  );
  assertAlmostEquals(evalMetric("auc", margin, y, 1, undefined), rocAucScore(y, margin), 1e-12);
  assertAlmostEquals(
    evalMetric("rmse", margin, y, 1, undefined),
    rootMeanSquaredError(y, margin) as number,
    1e-12,
  );
});

Deno.test("ndcg@k and map@k average over query groups", () => {
  const rel = Float64Array.of(2, 0, 1, 0, 1, 0);
  const offsets = Uint32Array.of(0, 3, 6);
  const q = (v: ArrayLike<number>, s: number) => [Array.from(v).slice(s, s + 3)];
  const ndcg =
    (ndcgScore(q(rel, 0), q(margin, 0), { k: 2 }) + ndcgScore(q(rel, 3), q(margin, 3), { k: 2 })) /
    2;
  assertAlmostEquals(evalMetric("ndcg@2", margin, rel, 1, offsets), ndcg, 1e-12);
  const map = (meanAveragePrecisionScore(q(rel, 0), q(margin, 0), { k: 2 }) +
    meanAveragePrecisionScore(q(rel, 3), q(margin, 3), { k: 2 })) / 2;
  assertAlmostEquals(evalMetric("map@2", margin, rel, 1, offsets), map, 1e-12);
});

Deno.test("unknown metric names are refused with the list", () => {
  assertThrows(
    () => checkMetrics(["rmse", "f1"]),
    ValueError,
    "Unknown eval metric 'f1'. Known: rmse",
  );
});
