/**
 * XGBoost's JSON model format (`booster.save_model("m.json")`, XGBoost 1.7 and later), read into
 * a `BoosterModel` and written from one. What is read: gbtree and dart boosters, numerical splits
 * with a default direction for missing values, `num_parallel_tree`, DART's `weight_drop`, the
 * base score (saved in the objective's output space: a probability for the logistic objectives,
 * a mean for log-link counts, so it is mapped back to a margin here).
 *
 * XGBoost compares `float32(x) < t`; a threshold is read as the double d with
 * `x < d ⇔ float32(x) < t` for every double x, so predictions match XGBoost's on any input.
 *
 * @module
 */
import { describe, ValueError } from "../core/errors.ts";
import type { BoostedTree } from "./boosted_tree.ts";
import type { BoosterModel } from "./booster_model.ts";
import { float32Boundary, roundUpFloat32 } from "./float_bits.ts";

type Json = Record<string, unknown>;

/** XGBoost objective → [our canonical name, base score → margin]. */
const FROM_XGB: Record<string, [string, (p: number) => number]> = {
  "reg:squarederror": ["regression", (p) => p],
  "reg:linear": ["regression", (p) => p],
  "reg:absoluteerror": ["regression_l1", (p) => p],
  "reg:pseudohubererror": ["huber", (p) => p],
  "reg:logistic": ["cross_entropy", logit],
  "binary:logistic": ["binary", logit],
  "multi:softprob": ["multiclass", (p) => p],
  "multi:softmax": ["multiclass", (p) => p],
  "rank:pairwise": ["rank:pairwise", (p) => p],
  "rank:ndcg": ["lambdarank", (p) => p],
  "rank:map": ["rank:map", (p) => p],
  "count:poisson": ["poisson", Math.log],
  "reg:gamma": ["gamma", Math.log],
  "reg:tweedie": ["tweedie", Math.log],
};

/** Our canonical objective → XGBoost's name and the objective's parameter block. */
const TO_XGB: Record<string, [string, Json]> = {
  regression: ["reg:squarederror", { reg_loss_param: { scale_pos_weight: "1" } }],
  regression_l1: ["reg:absoluteerror", {}],
  huber: ["reg:pseudohubererror", { pseudo_huber_param: { huber_slope: "1" } }],
  cross_entropy: ["reg:logistic", { reg_loss_param: { scale_pos_weight: "1" } }],
  binary: ["binary:logistic", { reg_loss_param: { scale_pos_weight: "1" } }],
  multiclass: ["multi:softprob", {}],
  "rank:pairwise": ["rank:pairwise", {
    lambda_rank_param: { fix_list_weight: "0", num_pairsample: "1" },
  }],
  lambdarank: ["rank:ndcg", { lambda_rank_param: { fix_list_weight: "0", num_pairsample: "1" } }],
  "rank:map": ["rank:map", { lambda_rank_param: { fix_list_weight: "0", num_pairsample: "1" } }],
  poisson: ["count:poisson", { poisson_regression_param: { max_delta_step: "0.7" } }],
  gamma: ["reg:gamma", {}],
  tweedie: ["reg:tweedie", { tweedie_regression_param: { tweedie_variance_power: "1.5" } }],
  // Identity-link objectives XGBoost lacks predict the same under reg:squarederror.
  fair: ["reg:squarederror", { reg_loss_param: { scale_pos_weight: "1" } }],
  quantile: ["reg:squarederror", { reg_loss_param: { scale_pos_weight: "1" } }],
  mape: ["reg:squarederror", { reg_loss_param: { scale_pos_weight: "1" } }],
  rank_xendcg: ["rank:pairwise", {
    lambda_rank_param: { fix_list_weight: "0", num_pairsample: "1" },
  }],
};

function logit(p: number): number {
  return Math.log(p / (1 - p));
}

function sigmoid(m: number): number {
  return 1 / (1 + Math.exp(-m));
}

function bad(what: string): never {
  throw new ValueError(`Not a supported XGBoost JSON model: ${what}.`);
}

function obj(v: unknown, where: string): Json {
  if (!v || typeof v !== "object" || Array.isArray(v)) bad(`'${where}' is missing`);
  return v as Json;
}

function nums(tree: Json, key: string, n: number, where: string): number[] {
  const v = tree[key];
  if (!Array.isArray(v) || v.length !== n || v.some((x) => typeof x !== "number" && x !== null)) {
    bad(`${where}: '${key}' must be ${n} numbers, got ${describe(v)}`);
  }
  return v.map((x) => (x === null ? NaN : x));
}

