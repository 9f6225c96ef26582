#!/usr/bin/python3
"""Time scikit-learn's KDTree against its brute-force search on the task of bench/kdtree_bench.ts.

10,000 uniform points in [0, 1)^3, 1,000 queries, k = 1 and 5, Euclidean distance; numpy's own
seeded generator (the data differ from the Deno bench's but follow the same distribution).

    /usr/bin/python3 tools/kdtree_bench_sklearn.py

Prints the median of several runs per case and the brute/kd-tree ratios.
"""

import statistics
import time

import numpy as np
import sklearn
from sklearn.neighbors import KDTree, NearestNeighbors

N, Q, D = 10_000, 1_000, 3
REPEATS = 15


def median_ms(fn):
    fn()  # warm-up
    times = []
    for _ in range(REPEATS):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1e3)
    return statistics.median(times)


def main():
    rng = np.random.default_rng(42)
    X = rng.random((N, D))
    queries = rng.random((Q, D))
    print(f"scikit-learn {sklearn.__version__}, numpy {np.__version__}")
    for leaf in (1, 40):
        ms = median_ms(lambda: KDTree(X, leaf_size=leaf))
        print(f"build KDTree leaf_size={leaf}: {ms:.2f} ms")
    brute = NearestNeighbors(algorithm="brute").fit(X)

    def numpy_brute(k):
        d2 = ((queries[:, None, :] - X[None, :, :]) ** 2).sum(axis=2)
        idx = np.argpartition(d2, k - 1, axis=1)[:, :k]
        return idx

    for k in (1, 5):
        results = {}
        for leaf in (1, 40):
            tree = KDTree(X, leaf_size=leaf)
            results[f"KDTree leaf_size={leaf}"] = median_ms(lambda: tree.query(queries, k=k))
        results["NearestNeighbors brute (BLAS)"] = median_ms(lambda: brute.kneighbors(queries, k))
        results["numpy broadcast brute"] = median_ms(lambda: numpy_brute(k))
        for name, ms in results.items():
            print(f"k={k} {name}: {ms:.2f} ms")
        for leaf in (1, 40):
            tree_ms = results[f"KDTree leaf_size={leaf}"]
            print(
                f"k={k} ratio brute(BLAS)/KDTree leaf_size={leaf}: "
                f"{results['NearestNeighbors brute (BLAS)'] / tree_ms:.1f}x, "
                f"numpy brute/KDTree: {results['numpy broadcast brute'] / tree_ms:.1f}x"
            )


if __name__ == "__main__":
    main()
