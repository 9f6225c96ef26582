/**
 * The README's quick start, run as a user runs it: from a temporary directory outside the
 * repository, with the exact command the README prints, and a user's own script there importing
 * `lib/mod.ts` by absolute path with no `deno.json` around it.
 */
import { assert, assertEquals, assertStringIncludes } from "@std/assert";
import { walk } from "../support/walk.ts";

const ROOT = new URL("../../", import.meta.url).pathname.replace(/\/$/, "");
const README = Deno.readTextFileSync(`${ROOT}/README.md`);

/** Runs `deno <args>` in `cwd` (NO_COLOR), returning stdout, stderr and the exit code. */
async function deno(args: string[], cwd: string) {
  const out = await new Deno.Command(Deno.execPath(), {
    args,
    cwd,
    env: { NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const decode = (b: Uint8Array) => new TextDecoder().decode(b);
  return { code: out.code, stdout: decode(out.stdout), stderr: decode(out.stderr) };
}

/** A fresh directory outside the repository (the system's temporary directory). */
async function outsideDir(): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "mlnotes_user_" });
  assert(!dir.startsWith(ROOT), `${dir} is inside the repository`);
  return dir;
}

Deno.test("README: the quick-start command runs examples/quickstart.ts from another directory", async () => {
  const command = "deno run --allow-read /path/to/mlnotes/examples/quickstart.ts";
  assertStringIncludes(README, command);
  const dir = await outsideDir();
  try {
    const args = command.replace("/path/to/mlnotes", ROOT).split(" ").slice(1);
    const { code, stdout, stderr } = await deno(args, dir);
    assertEquals(code, 0, stderr);
    assertEquals(stdout.trim().split("\n"), [
      "diabetes: intercept 152.1335, R² 0.5177",
      "iris: classes 0, 1, 2, test accuracy 0.9556",
      "maxIter 5: ConvergenceWarning",
    ]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("README: a user's own script outside the repository imports lib/mod.ts by path", async () => {
  // The README's script, with the placeholder path replaced by this checkout's.
  const block = README.match(/```ts\n(\/\/ my_script\.ts[^\n]*\n[\s\S]*?)```/);
  assert(block, "README has no my_script.ts block");
  const command = block[1].match(/— (deno run [^\n]+)/)![1];
  const dir = await outsideDir();
  try {
    await Deno.writeTextFile(`${dir}/my_script.ts`, block[1].replace("/path/to/mlnotes", ROOT));
    // No deno.json, package.json or node_modules here: lib/ must resolve its own dependencies
    // (pinned npm: specifiers, fetched into Deno's cache on the first run).
    for (const name of ["deno.json", "package.json", "node_modules"]) {
      assertEquals(await Deno.stat(`${dir}/${name}`).catch(() => null), null);
    }
    const { code, stdout, stderr } = await deno(command.split(" ").slice(1), dir);
    assertEquals(code, 0, stderr);
    assertStringIncludes(stdout, "152.133484162896");
    assertStringIncludes(stdout, "0.5177484222203503");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("lib/ imports packages only as node: or pinned npm:name@version specifiers", async () => {
  // A bare "ml-matrix" resolves only through this repository's package.json: from a user's
  // script elsewhere it fails with 'Import "ml-matrix" not a dependency'.
  const bad: string[] = [];
  const specifier = /(?:from\s+|import\s*\(\s*|import\s+)["']([^"']+)["']/g;
  for await (const path of walk(new URL("../../lib/", import.meta.url))) {
    // Code only: imports inside JSDoc @example blocks run under `deno test --doc` in this repo.
    const text = (await Deno.readTextFile(path)).replace(/\/\*[\s\S]*?\*\//g, "");
    for (const [, spec] of text.matchAll(specifier)) {
      const ok = spec.startsWith(".") || spec.startsWith("node:") ||
        /^npm:(@[^/]+\/)?[^@/]+@\d+\.\d+\.\d+/.test(spec);
      if (!ok) bad.push(`${path.slice(ROOT.length + 1)}: "${spec}"`);
    }
  }
  assertEquals(bad, [], "use npm:<name>@<version> (the version in package.json)");
});
