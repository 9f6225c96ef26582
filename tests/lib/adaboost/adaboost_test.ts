import { assert, assertAlmostEquals, assertEquals, assertThrows } from "@std/assert";
import { NotFittedError, ValueError } from "../../../lib/core/mod.ts";
import { AdaBoostClassifier, DecisionStump } from "../../../lib/adaboost/mod.ts";
import { DecisionTreeClassifier } from "../../../lib/tree/mod.ts";
import type { Matrix } from "../../../lib/core/mod.ts";

// 李航 例8.1 (表8.2)
const X81 = Array.from({ length: 10 }, (_, i) => [i]);
const y81 = [1, 1, 1, -1, -1, -1, 1, 1, 1, -1];

Deno.test("例8.1 round by round: v, eₘ, αₘ, Dₘ and the training error of sign(fₘ)", () => {
  const ada = new AdaBoostClassifier({ nEstimators: 3, algorithm: "book" }).fit(X81, y81);
  const stumps = ada.estimators as DecisionStump[];
  // G₁: x < 2.5 → 1; G₂: x < 8.5 → 1; G₃: x < 5.5 → −1 (class index 1 is +1)
  assertEquals(stumps.map((s) => [s.threshold, s.left, s.right]), [[2.5, 1, 0], [8.5, 1, 0], [
    5.5,
    0,
    1,
  ]]);
  const e = ada.estimatorErrors, a = ada.estimatorWeights;
  assertAlmostEquals(e[0], 0.3, 1e-15);
  assertAlmostEquals(e[1], 3 / 14, 1e-15); // the book's 0.2143
  assertAlmostEquals(e[2], 2 / 11, 1e-15); // the book prints 0.1820: 4 × its rounded 0.0455
  assertEquals(Array.from(a, (v) => v.toFixed(4)).slice(0, 2), ["0.4236", "0.6496"]);
  assertAlmostEquals(a[2], 0.5 * Math.log(4.5), 1e-15); // ½ log((1 − 2/11)/(2/11)) = 0.7520
  // the book's α₃ = 0.7514 is ½ log((1 − 0.1820)/0.1820), from the rounded e₃
  assertEquals((0.5 * Math.log((1 - 0.182) / 0.182)).toFixed(4), "0.7514");
  const D = ada.sampleWeights.map((d) => Array.from(d, (v) => v.toFixed(5)));
  assertEquals(D[1], [...Array(6).fill("0.07143"), ...Array(3).fill("0.16667"), "0.07143"]);
  assertEquals(D[2], [
    ...Array(3).fill("0.04545"),
    ...Array(3).fill("0.16667"),
    ...Array(3).fill("0.10606"),
    "0.04545",
  ]); // the book: 0.0455, 0.1667, 0.1060
  // sign(f₁), sign(f₂) misclassify 3 points, sign(f₃) none
  assertEquals(ada.stagedScore(X81, y81), [0.7, 0.7, 1]);
  // f₃(x) = 0.4236 G₁(x) + 0.6496 G₂(x) + 0.7520 G₃(x)
  const f = ada.decisionFunction(X81) as Float64Array;
  assertAlmostEquals(f[0], a[0] + a[1] - a[2], 1e-15);
  assertAlmostEquals(f[6], -a[0] + a[1] + a[2], 1e-15);
  assertEquals(ada.predict(X81), y81);
});

Deno.test("SAMME on two classes picks the same stumps with α doubled", () => {
  const book = new AdaBoostClassifier({ nEstimators: 5, algorithm: "book" }).fit(X81, y81);
  const samme = new AdaBoostClassifier({ nEstimators: 5 }).fit(X81, y81);
  book.estimatorErrors.forEach((v, t) => assertAlmostEquals(samme.estimatorErrors[t], v, 1e-12));
  book.estimatorWeights.forEach((v, t) =>
    assertAlmostEquals(samme.estimatorWeights[t], 2 * v, 1e-12)
  );
  assertEquals(samme.predict(X81), book.predict(X81));
});

interface Case {
  name: string;
  nEstimators: number;
  learningRate: number;
  X: number[][];
  y: number[];
  weights: number[];
  errors: number[];
  features: number[];
  thresholds: number[];
  decision: number[] | number[][];
  predict: number[];
  staged: number[];
}
const fixture = JSON.parse(
  Deno.readTextFileSync(new URL("../../fixtures/adaboost_sklearn.json", import.meta.url)),
) as { cases: Case[] };

for (const c of fixture.cases) {
  Deno.test(`scikit-learn AdaBoostClassifier(SAMME, depth-1 trees): ${c.name}`, () => {
    const ada = new AdaBoostClassifier({
      nEstimators: c.nEstimators,
      learningRate: c.learningRate,
      estimator: () => new DecisionStump({ criterion: "gini" }),
    }).fit(c.X, c.y);
    const stumps = ada.estimators as DecisionStump[];
    assertEquals(stumps.map((s) => s.feature), c.features);
    // scikit-learn stores float32 thresholds
    stumps.forEach((s, t) => assertAlmostEquals(s.threshold, c.thresholds[t], 1e-6));
    ada.estimatorWeights.forEach((v, t) => assertAlmostEquals(v, c.weights[t], 1e-9));
    ada.estimatorErrors.forEach((v, t) => assertAlmostEquals(v, c.errors[t], 1e-9));
    const dec = ada.decisionFunction(c.X);
    const got = dec instanceof Float64Array ? dec : dec.data;
    c.decision.flat().forEach((v, i) => assertAlmostEquals(got[i], v, 1e-9));
    assertEquals(ada.predict(c.X), c.predict);
    ada.stagedScore(c.X, c.y).forEach((v, t) => assertAlmostEquals(v, c.staged[t], 1e-12));
  });
}

