#!/usr/bin/python3
"""scikit-learn's side of bench/forest_bench.ts: the same forests (100 trees, n_jobs=1, grown to
purity) on the same data (the synthetic set has the same recipe, numpy's own draws). One warm-up,
then the best of N runs, as `deno bench` reports its min; also the best process CPU time
(compare with `deno run -A bench/forest_bench.ts --cpu`).

    /usr/bin/python3 tools/forest_bench_sklearn.py
"""
import os

for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = "1"

import time  # noqa: E402

import numpy as np  # noqa: E402
from sklearn.datasets import load_breast_cancer, load_diabetes  # noqa: E402
from sklearn.ensemble import (ExtraTreesClassifier, RandomForestClassifier,  # noqa: E402
                              RandomForestRegressor)


def best(fn, n=3, warmup=1):
    """Best wall-clock and best process CPU time (ms) of n runs after the warm-up."""
    for _ in range(warmup):
        fn()
    wall, cpu = [], []
    for _ in range(n):
        t0, c0 = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return min(wall) * 1000, min(cpu) * 1000


Xc, yc = load_breast_cancer(return_X_y=True)
Xd, yd = load_diabetes(return_X_y=True)
rng = np.random.default_rng(0)
d = 20
w = np.array([(-1 if j % 2 else 1) * (j + 1) / d for j in range(d)])
Xs = rng.standard_normal((5000, d))
ys = ((Xs @ w > 0).astype(int) ^ (rng.random(5000) < 0.1).astype(int))
fitted = RandomForestClassifier(n_estimators=100, random_state=0, n_jobs=1).fit(Xs, ys)

cases = {
    "RandomForestClassifier 100 trees, breast cancer (569, 30)":
        lambda: RandomForestClassifier(n_estimators=100, random_state=0, n_jobs=1).fit(Xc, yc),
    "ExtraTreesClassifier 100 trees, breast cancer (569, 30)":
        lambda: ExtraTreesClassifier(n_estimators=100, random_state=0, n_jobs=1).fit(Xc, yc),
    "RandomForestRegressor 100 trees, diabetes (442, 10)":
        lambda: RandomForestRegressor(n_estimators=100, random_state=0, n_jobs=1).fit(Xd, yd),
    "RandomForestClassifier 100 trees, synthetic (5000, 20)":
        lambda: RandomForestClassifier(n_estimators=100, random_state=0, n_jobs=1).fit(Xs, ys),
    "RandomForestClassifier 100 trees, predictProba synthetic (5000, 20)":
        lambda: fitted.predict_proba(Xs),
}
for name, fn in cases.items():
    n = 2 if "synthetic (5000, 20)" in name and "predict" not in name else 5 if "predict" in name else 3
    wall, cpu = best(fn, n=n)
    print(f"{name}: {wall:.1f} ms wall, {cpu:.1f} ms CPU")
