/**
 * `deno task lab`: opens JupyterLab on notebooks/, or the classic Notebook where JupyterLab is
 * not installed (Debian's packages have only the classic one). Extra arguments pass through:
 * `deno task lab --no-browser --port 8890`.
 *
 * @module
 */

import { notebooksDir, onPath } from "./toolchain.ts";

const app = onPath("jupyter-lab") ?? onPath("jupyter-notebook");
if (!app) {
  console.error("lab: neither JupyterLab nor the Notebook is installed: `pip install jupyterlab`.");
  Deno.exit(1);
}
const args = [`--notebook-dir=${notebooksDir}`, ...Deno.args];
// Jupyter refuses to start as root unless told; on a root-only box (a container) that is intended.
if (Deno.build.os !== "windows" && Deno.uid() === 0 && !args.includes("--allow-root")) {
  args.push("--allow-root");
}
console.log(`lab: ${app} ${args.join(" ")}`);
// Ctrl-C goes to Jupyter too, which asks to confirm; wait for it to finish.
if (Deno.build.os !== "windows") Deno.addSignalListener("SIGINT", () => {});
const child = new Deno.Command(app, {
  args,
  cwd: notebooksDir,
  stdin: "inherit",
  stdout: "inherit",
  stderr: "inherit",
}).spawn();
Deno.exit((await child.status).code);
