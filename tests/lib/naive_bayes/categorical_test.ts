import { assert, assertAlmostEquals, assertEquals, assertThrows } from "@std/assert";
import { NotFittedError, ShapeError, ValueError } from "../../../lib/core/errors.ts";
import { CategoricalNB } from "../../../lib/naive_bayes/mod.ts";

// 李航 例4.1: X⁽¹⁾ ∈ {1, 2, 3}, X⁽²⁾ ∈ {S, M, L}, Y ∈ {1, −1}
const X1 = [1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3];
const X2 = ["S", "M", "M", "S", "S", "S", "M", "M", "L", "L", "L", "M", "M", "L", "L"];
const Y = [-1, -1, 1, 1, -1, -1, -1, 1, 1, 1, 1, 1, 1, 1, -1];
const X = X1.map((v, i) => [v, X2[i]]);
const x = [[2, "S"]];

Deno.test("例4.1 (λ = 0, maximum likelihood): 1/45 for Y = 1, 1/15 for Y = −1, predict −1", () => {
  const nb = new CategoricalNB({ alpha: 0 }).fit(X, Y);
  assertEquals(nb.classes, [-1, 1]);
  assertEquals(Array.from(nb.classPrior), [6 / 15, 9 / 15]);
  const [neg, pos] = nb.jointScores(x).row(0);
  assertAlmostEquals(pos, 1 / 45, 1e-12);
  assertAlmostEquals(neg, 1 / 15, 1e-12);
  assertEquals(nb.predict(x), [-1]);
  // The book's conditional probabilities, e.g. P(X⁽²⁾ = S | Y = 1) = 1/9, P(X⁽¹⁾ = 2 | Y = −1) = 2/6.
  assertEquals(nb.categories, [[1, 2, 3], ["L", "M", "S"]]);
  const [p1, p2] = nb.featureProb;
  assertEquals(p1.toArray(), [[3 / 6, 2 / 6, 1 / 6], [2 / 9, 3 / 9, 4 / 9]]);
  assertEquals(p2.toArray(), [[1 / 6, 2 / 6, 3 / 6], [4 / 9, 4 / 9, 1 / 9]]);
  // Normalised posterior: (1/15) / (1/15 + 1/45) = 3/4.
  assertAlmostEquals(nb.predictProba(x).get(0, 0), 0.75, 1e-12);
});

Deno.test("例4.2 (λ = 1, Bayesian estimate): priors 10/17, 7/17; scores 0.0327, 0.0610", () => {
  const nb = new CategoricalNB({ alpha: 1, smoothPrior: true }).fit(X, Y);
  const [priorNeg, priorPos] = nb.classPrior;
  assertAlmostEquals(priorPos, 10 / 17, 1e-15);
  assertAlmostEquals(priorNeg, 7 / 17, 1e-15);
  const [p1, p2] = nb.featureProb;
  assertAlmostEquals(p1.get(1, 1), 4 / 12, 1e-15); // P(X⁽¹⁾ = 2 | Y = 1)
  assertAlmostEquals(p2.get(1, 2), 2 / 12, 1e-15); // P(X⁽²⁾ = S | Y = 1)
  assertAlmostEquals(p1.get(0, 1), 3 / 9, 1e-15); // P(X⁽¹⁾ = 2 | Y = −1)
  assertAlmostEquals(p2.get(0, 2), 4 / 9, 1e-15); // P(X⁽²⁾ = S | Y = −1)
  const [neg, pos] = nb.jointScores(x).row(0);
  assertAlmostEquals(pos, (10 / 17) * (4 / 12) * (2 / 12), 1e-15);
  assertAlmostEquals(neg, (7 / 17) * (3 / 9) * (4 / 9), 1e-15);
  assertEquals(pos.toFixed(4), "0.0327");
  assertEquals(neg.toFixed(4), "0.0610");
  assertEquals(nb.predict(x), [-1]);
  // jointScores and the log path agree.
  const jll = nb.predictJointLogProba(x).row(0);
  assertAlmostEquals(Math.exp(jll[1]), pos, 1e-15);
});

