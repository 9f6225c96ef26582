/**
 * The HTML of a figure: a div plus a script that loads plotly.js once per page and draws.
 *
 * Built with plain string concatenation: a template literal embedding the multi-megabyte bundle
 * made the Deno kernel fail ("Execution failed"). The page-wide guard is `window.__mlnotesPlotly`,
 * a promise of `window.Plotly` shared by every output on the page (classic Notebook, JupyterLab
 * and nbconvert pages put all outputs in one window). plotly's UMD header registers with
 * require.js's `define` when it sees one (the classic Notebook has it), so the bundle runs inside
 * a function whose `define`, `exports` and `module` parameters hide the globals.
 *
 * @module
 */
import { nextBundlePart, plotlySource } from "./plotly_source.ts";

/** The figure as plotly.js takes it, already JSON-safe. */
export interface PlotSpec {
  data: unknown[];
  layout: Record<string, unknown>;
  config?: Record<string, unknown>;
}

/** Deep copy that JSON keeps as is: typed arrays become arrays, NaN/±Infinity become null. */
export function toPlain(value: unknown): unknown {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (value === null || typeof value !== "object") return value;
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return Array.from(value as unknown as ArrayLike<number>, (v) => toPlain(v));
  }
  if (Array.isArray(value)) return value.map(toPlain);
  if (value instanceof Date) return value.toISOString();
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (v !== undefined && typeof v !== "function") out[key] = toPlain(v);
  }
  return out;
}

/** JSON that is safe inside a <script> element. */
export function scriptJSON(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHTML(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

// The page-side loader. Expects `w`, `id`, `B` (packed bundle or ""), `U` (URL or "") and `spec`.
const LOADER = [
  "var nodes = document.querySelectorAll('div[id=\"' + id + '\"]'), el = null, i;",
  // Ids restart with the kernel; an old output may hold the same id, so take the first div
  // with this id that no script has claimed yet.
  "for (i = 0; i < nodes.length; i++) {",
  "  if (!nodes[i].getAttribute('data-mlnotes-claimed')) { el = nodes[i]; break; }",
  "}",
  "if (!el) return;",
  "el.setAttribute('data-mlnotes-claimed', '1');",
  "function fail(e) { el.textContent = 'Plot not drawn: ' + (e && e.message ? e.message : e); }",
  "function draw(P) {",
  "  var note = el.querySelector('.mlnotes-placeholder');",
  "  if (note) el.removeChild(note);",
  "  return P.newPlot(el, spec.data, spec.layout, spec.config);",
  "}",
  "function run(code) {",
  "  if (!w.Plotly) new Function('define', 'exports', 'module', code)();",
  "  if (!w.Plotly) throw new Error('plotly.js did not define window.Plotly');",
  "  return w.Plotly;",
  "}",
  "function unpack(b64) {",
  "  if (typeof DecompressionStream === 'undefined') {",
  "    return Promise.reject(new Error('this browser lacks DecompressionStream'));",
  "  }",
  "  var bin = atob(b64), bytes = new Uint8Array(bin.length), k;",
  "  for (k = 0; k < bin.length; k++) bytes[k] = bin.charCodeAt(k);",
  "  var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));",
  "  return new Response(stream).text().then(run);",
  "}",
  "function fromUrl(url) {",
  "  return new Promise(function (resolve, reject) {",
  "    var s = document.createElement('script'), saved = w.define;",
  "    w.define = undefined;",
  "    function done() { if (w.define === undefined) w.define = saved; }",
  "    s.onload = function () { done(); w.Plotly ? resolve(w.Plotly) : reject(new Error('no Plotly at ' + url)); };",
  "    s.onerror = function () { done(); reject(new Error('cannot load ' + url)); };",
  "    s.src = url;",
  "    document.head.appendChild(s);",
  "  });",
  "}",
  "function waitForOther() {",
  "  return new Promise(function (resolve, reject) {",
  "    var tries = 0, timer = setInterval(function () {",
  "      var p = w.Plotly || w.__mlnotesPlotly;",
  "      if (p) { clearInterval(timer); resolve(p); }",
  "      else if (++tries > 300) {",
  "        clearInterval(timer);",
  "        reject(new Error('plotly.js is not on this page (configurePlots({ plotlyJs: \"every\" }) and re-run)'));",
  "      }",
  "    }, 100);",
  "  });",
  "}",
  "if (w.Plotly && w.Plotly.newPlot) {",
  "  try { draw(w.Plotly); } catch (e) { fail(e); }",
  "  return;",
  "}",
  "var p = w.__mlnotesPlotly;",
  "if (!p && (B || U)) {",
  "  p = w.__mlnotesPlotly = (B ? unpack(B) : fromUrl(U)).catch(function (e) {",
  "    w.__mlnotesPlotly = null;",
  "    throw e;",
  "  });",
  "}",
  "Promise.resolve(p || waitForOther()).then(draw).catch(fail);",
].join("\n");

let counter = 0;

/** The next figure div id: a per-session counter, so notebook runs give identical outputs. */
export function nextFigureId(): string {
  counter += 1;
  return "mlnotes-figure-" + counter;
}

function divFor(id: string, spec: PlotSpec, label: string): string {
  const layout = spec.layout as { width?: number; height?: number };
  const width = typeof layout.width === "number" ? layout.width + "px" : "100%";
  const height = (typeof layout.height === "number" ? layout.height : 450) + "px";
  return '<div id="' + id + '" class="mlnotes-figure" style="width:' + width + ";height:" +
    height + ';"><span class="mlnotes-placeholder" style="font:13px sans-serif;color:#777;">' +
    escapeHTML(label) + " (plotly figure; needs JavaScript: in Jupyter, trust the notebook)" +
    "</span></div>\n";
}

function scriptFor(id: string, spec: PlotSpec, packed: string, url: string): string {
  return '<script type="text/javascript">\n(function () {\nvar w = window, id = "' + id +
    '";\nvar spec = ' + scriptJSON(spec) + ";\nvar U = " + scriptJSON(url) + ';\nvar B = "' +
    packed + '";\n' + LOADER + "\n})();\n</script>";
}

/**
 * The HTML output of one figure in a notebook: its div and a loader script. Carries the
 * plotly.js bundle according to `configurePlots().plotlyJs`.
 */
export function figureFragment(spec: PlotSpec, label: string): string {
  const id = nextFigureId();
  const part = nextBundlePart();
  const packed = "packed" in part ? part.packed : "";
  const url = "url" in part ? part.url : "";
  return divFor(id, spec, label) + scriptFor(id, spec, packed, url);
}

/** A standalone HTML page: plotly.js inlined once in <head>, then the figure. */
export function standalonePage(spec: PlotSpec, title: string): string {
  const id = "mlnotes-figure";
  return '<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n<title>' +
    escapeHTML(title) + '</title>\n<script type="text/javascript">\n' + plotlySource() +
    "\n</script>\n</head>\n<body>\n" + divFor(id, spec, title) + scriptFor(id, spec, "", "") +
    "\n</body>\n</html>\n";
}
