/**
 * A 3-class image-and-caption task made from Fashion-MNIST for the notes' multimodal network:
 * each image gets a caption that names the item shown (class 0 "match"), names a different item
 * (class 1 "mismatch"), or names only the item's broad category (class 2 "category"). The
 * caption alone tells 2 from {0, 1} but not 0 from 1, and the image alone tells nothing, so only
 * both together solve it (text alone ≤ 68.3 %, its Bayes ceiling, a little above 2/3 since bag
 * has no same-category item; image alone ≈ 1/3).
 *
 * @module
 */
import { FASHION_MNIST_CLASSES, Random, ValueError } from "../core/mod.ts";

/** The broad category of each class (tops, full-length clothing, footwear, accessory). */
export const FASHION_CATEGORY: readonly string[] = Object.freeze([
  "upper body clothing",
  "full length clothing",
  "upper body clothing",
  "full length clothing",
  "upper body clothing",
  "footwear",
  "upper body clothing",
  "footwear",
  "accessory",
  "footwear",
]);

/** The task's class names, in order. */
export const CAPTION_CLASSES: readonly string[] = Object.freeze(["match", "mismatch", "category"]);

const TEMPLATES = ["a photo of a", "this is a", "the picture shows a", "here we see a"];
const CATEGORY_TEMPLATES = ["a photo of some", "this is", "the picture shows", "here we see"];

/** Word-level vocabulary of the captions: [CLS] 0, [PAD] 1 (ERNIE-M's pad id), [UNK] 2, then words. */
export function captionVocab(): string[] {
  const words = new Set<string>();
  for (
    const s of [...TEMPLATES, ...CATEGORY_TEMPLATES, ...FASHION_MNIST_CLASSES, ...FASHION_CATEGORY]
  ) {
    for (const w of s.split(" ")) words.add(w);
  }
  return ["[CLS]", "[PAD]", "[UNK]", ...[...words].sort()];
}

/** The pairs: token ids (n × maxLen, row-major), pixels in [0, 1] (n × 784), targets, captions. */
export interface CaptionedFashion {
  /** Token ids, [CLS] first, padded with 1. */
  ids: Int32Array;
  /** Caption length in tokens after padding. */
  maxLen: number;
  /** Pixels scaled to [0, 1], (n, height · width). */
  pixels: Float32Array;
  /** 0 match, 1 mismatch, 2 category. */
  targets: Int32Array;
  /** Fashion-MNIST class of each image. */
  itemLabels: Int32Array;
  /** The class the caption names, or −1 when it names only the category (read off the caption alone). */
  namedItems: Int32Array;
  /** The caption text. */
  captions: string[];
  /** Number of pairs. */
  n: number;
  /** The vocabulary (index = id). */
  vocab: string[];
}

/**
 * Builds `n` captioned pairs from Fashion-MNIST images (pixels 0..255, as `loadFashionMnist`
 * returns), image i taken in order, target drawn uniformly. A mismatching caption names an item
 * of the same category half of the time (when there is one).
 *
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { makeCaptionedFashion } from "../mod.ts";
 *
 * const d = makeCaptionedFashion(new Uint8Array(2 * 784), new Uint8Array([9, 0]), { n: 2, seed: 1 });
 * assertEquals(d.ids.length, 2 * d.maxLen);
 * assertEquals(d.ids[0], 0); // [CLS]
 * ```
 */
export function makeCaptionedFashion(
  images: Uint8Array,
  labels: Uint8Array | Int32Array | number[],
  { n = labels.length, seed = 0, maxLen = 10 }: { n?: number; seed?: number; maxLen?: number } = {},
): CaptionedFashion {
  const pixelsPer = images.length / labels.length;
  if (!Number.isInteger(pixelsPer) || n > labels.length) {
    throw new ValueError(
      `images (${images.length} bytes) must hold one image per label (${labels.length}) and n (${n}) at most that many.`,
    );
  }
  const rng = new Random(seed);
  const vocab = captionVocab();
  const index = new Map(vocab.map((w, i) => [w, i]));
  const ids = new Int32Array(n * maxLen).fill(1);
  const pixels = new Float32Array(n * pixelsPer);
  const targets = new Int32Array(n), itemLabels = new Int32Array(n);
  const namedItems = new Int32Array(n).fill(-1);
  const captions: string[] = [];
  for (let i = 0; i < n; i++) {
    const item = Number(labels[i]);
    if (!(item >= 0 && item < 10)) throw new ValueError(`labels[${i}] = ${item}, expected 0..9.`);
    for (let p = 0; p < pixelsPer; p++) pixels[i * pixelsPer + p] = images[i * pixelsPer + p] / 255;
    const target = rng.int(3);
    let text: string;
    if (target === 2) {
      text = `${CATEGORY_TEMPLATES[rng.int(4)]} ${FASHION_CATEGORY[item]}`;
    } else {
      let named = item;
      if (target === 1) {
        const same = [...Array(10).keys()].filter((c) =>
          c !== item && FASHION_CATEGORY[c] === FASHION_CATEGORY[item]
        );
        const pool = same.length && rng.uniform() < 0.5
          ? same
          : [...Array(10).keys()].filter((c) => c !== item);
        named = pool[rng.int(pool.length)];
      }
      text = `${TEMPLATES[rng.int(4)]} ${FASHION_MNIST_CLASSES[named]}`;
      namedItems[i] = named;
    }
    const words = text.split(" ");
    if (words.length + 1 > maxLen) {
      throw new ValueError(`maxLen ${maxLen} is too short for "${text}".`);
    }
    ids[i * maxLen] = 0;
    words.forEach((w, j) => ids[i * maxLen + 1 + j] = index.get(w) ?? 2);
    targets[i] = target;
    itemLabels[i] = item;
    captions.push(text);
  }
  return { ids, maxLen, pixels, targets, itemLabels, namedItems, captions, n, vocab };
}
