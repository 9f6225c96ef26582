/**
 * LightGBM's text model format (`model.txt`, `Booster.save_model`), read into a `BoosterModel`.
 * Supported: boosting gbdt, dart, goss and rf (`average_output`); the objectives regression(_l1),
 * huber, fair, quantile, mape, poisson, gamma, tweedie, binary, cross_entropy, multiclass,
 * multiclassova, lambdarank, rank_xendcg; numerical splits with every missing-value mode.
 *
 * A split's `decision_type` packs three facts: bit 0 categorical, bit 1 default_left, bits 2-3
 * the missing type (0 None, 1 Zero, 2 NaN). LightGBM routes `x <= threshold` left after
 * replacing NaN by 0 unless the missing type is NaN; a missing value (NaN, or a zero under
 * "Zero") takes the default direction. We store `x <= t` as `x < nextUp(t)`, and for missing
 * type None we precompute where NaN (read as 0) goes.
 *
 * @module
 */
import { describe, ValueError } from "../core/errors.ts";
import type { BoostedTree } from "./boosted_tree.ts";
import type { BoosterModel } from "./booster_model.ts";
import { nextUp } from "./float_bits.ts";

const OBJECTIVES = [
  "regression",
  "regression_l1",
  "huber",
  "fair",
  "quantile",
  "mape",
  "poisson",
  "gamma",
  "tweedie",
  "binary",
  "cross_entropy",
  "multiclass",
  "multiclassova",
  "lambdarank",
  "rank_xendcg",
];

function bad(what: string): never {
  throw new ValueError(`Not a supported LightGBM model file: ${what}.`);
}

/** `key=value` lines of one block. */
function fields(lines: string[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const line of lines) {
    const eq = line.indexOf("=");
    if (eq > 0) m.set(line.slice(0, eq), line.slice(eq + 1));
    else if (line.trim()) m.set(line.trim(), "");
  }
  return m;
}

function numbers(f: Map<string, string>, key: string, n: number, where: string): number[] {
  const raw = f.get(key);
  if (n === 0) return [];
  if (raw === undefined) bad(`${where} has no '${key}'`);
  const out = raw.trim().split(/\s+/).map(Number);
  if (out.length !== n || out.some((x) => Number.isNaN(x))) {
    bad(`${where}: '${key}' must hold ${n} numbers, got ${describe(raw.slice(0, 60))}`);
  }
  return out;
}

function readTree(f: Map<string, string>, where: string): BoostedTree {
  const L = Number(f.get("num_leaves"));
  if (!Number.isInteger(L) || L < 1) {
    bad(`${where}: num_leaves is ${describe(f.get("num_leaves"))}`);
  }
  if (Number(f.get("num_cat") ?? 0) > 0) {
    bad(
      `${where} has categorical splits, which this reader does not support (numerical splits only)`,
    );
  }
  if (Number(f.get("is_linear") ?? 0) !== 0) {
    bad(`${where} is a linear tree (linear_tree=true), which this reader does not support`);
  }
  const I = L - 1; // inner nodes come first, leaves after them: leaf k is node I + k
  const n = I + L;
  const leafValue = numbers(f, "leaf_value", L, where);
  const t: BoostedTree = {
    left: new Int32Array(n).fill(-1),
    right: new Int32Array(n).fill(-1),
    feature: new Int32Array(n).fill(-1),
    threshold: new Float64Array(n),
    defaultLeft: new Uint8Array(n),
    value: new Float64Array(n),
    gain: new Float64Array(n),
    cover: new Float64Array(n),
  };
  const leafWeight = f.has("leaf_weight") ? numbers(f, "leaf_weight", L, where) : null;
  for (let k = 0; k < L; k++) {
    t.value[I + k] = leafValue[k];
    t.cover[I + k] = leafWeight ? leafWeight[k] : 0;
  }
  if (L === 1) return t;
  const feature = numbers(f, "split_feature", I, where);
  const gain = numbers(f, "split_gain", I, where);
  const threshold = numbers(f, "threshold", I, where);
  const decision = numbers(f, "decision_type", I, where);
  const left = numbers(f, "left_child", I, where);
  const right = numbers(f, "right_child", I, where);
  const internalValue = f.has("internal_value") ? numbers(f, "internal_value", I, where) : null;
  const internalWeight = f.has("internal_weight") ? numbers(f, "internal_weight", I, where) : null;
  const node = (c: number) => (c >= 0 ? c : I + ~c);
  let zero = false;
  const missingZero = new Uint8Array(n);
  for (let i = 0; i < I; i++) {
    const d = decision[i];
    if (d & 1) {
      bad(`${where}: node ${i} is a categorical split (decision_type ${d}); not supported`);
    }
    const missingType = (d >> 2) & 3;
    t.left[i] = node(left[i]);
    t.right[i] = node(right[i]);
    t.feature[i] = feature[i];
    t.threshold[i] = nextUp(threshold[i]);
    t.gain[i] = gain[i];
    t.value[i] = internalValue ? internalValue[i] : 0;
    t.cover[i] = internalWeight ? internalWeight[i] : 0;
    if (missingType === 0) t.defaultLeft[i] = 0 <= threshold[i] ? 1 : 0; // NaN is read as 0
    else if (missingType === 1 || missingType === 2) {
      t.defaultLeft[i] = d & 2 ? 1 : 0;
      if (missingType === 1) missingZero[i] = 1, zero = true;
    } else bad(`${where}: node ${i} has unknown missing type ${missingType}`);
  }
  if (zero) t.missingZero = missingZero;
  return t;
}

