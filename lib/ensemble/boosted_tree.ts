/**
 * The one tree format every booster uses (trained here, read from XGBoost JSON or LightGBM
 * text): nodes in flat typed arrays, node 0 the root, and the traversal that routes a row to a
 * leaf. No per-node objects, so predicting over many rows stays in cache.
 *
 * @module
 */
import { ValueError } from "../core/errors.ts";

/** One regression tree of a booster, nodes in flat typed arrays; node 0 is the root. */
export interface BoostedTree {
  /** Left child index; -1 on a leaf. */
  left: Int32Array;
  /** Right child index; -1 on a leaf. */
  right: Int32Array;
  /** Split feature, -1 on a leaf. */
  feature: Int32Array;
  /** A row goes left when x[feature] < threshold (XGBoost's convention). LightGBM's
   *  `x <= t` is stored as the next double above t, so one comparison serves both. */
  threshold: Float64Array;
  /** 1 when a missing value (NaN) goes left. */
  defaultLeft: Uint8Array;
  /** Leaf output (learning rate already applied) on leaves; on inner nodes the value the
   *  node would predict (for XGBoost's `base_weights` and for drawing). */
  value: Float64Array;
  /** Split gain on inner nodes (0 on leaves). */
  gain: Float64Array;
  /** Hessian sum (cover) on every node. */
  cover: Float64Array;
  /** LightGBM's "zero as missing": 1 where |x| ≤ 1e-35 (and NaN) takes the default direction. */
  missingZero?: Uint8Array;
}

/** LightGBM's kZeroThreshold: values this close to 0 count as zero for "zero as missing". */
export const ZERO_THRESHOLD = 1e-35;

/**
 * The leaf a row reaches: at each inner node a missing value (NaN, or a zero where
 * `missingZero` is set) follows `defaultLeft`, any other value goes left when x < threshold.
 * @param row the feature values of one sample, length ≥ the tree's largest feature index + 1
 * @returns the node index of the leaf
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { type BoostedTree, leafIndex } from "../mod.ts";
 * const stump: BoostedTree = {
 *   left: Int32Array.of(1, -1, -1), right: Int32Array.of(2, -1, -1),
 *   feature: Int32Array.of(0, -1, -1), threshold: Float64Array.of(0.5, 0, 0),
 *   defaultLeft: Uint8Array.of(1, 0, 0), value: Float64Array.of(0, -1, 1),
 *   gain: Float64Array.of(3, 0, 0), cover: Float64Array.of(4, 2, 2),
 * };
 * assertEquals([leafIndex(stump, [0.2]), leafIndex(stump, [0.9]), leafIndex(stump, [NaN])], [1, 2, 1]);
 * ```
 */
export function leafIndex(tree: BoostedTree, row: ArrayLike<number>): number {
  const { left, right, feature, threshold, defaultLeft } = tree;
  const mz = tree.missingZero;
  let node = 0;
  while (left[node] !== -1) {
    const v = row[feature[node]];
    const missing = v !== v ||
      (mz !== undefined && mz[node] === 1 && Math.abs(v) <= ZERO_THRESHOLD);
    const goLeft = missing ? defaultLeft[node] === 1 : v < threshold[node];
    node = goLeft ? left[node] : right[node];
  }
  return node;
}

/**
 * The leaf reached by the row starting at `offset` in a row-major buffer: the hot loop of
 * `Booster.predict`, which avoids making a view per row.
 */
export function leafIndexAt(tree: BoostedTree, data: Float64Array, offset: number): number {
  const { left, right, feature, threshold, defaultLeft } = tree;
  const mz = tree.missingZero;
  let node = 0;
  while (left[node] !== -1) {
    const v = data[offset + feature[node]];
    const missing = v !== v ||
      (mz !== undefined && mz[node] === 1 && Math.abs(v) <= ZERO_THRESHOLD);
    node = (missing ? defaultLeft[node] === 1 : v < threshold[node]) ? left[node] : right[node];
  }
  return node;
}

/**
 * The tree's output for one row: the value of the leaf it reaches (learning rate included).
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { type BoostedTree, predictTree } from "../mod.ts";
 * const stump: BoostedTree = {
 *   left: Int32Array.of(1, -1, -1), right: Int32Array.of(2, -1, -1),
 *   feature: Int32Array.of(0, -1, -1), threshold: Float64Array.of(0.5, 0, 0),
 *   defaultLeft: Uint8Array.of(0, 0, 0), value: Float64Array.of(0, -1, 1),
 *   gain: Float64Array.of(3, 0, 0), cover: Float64Array.of(4, 2, 2),
 * };
 * assertEquals(predictTree(stump, [0.9]), 1);
 * ```
 */
export function predictTree(tree: BoostedTree, row: ArrayLike<number>): number {
  return tree.value[leafIndex(tree, row)];
}

/** Number of nodes of a tree. */
export function treeSize(tree: BoostedTree): number {
  return tree.left.length;
}

/** A single-leaf tree predicting `value` (a round that found no split). */
export function leafTree(value: number, cover = 0): BoostedTree {
  return {
    left: Int32Array.of(-1),
    right: Int32Array.of(-1),
    feature: Int32Array.of(-1),
    threshold: Float64Array.of(0),
    defaultLeft: Uint8Array.of(0),
    value: Float64Array.of(value),
    gain: Float64Array.of(0),
    cover: Float64Array.of(cover),
  };
}

/**
 * Checks that a tree is well formed before any traversal trusts it: equal array lengths,
 * children both -1 (leaf) or both valid, features in [0, numFeature), no node reached twice
 * from the root (so a traversal always ends).
 * @param where names the tree in error messages, e.g. "tree 3"
 */
export function validateTree(tree: BoostedTree, numFeature: number, where: string): void {
  const n = tree.left.length;
  if (n === 0) throw new ValueError(`${where} has no nodes; a tree needs at least a root.`);
  const fields = [
    "right",
    "feature",
    "threshold",
    "defaultLeft",
    "value",
    "gain",
    "cover",
  ] as const;
  for (const f of fields) {
    if (!tree[f] || tree[f].length !== n) {
      throw new ValueError(
        `${where}: '${f}' has ${tree[f]?.length} entries, but 'left' has ${n}; they must match.`,
      );
    }
  }
  if (tree.missingZero && tree.missingZero.length !== n) {
    throw new ValueError(
      `${where}: 'missingZero' has ${tree.missingZero.length} entries, not ${n}.`,
    );
  }
  // Walk from the root: every reached node is checked, and reached once (no cycles, no shared
  // children), so a traversal always ends. Unreached nodes (XGBoost's deleted ones) are ignored.
  const seen = new Uint8Array(n);
  const stack = [0];
  seen[0] = 1;
  while (stack.length) {
    const i = stack.pop()!;
    const l = tree.left[i], r = tree.right[i];
    if (l === -1 && r === -1) continue;
    if (l < 0 || r < 0 || l >= n || r >= n || l === r) {
      throw new ValueError(`${where}: node ${i} has invalid children (${l}, ${r}) for ${n} nodes.`);
    }
    const f = tree.feature[i];
    if (!(f >= 0 && f < numFeature)) {
      throw new ValueError(
        `${where}: node ${i} splits on feature ${f}, outside [0, ${numFeature}).`,
      );
    }
    if (seen[l] || seen[r]) {
      throw new ValueError(`${where}: node ${seen[l] ? l : r} is reached twice; not a tree.`);
    }
    seen[l] = seen[r] = 1;
    stack.push(l, r);
  }
}
