/**
 * Readable forms of a fitted tree: nested JSON with names and category values, and indented text
 * in the manner of scikit-learn's `export_text`.
 *
 * @module
 */
import type { Cell, FeatureEncoding } from "./encode.ts";
import type { TreeNode } from "./grow.ts";

/** A node with feature names and original category values instead of codes. */
export interface ReadableNode {
  /** Training rows reaching the node. */
  samples: number;
  /** Node impurity under the criterion. */
  impurity: number;
  /** Class counts (classification) or [mean] (regression). */
  value: number[];
  /** Majority class (classification) or the mean (regression). */
  prediction: Cell;
  /** The test at this node, e.g. { feature: "有自己的房子", op: "=", value: "是" }. */
  test?: {
    feature: string;
    featureIndex: number;
    op: "<=" | "=" | "!=" | "in";
    value: Cell | Cell[];
  };
  /** Children with the branch condition that leads to each. */
  children?: { condition: string; node: ReadableNode }[];
}

function fmt(v: Cell, decimals: number): string {
  return typeof v === "number" ? String(Number(v.toFixed(decimals))) : v;
}

/** Converts codes to values and indices to names. */
export function readableTree(
  node: TreeNode,
  encoding: FeatureEncoding,
  names: readonly string[],
  classes: readonly Cell[],
): ReadableNode {
  const prediction = classes.length
    ? classes[node.value.indexOf(Math.max(...node.value))]
    : node.value[0];
  const out: ReadableNode = {
    samples: node.nSamples,
    impurity: node.impurity,
    value: [...node.value],
    prediction,
  };
  const s = node.split;
  if (!s || !node.children) return out;
  const name = names[s.feature], cats = encoding.categories[s.feature] ?? [];
  const child = (k: number) => readableTree(node.children![k], encoding, names, classes);
  if (s.kind === "threshold") {
    out.test = { feature: name, featureIndex: s.feature, op: "<=", value: s.threshold };
    out.children = [
      { condition: `${name} <= ${fmt(s.threshold, 6)}`, node: child(0) },
      { condition: `${name} > ${fmt(s.threshold, 6)}`, node: child(1) },
    ];
  } else if (s.kind === "equals") {
    const value = cats[s.category];
    out.test = { feature: name, featureIndex: s.feature, op: "=", value };
    out.children = [
      { condition: `${name} = ${value}`, node: child(0) },
      { condition: `${name} != ${value}`, node: child(1) },
    ];
  } else {
    const values = s.categories.map((c) => cats[c]);
    out.test = { feature: name, featureIndex: s.feature, op: "in", value: values };
    out.children = values.map((v, k) => ({ condition: `${name} = ${v}`, node: child(k) }));
  }
  return out;
}

/** Indented text, one line per branch, leaves showing the class or value. */
export function exportText(root: ReadableNode, decimals = 3): string {
  const lines: string[] = [];
  const walk = (node: ReadableNode, indent: string) => {
    if (!node.children) {
      const what = typeof node.prediction === "string" || Number.isInteger(node.prediction)
        ? `class: ${node.prediction}`
        : `value: ${fmt(node.prediction, decimals)}`;
      lines.push(`${indent}|--- ${what}`);
      return;
    }
    for (const { condition, node: child } of node.children) {
      lines.push(
        `${indent}|--- ${condition.replace(/(-?\d+\.\d+)/g, (m) => fmt(Number(m), decimals))}`,
      );
      walk(child, indent + "|   ");
    }
  };
  walk(root, "");
  return lines.join("\n");
}
