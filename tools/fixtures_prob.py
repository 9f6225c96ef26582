#!/usr/bin/env python3
"""Writes the SciPy / scikit-learn reference values that lib/prob and lib/info are tested against:

    tests/fixtures/prob_special.json        scipy.special gammaln, erf, erfc, gammainc(c), betainc
    tests/fixtures/prob_distributions.json  scipy.stats pdf/logpdf/cdf and moments per distribution
    tests/fixtures/prob_info.json           scipy.stats.entropy (incl. KL), jensenshannon,
                                            sklearn.metrics.mutual_info_score

Run with Debian's Python (python3-scipy, python3-sklearn):
    /usr/bin/python3 tools/fixtures_prob.py
"""
import json
import math
import pathlib

import numpy as np
import scipy
import sklearn
from scipy import special, stats
from scipy.spatial.distance import jensenshannon
from sklearn.metrics import mutual_info_score

ROOT = pathlib.Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
VERSIONS = {"scipy": scipy.__version__, "sklearn": sklearn.__version__, "numpy": np.__version__}


def floats(values):
    return [float(v) for v in np.asarray(values, dtype=float).ravel()]


def finite_or_none(value):
    return float(value) if math.isfinite(value) else None


def write(name, payload):
    path = FIXTURES / name
    # allow_nan=False: JSON has no Infinity/NaN; every value written must be finite.
    path.write_text(json.dumps({"versions": VERSIONS, **payload}, indent=1, allow_nan=False) + "\n")
    print(f"wrote {path.relative_to(ROOT)}")


# ---------------------------------------------------------------- special functions
def special_fixture():
    gammaln_x = [1e-8, 0.001, 0.1, 0.5, 0.9, 1.5, 2.5, 3, 4.2, 7.5, 10, 12.3, 33.3, 100, 171.5,
                 1234.5, 1e5, 1e10, -0.5, -1.5, -2.5, -10.3, -100.7]
    erf_x = [-8, -5, -3, -2, -1.5, -1, -0.5, -1e-9, 0, 1e-12, 1e-5, 0.01, 0.3, 0.9, 1.2, 1.49, 1.5,
             1.51, 2, 2.5, 3, 4.5, 6, 10, 15, 20, 26]
    a_values = [0.05, 0.5, 1, 2.5, 9.5, 10, 30, 100, 1000]
    gammainc_cases = []
    for a in a_values:
        for x in sorted({1e-3, 0.5, 1.0, a * 0.5, a, a + 1, a * 1.5, 2 * a + 10, 5 * a + 50}):
            gammainc_cases.append([a, x])
    ab_values = [(0.5, 0.5), (2, 3), (0.1, 5), (5, 0.1), (1, 1), (10, 10), (50, 20), (200, 300),
                 (1000, 1000)]
    x_values = [1e-4, 0.1, 0.3, 0.5, 0.7, 0.9, 0.999]
    betainc_cases = [[a, b, x] for a, b in ab_values for x in x_values]
    lgx = np.array(gammaln_x)
    ex = np.array(erf_x)
    ga = np.array(gammainc_cases)
    bc = np.array(betainc_cases)
    return {
        "gammaln": {"x": floats(lgx), "value": floats(special.gammaln(lgx))},
        "erf": {"x": floats(ex), "erf": floats(special.erf(ex)), "erfc": floats(special.erfc(ex))},
        "gammainc": {
            "a": floats(ga[:, 0]), "x": floats(ga[:, 1]),
            "p": floats(special.gammainc(ga[:, 0], ga[:, 1])),
            "q": floats(special.gammaincc(ga[:, 0], ga[:, 1])),
        },
        "betainc": {
            "a": floats(bc[:, 0]), "b": floats(bc[:, 1]), "x": floats(bc[:, 2]),
            "value": floats(special.betainc(bc[:, 0], bc[:, 1], bc[:, 2])),
        },
    }


# ---------------------------------------------------------------- distributions
def univariate(params, frozen, x, discrete=False):
    x = np.asarray(x, dtype=float)
    mean, var, skew, kurt = frozen.stats(moments="mvsk")
    return {
        "params": params,
        "x": floats(x),
        "pdf": floats(frozen.pmf(x) if discrete else frozen.pdf(x)),
        "logPdf": floats(frozen.logpmf(x) if discrete else frozen.logpdf(x)),
        "cdf": floats(frozen.cdf(x)),
        "mean": float(mean),
        "variance": float(var),
        "excessKurtosis": float(kurt),
    }


