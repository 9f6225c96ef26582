/** The functions notebooks/12_probability.ipynb uses, with the numbers it shows and claims. */
import { assertAlmostEquals, assertEquals, assertLess } from "@std/assert";
import { eigSymmetric, Random } from "../../lib/core/mod.ts";
import {
  Bernoulli,
  Beta,
  Categorical,
  Dirichlet,
  erf,
  Gamma,
  gammaIncP,
  gammaIncQ,
  Gaussian,
  Multinomial,
  MultivariateGaussian,
  Poisson,
} from "../../lib/prob/mod.ts";

const mean = (xs: ArrayLike<number>) => Array.from(xs).reduce((s, v) => s + v, 0) / xs.length;

Deno.test("seeded sampling: the same seed repeats, a shared Random continues", () => {
  const g = new Gaussian();
  assertEquals(g.sample(4, 42), g.sample(4, 42));
  const rng = new Random(42);
  const [a, b] = [g.sample(2, rng), g.sample(2, rng)];
  assertEquals([...a, ...b], [...g.sample(4, 42)]);
});

Deno.test("categorical die: 10000 rolls land within 4 SE of the pmf", () => {
  const die = new Categorical({ probs: [0.1, 0.2, 0.3, 0.4] });
  const rolls = die.sample(10000, 1);
  for (let k = 0; k < 4; k++) {
    const f = rolls.filter((r) => r === k).length / rolls.length;
    const p = die.pdf(k);
    assertLess(Math.abs(f - p), 4 * Math.sqrt((p * (1 - p)) / rolls.length));
  }
});

Deno.test("Poisson λ = 3 and λ = 40 (PTRS) frequencies follow the pmf", () => {
  for (const [lambda, seed] of [[3, 5], [40, 6]]) {
    const d = new Poisson({ lambda });
    const xs = d.sample(20000, seed);
    assertLess(Math.abs(mean(xs) - lambda), 4 * Math.sqrt(lambda / xs.length));
    const mode = Math.floor(lambda);
    const f = xs.filter((k) => k === mode).length / xs.length;
    assertLess(Math.abs(f - d.pdf(mode)), 4 * Math.sqrt(d.pdf(mode) / xs.length));
  }
});

Deno.test("multinomial: the marginal of x₁ is Binomial(10, 0.2); cov(x₁, x₂) = -0.6", () => {
  const multi = new Multinomial({ trials: 10, probs: [0.2, 0.3, 0.5] });
  let choose = 1; // C(10, k), updated as k grows
  for (let x1 = 0; x1 <= 10; x1++) {
    if (x1 > 0) choose = (choose * (10 - x1 + 1)) / x1;
    let marginal = 0;
    for (let x2 = 0; x1 + x2 <= 10; x2++) marginal += multi.pdf([x1, x2, 10 - x1 - x2]);
    assertAlmostEquals(marginal, choose * 0.2 ** x1 * 0.8 ** (10 - x1), 1e-14);
  }
  assertAlmostEquals(multi.covariance().get(0, 1), -0.6, 1e-15);
  const draws = multi.sample(20000, 7);
  const x1 = draws.col(0), x2 = draws.col(1);
  const m1 = mean(x1), m2 = mean(x2);
  const cov = x1.reduce((s, v, i) => s + (v - m1) * (x2[i] - m2), 0) / (x1.length - 1);
  assertLess(Math.abs(cov + 0.6), 0.05);
});

Deno.test("CDF landmarks the notebook prints", () => {
  const z = new Gaussian();
  assertAlmostEquals(z.cdf(1) - z.cdf(-1), 0.6827, 1e-4);
  assertAlmostEquals(z.cdf(1.96), 0.9750021048517795, 1e-15);
  assertAlmostEquals(z.cdf(-30) / 4.906713927148816e-198, 1, 1e-12);
  assertAlmostEquals(erf(1), 0.8427007929497149, 1e-15);
  const p = new Poisson({ lambda: 3 });
  const partial = [0, 1, 2, 3, 4].reduce((s, k) => s + p.pdf(k), 0);
  assertAlmostEquals(p.cdf(4), partial, 1e-15);
  assertEquals(p.cdf(4), gammaIncQ(5, 3));
  assertEquals(new Gamma({ shape: 2.5, scale: 0.8 }).cdf(2), gammaIncP(2.5, 2.5));
});

Deno.test("law of large numbers: the running mean of 5000 Gamma(2, 1.5) draws is within 2σ/√n of 3", () => {
  const d = new Gamma({ shape: 2, scale: 1.5 });
  const xs = d.sample(5000, 13);
  assertLess(Math.abs(mean(xs) - 3), (2 * Math.sqrt(4.5)) / Math.sqrt(5000));
});

Deno.test("CLT: means of 30 Exponential(1) draws follow Gamma(30, 1/30), close to N(1, 1/30)", () => {
  const m = 30, repeats = 5000;
  const draws = new Gamma({ shape: 1 }).sample(m * repeats, 14);
  const means = Array.from({ length: repeats }, (_, r) => mean(draws.subarray(r * m, (r + 1) * m)));
  const exact = new Gamma({ shape: m, scale: 1 / m });
  assertAlmostEquals(exact.mean(), 1, 1e-15);
  assertAlmostEquals(exact.variance(), 1 / 30, 1e-15);
  assertLess(Math.abs(mean(means) - 1), 4 * Math.sqrt(1 / 30 / repeats));
  // The exact law is still a little skewed: its density at the mean sits below the normal's.
  const clt = new Gaussian({ mean: 1, std: Math.sqrt(1 / 30) });
  assertLess(Math.abs(exact.pdf(1) / clt.pdf(1) - 1), 0.02);
});

Deno.test("multivariate Gaussian: eigen-axes of Σ and the sample covariance", () => {
  const mvn = new MultivariateGaussian({ mean: [1, -0.5], cov: [[2, 1.2], [1.2, 1]] });
  const { values } = eigSymmetric(mvn.covariance());
  assertAlmostEquals(values[0], 0.2, 1e-12);
  assertAlmostEquals(values[1], 2.8, 1e-12);
  const X = mvn.sample(20000, 16);
  const a = X.col(0), b = X.col(1);
  const ma = mean(a), mb = mean(b);
  const cov = a.reduce((s, v, k) => s + (v - ma) * (b[k] - mb), 0) / (a.length - 1);
  assertLess(Math.abs(cov - 1.2), 4 * Math.sqrt((2 * 1 + 1.2 ** 2) / 20000));
  // The density peaks at μ with value 1 / (2π √|Σ|), |Σ| = 0.56.
  assertAlmostEquals(mvn.pdf([1, -0.5]), 1 / (2 * Math.PI * Math.sqrt(0.56)), 1e-14);
});

Deno.test("Beta posterior concentrates near p = 0.7; Dirichlet samples average to α/α₀", () => {
  const tosses = new Bernoulli({ p: 0.7 }).sample(200, 17);
  const heads = tosses.reduce((s, v) => s + v, 0);
  const posterior = new Beta({ alpha: 2 + heads, beta: 2 + 200 - heads });
  assertLess(Math.abs(posterior.mean() - 0.7), 3 * Math.sqrt(posterior.variance()));
  assertLess(posterior.variance(), new Beta({ alpha: 2, beta: 2 }).variance() / 40);
  const dir = new Dirichlet({ alpha: [2, 5, 3] });
  const X = dir.sample(20000, 18);
  const sd = dir.variance().map((v) => Math.sqrt(v / 20000));
  dir.mean().forEach((mu, k) => assertLess(Math.abs(mean(X.col(k)) - mu), 4 * sd[k]));
});
