/** The numbers notebooks/41_esl_linear_classification.ipynb shows: ESL Tables 4.2-4.3, LDA/QDA. */
import { assert, assertAlmostEquals, assertEquals } from "@std/assert";
import {
  backwardStepwiseLogistic,
  LinearDiscriminantAnalysis,
  loadSAHeart,
  loadWine,
  LogisticRegression,
  QuadraticDiscriminantAnalysis,
  StandardScaler,
} from "../../lib/mod.ts";
import { headingIs, modelSections, sectionHeadings, sourceNotebook } from "../support/notebooks.ts";

const NAME = "41_esl_linear_classification";
const heart = await loadSAHeart({ download: false });
const inputs = ["sbp", "tobacco", "ldl", "famhist", "obesity", "alcohol", "age"];
const X = heart.X.map((row) => inputs.map((name) => row[heart.featureNames.indexOf(name)]));

Deno.test("notebook has the reading notes and the model sections in order", () => {
  const headings = sectionHeadings(sourceNotebook(NAME));
  const positions = ["阅读笔记", ...modelSections].map((s) =>
    headings.findIndex((h) => headingIs(h, s))
  );
  assert(positions.every((p) => p >= 0), `missing a section in ${headings}`);
  assertEquals([...positions].sort((a, b) => a - b), positions, "sections out of order");
});

Deno.test("Table 4.2 as the notebook prints it (z to 3 decimals), and the solvers' table", () => {
  const fits = (["irls", "newton", "lbfgs"] as const).map((solver) =>
    new LogisticRegression({ penalty: "none", solver, maxIter: 500 }).fit(X, heart.y)
  );
  const rows = fits[0].summary(inputs);
  assertEquals(rows.map((r) => r.z.toFixed(3)), [
    "-4.283",
    "1.023",
    "3.034",
    "3.218",
    "4.177",
    "-1.187",
    "0.136",
    "4.181",
  ]);
  assertEquals(fits.slice(0, 2).map((m) => m.nIter), [5, 5]);
  for (const m of fits) {
    const deviance = 2 * heart.X.length * m.lossHistory[m.lossHistory.length - 1];
    assertEquals(deviance.toFixed(4), "483.1740");
  }
});

Deno.test("Table 4.3: the stepwise table and the tobacco odds ratio", () => {
  const r = backwardStepwiseLogistic(X, heart.y, inputs);
  assertEquals(r.steps.map((s) => s.aic.toFixed(2)), ["499.17", "497.19", "496.30", "495.44"]);
  assertEquals(r.summary.map((s) => s.z.toFixed(2)), ["-8.44", "3.16", "3.09", "4.14", "4.52"]);
  const tob = r.summary[1];
  assertEquals(Math.exp(tob.coef).toFixed(3), "1.084");
  assertEquals(
    [Math.exp(tob.coef - 2 * tob.stdErr), Math.exp(tob.coef + 2 * tob.stdErr)].map((v) =>
      v.toFixed(2)
    ),
    ["1.03", "1.14"],
  );
});

Deno.test("wine: LDA/QDA accuracies and the explained between-class variance", () => {
  const wine = loadWine();
  const lda = new LinearDiscriminantAnalysis().fit(wine.X, wine.y);
  assertEquals(lda.score(wine.X, wine.y), 1);
  assertAlmostEquals(
    new QuadraticDiscriminantAnalysis().fit(wine.X, wine.y).score(wine.X, wine.y),
    177 / 178,
    1e-12,
  );
  assertEquals(Array.from(lda.explainedVarianceRatio, (r) => (100 * r).toFixed(1)), [
    "68.7",
    "31.3",
  ]);
  const proj = lda.transform(wine.X);
  assertEquals(proj.shape, [178, 2]);
  assertEquals(new LinearDiscriminantAnalysis().fit(proj, wine.y).score(proj, wine.y), 1);
  const cols = ["flavanoids", "proline"].map((n) => wine.featureNames.indexOf(n));
  const Z = new StandardScaler().fit(wine.X).transform(wine.X).selectCols(cols);
  assertEquals(
    new LinearDiscriminantAnalysis().fit(Z, wine.y).score(Z, wine.y).toFixed(4),
    "0.9045",
  );
  assertEquals(
    new QuadraticDiscriminantAnalysis().fit(Z, wine.y).score(Z, wine.y).toFixed(4),
    "0.9213",
  );
});
