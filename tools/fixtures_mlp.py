#!/usr/bin/env python3
"""Writes tests/fixtures/mlp_digits.json and mlp_diabetes.json: scikit-learn's MLPClassifier on
the 8x8 digits (pixels / 16) and MLPRegressor on the diabetes data, trained on the very rows of
the splits our trainTestSplit made (tests/fixtures/*_split.json, written by tools/mlp_splits.ts),
with the same hyperparameters our tests and the 22_mlp notebook use.

    deno run -A tools/mlp_splits.ts && /usr/bin/python3 tools/fixtures_mlp.py
"""
import json
import pathlib
import time
import warnings

import numpy as np
import sklearn
from sklearn.datasets import load_diabetes, load_digits
from sklearn.exceptions import ConvergenceWarning
from sklearn.neural_network import MLPClassifier, MLPRegressor

ROOT = pathlib.Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"

# Our option names -> scikit-learn's; every run sets all of them explicitly.
def sk_params(o):
    return dict(
        hidden_layer_sizes=tuple(o["hiddenLayerSizes"]),
        activation={"sigmoid": "logistic"}.get(o["activation"], o["activation"]),
        solver=o["optimizer"],
        learning_rate_init=o["learningRate"],
        batch_size=o["batchSize"],
        max_iter=o["maxIter"],
        alpha=o["alpha"],
        tol=o["tol"],
        n_iter_no_change=o["nIterNoChange"],
        random_state=0,
    )


BASE = dict(hiddenLayerSizes=[100], activation="relu", optimizer="adam", batchSize=200,
            alpha=0.0001, tol=0.0001, nIterNoChange=10)


def load_split(name, y):
    split = json.loads((FIXTURES / f"{name}_split.json").read_text())
    train, test = np.array(split["train"]), np.array(split["test"])
    assert np.array_equal(y[test], np.array(split["yTest"])), f"{name}: labels differ from the split"
    return train, test


def run(name, model_class, X, y, runs, score_name):
    train, test = load_split(name, y)
    out = []
    for run_name, options in runs:
        model = model_class(**sk_params(options))
        start = time.perf_counter()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            model.fit(X[train], y[train])
        seconds = time.perf_counter() - start
        out.append({
            "name": run_name,
            "options": options,
            score_name: float(model.score(X[test], y[test])),
            "trainScore": float(model.score(X[train], y[train])),
            "nIter": int(model.n_iter_),
            "lossCurve": [float(v) for v in model.loss_curve_],
            "seconds": round(seconds, 2),
        })
        print(f"{name} {run_name}: {score_name} {out[-1][score_name]:.4f}, "
              f"{model.n_iter_} epochs, {seconds:.1f} s")
    doc = {"sklearnVersion": sklearn.__version__, "split": f"{name}_split.json", "runs": out}
    path = FIXTURES / f"mlp_{name}.json"
    path.write_text(json.dumps(doc, indent=1) + "\n")
    print(f"wrote {path.relative_to(ROOT)}")


digits = load_digits()
run("digits", MLPClassifier, digits.data / 16.0, digits.target, [
    ("notebook", {**BASE, "learningRate": 0.01, "maxIter": 50}),
    ("sklearnDefaults", {**BASE, "learningRate": 0.001, "maxIter": 200}),
], "accuracy")

X, y = load_diabetes(return_X_y=True)
run("diabetes", MLPRegressor, X, y, [
    ("notebook", {**BASE, "hiddenLayerSizes": [32], "learningRate": 0.05, "maxIter": 300,
                  "batchSize": 32}),
], "r2")
