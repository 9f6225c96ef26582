import { assertEquals, assertLess, assertThrows } from "@std/assert";
import { Matrix, ShapeError, ValueError } from "../../../lib/core/mod.ts";
import { Gaussian, MultivariateGaussian } from "../../../lib/prob/mod.ts";
import { assertClose, loadFixture, moments, relativeError } from "./helpers.ts";

const cases = loadFixture("prob_distributions").multivariateGaussian;

Deno.test("MultivariateGaussian pdf and logPdf match scipy.stats.multivariate_normal", () => {
  let worst = 0;
  for (const c of cases) {
    const g = new MultivariateGaussian(c.params);
    c.x.forEach((x: number[], i: number) => {
      assertClose(g.pdf(x), c.pdf[i], `pdf(${x})`);
      assertClose(g.logPdf(x), c.logPdf[i], `logPdf(${x})`);
      worst = Math.max(
        worst,
        relativeError(g.pdf(x), c.pdf[i]),
        relativeError(g.logPdf(x), c.logPdf[i]),
      );
    });
  }
  console.log(`MultivariateGaussian worst relative error vs SciPy: ${worst.toExponential(2)}`);
});

Deno.test("MultivariateGaussian: 1-D case is the univariate Gaussian; diagonal Σ factorizes", () => {
  const one = new MultivariateGaussian({ mean: [1], cov: [[4]] });
  const uni = new Gaussian({ mean: 1, std: 2 });
  for (const x of [-3, 1, 2.5]) {
    assertClose(one.logPdf([x]), uni.logPdf(x), `x = ${x}`, { rtol: 1e-14 });
  }
  const diag = new MultivariateGaussian({ mean: [0, 1], cov: Matrix.from2D([[1, 0], [0, 9]]) });
  const a = new Gaussian(), b = new Gaussian({ mean: 1, std: 3 });
  assertClose(diag.pdf([0.3, -2]), a.pdf(0.3) * b.pdf(-2), "product", { rtol: 1e-14 });
  assertClose(
    new MultivariateGaussian({ mean: [0, 0], cov: [[1, 0.8], [0.8, 1]] }).pdf([0, 0]),
    1 / (2 * Math.PI * 0.6),
    "1 / (2π √|Σ|)",
    { rtol: 1e-14 },
  );
});

Deno.test("MultivariateGaussian samples: mean and covariance within sampling error", () => {
  const cov = [[2, 0.6, -0.4], [0.6, 1, 0.2], [-0.4, 0.2, 0.5]];
  const g = new MultivariateGaussian({ mean: [1, -2, 0.5], cov });
  const n = 20000;
  const X = g.sample(n, 17);
  assertEquals(X.shape, [n, 3]);
  const mu = g.mean();
  for (let i = 0; i < 3; i++) {
    const xi = X.col(i);
    assertLess(Math.abs(moments(xi).mean - mu[i]) / Math.sqrt(cov[i][i] / n), 4);
    for (let j = 0; j <= i; j++) {
      const xj = X.col(j);
      const sample = moments(xi.map((v, k) => (v - mu[i]) * (xj[k] - mu[j]))).mean;
      // Var[(Xi - μi)(Xj - μj)] = Σii Σjj + Σij² for a Gaussian.
      const se = Math.sqrt((cov[i][i] * cov[j][j] + cov[i][j] ** 2) / n);
      assertLess(Math.abs(sample - cov[i][j]) / se, 4, `cov[${i}][${j}]`);
    }
  }
});

Deno.test("MultivariateGaussian validates mean and cov", () => {
  assertThrows(
    () => new MultivariateGaussian({ mean: [0, 0], cov: [[1, 0], [0, 1], [0, 0]] }),
    ShapeError,
    "The 'cov' parameter must have shape (2, 2) to match 'mean'. Got (3, 2).",
  );
  assertThrows(
    () => new MultivariateGaussian({ mean: [0, 0], cov: [[1, 0.5], [0.4, 1]] }),
    ValueError,
    "The 'cov' parameter must be symmetric",
  );
  assertThrows(
    () => new MultivariateGaussian({ mean: [0, 0], cov: [[1, 2], [2, 1]] }),
    ValueError,
    "The 'cov' parameter must be positive-definite",
  );
  assertThrows(
    () => new MultivariateGaussian({ mean: [0, NaN], cov: [[1, 0], [0, 1]] }),
    ValueError,
    "The 'mean' parameter must be finite. Got NaN at index 1",
  );
  const g = new MultivariateGaussian({ mean: [0, 0], cov: [[1, 0], [0, 1]] });
  assertThrows(() => g.pdf([1, 2, 3]), ShapeError, "expects x with 2 entries. Got 3");
});
