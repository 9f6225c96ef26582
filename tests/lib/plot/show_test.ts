import { assert, assertEquals, assertMatch, assertNotEquals } from "@std/assert";
import {
  configurePlots,
  hasDisplay,
  inJupyter,
  lossCurve,
  scatter,
  show,
} from "../../../lib/plot/mod.ts";

const DISPLAY_VARS = ["DISPLAY", "WAYLAND_DISPLAY", "CI"];

/** Runs `body` with the display-related environment set to `vars`, then restores it. */
async function withEnv<T>(vars: Record<string, string>, body: () => Promise<T> | T): Promise<T> {
  const saved = Object.fromEntries(DISPLAY_VARS.map((k) => [k, Deno.env.get(k)]));
  for (const k of DISPLAY_VARS) Deno.env.delete(k);
  for (const [k, v] of Object.entries(vars)) Deno.env.set(k, v);
  try {
    return await body();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) Deno.env.delete(k);
      else Deno.env.set(k, v);
    }
  }
}

/** Runs `body` with console.log captured. */
async function capture<T>(body: () => Promise<T>): Promise<{ value: T; logged: string[] }> {
  const logged: string[] = [];
  const original = console.log;
  console.log = (...args: unknown[]) => logged.push(args.map(String).join(" "));
  try {
    return { value: await body(), logged };
  } finally {
    console.log = original;
  }
}

Deno.test("not in Jupyter under deno test", () => {
  assertEquals(inJupyter(), false);
});

Deno.test("hasDisplay follows DISPLAY / WAYLAND_DISPLAY, and CI turns it off", async () => {
  if (Deno.build.os !== "linux") return; // macOS and Windows always have a display
  assertEquals(await withEnv({}, hasDisplay), false);
  assertEquals(await withEnv({ DISPLAY: ":0" }, hasDisplay), true);
  assertEquals(await withEnv({ WAYLAND_DISPLAY: "wayland-0" }, hasDisplay), true);
  assertEquals(await withEnv({ DISPLAY: ":0", CI: "true" }, hasDisplay), false);
});

Deno.test("show() without a display writes a standalone HTML file and returns its path", async () => {
  const dir = Deno.makeTempDirSync();
  try {
    const fig = lossCurve([1, 0.5, 0.25], { title: "no display" });
    const { value: path, logged } = await withEnv(
      { CI: "true" },
      () => capture(() => show(fig, { outputDir: dir })),
    );
    assert(path !== undefined, "no path returned");
    assertMatch(path, new RegExp(`^${dir}/figure-[0-9a-f]{8}\\.html$`));
    assertEquals(logged, [`Figure written to ${path}`]);
    const html = Deno.readTextFileSync(path);
    assertEquals(html, fig.toHTML());
    assert(html.includes("newPlot"), "the page does not draw");
    // the name is a hash of the figure: same figure, same file; another figure, another file
    const again = await withEnv({ CI: "true" }, () => capture(() => fig.show({ outputDir: dir })));
    assertEquals(again.value, path);
    const other = await withEnv(
      { CI: "true" },
      () => capture(() => scatter([1, 2], [2, 1]).show({ outputDir: dir })),
    );
    assertNotEquals(other.value, path);
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});

Deno.test("open: 'file' writes a file even with a display; outputDir and fileName from config/options", async () => {
  const dir = Deno.makeTempDirSync();
  const before = configurePlots();
  try {
    configurePlots({ outputDir: dir + "/plots/" });
    const fig = lossCurve([2, 1]);
    const { value } = await withEnv(
      { DISPLAY: ":0" },
      () => capture(() => show(fig, { open: "file", fileName: "loss.html" })),
    );
    assertEquals(value, dir + "/plots/loss.html");
    assertEquals(Deno.readTextFileSync(value!), fig.toHTML());
    configurePlots({ open: "file" });
    const second = await withEnv({ DISPLAY: ":0" }, () => capture(() => show(fig)));
    assertMatch(second.value!, /\/plots\/figure-[0-9a-f]{8}\.html$/);
  } finally {
    configurePlots(before);
    Deno.removeSync(dir, { recursive: true });
  }
});

Deno.test("the default output folder is site/plots in the repository", () => {
  const dir = configurePlots().outputDir;
  if (Deno.env.get("MLNOTES_PLOT_DIR")) return; // overridden on purpose
  assertMatch(dir, /\/site\/plots\/?$/);
});
