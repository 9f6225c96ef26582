/** The numbers notebooks/56_model_files.ipynb shows and claims. */
import { assert, assertEquals } from "@std/assert";
import {
  boostedTreeToReadable,
  Booster,
  float32Boundary,
  loadBreastCancer,
  nextUp,
  roundUpFloat32,
  trainBooster,
  treeFigure,
} from "../../lib/mod.ts";
import { headingIs, modelSections, sectionHeadings, sourceNotebook } from "../support/notebooks.ts";
import { loadXGBoostCase, maxError, XGBOOST_CASES } from "../support/xgboost_fixtures.ts";

const fixtures = new URL("../fixtures/", import.meta.url);
const read = (path: string) => Deno.readTextFileSync(new URL(path, fixtures));

Deno.test("notebook has the model sections and reading notes", () => {
  const headings = sectionHeadings(sourceNotebook("56_model_files"));
  for (const s of [...modelSections, "阅读笔记"]) {
    assert(headings.some((h) => headingIs(h, s)), `missing "## ${s}" in ${headings}`);
  }
});

Deno.test("threshold conversions: the three lines the notebook prints", () => {
  const tLgb = 0.51942746102727455, tXgb = Math.fround(0.013758215);
  assertEquals(nextUp(tLgb).toPrecision(17), "0.51942746102727466");
  const d = float32Boundary(tXgb);
  assertEquals(tXgb.toPrecision(17), "0.013758215121924877");
  assertEquals(d.toPrecision(17), "0.013758214656263592");
  assertEquals(roundUpFloat32(d), tXgb);
});

Deno.test("LightGBM fixtures ≈ 1e-16, XGBoost fixtures ≤ 1e-6; base margins logit(0.3) and log(0.5)", () => {
  for (
    const name of [
      "regression",
      "binary",
      "multiclass",
      "cross_entropy",
      "dart",
      "rf",
      "lambdarank",
    ]
  ) {
    const b = Booster.fromLightGBMText(read(`lightgbm/${name}.txt`));
    const c = JSON.parse(read(`lightgbm/${name}.json`));
    assert(maxError(b.predict(c.X), c.predict, true) < 1e-12, name);
  }
  const margins: Record<string, number> = {};
  for (const name of XGBOOST_CASES) {
    const { booster: b, expected: c } = loadXGBoostCase(name);
    assert(maxError(b.predict(c.X), c.predict) < 1e-6, name);
    assert(maxError(b.predict(c.X, { outputMargin: true }), c.margin) < 1e-6, name);
    margins[name] = +b.model.baseScore[0].toFixed(6);
  }
  assertEquals(margins.binary_logistic_base, -0.847298);
  assertEquals(margins.count_poisson, -0.693147);
});

Deno.test("the model trained in the notebook: its XGBoost file is the one XGBoost checked", () => {
  const cancer = loadBreastCancer();
  const X = cancer.X.map((r, i) =>
    r.map((v, j) => ((i * 31 + j * 7) % 19 === 0 ? NaN : Math.fround(v)))
  );
  const params = {
    objective: "binary:logistic",
    maxDepth: 3,
    learningRate: 0.3,
    treeMethod: "hist" as const,
    seed: 0,
  };
  const model = trainBooster(params, X.slice(0, 400), cancer.y.slice(0, 400), {
    numBoostRound: 20,
  });
  const text = model.toXGBoostJSON();
  assertEquals(
    text,
    read("xgboost/roundtrip/ours_trained_binary.json"),
    "trainBooster now trains another model: re-run /usr/bin/python3 tools/fixtures_xgboost_files.py",
  );
  assertEquals(text.length, 26643);
  assertEquals(model.model.baseScore[0].toFixed(6), "0.271658");
  assertEquals(JSON.parse(text).learner.learner_model_param.base_score, "5.67499995E-1");
  const XTest = X.slice(400);
  assert(
    maxError(Booster.fromXGBoostJSON(text).predict(XTest), model.predict(XTest) as Float64Array) <
      1e-7,
  );
  const recorded = JSON.parse(read("xgboost/roundtrip/xgboost_predictions.json"));
  const manifest = JSON.parse(read("xgboost/roundtrip/manifest.json"));
  assert(
    maxError(
      model.predict(manifest.ours_trained_binary.X),
      recorded.cases.ours_trained_binary.predict,
    ) < 1e-6,
  );
  assertEquals(treeFigure(boostedTreeToReadable(model, 0, cancer.featureNames)).data.length, 3);
});

Deno.test("LightGBM importances: weight = the file's counts; Column_3 splits most, Column_0 gains most", () => {
  const text = read("lightgbm/binary.txt");
  const lgb = Booster.fromLightGBMText(text);
  const names = lgb.model.featureNames!;
  const counts = Object.fromEntries(
    [...text.matchAll(/^(Column_\d+)=(\d+)$/gm)].map((m) => [m[1], Number(m[2])]),
  );
  const weight = lgb.featureImportance("weight"), gain = lgb.featureImportance("total_gain");
  assert(names.every((n, j) => (counts[n] ?? 0) === weight[j]));
  const argmax = (a: Float64Array) => a.indexOf(Math.max(...a));
  assertEquals(names[argmax(weight)], "Column_3");
  assertEquals(names[argmax(gain)], "Column_0");
});
