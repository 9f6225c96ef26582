/** trainBooster: 李航 例8.2, the boosting modes, early stopping, missing values, bad input. */
import { assertAlmostEquals, assertEquals, assertThrows } from "@std/assert";
import { Random } from "../../../lib/core/random.ts";
import { ValueError } from "../../../lib/core/errors.ts";
import { trainBooster } from "../../../lib/ensemble/mod.ts";
import { gossSample } from "../../../lib/ensemble/sampling.ts";
import { rocAucScore } from "../../../lib/metrics/mod.ts";
import { boostExample82 } from "../../support/lihang.ts";

Deno.test("李航 例8.2: boosting tree of stumps, squared loss, learning rate 1", () => {
  const { booster, losses } = boostExample82();
  // The book's split points and leaf values (it rounds the residuals to 2 decimals each step,
  // hence the tolerance on the later trees and on the losses).
  const book = [
    [6.5, 6.24, 8.91, 1.93],
    [3.5, -0.52, 0.22, 0.79],
    [6.5, 0.15, -0.22, 0.47],
    [4.5, -0.16, 0.11, 0.30],
    [6.5, 0.07, -0.11, 0.23],
    [2.5, -0.15, 0.04, 0.17],
  ];
  booster.model.trees.forEach((t, m) => {
    assertEquals(t.threshold[0], book[m][0]);
    assertAlmostEquals(t.value[1], book[m][1], 0.01);
    assertAlmostEquals(t.value[2], book[m][2], 0.01);
    assertAlmostEquals(losses[m], book[m][3], 0.011);
  });
  assertAlmostEquals(losses[5], 0.1722, 1e-4);
  const f = booster.predict([[1], [6.5]]) as Float64Array;
  assertAlmostEquals(f[0], 5.63, 0.005); // the book's f6(x) for x < 2.5
  assertAlmostEquals(f[1], 8.95, 0.005); // and for x ≥ 6.5
});

function binaryData(n: number, seed: number, missing = 0) {
  const rng = new Random(seed);
  const X: number[][] = [], y: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = Array.from({ length: 4 }, () => rng.normal());
    y.push(x[0] + x[1] * x[2] + 0.5 * rng.normal() > 0 ? 1 : 0);
    X.push(x.map((v) => (rng.uniform() < missing ? NaN : v)));
  }
  return { X, y };
}

Deno.test("gbdt, goss, dart and rf all learn a binary task (test AUC > 0.8)", () => {
  const train = binaryData(600, 1, 0.05), test = binaryData(400, 2, 0.05);
  const modes = [
    { boosting: "gbdt" },
    { boosting: "goss", learningRate: 0.3 },
    { boosting: "dart", rateDrop: 0.2 },
    { boosting: "rf", subsample: 0.632, colsampleByTree: 0.8, maxDepth: 8 },
    { growPolicy: "lossguide", numLeaves: 8, maxDepth: 0 },
    { treeMethod: "exact" },
    { subsample: 0.7, colsampleByTree: 0.5 },
  ] as const;
  for (const mode of modes) {
    const b = trainBooster({ objective: "binary", maxDepth: 3, ...mode }, train.X, train.y, {
      numBoostRound: 20,
    });
    const auc = rocAucScore(test.y, b.predict(test.X) as Float64Array);
    if (!(auc > 0.8)) throw new Error(`${JSON.stringify(mode)}: test AUC ${auc}`);
  }
});

Deno.test("lossguide growth stops at numLeaves", () => {
  const { X, y } = binaryData(300, 4);
  const b = trainBooster(
    { objective: "binary", growPolicy: "lossguide", numLeaves: 5, maxDepth: 0 },
    X,
    y,
    {
      numBoostRound: 3,
    },
  );
  for (const t of b.model.trees) assertEquals(t.left.filter((l) => l === -1).length, 5);
});

