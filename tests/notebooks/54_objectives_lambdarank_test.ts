/** The numbers notebooks/54_objectives_lambdarank.ipynb shows: g and h side by side, outliers, λ. */
import { assert, assertAlmostEquals, assertEquals } from "@std/assert";
import {
  GradientBoostingRanker,
  groupOffsets,
  makeRankingData,
  ndcgScore,
  pointwiseGradients,
  Random,
  rankingGradients,
  trainBooster,
} from "../../lib/mod.ts";
import { headingIs, modelSections, sectionHeadings, sourceNotebook } from "../support/notebooks.ts";

const round = (v: number, d = 3) => Math.round(v * 10 ** d) / 10 ** d;

Deno.test("notebook has the model sections and reading notes", () => {
  const headings = sectionHeadings(sourceNotebook("54_objectives_lambdarank"));
  for (const s of [...modelSections, "阅读笔记"]) {
    assert(headings.some((h) => headingIs(h, s)), `missing "## ${s}" in ${headings}`);
  }
});

Deno.test("the g/h table: L1 and Huber clip, logistic h = p(1−p), softmax h = 2p(1−p)", () => {
  const g = new Float64Array(1), h = new Float64Array(1);
  pointwiseGradients("huber", Float64Array.of(3), Float64Array.of(0), undefined, g, h);
  assertEquals([g[0], h[0]], [1, 1]);
  pointwiseGradients("regression_l1", Float64Array.of(-2), Float64Array.of(0), undefined, g, h);
  assertEquals([g[0], h[0]], [-1, 1]);
  pointwiseGradients("cross_entropy", Float64Array.of(0), Float64Array.of(0.7), undefined, g, h);
  assertAlmostEquals(g[0], -0.2, 1e-15);
  assertEquals(h[0], 0.25);
  const gm = new Float64Array(3), hm = new Float64Array(3);
  pointwiseGradients(
    "multiclass",
    Float64Array.of(1, 0, -1),
    Float64Array.of(0),
    undefined,
    gm,
    hm,
    3,
  );
  assertEquals(Array.from(gm, (v) => round(v)), [-0.335, 0.245, 0.09]);
  assertEquals(Array.from(hm, (v) => round(v)), [0.445, 0.37, 0.164]);
});

Deno.test("outliers: mean error on clean points 0.342 (L2) against 0.069 (L1) and 0.073 (Huber)", () => {
  const rng = new Random(4);
  const xs = Array.from({ length: 200 }, () => rng.uniform(0, 6)).sort((a, b) => a - b);
  const ys = xs.map((x) => Math.sin(x) + 0.2 * rng.normal());
  const isOutlier = (i: number) => i % 20 === 7;
  xs.forEach((_, i) => {
    if (isOutlier(i)) ys[i] = 8;
  });
  const err = (["regression", "regression_l1", "huber"] as const).map((objective) => {
    const b = trainBooster(
      { objective, maxDepth: 2, learningRate: 0.3, minDataInLeaf: 10 },
      xs.map((x) => [x]),
      ys,
      { numBoostRound: 50 },
    );
    const f = b.predict(xs.map((x) => [x])) as Float64Array;
    return round(
      xs.reduce((s, x, i) => s + (isOutlier(i) ? 0 : Math.abs(f[i] - Math.sin(x))), 0) / 190,
    );
  });
  assertEquals(err, [0.342, 0.069, 0.073]);
});

Deno.test("λ of one query: RankNet against LambdaRank", () => {
  const score = Float64Array.of(0.5, 1.2, 0.9, -0.3, 0.1), rel = Float64Array.of(3, 2, 0, 1, 0);
  const lambdas = (pairwise: boolean) => {
    const g = new Float64Array(5), h = new Float64Array(5);
    rankingGradients(score, rel, groupOffsets([5], 5), undefined, g, h, pairwise, { norm: false });
    return Array.from(g, (v) => round(v));
  };
  assertEquals(lambdas(true), [-1.978, -0.19, 1.793, -0.875, 1.25]);
  assertEquals(lambdas(false), [-0.244, 0.023, 0.129, 0.023, 0.069]);
});

Deno.test("NDCG@5 after 40 rounds: 0.918 (lambdarank), 0.923 (pairwise), 0.927 (pointwise); the ranker", () => {
  const trainQ = makeRankingData(200, 20, { seed: 1 }),
    validQ = makeRankingData(100, 20, { seed: 2 });
  const evals = [{ name: "valid", X: validQ.X, y: validQ.y, group: validQ.group }];
  const last = (["lambdarank", "rank:pairwise", "regression"] as const).map((objective) => {
    const b = trainBooster(
      { objective, maxDepth: 4, learningRate: 0.1, evalMetric: "ndcg@5" },
      trainQ.X,
      trainQ.y,
      {
        numBoostRound: 40,
        group: trainQ.group,
        evals,
      },
    );
    return round(b.model.evalsResult!.valid["ndcg@5"][39]);
  });
  assertEquals(last, [0.918, 0.923, 0.927]);
  const ranker = new GradientBoostingRanker({ nEstimators: 40, maxDepth: 4, learningRate: 0.1 })
    .fit(trainQ.X, trainQ.y, { group: trainQ.group });
  const s = ranker.predict(validQ.X);
  const byQuery = (v: ArrayLike<number>) =>
    Array.from({ length: 100 }, (_, q) => Array.from(v).slice(20 * q, 20 * q + 20));
  assertEquals(round(ndcgScore(byQuery(validQ.y), byQuery(s), { k: 5 })), 0.918);
});
