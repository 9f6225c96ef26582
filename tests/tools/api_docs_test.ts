/**
 * The library's documentation (issue 14): `deno doc --lint lib/mod.ts` finds nothing (every
 * export documented, explicit return types, no private type in a public signature), so a new
 * export must arrive documented; and the HTML API reference that `deno task notebooks` writes to
 * site/api/ builds, holds the project's symbols only, and stays small. (The examples themselves
 * run in the test task through `deno test --doc lib/`.)
 */

import { assert, assertEquals, assertStringIncludes } from "@std/assert";
import { join } from "node:path";
import { buildApiReference, formatBytes, lintDocs } from "../../tools/api_docs.ts";

Deno.test("deno doc --lint lib/mod.ts: every export documented, no private type in a signature", async () => {
  const { problems, report } = await lintDocs();
  assertEquals(problems, 0, `deno doc --lint lib/mod.ts found ${problems} problems:\n${report}`);
});

/**
 * Bounds with room for the families still to come: about 700 symbols made 2 600 files and 55 MB
 * (deno doc writes a page per symbol and per member, ~12 KB each); tfjs's namespace alone, once
 * re-exported by accident, added 1 386 pages.
 */
const MAX_FILES = 6000;
const MAX_BYTES = 150e6;
const MAX_FILES_PER_SYMBOL = 6;

Deno.test("the API reference builds into api/index.html with the project's symbols only", async () => {
  const dir = await Deno.makeTempDir({ prefix: "mlnotes-api-" });
  try {
    const ref = await buildApiReference(join(dir, "api"));
    const index = await Deno.readTextFile(join(ref.dir, "index.html"));
    assertStringIncludes(index, "mlnotes");
    const pages = [...Deno.readDirSync(join(ref.dir, "~"))].map((e) => e.name);
    for (const name of ["Matrix.html", "LinearRegression.html", "Figure.html", "loadIris.html"]) {
      assert(pages.includes(name), `the reference has no page ${name}`);
    }
    // A dependency's namespace re-exported by accident adds a page per member (tfjs: 1 386).
    const foreign = pages.filter((p) => /^(tf|danfo|plotly|nodeplotlib)\./i.test(p));
    assertEquals(foreign, [], "pages of a dependency's symbols");
    const symbols = pages.filter((p) => p.split(".").length === 2).length;
    const size = `${ref.files} files, ${formatBytes(ref.bytes)}, ${symbols} symbols`;
    console.log(`API reference: ${size}`);
    assert(ref.files <= MAX_FILES_PER_SYMBOL * symbols, `too many pages per symbol: ${size}`);
    assert(ref.files <= MAX_FILES, `the reference has grown to ${size}`);
    assert(ref.bytes <= MAX_BYTES, `the reference has grown to ${size}`);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
