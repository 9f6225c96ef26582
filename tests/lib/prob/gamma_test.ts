import { assertEquals, assertLess, assertThrows } from "@std/assert";
import { ValueError } from "../../../lib/core/mod.ts";
import { Gamma } from "../../../lib/prob/mod.ts";
import {
  assertClose,
  assertMomentsWithin,
  checkAgainstScipy,
  ksCritical,
  ksDistance,
  loadFixture,
  type UnivariateCase,
} from "./helpers.ts";

const cases: UnivariateCase[] = loadFixture("prob_distributions").gamma;

Deno.test("Gamma pdf, logPdf, cdf, mean, variance match scipy.stats.gamma", () => {
  let worst = 0;
  for (const c of cases) {
    worst = Math.max(worst, checkAgainstScipy(new Gamma(c.params as { shape: number }), c));
  }
  console.log(`Gamma worst relative error vs SciPy: ${worst.toExponential(2)}`);
});

Deno.test("Gamma: shape 1 is the exponential distribution; behaviour at 0", () => {
  const e = new Gamma({ shape: 1, scale: 2 });
  for (const x of [0.1, 1, 7]) {
    assertClose(e.pdf(x), Math.exp(-x / 2) / 2, `pdf(${x})`, { rtol: 1e-14 });
    assertClose(e.cdf(x), -Math.expm1(-x / 2), `cdf(${x})`, { rtol: 1e-14 });
  }
  assertEquals(e.pdf(0), 0.5);
  assertEquals(new Gamma({ shape: 0.5 }).pdf(0), Infinity);
  assertEquals(new Gamma({ shape: 3 }).pdf(0), 0);
  assertEquals(e.pdf(-1), 0);
  assertEquals(e.logPdf(-1), -Infinity);
  assertEquals(e.cdf(-1), 0);
});

Deno.test("Gamma samples: moments within 4 standard errors, KS below the 1% level", () => {
  for (const c of cases.slice(0, 5)) {
    const g = new Gamma(c.params as { shape: number });
    const xs = g.sample(20000, 5);
    const z = assertMomentsWithin(xs, c, `Gamma ${JSON.stringify(c.params)}`);
    const d = ksDistance(xs, (x) => g.cdf(x));
    assertLess(d, ksCritical(xs.length));
    console.log(
      `Gamma ${JSON.stringify(c.params)}: z(mean) ${z.zMean.toFixed(2)}, ` +
        `z(var) ${z.zVariance.toFixed(2)}, KS ${d.toFixed(4)}`,
    );
  }
});

Deno.test("Gamma validates shape and scale", () => {
  assertThrows(
    () => new Gamma({ shape: 0 }),
    ValueError,
    "The 'shape' parameter must be > 0. Got 0 instead.",
  );
  assertThrows(
    () => new Gamma({ shape: 2, scale: -3 }),
    ValueError,
    "The 'scale' parameter must be > 0. Got -3 instead.",
  );
});
