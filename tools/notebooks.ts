/**
 * `deno task notebooks`: runs tools/run_notebooks.py with the Python that has Jupyter
 * (Debian's /usr/bin/python3, or the one a `pip install jupyterlab` went into), passing the
 * arguments through: `deno task notebooks --only 20_ --timeout 300`. Then it builds the API
 * reference (`deno doc --html`, tools/api_docs.ts) into the site's `api/` folder, which the
 * site's index links.
 *
 * @module
 */

import { join } from "node:path";
import { buildApiReference, formatBytes } from "./api_docs.ts";
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
if (code === 130) Deno.exit(code); // interrupted: no reference either

const outAt = Deno.args.indexOf("--out");
const outArg = Deno.args.find((a) => a.startsWith("--out="))?.slice("--out=".length);
const siteDir = outAt >= 0 ? Deno.args[outAt + 1] : outArg ?? join(repoRoot, "site");
try {
  const ref = await buildApiReference(join(siteDir, "api"));
  console.log(
    `API reference: ${join(ref.dir, "index.html")} (${ref.files} files, ${formatBytes(ref.bytes)})`,
  );
} catch (error) {
  console.error(`notebooks: the API reference failed to build: ${error}`);
  Deno.exit(code || 1);
}
Deno.exit(code);
