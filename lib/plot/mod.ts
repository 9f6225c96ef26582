/**
 * lib/plot: plotly figures that draw inline in Deno Jupyter notebooks (offline), in a browser
 * window through nodeplotlib, or into standalone HTML files. Inputs are plain arrays or typed
 * arrays (no danfojs here, so importing lib/plot stays light).
 *
 * @example
 * ```ts
 * import { lossCurve } from "../mod.ts"; // in a notebook: "../lib/mod.ts"
 * import { assertStringIncludes } from "@std/assert";
 *
 * const fig = lossCurve({ train: [0.9, 0.5, 0.3], test: [1.0, 0.7, 0.6] });
 * // the last expression of a notebook cell is drawn through this MIME bundle
 * assertStringIncludes(fig.mimeBundle()["text/html"], "Plotly.newPlot");
 * ```
 *
 * @module
 */
export { Figure, figure, JUPYTER_DISPLAY, overlay } from "./figure.ts";
export { configurePlots, type PlotConfig, type PlotlyJsMode } from "./plotly_source.ts";
export { hasDisplay, inJupyter, type ShowOptions } from "./show.ts";
export {
  type LineMode,
  linePlot,
  type LinePlotOptions,
  lossCurve,
  type LossCurveOptions,
  scatter,
  type ScatterOptions,
} from "./lines.ts";
export { fittedLine, type FittedLineOptions } from "./fitted.ts";
export {
  contour,
  type ContourOptions,
  decisionSurface,
  type DecisionSurfaceOptions,
} from "./surface.ts";
export {
  type DensityCurve,
  histogram,
  type HistogramBins,
  histogramBins,
  type HistogramOptions,
} from "./histogram.ts";
export { heatmap, type HeatmapOptions } from "./heatmap.ts";
export { treeFigure } from "./tree.ts";
export { type EpochLine, formatEpoch, ProgressDisplay, showProgress } from "./progress.ts";
export { PALETTE } from "./style.ts";
export type {
  BatchPredict,
  CommonOptions,
  Labels,
  Layout,
  LinearCoefficients,
  MimeBundle,
  NumericRows,
  NumericVector,
  Plot,
  Predictor,
  RowMajorMatrix,
  Trace,
} from "./types.ts";

import type { Figure } from "./figure.ts";
import type { ShowOptions } from "./show.ts";

/**
 * Shows a figure (await it): inline in Jupyter, in a browser (nodeplotlib) when a display exists,
 * else as an HTML file (path printed and resolved).
 * @example
 * ```ts
 * import { lossCurve, show } from "../mod.ts";
 * import { assert } from "@std/assert";
 *
 * // in a script without a display: writes an HTML file and resolves to its path
 * const outputDir = await Deno.makeTempDir();
 * const path = await show(lossCurve([0.9, 0.5, 0.3]), { open: "file", outputDir });
 * assert(path !== undefined && path.endsWith(".html"));
 * await Deno.remove(outputDir, { recursive: true });
 * ```
 */
export function show(fig: Figure, options: ShowOptions = {}): Promise<string | undefined> {
  return fig.show(options);
}
