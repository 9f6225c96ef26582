/** The functions notebooks/32_naive_bayes.ipynb uses, with the numbers it shows and claims. */
import { assert, assertAlmostEquals, assertEquals } from "@std/assert";
import { loadDigits, loadIris } from "../../lib/data/mod.ts";
import { CategoricalNB, GaussianNB, MultinomialNB } from "../../lib/naive_bayes/mod.ts";
import { headingIs, modelSections, sectionHeadings, sourceNotebook } from "../support/notebooks.ts";

const X1 = [1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3];
const X2 = ["S", "M", "M", "S", "S", "S", "M", "M", "L", "L", "L", "M", "M", "L", "L"];
const Y = [-1, -1, 1, 1, -1, -1, -1, 1, 1, 1, 1, 1, 1, 1, -1];
const X = X1.map((v, i) => [v, X2[i]]);
const x = [[2, "S"]];

Deno.test("notebook has the model sections and reading notes", () => {
  const headings = sectionHeadings(sourceNotebook("32_naive_bayes"));
  for (const s of [...modelSections, "阅读笔记"]) {
    assert(headings.some((h) => headingIs(h, s)), `missing "## ${s}" in ${headings}`);
  }
});

Deno.test("例4.1: counts, 1/45 and 1/15, posterior 3/4 for Y = −1", () => {
  const nb = new CategoricalNB({ alpha: 0 }).fit(X, Y);
  assertEquals(Array.from(nb.classCount), [6, 9]);
  assertEquals(nb.categoryCount[0].toArray(), [[3, 2, 1], [2, 3, 4]]);
  assertEquals(nb.categoryCount[1].toArray(), [[1, 2, 3], [4, 4, 1]]);
  const [neg, pos] = nb.jointScores(x).row(0);
  assertAlmostEquals(pos, 1 / 45, 1e-12);
  assertAlmostEquals(neg, 1 / 15, 1e-12);
  assertEquals((1 / pos).toFixed(0), "45");
  assertAlmostEquals(nb.predictProba(x).get(0, 0), 0.75, 1e-12);
  assertEquals(nb.predict(x), [-1]);
});

Deno.test("例4.2: 10/17 · 4/12 · 2/12 = 0.0327 and 7/17 · 3/9 · 4/9 = 0.0610", () => {
  const nb = new CategoricalNB({ alpha: 1, smoothPrior: true }).fit(X, Y);
  assertEquals(nb.classPrior[1].toFixed(4), (10 / 17).toFixed(4));
  const [neg, pos] = nb.jointScores(x).row(0);
  assertEquals([pos.toFixed(4), neg.toFixed(4)], ["0.0327", "0.0610"]);
  assertEquals(nb.predict(x), [-1]);
});

Deno.test("习题4.1: ℓ(p) = 9 log p + 6 log(1 − p) peaks at the MLE 9/15", () => {
  const logLik = (p: number) => 9 * Math.log(p) + 6 * Math.log(1 - p);
  const mle = new CategoricalNB({ alpha: 0 }).fit(X, Y).classPrior[1];
  assertEquals(mle, 9 / 15);
  for (let t = 1; t < 100; t++) assert(logLik(t / 100) <= logLik(mle) + 1e-12);
  // The same for a conditional: θ = P(X⁽²⁾ = · | Y = 1) maximises Σ_l N_l log θ_l = 4, 4, 1.
  const theta = new CategoricalNB({ alpha: 0 }).fit(X, Y).featureProb[1].row(1);
  const counts = [4, 4, 1];
  const ll = (th: number[]) => counts.reduce((s, n, l) => s + n * Math.log(th[l]), 0);
  for (const shift of [[0.05, -0.05, 0], [0, 0.02, -0.02], [-0.03, 0, 0.03]]) {
    assert(ll(Array.from(theta, (v, l) => v + shift[l])) < ll(Array.from(theta)));
  }
});

Deno.test("习题4.2: P_λ(Y = 1) = (9 + λ)/(15 + 2λ), from 9/15 down to 1/2", () => {
  const lambdas = [0, 0.5, 1, 2, 5, 10, 20, 50, 100, 500];
  const model = lambdas.map((l) =>
    new CategoricalNB({ alpha: l, smoothPrior: true }).fit(X, Y).classPrior[1]
  );
  model.forEach((v, t) => assertAlmostEquals(v, (9 + lambdas[t]) / (15 + 2 * lambdas[t]), 1e-15));
  for (let t = 1; t < model.length; t++) assert(model[t] < model[t - 1] && model[t] > 0.5);
});

Deno.test("smoothing pulls the posterior of every input towards 1/2", () => {
  const mle = new CategoricalNB({ alpha: 0 }).fit(X, Y);
  const lap = new CategoricalNB({ alpha: 1, smoothPrior: true }).fit(X, Y);
  let extremeMle = 0, extremeLap = 0;
  for (const a of [1, 2, 3]) {
    for (const s of ["S", "M", "L"]) {
      extremeMle = Math.max(extremeMle, Math.abs(mle.predictProba([[a, s]]).get(0, 1) - 0.5));
      extremeLap = Math.max(extremeLap, Math.abs(lap.predictProba([[a, s]]).get(0, 1) - 0.5));
    }
  }
  assert(extremeLap < extremeMle, `${extremeLap} vs ${extremeMle}`);
});

Deno.test("GaussianNB on iris petals: the θ shown; MultinomialNB θ rows sum to 1", () => {
  const iris = loadIris();
  const gnb = new GaussianNB().fit(iris.X.map((r) => [r[2], r[3]]), iris.y);
  assertEquals(gnb.theta.toArray().map((r) => r.map((v) => v.toFixed(3))), [
    ["1.462", "0.246"],
    ["4.260", "1.326"],
    ["5.552", "2.026"],
  ]);
  const digits = loadDigits();
  const mnb = new MultinomialNB({ alpha: 1 }).fit(digits.X, digits.y);
  for (let k = 0; k < 10; k++) {
    const sum = Array.from(mnb.featureLogProb.row(k), Math.exp).reduce((a, b) => a + b, 0);
    assertAlmostEquals(sum, 1, 1e-12);
  }
});
