/**
 * Data augmentation for image batches in NCHW layout: random crop (zero-pad, then cut a window of
 * the original size at a random offset) and random horizontal flip, as torchvision's
 * `RandomCrop(size, padding)` and `RandomHorizontalFlip()`. Seeded: the same generator state gives
 * the same batch. Runs on typed arrays, before the batch becomes a tensor.
 *
 * @module
 */
import { Random, ShapeError, ValueError } from "../core/mod.ts";

/** Options of `augmentBatch`. */
export interface AugmentOptions {
  /** Zeros added on each side before cropping back to H × W; 0 turns cropping off. @default 2 */
  padding?: number;
  /** Mirror left-right with probability 1/2. @default true */
  flip?: boolean;
}

/** The random choices made for one image: the crop's offset into the padded image, and the flip. */
export interface AugmentDraw {
  /** Row offset 0 … 2·padding (padding means no shift). */
  dy: number;
  /** Column offset 0 … 2·padding. */
  dx: number;
  /** Mirrored left-right. */
  flip: boolean;
}

/**
 * Crops and flips each of the n images of `pixels` (n × C × H × W, row-major NCHW) into a new
 * array: out[c, i, j] = x[c, i + dy − p, j' + dx − p] (zero outside the image), where j' = W − 1 − j
 * when flipped and j otherwise. Per image, draws dy, dx uniform in 0 … 2p, then the flip, from
 * `rng`; `draws` (when given) receives them.
 *
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { augmentBatch, Random } from "../mod.ts";
 *
 * const img = new Float32Array([1, 2, 3, 4]); // one 1 × 2 × 2 image
 * const out = augmentBatch(img, [1, 2, 2], new Random(0), { padding: 0, flip: true });
 * assertEquals(out.length, 4); // [1, 2, 3, 4] or, flipped, [2, 1, 4, 3]
 * ```
 */
export function augmentBatch(
  pixels: Float32Array,
  shape: readonly [number, number, number],
  rng: Random,
  { padding = 2, flip = true }: AugmentOptions = {},
  draws?: AugmentDraw[],
): Float32Array {
  const [C, H, W] = shape;
  if (!shape.every((d) => Number.isInteger(d) && d >= 1)) {
    throw new ValueError(`shape must be [C, H, W] of positive integers. Got [${shape}] instead.`);
  }
  if (!(Number.isInteger(padding) && padding >= 0)) {
    throw new ValueError(`padding must be an integer >= 0. Got ${padding} instead.`);
  }
  const size = C * H * W;
  if (pixels.length % size !== 0) {
    throw new ShapeError(
      `pixels has ${pixels.length} values, not a multiple of C·H·W = ${size} (shape [${shape}]).`,
    );
  }
  const n = pixels.length / size, out = new Float32Array(pixels.length);
  for (let k = 0; k < n; k++) {
    const dy = padding ? rng.int(2 * padding + 1) : padding;
    const dx = padding ? rng.int(2 * padding + 1) : padding;
    const f = flip && rng.uniform() < 0.5;
    draws?.push({ dy, dx, flip: f });
    const sy = dy - padding, sx = dx - padding; // source = target + shift
    for (let c = 0; c < C; c++) {
      const base = k * size + c * H * W;
      for (let i = 0; i < H; i++) {
        const si = i + sy;
        if (si < 0 || si >= H) continue; // a padded row: zeros
        const src = base + si * W, dst = base + i * W;
        for (let j = 0; j < W; j++) {
          const sj = (f ? W - 1 - j : j) + sx;
          if (sj >= 0 && sj < W) out[dst + j] = pixels[src + sj];
        }
      }
    }
  }
  return out;
}