/** XGBoost writes numbers as strings ("5E-1"), 3.0 as "[5E-1]". */
function num(v: unknown, where: string): number {
  const s = String(v ?? "").replace(/^\[|\]$/g, "");
  const x = Number(s);
  if (s === "" || !Number.isFinite(x)) bad(`'${where}' is ${describe(v)}, not a number`);
  return x;
}

function readTree(tree: Json, where: string): BoostedTree {
  const param = obj(tree.tree_param, `${where}.tree_param`);
  const n = num(param.num_nodes, `${where}.tree_param.num_nodes`);
  if (Number(param.size_leaf_vector ?? 0) > 1) {
    bad(
      `${where} has vector leaves (multi_strategy "multi_output_tree"), which this reader does not support`,
    );
  }
  const splitType = tree.split_type as number[] | undefined;
  if (
    (Array.isArray(splitType) && splitType.some((s) => s !== 0)) ||
    (Array.isArray(tree.categories_nodes) && tree.categories_nodes.length > 0)
  ) {
    bad(
      `${where} has categorical splits, which this reader does not support (numerical splits only)`,
    );
  }
  const left = nums(tree, "left_children", n, where);
  const right = nums(tree, "right_children", n, where);
  const feature = nums(tree, "split_indices", n, where);
  const cond = nums(tree, "split_conditions", n, where);
  const defaultLeft = nums(tree, "default_left", n, where);
  const weights = nums(tree, "base_weights", n, where);
  const gain = nums(tree, "loss_changes", n, where);
  const cover = nums(tree, "sum_hessian", n, where);
  // The learning rate is not saved; leaf value / base weight recovers it for inner nodes' values.
  let eta = 1;
  for (let i = 0; i < n; i++) {
    if (left[i] === -1 && weights[i] !== 0) {
      eta = cond[i] / weights[i];
      break;
    }
  }
  const t: BoostedTree = {
    left: Int32Array.from(left),
    right: Int32Array.from(right),
    feature: new Int32Array(n),
    threshold: new Float64Array(n),
    defaultLeft: Uint8Array.from(defaultLeft, (d) => (d ? 1 : 0)),
    value: new Float64Array(n),
    gain: new Float64Array(n),
    cover: Float64Array.from(cover),
  };
  for (let i = 0; i < n; i++) {
    if (left[i] === -1) {
      t.feature[i] = -1;
      t.value[i] = Math.fround(cond[i]);
      t.defaultLeft[i] = 0;
      t.right[i] = -1;
    } else {
      t.feature[i] = feature[i];
      t.threshold[i] = float32Boundary(cond[i]);
      t.value[i] = Math.fround(weights[i] * eta);
      t.gain[i] = gain[i];
    }
  }
  return t;
}

