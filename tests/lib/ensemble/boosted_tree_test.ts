import { assertEquals, assertThrows } from "@std/assert";
import {
  type BoostedTree,
  leafIndex,
  predictTree,
  validateTree,
} from "../../../lib/ensemble/mod.ts";
import { ValueError } from "../../../lib/core/mod.ts";

/** x0 < 1 ? (x1 < 0 ? 3 : 4) : 2, NaN on x0 goes right, NaN on x1 goes left. */
function depth2(): BoostedTree {
  return {
    left: Int32Array.of(1, 3, -1, -1, -1),
    right: Int32Array.of(2, 4, -1, -1, -1),
    feature: Int32Array.of(0, 1, -1, -1, -1),
    threshold: Float64Array.of(1, 0, 0, 0, 0),
    defaultLeft: Uint8Array.of(0, 1, 0, 0, 0),
    value: Float64Array.of(0, 0, 20, 30, 40),
    gain: Float64Array.of(5, 2, 0, 0, 0),
    cover: Float64Array.of(10, 6, 4, 3, 3),
  };
}

Deno.test("leafIndex: x < threshold goes left, equal goes right, NaN follows defaultLeft", () => {
  const t = depth2();
  assertEquals(leafIndex(t, [0.5, -1]), 3);
  assertEquals(leafIndex(t, [0.5, 0]), 4); // 0 < 0 is false
  assertEquals(leafIndex(t, [1, -1]), 2);
  assertEquals(leafIndex(t, [NaN, -1]), 2);
  assertEquals(leafIndex(t, [0, NaN]), 3);
  assertEquals(predictTree(t, [0, 5]), 40);
});

Deno.test("leafIndex: missingZero sends |x| <= 1e-35 and NaN the default way", () => {
  const t = {
    ...depth2(),
    missingZero: Uint8Array.of(0, 1, 0, 0, 0),
    defaultLeft: Uint8Array.of(0, 0, 0, 0, 0),
  };
  assertEquals(leafIndex(t, [0, -0]), 4); // zero is missing -> right (default), though -0 < 0 is false anyway
  assertEquals(leafIndex(t, [0, -1e-36]), 4); // treated as zero -> default right
  assertEquals(leafIndex(t, [0, -1e-30]), 3);
  assertEquals(leafIndex(t, [0, NaN]), 4);
});

Deno.test("validateTree rejects broken trees", () => {
  validateTree(depth2(), 2, "tree 0");
  assertThrows(() => validateTree(depth2(), 1, "tree 0"), ValueError, "feature 1");
  const cyc = depth2();
  cyc.left[1] = 1;
  assertThrows(() => validateTree(cyc, 2, "tree 0"), ValueError);
  const short = { ...depth2(), value: Float64Array.of(1) };
  assertThrows(() => validateTree(short, 2, "tree 7"), ValueError, "tree 7");
});
