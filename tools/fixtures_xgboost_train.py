#!/usr/bin/env python3
"""Writes tests/fixtures/xgboost_train.json: what XGBoost (Debian's python3-xgboost, 1.7)
TRAINS on a small data set, so that trainBooster's trees can be checked against it: margins on
the training rows and on held-out rows, and the number of leaves of every tree, for the exact
and hist tree methods, depthwise and lossguide growth, L1/L2/γ/max_delta_step regularisation,
sample weights, and the squared-error, logistic (0/1 and probability labels) and softmax
objectives. (reg:absoluteerror is left out: XGBoost refits its leaves to interpolated quantiles
of the residuals, trainBooster to the lower weighted median, so their L1 trees differ.)

The features are float32 values (XGBoost stores float32), 5% of two columns missing, so both
sides bin the same numbers. With 160 rows every feature has fewer distinct values than max_bin,
so hist's cuts are the distinct values themselves and the two libraries must find the same
splits. XGBoost 1.7 does not estimate base_score: it is set to 0.5 in every case.

    /usr/bin/python3 tools/fixtures_xgboost_train.py
"""
import json
import pathlib

import numpy as np
import xgboost as xgb

ROOT = pathlib.Path(__file__).resolve().parent.parent

rng = np.random.default_rng(7)
n, n_test, d = 160, 40, 5
X = rng.normal(size=(n + n_test, d)).round(2).astype(np.float32)
for j in (1, 3):
    X[rng.random(n + n_test) < 0.05, j] = np.nan
x0 = np.nan_to_num(X[:, 0]); x1 = np.nan_to_num(X[:, 1]); x2 = X[:, 2]
y_reg = (2 * x0 + np.sin(3 * x1) - x2 * x2 + 0.3 * rng.normal(size=n + n_test)).round(3)
y_bin = (x0 + x1 * x2 + 0.5 * rng.normal(size=n + n_test) > 0).astype(float)
y_multi = np.digitize(x0 + 0.5 * x2 + 0.3 * rng.normal(size=n + n_test), [-0.5, 0.6]).astype(float)
weight = np.round(rng.uniform(0.2, 2.0, size=n), 2)
y_prob = (1 / (1 + np.exp(-(x0 - x2)))).round(3)
targets = {"reg": y_reg, "binary": y_bin, "multi": y_multi, "prob": y_prob}


def case(name, target, params, rounds=8, weighted=False):
    p = {"base_score": 0.5, "nthread": 1, "seed": 0, **params}
    if target == "multi":
        p["num_class"] = 3
    y = targets[target]
    dtrain = xgb.DMatrix(X[:n], label=y[:n], weight=weight if weighted else None, missing=np.nan)
    dall = xgb.DMatrix(X, missing=np.nan)
    bst = xgb.train(p, dtrain, num_boost_round=rounds)
    margin = bst.predict(dall, output_margin=True)
    dumps = bst.get_dump()
    return {
        "name": name,
        "target": target,
        "params": params,
        "rounds": rounds,
        "weighted": weighted,
        "margin": np.asarray(margin, dtype=float).round(7).tolist(),
        "leaves": [dump.count("leaf=") for dump in dumps],
    }


cases = []
for method in ("exact", "hist"):
    base = {"tree_method": method, "max_depth": 3, "eta": 0.3}
    cases += [
        case(f"{method} squarederror", "reg", {**base, "objective": "reg:squarederror"}),
        case(f"{method} logistic", "binary", {**base, "objective": "binary:logistic"}),
        case(f"{method} softprob", "multi", {**base, "objective": "multi:softprob"}, rounds=4),
        case(f"{method} regularised", "reg", {
            **base, "objective": "reg:squarederror", "lambda": 3.0, "alpha": 2.0,
            "gamma": 5.0, "min_child_weight": 4.0, "max_depth": 4,
        }),
        case(f"{method} max_delta_step", "binary", {
            **base, "objective": "binary:logistic", "max_delta_step": 0.4, "eta": 1.0,
        }),
        case(f"{method} weighted", "binary", {**base, "objective": "binary:logistic"},
             weighted=True),
    ]
cases.append(case("hist reg:logistic on probabilities", "prob", {
    "tree_method": "hist", "max_depth": 3, "eta": 0.3, "objective": "reg:logistic",
}))
cases.append(case("hist lossguide", "reg", {
    "tree_method": "hist", "grow_policy": "lossguide", "max_leaves": 6, "max_depth": 0,
    "eta": 0.3, "objective": "reg:squarederror",
}))

out = {
    "xgboostVersion": xgb.__version__,
    "nTrain": n,
    "X": [[None if np.isnan(v) else float(v) for v in row] for row in X],
    "y": {k: v.tolist() for k, v in targets.items()},
    "weight": weight.tolist(),
    "cases": cases,
}
target = ROOT / "tests" / "fixtures" / "xgboost_train.json"
target.write_text(json.dumps(out) + "\n")
print(f"wrote {target.relative_to(ROOT)} ({target.stat().st_size} bytes)")
