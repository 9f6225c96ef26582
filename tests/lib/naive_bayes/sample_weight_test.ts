/**
 * GaussianNB's varSmoothing where a feature has no variance within a class (or a class has one
 * sample), and sample weights in GaussianNB/MultinomialNB, against scikit-learn 1.2
 * (tools/fixtures_sample_weight.py).
 */
import { assert, assertAlmostEquals, assertEquals, assertThrows } from "@std/assert";
import { Matrix, ValueError } from "../../../lib/core/mod.ts";
import { loadIris } from "../../../lib/data/mod.ts";
import { CategoricalNB, GaussianNB, MultinomialNB } from "../../../lib/naive_bayes/mod.ts";

const fixture = JSON.parse(
  Deno.readTextFileSync(new URL("../../fixtures/sample_weight_sklearn.json", import.meta.url)),
);

function maxRelDiff(a: number[][], b: number[][]): number {
  let d = 0;
  a.forEach((r, i) =>
    r.forEach((v, j) => (d = Math.max(d, Math.abs(v - b[i][j]) / Math.max(1, Math.abs(b[i][j])))))
  );
  return d;
}

const rows = (m: Matrix) => m.toArray();

Deno.test("GaussianNB predicts with a feature constant within a class and one sample per class", () => {
  for (const c of fixture.naiveBayes.filter((c: { case: string }) => c.case !== "weightedIris")) {
    if (c.model !== "GaussianNB") continue;
    const nb = new GaussianNB({ varSmoothing: c.varSmoothing }).fit(c.X, c.y);
    assertAlmostEquals(nb.epsilon, c.epsilon, 1e-15 + 1e-12 * c.epsilon);
    assert(maxRelDiff(rows(nb.theta), c.theta) < 1e-14);
    assert(maxRelDiff(rows(nb.variance), c.variance) < 1e-12);
    const P = rows(nb.predictProba(c.Xpredict));
    assert(maxRelDiff(P, c.predictProba) < 1e-9, `${c.case} ${c.varSmoothing}`);
    assertEquals(nb.predict(c.Xpredict).length, c.Xpredict.length);
  }
});

Deno.test("GaussianNB on one sample (no variance anywhere) and with varSmoothing 0", () => {
  const nb = new GaussianNB().fit([[1, 2]], ["a"]);
  assertEquals(nb.predict([[1, 2], [5, 5]]), ["a", "a"]);
  assertEquals(nb.epsilon, 1e-9); // varSmoothing × 1 when every feature is constant
  assertThrows(
    () => new GaussianNB({ varSmoothing: 0 }).fit([[0, 1], [0, 2], [1, 3]], [0, 0, 1]),
    ValueError,
    "varSmoothing > 0",
  );
});

Deno.test("weighted GaussianNB and MultinomialNB equal scikit-learn's on iris", () => {
  const { X, y } = loadIris();
  const gauss = fixture.naiveBayes.find((c: { case: string }) => c.case === "weightedIris");
  const g = new GaussianNB().fit(X, y, { sampleWeight: gauss.sampleWeight });
  assert(maxRelDiff(rows(g.theta), gauss.theta) < 1e-12);
  assert(maxRelDiff(rows(g.variance), gauss.variance) < 1e-10);
  Array.from(g.classCount).forEach((n, k) => assertAlmostEquals(n, gauss.classCount[k], 1e-9));
  assert(maxRelDiff(rows(g.predictProba(X)), gauss.predictProba) < 1e-9);
  const multi = fixture.naiveBayes.find((c: { case: string }) => c.case === "weightedIrisCounts");
  const counts = X.map((r) => r.map((v) => Math.round(10 * v)));
  const m = new MultinomialNB({ alpha: multi.alpha }).fit(counts, y, {
    sampleWeight: multi.sampleWeight,
  });
  assert(maxRelDiff(rows(m.featureLogProb), multi.featureLogProb) < 1e-12);
  assert(maxRelDiff(rows(m.predictProba(counts)), multi.predictProba) < 1e-9);
});

Deno.test("naive Bayes: integer weights equal repeated rows; a class of weight 0 is refused", () => {
  const X = [[1, 0, 2], [0, 3, 1], [2, 2, 0], [1, 1, 1], [0, 0, 4], [3, 1, 0]];
  const y = ["a", "b", "a", "b", "a", "b"], w = [2, 1, 1, 0, 1, 2]; // row 3: every category seen elsewhere
  const Xr = X.flatMap((r, i) => Array(w[i]).fill(r)),
    yr = y.flatMap((v, i) => Array(w[i]).fill(v));
  for (const Model of [MultinomialNB, CategoricalNB]) {
    const seen = X.filter((_, i) => w[i] > 0); // CategoricalNB refuses unseen categories
    const a = new Model().fit(X, y, { sampleWeight: w }).predictProba(seen).toArray();
    const b = new Model().fit(Xr, yr).predictProba(seen).toArray();
    assert(maxRelDiff(a, b) < 1e-12, Model.name);
  }
  assertThrows(
    () => new GaussianNB().fit(X, y, { sampleWeight: [0, 1, 0, 1, 0, 1] }),
    ValueError,
    'Class "a" has total sampleWeight 0',
  );
});
