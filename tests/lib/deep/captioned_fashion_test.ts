import { assertEquals, assertThrows } from "@std/assert";
import {
  CAPTION_CLASSES,
  captionVocab,
  ErnieMResNetClassifier,
  evaluateNotesNetwork,
  FASHION_CATEGORY,
  FASHION_MNIST_CLASSES,
  fitNotesNetwork,
  makeCaptionedFashion,
  manualSeed,
} from "../../../lib/mod.ts";

const labels = new Uint8Array(Array.from({ length: 60 }, (_, i) => i % 10));
const images = new Uint8Array(60 * 784).map((_, i) => (i * 7) % 256);

Deno.test("captions: match names the item, mismatch another item, category only the category", () => {
  const d = makeCaptionedFashion(images, labels, { seed: 3 });
  const vocab = captionVocab();
  assertEquals(vocab.slice(0, 3), ["[CLS]", "[PAD]", "[UNK]"]);
  assertEquals(CAPTION_CLASSES, ["match", "mismatch", "category"]);
  const counts = [0, 0, 0];
  for (let i = 0; i < d.n; i++) {
    const c = d.captions[i], item = FASHION_MNIST_CLASSES[d.itemLabels[i]];
    counts[d.targets[i]]++;
    if (d.targets[i] === 0) assertEquals(c.endsWith(` ${item}`), true, c);
    if (d.targets[i] === 1) {
      assertEquals(c.endsWith(` ${item}`), false, c);
      assertEquals(FASHION_MNIST_CLASSES.some((w) => c.endsWith(` ${w}`)), true, c);
    }
    if (d.targets[i] === 2) assertEquals(c.endsWith(FASHION_CATEGORY[d.itemLabels[i]]), true, c);
    // ids decode back to the caption
    const words = [...d.ids.subarray(i * d.maxLen + 1, (i + 1) * d.maxLen)].filter((t) => t !== 1)
      .map((t) => vocab[t]);
    assertEquals(words.join(" "), c);
  }
  assertEquals(counts.every((k) => k > 10), true);
  assertEquals(d.pixels[1], Math.fround(7 / 255));
  assertThrows(() => makeCaptionedFashion(images, labels, { n: 61 }), Error, "at most");
  assertThrows(
    () => makeCaptionedFashion(images, new Uint8Array(60).fill(12)),
    Error,
    "expected 0..9",
  );
});

Deno.test("the small network fits a handful of pairs (loss falls) and evaluates", () => {
  manualSeed(0);
  const net = new ErnieMResNetClassifier({
    text: {
      vocabSize: 2000,
      hidden: 16,
      numLayers: 1,
      numHeads: 2,
      ffn: 32,
      maxPositions: 34,
      dropout: 0,
    },
    image: { layers: [1, 1, 1, 1], width: 2, inChannels: 1 },
    textHeads: 2,
    imageHeads: 2,
    hidden: 16,
  });
  const d = makeCaptionedFashion(images, labels, { n: 24, seed: 1 });
  const losses = fitNotesNetwork(net, d, { epochs: 4, batchSize: 24, learningRate: 1e-2 });
  assertEquals(losses[3] < losses[0], true, `${losses}`);
  const ev = evaluateNotesNetwork(net, d);
  assertEquals(ev.confusion.flat().reduce((a, b) => a + b, 0), 24);
});