Deno.test("dart: dropped trees and the new tree weigh k/(k+η) and 1/(k+η)", () => {
  const { X, y } = binaryData(200, 5);
  const dropped: number[][] = [];
  const b = trainBooster(
    { objective: "binary", boosting: "dart", skipDrop: 0, rateDrop: 0, learningRate: 0.5 },
    X,
    y,
    { numBoostRound: 2, callback: (info) => dropped.push(info.dropped) },
  );
  // Round 1 must drop one tree (rateDrop 0 still drops one): k = 1, both weights 1/(1 + 0.5).
  assertEquals(dropped, [[], [0]]);
  assertEquals(Array.from(b.model.treeWeight), [1 / 1.5, 1 / 1.5]);
});

Deno.test("goss keeps the top a·n rows and weighs the sampled rest (1 − a)/b", () => {
  const n = 1000, g = new Float64Array(n), h = new Float64Array(n).fill(1);
  for (let i = 0; i < n; i++) g[i] = i;
  const rows = gossSample(g, h, n, 1, 0.2, 0.1, new Random(0));
  const top = Array.from(rows).filter((r) => r >= 800);
  assertEquals(top.length, 200);
  const rest = Array.from(rows).filter((r) => r < 800);
  if (Math.abs(rest.length - 100) > 30) throw new Error(`sampled ${rest.length} small rows`);
  for (const r of rest) assertEquals(h[r], 8);
  assertEquals(g[900], 900);
});

Deno.test("rf: trees are averaged and not shrunk", () => {
  const { X, y } = binaryData(300, 6);
  const b = trainBooster(
    { objective: "binary", boosting: "rf", subsample: 0.6, learningRate: 0.1 },
    X,
    y,
    {
      numBoostRound: 5,
    },
  );
  assertEquals(b.model.averageOutput, true);
  const t = b.model.trees[0];
  // With η applied, |leaf| would be ≤ 0.1·(|G|/H) ≲ 0.4; unshrunk leaves reach ±2 and more.
  const maxLeaf = Math.max(...Array.from(t.value).map(Math.abs));
  if (!(maxLeaf > 1)) throw new Error(`largest leaf ${maxLeaf}`);
});

Deno.test("missing values learn their direction: NaN standing for 'large' goes right", () => {
  const X: number[][] = [], y: number[] = [];
  for (let i = 0; i < 100; i++) {
    const v = i / 100;
    X.push([v > 0.7 ? NaN : v]);
    y.push(v > 0.5 ? 1 : 0);
  }
  const b = trainBooster({ objective: "binary", maxDepth: 1, learningRate: 1 }, X, y, {
    numBoostRound: 3,
  });
  const p = b.predict([[0.1], [NaN], [0.6]]) as Float64Array;
  assertEquals([p[0] < 0.5, p[1] > 0.5, p[2] > 0.5], [true, true, true]);
});

Deno.test("early stopping keeps the best round and logs every metric", () => {
  const train = binaryData(300, 7), valid = binaryData(300, 8);
  const b = trainBooster(
    {
      objective: "binary:logistic",
      learningRate: 1,
      maxDepth: 6,
      lambda: 0,
      minChildWeight: 0,
      evalMetric: ["auc", "logloss"],
    },
    train.X,
    train.y,
    { numBoostRound: 200, evals: [{ name: "valid", ...valid }], earlyStoppingRounds: 5 },
  );
  const log = b.model.evalsResult!.valid;
  const best = b.model.bestIteration!;
  assertEquals(log.logloss.length, best + 6);
  assertEquals(log.auc.length, log.logloss.length);
  assertEquals(Math.min(...log.logloss), log.logloss[best]);
});

