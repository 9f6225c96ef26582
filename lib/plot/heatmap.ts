/**
 * Heatmaps of a matrix, e.g. a confusion matrix or a correlation matrix, with the values
 * written in the cells.
 *
 * @module
 */
import { checkOptions, optionNames } from "../core/options.ts";
import { ValueError } from "../core/errors.ts";
import { Figure } from "./figure.ts";
import { toRows } from "./inputs.ts";
import { baseLayout } from "./style.ts";
import type { CommonOptions, Layout, NumericRows, Trace } from "./types.ts";

const HEATMAP_OPTION_NAMES = optionNames<HeatmapOptions>({
  title: true,
  xTitle: true,
  yTitle: true,
  width: true,
  height: true,
  x: true,
  y: true,
  annotate: true,
  format: true,
  colorscale: true,
  reverseY: true,
  showScale: true,
});

/** Light (low) to dark (high) blue. plotly.js's own "Blues" runs the other way. */
const BLUES: Array<[number, string]> = [
  [0, "#f7fbff"],
  [0.25, "#c6dbef"],
  [0.5, "#6baed6"],
  [0.75, "#2171b5"],
  [1, "#08306b"],
];

/** Options of {@link heatmap}. */
export interface HeatmapOptions extends CommonOptions {
  /** Column labels (length nCols). @default "0", "1", ... */
  x?: readonly (string | number)[];
  /** Row labels (length nRows). @default "0", "1", ... */
  y?: readonly (string | number)[];
  /** Write each value in its cell. @default true when the matrix has at most 400 cells */
  annotate?: boolean;
  /** Formats annotations. @default integers as is, others with 2 decimals */
  format?: (value: number) => string;
  /** Plotly colour scale (name or stops). @default light to dark blue */
  colorscale?: string | Array<[number, string]>;
  /** Row 0 at the top, as a matrix is written. @default true */
  reverseY?: boolean;
  /** Show the colour bar. @default true */
  showScale?: boolean;
}

function labelsFor(
  given: readonly (string | number)[] | undefined,
  n: number,
  name: string,
): string[] {
  if (given === undefined) return Array.from({ length: n }, (_, i) => String(i));
  if (given.length !== n) {
    throw new ValueError(
      `The '${name}' option must have ${n} labels. Got ${given.length} instead.`,
    );
  }
  const out = given.map(String);
  if (new Set(out).size !== out.length) {
    throw new ValueError(`The '${name}' option must not repeat labels. Got [${out.join(", ")}].`);
  }
  return out;
}

/**
 * Heatmap of `z (nRows, nCols)`, with values written in the cells.
 * @param z the matrix, rows first
 * @example
 * ```ts
 * import { heatmap } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * const fig = heatmap([[5, 1], [2, 7]], {
 *   x: ["pred 0", "pred 1"],
 *   y: ["true 0", "true 1"],
 *   title: "混淆矩阵 (confusion matrix)",
 * });
 * assertEquals(fig.data[0].type, "heatmap");
 * ```
 */
export function heatmap(z: NumericRows, options: HeatmapOptions = {}): Figure {
  checkOptions(options, HEATMAP_OPTION_NAMES, "heatmap");
  const rows = toRows(z, "z");
  const nCols = rows[0].length;
  const xs = labelsFor(options.x, nCols, "x");
  const ys = labelsFor(options.y, rows.length, "y");
  const trace: Trace = {
    type: "heatmap",
    x: xs,
    y: ys,
    z: rows,
    colorscale: options.colorscale ?? BLUES,
    showscale: options.showScale ?? true,
  };
  const annotate = options.annotate ?? rows.length * nCols <= 400;
  const extra: Layout = {
    xaxis: { type: "category" },
    yaxis: { type: "category", ...(options.reverseY === false ? {} : { autorange: "reversed" }) },
  };
  if (annotate) {
    const flat = rows.flat();
    const lo = Math.min(...flat);
    const hi = Math.max(...flat);
    const allIntegers = flat.every(Number.isInteger);
    const format = options.format ?? ((v: number) => (allIntegers ? String(v) : v.toFixed(2)));
    extra.annotations = rows.flatMap((row, i) =>
      row.map((v, j) => ({
        x: xs[j],
        y: ys[i],
        text: format(v),
        showarrow: false,
        // dark cells (upper half of the default scale) get white text
        font: { color: hi > lo && (v - lo) / (hi - lo) > 0.5 ? "#fff" : "#222" },
      }))
    );
  }
  return new Figure([trace], baseLayout(options, extra));
}
