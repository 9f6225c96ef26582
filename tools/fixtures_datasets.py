#!/usr/bin/python3
"""Reference values from scikit-learn for tests/lib/data: shapes, names, first/last rows and
exact column sums of the bundled data sets, and make_moons without noise.

    /usr/bin/python3 tools/fixtures_datasets.py   # writes tests/fixtures/datasets.json
"""

import json
import math
import pathlib

import sklearn
from sklearn import datasets

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "fixtures" / "datasets.json"

LOADERS = {
    "iris": lambda: datasets.load_iris(),
    "wine": lambda: datasets.load_wine(),
    "breast_cancer": lambda: datasets.load_breast_cancer(),
    "diabetes": lambda: datasets.load_diabetes(),
    "diabetes_raw": lambda: datasets.load_diabetes(scaled=False),
    "digits": lambda: datasets.load_digits(),
}


def summary(bunch) -> dict:
    X, y = bunch.data, bunch.target
    return {
        "shape": list(X.shape),
        "featureNames": [str(f) for f in bunch.feature_names],
        "targetNames": [str(t) for t in bunch.get("target_names", [])],
        "firstRow": X[0].tolist(),
        "lastRow": X[-1].tolist(),
        "firstTarget": float(y[0]),
        "lastTarget": float(y[-1]),
        # fsum: the correctly rounded sum, so the test's tolerance only covers its own rounding
        "columnSums": [math.fsum(X[:, j]) for j in range(X.shape[1])],
        "targetSum": math.fsum(y),
    }


def moons(n) -> dict:
    X, y = datasets.make_moons(n_samples=n, shuffle=False, noise=None)
    return {"nSamples": n, "X": X.tolist(), "y": y.tolist()}


def main() -> None:
    fixture = {
        "generatedWith": f"scikit-learn {sklearn.__version__}",
        "datasets": {name: summary(load()) for name, load in LOADERS.items()},
        "moons": [moons(7), moons((3, 4))],
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(fixture, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
