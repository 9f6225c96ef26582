#!/usr/bin/env python3
"""Writes tests/fixtures/tree_sklearn.json: scikit-learn's decision trees on wine and breast
cancer (gini, several depths, a fixed split: every 4th row is a test row), the least-squares
regression tree on 李航 习题5.2's data and its cost-complexity pruning path.

When two splits tie, scikit-learn keeps the one met first in a random order of the features, so
its tree (and accuracy) can depend on random_state. The fixture records the accuracies over 50
random states: a correct tree with another tie-break reproduces one of them.

    /usr/bin/python3 tools/fixtures_tree.py
"""
import json
import pathlib

import numpy as np
import sklearn
from sklearn.datasets import load_breast_cancer, load_wine
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor

ROOT = pathlib.Path(__file__).resolve().parent.parent

out = {"sklearnVersion": sklearn.__version__, "classification": {}, "regression": {}}
for name, loader in (("wine", load_wine), ("breastCancer", load_breast_cancer)):
    X, y = loader(return_X_y=True)
    test = np.arange(len(y)) % 4 == 0
    cases = []
    for depth in (1, 2, 3, 4, 5, None):
        outcomes = set()
        for rs in range(50):
            t = DecisionTreeClassifier(criterion="gini", max_depth=depth, random_state=rs)
            t.fit(X[~test], y[~test])
            outcomes.add((float(t.score(X[test], y[test])), float(t.score(X[~test], y[~test]))))
        cases.append({
            "maxDepth": depth,
            "accuraciesOverRandomStates": sorted([list(o) for o in outcomes]),
        })
    out["classification"][name] = {"testEvery": 4, "cases": cases}

# 李航 习题5.2
x = np.arange(1, 11, dtype=float).reshape(-1, 1)
y = np.array([4.50, 4.75, 4.91, 5.34, 5.80, 7.05, 7.90, 8.23, 8.70, 9.00])
for depth in (1, 2, 3, None):
    tree = DecisionTreeRegressor(max_depth=depth, random_state=0).fit(x, y)
    out["regression"]["null" if depth is None else str(depth)] = {
        "predictions": tree.predict(x).tolist(),
    }
path = DecisionTreeRegressor(random_state=0).cost_complexity_pruning_path(x, y)
out["regression"]["pruningPath"] = {
    "ccpAlphas": path.ccp_alphas.tolist(),
    "impurities": path.impurities.tolist(),
}

target = ROOT / "tests" / "fixtures" / "tree_sklearn.json"
target.write_text(json.dumps(out, indent=1) + "\n")
print(f"wrote {target.relative_to(ROOT)}")
