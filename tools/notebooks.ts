/**
 * `deno task notebooks`: runs tools/run_notebooks.py with the Python that has Jupyter
 * (Debian's /usr/bin/python3, or the one a `pip install jupyterlab` went into), passing the
 * arguments through: `deno task notebooks --only 20_ --timeout 300`.
 *
 * @module
 */

import { join } from "node:path";
import { findJupyterPython, repoRoot } from "./toolchain.ts";

const python = await findJupyterPython();
if (!python) {
  console.error("notebooks: no Python with nbclient and nbconvert: run `deno task setup`.");
  Deno.exit(1);
}
// Ctrl-C reaches the Python child too: let it clean its kernel up, then report its status.
if (Deno.build.os !== "windows") Deno.addSignalListener("SIGINT", () => {});
const child = new Deno.Command(python, {
  args: [join(repoRoot, "tools", "run_notebooks.py"), ...Deno.args],
  stdin: "inherit",
  stdout: "inherit",
  stderr: "inherit",
}).spawn();
const { code } = await child.status;
Deno.exit(code);
