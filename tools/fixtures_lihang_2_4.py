#!/usr/bin/python3
"""Reference numbers from scikit-learn for 李航《统计学习方法》 chapters 2-4 (perceptron, k-NN,
naive Bayes), written to tests/fixtures/lihang_{perceptron,knn,naive_bayes}.json.

Run from the repository root with the Debian Python that has scikit-learn:

    /usr/bin/python3 tools/fixtures_lihang_2_4.py

The data come from the repository's own data/*.csv (exported by tools/export_datasets.py), so
the TypeScript tests see exactly the same inputs. Train/test splits are stored as index lists.
"""

import csv
import json
import pathlib

import numpy as np
import sklearn
from sklearn.linear_model import Perceptron
from sklearn.model_selection import train_test_split
from sklearn.naive_bayes import CategoricalNB, GaussianNB, MultinomialNB
from sklearn.neighbors import KNeighborsClassifier, KNeighborsRegressor

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
OUT = ROOT / "tests" / "fixtures"


def load(name):
    with open(DATA / f"{name}.csv", newline="") as f:
        rows = list(csv.reader(f))
    values = np.array([[float(v) for v in r] for r in rows[1:]])
    return values[:, :-1], values[:, -1]


def split(y, seed=0, test_size=0.3):
    idx = np.arange(len(y))
    train, test = train_test_split(idx, test_size=test_size, random_state=seed, stratify=y)
    return np.sort(train), np.sort(test)


def header():
    return {
        "generator": "tools/fixtures_lihang_2_4.py",
        "sklearn": sklearn.__version__,
        "numpy": np.__version__,
    }


def floats(a):
    return [float(v) for v in np.ravel(a)]


def perceptron_fixture():
    X, y = load("iris")
    cases = []
    # Separable: setosa (0) vs versicolor (1), all four features and petal features only.
    mask = y < 2
    for cols in ([0, 1, 2, 3], [2, 3], [0, 1]):
        for eta in (1.0, 0.1):
            Xs, ys = X[mask][:, cols], y[mask]
            model = Perceptron(
                eta0=eta, max_iter=1000, tol=None, shuffle=False, penalty=None, alpha=0.0
            ).fit(Xs, ys)
            cases.append({
                "data": "iris", "rows": "target < 2", "cols": cols, "learningRate": eta,
                "maxIter": 1000, "coef": floats(model.coef_), "intercept": float(model.intercept_[0]),
                "predict": floats(model.predict(Xs)),
            })
    # Not separable: breast cancer, a fixed small number of passes (no convergence).
    Xb, yb = load("breast_cancer")
    for max_iter in (1, 5):
        model = Perceptron(
            eta0=1.0, max_iter=max_iter, tol=None, shuffle=False, penalty=None, alpha=0.0
        ).fit(Xb, yb)
        cases.append({
            "data": "breast_cancer", "rows": "all", "cols": list(range(Xb.shape[1])),
            "learningRate": 1.0, "maxIter": max_iter, "coef": floats(model.coef_),
            "intercept": float(model.intercept_[0]), "predict": floats(model.predict(Xb)),
        })
    return {**header(), "cases": cases}


def knn_fixture():
    out = {**header(), "classification": [], "regression": []}
    for name in ("iris", "wine"):
        X, y = load(name)
        train, test = split(y)
        configs = []
        for k in (1, 3, 5, 10):
            for p in (1, 2, 3, "inf"):
                for weights in ("uniform", "distance"):
                    metric = {"metric": "chebyshev"} if p == "inf" else {"p": p}
                    model = KNeighborsClassifier(
                        n_neighbors=k, weights=weights, algorithm="brute", **metric
                    ).fit(X[train], y[train])
                    config = {
                        "nNeighbors": k, "p": p, "weights": weights,
                        "predict": floats(model.predict(X[test])),
                        "predictProba": floats(model.predict_proba(X[test])),
                    }
                    if weights == "uniform":  # distances do not depend on the weights
                        config["distances"] = floats(model.kneighbors(X[test])[0])
                    configs.append(config)
        out["classification"].append({
            "data": name, "train": train.tolist(), "test": test.tolist(), "configs": configs,
        })
    X, y = load("diabetes")
    idx = np.arange(len(y))
    train, test = train_test_split(idx, test_size=0.3, random_state=0)
    train, test = np.sort(train), np.sort(test)
    configs = []
    for k in (3, 10):
        for p in (1, 2):
            for weights in ("uniform", "distance"):
                model = KNeighborsRegressor(
                    n_neighbors=k, p=p, weights=weights, algorithm="brute"
                ).fit(X[train], y[train])
                configs.append({
                    "nNeighbors": k, "p": p, "weights": weights,
                    "predict": floats(model.predict(X[test])),
                })
    out["regression"].append({
        "data": "diabetes", "train": train.tolist(), "test": test.tolist(), "configs": configs,
    })
    return out


