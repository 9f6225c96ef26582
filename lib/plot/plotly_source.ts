/**
 * Where figures get plotly.js from. Notebooks run offline, so the bundle of
 * `plotly.js-dist-min` is read from node_modules and put into the figure's HTML.
 *
 * Modes (see {@link configurePlots}):
 * - `"every"` (default): every figure output carries the bundle, gzip-compressed and base64-encoded
 *   (1.78 MB instead of 4.56 MB); the first one to run on a page decodes it, the others reuse
 *   `window.Plotly`. Robust: any single output renders on its own (re-run cells, cleared outputs,
 *   saved and reopened notebooks, nbconvert pages), at 1.8 MB per figure.
 * - `"once"`: only the first figure of a kernel session carries the bundle; later ones wait for it.
 *   One copy per page, but a figure breaks once the output that carried the bundle is cleared or
 *   re-run (re-running it makes it "not first"). Fine for a fresh top-to-bottom site build.
 * - `{ url }`: figures load plotly.js with `<script src=url>` (e.g. a copy beside the site pages).
 *
 * @module
 */
import { gzipSync } from "node:zlib";
import { Buffer } from "node:buffer";

/** How figure HTML obtains plotly.js. */
export type PlotlyJsMode = "every" | "once" | { url: string };

/** Settings of lib/plot. */
export interface PlotConfig {
  /** How figure HTML obtains plotly.js. Env `MLNOTES_PLOTLY_JS` ("every", "once" or a URL). @default "every" */
  plotlyJs: PlotlyJsMode;
  /** Folder for HTML files written by `show()` outside Jupyter. Env `MLNOTES_PLOT_DIR`. @default "<repo>/site/plots" */
  outputDir: string;
  /** `show()` outside Jupyter: "auto" opens a browser via nodeplotlib when a display exists, else writes a file. Env `MLNOTES_PLOT_OPEN`. @default "auto" */
  open: "auto" | "browser" | "file";
}

function env(name: string): string | undefined {
  try {
    return Deno.env.get(name) || undefined;
  } catch {
    return undefined; // no --allow-env: fall back to the defaults
  }
}

function defaultConfig(): PlotConfig {
  const mode = env("MLNOTES_PLOTLY_JS");
  const open = env("MLNOTES_PLOT_OPEN");
  return {
    plotlyJs: mode === undefined || mode === "every" || mode === "once" ? (mode ?? "every") : {
      url: mode,
    },
    outputDir: env("MLNOTES_PLOT_DIR") ?? defaultOutputDir(),
    open: open === "browser" || open === "file" ? open : "auto",
  };
}

function defaultOutputDir(): string {
  const url = new URL("../../site/plots/", import.meta.url);
  if (url.protocol === "file:") return decodeURIComponent(url.pathname);
  return Deno.makeTempDirSync({ prefix: "mlnotes-plots-" });
}

let config: PlotConfig | undefined;

/**
 * Reads or changes lib/plot's settings; returns the settings now in force.
 * @example
 * ```ts
 * import { configurePlots } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * const before = configurePlots().plotlyJs;
 * assertEquals(configurePlots({ plotlyJs: "once" }).plotlyJs, "once"); // one copy per page
 * configurePlots({ plotlyJs: before });
 * ```
 */
export function configurePlots(changes: Partial<PlotConfig> = {}): PlotConfig {
  const current = config ?? defaultConfig();
  const mode = changes.plotlyJs;
  if (
    mode !== undefined && mode !== "every" && mode !== "once" &&
    !(typeof mode === "object" && typeof mode.url === "string" && mode.url !== "")
  ) {
    throw new TypeError(
      `The 'plotlyJs' option must be "every", "once" or { url: string }. Got ${
        JSON.stringify(mode)
      } instead.`,
    );
  }
  config = { ...current, ...changes };
  return { ...config };
}

/** The file URL of plotly.min.js (env `MLNOTES_PLOTLY_PATH` overrides). */
export function plotlyPath(): string | URL {
  const override = env("MLNOTES_PLOTLY_PATH");
  if (override) return override;
  try {
    const resolved = import.meta.resolve("plotly.js-dist-min/plotly.min.js");
    if (resolved.startsWith("file:")) return new URL(resolved);
  } catch {
    // not resolvable from here: use the repo layout below
  }
  return new URL("../../node_modules/plotly.js-dist-min/plotly.min.js", import.meta.url);
}

let bytes: Uint8Array | undefined;
let source: string | undefined;
let packed: string | undefined;

/** The plotly.js bundle file's bytes, read once per process. */
function plotlyBytes(): Uint8Array {
  if (bytes === undefined) {
    const path = plotlyPath();
    try {
      bytes = Deno.readFileSync(path);
    } catch (error) {
      throw new Error(
        `plotly.js not found at ${path}: install node_modules (deno task setup) or set MLNOTES_PLOTLY_PATH.`,
        { cause: error },
      );
    }
  }
  return bytes;
}

/** The plotly.js bundle as text, safe to put inside a <script> element. */
export function plotlySource(): string {
  // A literal "</script" would end the inline <script> early; plotly.js 2.35.3 has none.
  source ??= new TextDecoder().decode(plotlyBytes()).replace(/<\/(script)/gi, "<\\/$1");
  return source;
}

/** The bundle gzip-compressed (level 9, deterministic) and base64-encoded, computed once. */
export function plotlyPacked(): string {
  if (packed === undefined) {
    const gz = gzipSync(plotlyBytes(), { level: 9 });
    packed = Buffer.from(gz.buffer, gz.byteOffset, gz.byteLength).toString("base64");
  }
  return packed;
}

let bundleSent = false;

/** What the next figure output should carry: the packed bundle, a URL, or nothing ("once" mode). */
export function nextBundlePart(): { packed: string } | { url: string } | { none: true } {
  const mode = configurePlots().plotlyJs;
  if (typeof mode === "object") return { url: mode.url };
  if (mode === "once" && bundleSent) return { none: true };
  bundleSent = true;
  return { packed: plotlyPacked() };
}
