#!/usr/bin/python3
"""Reference fits of scikit-learn's LogisticRegression for tests/lib/linear/logistic_regression_test.ts.

Run from the repository root with the Debian Python that has scikit-learn:

    /usr/bin/python3 tools/fixtures_logistic.py

Writes tests/fixtures/logistic_<dataset>.json for breast_cancer (binary), iris and wine
(multinomial). Inputs are read from the same data/<name>.csv files the TypeScript loaders read, then
standardized with StandardScaler (mean and population standard deviation, ddof=0, fitted on all
samples); the TypeScript test standardizes the same way with lib/preprocessing's StandardScaler.
Each fit uses solver="newton-cg" with a tight tolerance and stores coef_, intercept_ and
predict_proba, and the max-norm of the gradient of C*sum(logloss) + 0.5*||w||^2 at sklearn's
solution, checked here to be tiny so the reference is the optimum and not an early stop.
"""

import csv
import json
import pathlib
import sys
import warnings

import numpy as np
import sklearn
from scipy.special import softmax
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
OUT = ROOT / "tests" / "fixtures"

# (dataset, [(C, fit_intercept), ...])
CASES = {
    "breast_cancer": [(1.0, True), (0.1, True), (1.0, False)],
    "iris": [(1.0, True), (0.1, True)],
    "wine": [(1.0, True), (0.1, True)],
}


def load(name: str):
    with open(DATA / f"{name}.csv", newline="") as fh:
        rows = list(csv.reader(fh))
    header, body = rows[0], np.array(rows[1:], dtype=np.float64)
    assert header[-1] == "target", header[-1]
    return body[:, :-1], body[:, -1].astype(int)


def objective_gradient(model: LogisticRegression, X, y, C: float) -> float:
    """max |d/dtheta (C * sum logloss + 0.5 ||W||^2)| at the fitted parameters."""
    classes = model.classes_
    W = model.coef_
    b = model.intercept_
    Z = X @ W.T + b
    if len(classes) == 2:
        p = 1 / (1 + np.exp(-Z[:, 0]))
        R = (p - (y == classes[1]))[:, None]
    else:
        R = softmax(Z, axis=1) - (y[:, None] == classes[None, :])
    gW = C * R.T @ X + W
    grads = [gW.ravel()]
    if model.fit_intercept:
        grads.append(C * R.sum(axis=0))
    return float(np.max(np.abs(np.concatenate(grads))))


def fit_case(X, y, C: float, fit_intercept: bool) -> dict:
    model = LogisticRegression(C=C, fit_intercept=fit_intercept, solver="newton-cg", tol=1e-8,
                               max_iter=1000)
    model.fit(X, y)
    grad = objective_gradient(model, X, y, C)
    # Relative to the objective's scale (C * n), the solution must be optimal to ~1e-9.
    if grad > 1e-9 * C * len(y):
        sys.exit(f"sklearn did not converge: gradient max-norm {grad} for C={C}")
    return {
        "C": C,
        "fitIntercept": fit_intercept,
        "coef": model.coef_.tolist(),
        "intercept": model.intercept_.tolist(),
        "predictProba": model.predict_proba(X).tolist(),
        "accuracy": float(model.score(X, y)),
        "nIter": int(model.n_iter_[0]),
        "gradMaxNorm": grad,
    }


def main() -> None:
    # At round-off level SciPy's line search inside newton-cg may report failure; harmless, as
    # fit_case verifies the gradient at the returned solution instead of trusting the solver.
    warnings.filterwarnings("ignore", message="(The line search|Line Search failed)")
    OUT.mkdir(parents=True, exist_ok=True)
    for name, cases in CASES.items():
        X, y = load(name)
        scaler = StandardScaler().fit(X)
        Z = scaler.transform(X)
        fixture = {
            "generator": "tools/fixtures_logistic.py",
            "sklearnVersion": sklearn.__version__,
            "dataset": name,
            "standardization": "StandardScaler(): z = (x - mean) / std, population std (ddof=0), "
                               "fitted on all samples of data/" + name + ".csv",
            "scalerMean": scaler.mean_.tolist(),
            "scalerScale": scaler.scale_.tolist(),
            "classes": sorted(set(y.tolist())),
            "fits": [fit_case(Z, y, C, fi) for C, fi in cases],
        }
        path = OUT / f"logistic_{name}.json"
        with open(path, "w") as fh:
            json.dump(fixture, fh, indent=1)
            fh.write("\n")
        print(f"wrote {path.relative_to(ROOT)}: " + ", ".join(
            f"C={f['C']} intercept={f['fitIntercept']} nIter={f['nIter']} grad={f['gradMaxNorm']:.1e}"
            for f in fixture["fits"]))


if __name__ == "__main__":
    main()
