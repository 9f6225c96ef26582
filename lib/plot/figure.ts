/**
 * `Figure`: plotly traces plus a layout, shown inline by Jupyter through the
 * `Symbol.for("Jupyter.display")` protocol of the Deno kernel.
 *
 * @module
 */
import { describe, ValueError } from "../core/errors.ts";
import { figureFragment, type PlotSpec, standalonePage, toPlain } from "./html.ts";
import { showFigure, type ShowOptions, writeFigure } from "./show.ts";
import { mergeLayouts } from "./style.ts";
import type { Layout, MimeBundle, Plot } from "./types.ts";

/** The Deno kernel's display protocol key: `obj[Symbol.for("Jupyter.display")]()` -> MIME bundle. */
export const JUPYTER_DISPLAY: unique symbol = Symbol.for("Jupyter.display") as never;

/** plotly.js options for every figure: resize with the output, no plotly logo. */
const PLOT_CONFIG = { responsive: true, displaylogo: false };

function titleOf(layout: Layout): string {
  const title = layout.title;
  if (typeof title === "string") return title;
  return title?.text ?? "";
}

/**
 * A plotly figure: `data` (traces) and `layout`. The last expression of a notebook cell that is a
 * Figure is drawn inline; elsewhere use {@link Figure.show}, {@link Figure.toHTML} or
 * {@link Figure.write}.
 *
 * @example
 * ```ts
 * import { Figure } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * const fig = new Figure([{ type: "scatter", x: [1, 2, 3], y: [1, 4, 9] }], {
 *   title: { text: "x²" },
 * });
 * assertEquals(String(fig), 'Figure("x²", 1 trace: scatter)'); // a notebook cell ending in fig draws it
 * ```
 */
export class Figure {
  /** The traces, in drawing order. */
  readonly data: readonly Plot[];
  /** The plotly layout. */
  readonly layout: Layout;

  /**
   * A figure from plotly traces and a layout (checked to be objects; the traces are copied).
   * @param data plotly traces
   * @param layout plotly layout
   */
  constructor(data: readonly Plot[], layout: Layout = {}) {
    if (!Array.isArray(data)) {
      throw new ValueError(`'data' must be an array of traces. Got ${describe(data)} instead.`);
    }
    data.forEach((trace, i) => {
      if (typeof trace !== "object" || trace === null || Array.isArray(trace)) {
        throw new ValueError(
          `'data[${i}]' must be a trace object. Got ${describe(trace)} instead.`,
        );
      }
    });
    if (typeof layout !== "object" || layout === null || Array.isArray(layout)) {
      throw new ValueError(`'layout' must be an object. Got ${describe(layout)} instead.`);
    }
    this.data = Object.freeze([...data]);
    this.layout = layout;
  }

  /** The figure as plain JSON `{ data, layout }` (typed arrays as arrays, NaN as null). */
  toJSON(): { data: unknown[]; layout: Record<string, unknown> } {
    return {
      data: toPlain(this.data) as unknown[],
      layout: toPlain(this.layout) as Record<string, unknown>,
    };
  }

  /** A new figure with more traces drawn on top. */
  addTraces(...traces: Plot[]): Figure {
    return new Figure([...this.data, ...traces], this.layout);
  }

  /** A new figure with `layout` merged over this one's (axes merge one level deep). */
  updateLayout(layout: Layout): Figure {
    return new Figure(this.data, mergeLayouts(this.layout, layout));
  }

  /** A standalone HTML page (plotly.js inlined, works offline from a file). */
  toHTML(): string {
    return standalonePage(this.spec(), titleOf(this.layout) || "Figure");
  }

  /**
   * Writes the standalone page to `path` (folders are created); returns the path.
   * @param path file to write, e.g. "site/plots/loss.html"
   */
  write(path: string): string {
    return writeFigure(this.toHTML(), path);
  }

  /**
   * Shows the figure (await it): inline in Jupyter, in a browser through nodeplotlib when a
   * display is available, otherwise as an HTML file whose path is printed and resolved.
   * In a notebook, ending a cell with the figure itself is simpler.
   */
  show(options: ShowOptions = {}): Promise<string | undefined> {
    return showFigure(this, options);
  }

  /** Called by the Deno kernel for a cell's last expression: see {@link Figure.mimeBundle}. */
  [JUPYTER_DISPLAY](): MimeBundle {
    return this.mimeBundle();
  }

  /**
   * The MIME bundle of the Jupyter display protocol: plotly JSON, HTML (div + loader script,
   * with a new deterministic div id on each call) and plain text.
   */
  mimeBundle(): MimeBundle {
    const spec = this.spec();
    return {
      "application/vnd.plotly.v1+json": { data: spec.data, layout: spec.layout },
      "text/html": figureFragment(spec, this.toString()),
      "text/plain": this.toString(),
    };
  }

  /** e.g. `Figure("Loss", 2 traces: scatter "train", scatter "test")`. */
  toString(): string {
    const traces = this.data.map((t) => (t.type ?? "scatter") + (t.name ? ` "${t.name}"` : ""));
    const title = titleOf(this.layout);
    return `Figure(${title ? `"${title}", ` : ""}${this.data.length} trace${
      this.data.length === 1 ? "" : "s"
    }${traces.length ? ": " + traces.join(", ") : ""})`;
  }

  /** What plotly.js's `newPlot` takes: plain data, layout and our config. */
  private spec(): PlotSpec {
    const { data, layout } = this.toJSON();
    return { data, layout, config: PLOT_CONFIG };
  }
}

/**
 * Makes a figure from traces and a layout.
 * @example
 * ```ts
 * import { figure } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * const fig = figure([{ type: "bar", x: ["a", "b"], y: [3, 5] }], { title: { text: "counts" } });
 * assertEquals(fig.toJSON().data, [{ type: "bar", x: ["a", "b"], y: [3, 5] }]);
 * ```
 */
export function figure(traces: Plot | readonly Plot[], layout: Layout = {}): Figure {
  return new Figure(Array.isArray(traces) ? traces : [traces as Plot], layout);
}

/**
 * Draws several figures on one set of axes: traces concatenated, layouts merged left to right.
 * @example
 * ```ts
 * import { linePlot, overlay, scatter } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * const x = [0, 1, 2, 3], y = [0.1, 0.9, 2.2, 2.9];
 * const fig = overlay(scatter(x, y), linePlot([0, 3], [0, 3], { names: ["fit"] }));
 * assertEquals(fig.data.length, 2); // the points, then the line on top
 * ```
 */
export function overlay(...figures: Figure[]): Figure {
  if (figures.length === 0) throw new ValueError("overlay() needs at least one figure. Got 0.");
  return new Figure(
    figures.flatMap((f) => [...f.data]),
    mergeLayouts(...figures.map((f) => f.layout)),
  );
}
