#!/usr/bin/python3
"""Export scikit-learn's bundled toy data sets to data/<name>.csv and data/<name>.meta.json.

Run from the repository root with the Debian Python that has scikit-learn:

    /usr/bin/python3 tools/export_datasets.py

Output is deterministic: the same scikit-learn version writes byte-identical files. Numbers are
written with Python's repr (the shortest string that parses back to the same float64), with
integral values written without a trailing ".0", so the CSV round-trips float64 exactly and
stays small.
"""

import csv
import json
import math
import pathlib
import sys

import sklearn
from sklearn import datasets

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT / "data"

UCI_LICENCE = "CC BY 4.0 (UCI Machine Learning Repository)"

# name -> (loader call, task, description, source, licence)
SPECS = {
    "iris": (
        lambda: datasets.load_iris(),
        "classification",
        "Fisher's iris: 4 flower measurements (cm) of 150 irises, 3 species.",
        "Fisher, R.A. (1936) The use of multiple measurements in taxonomic problems. "
        "Annals of Eugenics 7(2), 179-188. UCI Machine Learning Repository, "
        "https://doi.org/10.24432/C56C76",
        UCI_LICENCE,
    ),
    "wine": (
        lambda: datasets.load_wine(),
        "classification",
        "13 chemical measurements of 178 Italian wines from 3 cultivars.",
        "Forina, M. et al. PARVUS, Institute of Pharmaceutical and Food Analysis and "
        "Technologies, Genoa. UCI Machine Learning Repository, https://doi.org/10.24432/C5PC7J",
        UCI_LICENCE,
    ),
    "breast_cancer": (
        lambda: datasets.load_breast_cancer(),
        "classification",
        "Breast Cancer Wisconsin (Diagnostic): 30 cell-nucleus features of 569 "
        "fine-needle aspirates, malignant or benign.",
        "Wolberg, W.H., Street, W.N., Mangasarian, O.L. (1995). UCI Machine Learning "
        "Repository, https://doi.org/10.24432/C5DW2B",
        UCI_LICENCE,
    ),
    "diabetes": (
        lambda: datasets.load_diabetes(),
        "regression",
        "Diabetes (scaled, scikit-learn's default): 10 baseline variables of 442 patients, "
        "each column mean-centred and scaled to unit Euclidean norm; target = disease "
        "progression one year later.",
        "Efron, B., Hastie, T., Johnstone, I., Tibshirani, R. (2004) Least Angle Regression. "
        "Annals of Statistics 32(2), 407-499. https://www4.stat.ncsu.edu/~boos/var.select/"
        "diabetes.html",
        "No licence stated by the authors; distributed with scikit-learn (BSD-3-Clause)",
    ),
    "diabetes_raw": (
        lambda: datasets.load_diabetes(scaled=False),
        "regression",
        "Diabetes (raw, load_diabetes(scaled=False)): the same 442 patients in original units "
        "(age in years, sex coded 1/2, bmi, blood pressure, six serum measurements).",
        "Efron, B., Hastie, T., Johnstone, I., Tibshirani, R. (2004) Least Angle Regression. "
        "Annals of Statistics 32(2), 407-499. https://www4.stat.ncsu.edu/~boos/var.select/"
        "diabetes.html",
        "No licence stated by the authors; distributed with scikit-learn (BSD-3-Clause)",
    ),
    "digits": (
        lambda: datasets.load_digits(),
        "classification",
        "Optical recognition of handwritten digits: 1797 8x8 images, pixel counts 0..16, "
        "digits 0-9 (the UCI test set).",
        "Alpaydin, E., Kaynak, C. (1998). UCI Machine Learning Repository, "
        "https://doi.org/10.24432/C50P49",
        UCI_LICENCE,
    ),
}


def fmt(x) -> str:
    """Shortest float64-exact text; integral values without '.0'; keeps the sign of -0.0."""
    x = float(x)
    if not math.isfinite(x):
        raise ValueError(f"non-finite value {x!r} cannot be exported")
    if x == 0.0:
        return "-0" if math.copysign(1.0, x) < 0 else "0"
    if x.is_integer() and abs(x) < 2**53:
        return str(int(x))
    return repr(x)


def export(name: str) -> dict:
    load, task, description, source, licence = SPECS[name]
    bunch = load()
    X, y = bunch.data, bunch.target
    feature_names = [str(f) for f in bunch.feature_names]
    if "target" in feature_names:
        raise ValueError(f"{name}: a feature is already called 'target'")
    target_names = [str(t) for t in bunch.get("target_names", [])]

    with open(DATA / f"{name}.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(feature_names + ["target"])
        for row, target in zip(X, y):
            writer.writerow([fmt(v) for v in row] + [fmt(target)])

    meta = {
        "name": name,
        "task": task,
        "nSamples": int(X.shape[0]),
        "nFeatures": int(X.shape[1]),
        "featureNames": feature_names,
        "targetNames": target_names,
        "description": description,
        "source": source,
        "licence": licence,
        "exportedWith": f"scikit-learn {sklearn.__version__}",
    }
    with open(DATA / f"{name}.meta.json", "w", encoding="utf-8") as fh:
        json.dump(meta, fh, indent=2, ensure_ascii=False)
        fh.write("\n")
    return meta


def main() -> None:
    DATA.mkdir(exist_ok=True)
    names = sys.argv[1:] or list(SPECS)
    for name in names:
        if name not in SPECS:
            sys.exit(f"unknown data set {name!r}; choose from {', '.join(SPECS)}")
        meta = export(name)
        print(f"data/{name}.csv: {meta['nSamples']} rows x {meta['nFeatures']} features + target")


if __name__ == "__main__":
    main()
