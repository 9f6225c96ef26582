/**
 * Histograms with an optional density curve. Bins are counted here (numpy's rules) rather
 * than by plotly.js in the browser, so the counts are testable and the curve's scale matches.
 *
 * @module
 */
import { checkOptions, optionNames } from "../core/options.ts";
import { ShapeError, ValueError } from "../core/errors.ts";
import { Figure } from "./figure.ts";
import { checkInteger } from "../core/options.ts";
import { extent, linspace, toVector } from "./inputs.ts";
import { baseLayout, colorAt } from "./style.ts";
import type { CommonOptions, NumericVector, Trace } from "./types.ts";

const HISTOGRAM_OPTION_NAMES = optionNames<HistogramOptions>({
  title: true,
  xTitle: true,
  yTitle: true,
  width: true,
  height: true,
  bins: true,
  density: true,
  curve: true,
  name: true,
});

/** Bin edges (length bins + 1) and the count in each bin. */
export interface HistogramBins {
  /** Increasing bin edges, length bins + 1. */
  edges: number[];
  /** Number of values in each bin, length bins. */
  counts: number[];
}

/**
 * Counts values into bins like `numpy.histogram`: bins are `[e_i, e_{i+1})`, the last one closed.
 * @param values the sample (length n)
 * @param bins a bin count (equal widths over [min, max], Sturges' rule ⌈log₂ n⌉ + 1 by default)
 *   or increasing edges
 */
export function histogramBins(values: NumericVector, bins?: number | NumericVector): HistogramBins {
  const xs = toVector(values, "values");
  let edges: number[];
  if (bins === undefined || typeof bins === "number") {
    const n = bins ?? Math.ceil(Math.log2(xs.length)) + 1;
    checkInteger("bins", n, 1);
    const [lo, hi] = extent(xs);
    edges = linspace(lo, hi, n + 1);
  } else {
    edges = toVector(bins, "bins", { minLength: 2 });
    for (let i = 1; i < edges.length; i++) {
      if (!(edges[i] > edges[i - 1])) {
        throw new ValueError(
          `'bins' edges must increase. Got bins[${i - 1}]=${edges[i - 1]}, bins[${i}]=${edges[i]}.`,
        );
      }
    }
  }
  const m = edges.length - 1;
  const lo = edges[0];
  const hi = edges[m];
  const counts = new Array<number>(m).fill(0);
  for (const v of xs) {
    if (v < lo || v > hi) continue; // outside explicit edges, as numpy
    let i = Math.min(Math.floor(((v - lo) / (hi - lo)) * m), m - 1);
    // rounding may put a value next to an edge in the wrong bin: compare with the edges
    while (i > 0 && v < edges[i]) i--;
    while (i < m - 1 && v >= edges[i + 1]) i++;
    counts[i]++;
  }
  return { edges, counts };
}

/** A density curve over the histogram: fitted normal, Gaussian KDE, or any pdf. */
export type DensityCurve = "normal" | "kde" | ((x: number) => number);

/** Options of {@link histogram}. */
export interface HistogramOptions extends CommonOptions {
  /** Bin count or edges. @default Sturges' rule */
  bins?: number | NumericVector;
  /** Show density (count / (n · width)) instead of counts; implied by `curve`. @default false */
  density?: boolean;
  /** Density curve drawn over the bars. @default none */
  curve?: DensityCurve;
  /** Legend name of the bars. @default "data" */
  name?: string;
}

/** Normal pdf with the maximum-likelihood mean and standard deviation of `xs`. */
function normalFit(xs: number[]): { pdf: (x: number) => number; label: string } {
  const n = xs.length;
  const mean = xs.reduce((s, v) => s + v, 0) / n;
  const sd = Math.sqrt(xs.reduce((s, v) => s + (v - mean) ** 2, 0) / n);
  if (!(sd > 0)) throw new ValueError("A normal curve needs values that are not all equal.");
  const pdf = (x: number) =>
    Math.exp(-0.5 * ((x - mean) / sd) ** 2) / (sd * Math.sqrt(2 * Math.PI));
  return { pdf, label: `normal (μ=${mean.toPrecision(4)}, σ=${sd.toPrecision(4)})` };
}

