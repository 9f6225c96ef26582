/**
 * Convolution written as loops, for notebook 70: the reference that `Conv2d` is checked against,
 * and a small gradient-descent demo that learns a 3×3 edge filter.
 *
 * @module
 */
import { ShapeError } from "../core/mod.ts";
import { tf } from "./backend.ts";
import { Conv2d } from "./conv.ts";
import { manualSeed } from "./init.ts";

/**
 * y[o][h][w] = b[o] + Σ_c Σ_i Σ_j w[o][c][i][j] · x_pad[c][s·h + i][s·w + j] for one image
 * x[c][h][w] (zero padding p), the definition every framework computes.
 *
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { conv2dByHand } from "../mod.ts";
 *
 * const x = [[[1, 2, 3], [4, 5, 6], [7, 8, 9]]];
 * const w = [[[[1, 0], [0, -1]]]];
 * assertEquals(conv2dByHand(x, w), [[[-4, -4], [-4, -4]]]);
 * ```
 */
export function conv2dByHand(
  x: number[][][],
  w: number[][][][],
  { stride = 1, padding = 0, bias }: { stride?: number; padding?: number; bias?: number[] } = {},
): number[][][] {
  const C = x.length, H = x[0].length, W = x[0][0].length;
  if (w[0].length !== C) {
    throw new ShapeError(`the kernel reads ${w[0].length} channels, the image has ${C}.`);
  }
  const kh = w[0][0].length, kw = w[0][0][0].length;
  const oh = Math.floor((H + 2 * padding - kh) / stride) + 1;
  const ow = Math.floor((W + 2 * padding - kw) / stride) + 1;
  const at = (c: number, r: number, q: number) =>
    r < 0 || q < 0 || r >= H || q >= W ? 0 : x[c][r][q];
  return w.map((filter, o) =>
    Array.from({ length: oh }, (_, r) =>
      Array.from({ length: ow }, (_, q) => {
        let s = bias ? bias[o] : 0;
        for (let c = 0; c < C; c++) {
          for (let i = 0; i < kh; i++) {
            for (let j = 0; j < kw; j++) {
              s += filter[c][i][j] * at(c, r * stride - padding + i, q * stride - padding + j);
            }
          }
        }
        return s;
      }))
  );
}

/** The Sobel kernel for horizontal gradients (vertical edges). */
export const SOBEL_X: number[][] = [[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]];

/**
 * Learns a 3×3 kernel from (image, image ⋆ target) pairs by gradient descent on the squared
 * error, with `Conv2d` and tfjs's gradients. Returns the loss per step and the learned kernel.
 */
export function learnKernel(
  images: tf.Tensor,
  target: number[][] = SOBEL_X,
  { steps = 60, learningRate = 0.05, seed = 0 }: {
    steps?: number;
    learningRate?: number;
    seed?: number;
  } = {},
): { losses: number[]; kernel: number[][] } {
  manualSeed(seed);
  const truth = new Conv2d(1, 1, 3, { padding: 1, bias: false });
  truth.weight.assign(tf.tensor4d(target.flat(), [1, 1, 3, 3]));
  const y = truth.forward(images);
  const conv = new Conv2d(1, 1, 3, { padding: 1, bias: false });
  const opt = tf.train.sgd(learningRate);
  const losses: number[] = [];
  for (let s = 0; s < steps; s++) {
    const loss = opt.minimize(
      () => conv.forward(images).sub(y).square().mean() as tf.Scalar,
      true,
      conv.variables(),
    )!;
    losses.push(loss.dataSync()[0]);
    loss.dispose();
  }
  const kernel = conv.weight.value.reshape([3, 3]).arraySync() as number[][];
  tf.dispose(y);
  truth.dispose();
  conv.dispose();
  opt.dispose();
  return { losses, kernel };
}
