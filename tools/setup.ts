/**
 * `deno task setup`: makes the machine ready to run, test and read the notebooks.
 *
 * - checks Deno >= 2.9 (the one running this task and the one in node_modules);
 * - on Debian/Ubuntu as root, apt-installs what is missing: Jupyter's executor and exporter,
 *   the classic Notebook, and Chromium with CJK fonts for the browser test; elsewhere it stops
 *   with one line saying what to install;
 * - registers the Deno Jupyter kernel ("deno") with the project's Deno binary and NO_COLOR=1,
 *   again whenever that path changed.
 *
 * Idempotent, and quick when nothing is to do: no Python import, no network, no apt.
 *
 * @module
 */

import { join } from "node:path";
import {
  denoVersionOk,
  expectedKernelSpec,
  findChromium,
  findJupyterPython,
  kernelSpecDir,
  minDenoVersion,
  onPath,
  projectDenoBinary,
  projectDenoVersion,
  readKernelSpec,
  tryRun,
} from "./toolchain.ts";
import { isDeepStrictEqual } from "node:util";

const want = minDenoVersion.join(".");

/** Stops setup with one clear line on stderr. */
function fail(message: string): never {
  console.error(`setup: ${message}`);
  Deno.exit(1);
}

function checkDeno(): string {
  if (!denoVersionOk(Deno.version.deno)) {
    fail(
      `Deno ${Deno.version.deno} runs this task, mlnotes needs Deno >= ${want}: ` +
        "run `npm ci`, then `npx deno task ...`.",
    );
  }
  const binary = projectDenoBinary();
  const version = projectDenoVersion();
  if (!binary || !version) fail("node_modules has no Deno: run `npm ci` first.");
  if (!denoVersionOk(version)) {
    fail(`node_modules has Deno ${version}, mlnotes needs >= ${want}: run \`npm ci\`.`);
  }
  return binary;
}

const cjkFont = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
const fashionMnistDir = "/usr/share/datasets/fashion-mnist";

/** Debian packages whose job is not yet done here: needed to run notebooks, and the rest. */
async function missingDebianPackages(): Promise<{ needed: string[]; extras: string[] }> {
  const needed = (await findJupyterPython()) ? [] : ["jupyter-nbconvert", "python3-nbclient"];
  const extras: string[] = [];
  if (!onPath("jupyter-notebook") && !onPath("jupyter-lab")) extras.push("jupyter-notebook");
  if (!findChromium()) extras.push("chromium"); // the browser test
  if (!exists(cjkFont)) extras.push("fonts-noto-cjk"); // Chinese in the browser
  // Fashion-MNIST for the boosting and vision chapters (data cannot be downloaded at run time).
  if (!exists(fashionMnistDir)) extras.push("dataset-fashion-mnist");
  // the C compiler of lib/deep's WebAssembly kernels, for the test that rebuilds them
  if (!onPath("clang") || !onPath("wasm-ld")) extras.push("clang", "lld");
  return { needed, extras };
}

function exists(path: string): boolean {
  try {
    Deno.statSync(path);
    return true;
  } catch {
    return false;
  }
}

function isDebian(): boolean {
  return Deno.build.os === "linux" && exists("/etc/debian_version") && onPath("apt-get") !== null;
}

async function aptInstall(packages: string[]): Promise<void> {
  const env = { DEBIAN_FRONTEND: "noninteractive" };
  // Wait for another apt (unattended upgrades, a parallel install) instead of failing.
  const lock = ["-o", "DPkg::Lock::Timeout=600"];
  for (const args of [[...lock, "update"], [...lock, "install", "-y", ...packages]]) {
    console.log(`setup: apt-get ${args.slice(2).join(" ")}`);
    const { code } = await new Deno.Command("apt-get", { args, env }).spawn().status;
    if (code !== 0) fail(`\`apt-get ${args.slice(2).join(" ")}\` failed (exit ${code}).`);
  }
}

/** Installs Jupyter (and the browser-test tools) when missing; returns the Python to use. */
async function ensureJupyter(): Promise<string> {
  if (isDebian()) {
    const { needed, extras } = await missingDebianPackages();
    const all = [...needed, ...extras];
    if (all.length > 0 && Deno.uid() === 0) {
      await aptInstall(all);
    } else if (needed.length > 0) {
      fail(`Jupyter is missing: run \`sudo apt-get install -y ${all.join(" ")}\`.`);
    } else if (extras.length > 0) {
      console.log(
        `setup: note: for the lab and browser test, \`sudo apt-get install -y ${
          extras.join(" ")
        }\``,
      );
    }
  }
  const python = await findJupyterPython();
  if (!python) fail("Jupyter not found: run `pip install jupyterlab`, then this task again.");
  return python;
}

/**
 * Writes the kernelspec. `deno jupyter --install` only knows the default data dir and writes
 * no env, so we let it install into a scratch dir for its logos and write kernel.json ourselves.
 */
async function registerKernel(denoBinary: string): Promise<void> {
  const target = kernelSpecDir();
  await Deno.mkdir(target, { recursive: true });
  const scratch = await Deno.makeTempDir({ prefix: "mlnotes-kernelspec-" });
  try {
    const out = await new Deno.Command(denoBinary, {
      args: ["jupyter", "--install", "--force"],
      env: { HOME: scratch, XDG_DATA_HOME: scratch, APPDATA: scratch, NO_COLOR: "1" },
      stdout: "piped",
      stderr: "piped",
    }).output();
    const text = new TextDecoder().decode(out.stdout) + new TextDecoder().decode(out.stderr);
    const installedAt = text.match(/installed successfully at (.+?)\.?\s*$/m)?.[1];
    if (installedAt) {
      for await (const entry of Deno.readDir(installedAt)) {
        if (entry.isFile && entry.name.startsWith("logo")) {
          await Deno.copyFile(join(installedAt, entry.name), join(target, entry.name));
        }
      }
    }
  } finally {
    await Deno.remove(scratch, { recursive: true });
  }
  const spec = expectedKernelSpec(denoBinary);
  await Deno.writeTextFile(join(target, "kernel.json"), JSON.stringify(spec, null, 2) + "\n");
  console.log(`setup: registered Jupyter kernel "deno" -> ${denoBinary}`);
}

async function main(): Promise<void> {
  const denoBinary = checkDeno();
  const python = await ensureJupyter();
  if (!isDeepStrictEqual(readKernelSpec(), expectedKernelSpec(denoBinary))) {
    await registerKernel(denoBinary);
  }
  const browser = findChromium() ?? "none (the browser test needs Chromium)";
  const check = await tryRun(denoBinary, ["--version"]);
  if (check?.code !== 0) fail(`${denoBinary} does not run: reinstall with \`npm ci\`.`);
  console.log(
    `setup: ok (Deno ${projectDenoVersion()}, Jupyter via ${python}, browser ${browser})`,
  );
}

if (import.meta.main) await main();