/** Gaussian kernel density estimate with Scott's bandwidth h = s · n^(-1/5) (SciPy's default). */
function gaussianKde(xs: number[]): { pdf: (x: number) => number; label: string; h: number } {
  const n = xs.length;
  if (n < 2) throw new ShapeError("A KDE curve needs at least 2 values. Got 1.");
  const mean = xs.reduce((s, v) => s + v, 0) / n;
  const s = Math.sqrt(xs.reduce((acc, v) => acc + (v - mean) ** 2, 0) / (n - 1));
  if (!(s > 0)) throw new ValueError("A KDE curve needs values that are not all equal.");
  const h = s * n ** (-1 / 5);
  const norm = 1 / (n * h * Math.sqrt(2 * Math.PI));
  const pdf = (x: number) =>
    xs.reduce((acc, v) => acc + Math.exp(-0.5 * ((x - v) / h) ** 2), 0) * norm;
  return { pdf, label: `KDE (h=${h.toPrecision(3)})`, h };
}

/**
 * Histogram of a sample, optionally as a density with a curve over it.
 * @param values the sample (length n)
 * @example
 * ```ts
 * import { Gaussian, histogram } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * const samples = new Gaussian({ mean: 0, std: 1 }).sample(1000, 0);
 * const fig = histogram(samples, { bins: 30, curve: "normal", title: "样本分布 (sample distribution)" });
 * assertEquals(fig.data.map((t) => t.type), ["bar", "scatter"]); // bars and the density curve
 * ```
 */
export function histogram(values: NumericVector, options: HistogramOptions = {}): Figure {
  checkOptions(options, HISTOGRAM_OPTION_NAMES, "histogram");
  const xs = toVector(values, "values");
  const { edges, counts } = histogramBins(xs, options.bins);
  const density = options.density === true || options.curve !== undefined;
  const widths = edges.slice(1).map((e, i) => e - edges[i]);
  const total = counts.reduce((s, c) => s + c, 0);
  const heights = density ? counts.map((c, i) => (total ? c / (total * widths[i]) : 0)) : counts;
  const bars: Trace = {
    type: "bar",
    x: widths.map((w, i) => edges[i] + w / 2),
    y: heights,
    width: widths,
    name: options.name ?? "data",
    marker: { color: colorAt(0), line: { color: "#fff", width: 1 } },
    opacity: 0.8,
  };
  const traces: Trace[] = [bars];
  if (options.curve !== undefined) {
    let lo = edges[0];
    let hi = edges[edges.length - 1];
    let pdf: (x: number) => number;
    let label = "density";
    if (options.curve === "normal") ({ pdf, label } = normalFit(xs));
    else if (options.curve === "kde") {
      const kde = gaussianKde(xs);
      ({ pdf, label } = kde);
      [lo, hi] = [
        Math.min(lo, Math.min(...xs) - 3 * kde.h),
        Math.max(hi, Math.max(...xs) + 3 * kde.h),
      ];
    } else if (typeof options.curve === "function") pdf = options.curve;
    else {
      throw new ValueError(
        `The 'curve' option must be "normal", "kde" or a function. Got ${
          String(options.curve)
        } instead.`,
      );
    }
    const cx = linspace(lo, hi, 200);
    traces.push({
      type: "scatter",
      mode: "lines",
      x: cx,
      y: cx.map((x) => pdf(x)),
      name: label,
      line: { color: colorAt(3), width: 2 },
    });
  }
  const layout = baseLayout(
    { xTitle: "value", yTitle: density ? "density" : "count", ...options },
    { bargap: 0, showlegend: traces.length > 1 },
  );
  return new Figure(traces, layout);
}
