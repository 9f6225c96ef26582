#!/usr/bin/env python3
"""Writes tests/fixtures/forest_sklearn.json: scikit-learn's random forests and extra trees
(100 trees, default options) on wine, breast cancer (accuracy) and diabetes (R²), a fixed split
(every 4th row is a test row), over 10 random states: the test score and the out-of-bag score of
each. Our forests are not bit-identical (other random draws); the test asserts they score within
a small margin of scikit-learn's mean.

    /usr/bin/python3 tools/fixtures_forest.py
"""
import json
import pathlib

import numpy as np
import sklearn
from sklearn.datasets import load_breast_cancer, load_diabetes, load_wine
from sklearn.ensemble import (ExtraTreesClassifier, ExtraTreesRegressor, RandomForestClassifier,
                              RandomForestRegressor)

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEEDS = range(10)


def summary(values):
    return {"mean": float(np.mean(values)), "min": float(np.min(values)),
            "max": float(np.max(values)), "values": [float(v) for v in values]}


out = {"sklearnVersion": sklearn.__version__, "testEvery": 4, "nEstimators": 100, "cases": {}}
for name, loader, kinds in (
    ("wine", load_wine, (("randomForest", RandomForestClassifier, True),
                         ("extraTrees", ExtraTreesClassifier, False))),
    ("breastCancer", load_breast_cancer, (("randomForest", RandomForestClassifier, True),
                                         ("extraTrees", ExtraTreesClassifier, False))),
    ("diabetes", load_diabetes, (("randomForest", RandomForestRegressor, True),
                                 ("extraTrees", ExtraTreesRegressor, False))),
):
    X, y = loader(return_X_y=True)
    test = np.arange(len(y)) % 4 == 0
    for kind, cls, oob in kinds:
        scores, oobs = [], []
        for rs in SEEDS:
            model = cls(n_estimators=100, random_state=rs, n_jobs=1, oob_score=oob)
            model.fit(X[~test], y[~test])
            scores.append(model.score(X[test], y[test]))
            if oob:
                oobs.append(model.oob_score_)
        case = {"test": summary(scores)}
        if oob:
            case["oob"] = summary(oobs)
        out["cases"][f"{name}/{kind}"] = case

target = ROOT / "tests" / "fixtures" / "forest_sklearn.json"
target.write_text(json.dumps(out, indent=1) + "\n")
print(f"wrote {target.relative_to(ROOT)}")
