#!/usr/bin/python3
"""Reference numbers for lib/maxent (chapter 6 of 李航《统计学习方法》) from scikit-learn.

Run from the repository root with the Debian Python that has scikit-learn:

    /usr/bin/python3 tools/fixtures_maxent.py

Writes
- tests/fixtures/maxent_categorical.json: a small categorical table (3 columns, 3 classes, every
  (value, class) pair present, so the unpenalised maximum-likelihood estimate exists) and
  scikit-learn LogisticRegression fits on its one-hot encoding (all categories, sorted):
    * "multinomialNone": penalty=None, fit_intercept=True; probabilities on the rows (the weights
      are not identifiable, the fitted probabilities on seen rows are);
    * "multinomialL2": C=1, fit_intercept=False -> equals MaxEnt with "all" indicator pairs, C=1;
    * "multinomialL2Intercept": C=1, fit_intercept=True (scikit-learn's default; NOT equal);
    * "binaryL2": the rows of classes "no"/"yes" only, C=1, fit_intercept=False -> equals MaxEnt
      with C=0.5 (two weight vectors each penalised, see the test).
- tests/fixtures/maxent_breast_cancer.json: LogisticRegression(C=1) on breast cancer, split
  test = rows with index % 4 == 0, StandardScaler fitted on the training rows: coefficients,
  intercept, accuracies, and test probabilities.
- tests/fixtures/maxent_logistic_distribution.json: scipy.stats.logistic pdf, logpdf, cdf, ppf,
  mean and variance for three (mu, gamma).

Every fit uses solver="newton-cg" with tol=1e-14 and is checked to sit at the optimum (gradient
max-norm of C*sum(logloss) + 0.5*||W||^2 below 1e-9 * C * n), so the references are optima, not
early stops.
"""

import csv
import json
import pathlib
import sys
import warnings

import numpy as np
import sklearn
import sklearn.exceptions
from scipy import stats
from scipy.special import softmax
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "fixtures"

COLUMNS = {
    "outlook": ["overcast", "rain", "sunny"],
    "temperature": ["cool", "hot", "mild"],
    "windy": ["no", "yes"],
}
CLASSES = ["maybe", "no", "yes"]


def categorical_table(seed: int = 6):
    """Every (pattern, class) cell gets 1 + Poisson(rate) rows, the rate log-linear plus noise."""
    rng = np.random.default_rng(seed)
    names = list(COLUMNS)
    rows, labels = [], []
    for a in COLUMNS[names[0]]:
        for b in COLUMNS[names[1]]:
            for c in COLUMNS[names[2]]:
                for k, label in enumerate(CLASSES):
                    rate = np.exp(rng.normal(0.0, 0.8) + 0.5 * k * (a == "sunny") - 0.4 * k * (c == "yes"))
                    for _ in range(1 + rng.poisson(rate)):
                        rows.append([a, b, c])
                        labels.append(label)
    order = rng.permutation(len(rows))
    return [rows[i] for i in order], [labels[i] for i in order]


def one_hot(rows):
    cats = list(COLUMNS.values())
    X = np.zeros((len(rows), sum(len(c) for c in cats)))
    for i, row in enumerate(rows):
        offset = 0
        for j, values in enumerate(cats):
            X[i, offset + values.index(row[j])] = 1.0
            offset += len(values)
    return X


def gradient_max_norm(model, X, y, C):
    """max |d/dtheta (C * sum logloss + 0.5 ||W||^2)| (C = inf: the plain log-likelihood)."""
    Z = X @ model.coef_.T + model.intercept_
    if len(model.classes_) == 2:
        R = (1 / (1 + np.exp(-Z[:, 0])) - (y == model.classes_[1]))[:, None]
    else:
        R = softmax(Z, axis=1) - (y[:, None] == model.classes_[None, :])
    scale, ridge = (1.0, 0.0) if C == np.inf else (C, 1.0)
    grads = [(scale * R.T @ X + ridge * model.coef_).ravel()]
    if model.fit_intercept:
        grads.append(scale * R.sum(axis=0))
    return float(np.max(np.abs(np.concatenate(grads))))


