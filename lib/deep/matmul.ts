/**
 * Matrix products on tfjs-backend-wasm's fast path.
 *
 * tfjs-backend-wasm 4.22 runs a 2-D product with neither operand transposed about 6× faster than
 * the same product with `transposeA`/`transposeB` set, and about 10× faster than a 3-D product
 * that broadcasts a 2-D weight (measured on 2048×128 · 128×512: 36 ms against 208 ms and 347 ms).
 * tfjs's own gradient of `matMul` uses the transposed forms, so a layer that calls `tf.matMul` pays
 * the slow path twice in every backward pass. `matMul2d` transposes explicitly (a copy, linear in
 * the operand) and defines its gradient with the same plain products:
 * ∂L/∂A = ∂L/∂Y · Bᵀ and ∂L/∂B = Aᵀ · ∂L/∂Y.
 *
 * @module
 */
import { tf } from "./backend.ts";

// customGrad's callback type is variadic (tensors, then `save`), hence the casts
const plainProduct = tf.customGrad((a, b, save) => {
  (save as tf.GradSaveFunc)([a as tf.Tensor, b as tf.Tensor]);
  return {
    value: tf.matMul(a as tf.Tensor2D, b as tf.Tensor2D),
    gradFunc: (dy, saved) => {
      const [x, w] = saved as tf.Tensor2D[];
      return [
        tf.matMul(dy as tf.Tensor2D, w.transpose()),
        tf.matMul(x.transpose(), dy as tf.Tensor2D),
      ];
    },
  };
}) as (a: tf.Tensor2D, b: tf.Tensor2D) => tf.Tensor2D;

/**
 * op(a) · op(b) for 2-D tensors, where op transposes when asked: the same values as
 * `tf.matMul(a, b, transposeA, transposeB)`, forward and backward, several times faster on wasm.
 *
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { matMul2d, tf } from "../mod.ts";
 *
 * const a = tf.tensor2d([[1, 2], [3, 4]]);
 * const w = tf.tensor2d([[1, 0], [1, 1], [0, 2]]); // (out 3, in 2), as a Linear weight
 * assertEquals(matMul2d(a, w, false, true).arraySync(), [[1, 3, 4], [3, 7, 8]]);
 * ```
 */
export function matMul2d(
  a: tf.Tensor2D,
  b: tf.Tensor2D,
  transposeA = false,
  transposeB = false,
): tf.Tensor2D {
  return tf.tidy(() =>
    plainProduct(transposeA ? a.transpose() : a, transposeB ? b.transpose() : b)
  );
}

/** aᵀ of a 2-D tensor: a free reshape when a side is 1. */
export function transpose2d(a: tf.Tensor2D): tf.Tensor2D {
  const [r, c] = a.shape;
  return r === 1 || c === 1 ? a.reshape([c, r]) : a.transpose();
}

/**
 * Σ over the rows of g (n, k) as the product 1ₙᵀ g: on wasm `tf.sum(g, 0)` transposes g first
 * (Sum reduces the last axis), which for n = 2048 rows costs 30× the product.
 */
export function sumRows(g: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => tf.matMul(tf.ones([1, g.shape[0]]), g).reshape([g.shape[1]]));
}

/**
 * The operands of a product over n rows, each given one zero row when n is a large power of two:
 * the sum is unchanged, and the transpose of an (n + 1)-row matrix is about 3× faster than of an
 * n-row one on wasm (a 2^k stride between the written elements maps them all to the same cache
 * sets: 2048 × 512 took 20 ms, 2049 × 512 7 ms with the pad).
 */
function padRows(a: tf.Tensor2D, b: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] {
  const n = a.shape[0];
  if (n < 512 || (n & (n - 1)) !== 0) return [a, b];
  return [a.pad([[0, 1], [0, 0]]), b.pad([[0, 1], [0, 0]])];
}

// y = x Wᵀ + b with every product of the backward pass plain: ∂x = ∂y · W needs W as stored,
// ∂W = ∂yᵀ · x transposes the narrower of ∂y and x, ∂b = 1ᵀ ∂y is a product, not a Sum
function affineGrad(x: tf.Tensor2D, w: tf.Tensor2D, dy: tf.Tensor2D): tf.Tensor[] {
  const [out, inF] = w.shape;
  const [xp, dyp] = padRows(x, dy);
  const dw = out <= inF
    ? tf.matMul(transpose2d(dyp), xp)
    : transpose2d(tf.matMul(transpose2d(xp), dyp) as tf.Tensor2D);
  return [tf.matMul(dy, w), dw];
}

const affineNoBias = tf.customGrad((x, w, save) => {
  (save as tf.GradSaveFunc)([x as tf.Tensor, w as tf.Tensor]);
  return {
    value: tf.matMul(x as tf.Tensor2D, transpose2d(w as tf.Tensor2D)),
    gradFunc: (dy, saved) => {
      const [xs, ws] = saved as tf.Tensor2D[];
      return affineGrad(xs, ws, dy as tf.Tensor2D);
    },
  };
}) as (x: tf.Tensor2D, w: tf.Tensor2D) => tf.Tensor2D;

const affineBias = tf.customGrad((x, w, b, save) => {
  (save as tf.GradSaveFunc)([x as tf.Tensor, w as tf.Tensor]);
  return {
    value: tf.matMul(x as tf.Tensor2D, transpose2d(w as tf.Tensor2D)).add(b as tf.Tensor),
    gradFunc: (dy, saved) => {
      const [xs, ws] = saved as tf.Tensor2D[];
      const g = dy as tf.Tensor2D;
      return [...affineGrad(xs, ws, g), sumRows(g)];
    },
  };
}) as (x: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor1D) => tf.Tensor2D;

/**
 * The affine map of a `Linear` layer, y = x Wᵀ + b for x (n, in), W (out, in), b (out) or null:
 * the values and gradients of `matMul2d(x, W, false, true).add(b)` with fewer copies — the
 * backward needs W as stored, one transpose of the narrower side, and the bias gradient as a
 * product (see `sumRows`).
 *
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { affine, tf } from "../mod.ts";
 *
 * const x = tf.tensor2d([[1, 2], [3, 4]]), w = tf.tensor2d([[1, 0], [1, 1], [0, 2]]);
 * assertEquals(affine(x, w, tf.tensor1d([0, 0, 1])).arraySync(), [[1, 3, 5], [3, 7, 9]]);
 * ```
 */
export function affine(x: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor1D | null): tf.Tensor2D {
  return tf.tidy(() => b ? affineBias(x, w, b) : affineNoBias(x, w));
}