def quartile_codes(X):
    """Each column cut at its quartiles into codes 0..3 (every code occurs)."""
    codes = np.zeros(X.shape, dtype=int)
    for j in range(X.shape[1]):
        edges = np.quantile(X[:, j], [0.25, 0.5, 0.75])
        codes[:, j] = np.searchsorted(edges, X[:, j], side="right")
        assert sorted(set(codes[:, j])) == [0, 1, 2, 3], (j, sorted(set(codes[:, j])))
    return codes


def naive_bayes_fixture():
    out = {**header(), "gaussian": [], "multinomial": [], "categorical": []}
    for name in ("iris", "wine", "breast_cancer"):
        X, y = load(name)
        train, test = split(y)
        for var_smoothing in (1e-9, 1e-2):
            model = GaussianNB(var_smoothing=var_smoothing).fit(X[train], y[train])
            out["gaussian"].append({
                "data": name, "train": train.tolist(), "test": test.tolist(),
                "varSmoothing": var_smoothing,
                "theta": floats(model.theta_), "var": floats(model.var_),
                "epsilon": float(model.epsilon_),
                "predict": floats(model.predict(X[test])),
                "predictProba": floats(model.predict_proba(X[test])),
                "predictLogProba": floats(model.predict_log_proba(X[test])),
            })
    X, y = load("digits")
    train, test = split(y)
    test = test[:120]
    for alpha, fit_prior in ((1.0, True), (0.5, True), (1.0, False)):
        model = MultinomialNB(alpha=alpha, fit_prior=fit_prior).fit(X[train], y[train])
        out["multinomial"].append({
            "data": "digits", "train": train.tolist(), "test": test.tolist(),
            "alpha": alpha, "fitPrior": fit_prior,
            "classLogPrior": floats(model.class_log_prior_),
            "featureLogProb": floats(model.feature_log_prob_),
            "predict": floats(model.predict(X[test])),
            "predictProba": floats(model.predict_proba(X[test])),
        })
    X, y = load("iris")
    codes = quartile_codes(X)
    train, test = split(y)
    for j in range(codes.shape[1]):  # every category seen in training, as CategoricalNB needs
        assert set(codes[train, j]) == {0, 1, 2, 3}
    for alpha in (1.0, 0.5):
        model = CategoricalNB(alpha=alpha).fit(codes[train], y[train])
        out["categorical"].append({
            "data": "iris quartile codes", "X": codes.tolist(), "y": floats(y),
            "train": train.tolist(), "test": test.tolist(), "alpha": alpha,
            "classLogPrior": floats(model.class_log_prior_),
            "featureLogProb": [floats(f) for f in model.feature_log_prob_],
            "predict": floats(model.predict(codes[test])),
            "predictProba": floats(model.predict_proba(codes[test])),
        })
    return out


def write(name, payload):
    path = OUT / f"{name}.json"
    path.write_text(json.dumps(payload, separators=(",", ":")) + "\n")
    print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size} bytes)")


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    write("lihang_perceptron", perceptron_fixture())
    write("lihang_knn", knn_fixture())
    write("lihang_naive_bayes", naive_bayes_fixture())


if __name__ == "__main__":
    main()
