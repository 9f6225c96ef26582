import { assertAlmostEquals, assertEquals, assertThrows } from "@std/assert";
import { Booster, type BoosterModel, leafTree } from "../../../lib/ensemble/mod.ts";
import { ShapeError, ValueError } from "../../../lib/core/mod.ts";

function stump(f: number, t: number, l: number, r: number, gain = 1, cover = 2) {
  return {
    left: Int32Array.of(1, -1, -1),
    right: Int32Array.of(2, -1, -1),
    feature: Int32Array.of(f, -1, -1),
    threshold: Float64Array.of(t, 0, 0),
    defaultLeft: Uint8Array.of(1, 0, 0),
    value: Float64Array.of(0, l, r),
    gain: Float64Array.of(gain, 0, 0),
    cover: Float64Array.of(cover, cover / 2, cover / 2),
  };
}

function model(over: Partial<BoosterModel> = {}): BoosterModel {
  return {
    objective: "regression",
    numClass: 1,
    numFeature: 2,
    baseScore: [0.5],
    trees: [stump(0, 0, -1, 1, 4, 10), stump(1, 0, -2, 2, 2, 6), stump(0, 1, 0.5, 0.25, 6, 8)],
    treeGroup: Int32Array.of(0, 0, 0),
    treeWeight: Float64Array.of(1, 1, 1),
    averageOutput: false,
    boosting: "gbdt",
    params: {},
    ...over,
  };
}

Deno.test("Booster.predict sums trees and base score; iterationRange picks rounds", () => {
  const b = new Booster(model());
  // row [-1, 1]: tree0 -1, tree1 2, tree2 0.5 -> 0.5 + 1.5
  assertEquals(Array.from(b.predict([[-1, 1]]) as Float64Array), [2]);
  assertEquals(Array.from(b.predict([[-1, 1]], { iterationRange: [1, 2] }) as Float64Array), [2.5]);
  assertEquals(Array.from(b.predict([[NaN, null]]) as Float64Array), [0.5 - 1 - 2 + 0.5]);
  assertThrows(() => b.predict([[1, 2]], { iterationRange: [0, 4] }), ValueError, "iterationRange");
  assertThrows(
    () => b.predict([[1, 2, 3]]),
    ShapeError,
    "X has 3 features, but Booster is expecting 2",
  );
  assertEquals(b.numRounds, 3);
});

Deno.test("Booster links: sigmoid, softmax, DART weights, averaged forests", () => {
  const bin = new Booster(model({ objective: "binary", baseScore: [0] }));
  const m = (bin.predict([[1, 1]], { outputMargin: true }) as Float64Array)[0];
  assertEquals(m, 1 + 2 + 0.25);
  assertAlmostEquals((bin.predict([[1, 1]]) as Float64Array)[0], 1 / (1 + Math.exp(-m)), 1e-15);
  const multi = new Booster(model({
    objective: "multiclass",
    numClass: 3,
    baseScore: [0, 0, 0],
    treeGroup: Int32Array.of(0, 1, 2),
  }));
  const p = (multi.predict([[1, 1]]) as number[][])[0];
  const e = [Math.exp(1), Math.exp(2), Math.exp(0.25)];
  const s = e[0] + e[1] + e[2];
  for (let k = 0; k < 3; k++) assertAlmostEquals(p[k], e[k] / s, 1e-15);
  const dart = new Booster(model({ baseScore: [0], treeWeight: Float64Array.of(0.5, 1, 2) }));
  assertEquals((dart.predict([[1, 1]]) as Float64Array)[0], 0.5 + 2 + 0.5);
  const rf = new Booster(model({ baseScore: [0], averageOutput: true, boosting: "rf" }));
  assertAlmostEquals((rf.predict([[1, 1]]) as Float64Array)[0], 3.25 / 3, 1e-15);
});

Deno.test("Booster.predictLeaf and featureImportance", () => {
  const b = new Booster(model());
  assertEquals(b.predictLeaf([[-1, 1], [1, -1]]).map((r) => Array.from(r)), [[1, 2, 1], [2, 1, 2]]);
  assertEquals(Array.from(b.featureImportance("weight")), [2, 1]);
  assertEquals(Array.from(b.featureImportance("gain")), [5, 2]);
  assertEquals(Array.from(b.featureImportance("total_gain")), [10, 2]);
  assertEquals(Array.from(b.featureImportance("cover")), [9, 6]);
});

Deno.test("Booster JSON round trip and bad models", () => {
  const b = new Booster(model({ trees: [leafTree(1), stump(1, 0.5, 3, 4), stump(0, 0, 1, 2)] }));
  const back = Booster.fromJSON(JSON.parse(JSON.stringify(b.toJSON())));
  const X = [[0.1, 0.7], [-3, NaN]];
  assertEquals(back.predict(X), b.predict(X));
  assertThrows(() => new Booster(model({ objective: "nope" })), ValueError, "Accepted: regression");
  assertThrows(() => new Booster(model({ baseScore: [0, 1] })), ShapeError, "baseScore");
  assertThrows(
    () => new Booster(model({ treeGroup: Int32Array.of(0, 1, 0) })),
    ValueError,
    "group 1",
  );
  assertThrows(() => Booster.fromJSON({ className: "Ridge", options: {}, state: {} }), ValueError);
});
