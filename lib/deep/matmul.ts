/**
 * Matrix products on lib/deep's WebAssembly SIMD kernel (kernels/gemm.h), forward and backward.
 *
 * tfjs-backend-wasm 4.22 runs a 2-D product with neither operand transposed on XNNPACK, but the
 * same product with `transposeA`/`transposeB` set, or a 3-D product that broadcasts a 2-D weight,
 * in a scalar loop about 6-10× slower; tfjs's own gradient of `matMul` uses those forms. The kernel
 * here reads any transpose through its strides, so every product of the forward and backward pass
 * runs at the same speed: 30-38 GFLOP/s on one core, against 13-32 for tfjs's fastest form
 * (2048×128 · 128×512 and the shapes of a Transformer layer; bench in docs/benchmarks.md).
 *
 * @module
 */
import { tf } from "./backend.ts";
import { affineGradient, affineInto, columnSums, gemmInto, gemmProduct } from "./kernels/dense.ts";
import {
  type KernelBackend,
  outputInfo,
  putInfo,
  registerKernelOp,
  type TensorInfo,
  withScratch,
} from "./kernels/runtime.ts";

/** A matrix input of a kernel, copied into scratch memory. */
function stored(alloc: (n: number) => number, backend: KernelBackend, t: TensorInfo) {
  return { ptr: putInfo(alloc, backend, t), rows: t.shape[0], cols: t.shape[1] };
}

/** op(A)·op(B) as a kernel; C = op(A)·op(B) gives ∂op(A) = ∂C·op(B)ᵀ and ∂op(B) = op(A)ᵀ·∂C. */
const MATMUL = "MlnotesMatMul";
registerKernelOp({
  name: MATMUL,
  forward: ({ a, b }, attrs, backend) =>
    withScratch((alloc) => {
      const ta = attrs.transposeA === true, tb = attrs.transposeB === true;
      const M = ta ? a.shape[1] : a.shape[0], N = tb ? b.shape[0] : b.shape[1];
      const c = alloc(M * N);
      gemmInto(alloc, stored(alloc, backend, a), ta, stored(alloc, backend, b), tb, c);
      return outputInfo(backend, c, [M, N]);
    }),
  inputsToSave: ["a", "b"],
  gradient: (dy, saved, attrs) => {
    const [x, w] = saved as tf.Tensor2D[], g = dy as tf.Tensor2D;
    const ta = attrs.transposeA === true, tb = attrs.transposeB === true;
    return {
      a: () => ta ? gemmProduct(w, g, tb, true) : gemmProduct(g, w, false, !tb),
      b: () => tb ? gemmProduct(g, x, true, ta) : gemmProduct(x, g, !ta, false),
    };
  },
});

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
  return tf.engine().runKernel(MATMUL, { a, b }, { transposeA, transposeB }) as tf.Tensor2D;
}

/** aᵀ of a 2-D tensor: a free reshape when a side is 1. */
export function transpose2d(a: tf.Tensor2D): tf.Tensor2D {
  const [r, c] = a.shape;
  return r === 1 || c === 1 ? a.reshape([c, r]) : a.transpose();
}

/**
 * Σ over the rows of g (n, k), on the kernel: on wasm `tf.sum(g, 0)` transposes g first (Sum
 * reduces the last axis), which for n = 2048 rows costs 30× the sum.
 */
export function sumRows(g: tf.Tensor2D): tf.Tensor1D {
  return columnSums(g);
}

/** y = x Wᵀ + b (then ReLU, with `relu`) as a kernel; its gradient masks ∂y by the saved y > 0. */
const AFFINE = "MlnotesAffine";
registerKernelOp({
  name: AFFINE,
  forward: ({ x, w, b }, attrs, backend) =>
    withScratch((alloc) => {
      const xs = stored(alloc, backend, x), ws = stored(alloc, backend, w);
      const y = alloc(xs.rows * ws.rows);
      affineInto(alloc, xs, ws, b ? putInfo(alloc, backend, b) : 0, attrs.relu === true, y);
      return outputInfo(backend, y, [xs.rows, ws.rows]);
    }),
  inputsToSave: ["x", "w"],
  outputsToSave: [true],
  gradient: (dy, saved, attrs) => {
    const [x, w, y] = saved as tf.Tensor2D[], g = dy as tf.Tensor2D;
    const relu = attrs.relu ? y : null;
    return {
      x: () => affineGradient("x", g, w, relu),
      w: () => affineGradient("w", g, x, relu),
      b: () => affineGradient("b", g, null, relu),
    };
  },
});

/**
 * The affine map of a `Linear` layer, y = x Wᵀ + b for x (n, in), W (out, in), b (out) or null:
 * the values and gradients of `matMul2d(x, W, false, true).add(b)` in one kernel call each way
 * (∂x = ∂y W, ∂W = ∂yᵀ x, ∂b = Σ_rows ∂y). `activation: "relu"` applies max(y, 0) in the same
 * call (and masks ∂y by y > 0 in the backward one), as a feed-forward block needs.
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
export function affine(
  x: tf.Tensor2D,
  w: tf.Tensor2D,
  b: tf.Tensor1D | null,
  activation: "relu" | null = null,
): tf.Tensor2D {
  const inputs: tf.NamedTensorMap = b ? { x, w, b } : { x, w };
  return tf.engine().runKernel(AFFINE, inputs, { relu: activation === "relu" }) as tf.Tensor2D;
}
