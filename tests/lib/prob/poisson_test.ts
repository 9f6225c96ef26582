import { assertEquals, assertLess, assertThrows } from "@std/assert";
import { ValueError } from "../../../lib/core/mod.ts";
import { Poisson } from "../../../lib/prob/mod.ts";
import {
  assertClose,
  assertMomentsWithin,
  checkAgainstScipy,
  ksCritical,
  ksDistance,
  loadFixture,
  type UnivariateCase,
} from "./helpers.ts";

const cases: UnivariateCase[] = loadFixture("prob_distributions").poisson;

Deno.test("Poisson pmf, logPmf, cdf, mean, variance match scipy.stats.poisson", () => {
  let worst = 0;
  for (const c of cases) {
    worst = Math.max(worst, checkAgainstScipy(new Poisson(c.params as { lambda: number }), c));
  }
  console.log(`Poisson worst relative error vs SciPy: ${worst.toExponential(2)}`);
});

Deno.test("Poisson: pmf by hand, zero off the integers, cdf is a step function", () => {
  const p = new Poisson({ lambda: 3 });
  assertClose(p.pdf(2), 4.5 * Math.exp(-3), "P(X=2)", { rtol: 1e-14 });
  assertClose(p.cdf(2), 8.5 * Math.exp(-3), "P(X≤2)", { rtol: 1e-14 });
  assertEquals(p.cdf(2.7), p.cdf(2));
  assertEquals(p.pdf(2.5), 0);
  assertEquals(p.pdf(-1), 0);
  assertEquals(p.cdf(-0.5), 0);
  let total = 0;
  for (let k = 0; k < 40; k++) total += p.pdf(k);
  assertClose(total, 1, "Σ pmf", { rtol: 1e-14 });
});

// λ < 10 uses Knuth's method, λ ≥ 10 Hörmann's PTRS; both branches are checked.
Deno.test("Poisson samples (Knuth and PTRS): moments within 4 SE, KS below the 1% level", () => {
  for (const c of cases) {
    const p = new Poisson(c.params as { lambda: number });
    const xs = p.sample(20000, 21);
    assertEquals(xs.every((k) => Number.isInteger(k) && k >= 0), true);
    const z = assertMomentsWithin(xs, c, `Poisson ${JSON.stringify(c.params)}`);
    const d = ksDistance(xs, (x) => p.cdf(x), true);
    assertLess(d, ksCritical(xs.length));
    console.log(
      `Poisson ${JSON.stringify(c.params)}: z(mean) ${z.zMean.toFixed(2)}, ` +
        `z(var) ${z.zVariance.toFixed(2)}, KS ${d.toFixed(4)}`,
    );
  }
});

Deno.test("Poisson PTRS frequencies match the pmf at λ = 25 (chi-square over the central bins)", () => {
  const p = new Poisson({ lambda: 25 });
  const n = 20000;
  const xs = p.sample(n, 2);
  const counts = new Map<number, number>();
  for (const k of xs) counts.set(k, (counts.get(k) ?? 0) + 1);
  let chi2 = 0, bins = 0;
  for (let k = 12; k <= 40; k++) {
    const expected = n * p.pdf(k);
    chi2 += ((counts.get(k) ?? 0) - expected) ** 2 / expected;
    bins++;
  }
  // 29 bins: the chi-square 99.9% quantile with 29 degrees of freedom is 58.3.
  assertLess(chi2, 58.3);
  console.log(`Poisson(25) chi-square over ${bins} bins: ${chi2.toFixed(1)}`);
});

Deno.test("Poisson validates lambda", () => {
  assertThrows(
    () => new Poisson({ lambda: 0 }),
    ValueError,
    "The 'lambda' parameter must be > 0. Got 0 instead.",
  );
});
