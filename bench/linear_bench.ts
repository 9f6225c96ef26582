/**
 * LinearRegression and StandardScaler. Run: `deno bench -A bench/linear_bench.ts`.
 * scikit-learn side: `tools/bench_sklearn.py` (same ids, shapes and repeats, from cases.json).
 *
 * The SGD benches have no scikit-learn counterpart: SGDRegressor runs plain per-sample SGD with
 * an inverse-scaling step and a tolerance-based stop, not d2l's fixed minibatch schedule, so a
 * ratio would compare two different algorithms. They are timed here against our closed form.
 */
import { Matrix } from "../lib/core/matrix.ts";
import { syntheticData } from "../lib/data/synthetic.ts";
import { LinearRegression } from "../lib/linear/linear_regression.ts";
import { benchCase } from "./cases.ts";
import { caseSpec, synthetic } from "./data.ts";

benchCase("linreg_lstsq_diabetes", { group: "LinearRegression, diabetes (442, 10)" });

const large = "LinearRegression, synthetic (20000, 20)";
benchCase("linreg_lstsq_synthetic", { group: large, baseline: true });
const { X, y } = synthetic(caseSpec("linreg_lstsq_synthetic").shape[0]);
Deno.bench("SGD, 3 epochs, batch 10 (d2l settings)", { group: large, n: 10, warmup: 1 }, () => {
  new LinearRegression({ solver: "sgd", learningRate: 0.03, batchSize: 10, epochs: 3 }).fit(X, y);
});

// d2l §3.2 exactly: w = [2, -3.4], b = 4.2, 1000 samples, lr 0.03, batch 10, 3 epochs.
const d2l = "LinearRegression, d2l synthetic (1000, 2)";
const d2lRaw = syntheticData([2, -3.4], 4.2, 1000, { seed: 0 });
const d2lData = { X: Matrix.from2D(d2lRaw.X), y: Float64Array.from(d2lRaw.y) };
Deno.bench("closed form (lstsq)", { group: d2l, baseline: true, n: 30, warmup: 1 }, () => {
  new LinearRegression().fit(d2lData.X, d2lData.y);
});
Deno.bench("SGD, 3 epochs, batch 10", { group: d2l, n: 30, warmup: 1 }, () => {
  new LinearRegression({ solver: "sgd" }).fit(d2lData.X, d2lData.y);
});

benchCase("scaler_synthetic", { group: "StandardScaler, synthetic (20000, 20)" });
