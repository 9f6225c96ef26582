/**
 * The library's API reference and its documentation lint, both with `deno doc` on `lib/mod.ts`:
 *
 * - `buildApiReference()` writes the HTML reference (`deno doc --html --name=mlnotes`) into
 *   `site/api/`; `deno task notebooks` calls it after the notebooks, and the site's index links
 *   it. Third-party types appear only under names of our own (e.g. `Plot`, `DanfoDataFrame`),
 *   so the reference holds the project's symbols and none of its dependencies'.
 * - `lintDocs()` runs `deno doc --lint`: every export documented, explicit return types, no
 *   private type in a public signature. tests/tools/api_docs_test.ts fails on any problem.
 *
 * Alone: `deno run -A tools/api_docs.ts [--out DIR]` builds the reference and prints its size.
 *
 * @module
 */

import { dirname, join } from "node:path";
import { repoRoot } from "./toolchain.ts";

/** The entry point documented: the library's one public module. */
export const API_ENTRY = "lib/mod.ts";

/** Where `deno task notebooks` writes the reference. */
export const API_DIR: string = join(repoRoot, "site", "api");

/** What {@link buildApiReference} wrote. */
export interface ApiReference {
  /** The output folder; `index.html` is its start page. */
  dir: string;
  /** Number of files written. */
  files: number;
  /** Their total size in bytes. */
  bytes: number;
}

/** What {@link lintDocs} found. */
export interface DocLint {
  /** Number of problems (0 when clean). */
  problems: number;
  /** deno's report: each problem with its file, line and the rule broken. */
  report: string;
}

function denoDoc(args: string[]): Promise<Deno.CommandOutput> {
  return new Deno.Command(Deno.execPath(), {
    args: ["doc", ...args],
    cwd: repoRoot,
    env: { NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  }).output();
}

async function sizeOf(dir: string): Promise<{ files: number; bytes: number }> {
  let files = 0, bytes = 0;
  for await (const entry of Deno.readDir(dir)) {
    const path = join(dir, entry.name);
    if (entry.isDirectory) {
      const sub = await sizeOf(path);
      files += sub.files;
      bytes += sub.bytes;
    } else {
      files++;
      bytes += (await Deno.stat(path)).size;
    }
  }
  return { files, bytes };
}

/**
 * Writes the HTML API reference of `lib/mod.ts` into `outDir`, replacing what was there.
 * @param outDir the folder to (re)create @default site/api
 */
export async function buildApiReference(outDir: string = API_DIR): Promise<ApiReference> {
  await Deno.remove(outDir, { recursive: true }).catch((error) => {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
  });
  await Deno.mkdir(dirname(outDir), { recursive: true }); // deno doc creates the last level only
  const out = await denoDoc(["--html", "--name=mlnotes", `--output=${outDir}`, API_ENTRY]);
  if (!out.success) {
    throw new Error(
      `deno doc --html ${API_ENTRY} failed (exit ${out.code}):\n` +
        new TextDecoder().decode(out.stderr),
    );
  }
  return { dir: outDir, ...await sizeOf(outDir) };
}

/** Runs `deno doc --lint lib/mod.ts`; problems are counted from deno's `error[rule]` lines. */
export async function lintDocs(): Promise<DocLint> {
  const out = await denoDoc(["--lint", API_ENTRY]);
  const text = new TextDecoder().decode(out.stdout) + new TextDecoder().decode(out.stderr);
  const problems = text.split("\n").filter((line) => /^error\[[\w-]+\]/.test(line)).length;
  if (!out.success && problems === 0) {
    throw new Error(`deno doc --lint ${API_ENTRY} failed (exit ${out.code}):\n${text}`);
  }
  // Drop the type-resolution warnings of node_modules (rxjs), which are not ours to fix.
  const report = text.split("\n\n").filter((block) => !block.startsWith("Warning")).join("\n\n");
  return { problems, report: report.trim() };
}

/** "12.3 MB", for messages. */
export function formatBytes(bytes: number): string {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${(bytes / 1e3).toFixed(0)} KB`;
}

if (import.meta.main) {
  const at = Deno.args.indexOf("--out");
  const outDir = at >= 0 ? Deno.args[at + 1] : API_DIR;
  const ref = await buildApiReference(outDir);
  console.log(
    `API reference: ${join(ref.dir, "index.html")} (${ref.files} files, ${formatBytes(ref.bytes)})`,
  );
}
