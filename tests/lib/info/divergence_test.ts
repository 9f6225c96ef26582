import { assertEquals, assertGreater, assertThrows } from "@std/assert";
import { ShapeError, ValueError } from "../../../lib/core/mod.ts";
import {
  crossEntropy,
  entropy,
  jsDistance,
  jsDivergence,
  klDivergence,
} from "../../../lib/info/mod.ts";
import { assertClose, loadFixture, relativeError } from "../prob/helpers.ts";

interface DivergenceCase {
  p: number[];
  q: number[];
  base: number | null;
  entropy: number;
  kl: number;
  klReverse: number | null;
  crossEntropy: number;
  jsDistance: number;
}
const cases: DivergenceCase[] = loadFixture("prob_info").divergence;
const opts = (c: DivergenceCase) => (c.base === null ? {} : { base: c.base });

Deno.test("entropy and KL match scipy.stats.entropy(p) and entropy(p, q), in nats, bits and base 10", () => {
  let worst = 0;
  for (const c of cases) {
    const h = entropy(c.p, opts(c)), kl = klDivergence(c.p, c.q, opts(c));
    assertClose(h, c.entropy, `H(${c.p}) base ${c.base}`, { atol: 1e-15 });
    assertClose(kl, c.kl, `KL base ${c.base}`, { atol: 1e-15 });
    const reverse = klDivergence(c.q, c.p, opts(c));
    if (c.klReverse === null) assertEquals(reverse, Infinity);
    else assertClose(reverse, c.klReverse, "reverse KL", { atol: 1e-15 });
    worst = Math.max(worst, relativeError(h, c.entropy), relativeError(kl, c.kl));
  }
  console.log(
    `entropy/KL worst relative error vs SciPy (${cases.length} cases): ${worst.toExponential(2)}`,
  );
});

Deno.test("cross-entropy equals H(p) + KL(p‖q) from SciPy", () => {
  for (const c of cases) {
    assertClose(crossEntropy(c.p, c.q, opts(c)), c.crossEntropy, `H(p, q) base ${c.base}`, {
      atol: 1e-15,
    });
  }
});

Deno.test("jsDistance matches scipy.spatial.distance.jensenshannon (which returns √JS)", () => {
  for (const c of cases) {
    assertClose(jsDistance(c.p, c.q, opts(c)), c.jsDistance, `JS distance base ${c.base}`, {
      atol: 1e-15,
    });
    assertClose(jsDivergence(c.p, c.q, opts(c)), c.jsDistance ** 2, "JS = distance²", {
      rtol: 1e-9,
      atol: 1e-15,
    });
  }
});

Deno.test("textbook values: fair coin 1 bit, uniform over K is log K, certainty 0", () => {
  assertEquals(entropy([0.5, 0.5], { base: 2 }), 1);
  assertClose(entropy([0.25, 0.25, 0.25, 0.25]), Math.log(4), "log 4", { rtol: 1e-15 });
  assertEquals(entropy([1, 0, 0]), 0);
  // 李航 §5.2.2 example 5.2: the loan data has 9 "yes" and 6 "no", H(D) = 0.971 bits.
  assertClose(entropy([9 / 15, 6 / 15], { base: 2 }), 0.971, "H(D)", { rtol: 5e-4 });
  assertEquals(klDivergence([0.3, 0.7], [0.3, 0.7]), 0);
  assertEquals(klDivergence([0.5, 0.5], [1, 0]), Infinity);
  assertEquals(crossEntropy([0.5, 0.5], [1, 0]), Infinity);
  assertClose(jsDivergence([1, 0], [0, 1], { base: 2 }), 1, "JS max 1 bit", { rtol: 1e-15 });
});

Deno.test("KL is asymmetric; JS is symmetric and bounded by log 2", () => {
  const p = [0.5, 0.5], q = [0.9, 0.1];
  assertGreater(Math.abs(klDivergence(p, q) - klDivergence(q, p)), 0.1);
  assertEquals(jsDivergence(p, q), jsDivergence(q, p));
  assertGreater(Math.log(2), jsDivergence([0.999, 0.001], [0.001, 0.999]));
});

Deno.test("validation: probabilities outside [0, 1], sums other than 1, length mismatch, base", () => {
  assertThrows(
    () => entropy([0.5, 0.6]),
    ValueError,
    "p must sum to 1 (within 1e-8). Got a sum of 1.1; divide counts by their total first.",
  );
  assertThrows(
    () => entropy([1.5, -0.5]),
    ValueError,
    "p must contain probabilities in [0, 1]. Got 1.5 at index 0.",
  );
  assertThrows(
    () => klDivergence([0.5, 0.5], [0.2, NaN]),
    ValueError,
    "q must contain probabilities in [0, 1]. Got NaN at index 1.",
  );
  assertThrows(
    () => klDivergence([0.5, 0.5], [0.2, 0.3, 0.5]),
    ShapeError,
    "q has 3 values, but p has 2 values; they must match.",
  );
  assertThrows(() => entropy([]), ValueError, "p must not be empty.");
  assertThrows(
    () => entropy([1], { base: 1 }),
    ValueError,
    "The 'base' option must be a finite number > 0 other than 1. Got 1 instead.",
  );
  // Floating sums such as 0.1 + 0.2 + 0.7 (0.9999999999999999) are within tolerance.
  assertGreater(entropy([0.1, 0.2, 0.7]), 0);
});
