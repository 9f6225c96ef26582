/**
 * Random forests and extra trees, 100 trees, grown to purity, one thread; scikit-learn's side is
 * tools/forest_bench_sklearn.py (n_jobs=1). Run: `deno bench -A bench/forest_bench.ts` (wall clock)
 * or `deno run -A bench/forest_bench.ts --cpu` (process CPU time).
 * Data: breast cancer (569 × 30, classification), diabetes (442 × 10, regression) and a
 * synthetic 5000 × 20 binary problem (y = [x·w > 0], x ~ N(0, 1), 10% of labels flipped).
 */
import {
  ExtraTreesClassifier,
  RandomForestClassifier,
  RandomForestRegressor,
} from "../lib/ensemble/forest.ts";
import { loadBreastCancer, loadDiabetes } from "../lib/data/mod.ts";
import { Matrix } from "../lib/core/matrix.ts";
import { Random } from "../lib/core/random.ts";
import process from "node:process";

const toM = (X: unknown) => X instanceof Matrix ? X : Matrix.from2D(X as number[][]);
const cancer = loadBreastCancer() as unknown as { X: number[][]; y: number[] };
const diabetes = loadDiabetes() as unknown as { X: number[][]; y: number[] };
const Xc = toM(cancer.X), Xd = toM(diabetes.X);

function synthetic(n: number, d: number) {
  const rng = new Random(0);
  const w = Array.from({ length: d }, (_, j) => (j % 2 ? -1 : 1) * (j + 1) / d);
  const X = new Matrix(n, d, rng.normalArray(n * d));
  const y = Array.from({ length: n }, (_, i) => {
    let s = 0;
    for (let j = 0; j < d; j++) s += X.data[i * d + j] * w[j];
    return (s > 0 ? 1 : 0) ^ (rng.uniform() < 0.1 ? 1 : 0);
  });
  return { X, y };
}
const syn = synthetic(5000, 20);

const fitted = new RandomForestClassifier({ nEstimators: 100, seed: 0 }).fit(syn.X, syn.y);
/** [name, timed call, runs]: the same cases as tools/forest_bench_sklearn.py. */
const CASES: [string, () => unknown, number][] = [
  [
    "RandomForestClassifier 100 trees, breast cancer (569, 30)",
    () => new RandomForestClassifier({ nEstimators: 100, seed: 0 }).fit(Xc, cancer.y),
    3,
  ],
  [
    "ExtraTreesClassifier 100 trees, breast cancer (569, 30)",
    () => new ExtraTreesClassifier({ nEstimators: 100, seed: 0 }).fit(Xc, cancer.y),
    3,
  ],
  [
    "RandomForestRegressor 100 trees, diabetes (442, 10)",
    () => new RandomForestRegressor({ nEstimators: 100, seed: 0 }).fit(Xd, diabetes.y),
    3,
  ],
  [
    "RandomForestClassifier 100 trees, synthetic (5000, 20)",
    () => new RandomForestClassifier({ nEstimators: 100, seed: 0 }).fit(syn.X, syn.y),
    2,
  ],
  [
    "RandomForestClassifier 100 trees, predictProba synthetic (5000, 20)",
    () => fitted.predictProba(syn.X),
    5,
  ],
];

if (Deno.args.includes("--cpu")) {
  // `deno run -A bench/forest_bench.ts --cpu`: the best process CPU time (user + system) of each
  // case after a warm-up; on a loaded machine it varies far less than wall-clock time.
  for (const [name, run, n] of CASES) {
    run();
    let best = Infinity;
    for (let k = 0; k < n; k++) {
      const start = process.cpuUsage();
      run();
      const used = process.cpuUsage(start);
      best = Math.min(best, (used.user + used.system) / 1000);
    }
    console.log(`${name}: ${best.toFixed(1)} ms CPU`);
  }
} else {
  for (const [name, run, n] of CASES) Deno.bench(name, { n, warmup: 1 }, () => void run());
}
