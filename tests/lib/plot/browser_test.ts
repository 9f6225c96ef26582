/**
 * Figure HTML draws in a real browser: a page made of consecutive figure outputs, as the classic
 * Notebook and nbconvert pages are, opened in headless Chromium with an AMD `define` on the page
 * (require.js is there in the classic Notebook). Needs Debian's `chromium` (or CHROME_BIN).
 */
import { assert, assertEquals } from "@std/assert";
import { dumpDom } from "../../support/chromium.ts";
import { configurePlots, decisionSurface, lossCurve } from "../../../lib/plot/mod.ts";

// A stand-in for require.js: plotly's UMD header would register with it instead of setting
// window.Plotly; the attribute records that it was called.
const AMD_STUB = "<script>window.define = function () {" +
  " document.documentElement.setAttribute('data-define-called', 'yes'); };" +
  " window.define.amd = {};</script>\n";

Deno.test("consecutive figure outputs on one page all draw, plotly.js loaded once", async () => {
  configurePlots({ plotlyJs: "every" });
  const first =
    lossCurve({ train: [1, 0.5, 0.3], test: [1.1, 0.7, 0.6] }).mimeBundle()["text/html"];
  const second = decisionSurface(
    (G) => G.map(([a, b]) => (a + b > 4 ? 1 : -1)),
    [[3, 3], [4, 3], [1, 1]],
    [1, 1, -1],
    { resolution: 30 },
  ).mimeBundle()["text/html"];
  let third: string;
  try {
    configurePlots({ plotlyJs: "once" }); // the bundle was sent above: this output has none
    third = lossCurve([3, 2, 1]).mimeBundle()["text/html"];
  } finally {
    configurePlots({ plotlyJs: "every" });
  }
  assert(!/var B = "[^"]/.test(third), "the 'once' output should carry no bundle");
  // `first` again: after a kernel restart, an old output and a new one share an id
  const outputs = [first, second, third, first];
  const dir = Deno.makeTempDirSync();
  try {
    const page = dir + "/page.html";
    Deno.writeTextFileSync(
      page,
      '<!DOCTYPE html>\n<html><head><meta charset="utf-8">\n' + AMD_STUB + "</head><body>\n" +
        outputs.map((html) => '<div class="output">' + html + "</div>\n").join("") +
        "</body></html>\n",
    );
    const dom = await dumpDom(page, 5000);
    const divs = dom.match(/<div id="mlnotes-figure-\d+"[^>]*>/g) ?? [];
    assertEquals(divs.length, 4);
    for (const div of divs) assert(div.includes("js-plotly-plot"), `not drawn: ${div}`);
    const failures = dom.match(/Plot not drawn: [^'][^<]*/g) ?? [];
    assertEquals(failures, [], "figures that reported an error");
    assert((dom.match(/class="main-svg"/g) ?? []).length >= 4, "fewer main-svg than figures");
    assertEquals(dom.includes('data-define-called="yes"'), false, "plotly.js registered with AMD");
    assert(!/<span class="mlnotes-placeholder"/.test(dom), "a placeholder was left in a figure");
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});