Deno.test("default prior is the class frequency (scikit-learn); fitPrior/classPrior options", () => {
  const freq = new CategoricalNB().fit(X, Y);
  assertEquals(Array.from(freq.classPrior), [6 / 15, 9 / 15]);
  const uniform = new CategoricalNB({ fitPrior: false }).fit(X, Y);
  assertEquals(Array.from(uniform.classPrior), [0.5, 0.5]);
  const given = new CategoricalNB({ classPrior: [0.2, 0.8] }).fit(X, Y);
  assertEquals(Array.from(given.classPrior), [0.2, 0.8]);
  assertThrows(
    () => new CategoricalNB({ classPrior: [0.2, 0.9] }).fit(X, Y),
    ValueError,
    "sum to 1",
  );
  assertThrows(
    () => new CategoricalNB({ classPrior: [1] }).fit(X, Y),
    ValueError,
    "one probability",
  );
});

Deno.test("categories may be strings or numbers; string labels work", () => {
  const coded = X.map(([a, b]) => [String(a), ({ S: 0, M: 1, L: 2 } as Record<string, number>)[b]]);
  const nb = new CategoricalNB({ alpha: 0 }).fit(coded, Y.map((v) => (v > 0 ? "yes" : "no")));
  assertEquals(nb.classes, ["no", "yes"]);
  const [neg, pos] = nb.jointScores([["2", 0]]).row(0);
  assertAlmostEquals(pos, 1 / 45, 1e-12);
  assertAlmostEquals(neg, 1 / 15, 1e-12);
  assertEquals(nb.predict([["2", 0]]), ["no"]);
});

Deno.test("λ = 0 can zero out every class; λ > 0 never does (why smoothing, §4.2.3)", () => {
  // A value seen only with one class, combined with a value seen only with the other.
  const nb = new CategoricalNB({ alpha: 0 }).fit([["a", "p"], ["b", "q"]], [0, 1]);
  assertEquals(nb.jointScores([["a", "q"]]).toArray(), [[0, 0]]);
  assertThrows(() => nb.predict([["a", "q"]]), ValueError, "probability 0 under every class");
  const smooth = new CategoricalNB({ alpha: 1 }).fit([["a", "p"], ["b", "q"]], [0, 1]);
  const proba = smooth.predictProba([["a", "q"]]).row(0);
  assertAlmostEquals(proba[0], 0.5, 1e-12);
  assert(proba.every((v) => v > 0));
});

Deno.test("matches scikit-learn's CategoricalNB on quartile-coded iris", () => {
  const fixture = JSON.parse(
    Deno.readTextFileSync(new URL("../../fixtures/lihang_naive_bayes.json", import.meta.url)),
  );
  for (const c of fixture.categorical) {
    const Xtr = c.train.map((i: number) => c.X[i]), ytr = c.train.map((i: number) => c.y[i]);
    const Xte = c.test.map((i: number) => c.X[i]);
    const nb = new CategoricalNB({ alpha: c.alpha }).fit(Xtr, ytr);
    nb.classLogPrior.forEach((v, k) => assertAlmostEquals(v, c.classLogPrior[k], 1e-12));
    nb.featureLogProb.forEach((m, j) =>
      m.data.forEach((v, t) => assertAlmostEquals(v, c.featureLogProb[j][t], 1e-12))
    );
    nb.predictProba(Xte).data.forEach((v, t) => assertAlmostEquals(v, c.predictProba[t], 1e-12));
    assertEquals(nb.predict(Xte), c.predict);
  }
});

Deno.test("round-trips through JSON", () => {
  const nb = new CategoricalNB({ alpha: 1, smoothPrior: true }).fit(X, Y);
  const back = CategoricalNB.fromJSON(JSON.parse(JSON.stringify(nb)));
  assertEquals(back.jointScores(x).toArray(), nb.jointScores(x).toArray());
  assertEquals(back.categories, nb.categories);
});

Deno.test("bad input gives clear errors", () => {
  const nb = new CategoricalNB().fit(X, Y);
  assertThrows(() => nb.predict([[2, "XL"]]), ValueError, 'category "XL" in feature 1');
  assertThrows(() => nb.predict([[2]]), ShapeError, "X has 1 features, but CategoricalNB");
  assertThrows(() => new CategoricalNB().fit([[1, "S"], [2]], [0, 1]), ShapeError, "ragged");
  assertThrows(() => new CategoricalNB().fit([[1, NaN]], [0]), ValueError, "NaN");
  assertThrows(() => new CategoricalNB().fit(X, Y.slice(1)), ShapeError, "y has 14 values");
  assertThrows(() => new CategoricalNB({ alpha: -1 }), ValueError, "'alpha' option");
  assertThrows(() => new CategoricalNB().predict(x), NotFittedError);
});
