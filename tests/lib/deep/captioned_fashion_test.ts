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
    assertEquals(d.namedItems[i] === -1, d.targets[i] === 2);
    if (d.namedItems[i] >= 0) {
      assertEquals(c.endsWith(` ${FASHION_MNIST_CLASSES[d.namedItems[i]]}`), true, c);
      assertEquals(d.namedItems[i] === d.itemLabels[i], d.targets[i] === 0);
    }
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

Deno.test("the text-only Bayes ceiling is 68.3 %, not 2/3: bag has no same-category item to be mistaken for", () => {
  const n = 30000;
  const many = new Uint8Array(Array.from({ length: n }, (_, i) => i % 10));
  const d = makeCaptionedFashion(new Uint8Array(n), many, { seed: 5 });
  // counts[named item or 10 for a category caption][target]
  const counts = Array.from({ length: 11 }, () => [0, 0, 0]);
  for (let i = 0; i < n; i++) counts[d.namedItems[i] < 0 ? 10 : d.namedItems[i]][d.targets[i]]++;
  const bayes = counts.reduce((s, c) => s + Math.max(...c), 0) / n;
  // P(named c | mismatch) = 0.1056 for the nine items with peers, 0.05 for bag; P(c | match) = 0.1
  const ceiling = 1 / 3 + (2 / 3) * (9 * (0.95 / 9) + 0.1) / 2;
  assertEquals(Math.abs(ceiling - 0.6833) < 1e-4, true, `${ceiling}`);
  assertEquals(Math.abs(bayes - ceiling) < 0.01, true, `empirical ${bayes}, exact ${ceiling}`);
  // the best text-only rule: "bag" → match (≈ 0.1 vs 0.05), any other item → mismatch (0.1056 vs 0.1)
  const bag = counts[FASHION_MNIST_CLASSES.indexOf("bag")];
  assertEquals(bag[0] > 1.6 * bag[1], true, `${bag}`);
  const others = counts.slice(0, 10).filter((_, c) => c !== 8);
  const [m0, m1] = [0, 1].map((t) => others.reduce((s, c) => s + c[t], 0));
  assertEquals(m1 > m0, true, `${m0} ${m1}`);
});
