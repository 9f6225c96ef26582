/**
 * Random forests and extra trees, 100 trees, grown to purity, one thread; scikit-learn's side is
 * tools/forest_bench_sklearn.py (n_jobs=1). Run: `deno bench -A bench/forest_bench.ts`.
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

const opts = { n: 3, warmup: 1 };
Deno.bench("RandomForestClassifier 100 trees, breast cancer (569, 30)", opts, () => {
  new RandomForestClassifier({ nEstimators: 100, seed: 0 }).fit(Xc, cancer.y);
});
Deno.bench("ExtraTreesClassifier 100 trees, breast cancer (569, 30)", opts, () => {
  new ExtraTreesClassifier({ nEstimators: 100, seed: 0 }).fit(Xc, cancer.y);
});
Deno.bench("RandomForestRegressor 100 trees, diabetes (442, 10)", opts, () => {
  new RandomForestRegressor({ nEstimators: 100, seed: 0 }).fit(Xd, diabetes.y);
});
Deno.bench("RandomForestClassifier 100 trees, synthetic (5000, 20)", { n: 1, warmup: 0 }, () => {
  new RandomForestClassifier({ nEstimators: 100, seed: 0 }).fit(syn.X, syn.y);
});
const fitted = new RandomForestClassifier({ nEstimators: 100, seed: 0 }).fit(syn.X, syn.y);
Deno.bench("RandomForestClassifier 100 trees, predictProba synthetic (5000, 20)", opts, () => {
  fitted.predictProba(syn.X);
});
