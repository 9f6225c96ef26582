/**
 * Executes every notebook once, top to bottom on the Deno kernel (tools/run_notebooks.py), and
 * checks each one in its own test: committed without outputs, runs without an error, no ANSI
 * codes in its outputs, and for model notebooks the five sections and at least one plot.
 */

import { assert, assertEquals } from "@std/assert";
import {
  cellSource,
  executedNotebook,
  type ExecutorRun,
  hasEscapeCode,
  headingIs,
  isModelNotebook,
  isPlotOutput,
  listNotebooks,
  modelSections,
  outputStrings,
  outputsWithCell,
  runExecutor,
  sectionHeadings,
  siteEntry,
  sourceNotebook,
  testSiteDir,
} from "../support/notebooks.ts";

const names = listNotebooks();

let run: Promise<ExecutorRun> | undefined;
/** The one executor run of this file, started by the first test that needs it. */
function executeAll(): Promise<ExecutorRun> {
  run ??= runExecutor(testSiteDir("execute_all"));
  return run;
}

Deno.test("notebooks/ starts with 00_roadmap and names every notebook NN_snake_case", () => {
  assert(names.includes("00_roadmap"), `no 00_roadmap.ipynb among ${JSON.stringify(names)}`);
  const badNames = names.filter((name) => !/^\d\d_[a-z0-9_]+$/.test(name));
  assertEquals(badNames, [], "notebook names must look like 20_linear_regression");
});

Deno.test("the executor runs every notebook in study order", async () => {
  const result = await executeAll();
  assertEquals(result.index.map((entry) => entry.name), names, "site/index.json");
  const notRun = result.index.filter((entry) => entry.status === "not run").map((e) => e.name);
  assertEquals(notRun, [], `notebooks the executor skipped\n${result.log}`);
});

for (const name of names) {
  Deno.test(`notebook ${name}`, async (t) => {
    const source = sourceNotebook(name);

    await t.step("is committed for the Deno kernel, without outputs", () => {
      assertEquals(source.metadata.kernelspec?.name, "deno", "metadata.kernelspec.name");
      const dirty = source.cells.flatMap((cell, index) =>
        cell.cell_type === "code" &&
          ((cell.outputs?.length ?? 0) > 0 || (cell.execution_count ?? null) !== null)
          ? [index + 1]
          : []
      );
      assertEquals(dirty, [], `${name}: cells committed with outputs or an execution count`);
    });

    if (isModelNotebook(name)) {
      await t.step("has the five model sections", () => {
        const headings = sectionHeadings(source);
        const missing = modelSections.filter((s) => !headings.some((h) => headingIs(h, s)));
        assertEquals(missing, [], `${name}: missing "## " sections; it has ${headings}`);
      });
    }

    const result = await executeAll();
    const entry = siteEntry(result, name);
    const executed = executedNotebook(result, name);

    await t.step("runs top to bottom without an error", () => {
      const errors = outputsWithCell(executed)
        .filter(({ output }) => output.output_type === "error")
        .map(({ cell, output }) =>
          `cell ${cell} \`${cellSource(executed.cells[cell - 1]).split("\n")[0]}\`: ` +
          `${output.ename}: ${output.evalue}\n${(output.traceback ?? []).join("\n")}`
        );
      assertEquals(errors, [], `${name}: error outputs`);
      assert(
        entry.status === "ok",
        `${name}: ${entry.status}: ${entry.failure}\n--- executor log ---\n${result.log}`,
      );
      assertEquals(entry.executedCells, entry.codeCells, `${name}: code cells executed`);
    });

    await t.step("has no ANSI escape codes in its outputs", () => {
      const coloured = outputsWithCell(executed)
        .filter(({ output }) => outputStrings(output).some(hasEscapeCode))
        .map(({ cell }) => cell);
      assertEquals(coloured, [], `${name}: cells whose outputs carry ANSI codes`);
    });

    if (isModelNotebook(name)) {
      await t.step("shows at least one plot", () => {
        const plots = outputsWithCell(executed).filter(({ output }) => isPlotOutput(output));
        assert(plots.length > 0, `${name}: no plotly figure among the outputs`);
      });
    }
  });
}
