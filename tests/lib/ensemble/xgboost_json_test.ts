import { assert, assertEquals, assertThrows } from "@std/assert";
import { Booster } from "../../../lib/ensemble/mod.ts";
import { ValueError } from "../../../lib/core/mod.ts";
import { roundTripSource } from "../../../tools/xgboost_roundtrip.ts";
import {
  flat,
  loadXGBoostCase,
  maxError,
  readXGBoostFixture as read,
  XGBOOST_CASES,
} from "../../support/xgboost_fixtures.ts";

for (const name of XGBOOST_CASES) {
  Deno.test(`fromXGBoostJSON ${name}: predicts what XGBoost 1.7 predicts (≤ 1e-5)`, () => {
    const { booster, expected: c } = loadXGBoostCase(name);
    assertEquals(booster.numRounds, c.rounds);
    const errors = [
      maxError(booster.predict(c.X), c.predict),
      maxError(booster.predict(c.X, { outputMargin: true }), c.margin),
      maxError(booster.predict(c.X, { iterationRange: [1, 3] }), c.predictRounds1to3),
    ];
    assert(Math.max(...errors) <= 1e-5, `${name}: errors ${errors}`);
    assertEquals(booster.predictLeaf(c.X.slice(0, 8)).map((r) => Array.from(r)), c.leaf);
  });
}

Deno.test("fromXGBoostJSON: a double input just below a float32 threshold routes as XGBoost does", () => {
  const booster = Booster.fromXGBoostJSON(read("reg_squarederror.model.json"));
  const t = booster.model.trees[0];
  const f = t.feature[0];
  const x = new Array(6).fill(0);
  // XGBoost compares float32(x) < t: the double just below the float32 t rounds up to t.
  const t32 = Math.fround(t.threshold[0] + 1e-9);
  x[f] = t32 - 1e-12;
  assertEquals(
    booster.predictLeaf([x])[0][0],
    booster.predictLeaf([x.map((v, j) => j === f ? t32 : v)])[0][0],
  );
});

Deno.test("fromXGBoostJSON: refuses what it cannot read, naming it", () => {
  assertThrows(() => Booster.fromXGBoostJSON("tree\nversion=v4"), ValueError, "not JSON");
  assertThrows(() => Booster.fromXGBoostJSON("{}"), ValueError, "'learner' is missing");
  assertThrows(
    () => Booster.fromXGBoostJSON(read("bad_categorical.model.json")),
    ValueError,
    "categorical splits",
  );
  assertThrows(
    () => Booster.fromXGBoostJSON(read("bad_gblinear.model.json")),
    ValueError,
    "gblinear",
  );
  const text = read("binary_logistic.model.json");
  assertThrows(
    () => Booster.fromXGBoostJSON(text.replace('"binary:logistic"', '"survival:cox"')),
    ValueError,
    "survival:cox",
  );
  assertThrows(
    () => Booster.fromXGBoostJSON(text.replace('"left_children":[1,', '"left_children":[0,')),
    ValueError,
    "reached twice",
  );
  assertThrows(
    () => Booster.fromXGBoostJSON(text.slice(0, text.length / 2)),
    ValueError,
    "not JSON",
  );
  assertThrows(
    () => Booster.fromXGBoostJSON(text.replace('"num_trees":"10"', '"num_trees":"11"')),
    ValueError,
    "num_trees is 11",
  );
  const b = Booster.fromXGBoostJSON(text);
  assertThrows(() => b.predict([[1, 2]]), Error, "X has 2 features, but Booster is expecting 6");
});

interface RoundTrip {
  xgboostVersion: string;
  cases: Record<string, { predict: number[] | number[][]; margin: number[] | number[][] }>;
}

Deno.test("toXGBoostJSON: XGBoost loads our files and predicts what we predict (≤ 1e-5)", () => {
  const manifest: Record<string, { file: string; X: (number | null)[][] }> = JSON.parse(
    read("roundtrip/manifest.json"),
  );
  const xgb: RoundTrip = JSON.parse(read("roundtrip/xgboost_predictions.json"));
  assert(Object.keys(manifest).length >= 19);
  const fixtures = new URL("../../fixtures/", import.meta.url);
  for (const [name, { file, X }] of Object.entries(manifest)) {
    const booster = roundTripSource(name, fixtures);
    // The file XGBoost checked is the file we write today.
    assertEquals(
      booster.toXGBoostJSON(),
      read(`roundtrip/${file}`),
      `${name}: the file differs from the one XGBoost checked; re-run /usr/bin/python3 tools/fixtures_xgboost_files.py`,
    );
    const errors = [
      maxError(booster.predict(X), xgb.cases[name].predict),
      maxError(booster.predict(X, { outputMargin: true }), xgb.cases[name].margin),
    ];
    // A forest's margin is an average here, a sum of pre-divided leaves there: same number.
    assert(Math.max(...errors) <= 1e-5, `${name}: errors ${errors}`);
    // And our own reader reads our file back to the same predictions.
    const back = Booster.fromXGBoostJSON(read(`roundtrip/${file}`));
    assert(maxError(back.predict(X), flat(booster.predict(X))) <= 1e-5, `${name}: re-read`);
  }
});
