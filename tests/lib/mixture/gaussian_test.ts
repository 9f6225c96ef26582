import { assert, assertAlmostEquals, assertEquals, assertThrows } from "@std/assert";
import { catchWarnings, ConvergenceWarning, Matrix, ValueError } from "../../../lib/core/mod.ts";
import { type CovarianceType, GaussianMixture } from "../../../lib/mixture/mod.ts";

interface Case {
  covarianceType: CovarianceType;
  nComponents: number;
  tol: number;
  maxIter: number;
  weightsInit: number[];
  meansInit: number[][];
  precisionsInit: number[] | number[][] | number[][][];
  weights: number[];
  means: number[][];
  covariances: number[] | number[][] | number[][][];
  lowerBound: number;
  nIter: number;
  score: number;
  points: number[][];
  scoreSamples: number[];
  proba: number[][];
  predict: number[];
  bic: number;
  aic: number;
}
const fixture = JSON.parse(
  Deno.readTextFileSync(new URL("../../fixtures/mixture_sklearn.json", import.meta.url)),
) as {
  X: number[][];
  cases: Case[];
  kmeansStart: { means: number[][]; weights: number[]; score: number };
};
const X = fixture.X;

const flat = (v: Matrix[] | Matrix | Float64Array): number[] =>
  v instanceof Float64Array
    ? Array.from(v)
    : v instanceof Matrix
    ? Array.from(v.data)
    : v.flatMap((m) => Array.from(m.data));
const close = (a: ArrayLike<number>, b: number[], tol: number, what: string) => {
  assertEquals(a.length, b.length, what);
  for (let i = 0; i < b.length; i++) {
    assert(
      Math.abs(a[i] - b[i]) <= tol * Math.max(1, Math.abs(b[i])),
      `${what}[${i}]: ${a[i]} vs ${b[i]}`,
    );
  }
};

for (const c of fixture.cases) {
  Deno.test(`scikit-learn parity from the same start: ${c.covarianceType}, K = ${c.nComponents}`, () => {
    const gmm = new GaussianMixture({
      nComponents: c.nComponents,
      covarianceType: c.covarianceType,
      tol: c.tol,
      maxIter: c.maxIter,
      weightsInit: c.weightsInit,
      meansInit: c.meansInit,
      precisionsInit: c.precisionsInit,
    }).fit(X);
    assertEquals(gmm.nIter, c.nIter);
    close(gmm.weights, c.weights, 1e-9, "weights");
    close(gmm.means.data, c.means.flat(), 1e-9, "means");
    close(flat(gmm.covariances), [c.covariances].flat(3) as number[], 1e-9, "covariances");
    assertAlmostEquals(gmm.lowerBound, c.lowerBound, 1e-10);
    assertAlmostEquals(gmm.score(X), c.score, 1e-10);
    close(gmm.scoreSamples(c.points), c.scoreSamples, 1e-9, "score_samples");
    close(gmm.predictProba(c.points).data, c.proba.flat(), 1e-8, "predict_proba");
    assertEquals(gmm.predict(c.points), c.predict);
    assertAlmostEquals(gmm.bic(X), c.bic, 1e-6);
    assertAlmostEquals(gmm.aic(X), c.aic, 1e-6);
    // EM never lowers the likelihood (定理9.1)
    const h = gmm.logLikelihoodHistory;
    for (let t = 1; t < h.length; t++) assert(h[t] >= h[t - 1] - 1e-12, `iteration ${t}`);
  });
}

Deno.test("k-means start: the same optimum as scikit-learn's own k-means start", () => {
  const gmm = new GaussianMixture({ nComponents: 3, tol: 1e-6, maxIter: 500, seed: 0 }).fit(X);
  const order = [0, 1, 2].sort((a, b) => gmm.means.get(a, 0) - gmm.means.get(b, 0));
  close(
    order.flatMap((k) => Array.from(gmm.means.row(k))),
    fixture.kmeansStart.means.flat(),
    1e-4,
    "means",
  );
  close(order.map((k) => gmm.weights[k]), fixture.kmeansStart.weights, 1e-4, "weights");
  assertAlmostEquals(gmm.score(X), fixture.kmeansStart.score, 1e-6);
});

Deno.test("every initialisation is seeded and the likelihood rises monotonically", () => {
  for (const initParams of ["kmeans", "k-means++", "random"] as const) {
    for (const covarianceType of ["full", "tied", "diag", "spherical"] as const) {
      const make = () =>
        new GaussianMixture({ nComponents: 3, covarianceType, initParams, seed: 7, tol: 1e-8 });
      const a = make().fit(X), b = make().fit(X);
      assertEquals(a.means, b.means);
      const h = a.logLikelihoodHistory;
      for (let t = 1; t < h.length; t++) {
        assert(h[t] >= h[t - 1] - 1e-12, `${initParams} ${covarianceType} ${t}`);
      }
    }
  }
});

Deno.test("shapes of covariances per type; bad input", () => {
  const fit = (covarianceType: CovarianceType) =>
    new GaussianMixture({ nComponents: 2, covarianceType }).fit(X);
  assertEquals((fit("full").covariances as Matrix[]).length, 2);
  assertEquals((fit("tied").covariances as Matrix).shape, [2, 2]);
  assertEquals((fit("diag").covariances as Matrix).shape, [2, 2]);
  assertEquals((fit("spherical").covariances as Float64Array).length, 2);
  assertEquals(fit("spherical").covarianceMatrices[1].get(0, 1), 0);
  assertThrows(
    () => new GaussianMixture({ nComponents: 5 }).fit([[0], [1]]),
    ValueError,
    "at least",
  );
  assertThrows(
    () => new GaussianMixture({ covarianceType: "banana" as "full" }),
    ValueError,
    "covarianceType",
  );
  assertThrows(
    () => new GaussianMixture({ nComponents: 2, weightsInit: [0.5, 0.6] }).fit(X),
    ValueError,
    "weightsInit",
  );
  assertThrows(
    () => new GaussianMixture({ nComponents: 2, regCovar: 0, initParams: "k-means++" }).fit(X),
    ValueError,
    "not positive definite",
  );
  const { warnings } = catchWarnings(() =>
    new GaussianMixture({ nComponents: 3, maxIter: 2, tol: 0 }).fit(X)
  );
  assert(warnings[0] instanceof ConvergenceWarning);
  const gmm = fit("diag");
  assertEquals(GaussianMixture.fromJSON(JSON.stringify(gmm)).score(X), gmm.score(X));
});

Deno.test("习题9.3: two-component GMM on the 15 points, as scikit-learn (α, μ, σ²)", () => {
  const y = [-67, -48, 6, 8, 14, 16, 23, 24, 28, 29, 41, 49, 56, 60, 75].map((v) => [v]);
  const gmm = new GaussianMixture({ nComponents: 2, tol: 1e-10, maxIter: 1000 }).fit(y);
  const k = gmm.means.get(0, 0) < 0 ? [0, 1] : [1, 0]; // the component with the negative mean first
  // GaussianMixture(2, tol=1e-10, random_state=0) in scikit-learn 1.2.1
  assertAlmostEquals(gmm.weights[k[0]], 0.13317228, 1e-7);
  assertAlmostEquals(gmm.means.get(k[0], 0), -57.51107685, 1e-6);
  assertAlmostEquals(gmm.means.get(k[1], 0), 32.98488733, 1e-6);
  const v = gmm.covariances as Matrix[];
  assertAlmostEquals(v[k[0]].get(0, 0), 90.24987868, 1e-5);
  assertAlmostEquals(v[k[1]].get(0, 0), 429.45834343, 1e-5);
});