QUANTILES = [1e-6, 0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99, 1 - 1e-9]


def gaussian_cases():
    cases = []
    for mean, std in [(0, 1), (1.5, 0.3), (-2, 4.5), (100, 1e-3)]:
        z = np.array([-30, -8, -3, -1, -0.2, 0, 0.5, 1.7, 4, 8, 30])
        cases.append(univariate({"mean": mean, "std": std}, stats.norm(mean, std), mean + std * z))
    return cases


def gamma_cases():
    cases = []
    for shape, scale in [(0.5, 1), (1, 2), (2.5, 0.7), (9, 0.5), (30, 3), (200, 0.1)]:
        d = stats.gamma(shape, scale=scale)
        cases.append(univariate({"shape": shape, "scale": scale}, d, d.ppf(QUANTILES)))
    return cases


def beta_cases():
    cases = []
    x = [1e-6, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.999]
    for alpha, beta in [(0.5, 0.5), (2, 3), (0.3, 4), (5, 1), (1, 1), (20, 30), (150, 60)]:
        cases.append(univariate({"alpha": alpha, "beta": beta}, stats.beta(alpha, beta), x))
    return cases


def poisson_cases():
    cases = []
    for lam in [0.5, 3, 9.9, 10, 25, 150, 900]:
        d = stats.poisson(lam)
        k = sorted({0, 1, *d.ppf(QUANTILES[1:-1]).tolist(), int(d.ppf(1 - 1e-9)) + 2})
        k += [2.5]  # a non-integer: pmf 0 (log -inf, so kept out of logPdf checks), cdf of floor
        case = univariate({"lambda": lam}, d, k, discrete=True)
        case["logPdf"][-1] = None
        cases.append(case)
    return cases


def bernoulli_cases():
    cases = []
    for p in [0.3, 0.75, 0.999]:
        cases.append(univariate({"p": p}, stats.bernoulli(p), [0, 1], discrete=True))
        cases[-1]["cdfAt"] = {"x": [-0.5, 0.5, 1.5], "cdf": floats(stats.bernoulli(p).cdf([-0.5, 0.5, 1.5]))}
    return cases


def categorical_cases():
    cases = []
    for probs in [[0.1, 0.2, 0.3, 0.4], [0.5, 0.25, 0.125, 0.125], [1 / 3, 1 / 3, 1 / 3],
                  [0.05, 0.05, 0.6, 0.1, 0.2]]:
        k = len(probs)
        d = stats.rv_discrete(values=(np.arange(k), probs))
        case = univariate({"probs": probs}, d, np.arange(k), discrete=True)
        grid = [-0.5, 0.5, 1.5, k - 1.5, k - 1, k + 3]
        case["cdfAt"] = {"x": grid, "cdf": floats(d.cdf(grid))}
        cases.append(case)
    return cases


def multinomial_cases():
    cases = []
    for n, probs, xs in [
        (5, [0.2, 0.3, 0.5], [[5, 0, 0], [1, 2, 2], [0, 0, 5], [2, 2, 1], [1, 1, 3]]),
        (10, [0.1, 0.9], [[0, 10], [1, 9], [5, 5], [10, 0]]),
        (20, [0.25, 0.25, 0.25, 0.25], [[5, 5, 5, 5], [20, 0, 0, 0], [2, 8, 7, 3]]),
    ]:
        d = stats.multinomial(n, probs)
        cases.append({
            "params": {"trials": n, "probs": probs}, "x": xs,
            "pdf": floats(d.pmf(xs)), "logPdf": floats(d.logpmf(xs)),
            "mean": floats(d.mean()), "covariance": np.asarray(d.cov()).tolist(),
        })
    return cases


def dirichlet_cases():
    rng = np.random.default_rng(12)
    cases = []
    for alpha in [[1, 1, 1], [0.5, 2, 3], [10, 20, 5, 1.5], [0.2, 0.3]]:
        d = stats.dirichlet(alpha)
        xs = rng.dirichlet(np.ones(len(alpha)), size=6)
        xs = xs / xs.sum(axis=1, keepdims=True)
        cases.append({
            "params": {"alpha": alpha}, "x": xs.tolist(),
            "pdf": [float(d.pdf(x)) for x in xs], "logPdf": [float(d.logpdf(x)) for x in xs],
            "mean": floats(d.mean()), "variance": floats(d.var()),
        })
    return cases


