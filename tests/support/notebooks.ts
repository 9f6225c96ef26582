/**
 * Reading notebooks and running the notebook executor from tests.
 *
 * The executor (tools/run_notebooks.py) is slow to start (a Deno kernel per notebook), so each
 * test file runs it once and checks the result in many small tests. Test files run in parallel
 * processes: each gives the executor its own output dir (see {@link testSiteDir}).
 *
 * @module
 */

import { join } from "node:path";
import { findJupyterPython, notebooksDir, repoRoot } from "../../tools/toolchain.ts";

export { notebooksDir, repoRoot };

/** One output of a code cell (nbformat 4). */
export interface Output {
  output_type: "stream" | "display_data" | "execute_result" | "error" | string;
  name?: string;
  text?: string | string[];
  data?: Record<string, unknown>;
  ename?: string;
  evalue?: string;
  traceback?: string[];
}

/** One cell (nbformat 4). */
export interface Cell {
  cell_type: "code" | "markdown" | "raw";
  source: string | string[];
  metadata: Record<string, unknown>;
  outputs?: Output[];
  execution_count?: number | null;
}

/** A notebook (nbformat 4). */
export interface Notebook {
  cells: Cell[];
  metadata: {
    kernelspec?: { name?: string; display_name?: string; language?: string };
    [key: string]: unknown;
  };
  nbformat: number;
}

/** The executor's record of one notebook (site/index.json). */
export interface SiteEntry {
  name: string;
  title: string | null;
  status: "ok" | "failed" | "not run";
  seconds: number;
  codeCells?: number;
  executedCells?: number;
  failure?: string | null;
  failedCell?: number | null;
}

/** The five `##` sections every model notebook has, in this order. */
export const modelSections = ["模型公式", "模型目标", "损失函数", "模型更新参数", "模型画图"];

/** The concept notebooks before the models: no model sections required. */
const conceptNotebooks = /^(00|1\d)_/;

/** MIME type of plotly figures. */
export const plotlyMime = "application/vnd.plotly.v1+json";

/** True when `text` holds an escape character: ANSI colour codes and the like. */
export function hasEscapeCode(text: string): boolean {
  return text.includes("\u001b");
}

/** Names (without .ipynb) of the notebooks in `dir`, in study order. */
export function listNotebooks(dir: string = notebooksDir): string[] {
  const names: string[] = [];
  for (const entry of Deno.readDirSync(dir)) {
    if (entry.isFile && entry.name.endsWith(".ipynb")) names.push(entry.name.slice(0, -6));
  }
  return names.sort();
}

/** Parses a notebook file. */
export function readNotebook(path: string): Notebook {
  return JSON.parse(Deno.readTextFileSync(path));
}

/** A source notebook of notebooks/ by name. */
export function sourceNotebook(name: string): Notebook {
  return readNotebook(join(notebooksDir, `${name}.ipynb`));
}

/** A model notebook (numbered 20 and up) must have the model sections and a plot. */
export function isModelNotebook(name: string): boolean {
  return /^\d\d_/.test(name) && !conceptNotebooks.test(name);
}

/** Source text of a cell (nbformat allows a string or a list of lines). */
export function cellSource(cell: Cell): string {
  return Array.isArray(cell.source) ? cell.source.join("") : cell.source;
}

