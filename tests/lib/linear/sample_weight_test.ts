/**
 * Weighted logistic regression (scikit-learn's `sample_weight`: minimise C·Σ wᵢℓᵢ + ½‖w‖²)
 * against scikit-learn 1.2's newton-cg optimum (tools/fixtures_sample_weight.py), and integer
 * weights against repeated rows for the linear models.
 */
import { assert, assertThrows } from "@std/assert";
import { Random, ValueError } from "../../../lib/core/mod.ts";
import { loadToyDataset } from "../../../lib/data/mod.ts";
import {
  LinearRegression,
  LogisticRegression,
  SoftmaxRegression,
} from "../../../lib/linear/mod.ts";
import { StandardScaler } from "../../../lib/preprocessing/mod.ts";

const fixture = JSON.parse(
  Deno.readTextFileSync(new URL("../../fixtures/sample_weight_sklearn.json", import.meta.url)),
);

interface Case {
  dataset: "iris" | "breast_cancer";
  weights: string;
  sampleWeight: number[];
  C: number;
  coef: number[][];
  intercept: number[];
  predictProba: number[][];
}

function repeat<T>(rows: readonly T[], w: readonly number[]): T[] {
  return rows.flatMap((r, i) => Array.from({ length: w[i] }, () => r));
}

for (const solver of ["newton", "lbfgs"] as const) {
  Deno.test(`weighted LogisticRegression (${solver}) reaches scikit-learn's optimum`, () => {
    const gaps: string[] = [];
    for (const c of fixture.logistic as Case[]) {
      const { X, y } = loadToyDataset(c.dataset);
      const Z = new StandardScaler().fitTransform(X);
      const model = new LogisticRegression({ C: c.C, solver, tol: 1e-10, maxIter: 500 }).fit(
        Z,
        y,
        { sampleWeight: c.sampleWeight },
      );
      let gap = 0;
      const coef = model.coef.toArray();
      c.coef.forEach((row, k) =>
        row.forEach((v, j) => (gap = Math.max(gap, Math.abs(coef[k][j] - v))))
      );
      model.intercept.forEach((v, k) => (gap = Math.max(gap, Math.abs(v - c.intercept[k]))));
      const P = model.predictProba(Z).toArray();
      let pGap = 0;
      c.predictProba.forEach((row, i) =>
        row.forEach((v, k) => (pGap = Math.max(pGap, Math.abs(P[i][k] - v))))
      );
      gaps.push(
        `${c.dataset} ${c.weights} C=${c.C}: coef ${gap.toExponential(1)}, proba ${
          pGap.toExponential(1)
        }`,
      );
      assert(gap < 1e-5 && pGap < 1e-6, gaps.at(-1));
    }
    console.log(`max |Δ| vs scikit-learn (${solver}):\n  ${gaps.join("\n  ")}`);
  });
}

Deno.test("integer weights equal repeated rows: logistic, softmax, linear regression", () => {
  const { X, y } = loadToyDataset("iris");
  const Z = new StandardScaler().fitTransform(X).toArray();
  const rng = new Random(1);
  const w = Z.map(() => rng.int(4));
  const Zr = repeat(Z, w), yr = repeat(y, w);
  const close = (a: number[][], b: number[][], tol: number) =>
    a.every((r, i) => r.every((v, k) => Math.abs(v - b[i][k]) <= tol));
  const lr = (o = {}) => new LogisticRegression({ solver: "newton", tol: 1e-12, ...o });
  assert(close(
    lr().fit(Z, y, { sampleWeight: w }).predictProba(Z).toArray(),
    lr().fit(Zr, yr).predictProba(Z).toArray(),
    1e-9,
  ));
  const sm = () => new SoftmaxRegression({ epochs: 30 });
  const a = sm().fit(Z, y, { sampleWeight: w });
  assert(a.predict(Z).length === Z.length);
  const target = Z.map((r) => 2 * r[0] - r[1] + 0.5 * r[3]);
  const l1 = new LinearRegression().fit(Z, target.map((v, i) => v + (i % 3) * 0.1), {
    sampleWeight: w,
  });
  const l2 = new LinearRegression().fit(Zr, repeat(target.map((v, i) => v + (i % 3) * 0.1), w));
  l1.coef.forEach((v, j) => assert(Math.abs(v - l2.coef[j]) < 1e-10));
  assert(Math.abs(l1.intercept - l2.intercept) < 1e-10);
  assertThrows(
    () =>
      new LogisticRegression({ solver: "irls" }).fit(Z, y.map((v) => v % 2), { sampleWeight: w }),
    ValueError,
    "irls",
  );
});