/** Reads XGBoost's JSON model text into a `BoosterModel` (checked whole by `new Booster`). */
export function parseXGBoostJSON(text: string): BoosterModel {
  let doc: Json;
  try {
    doc = JSON.parse(text);
  } catch {
    try {
      // XGBoost writes the non-JSON literals NaN and Infinity (e.g. categorical split values).
      doc = JSON.parse(
        text.replace(
          /([[,:]\s*)(-?)(NaN|Infinity)(?=\s*[,\]}])/g,
          (_, pre, sign, lit) => pre + (lit === "NaN" ? "null" : `${sign}1e999`),
        ),
      );
    } catch {
      bad("the text is not JSON (XGBoost's binary/UBJSON formats are not read; save as .json)");
    }
  }
  const learner = obj(doc?.learner, "learner");
  const version = doc.version as number[] | undefined;
  if (Array.isArray(version) && (version[0] < 1 || (version[0] === 1 && version[1] < 7))) {
    bad(`version ${version.join(".")}; this reader needs XGBoost 1.7 or later`);
  }
  const gb = obj(learner.gradient_booster, "learner.gradient_booster");
  const name = gb.name;
  if (name === "gblinear") bad("it is a gblinear (linear) booster; only tree boosters are read");
  if (name !== "gbtree" && name !== "dart") bad(`unknown booster ${describe(name)}`);
  const model = obj(name === "dart" ? obj(gb.gbtree, "gbtree").model : gb.model, "model");
  const lp = obj(learner.learner_model_param, "learner.learner_model_param");
  const objective = obj(learner.objective, "learner.objective");
  const xgbObjective = String(objective.name);
  const mapped = FROM_XGB[xgbObjective];
  if (!mapped) {
    bad(
      `objective ${describe(xgbObjective)} is not supported (supported: ${
        Object.keys(FROM_XGB).join(", ")
      })`,
    );
  }
  if (Number(lp.num_target ?? 1) > 1) bad("it has several targets (num_target > 1)");
  const numClass = Math.max(1, num(lp.num_class ?? 0, "num_class"));
  const numFeature = num(lp.num_feature, "num_feature");
  const baseMargin = mapped[1](Math.fround(num(lp.base_score, "base_score")));
  const trees = model.trees;
  if (!Array.isArray(trees)) bad("'trees' is missing");
  const treeInfo = nums(model, "tree_info", trees.length, "model");
  const gbParam = obj(model.gbtree_model_param, "gbtree_model_param");
  const numParallelTree = Math.max(1, num(gbParam.num_parallel_tree ?? 1, "num_parallel_tree"));
  if (gbParam.num_trees !== undefined && num(gbParam.num_trees, "num_trees") !== trees.length) {
    bad(
      `gbtree_model_param.num_trees is ${gbParam.num_trees} but the file holds ${trees.length} trees`,
    );
  }
  const weightDrop = name === "dart" ? nums(gb, "weight_drop", trees.length, "dart") : null;
  const attrs = (learner.attributes ?? {}) as Json;
  const names = learner.feature_names as string[] | undefined;
  const out: BoosterModel = {
    objective: mapped[0],
    numClass,
    numFeature,
    baseScore: new Array(numClass).fill(baseMargin),
    trees: trees.map((t, i) => readTree(obj(t, `tree ${i}`), `tree ${i}`)),
    treeGroup: Int32Array.from(treeInfo),
    treeWeight: weightDrop
      ? Float64Array.from(weightDrop, Math.fround)
      : new Float64Array(trees.length).fill(1),
    averageOutput: false,
    boosting: name === "dart" ? "dart" : "gbdt",
    params: { xgbObjective, source: "xgboost", version },
    numParallelTree,
  };
  if (Array.isArray(names) && names.length === numFeature) out.featureNames = names.slice();
  if (attrs.best_iteration !== undefined) out.bestIteration = Number(attrs.best_iteration);
  return out;
}

/** A leaf-value shift applied to the first tree of each group (what a single base score can't say). */
function shiftedTrees(model: BoosterModel, shift: number[], scale: number): BoostedTree[] {
  const seen = new Set<number>();
  return model.trees.map((t, i) => {
    const g = model.treeGroup[i];
    const first = !seen.has(g);
    seen.add(g);
    if (scale === 1 && (!first || shift[g] === 0)) return t;
    const value = t.value.map((v, j) =>
      t.left[j] === -1 ? v * scale + (first ? shift[g] : 0) : v * scale
    );
    return { ...t, value };
  });
}

/**
 * Writes a `BoosterModel` as XGBoost 1.7 JSON. Thresholds become the smallest float32 ≥ ours,
 * so float32 inputs route as here; a forest's averaging is folded into the leaf values, and
 * base scores that XGBoost's single float32 `base_score` cannot hold go into the first tree of
 * each group. Zero-as-missing splits (LightGBM) have no XGBoost equivalent and are refused.
 */
