/** The numbers notebooks/72_notes_multimodal.ipynb shows: the notes' tree, 5632, the parameter split. */
import { assertEquals } from "@std/assert";
import { buildNotesNetwork, CAPTION_CLASSES, countParameters } from "../../lib/mod.ts";

Deno.test("the notes' network: 542 printed lines, 345 462 083 parameters, 5632 = 2·768 + 2·2048", () => {
  const full = buildNotesNetwork();
  assertEquals(full.toString().split("\n").length, 542);
  assertEquals(countParameters(full), 345462083);
  assertEquals(full.classifier1.inFeatures, 2 * 768 + 2 * 2048);
  const parts = full.parameterBreakdown();
  assertEquals(parts["ernie.word_embeddings"], 192001536);
  assertEquals(parts["ernie.word_embeddings"] / countParameters(full) > 0.55, true);
  assertEquals(parts["resnet"], 42500160);
  assertEquals(CAPTION_CLASSES, ["match", "mismatch", "category"]);
});
