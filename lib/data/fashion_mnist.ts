/**
 * Fashion-MNIST (Xiao, Rasul & Vollgraf, 2017; MIT licence): 28×28 grey images of 10 kinds of
 * clothing, 60000 for training and 10000 for testing, in IDX files. They are too big to commit
 * and cannot be fetched by the tests, so users download the four files themselves from
 * https://github.com/zalandoresearch/fashion-mnist (section "Get the Data"):
 *
 * - `train-images-idx3-ubyte.gz`, `train-labels-idx1-ubyte.gz`
 * - `t10k-images-idx3-ubyte.gz`, `t10k-labels-idx1-ubyte.gz`
 *
 * and put them (gzipped or not) in `~/.cache/mlnotes/fashion-mnist/` or a directory of their
 * choice. On Debian, `apt install dataset-fashion-mnist` installs them in
 * `/usr/share/datasets/fashion-mnist/`, which the loader tries first.
 *
 * @module
 */
import { checkOptions, optionNames } from "../core/options.ts";
import { ShapeError, ValueError } from "../core/errors.ts";
import { fileExists, joinPath, showPath, userCacheDir } from "./cache.ts";
import { type IdxArray, readIdxFile } from "./idx.ts";
import { checkInteger, checkOneOf } from "../core/options.ts";
import { FASHION_MNIST_CLASSES } from "../core/fashion_mnist_classes.ts";

const FASHION_MNIST_OPTION_NAMES = optionNames<FashionMnistOptions>({ split: true, limit: true });

export { FASHION_MNIST_CLASSES };

/** Where Debian's `dataset-fashion-mnist` package installs the files; searched first. */
export const FASHION_MNIST_SYSTEM_DIR = "/usr/share/datasets/fashion-mnist";

/**
 * The directory `loadFashionMnist` reads by default: Debian's if it holds the training files,
 * else `~/.cache/mlnotes/fashion-mnist/`.
 * @example
 * ```ts
 * import { defaultFashionMnistDir, FASHION_MNIST_SYSTEM_DIR } from "../mod.ts";
 * import { assert } from "@std/assert";
 *
 * const dir = defaultFashionMnistDir();
 * assert(dir === FASHION_MNIST_SYSTEM_DIR || dir.endsWith("fashion-mnist"));
 * ```
 */
export function defaultFashionMnistDir(): string {
  const files = FASHION_MNIST_FILES.train;
  const has = (name: string) =>
    fileExists(joinPath(FASHION_MNIST_SYSTEM_DIR, name)) ||
    fileExists(joinPath(FASHION_MNIST_SYSTEM_DIR, `${name}.gz`));
  return has(files.images) && has(files.labels)
    ? FASHION_MNIST_SYSTEM_DIR
    : userCacheDir("fashion-mnist");
}

/** The four file names of the Fashion-MNIST release. */
export const FASHION_MNIST_FILES = {
  train: { images: "train-images-idx3-ubyte", labels: "train-labels-idx1-ubyte" },
  test: { images: "t10k-images-idx3-ubyte", labels: "t10k-labels-idx1-ubyte" },
} as const;

/** Options of {@link loadFashionMnist}. */
export interface FashionMnistOptions {
  /** Which split: 60000 training or 10000 test images. @default "train" */
  split?: "train" | "test";
  /** Keep only the first `limit` images (for quick experiments). @default all */
  limit?: number;
}

/** Images and labels of one split. */
export interface FashionMnist {
  /** Pixels 0..255, shape (nSamples, height · width) flattened row-major. */
  images: Uint8Array;
  /** Class labels 0..9, length nSamples. */
  labels: Uint8Array;
  /** Number of images (after `limit`). */
  nSamples: number;
  /** Image height in pixels (28). */
  height: number;
  /** Image width in pixels (28). */
  width: number;
  /** Names of the labels 0..9. */
  classNames: string[];
}

