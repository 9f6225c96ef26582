import { assertAlmostEquals, assertEquals, assertThrows } from "@std/assert";
import { Random, ValueError } from "../../../lib/core/mod.ts";
import {
  auc,
  averagePrecisionScore,
  precisionRecallCurve,
  rocAucScore,
  rocCurve,
} from "../../../lib/metrics/mod.ts";
import { argsortStable } from "../../../lib/metrics/argsort.ts";

Deno.test("ROC and PR curves on scikit-learn's documented example", () => {
  const roc = rocCurve([1, 1, 2, 2], [0.1, 0.4, 0.35, 0.8], { posLabel: 2 });
  assertEquals(roc.fpr, [0, 0, 0.5, 0.5, 1]);
  assertEquals(roc.tpr, [0, 0.5, 0.5, 1, 1]);
  assertEquals(roc.thresholds, [1.8, 0.8, 0.4, 0.35, 0.1]);
  const inf = rocCurve([1, 1, 2, 2], [0.1, 0.4, 0.35, 0.8], {
    posLabel: 2,
    firstThreshold: "infinity",
  });
  assertEquals(inf.thresholds[0], Infinity);
  const pr = precisionRecallCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);
  assertEquals(pr.precision, [0.5, 2 / 3, 0.5, 1, 1]);
  assertEquals(pr.recall, [1, 1, 0.5, 0.5, 0]);
  assertEquals(pr.thresholds, [0.1, 0.35, 0.4, 0.8]);
  assertAlmostEquals(averagePrecisionScore([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]), 5 / 6, 1e-15);
  assertEquals(rocAucScore([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]), 0.75);
});

Deno.test("ROC AUC equals the Mann-Whitney probability P(score⁺ > score⁻) + ½ P(tie)", () => {
  const rng = new Random(3);
  const y = Array.from({ length: 200 }, () => (rng.uniform() < 0.3 ? 1 : 0));
  const s = y.map((v) => Math.round((v + rng.normal()) * 4) / 4); // many ties
  let wins = 0, pairs = 0;
  for (let i = 0; i < y.length; i++) {
    for (let j = 0; j < y.length; j++) {
      if (y[i] !== 1 || y[j] !== 0) continue;
      pairs++;
      wins += s[i] > s[j] ? 1 : s[i] === s[j] ? 0.5 : 0;
    }
  }
  assertAlmostEquals(rocAucScore(y, s), wins / pairs, 1e-12);
  // The area of the full (undropped) curve is the same: dropped points are collinear.
  const full = rocCurve(y, s, { dropIntermediate: false });
  const dropped = rocCurve(y, s);
  assertAlmostEquals(auc(full.fpr, full.tpr), auc(dropped.fpr, dropped.tpr), 1e-12);
  assertEquals(dropped.fpr.length < full.fpr.length, true);
});

Deno.test("auc integrates decreasing x too and refuses non-monotonic x", () => {
  assertEquals(auc([0, 1, 2], [0, 1, 1]), 1.5);
  assertEquals(auc([2, 1, 0], [1, 1, 0]), 1.5);
  assertThrows(() => auc([0, 2, 1], [0, 1, 1]), ValueError, "increasing or decreasing");
  assertThrows(() => auc([0], [1]), ValueError, "at least 2 points");
});

Deno.test("one class where two are needed is an error, not NaN", () => {
  assertThrows(() => rocCurve([1, 1, 1], [0.2, 0.5, 0.9]), ValueError, "no negative samples");
  assertThrows(() => rocCurve([0, 0, 0], [0.2, 0.5, 0.9]), ValueError, "no positive samples");
  assertThrows(() => rocAucScore([1, 1, 1], [0.2, 0.5, 0.9]), ValueError, "Only one class");
  assertThrows(
    () => precisionRecallCurve([0, 0], [0.2, 0.5]),
    ValueError,
    "at least one positive sample",
  );
  assertThrows(() => averagePrecisionScore([0, 0], [0.2, 0.5]), ValueError, "positive sample");
});

