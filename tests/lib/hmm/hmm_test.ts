import { assert, assertAlmostEquals, assertEquals, assertThrows } from "@std/assert";
import { catchWarnings, ConvergenceWarning, ValueError } from "../../../lib/core/mod.ts";
import { CategoricalHMM } from "../../../lib/hmm/mod.ts";

// 李航 例10.2: red = 0, white = 1
const BOXES = {
  startProb: [0.2, 0.4, 0.4],
  transmat: [[0.5, 0.2, 0.3], [0.3, 0.5, 0.2], [0.2, 0.3, 0.5]],
  emissionProb: [[0.5, 0.5], [0.4, 0.6], [0.7, 0.3]],
};
const fixedRows = (rows: number[][], d: number) => rows.map((r) => r.map((v) => v.toFixed(d)));

Deno.test("例10.2: α₁, α₂, α₃ and P(O|λ) = 0.130218, forward and backward", () => {
  const hmm = new CategoricalHMM(BOXES);
  const alpha = hmm.forward([0, 1, 0]).toArray();
  [[0.10, 0.16, 0.28], [0.077, 0.1104, 0.0606]].forEach((row, t) =>
    row.forEach((v, i) => assertAlmostEquals(alpha[t][i], v, 1e-12))
  );
  // the book prints α₃ to 5 decimals: 0.041870, 0.035512, 0.052836
  assertEquals(fixedRows(alpha, 5)[2], ["0.04187", "0.03551", "0.05284"]);
  assertAlmostEquals(hmm.probability([0, 1, 0]), 0.130218, 1e-12);
  assertAlmostEquals(hmm.probability([0, 1, 0], { method: "backward" }), 0.130218, 1e-12);
  // P(O|λ) = Σᵢ αₜ(i) βₜ(i) at every t (10.22)
  const beta = hmm.backward([0, 1, 0]).toArray();
  for (let t = 0; t < 3; t++) {
    assertAlmostEquals(alpha[t].reduce((s, a, i) => s + a * beta[t][i], 0), 0.130218, 1e-12);
  }
});

Deno.test("例10.3: δ tables, P* = 0.0147, I* = (3, 3, 3) → [2, 2, 2]", () => {
  const v = new CategoricalHMM(BOXES).decode([0, 1, 0]);
  assertEquals(v.path, [2, 2, 2]);
  assertAlmostEquals(v.probability, 0.0147, 1e-12);
  const d = v.delta.toArray();
  [[0.10, 0.16, 0.28], [0.028, 0.0504, 0.042], [0.00756, 0.01008, 0.0147]].forEach((row, t) =>
    row.forEach((x, i) => assertAlmostEquals(d[t][i], x, 1e-12))
  );
  // ψ₂ = (3, 3, 3), ψ₃ = (2, 2, 3) in the book's 1-based states
  assertEquals(v.psi.slice(1), [[2, 2, 2], [1, 1, 2]]);
});

Deno.test("习题10.1: T = 4, O = (红, 白, 红, 白), backward P(O|λ) = 0.06009", () => {
  const hmm = new CategoricalHMM(BOXES);
  const p = hmm.probability([0, 1, 0, 1], { method: "backward" });
  assertEquals(p.toFixed(5), "0.06009");
  assertAlmostEquals(p, hmm.probability([0, 1, 0, 1]), 1e-15);
  // P(O|λ) = Σᵢ πᵢ bᵢ(o₁) β₁(i) (10.21), with β₄ = 1
  const beta = hmm.backward([0, 1, 0, 1]).toArray();
  assertEquals(beta[3], [1, 1, 1]);
  const viaBeta = [0, 1, 2].reduce(
    (s, i) => s + BOXES.startProb[i] * BOXES.emissionProb[i][0] * beta[0][i],
    0,
  );
  assertAlmostEquals(viaBeta, p, 1e-15);
});

Deno.test("习题10.2: T = 8, P(i₄ = q₃ | O, λ) = 0.5370 by forward-backward", () => {
  const hmm = new CategoricalHMM({
    startProb: [0.2, 0.3, 0.5],
    transmat: [[0.5, 0.1, 0.4], [0.3, 0.5, 0.2], [0.2, 0.2, 0.6]],
    emissionProb: [[0.5, 0.5], [0.4, 0.6], [0.7, 0.3]],
  });
  const O = [0, 1, 0, 0, 1, 0, 1, 1];
  const alpha = hmm.forward(O), beta = hmm.backward(O), P = hmm.probability(O);
  const direct = alpha.get(3, 2) * beta.get(3, 2) / P;
  assertEquals(direct.toFixed(6), "0.536952");
  assertAlmostEquals(hmm.posterior(O).gamma.get(3, 2), direct, 1e-12);
});

Deno.test("习题10.3: 习题10.1's model and O, I* = (3, 2, 2, 2) → [2, 1, 1, 1], P* = 0.003024", () => {
  const v = new CategoricalHMM(BOXES).decode([0, 1, 0, 1]);
  assertEquals(v.path, [2, 1, 1, 1]);
  assertAlmostEquals(v.probability, 0.003024, 1e-12);
});

