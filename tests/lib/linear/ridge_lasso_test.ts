import { assert, assertAlmostEquals, assertEquals, assertLess, assertThrows } from "@std/assert";
import {
  catchWarnings,
  Lasso,
  lassoPath,
  Ridge,
  ridgeAlphaForDf,
  ridgeDf,
  ridgePath,
  svd,
  ValueError,
} from "../../../lib/mod.ts";
import { FIXTURE, maxDiff, prostate } from "./esl_helpers.ts";

Deno.test("Ridge matches scikit-learn's on the prostate training data", async () => {
  const d = await prostate();
  for (
    const [alpha, ref] of Object.entries(FIXTURE.ridge) as [
      string,
      { coef: number[]; intercept: number },
    ][]
  ) {
    const m = new Ridge({ alpha: Number(alpha) }).fit(d.Xtrain, d.ytrain);
    assertLess(maxDiff(m.coef, ref.coef), 1e-10, `alpha ${alpha}`);
    assertAlmostEquals(m.intercept, ref.intercept, 1e-10);
  }
});

Deno.test("Ridge: df(α) runs from p to 0, ridgeAlphaForDf inverts it, α = 0 is least squares", async () => {
  const d = await prostate();
  const s = svd(d.Xtrain.broadcastRow(d.Xtrain.mean(0), (a, b) => a - b)).s;
  assertAlmostEquals(ridgeDf(s, 0), 8, 1e-12);
  for (const df of [1, 4.5, 7]) assertAlmostEquals(ridgeDf(s, ridgeAlphaForDf(s, df)), df, 1e-9);
  const path = ridgePath(d.Xtrain, d.ytrain, [0, 1e12]);
  assertAlmostEquals(path.coefs.get(0, 0), 0.680, 5e-4); // Table 3.3's LS lcavol
  assertLess(Math.abs(path.coefs.get(0, 1)), 1e-9);
  assertAlmostEquals(new Ridge({ alpha: 3 }).fit(d.Xtrain, d.ytrain).df, ridgeDf(s, 3), 1e-12);
  assertThrows(() => new Ridge({ alpha: -1 }), ValueError, "'alpha' option must be a number >= 0");
});

Deno.test("Lasso by coordinate descent matches scikit-learn's (tol 1e-12)", async () => {
  const d = await prostate();
  for (
    const [alpha, ref] of Object.entries(FIXTURE.lasso) as [
      string,
      { coef: number[]; intercept: number },
    ][]
  ) {
    const m = new Lasso({ alpha: Number(alpha), tol: 1e-12, maxIter: 100000 }).fit(
      d.Xtrain,
      d.ytrain,
    );
    assert(m.converged);
    assertLess(maxDiff(m.coef, ref.coef), 1e-8, `alpha ${alpha}`);
    assertAlmostEquals(m.intercept, ref.intercept, 1e-8);
  }
  // too few sweeps: a ConvergenceWarning, as scikit-learn
  const caught = catchWarnings(() =>
    new Lasso({ alpha: 0.001, maxIter: 2, tol: 1e-12 }).fit(d.Xtrain, d.ytrain)
  );
  assertEquals(caught.result.converged, false);
  assertEquals(caught.warnings.map((w) => w.name), ["ConvergenceWarning"]);
  // a large penalty zeroes every coefficient: the fit is the mean
  const big = new Lasso({ alpha: 10 }).fit(d.Xtrain, d.ytrain);
  assertEquals(Array.from(big.coef), new Array(8).fill(0));
});

Deno.test("sample weights: Ridge and Lasso match scikit-learn's sample_weight", async () => {
  const d = await prostate();
  const sampleWeight = Array.from({ length: 67 }, (_, i) => [1, 2, 0, 3, 0.5][i % 5]);
  const ridge = new Ridge({ alpha: 1 }).fit(d.Xtrain, d.ytrain, { sampleWeight });
  assertLess(maxDiff(ridge.coef, FIXTURE.ridgeWeighted.coef), 1e-10);
  assertAlmostEquals(ridge.intercept, FIXTURE.ridgeWeighted.intercept, 1e-10);
  const lasso = new Lasso({ alpha: 0.05, tol: 1e-12, maxIter: 100000 }).fit(d.Xtrain, d.ytrain, {
    sampleWeight,
  });
  assertLess(maxDiff(lasso.coef, FIXTURE.lassoWeighted.coef), 1e-8);
  assertAlmostEquals(lasso.intercept, FIXTURE.lassoWeighted.intercept, 1e-8);
  assertThrows(
    () => new Ridge().fit(d.Xtrain, d.ytrain, { sampleWeight: [-1, ...sampleWeight.slice(1)] }),
    ValueError,
    "sampleWeight must be non-negative",
  );
});

Deno.test("lassoPath matches scikit-learn's lasso_path (grid and coefficients)", async () => {
  const d = await prostate();
  const Xc = d.Xtrain.broadcastRow(d.Xtrain.mean(0), (a, b) => a - b);
  const yMean = d.ytrain.reduce((a, b) => a + b, 0) / d.ytrain.length;
  const yc = d.ytrain.map((v) => v - yMean);
  const path = lassoPath(Xc, yc, { nAlphas: 30, eps: 1e-3, tol: 1e-12, maxIter: 100000 });
  assertLess(maxDiff(path.alphas, FIXTURE.lassoPath.alphas), 1e-12);
  assertLess(maxDiff(path.coefs, FIXTURE.lassoPath.coefs), 1e-8);
});
