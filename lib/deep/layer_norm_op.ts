/**
 * LayerNorm as one op on the WebAssembly kernel (kernels/dense.c): built from tfjs ops it is about
 * ten kernels forward (moments, subtract, rsqrt, scale, shift) and more backward, each a pass over
 * the activations; the kernel makes one pass each way.
 *
 * @module
 */
import { tf } from "./backend.ts";
import { layerNormBackward, layerNormForward } from "./kernels/dense.ts";
import { registerKernelOp } from "./kernels/runtime.ts";

// Two kernels, with and without γ and β (tfjs saves a fixed list of named inputs). The forward
// keeps each row's mean and 1/√(var + ε) as two more outputs for the backward pass, which gives
// ∂x, ∂γ and ∂β in one call.
const names = { affine: "MlnotesLayerNorm", plain: "MlnotesLayerNormPlain" };
for (const affine of [true, false]) {
  registerKernelOp({
    name: affine ? names.affine : names.plain,
    forward: (inputs, attrs, backend) => layerNormForward(inputs, attrs.eps as number, backend),
    inputsToSave: affine ? ["x", "gamma"] : ["x"],
    outputsToSave: [false, true, true],
    gradient: (dy, saved) => {
      const [x, gamma, mean, rstd] = affine ? saved : [saved[0], null, saved[1], saved[2]];
      // now, in the scope of the whole backward pass (tfjs runs each input's function in a scope
      // of its own, which would free the other two)
      const [dx, dgamma, dbeta] = layerNormBackward((dy as tf.Tensor[])[0], x, mean, rstd, gamma);
      return { x: () => dx, gamma: () => dgamma, beta: () => dbeta };
    },
  });
}

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
  const [name, inputs] = gamma && beta ? [names.affine, { x, gamma, beta }] : [names.plain, { x }];
  return (tf.engine().runKernel(name, inputs, { eps }) as tf.Tensor[])[0] as tf.Tensor2D;
}
