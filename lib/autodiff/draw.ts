/**
 * Drawing a computational graph as SVG, micrograd's `draw_dot` without Graphviz: inputs on the
 * left, the output on the right, each value a box showing its label, data and grad, each
 * operation a circle feeding the box it produced. Displays inline in Jupyter.
 *
 * @module
 */
import { Tensor } from "./tensor.ts";
import { topologicalOrder, Value } from "./value.ts";

const BOX_W = 168, BOX_H = 46, COL_W = 250, ROW_H = 74, OP_R = 16, PAD = 20;

/** An SVG picture of a graph; a notebook cell ending with it shows the picture. */
export class GraphDrawing {
  /** The SVG markup. */
  readonly svg: string;

  /** Wraps SVG markup; {@link drawGraph} builds it. */
  constructor(svg: string) {
    this.svg = svg;
  }

  /** The MIME bundle the Deno Jupyter kernel displays: SVG, also as HTML for any front end. */
  mimeBundle(): Record<string, string> {
    return { "image/svg+xml": this.svg, "text/html": this.svg };
  }

  /** Called by the Deno Jupyter kernel to display this object: {@link GraphDrawing.mimeBundle}. */
  [Symbol.for("Jupyter.display")](): Record<string, string> {
    return this.mimeBundle();
  }

  /** The SVG markup. */
  toString(): string {
    return this.svg;
  }
}

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(4);
}

function describeNode(node: Value | Tensor): { data: string; grad: string } {
  if (node instanceof Value) return { data: fmt(node.data), grad: fmt(node.grad) };
  const small = node.data.data.length <= 3;
  const show = (
    xs: Float64Array,
  ) => (small ? `[${Array.from(xs, fmt).join(", ")}]` : `(${node.rows}×${node.cols})`);
  return { data: show(node.data.data), grad: node.requiresGrad ? show(node.grad.data) : "—" };
}

function escape(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * Draws the graph below `root`: one column per depth (longest path from an input).
 * @param root the output node (a scalar `Value` or a `Tensor`); run `root.backward()` first to
 *   show gradients
 * @example
 * ```ts
 * import { drawGraph, Value } from "../mod.ts";
 * import { assertEquals, assertStringIncludes } from "@std/assert";
 *
 * const a = new Value(2).named("a"), b = new Value(-3).named("b");
 * const L = a.mul(b).named("L");
 * L.backward();
 * assertEquals([a.grad, b.grad], [-3, 2]);
 * const picture = drawGraph(L); // a, b → (*) → L; a notebook cell ending with it shows the SVG
 * assertStringIncludes(picture.svg, "<svg");
 * ```
 */
export function drawGraph(root: Value | Tensor): GraphDrawing {
  const order = topologicalOrder<Value | Tensor>(root);
  const depth = new Map<Value | Tensor, number>();
  const columns: (Value | Tensor)[][] = [];
  for (const node of order) {
    const d = node.children.length === 0
      ? 0
      : 1 + Math.max(...node.children.map((c) => depth.get(c) as number));
    depth.set(node, d);
    (columns[d] ??= []).push(node);
  }
  const rowsMax = Math.max(...columns.map((c) => c.length));
  const width = PAD * 2 + OP_R * 4 + (columns.length - 1) * COL_W + BOX_W;
  const height = PAD * 2 + (rowsMax - 1) * ROW_H + BOX_H;
  const pos = new Map<Value | Tensor, { x: number; y: number }>();
  columns.forEach((col, d) => {
    const top = PAD + ((rowsMax - col.length) * ROW_H) / 2;
    col.forEach((node, r) => pos.set(node, { x: PAD + OP_R * 4 + d * COL_W, y: top + r * ROW_H }));
  });

  const edges: string[] = [], shapes: string[] = [];
  order.forEach((node, k) => {
    const { x, y } = pos.get(node) as { x: number; y: number };
    const cy = y + BOX_H / 2;
    const { data, grad } = describeNode(node);
    const name = node.label || `#${k + 1}`;
    shapes.push(
      `<rect x="${x}" y="${y}" width="${BOX_W}" height="${BOX_H}" rx="6" fill="#eef4fb" stroke="#4a78a8"/>`,
      `<text x="${x + 8}" y="${y + 18}" font-weight="bold">${escape(name)}</text>`,
      `<text x="${x + 8}" y="${y + 36}">data ${escape(data)}</text>`,
      `<text x="${x + BOX_W - 8}" y="${y + 36}" text-anchor="end" fill="#b03a2e">grad ${
        escape(grad)
      }</text>`,
    );
    if (node.children.length === 0) return;
    const ox = x - OP_R * 2;
    shapes.push(
      `<circle cx="${ox}" cy="${cy}" r="${OP_R}" fill="#fdf2d0" stroke="#a8842c"/>`,
      `<text x="${ox}" y="${cy + 4}" text-anchor="middle">${escape(node.op)}</text>`,
    );
    edges.push(`<line x1="${ox + OP_R}" y1="${cy}" x2="${x}" y2="${cy}" stroke="#888"/>`);
    for (const child of node.children) {
      const c = pos.get(child) as { x: number; y: number };
      edges.push(
        `<line x1="${c.x + BOX_W}" y1="${c.y + BOX_H / 2}" x2="${
          ox - OP_R
        }" y2="${cy}" stroke="#888"/>`,
      );
    }
  });
  return new GraphDrawing(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" ` +
      `viewBox="0 0 ${width} ${height}" style="max-width:100%;height:auto" ` +
      `font-family="sans-serif" font-size="12">${edges.join("")}${shapes.join("")}</svg>`,
  );
}

/** One row of {@link traceGraph}: a node in evaluation order. */
export interface TraceRow {
  /** Position in the topological (forward) order, from 1. */
  step: number;
  /** The node's label, or #k when it has none. */
  node: string;
  /** The operation that produced it ("input" for leaves). */
  op: string;
  /** Names of the operands. */
  inputs: string;
  /** Its value, formatted (a shape for large tensors). */
  data: string;
  /** Its gradient, formatted ("—" for constants). */
  grad: string;
}

/**
 * The graph below `root` as a table in forward (topological) order: the forward pass computes the
 * rows top to bottom, `backward()` visits them bottom to top. Unnamed nodes are called #k.
 * @example
 * ```ts
 * import { traceGraph, Value } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * const a = new Value(2).named("a"), b = new Value(-3).named("b");
 * const L = a.mul(b).named("L");
 * L.backward();
 * const rows = traceGraph(L);
 * assertEquals(rows.map((r) => [r.node, r.op]), [["a", "input"], ["b", "input"], ["L", "*"]]);
 * assertEquals(rows[0].grad, "-3");
 * ```
 */
export function traceGraph(root: Value | Tensor): TraceRow[] {
  const order = topologicalOrder<Value | Tensor>(root);
  const name = (node: Value | Tensor) => node.label || `#${order.indexOf(node) + 1}`;
  return order.map((node, k) => ({
    step: k + 1,
    node: name(node),
    op: node.op || "input",
    inputs: node.children.map(name).join(", "),
    ...describeNode(node),
  }));
}
