/** The numbers notebooks/40_esl_linear_regression.ipynb shows: ESL Tables 3.1-3.3 and the paths. */
import { assert, assertAlmostEquals, assertEquals } from "@std/assert";
import {
  bestSubset,
  correlationMatrix,
  eslTable33,
  larsPath,
  Lasso,
  LinearRegression,
  loadDiabetes,
  loadProstate,
  Matrix,
  prostateDesign,
  ridgePath,
  shrinkageFactors,
  table33Fitters,
  testErrorOf,
} from "../../lib/mod.ts";
import { headingIs, modelSections, sectionHeadings, sourceNotebook } from "../support/notebooks.ts";

const NAME = "40_esl_linear_regression";
const d = prostateDesign(await loadProstate({ download: false }));
const round = (v: number, k = 3) => Number(v.toFixed(k));

Deno.test("notebook has the reading notes and the model sections in order", () => {
  const headings = sectionHeadings(sourceNotebook(NAME));
  const positions = ["阅读笔记", ...modelSections].map((s) =>
    headings.findIndex((h) => headingIs(h, s))
  );
  assert(positions.every((p) => p >= 0), `missing a section in ${headings}`);
  assertEquals([...positions].sort((a, b) => a - b), positions, "sections out of order");
});

Deno.test("Tables 3.1 and 3.2 and the F test as printed", () => {
  const R = correlationMatrix(d.Xtrain);
  assertEquals(round(R.get(5, 0)), 0.692);
  assertEquals(round(R.get(7, 6)), 0.757);
  const ls = new LinearRegression().fit(d.Xtrain, d.ytrain);
  const rows = ls.summary(d.featureNames);
  assertEquals(rows.map((r) => r.z.toFixed(2)), [
    "27.60",
    "5.37",
    "2.75",
    "-1.40",
    "2.06",
    "2.47",
    "-1.87",
    "-0.15",
    "1.74",
  ]);
  const rss = (X: typeof d.Xtrain, m: LinearRegression) =>
    m.predict(X).reduce((s, v, i) => s + (d.ytrain[i] - v) ** 2, 0);
  const small = d.Xtrain.selectCols([0, 1, 3, 4]);
  const rss1 = rss(d.Xtrain, ls), rss0 = rss(small, new LinearRegression().fit(small, d.ytrain));
  assertEquals([round(rss1, 2), round(rss0, 2)], [29.43, 32.81]);
  assertEquals(round(((rss0 - rss1) / 4) / (rss1 / 58), 2), 1.67);
});

Deno.test("Table 3.3 with seed 1, and each method at the book's complexity", () => {
  const table = eslTable33(d, { seed: 1 });
  assertEquals(table.map((c) => c.chosen), [8, 2, 4, 0.44, 3, 2]);
  assertEquals([round(table[0].testError), round(table[0].testStdErr)], [0.521, 0.179]);
  const atBook = [["Best Subset", 2, 0.492], ["Ridge", 5, 0.490], ["Lasso", 0.36, 0.490], [
    "PCR",
    7,
    0.449,
  ], [
    "PLS",
    2,
    0.527,
  ]] as const;
  for (const [m, c, err] of atBook) {
    assertEquals(
      round(testErrorOf(d, table33Fitters[m](d.Xtrain, d.ytrain, [c])[0]).error),
      err,
      m,
    );
  }
  assertEquals(bestSubset(d.Xtrain, d.ytrain).best[4].rss.toFixed(2), "32.81");
});

Deno.test("paths: LAR entry order; ridge df ends at 8; lasso s from 0 to 1; CD sweeps", () => {
  const Xc = d.Xtrain.broadcastRow(d.Xtrain.mean(0), (a, b) => a - b);
  const yBar = d.ytrain.reduce((a, b) => a + b, 0) / 67;
  const yc = d.ytrain.map((v) => v - yBar);
  const lar = larsPath(Xc, yc);
  assertEquals(lar.active.map((j) => d.featureNames[j]), [
    "lcavol",
    "lweight",
    "svi",
    "pgg45",
    "lbph",
    "age",
    "lcp",
    "gleason",
  ]);
  assertEquals(larsPath(Xc, yc, { method: "lasso" }).coefs.cols, lar.coefs.cols);
  const s = shrinkageFactors(lar);
  assertEquals([s[0], s[s.length - 1]], [0, 1]);
  const rp = ridgePath(d.Xtrain, d.ytrain, [1e5, 0]);
  assertAlmostEquals(rp.df[1], 8, 1e-12);
  assert(rp.df[0] < 0.01);
  // diabetes: s3 leaves the lasso path and re-enters (LAR 11 knots, lasso 13)
  const dia = loadDiabetes();
  const DX = Matrix.from2D(dia.X), dyBar = dia.y.reduce((a, b) => a + b, 0) / dia.y.length;
  const DXc = DX.broadcastRow(DX.mean(0), (a, b) => a - b),
    dyc = Float64Array.from(dia.y, (v) => v - dyBar);
  const dLasso = larsPath(DXc, dyc, { method: "lasso" });
  const leaves = dia.featureNames.filter((_, j) =>
    dLasso.coefs.row(j).some((v, t, r) => t > 0 && v === 0 && r[t - 1] !== 0)
  );
  assertEquals(leaves, ["s3"]);
  assertEquals([larsPath(DXc, dyc).coefs.cols, dLasso.coefs.cols], [11, 13]);
  const m = new Lasso({ alpha: 0.5, tol: 1e-10, maxIter: 10000 }).fit(d.Xtrain, d.ytrain);
  assertEquals(m.coef.filter((v) => v !== 0).length, 2);
  assertEquals(round(m.coef[0]), 0.381);
});
