/**
 * Drawing a fitted decision tree (or a booster's tree) as a plotly figure: nodes placed by depth
 * (y) and leaf order (x), edges as lines labelled with the branch condition, nodes labelled with
 * their test or prediction. It reads the tree's `toTree()` JSON, so lib/tree knows nothing of it.
 *
 * @module
 */
import { Figure } from "./figure.ts";
import type { ReadableNode } from "../tree/export.ts";

interface Placed {
  node: ReadableNode;
  x: number;
  depth: number;
}

function label(node: ReadableNode): string {
  const stats = `samples = ${node.samples}<br>impurity = ${node.impurity.toFixed(3)}`;
  const what = node.test
    ? node.test.op === "in"
      ? `${node.test.feature} ?`
      : `${node.test.feature} ${node.test.op === "<=" ? "≤" : "="} ${
        typeof node.test.value === "number" ? +node.test.value.toFixed(3) : node.test.value
      }`
    : typeof node.prediction === "number" && !Number.isInteger(node.prediction)
    ? `value = ${node.prediction.toFixed(3)}`
    : `class = ${node.prediction}`;
  return `<b>${what}</b><br>${stats}`;
}

/** Leaves take consecutive x positions; an internal node sits above the middle of its children. */
function place(root: ReadableNode): { placed: Placed[]; edges: [Placed, Placed, string][] } {
  const placed: Placed[] = [], edges: [Placed, Placed, string][] = [];
  let nextLeaf = 0;
  const visit = (node: ReadableNode, depth: number): Placed => {
    if (!node.children) {
      const p = { node, x: nextLeaf++, depth };
      placed.push(p);
      return p;
    }
    const kids = node.children.map((c) => ({
      p: visit(c.node, depth + 1),
      condition: c.condition,
    }));
    const p = { node, x: (kids[0].p.x + kids[kids.length - 1].p.x) / 2, depth };
    placed.push(p);
    for (const k of kids) edges.push([p, k.p, branchText(k.condition)]);
    return p;
  };
  visit(root, 0);
  return { placed, edges };
}

function branchText(condition: string): string {
  const m = condition.match(/ (<=|>|=|!=) (.*)$/);
  if (!m) return condition;
  const op = { "<=": "≤", ">": ">", "=": "=", "!=": "≠" }[m[1]]!;
  return op === "=" ? m[2] : `${op} ${m[2]}`;
}

/**
 * A figure of the tree (from `model.toTree()`).
 * @example
 * ```ts
 * import { DecisionTreeClassifier, loanApplications, treeFigure } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * const { X, y, featureNames } = loanApplications();
 * const tree = new DecisionTreeClassifier({ criterion: "entropy", featureNames }).fit(X, y);
 * const fig = treeFigure(tree.toTree()); // a notebook cell ending in fig draws the tree
 * assertEquals(String(fig), 'Figure("决策树 (decision tree)", 3 traces: scatter, scatter, scatter)');
 * ```
 */
export function treeFigure(root: ReadableNode, { title = "决策树 (decision tree)" } = {}): Figure {
  const { placed, edges } = place(root);
  const ex: (number | null)[] = [], ey: (number | null)[] = [];
  for (const [a, b] of edges) ex.push(a.x, b.x, null), ey.push(-a.depth, -b.depth, null);
  const maxDepth = Math.max(...placed.map((p) => p.depth));
  return new Figure([
    {
      type: "scatter",
      mode: "lines",
      x: ex,
      y: ey,
      line: { color: "#999", width: 1.5 },
      hoverinfo: "skip",
      showlegend: false,
    },
    {
      type: "scatter",
      mode: "text",
      x: edges.map(([a, b]) => (a.x + b.x) / 2),
      y: edges.map(([a, b]) => -(a.depth + b.depth) / 2),
      text: edges.map((e) => e[2]),
      textfont: { color: "#555", size: 11 },
      hoverinfo: "skip",
      showlegend: false,
    },
    {
      type: "scatter",
      mode: "text+markers",
      x: placed.map((p) => p.x),
      y: placed.map((p) => -p.depth),
      text: placed.map((p) => label(p.node)),
      textposition: "bottom center",
      marker: {
        size: 14,
        symbol: placed.map((p) => (p.node.children ? "square" : "circle")),
        color: placed.map((p) => (p.node.children ? "#4c78a8" : "#f58518")),
      },
      hoverinfo: "text",
      showlegend: false,
    },
  ], {
    title: { text: title },
    xaxis: { visible: false },
    yaxis: { visible: false, range: [-maxDepth - 0.8, 0.4] },
    height: 160 + 140 * maxDepth,
    margin: { l: 20, r: 20, t: 50, b: 20 },
  });
}
