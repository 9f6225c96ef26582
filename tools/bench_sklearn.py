#!/usr/bin/python3
"""Time the scikit-learn counterparts of bench/*_bench.ts (the cases of bench/cases.json).

    /usr/bin/python3 tools/bench_sklearn.py              # all cases → bench/sklearn_results.json
    /usr/bin/python3 tools/bench_sklearn.py --append     # add this run to the runs already there
    /usr/bin/python3 tools/bench_sklearn.py roc_auc_1e6  # some cases, printed only

Same ids, shapes and repeats N as the Deno side (read from bench/cases.json): one warm-up run,
then N timed runs with time.perf_counter; we keep the best and the median. BLAS and OpenMP are
pinned to one thread (our TypeScript is single-threaded, and the machine's 2 cores are shared);
pass --threads 2 to let them use both. The toy data come from scikit-learn's loaders (the same
numbers as data/*.csv); the synthetic sets follow the same recipe as bench/data.ts with numpy's
seeded generator (same distribution and shape, not the same draws). Each case also records a few
numbers from one fit (R², iterations, leaves, ...) that bench/report.ts prints beside ours.

The results file holds a list of runs; on a shared machine, alternate runs of the two sides
(docs/benchmarks.md shows the loop) and let bench/report.ts take the best of each.
"""

import argparse
import json
import os
import statistics
import sys
import time
import warnings
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = json.loads((ROOT / "bench" / "cases.json").read_text())


def pin_threads(threads):
    # Must happen before numpy loads OpenBLAS.
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[var] = str(threads)


def build_cases():
    """id -> function returning (run, check); data are built outside the timed call."""
    import numpy as np
    from sklearn.datasets import load_breast_cancer, load_diabetes, load_digits
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.linear_model import LinearRegression, LogisticRegression
    from sklearn.metrics import average_precision_score, roc_auc_score
    from sklearn.naive_bayes import GaussianNB, MultinomialNB
    from sklearn.neural_network import MLPClassifier
    from sklearn.preprocessing import StandardScaler
    from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor

    warnings.simplefilter("ignore", ConvergenceWarning)
    shapes = {c["id"]: c["shape"] for c in SPEC["cases"]}

    def synthetic(n):
        s = SPEC["synthetic"]
        rng = np.random.default_rng(s["seed"])
        w = np.array(s["w"])
        X = rng.standard_normal((n, w.size))
        y = X @ w + s["b"] + s["noise"] * rng.standard_normal(n)
        return X, y, w

    def scored(n):
        rng = np.random.default_rng(SPEC["scored"]["seed"])
        y = (rng.random(n) < 0.5).astype(np.int64)
        return y, y + rng.standard_normal(n)

    def r(v, digits=6):
        return round(float(v), digits)

    def linear(X, y, w=None):
        def check():
            m = LinearRegression().fit(X, y)
            out = {"r2": r(m.score(X, y))}
            if w is not None:
                out["maxCoefError"] = r(np.abs(m.coef_ - w).max())
            return out

        return (lambda: LinearRegression().fit(X, y)), check

    def logistic(X, y):
        def fit():
            return LogisticRegression(C=1.0, solver="lbfgs", max_iter=100).fit(X, y)

        def check():
            m = fit()
            return {"nIter": int(m.n_iter_[0]), "accuracy": r(m.score(X, y))}

        return fit, check

    def tree(cls, X, y, **kw):
        def fit():
            return cls(random_state=0, **kw).fit(X, y)

        def check():
            m = fit()
            out = {"depth": int(m.get_depth()), "leaves": int(m.get_n_leaves())}
            if cls is DecisionTreeClassifier:
                out["accuracy"] = r(m.score(X, y))
            return out

        return fit, check

    def breast_std():
        X, y = load_breast_cancer(return_X_y=True)
        return StandardScaler().fit_transform(X), y

    def digits16():
        X, y = load_digits(return_X_y=True)
        return X / 16.0, y

    def mlp():
        X, y = digits16()

        def fit():
            # scikit-learn's defaults are our MLP_OPTIONS (bench/cases.ts); 10 epochs, no early stop.
            return MLPClassifier(
                hidden_layer_sizes=(100,),
                activation="relu",
                solver="adam",
                learning_rate_init=0.001,
                batch_size=200,
                alpha=0.0001,
                max_iter=10,
                n_iter_no_change=11,
                random_state=0,
            ).fit(X, y)

        def check():
            m = fit()
            return {
                "nIter": int(m.n_iter_),
                "finalLoss": r(m.loss_curve_[-1], 4),
                "accuracy": r(m.score(X, y), 4),
            }

        return fit, check

    def gaussian_predict():
        X, y = load_digits(return_X_y=True)
        m = GaussianNB().fit(X, y)
        return (lambda: m.predict_proba(X)), (
            lambda: {"meanMaxProba": r(m.predict_proba(X).max(axis=1).mean())}
        )

    def nb(cls, **kw):
        X, y = load_digits(return_X_y=True)
        return (lambda: cls(**kw).fit(X, y)), (
            lambda: {"accuracy": r(cls(**kw).fit(X, y).score(X, y))}
        )

    def scaler():
        X, _, _ = synthetic(shapes["scaler_synthetic"][0])
        return (lambda: StandardScaler().fit_transform(X)), (
            lambda: {"meanOfFirstColumn": r(StandardScaler().fit(X).mean_[0])}
        )

    def metric(fn, key, n):
        y, s = scored(n)
        return (lambda: fn(y, s)), (lambda: {key: r(fn(y, s), 4)})

    return {
        "linreg_lstsq_diabetes": lambda: linear(*load_diabetes(return_X_y=True)),
        "linreg_lstsq_synthetic": lambda: linear(*synthetic(shapes["linreg_lstsq_synthetic"][0])),
        "scaler_synthetic": scaler,
        "logreg_binary_breast_cancer": lambda: logistic(*breast_std()),
        "logreg_multinomial_digits": lambda: logistic(*digits16()),
        "tree_gini_breast_cancer": lambda: tree(
            DecisionTreeClassifier, *load_breast_cancer(return_X_y=True), criterion="gini"
        ),
        "tree_gini_digits": lambda: tree(
            DecisionTreeClassifier, *load_digits(return_X_y=True), criterion="gini"
        ),
        "tree_regressor_diabetes": lambda: tree(
            DecisionTreeRegressor, *load_diabetes(return_X_y=True)
        ),
        "gaussian_nb_digits": lambda: nb(GaussianNB),
        "gaussian_nb_predict_digits": gaussian_predict,
        "multinomial_nb_digits": lambda: nb(MultinomialNB, alpha=1.0),
        "mlp_digits_10_epochs": mlp,
        "roc_auc_1e6": lambda: metric(roc_auc_score, "auc", shapes["roc_auc_1e6"][0]),
        "average_precision_1e6": lambda: metric(
            average_precision_score, "averagePrecision", shapes["average_precision_1e6"][0]
        ),
    }


