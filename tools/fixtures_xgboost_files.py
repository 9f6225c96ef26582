#!/usr/bin/env python3
"""Writes tests/fixtures/xgboost/: small models trained by Debian's XGBoost (1.7) and saved with
`save_model("m.json")`, with their inputs and XGBoost's predictions, so that
`Booster.fromXGBoostJSON` can be checked to predict what XGBoost predicts; and the other way
round: the XGBoost JSON files that `booster.toXGBoostJSON()` writes (for every model above and
every LightGBM fixture, written by tools/xgboost_roundtrip.ts) loaded back into XGBoost, with
what XGBoost then predicts.

Inputs are float32 values (XGBoost reads float32), 10% missing (null in JSON).

    /usr/bin/python3 tools/fixtures_xgboost_files.py
"""
import json
import pathlib
import subprocess

import numpy as np
import pandas as pd
import xgboost as xgb

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "fixtures" / "xgboost"
RT = OUT / "roundtrip"
OUT.mkdir(parents=True, exist_ok=True)
RT.mkdir(parents=True, exist_ok=True)
rng = np.random.default_rng(2026)
N_FEATURES = 6


def make_X(n):
    X = rng.normal(size=(n, N_FEATURES)).astype(np.float32)
    X[rng.random(X.shape) < 0.1] = np.nan
    return X


def signal(X):
    Z = np.nan_to_num(X, nan=0.0)
    return 1.5 * Z[:, 0] - Z[:, 1] + 0.8 * Z[:, 2] * Z[:, 3] + 0.5 * np.sin(3 * Z[:, 4])


def rows(X):
    return [[None if np.isnan(v) else float(v) for v in r] for r in X]


X_train, X_test = make_X(300), make_X(40)
s_train = signal(X_train)
y_reg = s_train + 0.3 * rng.normal(size=300)
y_bin = (s_train + 0.5 * rng.normal(size=300) > 0).astype(float)
y_prob = 1 / (1 + np.exp(-s_train))
y_multi = np.digitize(s_train + 0.3 * rng.normal(size=300), [-1.0, 1.0]).astype(float)
y_count = rng.poisson(np.exp(0.4 * np.clip(s_train, -3, 3)))
y_rank = np.clip(np.round(s_train + 2 + 0.5 * rng.normal(size=300)), 0, 4)
groups = [20] * 15

base = {"max_depth": 3, "eta": 0.3, "seed": 1, "nthread": 1}
CASES = {
    "reg_squarederror": ({"objective": "reg:squarederror"}, y_reg, 12, None),
    "binary_logistic": ({"objective": "binary:logistic"}, y_bin, 10, None),
    "binary_logistic_base": ({"objective": "binary:logistic", "base_score": 0.3}, y_bin, 6, None),
    "reg_logistic": ({"objective": "reg:logistic"}, y_prob, 8, None),
    "multi_softprob": ({"objective": "multi:softprob", "num_class": 3}, y_multi, 6, None),
    "rank_pairwise": ({"objective": "rank:pairwise"}, y_rank, 8, groups),
    "rank_ndcg": ({"objective": "rank:ndcg"}, y_rank, 8, groups),
    "count_poisson": ({"objective": "count:poisson"}, y_count, 8, None),
    "dart_binary": ({"objective": "binary:logistic", "booster": "dart", "rate_drop": 0.3,
                     "skip_drop": 0.0, "normalize_type": "forest"}, y_bin, 10, None),
    "forest_regression": ({"objective": "reg:squarederror", "num_parallel_tree": 4,
                           "subsample": 0.7, "colsample_bynode": 0.7, "eta": 1.0}, y_reg, 3, None),
}

for name, (params, y, rounds, group) in CASES.items():
    dtrain = xgb.DMatrix(X_train, label=y)
    if group:
        dtrain.set_group(group)
    booster = xgb.train({**base, **params}, dtrain, rounds)
    booster.save_model(str(OUT / f"{name}.model.json"))
    dtest = xgb.DMatrix(X_test)
    leaf = booster.predict(xgb.DMatrix(X_test[:8]), pred_leaf=True)
    case = {
        "params": {**base, **params},
        "rounds": rounds,
        "X": rows(X_test),
        "predict": booster.predict(dtest).tolist(),
        "margin": booster.predict(dtest, output_margin=True).tolist(),
        "predictRounds1to3": booster.predict(dtest, iteration_range=(1, 3)).tolist(),
        "leaf": leaf.astype(int).reshape(8, -1).tolist(),
    }
    (OUT / f"{name}.json").write_text(json.dumps(case) + "\n")

# Files the reader must refuse: categorical splits, a linear booster.
Xc = pd.DataFrame({"a": pd.Categorical(rng.integers(0, 4, 200)), "b": rng.normal(size=200)})
yc = (Xc["a"].cat.codes.to_numpy() % 2 == 0).astype(float)
cat = xgb.train({"tree_method": "hist", "max_depth": 2, "max_cat_to_onehot": 1, "nthread": 1},
                xgb.DMatrix(Xc, label=yc, enable_categorical=True), 2)
cat.save_model(str(OUT / "bad_categorical.model.json"))
lin = xgb.train({"booster": "gblinear", "nthread": 1}, xgb.DMatrix(X_train[:, :2].copy(), label=y_reg), 2)
lin.save_model(str(OUT / "bad_gblinear.model.json"))

# The other way: files our toXGBoostJSON writes, loaded by XGBoost.
deno = ROOT / "node_modules" / ".bin" / "deno"
subprocess.run([str(deno), "run", "-A", str(ROOT / "tools" / "xgboost_roundtrip.ts"), str(RT)],
               check=True, cwd=ROOT)
manifest = json.loads((RT / "manifest.json").read_text())
record = {"xgboostVersion": xgb.__version__, "cases": {}}
for name, info in manifest.items():
    booster = xgb.Booster(model_file=str(RT / info["file"]))
    X = np.array([[np.nan if v is None else v for v in r] for r in info["X"]], dtype=np.float32)
    d = xgb.DMatrix(X, feature_names=booster.feature_names)
    record["cases"][name] = {
        "predict": booster.predict(d).tolist(),
        "margin": booster.predict(d, output_margin=True).tolist(),
    }
(RT / "xgboost_predictions.json").write_text(json.dumps(record) + "\n")
print(f"wrote {OUT.relative_to(ROOT)} ({len(CASES)} models, {len(manifest)} round trips)")
