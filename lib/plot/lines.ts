/**
 * Line and scatter plots, and training curves.
 *
 * @module
 */
import { checkOptions, optionNames } from "../core/options.ts";
import { ValueError } from "../core/errors.ts";
import { Figure } from "./figure.ts";
import { checkLengthsMatch } from "../core/errors.ts";
import { toLabels, uniqueLabels } from "../core/labels.ts";
import { toVector } from "./inputs.ts";
import { baseLayout, colorAt } from "./style.ts";
import type { CommonOptions, Labels, Layout, NumericVector, Trace } from "./types.ts";

const LINE_PLOT_OPTION_NAMES = optionNames<LinePlotOptions>({
  title: true,
  xTitle: true,
  yTitle: true,
  width: true,
  height: true,
  names: true,
  mode: true,
  logY: true,
});

const SCATTER_OPTION_NAMES = optionNames<ScatterOptions>({
  title: true,
  xTitle: true,
  yTitle: true,
  width: true,
  height: true,
  groups: true,
  names: true,
  size: true,
});

const LOSS_CURVE_OPTION_NAMES = optionNames<LossCurveOptions>({
  title: true,
  xTitle: true,
  yTitle: true,
  width: true,
  height: true,
  logY: true,
});

/** How a series is drawn. */
export type LineMode = "lines" | "markers" | "lines+markers";

/** Options of {@link linePlot}. */
export interface LinePlotOptions extends CommonOptions {
  /** One legend name per series. @default "y0", "y1", ... (legend hidden for one series) */
  names?: readonly string[];
  /** Drawing mode, one for all series or one per series. @default "lines" */
  mode?: LineMode | readonly LineMode[];
  /** Logarithmic y axis. @default false */
  logY?: boolean;
}

function isSeriesList(y: unknown): y is readonly NumericVector[] {
  return Array.isArray(y) && y.length > 0 && typeof y[0] === "object" && y[0] !== null;
}

/**
 * Line plot of one or several series over a shared x. NaN in y leaves a gap.
 * @param x x values (length n), or null for 0..n-1
 * @param y one series (length n) or a list of series, each of length n
 * @example
 * ```ts
 * import { linePlot } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * const xs = Array.from({ length: 50 }, (_, i) => i / 8);
 * const fig = linePlot(xs, [xs.map(Math.sin), xs.map(Math.cos)], { names: ["sin", "cos"] });
 * assertEquals(fig.data.map((t) => t.name), ["sin", "cos"]);
 * ```
 */
export function linePlot(
  x: NumericVector | null | undefined,
  y: NumericVector | readonly NumericVector[],
  options: LinePlotOptions = {},
): Figure {
  checkOptions(options, LINE_PLOT_OPTION_NAMES, "linePlot");
  const series = isSeriesList(y) ? [...y] : [y as NumericVector];
  const ys = series.map((s, i) =>
    toVector(s, series.length === 1 ? "y" : `y[${i}]`, { allowNaN: true })
  );
  const xs = x == null ? ys[0].map((_, i) => i) : toVector(x, "x");
  const { names, mode = "lines" } = options;
  if (names !== undefined && names.length !== ys.length) {
    throw new ValueError(
      `The 'names' option must have one name per series (${ys.length}). Got ${names.length} instead.`,
    );
  }
  if (Array.isArray(mode) && mode.length !== ys.length) {
    throw new ValueError(
      `The 'mode' option must be one mode or one per series (${ys.length}). Got ${mode.length} instead.`,
    );
  }
  const traces: Trace[] = ys.map((values, i) => {
    checkLengthsMatch(
      series.length === 1 ? "y" : `y[${i}]`,
      values.length,
      "x",
      xs.length,
      "values",
    );
    return {
      type: "scatter",
      mode: typeof mode === "string" ? mode : mode[i],
      x: xs,
      y: values,
      name: names?.[i] ?? `y${i}`,
      line: { color: colorAt(i) },
      marker: { color: colorAt(i) },
    };
  });
  const extra: Layout = { showlegend: ys.length > 1 || names !== undefined };
  if (options.logY) {
    checkPositive(ys, "y");
    extra.yaxis = { type: "log" };
  }
  return new Figure(traces, baseLayout(options, extra));
}

/** Options of {@link scatter}. */
export interface ScatterOptions extends CommonOptions {
  /** A group label per point: one trace (colour, legend entry) per distinct label. */
  groups?: Labels;
  /** Legend name of the single trace, or a name per distinct group (in sorted label order). */
  names?: readonly string[] | string;
  /** Marker size in pixels. @default 8 */
  size?: number;
}

