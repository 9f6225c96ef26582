/**
 * Booster training and prediction on 100 000 × 20 synthetic binary data with 5% missing values
 * (bench/booster_data.ts): 100 rounds, depth 6, η = 0.1, hist, as tools/bench_xgboost.py times
 * XGBoost with nthread = 1.
 *
 *     npx deno bench -A bench/booster_bench.ts
 *     npx deno run -A bench/booster_bench.ts --report    # best of 3 timings and the test AUC
 */
import { trainBooster } from "../lib/mod.ts";
import { rocAucScore } from "../lib/metrics/mod.ts";
import { boosterData } from "./booster_data.ts";

const train = boosterData(100_000, 0);
const test = boosterData(20_000, 100_000);
const params = {
  objective: "binary:logistic",
  maxDepth: 6,
  learningRate: 0.1,
  treeMethod: "hist",
  baseScore: 0.5,
} as const;
const fit = () => trainBooster(params, train.X, train.y, { numBoostRound: 100 });
const model = fit();

Deno.bench({ name: "booster hist train 100k×20, 100 rounds", n: 3, warmup: 0 }, () => {
  fit();
});
Deno.bench({ name: "booster predict 20k×20, 100 trees", n: 5, warmup: 1 }, () => {
  model.predict(test.X);
});

if (Deno.args.includes("--report")) {
  const best = (f: () => void, n: number) => {
    let min = Infinity;
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      f();
      min = Math.min(min, performance.now() - t0);
    }
    return min / 1000;
  };
  const trainSeconds = best(fit, 3);
  const predictSeconds = best(() => model.predict(test.X), 5);
  const auc = rocAucScore(test.y, model.predict(test.X) as Float64Array);
  console.log(JSON.stringify({ trainSeconds, predictSeconds, testAuc: auc }));
}
