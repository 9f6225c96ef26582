import {
  assert,
  assertEquals,
  assertMatch,
  assertNotEquals,
  assertStringIncludes,
  assertThrows,
} from "@std/assert";
import { gunzipSync } from "node:zlib";
import { Buffer } from "node:buffer";
import { ValueError } from "../../../lib/core/mod.ts";
import {
  configurePlots,
  Figure,
  figure,
  JUPYTER_DISPLAY,
  lossCurve,
  overlay,
} from "../../../lib/plot/mod.ts";

const PLOTLY_MIME = "application/vnd.plotly.v1+json";
const plotlyFile = new URL(
  "../../../node_modules/plotly.js-dist-min/plotly.min.js",
  import.meta.url,
);

/** The base64 text of `var B = "..."` in a figure's HTML. */
function packedBundleOf(html: string): string {
  const m = html.match(/var B = "([^"]*)";/);
  assert(m, "no bundle variable in the figure HTML");
  return m[1];
}

function idOf(html: string): number {
  const m = html.match(/<div id="mlnotes-figure-(\d+)"/);
  assert(m, "no figure div");
  return Number(m[1]);
}

Deno.test("the display bundle has plotly JSON, HTML and text", () => {
  const fig = lossCurve({ train: [3, 2, 1], test: [3.5, 2.5, 2] }, { title: "loss" });
  const bundle = fig[Symbol.for("Jupyter.display") as typeof JUPYTER_DISPLAY]();
  assertEquals(Object.keys(bundle).sort(), [PLOTLY_MIME, "text/html", "text/plain"].sort());
  const json = bundle[PLOTLY_MIME];
  // valid plotly JSON: survives a JSON round trip unchanged, traces have types and data
  assertEquals(JSON.parse(JSON.stringify(json)), json);
  assertEquals(json.data.length, 2);
  assertEquals(json.data.map((t) => (t as { type: string }).type), ["scatter", "scatter"]);
  assertEquals((json.data[0] as { y: number[] }).y, [3, 2, 1]);
  assertEquals((json.layout.title as { text: string }).text, "loss");
  assertEquals(bundle["text/plain"], 'Figure("loss", 2 traces: scatter "train", scatter "test")');
});

Deno.test("the HTML draws with Plotly.newPlot behind a once-per-page guard", () => {
  configurePlots({ plotlyJs: "every" });
  const html = lossCurve([1, 0.5]).mimeBundle()["text/html"];
  assertStringIncludes(html, "P.newPlot(el, spec.data, spec.layout, spec.config)");
  assertStringIncludes(html, "w.__mlnotesPlotly"); // the page-wide guard
  assertStringIncludes(html, "if (w.Plotly && w.Plotly.newPlot)"); // already loaded: no reload
  assertStringIncludes(html, "new Function('define', 'exports', 'module', code)"); // hides require.js
  assertStringIncludes(html, 'class="mlnotes-figure"');
  assertEquals(html.split("</script>").length - 1, 1, "exactly one closing script tag");
});

Deno.test("every figure carries the packed plotly.js bundle, intact", () => {
  configurePlots({ plotlyJs: "every" });
  const a = packedBundleOf(lossCurve([1, 2]).mimeBundle()["text/html"]);
  const b = packedBundleOf(lossCurve([2, 1]).mimeBundle()["text/html"]);
  assertEquals(a, b);
  const unpacked = gunzipSync(Buffer.from(a, "base64"));
  const original = Deno.readFileSync(plotlyFile);
  assertEquals(unpacked.length, original.length);
  assert(Buffer.from(unpacked).equals(Buffer.from(original)), "unpacked bundle differs");
});

Deno.test("div ids count up, so re-running a notebook gives the same outputs", () => {
  const fig = lossCurve([1, 2]);
  const first = idOf(fig.mimeBundle()["text/html"]);
  const second = idOf(fig.mimeBundle()["text/html"]);
  assertEquals(second, first + 1);
  const a = fig.mimeBundle()["text/html"].replace(/mlnotes-figure-\d+/g, "ID");
  const b = fig.mimeBundle()["text/html"].replace(/mlnotes-figure-\d+/g, "ID");
  assertEquals(a, b, "same figure, same HTML apart from the id");
});

