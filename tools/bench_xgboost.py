#!/usr/bin/python3
"""XGBoost's side of bench/booster_bench.ts: the same 100 000 x 20 synthetic binary data with 5%
missing values (the integer-hash recipe of bench/booster_data.ts, redone in numpy, so the very
same numbers), 100 rounds, depth 6, eta 0.1, tree_method hist, nthread 1; best of 3 trainings
(DMatrix construction included, as our timing includes binning) and of 5 predictions, and the
test AUC.

    /usr/bin/python3 tools/bench_xgboost.py
"""
import json
import time

import numpy as np
import xgboost as xgb
from sklearn.metrics import roc_auc_score


def hash_uniform(k):
    x = k.astype(np.uint32)
    x ^= x >> np.uint32(16)
    x = (x * np.uint32(0x7FEB352D)).astype(np.uint32)
    x ^= x >> np.uint32(15)
    x = (x * np.uint32(0x846CA68B)).astype(np.uint32)
    x ^= x >> np.uint32(16)
    return x.astype(np.float64) / 4294967296.0


def booster_data(rows, first=0, d=20, missing=0.05):
    i = np.arange(first, first + rows, dtype=np.int64)[:, None]
    j = np.arange(d + 1, dtype=np.int64)[None, :]
    k = ((i * (d + 1) + j) * 3) % 2**32
    u1 = hash_uniform(k)
    u1[u1 == 0] = 1e-12
    z = np.sqrt(-2 * np.log(u1)) * np.cos(2 * np.pi * hash_uniform(k + 1))
    x, noise = z[:, :d], z[:, d]
    s = (x[:, 0] + 0.5 * x[:, 1] * x[:, 2] - 0.8 * x[:, 3] + 0.5 * np.sin(2 * x[:, 4])
         + 0.3 * x[:, 5] ** 2 - 0.3 + 0.5 * noise)
    y = (s > 0).astype(float)
    x = x.copy()
    x[hash_uniform(k[:, :d] + 2) < missing] = np.nan
    return x, y


X, y = booster_data(100_000)
Xt, yt = booster_data(20_000, 100_000)
params = {"objective": "binary:logistic", "max_depth": 6, "eta": 0.1, "tree_method": "hist",
          "nthread": 1, "base_score": 0.5, "max_bin": 256}


def fit():
    return xgb.train(params, xgb.DMatrix(X, label=y, missing=np.nan, nthread=1), 100)


def best(f, n):
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        f()
        times.append(time.perf_counter() - t0)
    return min(times)


train_seconds = best(fit, 3)
model = fit()
dtest = xgb.DMatrix(Xt, missing=np.nan, nthread=1)
# inplace_predict: predict() on a DMatrix it has seen returns a cached result.
predict_seconds = best(lambda: model.inplace_predict(Xt, missing=np.nan), 5)
auc = roc_auc_score(yt, model.predict(dtest))
print(json.dumps({"xgboost": xgb.__version__, "trainSeconds": train_seconds,
                  "predictSeconds": predict_seconds, "testAuc": auc, "positiveRate": y.mean()}))
