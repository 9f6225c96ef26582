/**
 * Showing a figure wherever the code runs: Jupyter (inline), a desktop (browser window through
 * nodeplotlib), or headless/CI (a standalone HTML file).
 *
 * @module
 */
import { checkOptions, optionNames } from "../core/options.ts";
import { configurePlots } from "./plotly_source.ts";
import type { Layout, MimeBundle, Plot } from "./types.ts";

const SHOW_OPTION_NAMES = optionNames<ShowOptions>({ open: true, outputDir: true, fileName: true });

/**
 * What `showFigure` needs of a figure. Structural, so show.ts does not import figure.ts (which
 * imports show.ts for `Figure.show`): no import cycle.
 */
export interface ShowableFigure {
  readonly data: readonly unknown[];
  readonly layout: unknown;
  mimeBundle(): MimeBundle;
  toHTML(): string;
}

/** Options of {@link showFigure}. */
export interface ShowOptions {
  /** Where to go outside Jupyter. @default configurePlots().open ("auto") */
  open?: "auto" | "browser" | "file";
  /** Folder for the HTML file. @default configurePlots().outputDir */
  outputDir?: string;
  /** File name for the HTML file. @default "figure-<hash of the figure>.html" */
  fileName?: string;
}

/** Whether this code runs inside the Deno Jupyter kernel (`Deno.jupyter` throws elsewhere). */
export function inJupyter(): boolean {
  try {
    return typeof Deno.jupyter?.display === "function";
  } catch {
    return false;
  }
}

function env(name: string): string | undefined {
  try {
    return Deno.env.get(name) || undefined;
  } catch {
    return undefined;
  }
}

/** Whether a browser window can be opened: a desktop session and not CI. */
export function hasDisplay(): boolean {
  if (env("CI")) return false;
  if (Deno.build.os === "darwin" || Deno.build.os === "windows") return true;
  return env("DISPLAY") !== undefined || env("WAYLAND_DISPLAY") !== undefined;
}

/** 32-bit FNV-1a hash as 8 hex digits: a stable file name for a figure. */
export function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}

/** Writes `html` to `path`, creating folders; returns the path. */
export function writeFigure(html: string, path: string): string {
  const slash = path.lastIndexOf("/");
  if (slash > 0) Deno.mkdirSync(path.slice(0, slash), { recursive: true });
  Deno.writeTextFileSync(path, html);
  return path;
}

/**
 * Shows `fig`; await it. In Jupyter: displays it inline. Outside, with a display (or
 * `open: "browser"`): nodeplotlib's `plot()` serves it to a browser window. Otherwise: writes a
 * standalone HTML file, prints its path and resolves to it.
 *
 * In a notebook, await it (`await show(fig)`): with Deno 2.9.6 a cell that leaves a large display
 * pending and then yields a value loses that value ("Promise was collected" in the kernel log).
 */
export async function showFigure(
  fig: ShowableFigure,
  options: ShowOptions = {},
): Promise<string | undefined> {
  checkOptions(options, SHOW_OPTION_NAMES, "showFigure");
  if (inJupyter()) {
    await Deno.jupyter.display(fig.mimeBundle(), { raw: true });
    return undefined;
  }
  const config = configurePlots();
  const open = options.open ?? config.open;
  if (open === "browser" || (open === "auto" && hasDisplay())) {
    // nodeplotlib starts a NestJS server: imported only when needed, as it is slow to load.
    const npl = await import("npm:nodeplotlib@1.1.2");
    npl.plot(fig.data as Plot[], fig.layout as Layout);
    return undefined;
  }
  const dir = (options.outputDir ?? config.outputDir).replace(/\/+$/, "");
  const name = options.fileName ?? "figure-" + fnv1a(JSON.stringify(fig)) + ".html";
  const path = writeFigure(fig.toHTML(), dir + "/" + name);
  console.log("Figure written to " + path);
  return path;
}
