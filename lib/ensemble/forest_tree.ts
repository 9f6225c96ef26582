/**
 * A CART tree of a forest in flat typed arrays (the grower's nested `TreeNode`s are flattened
 * once after growing), so that predicting with a hundred trees is a tight loop; and the
 * per-tree pieces of a forest: bootstrap counts, the per-split feature draw, impurity importance.
 *
 * @module
 */
import type { Random } from "../core/random.ts";
import type { TreeNode } from "../tree/grow.ts";

/** A forest's tree: node 0 the root, x[feature] ≤ threshold goes left; leaves have left = -1. */
export interface ForestTree {
  /** Left child index; -1 on a leaf. */
  left: Int32Array;
  /** Right child index; -1 on a leaf. */
  right: Int32Array;
  /** Split feature; -1 on a leaf. */
  feature: Int32Array;
  /** Split threshold: x[feature] ≤ threshold goes left. */
  threshold: Float64Array;
  /** Per node, `nOutputs` values: class probabilities (classification) or the mean (regression). */
  value: Float64Array;
  /** Values per node: the number of classes, or 1. */
  nOutputs: number;
}

/**
 * Flattens a grown tree, depth first. Leaves hold class shares (weighted counts / their sum)
 * for classification, the weighted mean for regression.
 */
export function flattenTree(root: TreeNode, classification: boolean): ForestTree {
  // Depth first; each stack entry remembers its parent's slot so no node-to-index map is needed.
  const nodes: TreeNode[] = [], parent: number[] = [], side: number[] = [];
  const stack: TreeNode[] = [root], stackParent: number[] = [-1], stackSide: number[] = [0];
  while (stack.length) {
    const node = stack.pop()!;
    parent.push(stackParent.pop()!);
    side.push(stackSide.pop()!);
    const i = nodes.length;
    nodes.push(node);
    if (node.children) {
      stack.push(node.children[1], node.children[0]);
      stackParent.push(i, i);
      stackSide.push(1, 0);
    }
  }
  const n = nodes.length, K = root.value.length;
  const t: ForestTree = {
    left: new Int32Array(n).fill(-1),
    right: new Int32Array(n).fill(-1),
    feature: new Int32Array(n).fill(-1),
    threshold: new Float64Array(n),
    value: new Float64Array(n * K),
    nOutputs: K,
  };
  for (let i = 0; i < n; i++) {
    const node = nodes[i], v = node.value;
    let total = 1;
    if (classification) {
      total = 0;
      for (let k = 0; k < K; k++) total += v[k];
    }
    for (let k = 0; k < K; k++) t.value[i * K + k] = v[k] / total;
    if (node.split?.kind === "threshold" && node.children) {
      t.feature[i] = node.split.feature;
      t.threshold[i] = node.split.threshold;
    }
    if (parent[i] >= 0) (side[i] === 0 ? t.left : t.right)[parent[i]] = i;
  }
  return t;
}

/** The node index of the leaf reached by the row at `offset` of a row-major buffer. */
export function forestLeaf(t: ForestTree, data: Float64Array, offset: number): number {
  const { left, right, feature, threshold } = t;
  let node = 0;
  while (left[node] !== -1) {
    node = data[offset + feature[node]] <= threshold[node] ? left[node] : right[node];
  }
  return node;
}

/**
 * Adds a tree's outputs for rows `rows` (all when absent) of the n × d buffer into `out`
 * (n × nOutputs) and counts them in `count`.
 */
export function accumulateTree(
  t: ForestTree,
  data: Float64Array,
  d: number,
  out: Float64Array,
  rows?: ArrayLike<number>,
  count?: Float64Array,
): void {
  const K = t.nOutputs, n = rows ? rows.length : out.length / K;
  for (let r = 0; r < n; r++) {
    const i = rows ? rows[r] : r;
    const leaf = forestLeaf(t, data, i * d) * K;
    for (let k = 0; k < K; k++) out[i * K + k] += t.value[leaf + k];
    if (count) count[i]++;
  }
}

/**
 * Bootstrap counts: how many times each of n rows is drawn in `nDraws` draws with replacement
 * (a row's count is its sample weight in the tree; 0 = out of bag).
 */
export function bootstrapCounts(n: number, nDraws: number, rng: Random): Float64Array {
  const counts = new Float64Array(n);
  for (let k = 0; k < nDraws; k++) counts[rng.int(n)]++;
  return counts;
}

/**
 * Breiman's per-split feature draw: `m` of a node's splittable features, without replacement
 * (a partial Fisher-Yates shuffle), returned in increasing order.
 */
export function featureSampler(m: number, rng: Random): (features: readonly number[]) => number[] {
  return (features) => {
    if (m >= features.length) return features.slice();
    const a = features.slice();
    for (let i = 0; i < m; i++) {
      const j = i + rng.int(a.length - i);
      const tmp = a[i];
      a[i] = a[j];
      a[j] = tmp;
    }
    return a.slice(0, m).sort((x, y) => x - y);
  };
}

/**
 * A tree's impurity importances, normalized to sum 1 (scikit-learn's per-tree
 * `feature_importances_`): Σ over the feature's splits of w_t·I(t) − Σ_children w_c·I(c).
 */
export function treeImportances(root: TreeNode, nFeatures: number): Float64Array {
  const imp = new Float64Array(nFeatures);
  const stack = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (!node.split || !node.children) continue;
    let decrease = node.weight * node.impurity;
    for (const c of node.children) decrease -= c.weight * c.impurity;
    imp[node.split.feature] += decrease;
    stack.push(...node.children);
  }
  const total = imp.reduce((s, v) => s + v, 0);
  if (total > 0) { for (let f = 0; f < nFeatures; f++) imp[f] /= total; }
  return imp;
}