def fit(X, y, C, fit_intercept, model_out=None):
    penalty = None if C == np.inf else "l2"
    kwargs = {} if penalty is None else {"C": C}
    model = LogisticRegression(penalty=penalty, fit_intercept=fit_intercept, solver="newton-cg",
                               tol=1e-14, max_iter=100000, **kwargs)
    # newton-cg's line search gives up near tol=1e-14 and warns; the gradient check below is
    # what certifies the optimum.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", category=sklearn.exceptions.ConvergenceWarning)
        model.fit(X, y)
    if model_out is not None:
        model_out.append(model)
    grad = gradient_max_norm(model, X, y, C)
    if grad > 1e-9 * (1.0 if C == np.inf else C) * len(y):
        sys.exit(f"scikit-learn did not converge: gradient max-norm {grad} (C={C})")
    proba = model.predict_proba(X)
    picked = proba[np.arange(len(y)), np.searchsorted(model.classes_, y)]
    return {
        "C": None if C == np.inf else C,
        "fitIntercept": fit_intercept,
        "classes": model.classes_.tolist(),
        "coef": model.coef_.tolist(),
        "intercept": model.intercept_.tolist(),
        "predictProba": proba.tolist(),
        "meanLogLikelihood": float(np.mean(np.log(picked))),
        "gradientMaxNorm": grad,
    }


def categorical_fixture():
    rows, labels = categorical_table()
    X, y = one_hot(rows), np.array(labels)
    binary = np.isin(y, ["no", "yes"])
    return {
        "columns": list(COLUMNS),
        "categories": list(COLUMNS.values()),
        "rows": rows,
        "labels": labels,
        "multinomialNone": fit(X, y, np.inf, True),
        "multinomialL2": fit(X, y, 1.0, False),
        "multinomialL2Intercept": fit(X, y, 1.0, True),
        "binaryRows": np.flatnonzero(binary).tolist(),
        "binaryL2": fit(X[binary], y[binary], 1.0, False),
    }


def breast_cancer_fixture():
    with open(ROOT / "data" / "breast_cancer.csv", newline="") as fh:
        table = list(csv.reader(fh))
    header, body = table[0], np.array(table[1:], dtype=np.float64)
    X, y = body[:, :-1], body[:, -1].astype(int)
    test = np.arange(len(y)) % 4 == 0
    scaler = StandardScaler().fit(X[~test])
    Xtr, Xte = scaler.transform(X[~test]), scaler.transform(X[test])
    fitted = []
    model = fit(Xtr, y[~test], 1.0, True, fitted)
    lr = fitted[0]
    default = LogisticRegression(C=1.0).fit(Xtr, y[~test])  # scikit-learn's defaults (lbfgs, tol 1e-4)
    return {
        "featureNames": header[:-1],
        "split": "test = rows whose index % 4 == 0; StandardScaler fitted on the training rows",
        "nTrain": int((~test).sum()),
        "nTest": int(test.sum()),
        "coef": model["coef"][0],
        "intercept": model["intercept"][0],
        "trainAccuracy": float(lr.score(Xtr, y[~test])),
        "testAccuracy": float(lr.score(Xte, y[test])),
        "testProba": lr.predict_proba(Xte)[:, 1].tolist(),
        "defaultLbfgsIterations": int(default.n_iter_[0]),
        "gradientMaxNorm": model["gradientMaxNorm"],
    }


def logistic_distribution_fixture():
    """scipy.stats.logistic(loc=mu, scale=gamma): 李航 定义 6.1's distribution."""
    xs = [-40.0, -3.0, -1.0, 0.0, 0.5, 1.0, 2.5, 40.0]
    ps = [1e-12, 0.01, 0.25, 0.5, 0.9, 0.999]
    cases = []
    for mu, gamma in [(0.0, 1.0), (1.0, 0.5), (-2.0, 3.0)]:
        d = stats.logistic(loc=mu, scale=gamma)
        cases.append({"mu": mu, "gamma": gamma, "x": xs, "pdf": d.pdf(xs).tolist(),
                      "logPdf": d.logpdf(xs).tolist(), "cdf": d.cdf(xs).tolist(), "p": ps,
                      "quantile": d.ppf(ps).tolist(), "mean": float(d.mean()),
                      "variance": float(d.var())})
    return {"cases": cases}


def main():
    meta = {"generator": "tools/fixtures_maxent.py", "sklearn": sklearn.__version__,
            "numpy": np.__version__}
    for name, build in [("maxent_categorical", categorical_fixture),
                        ("maxent_breast_cancer", breast_cancer_fixture),
                        ("maxent_logistic_distribution", logistic_distribution_fixture)]:
        data = {"meta": meta, **build()}
        path = OUT / f"{name}.json"
        path.write_text(json.dumps(data, indent=1) + "\n")
        print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