def mvn_cases():
    rng = np.random.default_rng(7)
    a = rng.normal(size=(3, 3))
    cases = []
    for mean, cov in [
        ([0, 0], [[1, 0.8], [0.8, 1]]),
        ([1, -1, 2], (a @ a.T + 0.5 * np.eye(3)).tolist()),
        ([0.5], [[2.25]]),
    ]:
        d = stats.multivariate_normal(mean, cov)
        xs = np.asarray(mean) + rng.normal(scale=2, size=(6, len(mean)))
        cases.append({
            "params": {"mean": mean, "cov": cov}, "x": xs.tolist(),
            "pdf": floats([d.pdf(x) for x in xs]), "logPdf": floats([d.logpdf(x) for x in xs]),
        })
    return cases


# ---------------------------------------------------------------- information theory
def info_fixture():
    rng = np.random.default_rng(3)
    pairs = [
        ([0.5, 0.5], [0.9, 0.1]),
        ([0.1, 0.2, 0.3, 0.4], [0.25, 0.25, 0.25, 0.25]),
        ([0.0, 0.3, 0.7], [0.2, 0.2, 0.6]),
        ([1.0, 0.0], [0.5, 0.5]),
    ]
    for k in (5, 12):
        p, q = rng.dirichlet(np.ones(k)), rng.dirichlet(np.ones(k))
        pairs.append(((p / p.sum()).tolist(), (q / q.sum()).tolist()))
    divergence = []
    for p, q in pairs:
        for base in (None, 2, 10):
            h = stats.entropy(p, base=base)
            kl = stats.entropy(p, q, base=base)
            divergence.append({
                "p": p, "q": q, "base": base, "entropy": float(h), "kl": float(kl),
                # KL(q‖p) is +inf when q puts mass where p has none; JSON has no inf, so null.
                "klReverse": finite_or_none(stats.entropy(q, p, base=base)),
                "crossEntropy": float(h + kl),  # H(p, q) = H(p) + KL(p‖q)
                "jsDistance": float(jensenshannon(p, q, base=base)),  # SciPy returns √JS
            })
    # sklearn's mutual_info_score takes an integer contingency table (it casts to int), so the
    # tables are counts; the tested joint distribution is counts / total.
    tables = [
        np.array([[5, 5], [5, 5]]),  # independent: I = 0
        np.array([[7, 0], [0, 7]]),  # Y = X: I = H(X) = log 2
        rng.integers(1, 40, size=(3, 4)),
        rng.integers(0, 25, size=(5, 2)),
    ]
    joint = []
    for counts in tables:
        t = counts / counts.sum()
        for base in (None, 2):
            scale = 1 if base is None else math.log(base)
            h_xy = stats.entropy(t.ravel(), base=base)
            joint.append({
                "counts": counts.tolist(), "joint": t.tolist(), "base": base,
                "mutualInformation": float(mutual_info_score(None, None, contingency=counts) / scale),
                "jointEntropy": float(h_xy),
                "conditionalEntropy": float(h_xy - stats.entropy(t.sum(axis=1), base=base)),  # H(Y|X)
            })
    labels = []
    for n, ka, kb in [(30, 3, 4), (200, 5, 5), (1000, 2, 7)]:
        a = rng.integers(0, ka, size=n)
        b = (a + rng.integers(0, kb, size=n)) % kb  # dependent on a
        labels.append({"a": a.tolist(), "b": b.tolist(), "mutualInfoScore": float(mutual_info_score(a, b))})
    return {"divergence": divergence, "joint": joint, "labels": labels}


def main():
    write("prob_special.json", special_fixture())
    write("prob_distributions.json", {
        "gaussian": gaussian_cases(), "gamma": gamma_cases(), "beta": beta_cases(),
        "poisson": poisson_cases(), "bernoulli": bernoulli_cases(),
        "categorical": categorical_cases(), "multinomial": multinomial_cases(),
        "dirichlet": dirichlet_cases(), "multivariateGaussian": mvn_cases(),
    })
    write("prob_info.json", info_fixture())


if __name__ == "__main__":
    main()
