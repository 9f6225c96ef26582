/** LDA and QDA against scikit-learn's on wine (tests/fixtures/esl_linear.json). */
import {
  assertAlmostEquals,
  assertEquals,
  assertLess,
  assertStringIncludes,
  assertThrows,
} from "@std/assert";
import {
  catchWarnings,
  LinearDiscriminantAnalysis,
  loadWine,
  Matrix,
  QuadraticDiscriminantAnalysis,
  ValueError,
} from "../../../lib/mod.ts";
import { FIXTURE, maxDiff } from "../linear/esl_helpers.ts";

const wine = loadWine();
const W = FIXTURE.wine;
const rows = Matrix.from2D(wine.X).selectRows(W.rows);

/** Flips each column of `a` to the sign of the same column of `ref` (SVD signs are arbitrary). */
function alignSigns(a: Matrix, ref: number[][]): Matrix {
  const signs = Array.from({ length: a.cols }, (_, c) => {
    let dot = 0;
    for (let i = 0; i < a.rows; i++) dot += a.get(i, c) * ref[i][c];
    return Math.sign(dot) || 1;
  });
  return a.map((v, _i, c) => v * signs[c]);
}

Deno.test("LDA matches scikit-learn's svd solver on wine (coef, proba, scalings, transform)", () => {
  const lda = new LinearDiscriminantAnalysis().fit(wine.X, wine.y);
  const ref = W.lda;
  assertLess(maxDiff(lda.means, ref.means), 1e-12);
  assertLess(maxDiff(lda.priors, ref.priors), 1e-15);
  assertLess(maxDiff(lda.coef, ref.coef), 1e-8);
  assertLess(maxDiff(lda.intercept, ref.intercept), 1e-8);
  assertLess(maxDiff(lda.decisionFunction(rows), ref.decisionFunction), 1e-8);
  assertLess(maxDiff(lda.predictProba(rows), ref.predictProba), 1e-10);
  assertLess(maxDiff(lda.explainedVarianceRatio, ref.explainedVarianceRatio), 1e-12);
  assertLess(maxDiff(alignSigns(lda.scalings, ref.scalings), ref.scalings), 1e-10);
  assertLess(maxDiff(alignSigns(lda.transform(rows), ref.transform), ref.transform), 1e-10);
  assertAlmostEquals(lda.score(wine.X, wine.y), ref.accuracy, 1e-15);
});

Deno.test("LDA: projected within-class covariance is the identity; two classes give log-odds", () => {
  const lda = new LinearDiscriminantAnalysis({ nComponents: 2 }).fit(wine.X, wine.y);
  const Z = lda.transform(wine.X);
  const cov = [[0, 0], [0, 0]];
  const mean = lda.means.matmul(lda.scalings).broadcastRow(
    Matrix.row(lda.priors).matmul(lda.means).matmul(lda.scalings).row(0),
    (a, b) => a - b,
  );
  wine.y.forEach((g, i) => {
    for (let a = 0; a < 2; a++) {
      for (let b = 0; b < 2; b++) {
        cov[a][b] += (Z.get(i, a) - mean.get(g, a)) * (Z.get(i, b) - mean.get(g, b));
      }
    }
  });
  assertLess(maxDiff(cov.map((r) => r.map((v) => v / (178 - 3))), [[1, 0], [0, 1]]), 1e-10);
  const two = wine.y.map((g, i) => [g, i]).filter(([g]) => g < 2).map(([, i]) => i);
  const lda2 = new LinearDiscriminantAnalysis().fit(
    two.map((i) => wine.X[i]),
    two.map((i) => wine.y[i]),
  );
  const ref = FIXTURE.wineBinary;
  const first = Matrix.from2D(wine.X).selectRows(W.rows.slice(0, 4));
  assertLess(maxDiff(lda2.coef, ref.coef), 1e-8);
  assertLess(maxDiff(lda2.decisionFunction(first).data, ref.decisionFunction), 1e-8);
  assertLess(maxDiff(lda2.predictProba(first), ref.predictProba), 1e-10);
  assertThrows(
    () => new LinearDiscriminantAnalysis({ nComponents: 3 }).fit(wine.X, wine.y),
    ValueError,
    "<= min(nClasses - 1, nFeatures) = 2",
  );
});

Deno.test("QDA matches scikit-learn's on wine, with and without regularisation", () => {
  const qda = new QuadraticDiscriminantAnalysis().fit(wine.X, wine.y);
  assertLess(maxDiff(qda.predictProba(rows), W.qda.predictProba), 1e-10);
  assertLess(maxDiff(qda.predictLogProba(rows), W.qda.predictLogProba), 1e-8);
  assertAlmostEquals(qda.score(wine.X, wine.y), W.qda.accuracy, 1e-15);
  const reg = new QuadraticDiscriminantAnalysis({ regParam: 0.1 }).fit(wine.X, wine.y);
  assertLess(maxDiff(reg.predictProba(rows), W.qdaReg.predictProba), 1e-10);
  // the covariances are the unbiased class covariances
  const c0 = qda.covariances[0];
  const class0 = wine.X.filter((_, i) => wine.y[i] === 0).map((r) => r[0]);
  const m0 = class0.reduce((a, b) => a + b, 0) / class0.length;
  const v0 = class0.reduce((a, b) => a + (b - m0) ** 2, 0) / (class0.length - 1);
  assertAlmostEquals(c0.get(0, 0), v0, 1e-10);
});

Deno.test("QDA warns on a singular class covariance and predicts; priors must sum to 1", () => {
  const X = [[0, 0], [1, 1], [2, 2], [5, 1], [6, 3], [7, 2]];
  const y = [0, 0, 0, 1, 1, 1];
  const caught = catchWarnings(() => new QuadraticDiscriminantAnalysis().fit(X, y));
  assertEquals(caught.warnings.length, 1);
  assertStringIncludes(
    caught.warnings[0].message,
    "variables are collinear in class 0 (covariance rank 1 < 2)",
  );
  assertEquals(caught.result.predict([[1, 1], [6, 2]]), [0, 1]);
  new QuadraticDiscriminantAnalysis({ regParam: 0.5 }).fit(X, y);
  assertThrows(
    () => new LinearDiscriminantAnalysis({ priors: [0.5, 0.6] }).fit(X, y),
    ValueError,
    "2 positive numbers summing to 1",
  );
  const restored = QuadraticDiscriminantAnalysis.fromJSON(
    JSON.parse(JSON.stringify(new QuadraticDiscriminantAnalysis({ regParam: 0.5 }).fit(X, y))),
  );
  assertEquals(restored.predict([[1, 0.5], [6, 2]]), [0, 1]);
});
