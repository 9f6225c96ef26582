import { assertEquals, assertThrows } from "@std/assert";
import { boostedTreeToReadable, Booster } from "../../../lib/ensemble/mod.ts";
import { treeFigure } from "../../../lib/plot/mod.ts";
import { ValueError } from "../../../lib/core/mod.ts";

const text = Deno.readTextFileSync(new URL("../../fixtures/lightgbm/binary.txt", import.meta.url));

Deno.test("boostedTreeToReadable: LightGBM's tree 0 with its names, gains, covers and NaN branch", () => {
  const booster = Booster.fromLightGBMText(text);
  const root = boostedTreeToReadable(booster, 0);
  // Tree=0: split_feature=0 threshold=-0.0573888... decision_type=8 (NaN goes right).
  assertEquals(root.test?.feature, "Column_0");
  assertEquals(root.children!.map((c) => c.condition), [
    "Column_0 < -0.057389",
    "Column_0 >= -0.057389 (NaN)",
  ]);
  assertEquals(root.impurity, 215.845);
  assertEquals(root.samples, 149.99);
  const leaves: number[] = [];
  const walk = (n: typeof root) =>
    n.children ? n.children.forEach((c) => walk(c.node)) : leaves.push(n.value[0]);
  walk(root);
  assertEquals(leaves.length, 7);
  assertEquals(treeFigure(root).data.length, 3);
  assertThrows(() => boostedTreeToReadable(booster, 20), ValueError, "[0, 20)");
  assertThrows(() => boostedTreeToReadable(booster, 0, ["a"]), ValueError, "6 features");
});
