/** ESL §3.2-3.5 on the prostate data: Tables 3.1, 3.2 and 3.3 with the book's numbers. */
import { assert, assertAlmostEquals, assertEquals, assertThrows } from "@std/assert";
import {
  bestSubset,
  correlationMatrix,
  crossValidationCurve,
  eslTable33,
  kFoldIndices,
  LinearRegression,
  oneStandardErrorRule,
  parseProstate,
  table33Fitters,
  testErrorOf,
  ValueError,
} from "../../../lib/mod.ts";
import { prostate } from "./esl_helpers.ts";

const SHARED = new URL("../../../../shared/data/esl/prostate.data", import.meta.url);

Deno.test("Table 3.1: correlations of the training predictors (3 decimals)", async () => {
  const d = await prostate();
  const R = correlationMatrix(d.Xtrain);
  // ESL Table 3.1, lower triangle by rows (lweight..pgg45 against the columns before them)
  const table31 = [
    [0.300],
    [0.286, 0.317],
    [0.063, 0.437, 0.287],
    [0.593, 0.181, 0.129, -0.139],
    [0.692, 0.157, 0.173, -0.089, 0.671],
    [0.426, 0.024, 0.366, 0.033, 0.307, 0.476],
    [0.483, 0.074, 0.276, -0.030, 0.481, 0.663, 0.757],
  ];
  table31.forEach((row, i) =>
    row.forEach((r, j) =>
      assertAlmostEquals(
        R.get(i + 1, j),
        r,
        5e-4,
        `corr(${d.featureNames[i + 1]}, ${d.featureNames[j]})`,
      )
    )
  );
  assertAlmostEquals(R.get(2, 2), 1, 1e-12);
});

Deno.test("Table 3.2: least squares on the 67 training rows, every printed digit", async () => {
  const d = await prostate();
  const rows = new LinearRegression().fit(d.Xtrain, d.ytrain).summary(d.featureNames);
  const table32: [string, number, number, number][] = [
    ["intercept", 2.46, 0.09, 27.60],
    ["lcavol", 0.68, 0.13, 5.37],
    ["lweight", 0.26, 0.10, 2.75],
    ["age", -0.14, 0.10, -1.40],
    ["lbph", 0.21, 0.10, 2.06],
    ["svi", 0.31, 0.12, 2.47],
    ["lcp", -0.29, 0.15, -1.87],
    ["gleason", -0.02, 0.15, -0.15],
    ["pgg45", 0.27, 0.15, 1.74],
  ];
  assertEquals(rows.map((r) => r.name), table32.map((t) => t[0]));
  table32.forEach(([name, coef, se, z], j) => {
    assertEquals(rows[j].coef.toFixed(2), coef.toFixed(2), `${name} coef`);
    assertEquals(rows[j].stdErr.toFixed(2), se.toFixed(2), `${name} se`);
    assertEquals(rows[j].z.toFixed(2), z.toFixed(2), `${name} z`);
  });
});

Deno.test("Table 3.3: LS, best subset, PCR and PLS columns at the book's complexities", async () => {
  const d = await prostate();
  const round = (v: number, k = 3) => Number(v.toFixed(k));
  const ls = new LinearRegression().fit(d.Xtrain, d.ytrain);
  const lsCoef = [ls.intercept, ...ls.coef];
  assertEquals(lsCoef.map((v) => round(v)), [
    2.465,
    0.680,
    0.263,
    -0.141,
    0.210,
    0.305,
    -0.288,
    -0.021,
    0.267,
  ]);
  let e = testErrorOf(d, lsCoef);
  assertEquals([round(e.error), round(e.stdErr)], [0.521, 0.179]);
  const subset = table33Fitters["Best Subset"](d.Xtrain, d.ytrain, [2])[0];
  assertEquals(subset.map((v) => round(v)), [2.477, 0.740, 0.316, 0, 0, 0, 0, 0, 0]);
  e = testErrorOf(d, subset);
  assertEquals([round(e.error), round(e.stdErr)], [0.492, 0.143]);
  // PCR with 7 directions: the book's test error; coefficients within 0.011 of its column
  const pcr = table33Fitters.PCR(d.Xtrain, d.ytrain, [7])[0];
  e = testErrorOf(d, pcr);
  assertEquals(round(e.error), 0.449);
  [2.497, 0.543, 0.289, -0.152, 0.214, 0.315, -0.051, 0.232, -0.056]
    .forEach((b, j) => assertAlmostEquals(pcr[j], b, 0.012));
  // PLS with 2 directions on the book's standardised inputs: its slopes to 3 decimals but one
  const pls = table33Fitters.PLS(d.Xtrain, d.ytrain, [2])[0];
  [0.419, 0.344, -0.026, 0.220, 0.243, 0.079, 0.011, 0.084]
    .forEach((b, j) => assertAlmostEquals(pls[j + 1], b, 1.5e-3));
  e = testErrorOf(d, pls);
  assertAlmostEquals(e.error, 0.528, 2e-3);
});

Deno.test("best subset: size 2 is {lcavol, lweight}; RSS falls with size", async () => {
  const d = await prostate();
  const { best, all } = bestSubset(d.Xtrain, d.ytrain);
  assertEquals(all.length, 256);
  assertEquals(best[1].features, [0]);
  assertEquals(best[2].features, [0, 1]);
  for (let k = 1; k <= 8; k++) assert(best[k].rss <= best[k - 1].rss);
});