Deno.test("the stump's Gini and error rules; sample weights move the threshold", () => {
  const X = [[1], [2], [3], [4]], y = [0, 0, 1, 1];
  assertEquals(new DecisionStump().fit(X, y).threshold, 2.5);
  const w = new DecisionStump().fit(X, [0, 1, 0, 1], { sampleWeight: [1, 5, 1, 5] });
  assertEquals([w.threshold, w.left, w.right], [1.5, 0, 1]);
  const g = new DecisionStump({ criterion: "gini" }).fit([[0, 5], [1, 4], [2, 3]], [0, 1, 1]);
  assertEquals([g.feature, g.threshold], [0, 0.5]);
});

Deno.test("a perfect first learner stops boosting; chance-level learners are refused", () => {
  const perfect = new AdaBoostClassifier({ nEstimators: 10 }).fit([[0], [1], [2], [3]], [
    "a",
    "a",
    "b",
    "b",
  ]);
  assertEquals(
    [perfect.estimators.length, perfect.estimatorWeights[0], perfect.estimatorErrors[0]],
    [1, 1, 0],
  );
  assertEquals(perfect.predict([[0.2], [2.7]]), ["a", "b"]);
  assertThrows(
    () => new AdaBoostClassifier().fit([[0], [0], [0], [0]], [0, 1, 0, 1]),
    ValueError,
    "no better than chance",
  );
});

Deno.test("JSON round trip, sample weights, errors", () => {
  const ada = new AdaBoostClassifier({ nEstimators: 4 }).fit(X81, y81, {
    sampleWeight: [1, 1, 1, 1, 1, 1, 1, 1, 1, 3],
  });
  const back = AdaBoostClassifier.fromJSON(JSON.stringify(ada));
  assertEquals(back.decisionFunction(X81), ada.decisionFunction(X81));
  assert(back.isFitted);
  assertThrows(() => new AdaBoostClassifier().predict(X81), NotFittedError);
  assertThrows(() => new AdaBoostClassifier({ nEstimators: 0 }), ValueError, "nEstimators");
  assertThrows(
    () => new AdaBoostClassifier({ algorithm: "book" }).fit([[0], [1], [2]], [0, 1, 2]),
    ValueError,
    "SAMME",
  );
  assertThrows(() => ada.fit(X81, y81, { sampleWeight: [1, 2] }), Error, "sampleWeight");
  // any learner with fit(X, y, { sampleWeight }) and predict(X) boosts; only stumps are saved
  const wrapped = () => {
    const s = new DecisionStump();
    return { fit: s.fit.bind(s), predict: s.predict.bind(s) };
  };
  const custom = new AdaBoostClassifier({ nEstimators: 3, algorithm: "book", estimator: wrapped })
    .fit(X81, y81);
  assertEquals(custom.predict(X81), y81);
  assertThrows(() => custom.toJSON(), ValueError, "DecisionStump");
});

Deno.test("the shared DecisionTreeClassifier (maxDepth 1, sample weights) as base learner matches scikit-learn", () => {
  for (const c of fixture.cases) {
    const ada = new AdaBoostClassifier({
      nEstimators: c.nEstimators,
      learningRate: c.learningRate,
      estimator: () => new DecisionTreeClassifier({ maxDepth: 1 }),
    }).fit(c.X, c.y);
    ada.estimatorWeights.forEach((v, t) => assertAlmostEquals(v, c.weights[t], 1e-9));
    assertEquals(ada.predict(c.X), c.predict);
  }
});

Deno.test("predictProba: softmax of the normalised vote, as scikit-learn's SAMME", () => {
  const c = fixture.cases[1];
  const ada = new AdaBoostClassifier({ nEstimators: c.nEstimators }).fit(c.X, c.y);
  const P = ada.predictProba(c.X), F = ada.decisionFunction(c.X) as Matrix;
  for (let i = 0; i < 5; i++) {
    const e = F.row(i).map((v) => Math.exp(v / 2));
    const s = e.reduce((a, b) => a + b, 0);
    e.forEach((v, k) => assertAlmostEquals(P.get(i, k), v / s, 1e-12));
  }
  const book = new AdaBoostClassifier({ nEstimators: 3, algorithm: "book" }).fit(X81, y81);
  const samme = new AdaBoostClassifier({ nEstimators: 3 }).fit(X81, y81);
  book.predictProba(X81).data.forEach((v, k) =>
    assertAlmostEquals(samme.predictProba(X81).data[k], v, 1e-12)
  );
});
