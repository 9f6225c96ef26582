/** ESL §4.4.2 on the South African heart disease data: Tables 4.2 and 4.3, IRLS. */
import { assert, assertAlmostEquals, assertEquals, assertLess, assertThrows } from "@std/assert";
import {
  backwardStepwiseLogistic,
  loadSAHeart,
  LogisticRegression,
  parseSAHeart,
  ValueError,
} from "../../../lib/mod.ts";
import { FIXTURE, maxDiff } from "./esl_helpers.ts";

const TABLE42_INPUTS = ["sbp", "tobacco", "ldl", "famhist", "obesity", "alcohol", "age"];
const data = await loadSAHeart({ download: false });
const cols = TABLE42_INPUTS.map((n) => data.featureNames.indexOf(n));
const X = data.X.map((r) => cols.map((j) => r[j]));

Deno.test("Table 4.2: unpenalised logistic regression by IRLS (coef, se to 3 decimals; z)", () => {
  const model = new LogisticRegression({ penalty: "none", solver: "irls" }).fit(X, data.y);
  assert(model.converged);
  assertLess(model.nIter, 10); // Newton: a handful of reweighted least-squares steps
  const rows = model.summary(TABLE42_INPUTS);
  const table42: [string, number, number, number][] = [
    ["intercept", -4.130, 0.964, -4.285],
    ["sbp", 0.006, 0.006, 1.023],
    ["tobacco", 0.080, 0.026, 3.034],
    ["ldl", 0.185, 0.057, 3.219],
    ["famhist", 0.939, 0.225, 4.178],
    ["obesity", -0.035, 0.029, -1.187],
    ["alcohol", 0.001, 0.004, 0.136],
    ["age", 0.043, 0.010, 4.184],
  ];
  assertEquals(rows.map((r) => r.name), table42.map((t) => t[0]));
  table42.forEach(([name, coef, se, z], j) => {
    assertEquals(rows[j].coef.toFixed(3), coef.toFixed(3), `${name} coef`);
    assertEquals(rows[j].stdErr.toFixed(3), se.toFixed(3), `${name} se`);
    // the book's z scores differ from coef/se in the third decimal for 4 rows (≤ 0.003)
    assertAlmostEquals(rows[j].z, z, 3.5e-3, `${name} z`);
  });
});

Deno.test("penalty 'none' fits the MLE with every solver, as scikit-learn's penalty=None", () => {
  const ref = FIXTURE.saheart.none;
  for (const solver of ["irls", "newton", "lbfgs"] as const) {
    const m = new LogisticRegression({ penalty: "none", solver, maxIter: 1000, tol: 1e-9 }).fit(
      X,
      data.y,
    );
    assertLess(maxDiff(m.coef.data, ref.coef), 2e-6, solver);
    assertAlmostEquals(m.intercept[0], ref.intercept, 2e-5);
  }
  const irls = new LogisticRegression({ penalty: "none", solver: "irls" }).fit(X, data.y);
  assertLess(maxDiff(irls.coef.data, ref.coef), 1e-8);
  // IRLS with the L2 penalty (penalised weighted least squares) matches scikit-learn's C = 0.1
  const pen = new LogisticRegression({ C: 0.1, solver: "irls" }).fit(X, data.y);
  assertLess(maxDiff(pen.coef.data, FIXTURE.saheart["C0.1"].coef), 1e-8);
  assertAlmostEquals(pen.intercept[0], FIXTURE.saheart["C0.1"].intercept, 1e-7);
  assertThrows(() => pen.summary(), ValueError, "needs an unpenalised");
});

Deno.test("Table 4.3: backward stepwise keeps tobacco, ldl, famhist, age", () => {
  for (const criterion of ["aic", "z"] as const) {
    const r = backwardStepwiseLogistic(X, data.y, TABLE42_INPUTS, { criterion });
    assertEquals(r.features, ["tobacco", "ldl", "famhist", "age"]);
    assertEquals(r.steps.map((s) => s.dropped), [null, "alcohol", "sbp", "obesity"]);
    const table43: [string, number, number, number][] = [
      ["intercept", -4.204, 0.498, -8.45],
      ["tobacco", 0.081, 0.026, 3.16],
      ["ldl", 0.168, 0.054, 3.09],
      ["famhist", 0.924, 0.223, 4.14],
      ["age", 0.044, 0.010, 4.52],
    ];
    table43.forEach(([name, coef, se, z], j) => {
      assertEquals(r.summary[j].name, name);
      assertEquals(r.summary[j].coef.toFixed(3), coef.toFixed(3), `${name} coef`);
      assertEquals(r.summary[j].stdErr.toFixed(3), se.toFixed(3), `${name} se`);
      // z to the book's 2 decimals, except the intercept: −4.204/0.498 gives −8.44, printed −8.45
      assertAlmostEquals(r.summary[j].z, z, j === 0 ? 0.015 : 0.005, `${name} z`);
    });
    for (let s = 1; s < r.steps.length; s++) assertLess(r.steps[s].aic, r.steps[s - 1].aic);
  }
});

Deno.test("backward stepwise can end at the intercept-only model", () => {
  const noise = [[1], [2], [1], [2], [1], [2], [1], [2]];
  const r = backwardStepwiseLogistic(noise, [0, 1, 1, 0, 0, 1, 1, 0], ["noise"]);
  assertEquals(r.features, []);
  assertEquals(r.model, null);
  assertEquals(r.summary.map((s) => s.name), ["intercept"]);
  assertAlmostEquals(r.summary[0].coef, 0, 1e-12); // logit(1/2)
  assertAlmostEquals(r.steps[1].deviance, 16 * Math.log(2), 1e-12);
});

Deno.test("errors: collinear inputs named by summary(); irls needs two classes; bad files", () => {
  const Xd = X.map((r) => [...r, r[4] + r[6]]);
  const m = new LogisticRegression({ penalty: "none", solver: "irls", maxIter: 20 }).fit(
    Xd,
    data.y,
  );
  assertThrows(
    () => m.summary([...TABLE42_INPUTS, "obesity+age"]),
    ValueError,
    "the columns obesity, age, obesity+age are collinear",
  );
  assertThrows(
    () => new LogisticRegression({ solver: "irls" }).fit([[0], [1], [2]], [0, 1, 2]),
    ValueError,
    "solver 'irls' fits two classes",
  );
  const text = "row.names,sbp,tobacco\n1,160,12\n";
  assertThrows(() => parseSAHeart(text), ValueError, 'SAheart.data has no column "ldl"');
});
