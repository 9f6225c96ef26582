/** The functions notebooks/13_information_theory.ipynb uses, with the numbers it shows and claims. */
import { assertAlmostEquals, assertEquals, assertLess } from "@std/assert";
import { loanApplications } from "../../lib/data/mod.ts";
import {
  conditionalEntropy,
  crossEntropy,
  entropy,
  jointDistribution,
  jointEntropy,
  jsDistance,
  jsDivergence,
  klDivergence,
  mutualInformation,
  mutualInfoScore,
} from "../../lib/info/mod.ts";
import { Gaussian } from "../../lib/prob/mod.ts";

const bits = { base: 2 };
const grid = (a: number, b: number, n: number) =>
  Array.from({ length: n }, (_, i) => a + ((b - a) * i) / (n - 1));

Deno.test("entropy table: coin 1 bit, die log₂ 6, uniform over 4 is 2 bits, certainty 0", () => {
  assertEquals(entropy([0.5, 0.5], bits), 1);
  assertAlmostEquals(entropy(Array(6).fill(1 / 6), bits), Math.log2(6), 1e-15);
  assertAlmostEquals(entropy([0.25, 0.25, 0.25, 0.25], bits), 2, 1e-15);
  assertAlmostEquals(entropy([0.9, 0.1], bits), 0.4690, 1e-4);
  assertEquals(entropy([1, 0, 0, 0]), 0);
  assertAlmostEquals(entropy([0.5, 0.5]), Math.log(2), 1e-15); // 1 bit = ln 2 nat
});

Deno.test("binary entropy peaks at p = 1/2 with 1 bit and is symmetric", () => {
  const ps = grid(0, 1, 201);
  const h = ps.map((p) => entropy([p, 1 - p], bits));
  assertEquals(h.indexOf(Math.max(...h)), 100);
  assertEquals(h[0], 0);
  for (let i = 0; i <= 100; i++) assertAlmostEquals(h[i], h[200 - i], 1e-12);
});

Deno.test("cross-entropy = entropy + KL; one-hot cross-entropy is -log q_y", () => {
  const p = [0.5, 0.3, 0.2], q = [0.4, 0.4, 0.2];
  assertAlmostEquals(crossEntropy(p, q), entropy(p) + klDivergence(p, q), 1e-15);
  assertAlmostEquals(crossEntropy(p, q), 1.054920, 1e-6);
  assertAlmostEquals(crossEntropy([1, 0, 0], q), -Math.log(0.4), 1e-15);
  // Over model q for p = Bernoulli(0.3) the minimum is at q = 0.3, where it equals H(p).
  const qs = grid(0.01, 0.99, 197);
  const ce = qs.map((x) => crossEntropy([0.7, 0.3], [1 - x, x], bits));
  const best = qs[ce.indexOf(Math.min(...ce))];
  assertAlmostEquals(best, 0.3, 1e-12);
  assertAlmostEquals(Math.min(...ce), entropy([0.7, 0.3], bits), 1e-12);
});

Deno.test("KL asymmetry numbers and the infinite case", () => {
  assertAlmostEquals(klDivergence([0.5, 0.5], [0.9, 0.1]), 0.5108, 1e-4);
  assertAlmostEquals(klDivergence([0.9, 0.1], [0.5, 0.5]), 0.3681, 1e-4);
  assertEquals(klDivergence([0.5, 0.5], [1, 0]), Infinity);
});

Deno.test("forward KL fit covers both modes (μ 0, σ 2.1); reverse KL picks one mode (μ ±2, σ 0.6)", () => {
  const xs = grid(-7, 7, 701);
  const left = new Gaussian({ mean: -2, std: 0.6 }), right = new Gaussian({ mean: 2, std: 0.6 });
  const discretize = (f: (x: number) => number) => {
    const w = xs.map(f), total = w.reduce((s, v) => s + v, 0);
    return w.map((v) => v / total);
  };
  const p = discretize((x) => 0.5 * left.pdf(x) + 0.5 * right.pdf(x));
  let forward = { kl: Infinity, mean: 0, std: 0 }, reverse = { kl: Infinity, mean: 0, std: 0 };
  for (const mean of grid(-3, 3, 61)) {
    for (const std of grid(0.3, 3, 28)) {
      const q = discretize((x) => new Gaussian({ mean, std }).pdf(x));
      const f = klDivergence(p, q), r = klDivergence(q, p);
      if (f < forward.kl) forward = { kl: f, mean, std };
      if (r < reverse.kl) reverse = { kl: r, mean, std };
    }
  }
  assertAlmostEquals(forward.mean, 0, 1e-9);
  assertAlmostEquals(forward.std, 2.1, 1e-9); // grid point nearest √4.36 = 2.088
  assertAlmostEquals(Math.abs(reverse.mean), 2, 1e-9);
  assertAlmostEquals(reverse.std, 0.6, 1e-9);
  // One Gaussian on one of two equal modes: KL(q‖p) ≈ log 2.
  assertLess(Math.abs(reverse.kl - Math.log(2)), 0.01);
});

Deno.test("JS divergence: symmetric, 1 bit for disjoint supports, jsDistance = √JS", () => {
  const a = [0.5, 0.5], b = [0.9, 0.1];
  assertEquals(jsDivergence(a, b), jsDivergence(b, a));
  assertAlmostEquals(jsDivergence(a, b, bits), 0.146793, 1e-6);
  assertAlmostEquals(jsDistance(a, b, bits), Math.sqrt(jsDivergence(a, b, bits)), 1e-15);
  assertAlmostEquals(jsDivergence([1, 0], [0, 1], bits), 1, 1e-15);
});

Deno.test("weather and umbrella: I = H(Y) - H(Y|X) = 0.3973 bit; 0 under independence", () => {
  const joint = [[0.45, 0.05], [0.1, 0.4]];
  assertAlmostEquals(entropy([0.5, 0.5], bits), 1, 1e-15);
  assertAlmostEquals(jointEntropy(joint, bits), 1.5955, 1e-4);
  assertAlmostEquals(conditionalEntropy(joint, bits), 0.5955, 1e-4);
  const i = mutualInformation(joint, bits);
  assertAlmostEquals(i, 0.3973, 1e-4);
  assertAlmostEquals(i, entropy([0.55, 0.45], bits) - conditionalEntropy(joint, bits), 1e-14);
  assertEquals(mutualInformation([[0.275, 0.225], [0.275, 0.225]], bits), 0);
});

Deno.test("李航 例5.2: H(D) = 0.971 and information gains 0.083, 0.324, 0.420, 0.363 as I(A; D)", () => {
  const loan = loanApplications();
  const round3 = (v: number) => Math.round(v * 1000) / 1000;
  assertEquals(round3(mutualInfoScore(loan.y, loan.y, bits)), 0.971);
  const column = (j: number) => loan.X.map((row) => row[j]);
  const gains = [0, 1, 2, 3].map((j) => round3(mutualInfoScore(column(j), loan.y, bits)));
  assertEquals(gains, [0.083, 0.324, 0.420, 0.363]);
  const conditional = [0, 1, 2, 3].map((j) =>
    round3(conditionalEntropy(jointDistribution(column(j), loan.y).table, bits))
  );
  assertEquals(conditional, [0.888, 0.647, 0.551, 0.608]);
  const house = jointDistribution(column(2), loan.y);
  assertEquals(house.xLabels, ["否", "是"]);
  assertEquals(house.table.rows, 2);
});
