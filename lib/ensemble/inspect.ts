/**
 * Reading a booster's trees as a person would: one tree as the nested `ReadableNode` that
 * lib/plot's `treeFigure` draws.
 *
 * @module
 */
import { ValueError } from "../core/errors.ts";
import type { ReadableNode } from "../tree/export.ts";
import type { Booster } from "./booster.ts";

/**
 * Tree `index` of a booster as a `ReadableNode`, for `treeFigure`: a node's `samples` is its
 * cover (hessian sum, rounded to 2 decimals), `impurity` its split gain, a leaf's prediction its
 * value (learning rate included). Tests read "x < t" (ours and XGBoost's; LightGBM's `x ≤ t` was
 * stored as the next double above t, the same after rounding); the branch a missing value takes
 * is marked "(NaN)".
 * @param featureNames names for the features; the model's own, else "f0", "f1", ...
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { Booster, boostedTreeToReadable } from "../mod.ts";
 * const booster = new Booster({
 *   objective: "regression", numClass: 1, numFeature: 1, baseScore: [0],
 *   trees: [{
 *     left: Int32Array.of(1, -1, -1), right: Int32Array.of(2, -1, -1),
 *     feature: Int32Array.of(0, -1, -1), threshold: Float64Array.of(0.5, 0, 0),
 *     defaultLeft: Uint8Array.of(1, 0, 0), value: Float64Array.of(0, -1, 1),
 *     gain: Float64Array.of(3, 0, 0), cover: Float64Array.of(4, 2, 2),
 *   }],
 *   treeGroup: Int32Array.of(0), treeWeight: Float64Array.of(1), averageOutput: false,
 *   boosting: "gbdt", params: {},
 * });
 * const root = boostedTreeToReadable(booster, 0, ["age"]);
 * assertEquals(root.children!.map((c) => c.condition), ["age < 0.5 (NaN)", "age >= 0.5"]);
 * ```
 */
export function boostedTreeToReadable(
  booster: Booster,
  index: number,
  featureNames?: readonly string[],
): ReadableNode {
  const { trees, numFeature } = booster.model;
  if (!Number.isInteger(index) || index < 0 || index >= trees.length) {
    throw new ValueError(`index must be a tree index in [0, ${trees.length}). Got ${index}.`);
  }
  const names = featureNames ?? booster.model.featureNames ??
    Array.from({ length: numFeature }, (_, j) => `f${j}`);
  if (names.length !== numFeature) {
    throw new ValueError(
      `featureNames has ${names.length} names, but the model has ${numFeature} features.`,
    );
  }
  const t = trees[index];
  const round = (v: number, d: number) => Number(v.toFixed(d));
  const visit = (i: number): ReadableNode => {
    const node: ReadableNode = {
      samples: round(t.cover[i], 2),
      impurity: t.gain[i],
      value: [t.value[i]],
      prediction: t.value[i],
    };
    if (t.left[i] === -1) return node;
    const name = names[t.feature[i]], thr = round(t.threshold[i], 6);
    const nan = (left: boolean) => (left === (t.defaultLeft[i] === 1) ? " (NaN)" : "");
    node.test = { feature: name, featureIndex: t.feature[i], op: "<=", value: thr };
    node.children = [
      { condition: `${name} < ${thr}${nan(true)}`, node: visit(t.left[i]) },
      { condition: `${name} >= ${thr}${nan(false)}`, node: visit(t.right[i]) },
    ];
    return node;
  };
  return visit(0);
}
