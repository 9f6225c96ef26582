import { assert, assertAlmostEquals, assertEquals, assertThrows } from "@std/assert";
import {
  catchWarnings,
  ConvergenceWarning,
  NotFittedError,
  ValueError,
} from "../../../lib/core/mod.ts";
import { BernoulliMixture } from "../../../lib/mixture/mod.ts";

// 李航 例9.1: the second toss of the three-coin model
const Y = [1, 1, 0, 1, 0, 0, 1, 0, 1, 1].map((v) => [v]);
const fixed = (em: BernoulliMixture) => [
  em.weights[0].toFixed(4),
  em.means.get(0, 0).toFixed(4),
  em.means.get(1, 0).toFixed(4),
];

Deno.test("例9.1 from π = p = q = 0.5: π = 0.5, p = 0.6, q = 0.6 after one iteration", () => {
  const em = new BernoulliMixture({ weightsInit: [0.5, 0.5], meansInit: [0.5, 0.5] }).fit(Y);
  const first = em.history[0];
  assertEquals(first.weights[0], 0.5);
  assertAlmostEquals(first.means[0][0], 0.6, 1e-15);
  assertAlmostEquals(first.means[1][0], 0.6, 1e-15);
  assertEquals(fixed(em), ["0.5000", "0.6000", "0.6000"]); // and it stays there
  assert(em.converged);
});

Deno.test("例9.1 from π = 0.4, p = 0.6, q = 0.7: π = 0.4064, p = 0.5368, q = 0.6432", () => {
  const em = new BernoulliMixture({ weightsInit: [0.4, 0.6], meansInit: [[0.6], [0.7]] }).fit(Y);
  const h = em.history[0];
  assertEquals([h.weights[0].toFixed(4), h.means[0][0].toFixed(4), h.means[1][0].toFixed(4)], [
    "0.4064",
    "0.5368",
    "0.6432",
  ]);
  assertEquals(fixed(em), ["0.4064", "0.5368", "0.6432"]);
  // the first E step's μ for y = 1 and y = 0 (9.5): 0.4·0.6/(0.4·0.6 + 0.6·0.7) and 0.4·0.4/(0.4·0.4 + 0.6·0.3)
  const start = new BernoulliMixture({
    weightsInit: [0.4, 0.6],
    meansInit: [0.6, 0.7],
    maxIter: 1,
    tol: 0,
  });
  const { result } = catchWarnings(() => start.fit(Y));
  assertAlmostEquals(result.history[0].weights[0], (6 * 0.24 / 0.66 + 4 * 0.16 / 0.34) / 10, 1e-15);
});

Deno.test("习题9.1: from π = 0.46, p = 0.55, q = 0.67 EM gives π = 0.4619, p = 0.5346, q = 0.6561", () => {
  const em = new BernoulliMixture({ weightsInit: [0.46, 0.54], meansInit: [0.55, 0.67] }).fit(Y);
  assertEquals(fixed(em), ["0.4619", "0.5346", "0.6561"]);
  // every fixed point explains the data equally well: π p + (1 − π) q = 0.6 = the frequency of 1
  const w = em.weights, m = em.means;
  assertAlmostEquals(w[0] * m.get(0, 0) + w[1] * m.get(1, 0), 0.6, 1e-12);
  assertAlmostEquals(em.score(Y), 0.6 * Math.log(0.6) + 0.4 * Math.log(0.4), 1e-12);
});

Deno.test("the log-likelihood never decreases; responsibilities sum to 1", () => {
  const X = [[1, 0, 1], [1, 1, 1], [0, 0, 1], [0, 0, 0], [1, 1, 0], [0, 1, 0], [1, 1, 1], [
    0,
    0,
    0,
  ]];
  const em = new BernoulliMixture({
    nComponents: 2,
    meansInit: [[0.6, 0.5, 0.4], [0.3, 0.4, 0.6]],
    tol: 0,
    maxIter: 200,
  });
  const { result } = catchWarnings(() => em.fit(X));
  const ll = result.history.map((h) => h.logLikelihood);
  for (let t = 1; t < ll.length; t++) assert(ll[t] >= ll[t - 1] - 1e-12, `step ${t}`);
  const P = em.predictProba(X);
  for (let i = 0; i < P.rows; i++) assertAlmostEquals(P.get(i, 0) + P.get(i, 1), 1, 1e-12);
  assertEquals(em.predict(X).length, X.length);
});

Deno.test("bad input and non-convergence", () => {
  // without meansInit: seeded random starting means
  assertEquals(
    new BernoulliMixture({ seed: 3 }).fit(Y).means,
    new BernoulliMixture({ seed: 3 }).fit(Y).means,
  );
  const bin = new BernoulliMixture({
    binarize: 0.5,
    meansInit: [0.6, 0.7],
    weightsInit: [0.4, 0.6],
  });
  assertEquals(
    bin.fit(Y.map(([v]) => [v * 0.8 + 0.1])).weights,
    new BernoulliMixture({ meansInit: [0.6, 0.7], weightsInit: [0.4, 0.6] }).fit(Y).weights,
  );
  assertThrows(
    () => new BernoulliMixture({ meansInit: [0.5, 0.5] }).fit([[2], [0]]),
    ValueError,
    "0/1",
  );
  assertThrows(() => new BernoulliMixture({ weightsInit: [0.5, 0.6] }), ValueError, "sum to 1");
  assertThrows(() => new BernoulliMixture({ meansInit: [1.5, 0.5] }).fit(Y), ValueError, "[0, 1]");
  assertThrows(() => new BernoulliMixture({ meansInit: [0.5, 0.5] }).score(Y), NotFittedError);
  const { warnings } = catchWarnings(() =>
    new BernoulliMixture({
      weightsInit: [0.3, 0.7],
      meansInit: [[0.2, 0.9], [0.8, 0.1]],
      maxIter: 2,
      tol: 0,
    })
      .fit([[1, 0], [0, 1], [1, 1], [0, 0]])
  );
  assert(warnings[0] instanceof ConvergenceWarning);
  const em = new BernoulliMixture({ weightsInit: [0.4, 0.6], meansInit: [0.6, 0.7] }).fit(Y);
  assertEquals(BernoulliMixture.fromJSON(JSON.stringify(em)).means, em.means);
});
