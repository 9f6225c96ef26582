/**
 * The rendered site works in a browser, offline: the page of 20_linear_regression, opened from
 * disk in headless Chromium with every host name unresolvable, draws its plotly figures, and
 * site/index.html lists the notebooks in study order. Runs the executor for that one notebook
 * in its own output dir, so it can run beside execute_all_test.ts.
 */

import { assert, assertEquals } from "@std/assert";
import { dumpDom } from "../support/chromium.ts";
import { join } from "node:path";
import {
  executedNotebook,
  type ExecutorRun,
  isPlotOutput,
  listNotebooks,
  outputsWithCell,
  runExecutor,
  siteEntry,
  testSiteDir,
} from "../support/notebooks.ts";

const pageNotebook = "20_linear_regression";

let run: Promise<ExecutorRun> | undefined;
function executePage(): Promise<ExecutorRun> {
  run ??= runExecutor(testSiteDir("browser"), { only: [pageNotebook] });
  return run;
}

function count(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

Deno.test(`site page of ${pageNotebook} draws its plotly figures in Chromium`, async () => {
  const result = await executePage();
  const entry = siteEntry(result, pageNotebook);
  assert(entry.status === "ok", `${pageNotebook}: ${entry.failure}\n${result.log}`);
  const figures = outputsWithCell(executedNotebook(result, pageNotebook))
    .filter(({ output }) => isPlotOutput(output)).length;
  assert(figures > 0, `${pageNotebook} shows no figure`);

  const dom = await dumpDom(join(result.outDir, `${pageNotebook}.html`));
  assert(dom.includes('class="main-svg"'), "no plotly main-svg in the page's DOM");
  // lib/plot writes "Plot not drawn: <why>" into a figure's div when it fails (the loader's
  // own source, also in the DOM, has a quote right after the colon).
  const failures = dom.match(/Plot not drawn: [^'][^<]*/g) ?? [];
  assertEquals(failures, [], "figures that reported an error instead of drawing");
  // plotly wraps each drawn figure in one div.plot-container.
  assertEquals(count(dom, 'class="plot-container plotly"'), figures, "figures drawn");
});

Deno.test("site index lists every notebook in study order", async () => {
  const result = await executePage();
  const index = Deno.readTextFileSync(join(result.outDir, "index.html"));
  const names = listNotebooks();
  const positions = names.map((name) => index.indexOf(`>${name}<`));
  const missing = names.filter((_, i) => positions[i] < 0);
  assertEquals(missing, [], "notebooks missing from index.html");
  assertEquals(positions, [...positions].sort((a, b) => a - b), "index.html order");
  assert(
    index.includes(`<a href="${pageNotebook}.html">${pageNotebook}</a>`),
    `index.html does not link ${pageNotebook}.html`,
  );
  assertEquals(result.index.map((e) => e.name), names, "index.json order");
});