/** Reads LightGBM's model text into a `BoosterModel` (checked whole by `new Booster`). */
export function parseLightGBMText(text: string): BoosterModel {
  if (typeof text !== "string") bad(`expected the file's text, got ${describe(text)}`);
  const lines = text.split(/\r?\n/);
  if (lines[0]?.trim() !== "tree") {
    bad(`the first line must be "tree", got ${describe(lines[0]?.slice(0, 40) ?? "")}`);
  }
  const firstTree = lines.findIndex((l) => l.startsWith("Tree="));
  const endTrees = lines.findIndex((l) => l.trim() === "end of trees");
  const header = fields(lines.slice(1, firstTree < 0 ? lines.length : firstTree));
  const objectiveLine = (header.get("objective") ?? "").trim().split(/\s+/);
  const objective = objectiveLine[0];
  if (!OBJECTIVES.includes(objective)) {
    bad(
      `objective ${describe(header.get("objective"))} is not supported (supported: ${
        OBJECTIVES.join(", ")
      })`,
    );
  }
  const objectiveArgs = new Map(
    objectiveLine.slice(1).map((a) => a.split(":") as [string, string]),
  );
  if (objectiveArgs.has("sqrt")) {
    bad("the regression target was square-rooted (reg_sqrt); not supported");
  }
  const numClass = Number(header.get("num_class") ?? 1);
  const perIteration = Number(header.get("num_tree_per_iteration") ?? numClass);
  const numFeature = Number(header.get("max_feature_idx")) + 1;
  if (!Number.isInteger(numFeature) || numFeature < 1) bad("'max_feature_idx' is missing");
  if (perIteration !== numClass) {
    bad(`num_tree_per_iteration ${perIteration} differs from num_class ${numClass}`);
  }
  const trees: BoostedTree[] = [];
  if (firstTree >= 0) {
    const stop = endTrees < 0 ? lines.length : endTrees;
    let start = firstTree;
    for (let i = firstTree + 1; i <= stop; i++) {
      if (i === stop || lines[i].startsWith("Tree=")) {
        trees.push(readTree(fields(lines.slice(start + 1, i)), `tree ${trees.length}`));
        start = i;
      }
    }
  }
  if (trees.length === 0) bad("it holds no trees");
  // A file cut short must not load as a smaller model: the header lists every tree's size.
  if (endTrees < 0) bad(`it has no "end of trees" line (a truncated file?)`);
  const sizes = header.get("tree_sizes")?.trim().split(/\s+/);
  if (sizes && sizes.length !== trees.length) {
    bad(`the header lists ${sizes.length} trees (tree_sizes) but ${trees.length} were found`);
  }
  const params = parameters(lines, endTrees);
  const averageOutput = header.has("average_output");
  const boosting = String(params.boosting ?? (averageOutput ? "rf" : "gbdt"));
  if (!["gbdt", "dart", "goss", "rf"].includes(boosting)) {
    bad(`boosting ${describe(boosting)} is not supported`);
  }
  const sigmoid = Number(objectiveArgs.get("sigmoid") ?? 1);
  const names = header.get("feature_names")?.split(" ");
  return {
    objective,
    numClass,
    numFeature,
    baseScore: new Array(numClass).fill(0), // LightGBM puts its initial score in the first tree
    trees,
    treeGroup: Int32Array.from(trees, (_, i) => i % numClass),
    treeWeight: new Float64Array(trees.length).fill(1),
    averageOutput,
    boosting: boosting as BoosterModel["boosting"],
    params: { ...params, sigmoid, source: "lightgbm", version: header.get("version") },
    ...(names && names.length === numFeature ? { featureNames: names } : {}),
  };
}

/** The `parameters:` block after the trees: `[name: value]` lines. */
function parameters(lines: string[], from: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (from < 0) return out;
  for (let i = from; i < lines.length; i++) {
    const m = /^\[([a-z_0-9]+): (.*)\]$/.exec(lines[i].trim());
    if (m) out[m[1]] = m[2] === "" ? "" : Number.isNaN(Number(m[2])) ? m[2] : Number(m[2]);
    if (lines[i].startsWith("end of parameters")) break;
  }
  return out;
}
