import { assertAlmostEquals, assertEquals, assertLess, assertThrows } from "@std/assert";
import {
  larsPath,
  lassoAtShrinkage,
  lassoPath,
  LinearRegression,
  loadDiabetes,
  Matrix,
  PCR,
  PLSRegression,
  shrinkageFactors,
  ValueError,
} from "../../../lib/mod.ts";
import { FIXTURE, maxDiff, prostate } from "./esl_helpers.ts";

function centred(X: Matrix, y: ArrayLike<number>) {
  const yMean = Array.from(y).reduce((a, b) => a + b, 0) / y.length;
  return {
    X: X.broadcastRow(X.mean(0), (a, b) => a - b),
    y: Float64Array.from(y, (v) => v - yMean),
  };
}

for (const method of ["lar", "lasso"] as const) {
  Deno.test(`larsPath (${method}) matches scikit-learn's lars_path on prostate and diabetes`, async () => {
    const d = await prostate();
    const diabetes = loadDiabetes();
    const cases = [
      [centred(d.Xtrain, d.ytrain), FIXTURE[`larsPath_${method}`]],
      [centred(Matrix.from2D(diabetes.X), diabetes.y), FIXTURE[`larsPathDiabetes_${method}`]],
    ] as const;
    for (const [data, ref] of cases) {
      const path = larsPath(data.X, data.y, { method });
      assertEquals(path.active, ref.active);
      assertEquals(path.coefs.cols, ref.alphas.length);
      assertLess(maxDiff(path.alphas, ref.alphas), 1e-9);
      assertLess(maxDiff(path.coefs, ref.coefs), 1e-8);
    }
  });
}

Deno.test("lasso on diabetes drops a variable (LAR and lasso paths differ); s runs 0 → 1", () => {
  const diabetes = loadDiabetes();
  const c = centred(Matrix.from2D(diabetes.X), diabetes.y);
  const lar = larsPath(c.X, c.y), lasso = larsPath(c.X, c.y, { method: "lasso" });
  assertEquals(lasso.coefs.cols, lar.coefs.cols + 2); // one variable leaves, then re-enters
  const s = shrinkageFactors(lasso);
  assertEquals([s[0], s[s.length - 1]], [0, 1]);
  const ls = new LinearRegression().fit(c.X, c.y);
  assertLess(maxDiff(lassoAtShrinkage(lasso, 1), ls.coef), 1e-8);
  assertThrows(() => lassoAtShrinkage(lasso, 1.5), ValueError, "s must be in [0, 1]");
  // options objects are checked: scikit-learn's spelling gets a hint
  assertThrows(
    // deno-lint-ignore no-explicit-any
    () => lassoPath(c.X, c.y, { n_alphas: 10 } as any),
    ValueError,
    "n_alphas",
  );
  assertThrows(
    () => larsPath(c.X, c.y, { method: "lars" as "lar" }),
    ValueError,
    "'method' option",
  );
});

Deno.test("PLSRegression matches scikit-learn's (coef, predict, transform, rotations)", async () => {
  const d = await prostate();
  for (const scale of [true, false]) {
    for (const k of [1, 2, 3]) {
      const ref = FIXTURE.pls[`${k}_${scale ? "True" : "False"}`];
      const m = new PLSRegression({ nComponents: k, scale }).fit(d.Xtrain, d.ytrain);
      const first = d.Xtrain.selectRows([0, 1, 2, 3, 4]);
      assertLess(maxDiff(m.coef, ref.coef), 1e-10);
      assertAlmostEquals(m.intercept, ref.intercept, 1e-10);
      assertLess(maxDiff(m.predict(first), ref.predict), 1e-10);
      assertLess(maxDiff(m.transform(first), ref.transform), 1e-10);
      assertLess(maxDiff(m.xRotations, ref.xRotations), 1e-10);
    }
  }
  assertThrows(
    () => new PLSRegression({ nComponents: 9 }).fit(d.Xtrain, d.ytrain),
    ValueError,
    "<= nFeatures = 8",
  );
});

Deno.test("PCR: M = p is least squares; components are orthonormal; M = 0 is the mean", async () => {
  const d = await prostate();
  const ls = new LinearRegression().fit(d.Xtrain, d.ytrain);
  const full = new PCR({ nComponents: 8 }).fit(d.Xtrain, d.ytrain);
  assertLess(maxDiff(full.coef, ls.coef), 1e-10);
  const V = new PCR({ nComponents: 3 }).fit(d.Xtrain, d.ytrain).components;
  assertLess(maxDiff(V.matmul(V.transpose()), Matrix.eye(3)), 1e-12);
  const none = new PCR({ nComponents: 0 }).fit(d.Xtrain, d.ytrain);
  assertAlmostEquals(none.intercept, d.ytrain.reduce((a, b) => a + b, 0) / 67, 1e-12);
});
