#!/usr/bin/env python3
"""Writes tests/fixtures/ranking_map.json: mean average precision of rankings, each row a query.

Without k a query's AP is scikit-learn's average_precision_score(rel > 0, score) (tied scores
form one threshold); the cases with k use the IR definition AP@k = sum_{r<=k} P@r rel_r /
min(k, R), computed here in numpy (scikit-learn has no AP@k), ties in index order.
(ndcg_score's fixtures are in metrics_ranking.json, written by fixtures_metrics.py.)

    /usr/bin/python3 tools/fixtures_ranking_metrics.py
"""
import json
import pathlib

import numpy as np
import sklearn
from sklearn.metrics import average_precision_score

ROOT = pathlib.Path(__file__).resolve().parent.parent


def ap_at_k(rel, score, k):
    order = sorted(range(len(rel)), key=lambda i: (-score[i], i))
    positives = int((rel > 0).sum())
    if positives == 0:
        return 0.0
    hits, total = 0, 0.0
    for r, i in enumerate(order[:k]):
        if rel[i] > 0:
            hits += 1
            total += hits / (r + 1)
    return total / min(k, positives)


cases = []
for seed in range(6):
    rng = np.random.default_rng(seed)
    q, m = 4, 3 + 2 * seed
    rel = rng.integers(0, 3, size=(q, m))
    rel[:, 0] = np.maximum(rel[:, 0], 1)  # every query has a relevant item
    decimals = 1 if seed % 2 else 6  # odd seeds: many tied scores
    score = rng.normal(size=(q, m)).round(decimals)
    plain = float(np.mean([average_precision_score(rel[i] > 0, score[i]) for i in range(q)]))
    cases.append({"yTrue": rel.tolist(), "yScore": score.tolist(), "k": None, "expected": plain})
    if decimals == 6:
        for k in (1, 3, m):
            value = float(np.mean([ap_at_k(rel[i], score[i], k) for i in range(q)]))
            cases.append({"yTrue": rel.tolist(), "yScore": score.tolist(), "k": k, "expected": value})

out = {"sklearnVersion": sklearn.__version__, "map": cases}
target = ROOT / "tests" / "fixtures" / "ranking_map.json"
target.write_text(json.dumps(out, indent=1) + "\n")
print(f"wrote {target.relative_to(ROOT)}")
