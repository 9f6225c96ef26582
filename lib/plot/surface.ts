/**
 * Functions of two variables over a grid: contour plots of f(x, y), and the decision regions of
 * a classifier with its training points.
 *
 * @module
 */
import { checkOptions, optionNames } from "../core/options.ts";
import { ShapeError, ValueError } from "../core/errors.ts";
import { Figure } from "./figure.ts";
import { checkLengthsMatch } from "../core/errors.ts";
import { toLabels, uniqueLabels } from "../core/labels.ts";
import { checkInteger } from "../core/options.ts";
import { extent, toRows, toVector } from "./inputs.ts";
import { makeGrid, pad, predictAny, toBatchPredict, toZ } from "./predict.ts";
import { baseLayout, colorAt, tintAt } from "./style.ts";
import type { CommonOptions, Labels, NumericRows, Predictor, Trace } from "./types.ts";

const CONTOUR_OPTION_NAMES = optionNames<ContourOptions>({
  title: true,
  xTitle: true,
  yTitle: true,
  width: true,
  height: true,
  resolution: true,
  levels: true,
  fill: true,
  showLabels: true,
  colorscale: true,
});

const DECISION_SURFACE_OPTION_NAMES = optionNames<DecisionSurfaceOptions>({
  title: true,
  xTitle: true,
  yTitle: true,
  width: true,
  height: true,
  resolution: true,
  padding: true,
  classNames: true,
});

/** Options of {@link contour}. */
export interface ContourOptions extends CommonOptions {
  /** Grid points per axis. @default 50 */
  resolution?: number;
  /** Explicit levels `{ start, end, size }`. @default chosen by plotly */
  levels?: { start: number; end: number; size: number };
  /** Fill between levels (false: lines only). @default true */
  fill?: boolean;
  /** Write the level values on the lines. @default false */
  showLabels?: boolean;
  /** Plotly colour scale name. @default "Viridis" */
  colorscale?: string;
}

/**
 * Contour plot of `f(x, y)` over `[x0, x1] × [y0, y1]`, e.g. a loss surface.
 * @param f the function, called once per grid point
 * @param xRange `[x0, x1]`
 * @param yRange `[y0, y1]`
 * @example
 * ```ts
 * import { contour } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * const fig = contour((w, b) => (w - 1) ** 2 + 2 * (b + 0.5) ** 2, [-2, 4], [-3, 2], {
 *   title: "L(w, b)",
 * });
 * assertEquals(fig.data[0].type, "contour");
 * ```
 */
export function contour(
  f: (x: number, y: number) => number,
  xRange: readonly [number, number],
  yRange: readonly [number, number],
  options: ContourOptions = {},
): Figure {
  checkOptions(options, CONTOUR_OPTION_NAMES, "contour");
  if (typeof f !== "function") throw new ValueError("'f' must be a function (x, y) => number.");
  const [x0, x1] = toVector(xRange, "xRange", { minLength: 2 });
  const [y0, y1] = toVector(yRange, "yRange", { minLength: 2 });
  if (!(x1 > x0) || !(y1 > y0) || xRange.length !== 2 || yRange.length !== 2) {
    throw new ValueError(
      `'xRange' and 'yRange' must be [low, high] with low < high. Got [${xRange}] and [${yRange}].`,
    );
  }
  const resolution = checkInteger("resolution", options.resolution ?? 50, 2);
  const grid = makeGrid([x0, x1], [y0, y1], resolution);
  const values = grid.points.map(([x, y]) => {
    const v = f(x, y);
    if (typeof v !== "number" || Number.isNaN(v)) {
      throw new ValueError(`f(${x}, ${y}) returned ${v}; expected a number.`);
    }
    return v;
  });
  const trace: Trace = {
    type: "contour",
    x: grid.xs,
    y: grid.ys,
    z: toZ(values, grid),
    colorscale: options.colorscale ?? "Viridis",
    contours: {
      coloring: options.fill === false ? "lines" : "fill",
      showlabels: options.showLabels ?? false,
      ...(options.levels ?? {}),
    },
    ...(options.levels ? { autocontour: false } : {}),
  };
  return new Figure([trace], baseLayout({ xTitle: "x", yTitle: "y", ...options }));
}

