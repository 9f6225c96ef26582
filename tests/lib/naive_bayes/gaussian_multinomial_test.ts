import { assert, assertAlmostEquals, assertEquals, assertThrows } from "@std/assert";
import { NotFittedError, ShapeError, ValueError } from "../../../lib/core/errors.ts";
import { loadToyDataset, type ToyDatasetName } from "../../../lib/data/toy.ts";
import { GaussianNB, MultinomialNB } from "../../../lib/naive_bayes/mod.ts";

const fixture = JSON.parse(
  Deno.readTextFileSync(new URL("../../fixtures/lihang_naive_bayes.json", import.meta.url)),
);

function subsets(name: ToyDatasetName, train: number[], test: number[]) {
  const { X, y } = loadToyDataset(name);
  return {
    XTrain: train.map((i) => X[i]),
    yTrain: train.map((i) => y[i]),
    XTest: test.map((i) => X[i]),
  };
}

Deno.test("GaussianNB matches scikit-learn: θ, σ², ε and probabilities to 1e-9", () => {
  for (const c of fixture.gaussian) {
    const { XTrain, yTrain, XTest } = subsets(c.data, c.train, c.test);
    const nb = new GaussianNB({ varSmoothing: c.varSmoothing }).fit(XTrain, yTrain);
    const rel = (a: number, b: number) =>
      assertAlmostEquals(a, b, 1e-12 * Math.max(1, Math.abs(b)));
    nb.theta.data.forEach((v, t) => rel(v, c.theta[t]));
    nb.variance.data.forEach((v, t) => rel(v, c.var[t]));
    rel(nb.epsilon, c.epsilon);
    nb.predictProba(XTest).data.forEach((v, t) => assertAlmostEquals(v, c.predictProba[t], 1e-9));
    // Log-probabilities compare the tiny posteriors too (down to e^-700).
    nb.predictLogProba(XTest).data.forEach((v, t) =>
      assertAlmostEquals(
        v,
        c.predictLogProba[t],
        1e-9 * Math.max(1, Math.abs(c.predictLogProba[t])),
      )
    );
    assertEquals(nb.predict(XTest), c.predict);
  }
});

Deno.test("GaussianNB: a feature constant within a class is saved by varSmoothing", () => {
  const nb = new GaussianNB().fit([[1, 0], [1, 1], [3, 5], [4, 6]], ["a", "a", "b", "b"]);
  assert(nb.variance.get(0, 0) > 0);
  assertEquals(nb.predict([[1, 0.5], [3.5, 5.5]]), ["a", "b"]);
  const proba = nb.predictProba([[2, 3]]);
  assertAlmostEquals(proba.get(0, 0) + proba.get(0, 1), 1, 1e-12);
  const back = GaussianNB.fromJSON(JSON.parse(JSON.stringify(nb)));
  assertEquals(back.predictLogProba([[2, 3]]).toArray(), nb.predictLogProba([[2, 3]]).toArray());
  assertEquals(back.classes, ["a", "b"]);
  const priors = new GaussianNB({ priors: [0.9, 0.1] }).fit([[0], [1], [2], [3]], [0, 0, 1, 1]);
  assertAlmostEquals(priors.classPrior[0], 0.9, 1e-15);
  assertThrows(() => new GaussianNB({ varSmoothing: -1 }), ValueError, "'varSmoothing' option");
  assertThrows(() => new GaussianNB().predict([[0]]), NotFittedError);
  assertThrows(() => nb.predict([[0]]), ShapeError, "X has 1 features, but GaussianNB");
});

Deno.test("MultinomialNB matches scikit-learn on digits (alpha, fitPrior)", () => {
  for (const c of fixture.multinomial) {
    const { XTrain, yTrain, XTest } = subsets(c.data, c.train, c.test);
    const nb = new MultinomialNB({ alpha: c.alpha, fitPrior: c.fitPrior }).fit(XTrain, yTrain);
    nb.classLogPrior.forEach((v, k) => assertAlmostEquals(v, c.classLogPrior[k], 1e-12));
    nb.featureLogProb.data.forEach((v, t) => assertAlmostEquals(v, c.featureLogProb[t], 1e-12));
    nb.predictProba(XTest).data.forEach((v, t) => assertAlmostEquals(v, c.predictProba[t], 1e-9));
    assertEquals(nb.predict(XTest), c.predict);
  }
});

Deno.test("MultinomialNB: counts, smoothing and bad input", () => {
  const nb = new MultinomialNB({ alpha: 1 }).fit([[2, 0], [3, 1], [0, 4]], ["a", "a", "b"]);
  assertEquals(nb.featureCount.toArray(), [[5, 1], [0, 4]]);
  // θ_a = (5 + 1, 1 + 1) / 8, θ_b = (0 + 1, 4 + 1) / 6
  assertAlmostEquals(Math.exp(nb.featureLogProb.get(0, 0)), 6 / 8, 1e-15);
  assertAlmostEquals(Math.exp(nb.featureLogProb.get(1, 1)), 5 / 6, 1e-15);
  assertEquals(nb.predict([[1, 0], [0, 3]]), ["a", "b"]);
  assertThrows(() => nb.predict([[-1, 0]]), ValueError, "non-negative counts");
  assertThrows(() => new MultinomialNB().fit([[1, -2]], [0]), ValueError, "non-negative");
  const back = MultinomialNB.fromJSON(JSON.parse(JSON.stringify(nb)));
  assertEquals(back.predictProba([[1, 1]]).toArray(), nb.predictProba([[1, 1]]).toArray());
  assertThrows(
    () => MultinomialNB.fromJSON({ ...nb.toJSON(), className: "GaussianNB" }),
    ValueError,
  );
});
