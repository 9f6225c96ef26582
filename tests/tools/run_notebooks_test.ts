/**
 * The notebook executor itself, on small notebooks written here: it keeps every output of
 * cells that log, display and return (the Deno kernel sends some after its idle status), it
 * reports a failing cell by position and stops there, and `--only` keeps the others listed.
 */

import { assert, assertEquals, assertStringIncludes } from "@std/assert";
import { join } from "node:path";
import {
  cellSource,
  executedNotebook,
  type ExecutorRun,
  type Notebook,
  type Output,
  runExecutor,
  siteEntry,
  testSiteDir,
} from "../support/notebooks.ts";

function notebook(sources: string[]): Notebook {
  return {
    cells: sources.map((source) => ({
      cell_type: "code" as const,
      source,
      metadata: {},
      outputs: [],
      execution_count: null,
    })),
    metadata: { kernelspec: { name: "deno", display_name: "Deno", language: "typescript" } },
    nbformat: 4,
    nbformat_minor: 5,
  } as Notebook;
}

/** Cell i logs, displays (20 KB of HTML and more per cell) and returns, all tagged with i. */
function chattyCell(i: number): string {
  return [
    `console.log("log ${i}");`,
    `console.error("err ${i}");`,
    `await Deno.jupyter.display({ "text/plain": "display ${i}", ` +
    `"text/html": "<b>${i}</b>" + "x".repeat(${20_000 * (i + 1)}) }, { raw: true });`,
    `"result ${i}"`,
  ].join("\n");
}

const chattyCells = 16;

async function writeNotebooks(dir: string): Promise<void> {
  const chatty = notebook(Array.from({ length: chattyCells }, (_, i) => chattyCell(i)));
  const failing = notebook([
    `console.log("before")`,
    `const x: number = 1;\nthrow new TypeError("boom " + x)`,
    `console.log("never")`,
  ]);
  const skipped = notebook([`1 + 1`]);
  await Deno.writeTextFile(join(dir, "01_chatty.ipynb"), JSON.stringify(chatty));
  await Deno.writeTextFile(join(dir, "02_failing.ipynb"), JSON.stringify(failing));
  await Deno.writeTextFile(join(dir, "03_skipped.ipynb"), JSON.stringify(skipped));
}

let run: Promise<ExecutorRun> | undefined;
function execute(): Promise<ExecutorRun> {
  run ??= (async () => {
    const site = testSiteDir("executor");
    const notebooks = join(site, "source");
    await Deno.mkdir(notebooks);
    await writeNotebooks(notebooks);
    return runExecutor(join(site, "out"), { notebooks, only: ["chatty", "failing"] });
  })();
  return run;
}

function texts(outputs: Output[], type: string, name?: string): string[] {
  return outputs
    .filter((o) => o.output_type === type && (name === undefined || o.name === name))
    .map((o) =>
      o.text !== undefined
        ? [o.text].flat().join("")
        : [o.data?.["text/plain"] as string | string[]].flat().join("")
    );
}

Deno.test("executor keeps every output of cells that log, display and return", async () => {
  const result = await execute();
  assertEquals(siteEntry(result, "01_chatty").status, "ok", result.log);
  const nb = executedNotebook(result, "01_chatty");
  nb.cells.forEach((cell, i) => {
    const outputs = cell.outputs ?? [];
    const where = `cell ${i + 1}`;
    assertEquals(texts(outputs, "stream", "stdout").join(""), `log ${i}\n`, `${where} stdout`);
    assertEquals(texts(outputs, "stream", "stderr").join(""), `err ${i}\n`, `${where} stderr`);
    assertEquals(texts(outputs, "display_data"), [`display ${i}`], `${where} display`);
    assertEquals(texts(outputs, "execute_result"), [`"result ${i}"`], `${where} result`);
    const html = outputs.find((o) => o.output_type === "display_data")?.data?.["text/html"];
    assertEquals(String(html).length, `<b>${i}</b>`.length + 20_000 * (i + 1), `${where} html`);
    assertEquals(cell.execution_count, i + 1, `${where} execution_count`);
  });
});

Deno.test("executor reports the failing cell, stops there and exits non-zero", async () => {
  const result = await execute();
  assertEquals(result.code, 1, "exit code");
  const entry = siteEntry(result, "02_failing");
  assertEquals(entry.status, "failed");
  assertEquals(entry.failedCell, 2);
  assertStringIncludes(entry.failure ?? "", "TypeError: boom 1");
  assertStringIncludes(result.log, "02_failing FAILED");
  const cells = executedNotebook(result, "02_failing").cells;
  assertEquals(texts(cells[0].outputs ?? [], "stream", "stdout"), ["before\n"]);
  assertEquals(cells[1].outputs?.map((o) => o.output_type), ["error"], cellSource(cells[1]));
  assertEquals(cells[2].outputs, [], "the cell after the failure must not run");
});

Deno.test("executor writes HTML pages without require.js and an index of all notebooks", async () => {
  const result = await execute();
  const page = await Deno.readTextFile(join(result.outDir, "01_chatty.html"));
  assertStringIncludes(page, "display 0");
  assert(!page.includes("require.min.js"), "require.js is still on the page");
  assertEquals(
    result.index.map((e) => [e.name, e.status]),
    [["01_chatty", "ok"], ["02_failing", "failed"], ["03_skipped", "not run"]],
  );
  const index = await Deno.readTextFile(join(result.outDir, "index.html"));
  assertStringIncludes(index, '<a href="01_chatty.html">01_chatty</a>');
  assertStringIncludes(index, "TypeError: boom 1");
});
