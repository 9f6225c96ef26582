/** Headless Chromium for the tests that check figures really draw in a browser. */
import { assert } from "@std/assert";
import { pathToFileURL } from "node:url";
import { findChromium } from "../../tools/toolchain.ts";

/**
 * The DOM of the HTML file at `page` after its scripts ran, as `chromium --dump-dom` prints it.
 * Every host name is unresolvable, so a page that needs a CDN fails here as it would offline.
 * @param budgetMs Chromium's virtual time budget for the page's scripts
 */
export async function dumpDom(page: string, budgetMs = 30_000): Promise<string> {
  const chromium = findChromium();
  if (!chromium) {
    throw new Error("no Chromium: run `deno task setup` as root on Debian, or set CHROME_BIN");
  }
  const profile = await Deno.makeTempDir({ prefix: "mlnotes-chromium-" });
  try {
    const out = await new Deno.Command(chromium, {
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-quic",
        "--no-first-run",
        "--disable-component-update",
        "--disable-sync",
        "--host-resolver-rules=MAP * ~NOTFOUND",
        `--user-data-dir=${profile}`,
        `--virtual-time-budget=${budgetMs}`,
        "--dump-dom",
        pathToFileURL(page).href,
      ],
      env: { DBUS_SESSION_BUS_ADDRESS: "disabled:" },
      stdout: "piped",
      stderr: "piped",
      signal: AbortSignal.timeout(300_000),
    }).output();
    assert(
      out.success,
      `chromium exited with ${out.code}:\n${new TextDecoder().decode(out.stderr)}`,
    );
    return new TextDecoder().decode(out.stdout);
  } finally {
    await Deno.remove(profile, { recursive: true });
  }
}
