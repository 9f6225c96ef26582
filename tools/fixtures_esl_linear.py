#!/usr/bin/env python3
"""Writes tests/fixtures/esl_linear.json: scikit-learn's Ridge, Lasso, lasso_path, lars_path
(LAR and lasso), PLSRegression, LinearDiscriminantAnalysis and QuadraticDiscriminantAnalysis on
ESL's prostate data (standardised as the book: all 97 rows, sd with n - 1; the 67 training rows),
scikit-learn's diabetes data (data/diabetes.csv) and wine (data/wine.csv).

The prostate file is read from ../shared/data/esl/ (see that directory's README).
Run with Debian's Python:  /usr/bin/python3 tools/fixtures_esl_linear.py
"""
import json
import pathlib

import numpy as np
import sklearn
from sklearn.cross_decomposition import PLSRegression
from sklearn.discriminant_analysis import LinearDiscriminantAnalysis, QuadraticDiscriminantAnalysis
from sklearn.linear_model import Lasso, Ridge, lars_path, lasso_path

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data" / "esl"


def prostate():
    rows = [line.split("\t") for line in (SHARED / "prostate.data").read_text().splitlines()]
    header, body = rows[0], rows[1:]
    names = ["lcavol", "lweight", "age", "lbph", "svi", "lcp", "gleason", "pgg45"]
    cols = [header.index(n) for n in names]  # the header starts with an empty id field
    X = np.array([[float(r[c]) for c in cols] for r in body])
    y = np.array([float(r[header.index("lpsa")]) for r in body])
    train = np.array([r[header.index("train")].strip() in ("T", "1", "TRUE") for r in body])
    Z = (X - X.mean(0)) / X.std(0, ddof=1)
    return Z[train], y[train]


def csv(name):
    lines = (ROOT / "data" / f"{name}.csv").read_text().splitlines()
    values = np.array([[float(v) for v in line.split(",")] for line in lines[1:]])
    return values[:, :-1], values[:, -1]


def path_dict(alphas, coefs, active=None):
    out = {"alphas": alphas.tolist(), "coefs": coefs.tolist()}
    if active is not None:
        out["active"] = [int(a) for a in active]
    return out


X, y = prostate()
Xd, yd = csv("diabetes")
Xc, yc = X - X.mean(0), y - y.mean()
Xdc, ydc = Xd - Xd.mean(0), yd - yd.mean()

out = {"sklearnVersion": sklearn.__version__, "ridge": {}, "lasso": {}}
for alpha in (0.1, 1.0, 10.0, 100.0):
    m = Ridge(alpha=alpha).fit(X, y)
    out["ridge"][str(alpha)] = {"coef": m.coef_.tolist(), "intercept": float(m.intercept_)}
for alpha in (0.01, 0.05, 0.2, 0.5):
    m = Lasso(alpha=alpha, tol=1e-12, max_iter=100000).fit(X, y)
    out["lasso"][str(alpha)] = {"coef": m.coef_.tolist(), "intercept": float(m.intercept_)}

sw = np.array([[1.0, 2.0, 0.0, 3.0, 0.5][i % 5] for i in range(len(y))])
m = Ridge(alpha=1.0).fit(X, y, sample_weight=sw)
out["ridgeWeighted"] = {"coef": m.coef_.tolist(), "intercept": float(m.intercept_)}
m = Lasso(alpha=0.05, tol=1e-12, max_iter=100000).fit(X, y, sample_weight=sw)
out["lassoWeighted"] = {"coef": m.coef_.tolist(), "intercept": float(m.intercept_)}

alphas, coefs, _ = lasso_path(Xc, yc, n_alphas=30, eps=1e-3, tol=1e-12, max_iter=100000)
out["lassoPath"] = path_dict(alphas, coefs)
for method in ("lar", "lasso"):
    a, active, coefs = lars_path(Xc, yc, method=method)
    out[f"larsPath_{method}"] = path_dict(a, coefs, active)
    a, active, coefs = lars_path(Xdc, ydc, method=method)
    out[f"larsPathDiabetes_{method}"] = path_dict(a, coefs, active)