def time_case(run, repeats, warmup):
    for _ in range(warmup):
        run()
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        run()
        times.append((time.perf_counter() - t0) * 1e3)
    return min(times), statistics.median(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("ids", nargs="*", help="case ids (default: all; only all are saved)")
    parser.add_argument("--threads", type=int, default=1, help="BLAS/OpenMP threads (default 1)")
    parser.add_argument("--out", default=str(ROOT / "bench" / "sklearn_results.json"))
    parser.add_argument("--append", action="store_true", help="add to the runs in --out")
    args = parser.parse_args()
    pin_threads(args.threads)

    import numpy as np
    import scipy
    import sklearn

    cases = build_cases()
    specs = SPEC["cases"]
    missing = [c["id"] for c in specs if c["id"] not in cases]
    if missing:
        sys.exit(f"tools/bench_sklearn.py has no implementation of {missing}")
    unknown = [i for i in args.ids if i not in cases]
    if unknown:
        sys.exit(f"unknown case ids {unknown}; see bench/cases.json")
    selected = [c for c in specs if not args.ids or c["id"] in args.ids]

    loadavg_before = [round(v, 2) for v in os.getloadavg()]
    results = []
    print(f"{'case':<30} {'shape':>14} {'N':>3} {'best ms':>10} {'median ms':>10}  check")
    for spec in selected:
        run, check = cases[spec["id"]]()
        best, median = time_case(run, spec["repeats"], SPEC["warmup"])
        checked = check()
        shape = " x ".join(map(str, spec["shape"]))
        print(
            f"{spec['id']:<30} {shape:>14} {spec['repeats']:>3} {best:>10.3f} {median:>10.3f}  "
            + json.dumps(checked)
        )
        results.append(
            {
                "id": spec["id"],
                "task": spec["sklearn"],
                "shape": spec["shape"],
                "repeats": spec["repeats"],
                "best_ms": round(best, 4),
                "median_ms": round(median, 4),
                "check": checked,
            }
        )
    loadavg_after = [round(v, 2) for v in os.getloadavg()]
    print(f"load average {loadavg_before} -> {loadavg_after}")
    if args.ids:
        return
    run = {
        "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "machine": f"{os.cpu_count()} cores, {platform_cpu()}",
        "threads": args.threads,
        "loadavg_before": loadavg_before,
        "loadavg_after": loadavg_after,
        "versions": {
            "python": sys.version.split()[0],
            "scikit-learn": sklearn.__version__,
            "numpy": np.__version__,
            "scipy": scipy.__version__,
        },
        "cases": results,
    }
    out = Path(args.out)
    runs = json.loads(out.read_text())["runs"] if args.append and out.exists() else []
    out.write_text(json.dumps({"runs": runs + [run]}, indent=2) + "\n")
    print(f"wrote {out} ({len(runs) + 1} run(s))")


def platform_cpu():
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown CPU"


if __name__ == "__main__":
    main()
