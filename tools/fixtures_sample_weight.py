#!/usr/bin/python3
"""Writes tests/fixtures/sample_weight_sklearn.json: scikit-learn 1.2's decision trees, logistic
regression and naive Bayes fitted with `sample_weight` (and GaussianNB's var_smoothing on data
with zero within-class variance), for tests/lib/{tree,linear,naive_bayes}/sample_weight_test.ts.

Data are read from the same data/<name>.csv files the TypeScript loaders read. Weights are drawn
here (seeded) and stored in the fixture, rounded to 3 decimals so JSON carries them exactly:
float weights in [0.2, 3) and integer weights in {0, 1, 2, 3} (zeros drop rows).

Trees: when two splits tie, scikit-learn keeps the one met first in a random order of the
features, so the fixture records the distinct outcomes over 20 random states; a correct tree
reproduces one of them. Deep regression trees meet ties (two features cutting a 4-row node the same
way) in combinations that 20 states do not cover; their training-row predictions do not depend on
the tie-break, so they are recorded too. Logistic regression: solver="newton-cg" with a tight tolerance, on
standardized iris (mean and population standard deviation), so the reference is the optimum.

    /usr/bin/python3 tools/fixtures_sample_weight.py
"""
import csv
import json
import pathlib

import numpy as np
import sklearn
from sklearn.linear_model import LogisticRegression
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor

ROOT = pathlib.Path(__file__).resolve().parent.parent


def load(name):
    with open(ROOT / "data" / f"{name}.csv") as f:
        rows = list(csv.reader(f))[1:]
    data = np.array([[float(v) for v in r] for r in rows])
    return data[:, :-1], data[:, -1]


def weights(rng, n, kind):
    if kind == "float":
        return np.round(rng.uniform(0.2, 3.0, n), 3)
    return rng.integers(0, 4, n).astype(float)


rng = np.random.default_rng(8)
out = {"sklearnVersion": sklearn.__version__, "classification": [], "regression": [], "logistic": []}

X, y = load("wine")
test = np.arange(len(y)) % 4 == 0
for kind in ("float", "integer"):
    w = weights(rng, int((~test).sum()), kind)
    for criterion in ("gini", "entropy"):
        for depth, mwf in ((2, 0.0), (4, 0.0), (None, 0.0), (None, 0.05)):
            outcomes = {}
            for rs in range(20):
                t = DecisionTreeClassifier(
                    criterion=criterion, max_depth=depth, min_weight_fraction_leaf=mwf,
                    random_state=rs,
                ).fit(X[~test], y[~test], sample_weight=w)
                proba = np.round(t.predict_proba(X[test]), 12).tolist()
                outcomes[json.dumps(proba)] = {
                    "predictProba": proba,
                    "nLeaves": int(t.get_n_leaves()),
                    "depth": int(t.get_depth()),
                }
            out["classification"].append({
                "dataset": "wine", "testEvery": 4, "weights": kind, "sampleWeight": w.tolist(),
                "criterion": criterion, "maxDepth": depth, "minWeightFractionLeaf": mwf,
                "outcomes": list(outcomes.values()),
            })

X, y = load("diabetes")
X, y = X[:200], y[:200]
test = np.arange(len(y)) % 4 == 0
for kind in ("float", "integer"):
    w = weights(rng, int((~test).sum()), kind)
    for depth in (3, 6):
        outcomes = {}
        for rs in range(20):
            t = DecisionTreeRegressor(max_depth=depth, random_state=rs).fit(
                X[~test], y[~test], sample_weight=w)
            pred = np.round(t.predict(X[test]), 9).tolist()
            fitted = np.round(t.predict(X[~test]), 9).tolist()
            outcomes[json.dumps([pred, fitted])] = {"predictions": pred, "trainPredictions": fitted}
        path = DecisionTreeRegressor(random_state=0).cost_complexity_pruning_path(
            X[~test], y[~test], sample_weight=w)
        out["regression"].append({
            "dataset": "diabetes", "rows": 200, "testEvery": 4, "weights": kind,
            "sampleWeight": w.tolist(), "maxDepth": depth,
            "outcomes": list(outcomes.values()),
            "pruningPathHead": {
                "ccpAlphas": path.ccp_alphas[-6:].tolist(),
                "impurities": path.impurities[-6:].tolist(),
            },
        })