Deno.test("curves check labels, posLabel and the score shape", () => {
  assertThrows(
    () => rocCurve(["a", "b"], [0.1, 0.9]),
    ValueError,
    'takes values in ["a", "b"] and posLabel is not specified',
  );
  assertThrows(() => rocCurve([0, 1, 2], [0.1, 0.5, 0.9]), ValueError, "has 3 classes");
  assertThrows(() => rocCurve(["a", "b"], [0.1, 0.9], { posLabel: 1 }), ValueError, "a number");
  assertThrows(
    () => averagePrecisionScore([2, 3], [0.1, 0.9]),
    ValueError,
    "posLabel=1 is not a valid label",
  );
  assertThrows(
    () => rocAucScore([0, 1], [[0.9, 0.1], [0.2, 0.8]]),
    ValueError,
    "yScore must be 1-D",
  );
  assertThrows(() => rocCurve([0, 1], [0.1, NaN]), ValueError, "finite");
});

Deno.test("multiclass ROC AUC: scheme, probabilities and labels are checked", () => {
  const y = [0, 1, 2, 2];
  const p = [[0.8, 0.1, 0.1], [0.2, 0.7, 0.1], [0.1, 0.2, 0.7], [0.3, 0.3, 0.4]];
  assertEquals(rocAucScore(y, p, { multiClass: "ovr" }), 1);
  assertEquals(rocAucScore(y, p, { multiClass: "ovo" }), 1);
  assertThrows(() => rocAucScore(y, p), ValueError, 'set multiClass to "ovr" or "ovo"');
  assertThrows(
    () => rocAucScore(y, [[0.8, 0.1, 0.2], ...p.slice(1)], { multiClass: "ovr" }),
    ValueError,
    "row 0 sums to 1.1",
  );
  assertThrows(
    () => rocAucScore(y, [[1.2, -0.1, -0.1], ...p.slice(1)], { multiClass: "ovr" }),
    ValueError,
    "probabilities in [0, 1]. Got 1.2 at row 0, column 0",
  );
  assertThrows(
    () => rocAucScore(y, p, { multiClass: "ovr", labels: [0, 2, 1] }),
    ValueError,
    "labels must be sorted",
  );
  assertThrows(
    () => rocAucScore([0, 1, 5, 2], p, { multiClass: "ovr", labels: [0, 1, 2] }),
    ValueError,
    "yTrue contains 5, which is not in labels",
  );
  assertThrows(
    () => rocAucScore(y, p, { multiClass: "ovo", sampleWeight: [1, 1, 1, 1] }),
    ValueError,
    "not supported with multiClass 'ovo'",
  );
  assertThrows(
    () => rocAucScore(y, p, { multiClass: "ovo", average: "micro" }),
    ValueError,
    "The 'average' option",
  );
  assertThrows(() => rocAucScore(y, [0.1, 0.2, 0.3, 0.4], { multiClass: "ovr" }), ValueError);
});

Deno.test("argsortStable: the radix path orders like a stable comparator sort", () => {
  const rng = new Random(11);
  const values = Array.from({ length: 40_000 }, () => Math.round(rng.normal() * 300) / 7);
  values.push(-0, 0, 1e300, -1e300, 5e-324, -5e-324);
  const expected = values.map((_, i) => i).sort((a, b) => values[a] - values[b] || a - b);
  assertEquals(Array.from(argsortStable(values)), expected);
  assertEquals(Array.from(argsortStable([0.3, 0.1, 0.3])), [1, 0, 2]);
});

Deno.test("large input: ROC AUC equals the rank-sum (Mann-Whitney U) formula with midranks", () => {
  const rng = new Random(5);
  const n = 30_000;
  const y = Array.from({ length: n }, () => (rng.uniform() < 0.2 ? 1 : 0));
  const s = y.map((v) => Math.round((v * 0.7 + rng.normal()) * 20) / 20);
  const order = s.map((_, i) => i).sort((a, b) => s[a] - s[b]);
  const rank = new Float64Array(n);
  for (let start = 0; start < n;) {
    let end = start;
    while (end + 1 < n && s[order[end + 1]] === s[order[start]]) end++;
    for (let r = start; r <= end; r++) rank[order[r]] = (start + end) / 2 + 1;
    start = end + 1;
  }
  let rankSum = 0, nPos = 0;
  for (let i = 0; i < n; i++) if (y[i] === 1) (rankSum += rank[i]), nPos++;
  const u = rankSum - (nPos * (nPos + 1)) / 2;
  assertAlmostEquals(rocAucScore(y, s), u / (nPos * (n - nPos)), 1e-12);
});
