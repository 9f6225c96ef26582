import { assertEquals, assertLess, assertThrows } from "@std/assert";
import { ShapeError, ValueError } from "../../../lib/core/mod.ts";
import { Bernoulli, Categorical } from "../../../lib/prob/mod.ts";
import {
  assertClose,
  assertMomentsWithin,
  checkAgainstScipy,
  ksCritical,
  ksDistance,
  loadFixture,
  type UnivariateCase,
} from "./helpers.ts";

type DiscreteCase = UnivariateCase & { cdfAt: { x: number[]; cdf: number[] } };
const fx = loadFixture("prob_distributions");

Deno.test("Bernoulli pmf, logPmf, cdf, mean, variance match scipy.stats.bernoulli", () => {
  for (const c of fx.bernoulli as DiscreteCase[]) {
    const b = new Bernoulli(c.params as { p: number });
    checkAgainstScipy(b, c);
    c.cdfAt.x.forEach((x, i) => assertClose(b.cdf(x), c.cdfAt.cdf[i], `cdf(${x})`));
  }
});

Deno.test("Bernoulli: degenerate p, values outside {0, 1}", () => {
  const sure = new Bernoulli({ p: 1 });
  assertEquals(sure.pdf(1), 1);
  assertEquals(sure.logPdf(0), -Infinity);
  assertEquals(sure.sample(10, 1).every((x) => x === 1), true);
  assertEquals(new Bernoulli({ p: 0 }).sample(10, 1).every((x) => x === 0), true);
  assertEquals(new Bernoulli({ p: 0.3 }).pdf(0.5), 0);
  assertThrows(
    () => new Bernoulli({ p: 1.2 }),
    ValueError,
    "The 'p' parameter must be in [0, 1]. Got 1.2 instead.",
  );
});

Deno.test("Bernoulli samples: moments within 4 standard errors", () => {
  for (const [i, c] of (fx.bernoulli as DiscreteCase[]).entries()) {
    const xs = new Bernoulli(c.params as { p: number }).sample(20000, 30 + i);
    assertMomentsWithin(xs, c, `Bernoulli ${JSON.stringify(c.params)}`);
  }
});

Deno.test("Categorical pmf, cdf, mean, variance match scipy.stats.rv_discrete", () => {
  for (const c of fx.categorical as DiscreteCase[]) {
    const d = new Categorical(c.params as { probs: number[] });
    checkAgainstScipy(d, c);
    c.cdfAt.x.forEach((x, i) => assertClose(d.cdf(x), c.cdfAt.cdf[i], `cdf(${x})`));
  }
});

Deno.test("Categorical samples: moments within 4 SE, KS below the 1% level, zero-probability never drawn", () => {
  for (const [i, c] of (fx.categorical as DiscreteCase[]).entries()) {
    const d = new Categorical(c.params as { probs: number[] });
    const xs = d.sample(20000, 40 + i);
    assertMomentsWithin(xs, c, `Categorical ${JSON.stringify(c.params)}`);
    assertLess(ksDistance(xs, (x) => d.cdf(x), true), ksCritical(xs.length));
  }
  const holes = new Categorical({ probs: [0, 0.5, 0, 0.5, 0] }).sample(5000, 1);
  assertEquals(holes.every((k) => k === 1 || k === 3), true);
});

Deno.test("Categorical validates probs", () => {
  assertThrows(
    () => new Categorical({ probs: [0.5, 0.6] }),
    ValueError,
    "The 'probs' parameter must be probabilities summing to 1 (within 1e-8). Got a sum of 1.1 instead.",
  );
  assertThrows(
    () => new Categorical({ probs: [1.5, -0.5] }),
    ValueError,
    "The 'probs' parameter must be probabilities in [0, 1]. Got 1.5 at index 0 instead.",
  );
  assertThrows(() => new Categorical({ probs: [] }), ShapeError, "at least 1 entries");
  assertThrows(() => new Categorical({ probs: [NaN, 1] }), ValueError, "NaN at index 0");
});
