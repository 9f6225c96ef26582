/** meanAveragePrecisionScore against scikit-learn's average_precision_score (tools/fixtures_ranking_metrics.py). */
import { assertAlmostEquals, assertThrows } from "@std/assert";
import { meanAveragePrecisionScore } from "../../../lib/metrics/mod.ts";
import { ShapeError } from "../../../lib/core/errors.ts";

const fixture = JSON.parse(
  await Deno.readTextFile(new URL("../../fixtures/ranking_map.json", import.meta.url)),
) as { map: { yTrue: number[][]; yScore: number[][]; k: number | null; expected: number }[] };

Deno.test("MAP matches scikit-learn's average precision per query (with ties) and AP@k", () => {
  for (const c of fixture.map) {
    const got = meanAveragePrecisionScore(c.yTrue, c.yScore, { k: c.k ?? undefined });
    assertAlmostEquals(got, c.expected, 1e-12, `k=${c.k} ${JSON.stringify(c.yScore)}`);
  }
});

Deno.test("MAP: a query with nothing relevant counts 0; shapes must agree", () => {
  assertAlmostEquals(meanAveragePrecisionScore([[0, 0], [1, 0]], [[1, 2], [2, 1]]), 0.5, 1e-15);
  assertThrows(() => meanAveragePrecisionScore([[1, 0]], [[1, 2, 3]]), ShapeError, "same shape");
});