out["pls"] = {}
for scale in (True, False):
    for k in (1, 2, 3):
        m = PLSRegression(n_components=k, scale=scale).fit(X, y)
        x_std = X.std(0, ddof=1) if scale else np.ones(X.shape[1])
        coef = (m._coef_.ravel()) / x_std  # 1.2's coef_ is for standardised X; ours is per unit of X
        out["pls"][f"{k}_{scale}"] = {
            "coef": coef.tolist(),
            "intercept": float(y.mean() - X.mean(0) @ coef),
            "predict": m.predict(X[:5]).ravel().tolist(),
            "transform": m.transform(X[:5]).tolist(),
            "xRotations": m.x_rotations_.tolist(),
        }

Xw, yw = csv("wine")
lda = LinearDiscriminantAnalysis(solver="svd").fit(Xw, yw)
qda = QuadraticDiscriminantAnalysis().fit(Xw, yw)
qda_reg = QuadraticDiscriminantAnalysis(reg_param=0.1).fit(Xw, yw)
rows = [0, 1, 60, 61, 130, 131, 177]
out["wine"] = {
    "rows": rows,
    "lda": {
        "coef": lda.coef_.tolist(),
        "intercept": lda.intercept_.tolist(),
        "means": lda.means_.tolist(),
        "priors": lda.priors_.tolist(),
        "scalings": lda.scalings_.tolist(),
        "explainedVarianceRatio": lda.explained_variance_ratio_.tolist(),
        "transform": lda.transform(Xw[rows]).tolist(),
        "predictProba": lda.predict_proba(Xw[rows]).tolist(),
        "decisionFunction": lda.decision_function(Xw[rows]).tolist(),
        "accuracy": float(lda.score(Xw, yw)),
    },
    "qda": {
        "predictProba": qda.predict_proba(Xw[rows]).tolist(),
        "predictLogProba": qda.predict_log_proba(Xw[rows]).tolist(),
        "accuracy": float(qda.score(Xw, yw)),
    },
    "qdaReg": {"predictProba": qda_reg.predict_proba(Xw[rows]).tolist()},
}
# two classes: the decision function is one column, the log-odds of the second class
mask = yw < 2
lda2 = LinearDiscriminantAnalysis().fit(Xw[mask], yw[mask])
out["wineBinary"] = {
    "coef": lda2.coef_.tolist(),
    "intercept": lda2.intercept_.tolist(),
    "decisionFunction": lda2.decision_function(Xw[rows[:4]]).tolist(),
    "predictProba": lda2.predict_proba(Xw[rows[:4]]).tolist(),
}

# South African heart disease, the seven inputs of ESL Table 4.2
from sklearn.linear_model import LogisticRegression  # noqa: E402

lines = (SHARED / "SAheart.data").read_text().splitlines()
head = lines[0].split(",")
body = [line.split(",") for line in lines[1:]]
names = ["sbp", "tobacco", "ldl", "famhist", "obesity", "alcohol", "age"]
Xh = np.array([[1.0 if r[head.index(n)] == "Present" else 0.0 if r[head.index(n)] == "Absent"
                else float(r[head.index(n)]) for n in names] for r in body])
yh = np.array([int(r[head.index("chd")]) for r in body])
out["saheart"] = {}
for label, kw in (("none", {"penalty": None}), ("C0.1", {"C": 0.1})):
    m = LogisticRegression(solver="newton-cg", tol=1e-12, max_iter=1000, **kw).fit(Xh, yh)
    out["saheart"][label] = {"coef": m.coef_.ravel().tolist(), "intercept": float(m.intercept_[0])}

path = ROOT / "tests" / "fixtures" / "esl_linear.json"
path.write_text(json.dumps(out) + "\n")
print(f"wrote {path} ({path.stat().st_size} bytes)")