X, y = load("iris")
X = (X - X.mean(axis=0)) / X.std(axis=0)
for kind in ("float", "integer"):
    w = weights(rng, len(y), kind)
    for C in (1.0, 0.1):
        m = LogisticRegression(C=C, solver="newton-cg", tol=1e-8, max_iter=10000)
        m.fit(X, y, sample_weight=w)
        out["logistic"].append({
            "dataset": "iris", "standardized": True, "weights": kind, "sampleWeight": w.tolist(),
            "C": C, "coef": m.coef_.tolist(), "intercept": m.intercept_.tolist(),
            "predictProba": m.predict_proba(X).tolist(),
        })
Xb, yb = load("breast_cancer")
Xb = (Xb - Xb.mean(axis=0)) / Xb.std(axis=0)
w = weights(rng, len(yb), "float")
m = LogisticRegression(C=1.0, solver="newton-cg", tol=1e-8, max_iter=10000).fit(Xb, yb, sample_weight=w)
out["logistic"].append({
    "dataset": "breast_cancer", "standardized": True, "weights": "float", "sampleWeight": w.tolist(),
    "C": 1.0, "coef": m.coef_.tolist(), "intercept": m.intercept_.tolist(),
    "predictProba": m.predict_proba(Xb).tolist(),
})

# Naive Bayes: GaussianNB's var_smoothing on data with a feature constant within each class and
# on one sample per class; weighted GaussianNB and MultinomialNB on iris (counts: rounded 10·X).
from sklearn.naive_bayes import GaussianNB, MultinomialNB

nb = []
Xc = np.array([[0.0, 1.0, 5.0], [0.0, 2.0, 5.0], [1.0, 3.0, 5.0], [1.0, 5.0, 5.0]])
yc = np.array([0, 0, 1, 1])
Xs = np.array([[1.0, 2.0], [3.0, 1.0], [0.5, 4.0]])
ys = np.array([0, 1, 2])
Xq = np.array([[0.5, 2.5, 5.0], [0.0, 1.5, 4.0], [1.0, 4.0, 6.0]])
for name, Xn, yn, Xp in (("constantWithinClass", Xc, yc, Xq), ("oneSamplePerClass", Xs, ys, Xs + 0.25)):
    for vs in (1e-9, 1e-2, 0.5):
        m = GaussianNB(var_smoothing=vs).fit(Xn, yn)
        nb.append({"model": "GaussianNB", "case": name, "X": Xn.tolist(), "y": yn.tolist(),
                   "Xpredict": Xp.tolist(), "varSmoothing": vs, "theta": m.theta_.tolist(),
                   "variance": m.var_.tolist(), "epsilon": float(m.epsilon_),
                   "predictProba": m.predict_proba(Xp).tolist()})
Xi, yi = load("iris")
wi = weights(rng, len(yi), "float")
m = GaussianNB().fit(Xi, yi, sample_weight=wi)
nb.append({"model": "GaussianNB", "case": "weightedIris", "sampleWeight": wi.tolist(),
           "varSmoothing": 1e-9, "theta": m.theta_.tolist(), "variance": m.var_.tolist(),
           "classCount": m.class_count_.tolist(), "predictProba": m.predict_proba(Xi).tolist()})
counts = np.round(10 * Xi)
m = MultinomialNB(alpha=0.5).fit(counts, yi, sample_weight=wi)
nb.append({"model": "MultinomialNB", "case": "weightedIrisCounts", "sampleWeight": wi.tolist(),
           "alpha": 0.5, "featureLogProb": m.feature_log_prob_.tolist(),
           "classCount": m.class_count_.tolist(), "predictProba": m.predict_proba(counts).tolist()})
out["naiveBayes"] = nb

target = ROOT / "tests" / "fixtures" / "sample_weight_sklearn.json"
target.write_text(json.dumps(out) + "\n")
print(f"wrote {target.relative_to(ROOT)} ({target.stat().st_size} bytes)")
for c in out["classification"]:
    print("tree", c["weights"], c["criterion"], c["maxDepth"], c["minWeightFractionLeaf"], len(c["outcomes"]), "outcomes")
