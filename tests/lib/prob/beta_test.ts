import { assertEquals, assertLess, assertThrows } from "@std/assert";
import { ValueError } from "../../../lib/core/mod.ts";
import { Beta } from "../../../lib/prob/mod.ts";
import {
  assertClose,
  assertMomentsWithin,
  checkAgainstScipy,
  ksCritical,
  ksDistance,
  loadFixture,
  moments,
  type UnivariateCase,
} from "./helpers.ts";

const cases: UnivariateCase[] = loadFixture("prob_distributions").beta;
type BetaParams = { alpha: number; beta: number };

Deno.test("Beta pdf, logPdf, cdf, mean, variance match scipy.stats.beta", () => {
  let worst = 0;
  for (const c of cases) {
    worst = Math.max(worst, checkAgainstScipy(new Beta(c.params as BetaParams), c));
  }
  console.log(`Beta worst relative error vs SciPy: ${worst.toExponential(2)}`);
});

Deno.test("Beta: uniform case, endpoints, outside the support", () => {
  const u = new Beta({ alpha: 1, beta: 1 });
  for (const x of [0, 0.3, 1]) assertEquals(u.pdf(x), 1);
  assertClose(u.cdf(0.3), 0.3, "cdf", { rtol: 1e-15 });
  const b = new Beta({ alpha: 2, beta: 3 });
  assertClose(b.cdf(0.4), 0.5248, "I_0.4(2, 3)", { rtol: 1e-13 });
  assertEquals(b.pdf(-0.1), 0);
  assertEquals(b.pdf(1.1), 0);
  assertEquals(b.cdf(-0.1), 0);
  assertEquals(b.cdf(2), 1);
  assertEquals(new Beta({ alpha: 0.5, beta: 2 }).pdf(0), Infinity);
});

Deno.test("Beta samples: moments within 4 standard errors, KS below the 1% level", () => {
  for (const c of cases.slice(0, 6)) {
    const b = new Beta(c.params as BetaParams);
    const xs = b.sample(20000, 9);
    const z = assertMomentsWithin(xs, c, `Beta ${JSON.stringify(c.params)}`);
    const d = ksDistance(xs, (x) => b.cdf(x));
    assertLess(d, ksCritical(xs.length));
    console.log(
      `Beta ${JSON.stringify(c.params)}: z(mean) ${z.zMean.toFixed(2)}, ` +
        `z(var) ${z.zVariance.toFixed(2)}, KS ${d.toFixed(4)}`,
    );
  }
});

Deno.test("Beta samples with tiny α, β stay finite (log-space gamma ratio, no 0/0)", () => {
  const b = new Beta({ alpha: 0.01, beta: 0.02 });
  const xs = b.sample(20000, 3);
  assertEquals(xs.every((x) => x >= 0 && x <= 1), true);
  // Mass sits at the ends: mean α/(α+β) = 1/3.
  assertLess(Math.abs(moments(xs).mean - 1 / 3), 4 * Math.sqrt(b.variance() / xs.length));
});

Deno.test("Beta validates alpha and beta", () => {
  assertThrows(
    () => new Beta({ alpha: -1, beta: 2 }),
    ValueError,
    "The 'alpha' parameter must be > 0. Got -1 instead.",
  );
  assertThrows(() => new Beta({ alpha: 1, beta: Infinity }), ValueError, "'beta' parameter");
});
