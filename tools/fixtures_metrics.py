#!/usr/bin/python3
"""Generate scikit-learn reference values for lib/metrics.

Run with Debian's Python (it has scikit-learn):  /usr/bin/python3 tools/fixtures_metrics.py

Writes tests/fixtures/metrics_{regression,classification,curves,ranking,report}.json. Each file
is {"sklearn": version, "inputs": [...], "cases": [...]}, a case being
  {"name", "fn": <mlnotes function>, "input": <index of its positional inputs in "inputs">,
   "weights"?: <index of its sampleWeight in "inputs">, "options": {camelCase options},
   "expected": <scikit-learn's result>}
so the TypeScript test calls fn(...inputs[input], {...options, sampleWeight: inputs[weights]})
and compares with `expected` to 1e-12.
Non-finite floats are written as the strings "NaN", "Infinity", "-Infinity" (JSON has no such
numbers). Everything is seeded: re-running gives identical files.
"""

import json
import math
import os
import warnings

import numpy as np
import sklearn
from sklearn import metrics as skm
from sklearn.preprocessing import label_binarize

warnings.filterwarnings("ignore")  # zero-division and similar warnings are part of the cases

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "fixtures")


def plain(x):
    """numpy -> JSON-ready Python, non-finite floats as strings."""
    if isinstance(x, dict):
        return {str(k): plain(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [plain(v) for v in x]
    if isinstance(x, np.ndarray):
        return plain(x.tolist())
    if isinstance(x, (np.integer,)):
        return int(x)
    if isinstance(x, (np.floating, float)):
        v = float(x)
        if math.isnan(v):
            return "NaN"
        if math.isinf(v):
            return "Infinity" if v > 0 else "-Infinity"
        return v
    if isinstance(x, np.str_):
        return str(x)
    return x


def case(cases, name, fn, args, options, expected):
    cases.append(
        {"name": name, "fn": fn, "args": plain(args), "options": plain(options), "expected": plain(expected)}
    )


def write(name, cases):
    """Stores each distinct input once, in "inputs"; a case refers to it by index ("input")."""
    inputs, index = [], {}
    for c in cases:
        key = json.dumps(c["args"])
        if key not in index:
            index[key] = len(inputs)
            inputs.append(c["args"])
        c["input"] = index[key]
        del c["args"]
        if c["options"] and "sampleWeight" in c["options"]:
            key = json.dumps(c["options"]["sampleWeight"])
            if key not in index:
                index[key] = len(inputs)
                inputs.append(c["options"]["sampleWeight"])
            c["weights"] = index[key]
            del c["options"]["sampleWeight"]
    path = os.path.join(OUT, f"metrics_{name}.json")
    with open(path, "w") as f:
        json.dump({"sklearn": sklearn.__version__, "inputs": inputs, "cases": cases}, f, separators=(",", ":"))
        f.write("\n")
    print(f"{path}: {len(cases)} cases")


def weights(rng, n, zeros=True):
    w = rng.uniform(0.1, 3.0, n).round(3)
    if zeros and n > 4:
        w[rng.choice(n, 2, replace=False)] = 0.0
    return w


# ----------------------------------------------------------------------------------- regression
def regression():
    cases = []
    for seed in range(24):
        rng = np.random.default_rng(1000 + seed)
        n = [2, 3, 7, 40][seed % 4]
        k = [1, 1, 2, 3][(seed // 4) % 4]
        y = rng.normal(0, 2, (n, k))
        p = y + rng.normal(0, 1, (n, k))
        if seed % 5 == 0:
            y, p = y.round(0), p.round(0)  # integer-valued targets, exact ties
        yt = y[:, 0] if k == 1 and seed % 2 == 0 else y
        yp = p[:, 0] if k == 1 and seed % 2 == 0 else p
        w = weights(rng, n) if seed % 3 == 1 else None
        opts = {} if w is None else {"sampleWeight": w}
        sk_w = {} if w is None else {"sample_weight": w}
        modes = [("uniformAverage", "uniform_average"), ("rawValues", "raw_values")]
        if k > 1:
            ow = rng.uniform(0.2, 2.0, k).round(2)
            modes.append((ow, ow))
        for mo, sk_mo in modes:
            o = {**opts, "multioutput": mo}
            s = {**sk_w, "multioutput": sk_mo}
            tag = f"seed {seed} n={n} k={k} {'w' if w is not None else ''} {mo if isinstance(mo, str) else 'custom'}"
            case(cases, f"mse {tag}", "meanSquaredError", [yt, yp], o, skm.mean_squared_error(yt, yp, **s))
            case(cases, f"rmse {tag}", "rootMeanSquaredError", [yt, yp], o,
                 skm.mean_squared_error(yt, yp, squared=False, **s))
            case(cases, f"mae {tag}", "meanAbsoluteError", [yt, yp], o, skm.mean_absolute_error(yt, yp, **s))
            case(cases, f"r2 {tag}", "r2Score", [yt, yp], o, skm.r2_score(yt, yp, **s))
        o = {**opts, "multioutput": "varianceWeighted"}
        case(cases, f"r2 variance weighted seed {seed}", "r2Score", [yt, yp], o,
             skm.r2_score(yt, yp, multioutput="variance_weighted", **sk_w))
    # R² corner cases: constant targets, perfect predictions, a single sample, forceFinite off.
    yc = np.array([[2.0, 1.0], [2.0, 2.0], [2.0, 4.0]])
    pc = np.array([[2.0, 1.5], [2.5, 2.0], [2.0, 3.0]])
    for ff in (True, False):
        for mo, sk_mo in (("rawValues", "raw_values"), ("uniformAverage", "uniform_average"),
                          ("varianceWeighted", "variance_weighted")):
            o = {"multioutput": mo, "forceFinite": ff}
            case(cases, f"r2 constant column ff={ff} {mo}", "r2Score", [yc, pc], o,
                 skm.r2_score(yc, pc, multioutput=sk_mo, force_finite=ff))
            case(cases, f"r2 constant perfect ff={ff} {mo}", "r2Score", [yc, yc], o,
                 skm.r2_score(yc, yc, multioutput=sk_mo, force_finite=ff))
    case(cases, "r2 all constant variance weighted", "r2Score", [[[1, 2], [1, 2]], [[1, 2], [1, 3]]],
         {"multioutput": "varianceWeighted"},
         skm.r2_score([[1, 2], [1, 2]], [[1, 2], [1, 3]], multioutput="variance_weighted"))
    case(cases, "r2 one sample", "r2Score", [[1.5], [2.0]], {}, skm.r2_score([1.5], [2.0]))
    write("regression", cases)


# ------------------------------------------------------------------------------- classification
def label_sets(rng, n, seed):
    """(yTrue, yPred, kind) triples: binary ints, {-1, 1}, strings, multiclass, imbalanced."""
    kinds = [
        ("binary", np.array([0, 1])),
        ("plusminus", np.array([-1, 1])),
        ("strings", np.array(["neg", "pos"])),
        ("multiclass", np.array([0, 1, 2, 3])),
        ("multistring", np.array(["ant", "bee", "cat"])),
    ]
    kind, classes = kinds[seed % len(kinds)]
    yt = rng.choice(classes, n, p=None)
    # Predictions agree ~60% of the time, otherwise random: gives every confusion cell.
    yp = np.where(rng.uniform(size=n) < 0.6, yt, rng.choice(classes, n))
    if seed % 7 == 3 and len(classes) > 2:
        yp[yp == classes[-1]] = classes[0]  # a class never predicted: zero division
    return yt, yp, kind, classes


def classification():
    cases = []
    for seed in range(30):
        rng = np.random.default_rng(2000 + seed)
        n = [6, 15, 60][seed % 3]
        yt, yp, kind, classes = label_sets(rng, n, seed)
        w = weights(rng, n) if seed % 2 == 1 else None
        o = {} if w is None else {"sampleWeight": w}
        s = {} if w is None else {"sample_weight": w}
        tag = f"seed {seed} {kind} n={n}{' w' if w is not None else ''}"
        for norm in (True, False):
            case(cases, f"accuracy {tag} normalize={norm}", "accuracyScore", [yt, yp],
                 {**o, "normalize": norm}, skm.accuracy_score(yt, yp, normalize=norm, **s))
        for normalize in (None, "true", "pred", "all"):
            case(cases, f"confusion {tag} {normalize}", "confusionMatrix", [yt, yp],
                 {**o, "normalize": normalize}, skm.confusion_matrix(yt, yp, normalize=normalize, **s))
        perm = list(rng.permutation(classes))
        case(cases, f"confusion permuted labels {tag}", "confusionMatrix", [yt, yp],
             {**o, "labels": perm}, skm.confusion_matrix(yt, yp, labels=perm, **s))
        sub = perm[:-1]
        case(cases, f"confusion label subset {tag}", "confusionMatrix", [yt, yp],
             {**o, "labels": sub, "normalize": "true"},
             skm.confusion_matrix(yt, yp, labels=sub, normalize="true", **s))

        binary = len(classes) == 2
        averages = ["micro", "macro", "weighted", None] + (["binary"] if binary else [])
        for avg in averages:
            for zd, beta in (("warn", 1.0), (0, 1.0), (1, 1.0), ("warn", 0.5), (1, 2.0)):
                opts = {**o, "average": avg, "zeroDivision": zd, "beta": beta}
                sko = {**s, "average": avg, "zero_division": zd, "beta": beta}
                if avg == "binary":
                    pos = classes[1] if kind != "plusminus" or seed % 2 else classes[0]
                    opts["posLabel"] = pos
                    sko["pos_label"] = pos
                p, r, f, sup = skm.precision_recall_fscore_support(yt, yp, **sko)
                case(cases, f"prfs {tag} {avg} zd={zd} beta={beta}", "precisionRecallFscoreSupport",
                     [yt, yp], opts, {"precision": p, "recall": r, "fScore": f, "support": sup})
        if not binary:
            lab = [classes[-1], classes[0]] + (["zzz"] if kind == "multistring" else [99])
            for avg in ("micro", "macro", "weighted", None):
                p, r, f, sup = skm.precision_recall_fscore_support(yt, yp, labels=lab, average=avg, **s)
                case(cases, f"prfs labels subset+absent {tag} {avg}", "precisionRecallFscoreSupport",
                     [yt, yp], {**o, "labels": lab, "average": avg},
                     {"precision": p, "recall": r, "fScore": f, "support": sup})
        # The wrappers, with their default average "binary" where it applies.
        avg = "binary" if binary else "macro"
        pos = {"posLabel": classes[1]} if binary else {}
        skpos = {"pos_label": classes[1]} if binary else {}
        base = {**o, "average": avg, **pos}
        skb = {**s, "average": avg, **skpos}
        case(cases, f"precision {tag}", "precisionScore", [yt, yp], base, skm.precision_score(yt, yp, **skb))
        case(cases, f"recall {tag}", "recallScore", [yt, yp], base, skm.recall_score(yt, yp, **skb))
        case(cases, f"f1 {tag}", "f1Score", [yt, yp], base, skm.f1_score(yt, yp, **skb))
        for beta in (0.0, 3.0, math.inf):
            case(cases, f"fbeta {beta} {tag}", "fbetaScore", [yt, yp], {**base, "beta": beta},
                 skm.fbeta_score(yt, yp, beta=beta, **skb))
        case(cases, f"f1 per class {tag}", "f1Score", [yt, yp], {**o, "average": None},
             skm.f1_score(yt, yp, average=None, **s))
    # The weighted average with no true sample among the scored labels.
    for zd in (0, 1):
        for yp in ([0, 0, 0], [0, 2, 0]):
            p, r, f, _ = skm.precision_recall_fscore_support([0, 0, 0], yp, labels=[2], average="weighted",
                                                            zero_division=zd)
            case(cases, f"prfs weighted no support zd={zd} pred={yp}", "precisionRecallFscoreSupport",
                 [[0, 0, 0], yp], {"labels": [2], "average": "weighted", "zeroDivision": zd},
                 {"precision": p, "recall": r, "fScore": f, "support": None})

    # Log loss: binary 1-D and 2-D, multiclass, labels, clipping, renormalization.
    for seed in range(16):
        rng = np.random.default_rng(3000 + seed)
        n = [5, 12, 40, 9][seed % 4]
        k = [2, 2, 3, 4][(seed // 4) % 4]
        classes = np.array(["a", "b", "c", "d"][:k]) if seed % 3 == 2 else np.arange(k) * 2 - 1
        raw = rng.dirichlet(np.ones(k), n)
        if seed % 4 == 1:
            raw[0, 0], raw[0, 1:] = 1.0, 0.0  # exact 0 and 1: clipping matters
        if seed % 5 == 3:
            raw = raw * rng.uniform(0.8, 1.0, (n, 1))  # rows not summing to 1: renormalized
        yt = rng.choice(classes, n)
        w = weights(rng, n) if seed % 2 else None
        o = {} if w is None else {"sampleWeight": w}
        s = {} if w is None else {"sample_weight": w}
        labels = list(classes)
        pred = raw[:, 1] if (k == 2 and seed % 2 == 0) else raw
        for norm in (True, False):
            case(cases, f"logloss seed {seed} k={k} normalize={norm}", "logLoss", [yt, pred],
                 {**o, "normalize": norm, "labels": labels},
                 skm.log_loss(yt, pred, normalize=norm, labels=labels, **s))
        if len(set(yt.tolist())) == k:
            case(cases, f"logloss seed {seed} no labels", "logLoss", [yt, pred], o, skm.log_loss(yt, pred, **s))
        case(cases, f"logloss seed {seed} eps", "logLoss", [yt, pred], {**o, "eps": 1e-3, "labels": labels},
             skm.log_loss(yt, pred, eps=1e-3, labels=labels, **s))
    # A yTrue that misses a class, named through labels.
    yt = [0, 0, 2, 2]
    pr = [[0.7, 0.2, 0.1], [0.5, 0.3, 0.2], [0.1, 0.1, 0.8], [0.2, 0.5, 0.3]]
    case(cases, "logloss missing class", "logLoss", [yt, pr], {"labels": [0, 1, 2]},
         skm.log_loss(yt, pr, labels=[0, 1, 2]))
    write("classification", cases)


# ---------------------------------------------------------------------------------------- curves
def binary_data(rng, n, seed):
    kinds = ["01", "pm1", "strings", "multi"]
    kind = kinds[seed % 4]
    y01 = (rng.uniform(size=n) < 0.4).astype(int)
    y01[0], y01[1] = 0, 1  # both classes always present
    score = y01 * 0.8 + rng.normal(0, 0.6, n)
    if seed % 3 == 0:
        score = score.round(1)  # many ties
    if kind == "01":
        return y01, score, {}, {}
    if kind == "pm1":
        return y01 * 2 - 1, score, {}, {}
    if kind == "strings":
        y = np.where(y01 == 1, "yes", "no")
        return y, score, {"posLabel": "yes"}, {"pos_label": "yes"}
    other = rng.choice([0, 2], n)
    y = np.where(y01 == 1, 1, other)  # three classes, 1 scored against the rest
    return y, score, {"posLabel": 1}, {"pos_label": 1}


def curves():
    cases = []
    for seed in range(24):
        rng = np.random.default_rng(4000 + seed)
        n = [8, 30, 80][seed % 3]
        y, score, po, sp = binary_data(rng, n, seed)
        w = weights(rng, n) if seed % 2 else None
        o = {**po} if w is None else {**po, "sampleWeight": w}
        s = {**sp} if w is None else {**sp, "sample_weight": w}
        tag = f"seed {seed} n={n}{' w' if w is not None else ''}"
        for drop in (True, False):
            fpr, tpr, thr = skm.roc_curve(y, score, drop_intermediate=drop, **s)
            case(cases, f"roc {tag} drop={drop}", "rocCurve", [y, score], {**o, "dropIntermediate": drop},
                 {"fpr": fpr, "tpr": tpr, "thresholds": thr})
        p, r, thr = skm.precision_recall_curve(y, score, **s)
        case(cases, f"pr {tag}", "precisionRecallCurve", [y, score], o,
             {"precision": p, "recall": r, "thresholds": thr})
        if seed % 4 != 3:  # binary yTrue: the area scores
            ow = {} if w is None else {"sampleWeight": w}
            sw = {} if w is None else {"sample_weight": w}
            case(cases, f"rocauc {tag}", "rocAucScore", [y, score], ow, skm.roc_auc_score(y, score, **sw))
            for mf in (0.1, 0.37, 1.0):
                case(cases, f"rocauc maxFpr={mf} {tag}", "rocAucScore", [y, score], {**ow, "maxFpr": mf},
                     skm.roc_auc_score(y, score, max_fpr=mf, **sw))
            pos = po.get("posLabel", 1)
            case(cases, f"ap {tag}", "averagePrecisionScore", [y, score], {**ow, "posLabel": pos},
                 skm.average_precision_score(y, score, pos_label=pos, **sw))
        x = np.sort(rng.uniform(0, 5, 10))
        yy = rng.normal(0, 1, 10)
        if seed % 2:
            x = x[::-1]
        case(cases, f"auc {tag}", "auc", [x, yy], None, skm.auc(x, yy))

    # Multiclass areas: one-vs-rest and one-vs-one.
    for seed in range(12):
        rng = np.random.default_rng(5000 + seed)
        n, k = [20, 60, 150][seed % 3], [3, 4][seed % 2]
        classes = np.array(["x", "y", "z", "w"][:k]) if seed % 3 == 1 else np.arange(k)
        yi = rng.integers(0, k, n)
        yi[:k] = np.arange(k)
        logits = rng.normal(0, 1, (n, k))
        logits[np.arange(n), yi] += 1.0
        if seed % 4 == 0:
            logits = logits.round(0)  # ties
        prob = np.exp(logits) / np.exp(logits).sum(1, keepdims=True)
        y = classes[yi]
        w = weights(rng, n, zeros=False) if seed % 2 else None
        sw = {} if w is None else {"sample_weight": w}
        ow = {} if w is None else {"sampleWeight": w}
        for avg in ("macro", "weighted", "micro", None):
            case(cases, f"rocauc ovr {avg} seed {seed}", "rocAucScore", [y, prob],
                 {**ow, "multiClass": "ovr", "average": avg},
                 skm.roc_auc_score(y, prob, multi_class="ovr", average=avg, **sw))
        if w is None:
            for avg in ("macro", "weighted"):
                case(cases, f"rocauc ovo {avg} seed {seed}", "rocAucScore", [y, prob],
                     {"multiClass": "ovo", "average": avg},
                     skm.roc_auc_score(y, prob, multi_class="ovo", average=avg))
        # Average precision one-vs-rest (scikit-learn >= 1.3 does exactly this for multiclass).
        ybin = label_binarize(y, classes=np.unique(y))
        for avg in ("macro", "weighted", "micro", None):
            case(cases, f"ap ovr {avg} seed {seed}", "averagePrecisionScore", [y, prob],
                 {**ow, "average": avg}, skm.average_precision_score(ybin, prob, average=avg, **sw))
    # One-vs-one with a class named in labels but absent from yTrue.
    prob = np.array([[0.6, 0.3, 0.1], [0.2, 0.5, 0.3], [0.1, 0.1, 0.8], [0.3, 0.3, 0.4], [0.5, 0.1, 0.4]])
    y = [0, 2, 2, 0, 2]
    case(cases, "rocauc ovo absent labelled class", "rocAucScore", [y, prob],
         {"multiClass": "ovo", "labels": [0, 1, 2]},
         skm.roc_auc_score(y, prob, multi_class="ovo", labels=[0, 1, 2]))
    write("curves", cases)


# --------------------------------------------------------------------------------------- ranking
def ranking():
    cases = []
    for seed in range(20):
        rng = np.random.default_rng(6000 + seed)
        q, m = [1, 4, 10][seed % 3], [2, 5, 12][(seed // 3) % 3]
        rel = rng.integers(0, 4, (q, m)).astype(float)
        if seed % 5 == 2:
            rel = rng.uniform(0, 3, (q, m))  # continuous relevance
        if q > 1 and seed % 4 == 1:
            rel[0] = 0.0  # a query with nothing relevant scores 0
        score = rel + rng.normal(0, 1.2, (q, m))
        if seed % 2 == 0:
            score = score.round(0)  # tied scores: averaged over orderings
        w = rng.uniform(0.2, 2.0, q).round(3) if seed % 3 == 2 else None
        o = {} if w is None else {"sampleWeight": w}
        s = {} if w is None else {"sample_weight": w}
        for k in (None, 1, 3, m + 2):
            ok = {**o} if k is None else {**o, "k": k}
            case(cases, f"ndcg seed {seed} q={q} m={m} k={k}", "ndcgScore", [rel, score], ok,
                 skm.ndcg_score(rel, score, k=k, **s))
            case(cases, f"dcg seed {seed} q={q} m={m} k={k}", "dcgScore", [rel, score], ok,
                 skm.dcg_score(rel, score, k=k, **s))
        for base in (3.0, 10.0):
            case(cases, f"dcg logBase={base} seed {seed}", "dcgScore", [rel, score], {**o, "logBase": base},
                 skm.dcg_score(rel, score, log_base=base, **s))
        if seed % 2 == 1:  # continuous scores, no ties: the fast path is exact
            case(cases, f"ndcg ignoreTies seed {seed}", "ndcgScore", [rel, score], {**o, "ignoreTies": True, "k": 3},
                 skm.ndcg_score(rel, score, k=3, ignore_ties=True, **s))
    write("ranking", cases)


# ---------------------------------------------------------------------------------------- report
def report():
    cases = []
    for seed in range(14):
        rng = np.random.default_rng(7000 + seed)
        n = [10, 40, 200][seed % 3]
        yt, yp, kind, classes = label_sets(rng, n, seed)
        w = weights(rng, n) if seed % 3 == 1 else None
        o = {} if w is None else {"sampleWeight": w}
        s = {} if w is None else {"sample_weight": w}
        digits = [2, 3, 0, 4][seed % 4]
        zd = ["warn", 0, 1][seed % 3]
        opts = {**o, "digits": digits, "zeroDivision": zd}
        sk = {**s, "digits": digits, "zero_division": zd}
        shown = list(classes)
        if seed % 5 == 4:
            shown = list(classes[::-1][: max(1, len(classes) - 1)])  # a subset: "micro avg" row
            opts["labels"] = shown
            sk["labels"] = shown
        if seed % 4 == 1 or seed == 9:
            names = [f"class {c} 类" for c in shown]
            opts["targetNames"] = names
            sk["target_names"] = names
        text = skm.classification_report(yt, yp, **sk)
        d = skm.classification_report(yt, yp, output_dict=True, **sk)
        case(cases, f"report seed {seed} {kind} n={n}", "classificationReport", [yt, yp], opts,
             {"text": text, "dict": d})
    write("report", cases)


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    regression()
    classification()
    curves()
    ranking()
    report()