export function writeXGBoostJSON(model: BoosterModel): string {
  const target = TO_XGB[model.objective];
  if (!target) {
    throw new ValueError(
      `Cannot write objective ${describe(model.objective)} as XGBoost JSON (writable: ${
        Object.keys(TO_XGB).join(", ")
      }).`,
    );
  }
  const [xgbName, objParams] = target;
  const xgbObjective = typeof model.params.xgbObjective === "string" &&
      FROM_XGB[model.params.xgbObjective]?.[0] === model.objective
    ? model.params.xgbObjective
    : xgbName;
  const toMargin = FROM_XGB[xgbObjective][1];
  const K = model.numClass;
  // XGBoost keeps one float32 base score: write group 0's (in output space), fold the rest.
  let p = model.objective === "binary" || model.objective === "cross_entropy"
    ? sigmoid(model.baseScore[0])
    : toMargin === Math.log
    ? Math.exp(model.baseScore[0])
    : model.baseScore[0];
  p = Math.fround(p);
  if (!Number.isFinite(toMargin(p)) || (toMargin === logit && (p <= 0 || p >= 1))) p = 0.5;
  const written = toMargin(Math.fround(p));
  const shift = model.baseScore.map((b) => b - written);
  const perGroup = model.trees.length / K;
  const trees = shiftedTrees(model, shift, model.averageOutput ? 1 / perGroup : 1);
  const dart = model.boosting === "dart" || model.treeWeight.some((w) => w !== 1);
  const treesJson = trees.map((t, i) => treeJson(t, i, model.numFeature));
  const gbtreeModel = {
    gbtree_model_param: {
      num_parallel_tree: String(model.numParallelTree ?? 1),
      num_trees: String(trees.length),
      size_leaf_vector: "0",
    },
    tree_info: Array.from(model.treeGroup),
    trees: treesJson,
  };
  const gradientBooster = dart
    ? {
      gbtree: { model: gbtreeModel, name: "gbtree" },
      name: "dart",
      weight_drop: floats(model.treeWeight),
    }
    : { model: gbtreeModel, name: "gbtree" };
  const objectiveJson: Json = { name: xgbObjective, ...objParams };
  if (model.objective === "multiclass") {
    objectiveJson.softmax_multiclass_param = { num_class: String(K) };
  }
  const attributes: Json = {};
  if (model.bestIteration !== undefined) attributes.best_iteration = String(model.bestIteration);
  const doc = {
    learner: {
      attributes,
      feature_names: model.featureNames ?? [],
      feature_types: model.featureNames ? model.featureNames.map(() => "float") : [],
      gradient_booster: gradientBooster,
      learner_model_param: {
        base_score: p.toExponential(8).toUpperCase(),
        boost_from_average: "1",
        num_class: String(K === 1 ? 0 : K),
        num_feature: String(model.numFeature),
        num_target: "1",
      },
      objective: objectiveJson,
    },
    version: [1, 7, 4],
  };
  // XGBoost's JSON types numbers: an Integer where it expects a Number fails to load.
  return JSON.stringify(doc).replace(/"@f:([^"]*)"/g, "$1");
}

/**
 * XGBoost's predictor takes the right child to be left + 1 (nodes are made in pairs), so the
 * reachable nodes are renumbered breadth-first: root 0, then each node's children side by side.
 */
function pairedOrder(t: BoostedTree): Int32Array {
  const order = [0];
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    if (t.left[i] !== -1) order.push(t.left[i], t.right[i]);
  }
  return Int32Array.from(order);
}

function treeJson(tree: BoostedTree, id: number, numFeature: number): Json {
  if (tree.missingZero?.some((z) => z === 1)) {
    throw new ValueError(
      `Tree ${id} treats zero as missing (LightGBM's zero_as_missing), which XGBoost JSON cannot express.`,
    );
  }
  const order = pairedOrder(tree);
  const n = order.length;
  const newId = new Int32Array(tree.left.length).fill(-1);
  order.forEach((old, k) => (newId[old] = k));
  const left = new Int32Array(n), right = new Int32Array(n), parents = new Array<number>(n);
  parents[0] = 2147483647;
  for (let k = 0; k < n; k++) {
    const i = order[k];
    left[k] = tree.left[i] === -1 ? -1 : newId[tree.left[i]];
    right[k] = tree.right[i] === -1 ? -1 : newId[tree.right[i]];
    if (left[k] !== -1) parents[left[k]] = parents[right[k]] = k;
  }
  const isLeaf = (k: number) => left[k] === -1;
  const arr = (f: (k: number, i: number) => number) => Array.from(order, (i, k) => f(k, i));
  return {
    base_weights: floats(arr((_, i) => tree.value[i])),
    categories: [],
    categories_nodes: [],
    categories_segments: [],
    categories_sizes: [],
    default_left: arr((k, i) => (isLeaf(k) ? 0 : tree.defaultLeft[i])),
    id,
    left_children: Array.from(left),
    loss_changes: floats(arr((k, i) => (isLeaf(k) ? 0 : tree.gain[i]))),
    parents,
    right_children: Array.from(right),
    split_conditions: floats(
      arr((k, i) => (isLeaf(k) ? tree.value[i] : roundUpFloat32(tree.threshold[i]))),
    ),
    split_indices: arr((k, i) => (isLeaf(k) ? 0 : tree.feature[i])),
    split_type: arr(() => 0),
    sum_hessian: floats(arr((_, i) => tree.cover[i])),
    tree_param: {
      num_deleted: "0",
      num_feature: String(numFeature),
      num_nodes: String(n),
      size_leaf_vector: "0",
    },
  };
}

/** Float arrays, marked for writing with a decimal point or exponent. */
function floats(values: ArrayLike<number>): string[] {
  return Array.from(values, (v) => {
    if (Number.isNaN(v)) return "@f:NaN";
    if (!Number.isFinite(v)) return v > 0 ? "@f:Infinity" : "@f:-Infinity";
    const text = String(v);
    return "@f:" + (/[.eE]/.test(text) ? text : text + ".0");
  });
}
