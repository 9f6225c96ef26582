/** The numbers notebooks/53_hist_goss_dart.ipynb shows: bins, subtraction, leaf-wise, GOSS, DART. */
import { assert, assertEquals } from "@std/assert";
import {
  binData,
  featureHistogram,
  gossSample,
  makeBoostingClassification,
  pointwiseGradients,
  Random,
  trainBooster,
} from "../../lib/mod.ts";
import { headingIs, modelSections, sectionHeadings, sourceNotebook } from "../support/notebooks.ts";

const round = (v: number, d = 3) => Math.round(v * 10 ** d) / 10 ** d;
const train = makeBoostingClassification(4000, { seed: 1, missing: 0.05 });
const valid = makeBoostingClassification(2000, { seed: 2, missing: 0.05 });
const n = 4000, nf = 10;
const y = Float64Array.from(train.y);
const allRows = Array.from({ length: n }, (_, i) => i);
const evals = [{ name: "valid", X: valid.X, y: valid.y }];

Deno.test("notebook has the model sections and reading notes", () => {
  const headings = sectionHeadings(sourceNotebook("53_hist_goss_dart"));
  for (const s of [...modelSections, "阅读笔记"]) {
    assert(headings.some((h) => headingIs(h, s)), `missing "## ${s}" in ${headings}`);
  }
});

Deno.test("16 bins of feature 0 (15 quantile bins + NaN) and exact histogram subtraction", () => {
  const binned = binData(Float64Array.from(train.X.flat()), n, nf, "hist", 16);
  assertEquals(binned.nBins[0], 15);
  const g0 = new Float64Array(n), h0 = new Float64Array(n);
  pointwiseGradients("binary", new Float64Array(n), y, undefined, g0, h0);
  const parent = featureHistogram(binned, 0, allRows, g0, h0);
  assertEquals(Array.from(parent.count), [
    253,
    253,
    253,
    253,
    252,
    253,
    253,
    253,
    253,
    252,
    253,
    253,
    253,
    253,
    252,
    208,
  ]);
  assertEquals([parent.grad[0], parent.grad[14]], [104.5, -106]);
  const left = allRows.filter((r) => binned.bins[r * nf + 1] <= 7);
  const right = allRows.filter((r) => binned.bins[r * nf + 1] > 7);
  assertEquals([left.length, right.length], [2023, 1977]);
  const l = featureHistogram(binned, 0, left, g0, h0),
    r = featureHistogram(binned, 0, right, g0, h0);
  assertEquals(Array.from(parent.grad, (v, b) => v - l.grad[b]), Array.from(r.grad));
});

Deno.test("depthwise vs lossguide (8 leaves): depths and valid logloss", () => {
  const depthOf = (t: { left: Int32Array; right: Int32Array }) => {
    const walk = (
      k: number,
    ): number => (t.left[k] === -1 ? 0 : 1 + Math.max(walk(t.left[k]), walk(t.right[k])));
    return walk(0);
  };
  const d = trainBooster(
    { objective: "binary", learningRate: 0.1, maxDepth: 3 },
    train.X,
    train.y,
    { numBoostRound: 60, evals },
  );
  const l = trainBooster(
    { objective: "binary", learningRate: 0.1, growPolicy: "lossguide", numLeaves: 8, maxDepth: 0 },
    train.X,
    train.y,
    { numBoostRound: 60, evals },
  );
  assertEquals(round(l.model.trees.reduce((s, t) => s + depthOf(t), 0) / 60, 2), 4.8);
  assertEquals(Math.max(...l.model.trees.map(depthOf)), 7);
  assertEquals([d, l].map((b) => round(b.model.evalsResult!.valid.logloss[59])), [0.423, 0.399]);
});

Deno.test("GOSS keeps 1197 rows; G_L and H_L estimates 61.2 and 291.5 against 59.5 and 299.7", () => {
  const warm = trainBooster({ objective: "binary", learningRate: 0.1 }, train.X, train.y, {
    numBoostRound: 20,
  });
  const margin = Float64Array.from(warm.predict(train.X, { outputMargin: true }) as Float64Array);
  const g = new Float64Array(n), h = new Float64Array(n);
  pointwiseGradients("binary", margin, y, undefined, g, h);
  const gs = g.slice(), hs = h.slice();
  const kept = Array.from(gossSample(gs, hs, n, 1, 0.2, 0.1, new Random(0)));
  const sum = (rows: number[], v: Float64Array) =>
    round(rows.filter((r) => train.X[r][0] < 0).reduce((s, r) => s + v[r], 0), 1);
  assertEquals(kept.length, 1197);
  assertEquals([sum(allRows, g), sum(allRows, h), sum(kept, gs), sum(kept, hs)], [
    59.5,
    299.7,
    61.2,
    291.5,
  ]);
  const goss = trainBooster(
    { objective: "binary", boosting: "goss", learningRate: 0.1, maxDepth: 3 },
    train.X,
    train.y,
    { numBoostRound: 60, evals },
  );
  assertEquals(round(goss.model.evalsResult!.valid.logloss[59]), 0.398);
});

Deno.test("DART: the trees dropped in the first 12 rounds and the weights they end with", () => {
  const dropped: number[][] = [];
  const dart = trainBooster(
    {
      objective: "binary",
      boosting: "dart",
      learningRate: 0.1,
      rateDrop: 0.1,
      skipDrop: 0.5,
      seed: 3,
    },
    train.X,
    train.y,
    { numBoostRound: 60, evals, callback: (info) => dropped.push(info.dropped) },
  );
  assertEquals(dropped.slice(0, 12), [[], [0], [], [0], [3], [], [3, 5], [], [], [5, 6], [], [
    5,
    10,
  ]]);
  assertEquals(Array.from(dart.model.treeWeight.subarray(0, 4), (v) => round(v)), [
    0.729,
    0.826,
    0.811,
    0.751,
  ]);
  assertEquals(round(dart.model.evalsResult!.valid.logloss[59]), 0.399);
});
