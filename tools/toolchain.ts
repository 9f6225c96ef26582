/**
 * Where the pieces of the notebook toolchain live: the project's Deno binary, the Python that
 * has Jupyter's libraries, the Jupyter user data dir and the kernelspec we register there.
 * Shared by tools/setup.ts, tools/notebooks.ts, tools/lab.ts and the notebook tests, so all
 * of them agree on one answer.
 *
 * @module
 */

import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** Absolute path of the repository root (the folder holding deno.json). */
export const repoRoot: string = dirname(dirname(fileURLToPath(import.meta.url)));

/** Absolute path of the notebooks folder. */
export const notebooksDir: string = join(repoRoot, "notebooks");

/** The oldest Deno whose Jupyter kernel reports failing cells and renders our displays. */
export const minDenoVersion: readonly [number, number] = [2, 9];

/** Python modules the executor imports. */
const jupyterModules = ["nbclient", "nbconvert", "nbformat", "jupyter_client"];

/** True when `version` ("2.9.6") is at least {@link minDenoVersion}. */
export function denoVersionOk(version: string): boolean {
  const [major, minor] = version.split(".").map(Number);
  const [wantMajor, wantMinor] = minDenoVersion;
  return major > wantMajor || (major === wantMajor && minor >= wantMinor);
}

/**
 * The real Deno executable installed by `npm ci` (node_modules/.bin/deno is a symlink to it),
 * or null when node_modules has none.
 */
export function projectDenoBinary(): string | null {
  const exe = Deno.build.os === "windows" ? "deno.exe" : "deno";
  const candidates = [
    join(repoRoot, "node_modules", "deno", exe),
    join(repoRoot, "node_modules", ".bin", exe),
  ];
  for (const path of candidates) {
    try {
      const real = Deno.realPathSync(path);
      if (Deno.statSync(real).isFile && !real.endsWith(".cjs")) return real;
    } catch {
      // not installed at this place; try the next one
    }
  }
  return null;
}

/** Version of the Deno npm package in node_modules ("2.9.6"), or null. */
export function projectDenoVersion(): string | null {
  try {
    const text = Deno.readTextFileSync(join(repoRoot, "node_modules", "deno", "package.json"));
    return String(JSON.parse(text).version);
  } catch {
    return null;
  }
}

/** Runs a command quietly; null when the program does not exist. */
export async function tryRun(
  cmd: string,
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string } | null> {
  try {
    const out = await new Deno.Command(cmd, { args, stdout: "piped", stderr: "piped" }).output();
    const decoder = new TextDecoder();
    return {
      code: out.code,
      stdout: decoder.decode(out.stdout),
      stderr: decoder.decode(out.stderr),
    };
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return null;
    throw error;
  }
}

/**
 * The first Python that can import nbclient and nbconvert: Debian's /usr/bin/python3 first
 * (a python3 earlier on PATH, e.g. pyenv, often lacks the Debian packages), then PATH's.
 * Uses `find_spec`, which does not import, so the check costs about 0.1 s.
 */
export async function findJupyterPython(): Promise<string | null> {
  const candidates = Deno.build.os === "windows"
    ? ["python", "py"]
    : ["/usr/bin/python3", "python3", "python"];
  const probe = `import importlib.util as u, sys; sys.exit(0 if all(u.find_spec(m) for m in ${
    JSON.stringify(jupyterModules)
  }) else 1)`;
  for (const python of candidates) {
    const result = await tryRun(python, ["-c", probe]);
    if (result?.code === 0) return python;
  }
  return null;
}

/**
 * Jupyter's per-user data dir, computed the way jupyter_core does (JUPYTER_DATA_DIR, then the
 * platform default), without starting Python.
 */
export function jupyterUserDataDir(): string {
  const env = Deno.env.toObject();
  if (env.JUPYTER_DATA_DIR) return env.JUPYTER_DATA_DIR;
  const home = env.HOME ?? env.USERPROFILE ?? ".";
  switch (Deno.build.os) {
    case "darwin":
      return join(home, "Library", "Jupyter");
    case "windows":
      return join(env.APPDATA ?? join(home, "AppData", "Roaming"), "jupyter");
    default:
      return join(env.XDG_DATA_HOME || join(home, ".local", "share"), "jupyter");
  }
}

/** Folder of the "deno" kernelspec in the user data dir. */
export function kernelSpecDir(): string {
  return join(jupyterUserDataDir(), "kernels", "deno");
}

/** The kernel.json content we register. NO_COLOR keeps ANSI colour codes out of outputs. */
export interface KernelSpec {
  argv: string[];
  display_name: string;
  language: string;
  env: Record<string, string>;
}

/** The kernelspec that runs `denoBinary` as a Jupyter kernel. */
export function expectedKernelSpec(denoBinary: string): KernelSpec {
  return {
    argv: [denoBinary, "jupyter", "--kernel", "--conn", "{connection_file}"],
    display_name: "Deno",
    language: "typescript",
    env: { NO_COLOR: "1" },
  };
}

/** The kernelspec registered now, or null when none (or unreadable). */
export function readKernelSpec(): KernelSpec | null {
  try {
    return JSON.parse(Deno.readTextFileSync(join(kernelSpecDir(), "kernel.json")));
  } catch {
    return null;
  }
}

/** True when `PATH` holds an executable named `name`. */
export function onPath(name: string): string | null {
  const sep = Deno.build.os === "windows" ? ";" : ":";
  const exts = Deno.build.os === "windows" ? [".exe", ".cmd", ".bat", ""] : [""];
  for (const dir of (Deno.env.get("PATH") ?? "").split(sep)) {
    if (!dir) continue;
    for (const ext of exts) {
      const path = join(dir, name + ext);
      try {
        if (Deno.statSync(path).isFile) return path;
      } catch {
        // not in this dir
      }
    }
  }
  return null;
}

/**
 * A Chromium or Chrome to drive headless: $CHROME_BIN, then the usual command names, then the
 * macOS application bundles. Null when none is installed.
 */
export function findChromium(): string | null {
  const fromEnv = Deno.env.get("CHROME_BIN");
  if (fromEnv) return fromEnv;
  for (const name of ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]) {
    const path = onPath(name);
    if (path) return path;
  }
  const apps = [
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  ];
  for (const path of apps) {
    try {
      if (Deno.statSync(path).isFile) return path;
    } catch {
      // not installed
    }
  }
  return null;
}
