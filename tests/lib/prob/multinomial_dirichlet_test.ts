import { assertEquals, assertLess, assertThrows } from "@std/assert";
import { ShapeError, ValueError } from "../../../lib/core/mod.ts";
import { Dirichlet, Multinomial } from "../../../lib/prob/mod.ts";
import { assertClose, loadFixture, moments, relativeError } from "./helpers.ts";

const fx = loadFixture("prob_distributions");

Deno.test("Multinomial pmf, logPmf, mean, covariance match scipy.stats.multinomial", () => {
  let worst = 0;
  for (const c of fx.multinomial) {
    const m = new Multinomial(c.params);
    c.x.forEach((x: number[], i: number) => {
      assertClose(m.pdf(x), c.pdf[i], `pmf(${x})`);
      assertClose(m.logPdf(x), c.logPdf[i], `logPmf(${x})`);
      worst = Math.max(worst, relativeError(m.pdf(x), c.pdf[i]));
    });
    m.mean().forEach((v, k) => assertClose(v, c.mean[k], "mean"));
    const cov = m.covariance();
    c.covariance.forEach((row: number[], i: number) =>
      row.forEach((v, j) => assertClose(cov.get(i, j), v, `cov[${i}][${j}]`, { atol: 1e-15 }))
    );
  }
  console.log(`Multinomial worst relative error vs SciPy: ${worst.toExponential(2)}`);
});

Deno.test("Multinomial: counts that do not sum to n or are not integers have probability 0", () => {
  const m = new Multinomial({ trials: 3, probs: [0.5, 0.5] });
  assertClose(m.pdf([2, 1]), 0.375, "3 · 0.5³", { rtol: 1e-14 });
  assertEquals(m.pdf([2, 2]), 0);
  assertEquals(m.pdf([1.5, 1.5]), 0);
  assertEquals(m.pdf([4, -1]), 0);
  assertEquals(new Multinomial({ trials: 0, probs: [0.6, 0.4] }).pdf([0, 0]), 1);
  assertEquals(new Multinomial({ trials: 2, probs: [1, 0] }).pdf([1, 1]), 0);
  assertThrows(() => m.pdf([1, 1, 1]), ShapeError, "expects x with 2 entries. Got 3");
  assertThrows(
    () => new Multinomial({ trials: 2.5, probs: [1] }),
    ValueError,
    "The 'trials' parameter must be an integer >= 0. Got 2.5 instead.",
  );
});

Deno.test("Multinomial samples: rows sum to n; mean and variance per category within 4 SE", () => {
  const m = new Multinomial({ trials: 10, probs: [0.2, 0.3, 0.5] });
  const n = 20000;
  const X = m.sample(n, 4);
  assertEquals(X.shape, [n, 3]);
  for (let i = 0; i < n; i++) assertEquals(X.get(i, 0) + X.get(i, 1) + X.get(i, 2), 10);
  const mean = m.mean(), variance = m.variance();
  for (let k = 0; k < 3; k++) {
    const s = moments(X.col(k));
    // Each count is Binomial(10, p_k): excess kurtosis (1 - 6p(1-p)) / (n p (1-p)).
    const p = m.params.probs[k];
    const kurt = (1 - 6 * p * (1 - p)) / (10 * p * (1 - p));
    assertLess(Math.abs(s.mean - mean[k]) / Math.sqrt(variance[k] / n), 4);
    assertLess(
      Math.abs(s.variance - variance[k]) / (variance[k] * Math.sqrt(2 / (n - 1) + kurt / n)),
      4,
    );
  }
});

Deno.test("Dirichlet pdf, logPdf, mean, variance match scipy.stats.dirichlet", () => {
  let worst = 0;
  for (const c of fx.dirichlet) {
    const d = new Dirichlet(c.params);
    c.x.forEach((x: number[], i: number) => {
      assertClose(d.pdf(x), c.pdf[i], `pdf(${x})`);
      assertClose(d.logPdf(x), c.logPdf[i], `logPdf(${x})`, { atol: 1e-14 });
      worst = Math.max(worst, relativeError(d.pdf(x), c.pdf[i]));
    });
    d.mean().forEach((v, k) => assertClose(v, c.mean[k], "mean"));
    d.variance().forEach((v, k) => assertClose(v, c.variance[k], "variance"));
  }
  console.log(`Dirichlet worst relative error vs SciPy: ${worst.toExponential(2)}`);
});

Deno.test("Dirichlet: flat on the triangle, off-simplex points, validation", () => {
  const flat = new Dirichlet({ alpha: [1, 1, 1] });
  assertClose(flat.pdf([0.2, 0.3, 0.5]), 2, "Γ(3)", { rtol: 1e-14 });
  assertClose(flat.pdf([1, 0, 0]), 2, "corner", { rtol: 1e-14 });
  assertEquals(flat.pdf([1.2, -0.2, 0]), 0);
  assertThrows(
    () => flat.pdf([0.2, 0.2, 0.2]),
    ValueError,
    "entries summing to 1. Got a sum of 0.6",
  );
  assertThrows(() => flat.pdf([0.5, 0.5]), ShapeError, "expects x with 3 entries. Got 2");
  assertThrows(
    () => new Dirichlet({ alpha: [1, 0] }),
    ValueError,
    "The 'alpha' parameter must be all > 0. Got 0 at index 1 instead.",
  );
  assertThrows(() => new Dirichlet({ alpha: [2] }), ShapeError, "at least 2 entries. Got 1");
});

Deno.test("Dirichlet samples lie on the simplex; mean, variance and covariance within 4 SE", () => {
  const d = new Dirichlet({ alpha: [2, 5, 0.5] });
  const n = 20000;
  const X = d.sample(n, 8);
  for (let i = 0; i < n; i++) {
    const row = X.row(i);
    assertClose(row[0] + row[1] + row[2], 1, `row ${i} sum`, { rtol: 1e-14 });
    assertEquals(row.every((v) => v >= 0 && v <= 1), true);
  }
  const mean = d.mean(), variance = d.variance();
  for (let k = 0; k < 3; k++) {
    // Each component is Beta(α_k, α₀ - α_k), whose moments are checked in beta_test.ts; here the mean.
    const s = moments(X.col(k));
    assertLess(Math.abs(s.mean - mean[k]) / Math.sqrt(variance[k] / n), 4);
    assertLess(Math.abs(s.variance / variance[k] - 1), 0.05);
  }
  const c01 = moments(X.col(0).map((v, i) => (v - mean[0]) * (X.get(i, 1) - mean[1]))).mean;
  assertLess(Math.abs(c01 / d.covariance().get(0, 1) - 1), 0.1);
});

Deno.test("Dirichlet with tiny concentrations still samples valid points", () => {
  const X = new Dirichlet({ alpha: [0.01, 0.01, 0.01] }).sample(2000, 1);
  assertEquals(X.data.every((v) => Number.isFinite(v) && v >= 0 && v <= 1), true);
});