Deno.test("'once' mode inlines the bundle in the first figure only; a URL mode loads a script", () => {
  try {
    configurePlots({ plotlyJs: "once" });
    lossCurve([1, 2]).mimeBundle(); // carries the bundle unless an earlier figure did
    assertEquals(packedBundleOf(lossCurve([1, 2]).mimeBundle()["text/html"]), "");
    configurePlots({ plotlyJs: { url: "plotly.min.js" } });
    const html = lossCurve([1, 2]).mimeBundle()["text/html"];
    assertEquals(packedBundleOf(html), "");
    assertStringIncludes(html, 'var U = "plotly.min.js";');
    assertThrows(
      () => configurePlots({ plotlyJs: "sometimes" as "once" }),
      TypeError,
      "The 'plotlyJs' option must be",
    );
  } finally {
    configurePlots({ plotlyJs: "every" });
  }
});

Deno.test("figure JSON is made safe: typed arrays to arrays, NaN to null, '</script>' escaped", () => {
  const fig = figure(
    { type: "scatter", x: new Float64Array([1, 2, 3]), y: [1, NaN, 3], name: "</script><b>" },
    { title: { text: "</script>" } },
  );
  assertEquals(fig.toJSON().data, [{
    type: "scatter",
    x: [1, 2, 3],
    y: [1, null, 3],
    name: "</script><b>",
  }]);
  const html = fig.mimeBundle()["text/html"];
  assertEquals(html.split("</script>").length - 1, 1, "user text cannot close the script");
  assertStringIncludes(html, "\\u003c/script>\\u003cb>");
  // the placeholder text is escaped HTML
  assertStringIncludes(html, "Figure(&quot;&lt;/script&gt;&quot;, 1 trace: scatter");
});

Deno.test("toHTML is a standalone page with plotly.js inlined once; write() saves it", () => {
  const fig = lossCurve([1, 0.5, 0.25], { title: "页面 page" });
  const page = fig.toHTML();
  assertMatch(page, /^<!DOCTYPE html>/);
  assertStringIncludes(page, '<meta charset="utf-8">');
  assertStringIncludes(page, "<title>页面 page</title>");
  assertStringIncludes(page, "plotly.js v2.35.3");
  assertEquals(page.split("plotly.js v2.35.3").length - 1, 1);
  assertEquals(packedBundleOf(page), "", "no second copy in the figure script");
  const dir = Deno.makeTempDirSync();
  try {
    const path = fig.write(dir + "/sub/fig.html");
    assertEquals(path, dir + "/sub/fig.html");
    assertEquals(Deno.readTextFileSync(path), page);
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});

Deno.test("figure(), overlay(), addTraces() and updateLayout()", () => {
  const a = figure({ type: "bar", x: [1, 2], y: [3, 4] }, {
    title: { text: "A" },
    xaxis: { title: { text: "x" } },
  });
  assertEquals(a.data.length, 1);
  const b = figure([{ type: "scatter", x: [1, 2], y: [1, 1] }], {
    yaxis: { type: "log" },
    xaxis: { range: [0, 3] },
  });
  const both = overlay(a, b);
  assertEquals(both.data.map((t) => t.type), ["bar", "scatter"]);
  // axes merge one level deep: title from a, range from b
  assertEquals(both.layout.xaxis, { title: { text: "x" }, range: [0, 3] });
  assertEquals(both.layout.yaxis, { type: "log" });
  assertEquals((both.layout.title as { text: string }).text, "A");
  const more = a.addTraces({ type: "scatter", x: [0], y: [0] });
  assertEquals(more.data.length, 2);
  assertEquals(a.data.length, 1, "addTraces returns a new figure");
  const wider = a.updateLayout({ width: 500, xaxis: { range: [0, 1] } });
  assertEquals(wider.layout.width, 500);
  assertEquals(wider.layout.xaxis, { title: { text: "x" }, range: [0, 1] });
  assertNotEquals(wider, a);
  assertEquals(String(figure([])), "Figure(0 traces)");
});

Deno.test("bad figure input throws ValueError naming the argument", () => {
  assertThrows(() => new Figure("x" as never), ValueError, "'data' must be an array of traces");
  assertThrows(() => new Figure([null as never]), ValueError, "'data[0]' must be a trace object");
  assertThrows(() => new Figure([], [] as never), ValueError, "'layout' must be an object");
  assertThrows(() => overlay(), ValueError, "at least one figure");
});
