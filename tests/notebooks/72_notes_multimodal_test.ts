/** The numbers notebooks/72_notes_multimodal.ipynb shows: the notes' tree, 5632, the parameter split. */
import { assertEquals } from "@std/assert";
import {
  buildNotesNetwork,
  CAPTION_CLASSES,
  countParameters,
  ErnieMResNetClassifier,
  manualSeed,
  SMALL_NOTES_NETWORK,
  tf,
} from "../../lib/mod.ts";

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

Deno.test("the notebook's small network: 345 395 parameters, a 14×14×4 input to the ResNet, a 2×2 image map", () => {
  manualSeed(0);
  const net = new ErnieMResNetClassifier(SMALL_NOTES_NETWORK).eval();
  assertEquals(countParameters(net), 345395);
  assertEquals(net.classifier1.inFeatures, 2 * 64 + 2 * 64);
  const out = net.forward(tf.zeros([2, 10], "int32"), tf.zeros([2, 1, 28, 28]));
  assertEquals(out.imageAttention.shape, [2, 4]);
  assertEquals(out.textAttention.shape, [2, 10]);
  tf.dispose([out.logits, out.textAttention, out.imageAttention]);
});
