import { assert, assertThrows } from "@std/assert";
import { Booster } from "../../../lib/ensemble/mod.ts";
import { ValueError } from "../../../lib/core/mod.ts";

const dir = new URL("../../fixtures/lightgbm/", import.meta.url);
const CASES = ["regression", "binary", "multiclass", "cross_entropy", "dart", "rf", "lambdarank"];

interface Case {
  params: Record<string, unknown>;
  rounds: number;
  X: (number | null)[][];
  predict: number[] | number[][];
  raw: number[] | number[][];
}

function load(name: string): { booster: Booster; c: Case; text: string } {
  const text = Deno.readTextFileSync(new URL(`${name}.txt`, dir));
  const c: Case = JSON.parse(Deno.readTextFileSync(new URL(`${name}.json`, dir)));
  return { booster: Booster.fromLightGBMText(text), c, text };
}

/** Largest |a - b| / max(1, |b|) over all entries. */
function relErr(a: Float64Array | number[][], b: number[] | number[][]): number {
  const fa = (a as ArrayLike<number> | number[][]) instanceof Float64Array
    ? Array.from(a as Float64Array)
    : (a as number[][]).flat();
  const fb = (b as (number | number[])[]).flat();
  assert(fa.length === fb.length, `lengths ${fa.length} vs ${fb.length}`);
  let worst = 0;
  for (let i = 0; i < fa.length; i++) {
    worst = Math.max(worst, Math.abs(fa[i] - fb[i]) / Math.max(1, Math.abs(fb[i])));
  }
  return worst;
}

export const lightgbmErrors: Record<string, { predict: number; raw: number }> = {};

for (const name of CASES) {
  Deno.test(`fromLightGBMText ${name}: predicts what LightGBM 4.7 predicts (≤ 1e-6 relative)`, () => {
    const { booster, c } = load(name);
    assert(booster.numRounds === c.rounds, `rounds ${booster.numRounds} vs ${c.rounds}`);
    const predict = relErr(booster.predict(c.X), c.predict);
    const margin = booster.predict(c.X, { outputMargin: true });
    // LightGBM's raw_score of a random forest is the sum of its trees; ours is their average,
    // so that predict = link(margin).
    const raw = name === "rf"
      ? relErr(Float64Array.from(margin as Float64Array, (v) => v * c.rounds), c.raw)
      : relErr(margin, c.raw);
    lightgbmErrors[name] = { predict, raw };
    assert(predict <= 1e-6, `${name}: predict error ${predict}`);
    assert(raw <= 1e-6, `${name}: raw error ${raw}`);
  });
}

Deno.test("fromLightGBMText: missing types None / Zero / NaN and default_left bits", () => {
  // One stump per missing type on feature 0, threshold 0.5: left leaf 1, right leaf 2.
  const tree = (i: number, decision: number) =>
    [
      `Tree=${i}`,
      "num_leaves=2",
      "num_cat=0",
      "split_feature=0",
      "split_gain=1",
      "threshold=0.5",
      `decision_type=${decision}`,
      "left_child=-1",
      "right_child=-2",
      "leaf_value=1 2",
      "leaf_weight=1 1",
      "leaf_count=1 1",
      "internal_value=0",
      "internal_weight=2",
      "internal_count=2",
      "is_linear=0",
      "shrinkage=1",
      "",
    ].join("\n");
  const head = "tree\nversion=v4\nnum_class=1\nnum_tree_per_iteration=1\nlabel_index=0\n" +
    "max_feature_idx=0\nobjective=regression\n\n";
  const predict = (decision: number, x: number) =>
    (Booster.fromLightGBMText(head + tree(0, decision) + "end of trees\n").predict([[
      x,
    ]]) as Float64Array)[0];
  // None (0): NaN is read as 0 -> 0 <= 0.5 -> left; 0.5 itself goes left (x <= t).
  assert(predict(0, NaN) === 1 && predict(0, 0.5) === 1 && predict(0, 0.5000001) === 2);
  // Zero (4) with default right: 0 and NaN go right, 0.1 goes left.
  assert(predict(4, 0) === 2 && predict(4, NaN) === 2 && predict(4, 0.1) === 1);
  // Zero with default left (6), x = 0.7: compared normally.
  assert(predict(6, 0.7) === 2 && predict(6, 0) === 1);
  // NaN (8): NaN goes right (default right), zero compared (left); 10: NaN left.
  assert(predict(8, NaN) === 2 && predict(8, 0) === 1 && predict(10, NaN) === 1);
});

Deno.test("fromLightGBMText: refuses what it cannot read, naming it", () => {
  const { text } = load("binary");
  assertThrows(() => Booster.fromLightGBMText("{}"), ValueError, 'first line must be "tree"');
  assertThrows(
    () => Booster.fromLightGBMText(text.replace("num_cat=0", "num_cat=1")),
    ValueError,
    "categorical splits",
  );
  assertThrows(
    () => Booster.fromLightGBMText(text.replace("is_linear=0", "is_linear=1")),
    ValueError,
    "linear tree",
  );
  assertThrows(
    () => Booster.fromLightGBMText(text.replace("objective=binary sigmoid:1", "objective=custom")),
    ValueError,
    "objective",
  );
  assertThrows(
    () => Booster.fromLightGBMText(text.replace(/left_child=3 2 5/, "left_child=3 0 5")),
    ValueError,
    "reached twice",
  );
  // A truncated file, or one missing a tree, is refused rather than loaded as a smaller model.
  assertThrows(
    () => Booster.fromLightGBMText(text.slice(0, text.indexOf("Tree=5"))),
    ValueError,
    "end of trees",
  );
  const noTree4 = text.slice(0, text.indexOf("Tree=4")) + text.slice(text.indexOf("Tree=5"));
  assertThrows(() => Booster.fromLightGBMText(noTree4), ValueError, "tree_sizes");
  const b = Booster.fromLightGBMText(text);
  assertThrows(() => b.predict([[1, 2, 3]]), Error, "X has 3 features, but Booster is expecting 6");
});

Deno.test("fromLightGBMText: importance counts match the file's feature_importances", () => {
  const { booster, text } = load("binary");
  const block = text.slice(text.indexOf("feature_importances:"), text.indexOf("parameters:"));
  const expected = new Float64Array(6);
  for (const m of block.matchAll(/Column_(\d+)=(\d+)/g)) expected[Number(m[1])] = Number(m[2]);
  assert(
    booster.featureImportance("weight").every((v, i) => v === expected[i]),
    `${booster.featureImportance("weight")} vs ${expected}`,
  );
});
