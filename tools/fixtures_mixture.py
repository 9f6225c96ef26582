#!/usr/bin/python3
"""Reference values from scikit-learn's GaussianMixture for lib/mixture, written to
tests/fixtures/mixture_sklearn.json.

    /usr/bin/python3 tools/fixtures_mixture.py

Both sides start from the same parameters (weights_init, means_init, precisions_init), so EM
follows the same path and the results compare to rounding. One case uses scikit-learn's own
k-means start; its random numbers differ from ours, so only the converged means are compared.
"""

import json
import pathlib

import numpy as np
import sklearn
from sklearn.mixture import GaussianMixture

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "fixtures" / "mixture_sklearn.json"


def floats(a):
    return [float(v) for v in np.ravel(a)]


def rows(a):
    return [floats(r) for r in np.atleast_2d(a)]


def blobs(seed=0):
    rng = np.random.default_rng(seed)
    parts = [
        rng.multivariate_normal([0, 0], [[1.0, 0.6], [0.6, 1.0]], 120),
        rng.multivariate_normal([4, 1], [[0.5, -0.2], [-0.2, 0.8]], 90),
        rng.multivariate_normal([1, 5], [[1.5, 0.0], [0.0, 0.3]], 60),
    ]
    return np.round(np.vstack(parts), 4)


def precisions(kind, K, d):
    if kind == "full":
        return np.array([np.eye(d) for _ in range(K)])
    if kind == "tied":
        return np.eye(d)
    if kind == "diag":
        return np.ones((K, d))
    return np.ones(K)


def case(X, kind, K, tol=1e-6, max_iter=500):
    d = X.shape[1]
    means_init = X[[0, 150, 250]][:K] + 0.1
    weights_init = np.full(K, 1.0 / K)
    prec = precisions(kind, K, d)
    model = GaussianMixture(
        n_components=K,
        covariance_type=kind,
        tol=tol,
        max_iter=max_iter,
        weights_init=weights_init,
        means_init=means_init,
        precisions_init=prec,
    ).fit(X)
    cov = model.covariances_
    grid = X[::27]
    return {
        "covarianceType": kind,
        "nComponents": K,
        "tol": tol,
        "maxIter": max_iter,
        "weightsInit": floats(weights_init),
        "meansInit": rows(means_init),
        "precisionsInit": prec.tolist(),
        "weights": floats(model.weights_),
        "means": rows(model.means_),
        "covariances": cov.tolist(),
        "lowerBound": float(model.lower_bound_),
        "nIter": int(model.n_iter_),
        "score": float(model.score(X)),
        "points": rows(grid),
        "scoreSamples": floats(model.score_samples(grid)),
        "proba": rows(model.predict_proba(grid)),
        "predict": [int(v) for v in model.predict(grid)],
        "bic": float(model.bic(X)),
        "aic": float(model.aic(X)),
    }


def main():
    X = blobs()
    cases = [case(X, kind, 3) for kind in ("full", "tied", "diag", "spherical")]
    cases.append(case(X, "full", 2))
    default = GaussianMixture(n_components=3, random_state=0, tol=1e-6, max_iter=500).fit(X)
    order = np.argsort(default.means_[:, 0])
    out = {
        "generator": "tools/fixtures_mixture.py",
        "sklearn": sklearn.__version__,
        "X": rows(X),
        "cases": cases,
        "kmeansStart": {
            "means": rows(default.means_[order]),
            "weights": floats(default.weights_[order]),
            "score": float(default.score(X)),
        },
    }
    OUT.write_text(json.dumps(out))


if __name__ == "__main__":
    main()
