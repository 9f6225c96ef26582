#!/usr/bin/python3
"""Reference values from scikit-learn's SVC (libsvm) for lib/svm, written to
tests/fixtures/svm_sklearn.json.

    /usr/bin/python3 tools/fixtures_svm.py

Cases: 李航 例7.1 and 习题7.2 (hard margin approximated by C = 1e10), a seeded two-moons-like
binary set for each kernel, and iris (three classes, one-vs-one). Both sides train with
tol = 1e-7 so the solutions agree to about 1e-5; decision values are compared on a grid.
"""

import csv
import json
import pathlib

import numpy as np
import sklearn
from sklearn.svm import SVC

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "fixtures" / "svm_sklearn.json"
TOL = 1e-7


def floats(a):
    return [float(v) for v in np.ravel(a)]


def rows(a):
    return [floats(r) for r in np.atleast_2d(a)]


def moons(n=60, seed=0):
    rng = np.random.default_rng(seed)
    t = rng.uniform(0, np.pi, n)
    top = np.c_[np.cos(t[: n // 2]), np.sin(t[: n // 2])]
    bottom = np.c_[1 - np.cos(t[n // 2 :]), 0.5 - np.sin(t[n // 2 :])]
    X = np.vstack([top, bottom]) + rng.normal(0, 0.2, (n, 2))
    y = np.r_[np.zeros(n // 2), np.ones(n - n // 2)]
    return np.round(X, 4), y


def case(name, X, y, params, grid):
    model = SVC(tol=TOL, **params).fit(X, y)
    out = {
        "name": name,
        "params": {k: (v if v != 1e10 else "Infinity") for k, v in params.items()},
        "X": rows(X),
        "y": floats(y),
        "support": [int(i) for i in model.support_],
        "nSupport": [int(i) for i in model.n_support_],
        "dualCoef": rows(model.dual_coef_),
        "intercept": floats(model.intercept_),
        "gamma": float(model._gamma),
        "grid": rows(grid),
        "decision": rows(model.decision_function(grid)) if len(model.classes_) > 2 else floats(model.decision_function(grid)),
        "predict": floats(model.predict(grid)),
    }
    if len(model.classes_) > 2:
        model.set_params(decision_function_shape="ovo")
        out["decisionOvo"] = rows(model.decision_function(grid))
    if params.get("kernel") == "linear":
        out["coef"] = rows(model.coef_)
    return out


def main():
    cases = []
    X71 = np.array([[3.0, 3], [4, 3], [1, 1]])
    y71 = np.array([1.0, 1, -1])
    cases.append(case("例7.1", X71, y71, {"kernel": "linear", "C": 1e10}, X71))
    X72 = np.array([[1.0, 2], [2, 3], [3, 3], [2, 1], [3, 2]])
    y72 = np.array([1.0, 1, 1, -1, -1])
    cases.append(case("习题7.2", X72, y72, {"kernel": "linear", "C": 1e10}, X72))

    X, y = moons()
    g = np.linspace(-1.5, 2.5, 9)
    grid = np.array([[a, b] for a in g for b in np.linspace(-1, 1.5, 7)])
    for params in (
        {"kernel": "linear", "C": 1.0},
        {"kernel": "linear", "C": 0.05},
        {"kernel": "poly", "C": 1.0, "degree": 3, "coef0": 1.0, "gamma": "scale"},
        {"kernel": "poly", "C": 2.0, "degree": 2, "coef0": 0.0, "gamma": 0.5},
        {"kernel": "rbf", "C": 1.0, "gamma": "scale"},
        {"kernel": "rbf", "C": 10.0, "gamma": 2.0},
        {"kernel": "sigmoid", "C": 1.0, "gamma": 0.1, "coef0": 0.0},
        {"kernel": "rbf", "C": 1e10, "gamma": 1.0},
    ):
        cases.append(case("moons " + json.dumps(params), X, y, params, grid))

    with open(ROOT / "data" / "iris.csv", newline="") as f:
        values = np.array([[float(v) for v in r] for r in list(csv.reader(f))[1:]])
    Xi, yi = values[:, :-1], values[:, -1]
    for params in ({"kernel": "linear", "C": 1.0}, {"kernel": "rbf", "C": 1.0, "gamma": "scale"}):
        cases.append(case("iris " + json.dumps(params), Xi, yi, params, Xi[::5]))

    # Platt scaling: libsvm's folds are random, so only rough agreement is expected.
    proba = SVC(kernel="rbf", probability=True, random_state=0, tol=TOL).fit(X, y)
    out = {
        "generator": "tools/fixtures_svm.py",
        "sklearn": sklearn.__version__,
        "tol": TOL,
        "cases": cases,
        "proba": {"grid": rows(grid), "proba": rows(proba.predict_proba(grid)), "probA": floats(proba.probA_), "probB": floats(proba.probB_)},
    }
    OUT.write_text(json.dumps(out))


if __name__ == "__main__":
    main()
