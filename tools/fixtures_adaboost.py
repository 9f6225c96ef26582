#!/usr/bin/python3
"""Reference values from scikit-learn's AdaBoostClassifier(algorithm="SAMME") with depth-1 trees
for lib/adaboost, written to tests/fixtures/adaboost_sklearn.json.

    /usr/bin/python3 tools/fixtures_adaboost.py

The data are seeded continuous Gaussian classes (rounded to 3 decimals, no repeated values), so
no two splits tie and scikit-learn's random feature order cannot change the stumps it picks.
"""

import json
import pathlib

import numpy as np
import sklearn
from sklearn.ensemble import AdaBoostClassifier
from sklearn.tree import DecisionTreeClassifier

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "fixtures" / "adaboost_sklearn.json"


def floats(a):
    return [float(v) for v in np.ravel(a)]


def rows(a):
    return [floats(r) for r in np.atleast_2d(a)]


def gaussian_classes(n_per, k, d, seed):
    rng = np.random.default_rng(seed)
    centres = rng.normal(0, 1.2, (k, d))
    X = np.vstack([c + rng.normal(0, 1, (n_per, d)) for c in centres])
    y = np.repeat(np.arange(k), n_per)
    return np.round(X, 3), y


def case(name, X, y, n_estimators, learning_rate=1.0):
    model = AdaBoostClassifier(
        estimator=DecisionTreeClassifier(max_depth=1),
        algorithm="SAMME",
        n_estimators=n_estimators,
        learning_rate=learning_rate,
        random_state=0,
    ).fit(X, y)
    dec = model.decision_function(X)
    return {
        "name": name,
        "nEstimators": n_estimators,
        "learningRate": learning_rate,
        "X": rows(X),
        "y": floats(y),
        "weights": floats(model.estimator_weights_[: len(model.estimators_)]),
        "errors": floats(model.estimator_errors_[: len(model.estimators_)]),
        "features": [int(e.tree_.feature[0]) for e in model.estimators_],
        "thresholds": [float(e.tree_.threshold[0]) for e in model.estimators_],
        "decision": floats(dec) if dec.ndim == 1 else rows(dec),
        "predict": floats(model.predict(X)),
        "staged": [float(s) for s in model.staged_score(X, y)],
    }


def main():
    cases = []
    X, y = gaussian_classes(40, 2, 3, seed=1)
    cases.append(case("binary, 3 features", X, y, 25))
    X, y = gaussian_classes(40, 3, 4, seed=2)
    cases.append(case("3 classes, 4 features", X, y, 30))
    cases.append(case("3 classes, learning rate 0.5", X, y, 20, 0.5))
    OUT.write_text(json.dumps({"generator": "tools/fixtures_adaboost.py", "sklearn": sklearn.__version__, "cases": cases}))


if __name__ == "__main__":
    main()
