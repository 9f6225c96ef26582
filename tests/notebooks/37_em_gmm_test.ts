/** The functions notebooks/37_em_gmm.ipynb uses, with the numbers it shows and claims. */
import { assert, assertAlmostEquals, assertEquals } from "@std/assert";
import { BernoulliMixture, GaussianMixture } from "../../lib/mixture/mod.ts";
import { headingIs, modelSections, sectionHeadings, sourceNotebook } from "../support/notebooks.ts";

Deno.test("notebook has the model sections and reading notes", () => {
  const headings = sectionHeadings(sourceNotebook("37_em_gmm"));
  for (const s of [...modelSections, "阅读笔记"]) {
    assert(headings.some((h) => headingIs(h, s)), `missing "## ${s}" in ${headings}`);
  }
});

const Y = [1, 1, 0, 1, 0, 0, 1, 0, 1, 1];
const loglik = (pi: number, p: number, q: number) =>
  Y.reduce((s, y) => s + Math.log(pi * (y ? p : 1 - p) + (1 - pi) * (y ? q : 1 - q)), 0);

Deno.test("the three starts: θ⁽¹⁾ = θ⁽²⁾, on the ridge πp + (1−π)q = 0.6, L = −6.7301", () => {
  const rows = [[[0.5, 0.5], [0.5, 0.5]], [[0.4, 0.6], [0.6, 0.7]], [[0.46, 0.54], [0.55, 0.67]]]
    .map(
      ([w, m]) => {
        const em = new BernoulliMixture({ weightsInit: w, meansInit: m }).fit(Y.map((y) => [y]));
        const [h1, h2] = em.history;
        h1.weights.forEach((w, k) => assertAlmostEquals(h2.weights[k], w, 1e-14));
        assertAlmostEquals(
          em.weights[0] * em.means.get(0, 0) + em.weights[1] * em.means.get(1, 0),
          0.6,
          1e-12,
        );
        assertEquals((10 * em.score(Y.map((y) => [y]))).toFixed(4), "-6.7301");
        assertEquals(em.nIter, 3);
        return [h1.weights[0], h1.means[0][0], h1.means[1][0]].map((v) => v.toFixed(4)).join(", ");
      },
    );
  assertEquals(rows, [
    "0.5000, 0.6000, 0.6000",
    "0.4064, 0.5368, 0.6432",
    "0.4619, 0.5346, 0.6561",
  ]);
});

Deno.test("Jensen lower bound B(θ, θ⁽ⁱ⁾) ≤ L(θ), equal at θ⁽ⁱ⁾", () => {
  const t0 = [0.4, 0.6, 0.7];
  const pB = (y: number, th: number[]) => th[0] * (y ? th[1] : 1 - th[1]);
  const pC = (y: number, th: number[]) => (1 - th[0]) * (y ? th[2] : 1 - th[2]);
  const mu = Y.map((y) => pB(y, t0) / (pB(y, t0) + pC(y, t0)));
  const B = (th: number[]) =>
    loglik(t0[0], t0[1], t0[2]) + Y.reduce((s, y, j) => {
      const den = pB(y, t0) + pC(y, t0);
      return s + mu[j] * Math.log(pB(y, th) / (mu[j] * den)) +
        (1 - mu[j]) * Math.log(pC(y, th) / ((1 - mu[j]) * den));
    }, 0);
  let minGap = Infinity;
  for (let t = 1; t <= 2000; t++) {
    const th = [0.618034, 0.754878, 0.569840].map((a) => ((t * a) % 1) * 0.98 + 0.01);
    minGap = Math.min(minGap, loglik(th[0], th[1], th[2]) - B(th));
  }
  assert(minGap >= 0);
  assertAlmostEquals(loglik(0.4, 0.6, 0.7) - B(t0), 0, 1e-12);
});

Deno.test("GMM table and BIC choices", () => {
  const fixture = JSON.parse(
    Deno.readTextFileSync(new URL("../fixtures/mixture_sklearn.json", import.meta.url)),
  );
  const X: number[][] = fixture.X;
  const expected: Record<string, [number, string]> = {
    full: [12, "-3.491857"],
    tied: [9, "-3.662312"],
    diag: [8, "-3.595907"],
    spherical: [9, "-3.685238"],
  };
  for (const c of fixture.cases.slice(0, 4)) {
    const gmm = new GaussianMixture({
      nComponents: 3,
      covarianceType: c.covarianceType,
      tol: c.tol,
      maxIter: c.maxIter,
      weightsInit: c.weightsInit,
      meansInit: c.meansInit,
      precisionsInit: c.precisionsInit,
    }).fit(X);
    assertEquals([gmm.nIter, gmm.score(X).toFixed(6)], expected[c.covarianceType]);
    const h = gmm.logLikelihoodHistory;
    for (let t = 1; t < h.length; t++) assert(h[t] >= h[t - 1]);
  }
  const best = (["full", "tied", "diag", "spherical"] as const).map((covarianceType) => {
    const bic = [1, 2, 3, 4, 5, 6].map((K) =>
      new GaussianMixture({ nComponents: K, covarianceType, seed: 0, tol: 1e-4, maxIter: 1000 })
        .fit(X).bic(X)
    );
    return bic.indexOf(Math.min(...bic)) + 1;
  });
  assertEquals(best, [3, 5, 5, 5]);
});

Deno.test("习题9.3 table", () => {
  const y = [-67, -48, 6, 8, 14, 16, 23, 24, 28, 29, 41, 49, 56, 60, 75].map((v) => [v]);
  const g = new GaussianMixture({ nComponents: 2, tol: 1e-10, maxIter: 1000 }).fit(y);
  const v = g.covariances as import("../../lib/core/mod.ts").Matrix[];
  const rows = [0, 1].map((k) =>
    [g.weights[k], g.means.get(k, 0), v[k].get(0, 0)].map((x) => x.toFixed(4))
  );
  assertEquals(rows.sort((a, b) => Number(a[1]) - Number(b[1])), [
    ["0.1332", "-57.5111", "90.2499"],
    ["0.8668", "32.9849", "429.4583"],
  ]);
});
