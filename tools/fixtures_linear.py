#!/usr/bin/env python3
"""Writes tests/fixtures/linear_regression_diabetes.json: scikit-learn's LinearRegression on the
diabetes data (the scaled copy that sklearn's load_diabetes returns and data/diabetes.csv holds).

Run with Debian's Python (scikit-learn from python3-sklearn):
    /usr/bin/python3 tools/fixtures_linear.py
"""
import json
import pathlib

import sklearn
from sklearn.datasets import load_diabetes
from sklearn.linear_model import LinearRegression

ROOT = pathlib.Path(__file__).resolve().parent.parent
X, y = load_diabetes(return_X_y=True)

cases = {}
for fit_intercept in (True, False):
    model = LinearRegression(fit_intercept=fit_intercept).fit(X, y)
    cases["fitIntercept" if fit_intercept else "noIntercept"] = {
        "coef": model.coef_.tolist(),
        "intercept": float(model.intercept_),
        "r2": float(model.score(X, y)),
        "firstPredictions": model.predict(X[:5]).tolist(),
    }

out = {"sklearnVersion": sklearn.__version__, "nSamples": len(y), "cases": cases}
path = ROOT / "tests" / "fixtures" / "linear_regression_diabetes.json"
path.write_text(json.dumps(out, indent=1) + "\n")
print(f"wrote {path.relative_to(ROOT)}")
