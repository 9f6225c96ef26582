/**
 * LayerNorm as one differentiable op on the WebAssembly kernel (kernels/dense.c): built from tfjs
 * ops it is about ten kernels forward (moments, subtract, rsqrt, scale, shift) and more backward,
 * each a pass over the activations; the kernel makes one pass each way.
 *
 * @module
 */
import { tf } from "./backend.ts";
import { layerNormBackward, layerNormForward } from "./kernels/dense.ts";

// customGrad's callback type is variadic (tensors, then `save`), hence the casts
function op(eps: number, affine: boolean) {
  return tf.customGrad((...args) => {
    const save = args.pop() as tf.GradSaveFunc;
    const [x, gamma, beta] = args as tf.Tensor[];
    const [y, mean, rstd] = layerNormForward(
      x as tf.Tensor2D,
      affine ? gamma as tf.Tensor1D : null,
      affine ? beta as tf.Tensor1D : null,
      eps,
    );
    save(affine ? [x, mean, rstd, gamma] : [x, mean, rstd]); // save keeps clones
    tf.dispose([mean, rstd]);
    return {
      value: y,
      gradFunc: (dy, saved) => {
        const [xs, m, r, g] = saved as tf.Tensor[];
        return layerNormBackward(
          dy as tf.Tensor2D,
          xs as tf.Tensor2D,
          m as tf.Tensor1D,
          r as tf.Tensor1D,
          affine ? g as tf.Tensor1D : null,
        );
      },
    };
  });
}

const ops = new Map<string, ReturnType<typeof op>>();

/**
 * y = (x − mean) / √(var + ε) · γ + β over the last axis of x (n, d), with the biased variance
 * (PyTorch's `layer_norm`); gamma and beta both given or both null.
 */
export function layerNorm2d(
  x: tf.Tensor2D,
  gamma: tf.Tensor1D | null,
  beta: tf.Tensor1D | null,
  eps: number,
): tf.Tensor2D {
  const key = `${eps} ${gamma !== null}`;
  if (!ops.has(key)) ops.set(key, op(eps, gamma !== null));
  const f = ops.get(key)!;
  return (gamma && beta ? f(x, gamma, beta) : f(x)) as tf.Tensor2D;
}