Deno.test("bad input: names the parameter, the accepted values and the value", () => {
  const X = [[1], [2], [3]], y = [0, 1, 0.5];
  assertThrows(
    () => trainBooster({ objective: "poisson-ish" }, X, y),
    ValueError,
    '"reg:squarederror"',
  );
  assertThrows(
    () => trainBooster({ boosting: "gbtree" }, X, y),
    ValueError,
    '"gbdt", "rf", "dart", "goss"',
  );
  assertThrows(
    () => trainBooster({ objective: "cross_entropy" }, X, [0, 1, 1.5]),
    ValueError,
    "in [0, 1]. Got 1.5",
  );
  assertThrows(() => trainBooster({ objective: "binary" }, X, y), ValueError, "0 or 1. Got 0.5");
  assertThrows(
    () => trainBooster({ objective: "lambdarank" }, X, [0, -1, 2], { group: [3] }),
    ValueError,
    "non-negative integer relevance grades. Got -1",
  );
  assertThrows(
    () => trainBooster({ objective: "rank:pairwise" }, X, [0, 1, 2], { group: [2, 2] }),
    ValueError,
    "sum",
  );
  assertThrows(
    () => trainBooster({ objective: "lambdarank" }, X, [0, 1, 2]),
    ValueError,
    "options.group",
  );
  assertThrows(
    () => trainBooster({ eta: 0.1 } as never, X, y),
    ValueError,
    "Did you mean 'learningRate'?",
  );
  assertThrows(
    () => trainBooster({ max_depth: 3 } as never, X, y),
    ValueError,
    "Did you mean 'maxDepth'?",
  );
  assertThrows(() => trainBooster({ boosting: "rf" }, X, y), ValueError, "subsample < 1");
});

Deno.test("lambdarank raises NDCG on held-out queries", () => {
  const rng = new Random(9);
  const make = (queries: number) => {
    const X: number[][] = [], y: number[] = [], group: number[] = [];
    for (let q = 0; q < queries; q++) {
      group.push(10);
      for (let i = 0; i < 10; i++) {
        const x = [rng.normal(), rng.normal(), rng.normal()];
        const s = x[0] + 0.5 * x[1] + 0.3 * rng.normal();
        X.push(x);
        y.push(s > 1 ? 3 : s > 0.3 ? 2 : s > -0.5 ? 1 : 0);
      }
    }
    return { X, y, group };
  };
  const train = make(60), valid = make(30);
  const b = trainBooster(
    { objective: "rank:ndcg", evalMetric: "ndcg@5", learningRate: 0.3 },
    train.X,
    train.y,
    {
      group: train.group,
      numBoostRound: 15,
      evals: [{ name: "valid", ...valid }],
    },
  );
  const curve = b.model.evalsResult!.valid["ndcg@5"];
  if (!(curve[curve.length - 1] > 0.9)) throw new Error(`NDCG@5 ${curve}`);
});

Deno.test("the logged metric of the last round is the saved model's own (gbdt, goss, dart, rf, multiclass)", () => {
  const train = binaryData(400, 12, 0.05), valid = binaryData(200, 13, 0.05);
  const modes = [
    { boosting: "gbdt" },
    { boosting: "goss", learningRate: 0.5 },
    { boosting: "dart", rateDrop: 0.3, skipDrop: 0 },
    { boosting: "rf", subsample: 0.6 },
  ] as const;
  for (const mode of modes) {
    const b = trainBooster(
      { objective: "binary", maxDepth: 3, evalMetric: "rmse", ...mode },
      train.X,
      train.y,
      {
        numBoostRound: 8,
        evals: [{ name: "valid", ...valid }],
      },
    );
    const margin = b.predict(valid.X, { outputMargin: true }) as Float64Array;
    const rmse = Math.sqrt(
      margin.reduce((s, m, i) => s + (m - valid.y[i]) ** 2, 0) / margin.length,
    );
    assertAlmostEquals(b.model.evalsResult!.valid.rmse[7], rmse, 1e-12, mode.boosting);
  }
  const y3 = train.X.map((x) => (x[0] > 0.5 ? 2 : x[0] > -0.5 ? 1 : 0));
  const m = trainBooster(
    { objective: "multi:softprob", maxDepth: 2, evalMetric: "mlogloss" },
    train.X,
    y3,
    {
      numBoostRound: 5,
      evals: [{ name: "train", X: train.X, y: y3 }],
    },
  );
  const proba = m.predict(train.X) as number[][];
  const mlogloss = -proba.reduce((s, row, i) => s + Math.log(row[y3[i]]), 0) / proba.length;
  assertAlmostEquals(m.model.evalsResult!.train.mlogloss[4], mlogloss, 1e-12);
});
