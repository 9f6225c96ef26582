#!/usr/bin/env python3
"""Writes the NumPy / SciPy reference values that lib/plot's histogram is tested against:

    tests/fixtures/plot_histogram.json   numpy.histogram (edges, counts, density) for bin counts,
                                         Sturges' rule and explicit edges; scipy.stats.gaussian_kde
                                         (Scott's bandwidth) and the maximum-likelihood normal fit
                                         (scipy.stats.norm.fit) evaluated on the curve's grid

Run with Debian's Python (python3-numpy, python3-scipy):
    /usr/bin/python3 tools/fixtures_plot.py
"""
import json
import pathlib

import numpy as np
import scipy
from scipy import stats

ROOT = pathlib.Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
VERSIONS = {"scipy": scipy.__version__, "numpy": np.__version__}
CURVE_POINTS = 200  # lib/plot/histogram.ts draws its curve on this many points


def floats(values):
    return [float(v) for v in np.asarray(values, dtype=float).ravel()]


def histogram_case(name, values, bins):
    values = np.asarray(values, dtype=float)
    numpy_bins = "sturges" if bins is None else bins
    counts, edges = np.histogram(values, bins=numpy_bins)
    density, _ = np.histogram(values, bins=numpy_bins, density=True)
    return {
        "name": name,
        "values": floats(values),
        "bins": bins if bins is None or isinstance(bins, int) else floats(bins),
        "edges": floats(edges),
        "counts": [int(c) for c in counts],
        "density": floats(density),
    }


def curves(values, bins):
    """The density curves of histogram(values, { bins, curve }) on the grid lib/plot uses."""
    values = np.asarray(values, dtype=float)
    _, edges = np.histogram(values, bins=bins)
    # KDE: Scott's factor n^(-1/5) times the sample standard deviation (ddof=1) is the bandwidth.
    kde = stats.gaussian_kde(values)
    h = float(np.sqrt(kde.covariance[0, 0]))
    lo = min(edges[0], values.min() - 3 * h)
    hi = max(edges[-1], values.max() + 3 * h)
    kde_x = np.linspace(lo, hi, CURVE_POINTS)
    mean, std = stats.norm.fit(values)  # maximum likelihood: ddof=0
    normal_x = np.linspace(edges[0], edges[-1], CURVE_POINTS)
    return {
        "values": floats(values),
        "bins": bins,
        "kde": {"bandwidth": h, "x": floats(kde_x), "pdf": floats(kde(kde_x))},
        "normal": {
            "mean": float(mean),
            "std": float(std),
            "x": floats(normal_x),
            "pdf": floats(stats.norm.pdf(normal_x, mean, std)),
        },
    }


def main():
    rng = np.random.default_rng(20261129)
    normal = rng.normal(loc=1.0, scale=2.0, size=200)
    skewed = rng.gamma(shape=2.0, scale=1.5, size=57)
    cases = [
        # i/10 puts values on edges that linspace rounds: tests the edge comparisons
        histogram_case("tenths, 10 bins", [i / 10 for i in range(11)], 10),
        histogram_case("normal(1, 2), Sturges", normal, None),
        histogram_case("gamma, 7 bins", skewed, 7),
        histogram_case("integers, explicit edges", [0, 1, 1, 2, 3, 3, 3, 4, 7, 9, 10, 12, -1],
                       [0, 1, 2.5, 4, 10]),
        histogram_case("constant", [3.0, 3.0, 3.0], 4),
    ]
    payload = {"versions": VERSIONS, "cases": cases, "curves": curves(skewed, 7)}
    path = FIXTURES / "plot_histogram.json"
    path.write_text(json.dumps(payload, indent=1, allow_nan=False) + "\n")
    print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
