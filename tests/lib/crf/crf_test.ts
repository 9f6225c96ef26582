import { assert, assertAlmostEquals, assertEquals, assertThrows } from "@std/assert";
import { Random, ValueError } from "../../../lib/core/mod.ts";
import {
  LinearChainCRF,
  matrixFormNormalizer,
  matrixFormPaths,
  type StateFeature,
  type TransitionFeature,
} from "../../../lib/crf/mod.ts";

// 李航 例11.1: positions 0-based (the book's i = 1, 2, 3 are 0, 1, 2)
const T: TransitionFeature[] = [
  { name: "t1", from: 1, to: 2, positions: [1, 2] },
  { name: "t2", from: 1, to: 1, positions: [1] },
  { name: "t3", from: 2, to: 1, positions: [2] },
  { name: "t4", from: 2, to: 1, positions: [1] },
  { name: "t5", from: 2, to: 2, positions: [2] },
];
const S: StateFeature[] = [
  { name: "s1", label: 1, positions: [0] },
  { name: "s2", label: 2, positions: [0, 1] },
  { name: "s3", label: 1, positions: [1, 2] },
  { name: "s4", label: 2, positions: [2] },
];
const W = [1, 0.6, 1, 1, 0.2, 1, 0.5, 0.8, 0.5];
const book = () =>
  new LinearChainCRF({ labels: [1, 2], transitionFeatures: T, stateFeatures: S, weights: W });
const x3 = [null, null, null];

/** Every label path of length n over labels. */
function allPaths(labels: number[], n: number): number[][] {
  if (n === 0) return [[]];
  return allPaths(labels, n - 1).flatMap((p) => labels.map((l) => [...p, l]));
}

Deno.test("例11.1: the unnormalised probability of y = (1, 2, 2) is exp(3.2)", () => {
  const crf = book();
  assertAlmostEquals(crf.score(x3, [1, 2, 2]), 3.2, 1e-15);
  // F(y, x): t1 fires at i = 2, t5 at i = 3, s1, s2 (i = 2) and s4
  assertEquals(Array.from(crf.featureCounts(x3, [1, 2, 2])), [1, 0, 0, 0, 1, 1, 1, 0, 1]);
  const Z = allPaths([1, 2], 3).reduce((s, y) => s + Math.exp(crf.score(x3, y)), 0);
  assertAlmostEquals(Math.exp(crf.logPartition(x3)), Z, 1e-9);
  assertAlmostEquals(crf.probability(x3, [1, 2, 2]), Math.exp(3.2) / Z, 1e-12);
});

Deno.test("例11.2: Z = (M₁M₂M₃M₄)_{start,stop} equals the sum over the 8 paths", () => {
  const rng = new Random(3);
  const r = () => rng.uniform(0.1, 1);
  // M₁ = [[a01, a02], [0, 0]], M₄ = [[1, 0], [1, 0]]: start = stop = row/column 0
  const Ms = [
    [[r(), r()], [0, 0]],
    [[r(), r()], [r(), r()]],
    [[r(), r()], [r(), r()]],
    [[1, 0], [1, 0]],
  ];
  const paths = matrixFormPaths(Ms, 0, 0);
  assertEquals(paths.length, 8);
  const byHand = allPaths([0, 1], 3).reduce(
    (s, [a, b, c]) => s + Ms[0][0][a] * Ms[1][a][b] * Ms[2][b][c],
    0,
  );
  assertAlmostEquals(matrixFormNormalizer(Ms, 0, 0), byHand, 1e-15);
  assertAlmostEquals(paths.reduce((s, p) => s + p.probability, 0), 1, 1e-12);
  // the CRF's own matrices: Z = M₁ M₂ M₃ M₄ with the start row and the stop column
  const crf = book();
  const M = crf.matrices(x3);
  let row = Array.from(M[0].data);
  for (const Mi of M.slice(1)) {
    row = Array.from(
      { length: Mi.cols },
      (_, b) => row.reduce((s, v, a) => s + v * Mi.get(a, b), 0),
    );
  }
  assertAlmostEquals(row[0], Math.exp(crf.logPartition(x3)), 1e-9);
});

Deno.test("例11.3: Viterbi δ₁ = (1, 0.5), δ₂ = (2.4, 2.5), δ₃ = (4.3, 3.9), y* = (1, 2, 1)", () => {
  const v = book().decode(x3);
  assertEquals(v.labels, [1, 2, 1]);
  const d = v.delta.toArray();
  [[1, 0.5], [2.4, 2.5], [4.3, 3.9]].forEach((row, i) =>
    row.forEach((x, l) => assertAlmostEquals(d[i][l], x, 1e-12))
  );
  assertEquals(v.psi.slice(1), [[0, 0], [1, 0]]); // ψ₂ = (1, 1), ψ₃ = (2, 1) in the book's labels
  assertAlmostEquals(v.score, 4.3, 1e-12);
});

