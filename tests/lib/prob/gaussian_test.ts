import { assertEquals, assertLess, assertThrows } from "@std/assert";
import { Random, ValueError } from "../../../lib/core/mod.ts";
import { Gaussian } from "../../../lib/prob/mod.ts";
import {
  assertClose,
  assertMomentsWithin,
  checkAgainstScipy,
  ksCritical,
  ksDistance,
  loadFixture,
  type UnivariateCase,
} from "./helpers.ts";

const cases: UnivariateCase[] = loadFixture("prob_distributions").gaussian;

Deno.test("Gaussian pdf, logPdf, cdf, mean, variance match scipy.stats.norm (tails to ±30σ)", () => {
  let worst = 0;
  for (const c of cases) {
    worst = Math.max(
      worst,
      checkAgainstScipy(new Gaussian(c.params as { mean: number; std: number }), c),
    );
  }
  console.log(`Gaussian worst relative error vs SciPy: ${worst.toExponential(2)}`);
});

Deno.test("Gaussian: standard normal landmarks", () => {
  const g = new Gaussian();
  assertClose(g.pdf(0), 1 / Math.sqrt(2 * Math.PI), "φ(0)", { rtol: 1e-15 });
  assertEquals(g.cdf(0), 0.5);
  assertClose(g.cdf(1.959963984540054), 0.975, "Φ(1.96)", { rtol: 1e-15 });
  assertClose(g.cdf(-1) + g.cdf(1), 1, "symmetry", { rtol: 1e-15 });
  assertEquals(g.cdf(-Infinity), 0);
  assertEquals(g.cdf(Infinity), 1);
});

Deno.test("Gaussian samples: moments within 4 standard errors, KS distance below the 1% level", () => {
  for (const [i, c] of cases.slice(0, 3).entries()) {
    const g = new Gaussian(c.params as { mean: number; std: number });
    const xs = g.sample(20000, 11 + i);
    const z = assertMomentsWithin(xs, c, `Gaussian ${JSON.stringify(c.params)}`);
    const d = ksDistance(xs, (x) => g.cdf(x));
    assertLess(d, ksCritical(xs.length));
    console.log(
      `Gaussian ${JSON.stringify(c.params)}: z(mean) ${z.zMean.toFixed(2)}, ` +
        `z(var) ${z.zVariance.toFixed(2)}, KS ${d.toFixed(4)}`,
    );
  }
});

Deno.test("Gaussian sample is seeded: same seed same draws, a shared Random advances", () => {
  const g = new Gaussian({ mean: 2, std: 3 });
  assertEquals(g.sample(5, 42), g.sample(5, 42));
  const rng = new Random(42);
  const first = g.sample(5, rng), second = g.sample(5, rng);
  assertEquals(first, g.sample(5, 42));
  assertEquals(second.length, 5);
  assertEquals(first.some((v, i) => v !== second[i]), true);
  assertEquals(g.sample(0).length, 0);
});

Deno.test("Gaussian validates its parameters by name", () => {
  assertThrows(
    () => new Gaussian({ std: -1 }),
    ValueError,
    "The 'std' parameter must be > 0. Got -1 instead.",
  );
  assertThrows(() => new Gaussian({ std: 0 }), ValueError, "'std' parameter must be > 0");
  assertThrows(
    () => new Gaussian({ mean: NaN }),
    ValueError,
    "The 'mean' parameter must be a finite number. Got NaN instead.",
  );
  assertThrows(
    () => new Gaussian().sample(1.5),
    ValueError,
    "The 'n' argument of sample must be an integer >= 0. Got 1.5 instead.",
  );
});
