/** Randomness in lib comes only from the seeded `Random`: no file calls `Math.random`. */
import { assertEquals } from "@std/assert";
import { walk } from "../../support/walk.ts";

Deno.test("no lib file calls Math.random", async () => {
  const offenders: string[] = [];
  for await (const path of walk(new URL("../../../lib/", import.meta.url))) {
    const code = (await Deno.readTextFile(path))
      .replace(/\/\*[\s\S]*?\*\//g, "") // block and doc comments
      .replace(/\/\/.*$/gm, "");
    if (/Math\.random\s*\(/.test(code)) offenders.push(path);
  }
  assertEquals(offenders, []);
});