Deno.test("γ and ξ are distributions; Σ_j ξ_t(i, j) = γ_t(i)", () => {
  const { gamma, xi } = new CategoricalHMM(BOXES).posterior([0, 1, 0, 0, 1]);
  for (let t = 0; t < 5; t++) assertAlmostEquals(gamma.row(t).reduce((a, b) => a + b, 0), 1, 1e-12);
  xi.forEach((x, t) => {
    for (let i = 0; i < 3; i++) {
      assertAlmostEquals(x.row(i).reduce((a, b) => a + b, 0), gamma.get(t, i), 1e-12);
    }
  });
});

Deno.test("10 000 steps: no underflow; Baum-Welch recovers λ with a non-decreasing likelihood", () => {
  const truth = new CategoricalHMM({
    startProb: [0.6, 0.4],
    transmat: [[0.9, 0.1], [0.2, 0.8]],
    emissionProb: [[0.7, 0.2, 0.1], [0.1, 0.3, 0.6]],
    seed: 1,
  });
  const { states, obs } = truth.sample(10_000);
  assertEquals(truth.probability(obs), 0); // P(O|λ) itself underflows ...
  const lp = truth.logProbability(obs); // ... its log does not
  assert(Number.isFinite(lp) && lp < -8000 && lp > -12000, `${lp}`);
  assertAlmostEquals(truth.logProbability(obs, { method: "backward" }), lp, 1e-8);
  assert(truth.forward(obs).get(9999, 0) === 0, "the unscaled table underflows, as documented");
  const acc = truth.decode(obs).path.filter((s, t) => s === states[t]).length / 10_000;
  assert(acc > 0.8, `Viterbi accuracy ${acc}`);
  const learner = new CategoricalHMM({
    startProb: [0.5, 0.5],
    transmat: [[0.6, 0.4], [0.4, 0.6]],
    emissionProb: [[0.4, 0.3, 0.3], [0.3, 0.3, 0.4]],
    nIter: 500,
    tol: 1e-6,
  }).fit([obs]);
  const h = learner.logLikelihoodHistory;
  for (let t = 1; t < h.length; t++) assert(h[t] >= h[t - 1] - 1e-8, `iteration ${t}`);
  assert(learner.converged);
  const A = learner.transmat, B = learner.emissionProb;
  assertAlmostEquals(A.get(0, 0), 0.9, 0.03);
  assertAlmostEquals(A.get(1, 1), 0.8, 0.03);
  assertAlmostEquals(B.get(0, 0), 0.7, 0.03);
  assertAlmostEquals(B.get(1, 2), 0.6, 0.03);
});

Deno.test("fit from a seeded random start on several sequences; JSON round trip", () => {
  const truth = new CategoricalHMM(BOXES);
  const seqs = [1, 2, 3, 4].map((seed) => truth.sample(200, seed).obs);
  const a = new CategoricalHMM({ nComponents: 3, seed: 5, nIter: 50 });
  const { result } = catchWarnings(() => a.fit(seqs));
  const b = CategoricalHMM.fromJSON(JSON.stringify(result));
  assertEquals(b.transmat, result.transmat);
  assertEquals(b.logProbability(seqs[0]), result.logProbability(seqs[0]));
});

Deno.test("bad λ and bad observations are refused with clear messages", () => {
  assertThrows(
    () =>
      new CategoricalHMM({
        ...BOXES,
        transmat: [[0.5, 0.2, 0.2], [0.3, 0.5, 0.2], [0.2, 0.3, 0.5]],
      }),
    ValueError,
    "transmat row 0 must sum to 1. Got 0.9.",
  );
  assertThrows(
    () => new CategoricalHMM({ ...BOXES, startProb: [0.5, 0.5] }),
    ValueError,
    "shape (2, 2)",
  );
  assertThrows(
    () => new CategoricalHMM({ ...BOXES, emissionProb: [[1, 0], [1, 0], [0.5, 0.6]] }),
    ValueError,
    "emissionProb row 2",
  );
  assertThrows(() => new CategoricalHMM({ startProb: [1] }), ValueError, "or none");
  const hmm = new CategoricalHMM(BOXES);
  assertThrows(() => hmm.probability([0, 2, 1]), ValueError, "obs[1] = 2 is not a symbol");
  assertThrows(() => hmm.decode([0, 0.5]), ValueError, "obs[1] = 0.5");
  assertThrows(() => hmm.probability([]), ValueError, "empty");
  assertThrows(() => new CategoricalHMM().decode([0]), ValueError, "no parameters");
  const { warnings } = catchWarnings(() =>
    new CategoricalHMM({ nComponents: 2, nIter: 2, tol: 0 }).fit([[0, 1, 1, 0, 1, 0, 0, 0, 1]])
  );
  assert(warnings[0] instanceof ConvergenceWarning);
});