/**
 * Scatter plot of points (x[i], y[i]), optionally coloured by group (e.g. class labels).
 * @param x x coordinates (length n)
 * @param y y coordinates (length n)
 * @example
 * ```ts
 * import { scatter } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * const X = [[3, 3], [4, 3], [1, 1]], y = [1, 1, -1]; // 李航 例2.1
 * const fig = scatter(X.map((r) => r[0]), X.map((r) => r[1]), { groups: y, names: ["-1", "+1"] });
 * assertEquals(fig.data.map((t) => t.name), ["-1", "+1"]); // one trace per class
 * ```
 */
export function scatter(x: NumericVector, y: NumericVector, options: ScatterOptions = {}): Figure {
  checkOptions(options, SCATTER_OPTION_NAMES, "scatter");
  const xs = toVector(x, "x");
  const ys = toVector(y, "y", { allowNaN: true });
  checkLengthsMatch("y", ys.length, "x", xs.length, "values");
  const size = options.size ?? 8;
  if (options.groups === undefined) {
    const name = typeof options.names === "string" ? options.names : options.names?.[0];
    const trace: Trace = {
      type: "scatter",
      mode: "markers",
      x: xs,
      y: ys,
      name: name ?? "data",
      marker: { color: colorAt(0), size },
    };
    return new Figure([trace], baseLayout(options, { showlegend: name !== undefined }));
  }
  const groups = toLabels(options.groups, "groups");
  checkLengthsMatch("groups", groups.length, "x", xs.length, "values");
  const classes = uniqueLabels(groups);
  const names = typeof options.names === "string" ? [options.names] : options.names;
  if (names !== undefined && names.length !== classes.length) {
    throw new ValueError(
      `The 'names' option must have one name per group (${classes.length}). Got ${names.length} instead.`,
    );
  }
  const traces: Trace[] = classes.map((label, k) => {
    const idx = groups.flatMap((g, i) => (g === label ? [i] : []));
    return {
      type: "scatter",
      mode: "markers",
      x: idx.map((i) => xs[i]),
      y: idx.map((i) => ys[i]),
      name: names?.[k] ?? String(label),
      marker: { color: colorAt(k), size },
    };
  });
  return new Figure(traces, baseLayout(options, { showlegend: true }));
}

/** Options of {@link lossCurve}. */
export interface LossCurveOptions extends CommonOptions {
  /** Logarithmic y axis (all values must be > 0). @default false */
  logY?: boolean;
}

/**
 * Training curve: loss per epoch (or iteration), x = 1..n for each series.
 * @param history losses in order, or named series such as `{ train, test }`
 * @example
 * ```ts
 * import { lossCurve } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * const fig = lossCurve({ train: [0.9, 0.5, 0.3], test: [1.0, 0.7, 0.6] }, { logY: true });
 * assertEquals(fig.data.map((t) => t.name), ["train", "test"]);
 * ```
 */
export function lossCurve(
  history: NumericVector | Readonly<Record<string, NumericVector>>,
  options: LossCurveOptions = {},
): Figure {
  checkOptions(options, LOSS_CURVE_OPTION_NAMES, "lossCurve");
  const named = !Array.isArray(history) && !ArrayBuffer.isView(history);
  const entries: [string, NumericVector][] = named
    ? Object.entries(history as Record<string, NumericVector>)
    : [["loss", history as NumericVector]];
  if (entries.length === 0) {
    throw new ValueError("'history' must hold at least one series. Got an empty object.");
  }
  const series = entries.map(([name, values]) => ({
    name,
    values: toVector(values, named ? `history.${name}` : "history", { allowNaN: true }),
  }));
  if (options.logY) checkPositive(series.map((s) => s.values), "history");
  const traces: Trace[] = series.map(({ name, values }, i) => ({
    type: "scatter",
    mode: values.length === 1 ? "markers" : "lines",
    x: values.map((_, k) => k + 1),
    y: values,
    name,
    line: { color: colorAt(i) },
    marker: { color: colorAt(i) },
  }));
  const layout = baseLayout(
    { title: "Loss", xTitle: "epoch", yTitle: "loss", ...options },
    { showlegend: series.length > 1, ...(options.logY ? { yaxis: { type: "log" } } : {}) },
  );
  return new Figure(traces, layout);
}

function checkPositive(series: number[][], name: string): void {
  series.forEach((values) =>
    values.forEach((v) => {
      if (v <= 0) {
        throw new ValueError(`'${name}' must be > 0 for a log axis (logY). Got ${v}.`);
      }
    })
  );
}
