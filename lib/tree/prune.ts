/**
 * Minimal cost-complexity pruning (CART, 李航 §5.5.2 and 算法5.7; Breiman et al. 1984).
 *
 * For a subtree T, C_α(T) = R(T) + α|T|, with R(T) the sum over leaves of (n_t / N) · impurity(t)
 * (n_t, N: the node's and the root's total sample weight, the row counts without weights)
 * and |T| the number of leaves. Collapsing an internal node t into a leaf changes R by
 * R(t) − R(T_t) and |T| by −(|T_t| − 1), so it pays off once α ≥ g(t), where
 *   g(t) = (R(t) − R(T_t)) / (|T_t| − 1).
 * Pruning the weakest link (smallest g) again and again gives the nested sequence of subtrees
 * and the increasing α's at which each becomes optimal: the pruning path.
 *
 * @module
 */
import type { TreeNode } from "./grow.ts";

/** The α at which each successive subtree appears, and its total leaf impurity R(T). */
export interface PruningPath {
  /** Increasing α, one per subtree of the pruning sequence (李航 算法5.7). */
  ccpAlphas: number[];
  /** Total leaf impurity of the subtree pruned at each α. */
  impurities: number[];
}

function nodeRisk(node: TreeNode, n: number): number {
  return (node.weight / n) * node.impurity;
}

/** R(T_t) and |T_t| of the subtree under `node`. */
function subtree(node: TreeNode, n: number): { risk: number; leaves: number } {
  if (!node.children) return { risk: nodeRisk(node, n), leaves: 1 };
  let risk = 0, leaves = 0;
  for (const c of node.children) {
    const s = subtree(c, n);
    risk += s.risk;
    leaves += s.leaves;
  }
  return { risk, leaves };
}

/** The internal node with the smallest g(t) (first in pre-order on ties). */
function weakestLink(root: TreeNode, n: number): { node: TreeNode; alpha: number } | undefined {
  let best: { node: TreeNode; alpha: number } | undefined;
  const visit = (node: TreeNode) => {
    if (!node.children) return;
    const s = subtree(node, n);
    const alpha = Math.max(0, (nodeRisk(node, n) - s.risk) / (s.leaves - 1));
    if (!best || alpha < best.alpha) best = { node, alpha };
    node.children.forEach(visit);
  };
  visit(root);
  return best;
}

function clone(node: TreeNode): TreeNode {
  return structuredClone(node);
}

function collapse(node: TreeNode): void {
  delete node.split;
  delete node.children;
}

/** The pruning path of a fully grown tree (scikit-learn's `cost_complexity_pruning_path`). */
export function pruningPath(root: TreeNode): PruningPath {
  const tree = clone(root), n = root.weight;
  const ccpAlphas = [0], impurities = [subtree(tree, n).risk];
  for (let link = weakestLink(tree, n); link; link = weakestLink(tree, n)) {
    collapse(link.node);
    ccpAlphas.push(link.alpha);
    impurities.push(subtree(tree, n).risk);
  }
  return { ccpAlphas, impurities };
}

/** The smallest subtree minimising C_α: prune weakest links while g(t) ≤ α. */
export function pruneTree(root: TreeNode, ccpAlpha: number): TreeNode {
  const tree = clone(root), n = root.weight;
  for (
    let link = weakestLink(tree, n);
    link && link.alpha <= ccpAlpha;
    link = weakestLink(tree, n)
  ) {
    collapse(link.node);
  }
  return tree;
}

/** Number of leaves and depth of a tree. */
export function treeSize(root: TreeNode): { leaves: number; depth: number; nodes: number } {
  if (!root.children) return { leaves: 1, depth: 0, nodes: 1 };
  let leaves = 0, depth = 0, nodes = 1;
  for (const c of root.children) {
    const s = treeSize(c);
    leaves += s.leaves;
    nodes += s.nodes;
    depth = Math.max(depth, s.depth + 1);
  }
  return { leaves, depth, nodes };
}
