import { assertAlmostEquals, assertThrows } from "@std/assert";
import { ValueError } from "../../../lib/core/mod.ts";
import { LogisticDistribution } from "../../../lib/maxent/mod.ts";
import { fixture } from "./helpers.ts";

interface Case {
  mu: number;
  gamma: number;
  x: number[];
  pdf: number[];
  logPdf: number[];
  cdf: number[];
  p: number[];
  quantile: number[];
  mean: number;
  variance: number;
}
const { cases } = fixture<{ cases: Case[] }>("maxent_logistic_distribution");

/** |a − b| ≤ tol·max(1, |b|): relative for large values, absolute near 0. */
function close(a: number, b: number, tol: number, what: string): void {
  assertAlmostEquals(a, b, tol * Math.max(1, Math.abs(b)), what);
}

Deno.test("LogisticDistribution matches scipy.stats.logistic (pdf, logpdf, cdf, ppf, moments)", () => {
  for (const c of cases) {
    const d = new LogisticDistribution({ mu: c.mu, gamma: c.gamma });
    c.x.forEach((x, i) => {
      // pdf and cdf reach 1e-35 in the tails: compare relatively.
      assertAlmostEquals(d.pdf(x), c.pdf[i], 1e-13 * c.pdf[i] + 1e-300, `pdf(${x})`);
      close(d.logPdf(x), c.logPdf[i], 1e-13, `logPdf(${x})`);
      assertAlmostEquals(d.cdf(x), c.cdf[i], 1e-13 * c.cdf[i] + 1e-300, `cdf(${x})`);
    });
    c.p.forEach((p, i) => close(d.quantile(p), c.quantile[i], 1e-12, `quantile(${p})`));
    close(d.mean(), c.mean, 1e-15, "mean");
    close(d.variance(), c.variance, 1e-14, "variance");
  }
});

Deno.test("definition 6.1: F is symmetric about (μ, ½) and f = F' = F(1 − F)/γ", () => {
  const d = new LogisticDistribution({ mu: 1.5, gamma: 0.7 });
  for (const t of [0.1, 1, 3, 10]) {
    assertAlmostEquals(d.cdf(1.5 + t) + d.cdf(1.5 - t), 1, 1e-15);
    const F = d.cdf(1.5 + t);
    assertAlmostEquals(d.pdf(1.5 + t), F * (1 - F) / 0.7, 1e-15);
    const h = 1e-5;
    assertAlmostEquals((d.cdf(1.5 + t + h) - d.cdf(1.5 + t - h)) / (2 * h), d.pdf(1.5 + t), 1e-9);
  }
  assertAlmostEquals(d.cdf(1.5), 0.5, 0);
  assertAlmostEquals(d.quantile(d.cdf(2.3)), 2.3, 1e-14);
});

Deno.test("seeded samples have the right mean and variance and repeat with the seed", () => {
  const d = new LogisticDistribution({ mu: 2, gamma: 0.5 });
  const a = d.sample(20000, 7);
  const mean = a.reduce((s, v) => s + v, 0) / a.length;
  const variance = a.reduce((s, v) => s + (v - mean) ** 2, 0) / a.length;
  assertAlmostEquals(mean, 2, 0.02);
  assertAlmostEquals(variance, d.variance(), 0.03);
  assertAlmostEquals(d.sample(3, 7)[2], a[2], 0);
});

Deno.test("bad parameters are rejected by name", () => {
  assertThrows(() => new LogisticDistribution({ gamma: 0 }), ValueError, "'gamma'");
  assertThrows(() => new LogisticDistribution({ mu: Number.NaN }), ValueError, "'mu'");
  assertThrows(() => new LogisticDistribution().quantile(1.5), ValueError, "[0, 1]");
  assertThrows(() => new LogisticDistribution().sample(-1), ValueError, "'n'");
});