/** Texts of the `## ` headings of the markdown cells, in order, without the hashes. */
export function sectionHeadings(nb: Notebook): string[] {
  const headings: string[] = [];
  for (const cell of nb.cells) {
    if (cell.cell_type !== "markdown") continue;
    for (const line of cellSource(cell).split("\n")) {
      const match = line.match(/^##\s+(.+?)\s*$/);
      if (match) headings.push(match[1]);
    }
  }
  return headings;
}

/** True when `heading` is `section`, optionally followed by an English gloss. */
export function headingIs(heading: string, section: string): boolean {
  return heading === section || heading.startsWith(section + " ") ||
    heading.startsWith(section + "(") || heading.startsWith(section + "（");
}

/** Every string an output carries (stream text, MIME data, error fields), for text checks. */
export function outputStrings(output: Output): string[] {
  const strings: string[] = [];
  const add = (value: unknown): void => {
    if (typeof value === "string") strings.push(value);
    else if (Array.isArray(value)) value.forEach(add);
    else if (value && typeof value === "object") Object.values(value).forEach(add);
  };
  add(output.text);
  add(output.data);
  add(output.ename);
  add(output.evalue);
  add(output.traceback);
  return strings;
}

/** True when the output is a figure: plotly's MIME type or lib/plot's HTML. */
export function isPlotOutput(output: Output): boolean {
  const data = output.data ?? {};
  if (plotlyMime in data) return true;
  const html = data["text/html"];
  const text = Array.isArray(html) ? html.join("") : html;
  return typeof text === "string" && text.includes('class="mlnotes-figure"');
}

/** All outputs of the code cells, with the 1-based position of their cell. */
export function outputsWithCell(nb: Notebook): { cell: number; output: Output }[] {
  return nb.cells.flatMap((cell, index) =>
    (cell.outputs ?? []).map((output) => ({ cell: index + 1, output }))
  );
}

/** A fresh output dir for one test file's executor run: .cache/test-site/<name>/. */
export function testSiteDir(name: string): string {
  const dir = join(repoRoot, ".cache", "test-site", name);
  try {
    Deno.removeSync(dir, { recursive: true });
  } catch {
    // nothing from an earlier run
  }
  Deno.mkdirSync(dir, { recursive: true });
  return dir;
}

/** What an executor run left behind. */
export interface ExecutorRun {
  code: number;
  /** stdout and stderr together, for failure messages. */
  log: string;
  outDir: string;
  index: SiteEntry[];
}

/** Options of {@link runExecutor}. */
export interface ExecutorOptions {
  /** Name substrings of the notebooks to run. @default all */
  only?: string[];
  /** Per-cell time limit in seconds. @default 600 */
  timeout?: number;
  /** Folder of the notebooks. @default notebooks/ */
  notebooks?: string;
}

/** Runs tools/run_notebooks.py into `outDir` and reads its index.json. */
export async function runExecutor(
  outDir: string,
  options: ExecutorOptions = {},
): Promise<ExecutorRun> {
  const python = await findJupyterPython();
  if (!python) throw new Error("no Python with nbclient and nbconvert: run `deno task setup`");
  const args = [
    join(repoRoot, "tools", "run_notebooks.py"),
    "--out",
    outDir,
    "--timeout",
    String(options.timeout ?? 600),
    "--notebooks",
    options.notebooks ?? notebooksDir,
    ...(options.only ?? []).flatMap((s) => ["--only", s]),
  ];
  const out = await new Deno.Command(python, { args, stdout: "piped", stderr: "piped" }).output();
  const decoder = new TextDecoder();
  const log = decoder.decode(out.stdout) + decoder.decode(out.stderr);
  let index: SiteEntry[] = [];
  try {
    index = JSON.parse(Deno.readTextFileSync(join(outDir, "index.json"))).notebooks;
  } catch {
    throw new Error(`the executor wrote no index.json (exit ${out.code}):\n${log}`);
  }
  return { code: out.code, log, outDir, index };
}

/** The executed copy of notebook `name` from a run. */
export function executedNotebook(run: ExecutorRun, name: string): Notebook {
  return readNotebook(join(run.outDir, "notebooks", `${name}.ipynb`));
}

/** The index entry of notebook `name` in a run. */
export function siteEntry(run: ExecutorRun, name: string): SiteEntry {
  const entry = run.index.find((e) => e.name === name);
  if (!entry) throw new Error(`${name} is not in the site index:\n${run.log}`);
  return entry;
}
