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
import { affineGradient, affineInto, columnSums, gemmProduct } from "./kernels/dense.ts";
import {
  type KernelBackend,
  outputInfo,
  putInfo,
  type TensorInfo,
  withScratch,
} from "./kernels/runtime.ts";

// customGrad's callback type is variadic (tensors, then `save`), hence the casts
function productOp(transposeA: boolean, transposeB: boolean) {
  return tf.customGrad((a, b, save) => {
    (save as tf.GradSaveFunc)([a as tf.Tensor, b as tf.Tensor]);
    return {
      value: gemmProduct(a as tf.Tensor2D, b as tf.Tensor2D, transposeA, transposeB),
      gradFunc: (dy, saved) => {
        const [x, w] = saved as tf.Tensor2D[], g = dy as tf.Tensor2D;
        // C = op(A)·op(B): ∂op(A) = ∂C·op(B)ᵀ and ∂op(B) = op(A)ᵀ·∂C, transposed back where op did
        return [
          transposeA ? gemmProduct(w, g, transposeB, true) : gemmProduct(g, w, false, !transposeB),
          transposeB ? gemmProduct(g, x, true, transposeA) : gemmProduct(x, g, !transposeA, false),
        ];
      },
    };
  }) as (a: tf.Tensor2D, b: tf.Tensor2D) => tf.Tensor2D;
}
const products = [productOp(false, false), productOp(false, true), productOp(true, false)];
const productTT = productOp(true, true);

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
  const op = transposeA && transposeB ? productTT : products[transposeA ? 2 : transposeB ? 1 : 0];
  return op(a, b);
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

/**
 * The affine map as a registered kernel, not a `tf.customGrad`: customGrad computes the gradients
 * of all inputs at once, a kernel's gradient one input at a time, and tfjs asks only for those on
 * the path to what is differentiated: no ∂x = ∂y W for a model's input, as in PyTorch.
 */
const AFFINE = "MlnotesAffine";
type KernelOutput = ReturnType<Parameters<typeof tf.registerKernel>[0]["kernelFunc"]>;
for (const backendName of ["wasm", "cpu"]) {
  if (tf.getKernel(AFFINE, backendName)) continue;
  tf.registerKernel({
    kernelName: AFFINE,
    backendName,
    kernelFunc: ({ inputs, backend, attrs }) => {
      const be = backend as unknown as KernelBackend;
      const { x, w, b } = inputs as Record<string, TensorInfo | undefined>;
      const stored = (alloc: (n: number) => number, t: TensorInfo) => ({
        ptr: putInfo(alloc, be, t),
        rows: t.shape[0],
        cols: t.shape[1],
      });
      return withScratch((alloc) => {
        const xs = stored(alloc, x!), ws = stored(alloc, w!), y = alloc(xs.rows * ws.rows);
        affineInto(alloc, xs, ws, b ? putInfo(alloc, be, b) : 0, attrs?.relu === true, y);
        return outputInfo(be, y, [xs.rows, ws.rows]) as unknown as KernelOutput;
      });
    },
  });
}
if (!tf.getGradient(AFFINE)) {
  tf.registerGradient({
    kernelName: AFFINE,
    inputsToSave: ["x", "w"],
    outputsToSave: [true],
    gradFunc: (dy, saved, attrs) => {
      const [x, w, y] = saved as tf.Tensor2D[], g = dy as tf.Tensor2D;
      const relu = attrs.relu ? y : null;
      return {
        x: () => affineGradient("x", g, w, relu),
        w: () => affineGradient("w", g, x, relu),
        b: () => affineGradient("b", g, null, relu),
      };
    },
  });
}

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
