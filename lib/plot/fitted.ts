/**
 * Data points with a fitted regression: a line (or curve) for 1 feature, a surface for 2.
 *
 * @module
 */
import { checkOptions, optionNames } from "../core/options.ts";
import { ShapeError } from "../core/errors.ts";
import { Figure } from "./figure.ts";
import { checkLengthsMatch } from "../core/errors.ts";
import { checkInteger } from "../core/options.ts";
import { extent, linspace, toRows, toVector } from "./inputs.ts";
import { makeGrid, predictNumbers, toBatchPredict, toZ } from "./predict.ts";
import { baseLayout, colorAt, mergeLayouts } from "./style.ts";
import type { CommonOptions, NumericRows, NumericVector, Predictor, Trace } from "./types.ts";

const FITTED_LINE_OPTION_NAMES = optionNames<FittedLineOptions>({
  title: true,
  xTitle: true,
  yTitle: true,
  width: true,
  height: true,
  resolution: true,
  featureNames: true,
  targetName: true,
  fitName: true,
});

/** Options of {@link fittedLine}. */
export interface FittedLineOptions extends CommonOptions {
  /** Points on the fitted line (1 feature) or per grid side (2 features). @default 100 / 25 */
  resolution?: number;
  /** Feature names for the axes. @default ["x"] or ["x1", "x2"] */
  featureNames?: readonly string[];
  /** Name of the target, for the y (or z) axis. @default "y" */
  targetName?: string;
  /** Legend name of the fitted line. @default "fit" */
  fitName?: string;
}

/**
 * Scatter of (X, y) with the model's predictions drawn over the data's range: a line or curve
 * for one feature, a surface (a plane for a linear model) over a 3-D scatter for two.
 * @param X features `(nSamples, 1 | 2)`; a 1-D array is one feature
 * @param y targets `(nSamples)`
 * @param model a batch predict function, an estimator with `predict(X)`, or `{ coef, intercept }`
 * @example
 * ```ts
 * import { fittedLine } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * const X = [[0], [1], [2]], y = [1.2, 2.8, 5.1];
 * const fig = fittedLine(X, y, { coef: [2], intercept: 1 }, { title: "ŷ = 2x + 1" });
 * assertEquals(fig.data.length, 2); // the data and the fitted line
 * ```
 */
export function fittedLine(
  X: NumericRows | NumericVector,
  y: NumericVector,
  model: Predictor,
  options: FittedLineOptions = {},
): Figure {
  checkOptions(options, FITTED_LINE_OPTION_NAMES, "fittedLine");
  const rows = toRows(X, "X", true);
  const targets = toVector(y, "y");
  checkLengthsMatch("y", targets.length, "X", rows.length);
  const nFeatures = rows[0].length;
  if (nFeatures > 2) {
    throw new ShapeError(
      `fittedLine draws 1 or 2 features. X has ${nFeatures} features; select two columns first.`,
    );
  }
  const predict = toBatchPredict(model, nFeatures);
  return nFeatures === 1
    ? fittedCurve(rows, targets, (G) => predictNumbers(predict, G), options)
    : fittedSurface(rows, targets, (G) => predictNumbers(predict, G), options);
}

function fittedCurve(
  rows: number[][],
  y: number[],
  predict: (G: number[][]) => number[],
  options: FittedLineOptions,
): Figure {
  const resolution = checkInteger("resolution", options.resolution ?? 100, 2);
  const x = rows.map((r) => r[0]);
  const [lo, hi] = extent(x);
  const xs = linspace(lo, hi, resolution);
  const traces: Trace[] = [
    {
      type: "scatter",
      mode: "markers",
      x,
      y,
      name: "data",
      marker: { color: colorAt(0), size: 8 },
    },
    {
      type: "scatter",
      mode: "lines",
      x: xs,
      y: predict(xs.map((v) => [v])),
      name: options.fitName ?? "fit",
      line: { color: colorAt(3), width: 2 },
    },
  ];
  const layout = baseLayout({
    xTitle: options.featureNames?.[0] ?? "x",
    yTitle: options.targetName ?? "y",
    ...options,
  });
  return new Figure(traces, layout);
}

function fittedSurface(
  rows: number[][],
  y: number[],
  predict: (G: number[][]) => number[],
  options: FittedLineOptions,
): Figure {
  const resolution = checkInteger("resolution", options.resolution ?? 25, 2);
  const grid = makeGrid(
    extent(rows.map((r) => r[0])),
    extent(rows.map((r) => r[1])),
    resolution,
  );
  const [f1, f2] = [options.featureNames?.[0] ?? "x1", options.featureNames?.[1] ?? "x2"];
  const traces: Trace[] = [
    {
      type: "scatter3d",
      mode: "markers",
      x: rows.map((r) => r[0]),
      y: rows.map((r) => r[1]),
      z: y,
      name: "data",
      marker: { color: colorAt(0), size: 4 },
    },
    {
      type: "surface",
      x: grid.xs,
      y: grid.ys,
      z: toZ(predict(grid.points), grid),
      name: options.fitName ?? "fit",
      opacity: 0.6,
      showscale: false,
      colorscale: "Reds",
    },
  ];
  const { xTitle: _x, yTitle: _y, ...common } = options;
  const layout = mergeLayouts(baseLayout(common), {
    scene: {
      xaxis: { title: options.xTitle ?? f1 },
      yaxis: { title: options.yTitle ?? f2 },
      zaxis: { title: options.targetName ?? "y" },
    },
  });
  return new Figure(traces, layout);
}