/** Options of {@link decisionSurface}. */
export interface DecisionSurfaceOptions extends CommonOptions {
  /** Grid points per axis. @default 100 */
  resolution?: number;
  /** Margin around the data, as a fraction of its range on each axis. @default 0.1 */
  padding?: number;
  /** Display names of the classes, in sorted label order. @default the labels */
  classNames?: readonly string[];
}

/**
 * Decision regions of a classifier over two features, with the labelled points on top.
 * The classifier is evaluated on a `resolution × resolution` grid covering X (plus padding);
 * each region is tinted with its class colour.
 * @param model a batch predict function, or an estimator with `predict(X)` returning labels
 * @param X features `(nSamples, 2)`
 * @param y labels `(nSamples)`, numbers or strings
 * @example
 * ```ts
 * import { decisionSurface, Perceptron } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * const X = [[3, 3], [4, 3], [1, 1]], y = [1, 1, -1]; // 李航 例2.1
 * const perceptron = new Perceptron().fit(X, y);
 * const fig = decisionSurface(perceptron, X, y, { title: "感知机 (Perceptron)" });
 * assertEquals(fig.data[0].type, "heatmap"); // the regions, then one scatter trace per class
 * ```
 */
export function decisionSurface(
  model: Predictor,
  X: NumericRows,
  y: Labels,
  options: DecisionSurfaceOptions = {},
): Figure {
  checkOptions(options, DECISION_SURFACE_OPTION_NAMES, "decisionSurface");
  const rows = toRows(X, "X");
  if (rows[0].length !== 2) {
    throw new ShapeError(
      `decisionSurface needs X with 2 features (nSamples, 2). Got ${rows[0].length} features.`,
    );
  }
  const labels = toLabels(y, "y");
  checkLengthsMatch("y", labels.length, "X", rows.length);
  const resolution = checkInteger("resolution", options.resolution ?? 100, 2);
  const padding = options.padding ?? 0.1;
  if (!(padding >= 0)) {
    throw new ValueError(`The 'padding' option must be >= 0. Got ${padding} instead.`);
  }
  const grid = makeGrid(
    pad(extent(rows.map((r) => r[0])), padding),
    pad(extent(rows.map((r) => r[1])), padding),
    resolution,
  );
  const predicted = predictAny(toBatchPredict(model, 2), grid.points);
  const classes = uniqueLabels(labels, predicted);
  if (options.classNames !== undefined && options.classNames.length !== classes.length) {
    throw new ValueError(
      `The 'classNames' option must have one name per class (${classes.length}: ${
        classes.join(", ")
      }). Got ${options.classNames.length} instead.`,
    );
  }
  const index = new Map(classes.map((c, k) => [c, k]));
  const k = classes.length;
  const regions: Trace = {
    type: "heatmap",
    x: grid.xs,
    y: grid.ys,
    z: toZ(predicted.map((c) => index.get(c)!), grid),
    zmin: -0.5,
    zmax: k - 0.5,
    colorscale: classes.flatMap((_, c) => [[c / k, tintAt(c)], [(c + 1) / k, tintAt(c)]]) as Array<
      [number, string]
    >,
    showscale: false,
    hoverinfo: "skip",
    name: "regions",
  };
  const points: Trace[] = classes.flatMap((label, c) => {
    const idx = labels.flatMap((v, i) => (v === label ? [i] : []));
    if (idx.length === 0) return [];
    return [{
      type: "scatter",
      mode: "markers",
      x: idx.map((i) => rows[i][0]),
      y: idx.map((i) => rows[i][1]),
      name: options.classNames?.[c] ?? String(label),
      marker: { color: colorAt(c), size: 8, line: { color: "#333", width: 1 } },
    } as Trace];
  });
  const layout = baseLayout(
    { xTitle: "x1", yTitle: "x2", ...options },
    {
      showlegend: true,
      xaxis: { range: [grid.xs[0], grid.xs[resolution - 1]] },
      yaxis: { range: [grid.ys[0], grid.ys[resolution - 1]] },
    },
  );
  return new Figure([regions, ...points], layout);
}
