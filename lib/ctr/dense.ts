/**
 * The dense products of the CTR models on tfjs-backend-wasm's fast path (plain 2-D products
 * only: the transposed and 3-D forms are 6-10× slower on this backend, see lib/deep/matmul.ts).
 * Layers go through lib/deep's `affine`; this file adds what the CTR layers need besides: a
 * product with a constant matrix, and a bias add whose gradient is a product.
 *
 * @module
 */
import { affine, type Linear, sumRows, tf } from "../deep/mod.ts";

/**
 * x Wᵀ for x [B, in] and W [out, in]: lib/deep's `affine` without a bias (the values and
 * gradients of `matMul2d(x, W, false, true)`).
 *
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { linearProduct, tf } from "../mod.ts";
 *
 * const x = tf.tensor2d([[1, 2], [3, 4]]), w = tf.tensor2d([[1, 0], [1, 1], [0, 2]]);
 * assertEquals(linearProduct(x, w).arraySync(), [[1, 3, 4], [3, 7, 8]]);
 * ```
 */
export function linearProduct(x: tf.Tensor2D, w: tf.Tensor2D): tf.Tensor2D {
  return affine(x, w, null);
}

/** A `Linear` layer's map on x [B, in] (same parameters) by `affine`, without its input checks. */
export function applyLinear(layer: Linear, x: tf.Tensor): tf.Tensor2D {
  return affine(
    x as tf.Tensor2D,
    layer.weight.value as tf.Tensor2D,
    layer.bias ? layer.bias.value as tf.Tensor1D : null,
  );
}

/**
 * x · C for a constant matrix C (no gradient for C): ∂L/∂x = ∂L/∂y · Cᵀ with Cᵀ given, so the
 * backward pass is one plain product.
 */
export function constantProduct(x: tf.Tensor2D, c: tf.Tensor2D, cT: tf.Tensor2D): tf.Tensor2D {
  const f = tf.customGrad((a) => ({
    value: tf.matMul(a as tf.Tensor2D, c),
    gradFunc: (dy) => tf.matMul(dy as tf.Tensor2D, cT),
  })) as (a: tf.Tensor2D) => tf.Tensor2D;
  return f(x);
}

/**
 * x + b for x [B, d] and b [d], with ∂L/∂b = 1ᵀ ∂L/∂y as a product (`sumRows`): tfjs sums over
 * the batch axis by transposing first on wasm.
 */
export function addBias(x: tf.Tensor2D, b: tf.Tensor1D): tf.Tensor2D {
  const f = tf.customGrad((a, c) => ({
    value: (a as tf.Tensor2D).add(c as tf.Tensor1D),
    gradFunc: (dy) => [dy as tf.Tensor2D, sumRows(dy as tf.Tensor2D)],
  })) as (a: tf.Tensor2D, c: tf.Tensor1D) => tf.Tensor2D;
  return f(x, b);
}
