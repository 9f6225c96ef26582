/**
 * The dense products of the CTR models on tfjs-backend-wasm's fast path, with fewer transposes
 * than `Linear`: y = x Wᵀ (+ b) for a `Linear` weight W [out, in], whose gradients
 * ∂L/∂x = ∂L/∂y · W and ∂L/∂W = (∂L/∂y)ᵀ · x need W as it is and one transpose of ∂L/∂y.
 * Plain 2-D products only (the transposed and 3-D forms are 6-10× slower on this backend, see
 * lib/deep/matmul.ts); a transpose with a side of 1 is a reshape.
 *
 * @module
 */
import { type Linear, tf } from "../deep/mod.ts";

/** aᵀ for a 2-D tensor; a free reshape when one side is 1. */
export function transpose2d(a: tf.Tensor2D): tf.Tensor2D {
  const [r, c] = a.shape;
  return r === 1 || c === 1 ? a.reshape([c, r]) : a.transpose();
}

// customGrad's callback type is variadic (tensors, then `save`), hence the casts
const product = tf.customGrad((x, w, save) => {
  (save as tf.GradSaveFunc)([x as tf.Tensor, w as tf.Tensor]);
  return {
    value: tf.matMul(x as tf.Tensor2D, transpose2d(w as tf.Tensor2D)),
    gradFunc: (dy, saved) => {
      const [xs, ws] = saved as tf.Tensor2D[];
      const g = dy as tf.Tensor2D;
      return [tf.matMul(g, ws), tf.matMul(transpose2d(g), xs)];
    },
  };
}) as (x: tf.Tensor2D, w: tf.Tensor2D) => tf.Tensor2D;

// with the bias: ∂L/∂b = row sums of (∂L/∂y)ᵀ, the transpose ∂L/∂W needs anyway (a sum over
// the batch axis of ∂L/∂y would transpose it a second time inside tfjs)
const affine = tf.customGrad((x, w, b, save) => {
  (save as tf.GradSaveFunc)([x as tf.Tensor, w as tf.Tensor]);
  return {
    value: tf.matMul(x as tf.Tensor2D, transpose2d(w as tf.Tensor2D)).add(b as tf.Tensor),
    gradFunc: (dy, saved) => {
      const [xs, ws] = saved as tf.Tensor2D[];
      const g = dy as tf.Tensor2D, gt = transpose2d(g);
      return [tf.matMul(g, ws), tf.matMul(gt, xs), gt.sum(1)];
    },
  };
}) as (x: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor1D) => tf.Tensor2D;

/**
 * x Wᵀ for x [B, in] and W [out, in]: the same values and gradients as `matMul2d(x, W, false,
 * true)`, with 2 transposes of the small side instead of 4.
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
  return product(x, w);
}

/** A `Linear` layer's map on x [B, in] (same parameters), by `linearProduct` plus the bias. */
export function applyLinear(layer: Linear, x: tf.Tensor): tf.Tensor2D {
  const w = layer.weight.value as tf.Tensor2D;
  return layer.bias
    ? affine(x as tf.Tensor2D, w, layer.bias.value as tf.Tensor1D)
    : product(x as tf.Tensor2D, w);
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
 * x + b for x [B, d] and b [d], with ∂L/∂b = 1ᵀ ∂L/∂y as a product: tfjs sums over the batch
 * axis by transposing first on wasm.
 */
export function addBias(x: tf.Tensor2D, b: tf.Tensor1D): tf.Tensor2D {
  const f = tf.customGrad((a, c) => ({
    value: (a as tf.Tensor2D).add(c as tf.Tensor1D),
    gradFunc: (dy) => {
      const g = dy as tf.Tensor2D;
      return [g, tf.matMul(tf.ones([1, g.shape[0]]), g).reshape([g.shape[1]])];
    },
  })) as (a: tf.Tensor2D, c: tf.Tensor1D) => tf.Tensor2D;
  return f(x, b);
}