Deno.test("Table 3.3 by 10-fold CV and the one-SE rule: LS row fixed, choices depend on folds", async () => {
  const d = await prostate();
  const table = eslTable33(d, { seed: 1 });
  assertEquals(table.map((c) => c.method), ["LS", "Best Subset", "Ridge", "Lasso", "PCR", "PLS"]);
  assertEquals(Number(table[0].testError.toFixed(3)), 0.521);
  const chosen = Object.fromEntries(table.map((c) => [c.method, c.chosen]));
  // the one-SE rule picks simple models: at most half the flexibility of least squares
  assertEquals(chosen["Best Subset"], 2);
  assert(chosen.Ridge >= 2 && chosen.Ridge <= 6, `ridge df ${chosen.Ridge}`);
  assert(chosen.Lasso > 0.2 && chosen.Lasso < 0.6, `lasso s ${chosen.Lasso}`);
  assert(chosen.PLS >= 1 && chosen.PLS <= 3, `PLS ${chosen.PLS}`);
  for (const c of table.slice(1)) {
    assert(c.cv !== undefined);
    assertEquals(c.cv.mean.length, c.complexities.length);
    assert(c.testError > 0.4 && c.testError < 0.6, `${c.method} ${c.testError}`);
  }
});

Deno.test("Table 3.3 over 10 fold splits: what the one-SE rule picks (the notebook quotes this)", async () => {
  const d = await prostate();
  const picks: Record<string, number[]> = {};
  for (let seed = 0; seed < 10; seed++) {
    for (const c of eslTable33(d, { seed })) (picks[c.method] ??= []).push(c.chosen);
  }
  const count = (m: string, v: number) => picks[m].filter((c) => c === v).length;
  assertEquals(count("LS", 8), 10);
  assertEquals(count("Best Subset", 2), 8); // the book's choice
  assertEquals(count("Ridge", 3) + count("Ridge", 4), 10); // the book: df ≈ 5
  assertEquals(count("Lasso", 0.36), 3); // the book's s; all picks in [0.32, 0.44]
  assert(picks.Lasso.every((s) => s >= 0.32 && s <= 0.44));
  assertEquals(count("PCR", 3), 9); // the book: 7
  assertEquals([count("PLS", 1), count("PLS", 2)], [6, 4]); // the book: 2
});

Deno.test("kFoldIndices and the one-standard-error rule", () => {
  const folds = kFoldIndices(67, 10, 3);
  const sizes = Array.from({ length: 10 }, (_, f) => folds.filter((g) => g === f).length);
  assertEquals(Math.min(...sizes) >= 6 && Math.max(...sizes) <= 7, true);
  assertEquals(Array.from(kFoldIndices(67, 10, 3)), Array.from(folds));
  const curve = {
    mean: Float64Array.of(3, 1.2, 1.0, 1.1),
    stdErr: Float64Array.of(0, 0.1, 0.25, 0.1),
    foldErrors: [],
  };
  assertEquals(oneStandardErrorRule(curve), 1);
  const X = [[1], [2], [3], [4], [5], [6]];
  const cv = crossValidationCurve(
    X,
    [1, 2, 3, 4, 5, 6],
    (_a, _b, Xb) => [Float64Array.from({ length: Xb.rows }, () => 0)],
    {
      folds: 3,
    },
  );
  assertAlmostEquals(cv.mean[0], (1 + 4 + 9 + 16 + 25 + 36) / 6, 1e-12);
});

Deno.test("summary() with integer sample weights equals the summary on repeated rows", async () => {
  const d = await prostate();
  const w = Array.from({ length: 67 }, (_, i) => [1, 2, 0, 3][i % 4]);
  const rows = d.Xtrain.toArray().flatMap((r, i) => Array.from({ length: w[i] }, () => r));
  const ys = Array.from(d.ytrain).flatMap((v, i) => Array.from({ length: w[i] }, () => v));
  const weighted = new LinearRegression().fit(d.Xtrain, d.ytrain, { sampleWeight: w }).summary();
  const repeated = new LinearRegression().fit(rows, ys).summary();
  weighted.forEach((r, j) => {
    assertAlmostEquals(r.coef, repeated[j].coef, 1e-10);
    assertAlmostEquals(r.stdErr, repeated[j].stdErr, 1e-10);
  });
});

Deno.test("errors: a singular design names its collinear columns; a file without lpsa", async () => {
  const d = await prostate();
  const X = d.Xtrain.toArray().map((r) => [...r, 2 * r[5] - r[1]]);
  const lr = new LinearRegression().fit(X, d.ytrain);
  assertThrows(
    () => lr.summary([...d.featureNames, "lcp2"]),
    ValueError,
    "the columns lweight, lcp, lcp2 are collinear",
  );
  const text = Deno.readTextFileSync(SHARED).replace("lpsa", "psa");
  assertThrows(() => parseProstate(text), ValueError, 'prostate.data has no column "lpsa"');
  assertThrows(
    () => lr.summary(["a"]),
    ValueError,
    "featureNames must have one name per feature (9)",
  );
});