async function readOne(dir: string | URL, name: string): Promise<IdxArray> {
  for (const candidate of [`${name}.gz`, name]) {
    const path = joinPath(dir, candidate);
    if (fileExists(path)) return await readIdxFile(path);
  }
  const all = [
    ...Object.values(FASHION_MNIST_FILES.train),
    ...Object.values(FASHION_MNIST_FILES.test),
  ]
    .map((f) => `${f}.gz`).join(", ");
  throw new ValueError(
    `${name}(.gz) is not in ${showPath(dir)}. Download the Fashion-MNIST files (${all}) from ` +
      `https://github.com/zalandoresearch/fashion-mnist and put them in that directory.`,
  );
}

/**
 * Loads one split of Fashion-MNIST from `dir`, checking the files are the label and image IDX
 * files and agree in length.
 *
 * @param dir directory holding the IDX files (`.gz` or decompressed); default
 *   `defaultFashionMnistDir()` (Debian's `/usr/share/datasets/fashion-mnist/` first)
 * @example
 * ```ts
 * import { FASHION_MNIST_FILES, loadFashionMnist } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * // `await loadFashionMnist(undefined, { split: "test" })` reads the 10000 test images from
 * // ~/.cache/mlnotes/fashion-mnist/; here a folder holds two blank IDX images of our own
 * const dir = await Deno.makeTempDir();
 * const idx = (magic: number, dims: number[], values: number[]) => {
 *   const head = new DataView(new ArrayBuffer(4 + 4 * dims.length));
 *   head.setUint32(0, magic);
 *   dims.forEach((d, i) => head.setUint32(4 + 4 * i, d));
 *   return new Uint8Array([...new Uint8Array(head.buffer), ...values]);
 * };
 * const { images: imageFile, labels: labelFile } = FASHION_MNIST_FILES.test;
 * await Deno.writeFile(`${dir}/${imageFile}`, idx(0x803, [2, 28, 28], new Array(2 * 784).fill(0)));
 * await Deno.writeFile(`${dir}/${labelFile}`, idx(0x801, [2], [9, 0]));
 * const { images, labels, nSamples, classNames } = await loadFashionMnist(dir, { split: "test" });
 * assertEquals([nSamples, images.length], [2, 2 * 784]); // with tfjs: tf.tensor2d(images, [n, 784])
 * assertEquals(classNames[labels[0]], "ankle boot");
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export async function loadFashionMnist(
  dir: string | URL = defaultFashionMnistDir(),
  options: FashionMnistOptions = {},
): Promise<FashionMnist> {
  checkOptions(options, FASHION_MNIST_OPTION_NAMES, "loadFashionMnist");
  const { split = "train", limit } = options;
  checkOneOf("split", split, ["train", "test"] as const);
  if (limit !== undefined) checkInteger("limit", limit, 1);
  const names = FASHION_MNIST_FILES[split];
  const labels = await readOne(dir, names.labels);
  const images = await readOne(dir, names.images);
  if (labels.type !== "ubyte" || labels.dims.length !== 1) {
    throw new ValueError(
      `${names.labels} must be 1-D ubyte labels (magic 0x00000801). Got ${labels.dims.length}-D ` +
        `${labels.type}.`,
    );
  }
  if (images.type !== "ubyte" || images.dims.length !== 3) {
    throw new ValueError(
      `${names.images} must be 3-D ubyte images (magic 0x00000803). Got ${images.dims.length}-D ` +
        `${images.type}.`,
    );
  }
  const [count, height, width] = images.dims;
  if (labels.dims[0] !== count) {
    throw new ShapeError(
      `${names.labels} has ${labels.dims[0]} labels, but ${names.images} has ${count} images.`,
    );
  }
  const bad = (labels.data as Uint8Array).findIndex((v) => v >= FASHION_MNIST_CLASSES.length);
  if (bad >= 0) {
    throw new ValueError(`${names.labels}: label ${labels.data[bad]} at index ${bad} is not 0..9.`);
  }
  const n = Math.min(count, limit ?? count);
  return {
    images: (images.data as Uint8Array).slice(0, n * height * width),
    labels: (labels.data as Uint8Array).slice(0, n),
    nSamples: n,
    height,
    width,
    classNames: [...FASHION_MNIST_CLASSES],
  };
}