Deno.test("习题11.4: paths from start = 2 to stop = 2; y* = (1, 2, 1) with probability 0.21", () => {
  const Ms = [[[0, 0], [0.5, 0.5]], [[0.3, 0.7], [0.7, 0.3]], [[0.5, 0.5], [0.6, 0.4]], [[0, 1], [
    0,
    1,
  ]]];
  const paths = matrixFormPaths(Ms, 1, 1);
  assertAlmostEquals(matrixFormNormalizer(Ms, 1, 1), 1, 1e-12);
  const table = Object.fromEntries(
    paths.map((p) => [p.path.map((k) => k + 1).join(""), Number(p.probability.toFixed(3))]),
  );
  assertEquals(table, {
    "111": 0.075,
    "112": 0.075,
    "121": 0.21,
    "122": 0.14,
    "211": 0.175,
    "212": 0.175,
    "221": 0.09,
    "222": 0.06,
  });
  assertEquals(paths[0].path.map((k) => k + 1), [1, 2, 1]);
});

Deno.test("marginals from forward-backward equal enumeration; they are distributions", () => {
  const crf = book();
  const { node, edge } = crf.marginals(x3);
  const paths = allPaths([1, 2], 3), Z = Math.exp(crf.logPartition(x3));
  for (let i = 0; i < 3; i++) {
    for (const l of [1, 2]) {
      const p = paths.filter((y) =>
        y[i] === l
      ).reduce((s, y) => s + Math.exp(crf.score(x3, y)), 0) / Z;
      assertAlmostEquals(node.get(i, l - 1), p, 1e-12);
    }
  }
  for (let i = 1; i < 3; i++) {
    assertAlmostEquals(edge[i - 1].data.reduce((a, b) => a + b, 0), 1, 1e-12);
    for (const a of [1, 2]) {
      const p = paths.filter((y) =>
        y[i - 1] === a && y[i] === 2
      ).reduce((s, y) => s + Math.exp(crf.score(x3, y)), 0) / Z;
      assertAlmostEquals(edge[i - 1].get(a - 1, 1), p, 1e-12);
    }
  }
});

/** Observation-dependent features on a toy task: label 1 where x > 0, else 2, with smoothing. */
function toy() {
  const transitionFeatures: TransitionFeature<number>[] = [
    { from: 1, to: 1 },
    { from: 1, to: 2 },
    { from: 2, to: 1 },
    { from: 2, to: 2 },
  ];
  const stateFeatures: StateFeature<number>[] = [
    { label: 1, value: (x, i) => x[i] },
    { label: 2, value: (x, i) => -x[i] },
    { label: 1 },
  ];
  return { transitionFeatures, stateFeatures };
}

Deno.test("fit by L-BFGS: the gradient is expected minus empirical counts (finite differences), loss falls", () => {
  const rng = new Random(1);
  const X = Array.from({ length: 30 }, () => Array.from({ length: 6 }, () => rng.normal()));
  const Y = X.map((x) => x.map((v) => (v + 0.3 * rng.normal() > 0 ? 1 : 2)));
  const crf = new LinearChainCRF<number>({ labels: [1, 2], ...toy(), l2: 0.5, tol: 1e-8 }).fit(
    X,
    Y,
  );
  const h = crf.lossHistory;
  assert(h[h.length - 1] < h[0]);
  const J = (w: number[]) => {
    const m = new LinearChainCRF<number>({ labels: [1, 2], ...toy(), weights: w });
    return -X.reduce((s, x, k) => s + Math.log(m.probability(x, Y[k])), 0) +
      0.25 * w.reduce((s, v) => s + v * v, 0);
  };
  const w = Array.from(crf.weights);
  for (let k = 0; k < w.length; k++) {
    const e = 1e-5, up = [...w], dn = [...w];
    up[k] += e;
    dn[k] -= e;
    assertAlmostEquals((J(up) - J(dn)) / (2 * e), 0, 1e-4); // optimum: ∇J = 0
  }
  const acc =
    X.flatMap((x, k) => crf.decode(x).labels.map((l, i) => l === Y[k][i])).filter(Boolean).length /
    180;
  assert(acc > 0.8, `${acc}`);
});

Deno.test("a feature with an unknown label, bad positions or a wrong weight count is refused", () => {
  assertThrows(
    () =>
      new LinearChainCRF({ labels: [1, 2], transitionFeatures: [{ name: "t9", from: 1, to: 3 }] }),
    ValueError,
    "Transition feature t9 refers to the label 3, which is not one of the labels [1,2]",
  );
  assertThrows(
    () => new LinearChainCRF({ labels: ["B", "E"], stateFeatures: [{ label: "M" }] }),
    ValueError,
    '"M"',
  );
  assertThrows(
    () =>
      new LinearChainCRF({
        labels: [1, 2],
        transitionFeatures: [{ from: 1, to: 2, positions: [0] }],
      }),
    ValueError,
    "positions are integers >= 1",
  );
  assertThrows(
    () => new LinearChainCRF({ labels: [1, 2], stateFeatures: S, weights: [1] }),
    ValueError,
    "one value per feature",
  );
  assertThrows(() => book().score(x3, [1, 3, 1]), ValueError, "y[1] = 3");
  assertThrows(() => book().score(x3, [1, 2]), ValueError, "must match");
});
