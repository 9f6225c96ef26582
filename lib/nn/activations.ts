/**
 * Activation functions for hidden layers, as Tensor → Tensor maps (d2l §5.1.2). ReLU, sigmoid and
 * tanh are Tensor primitives; GELU is derived from them, so it needs no backward rule of its own.
 *
 * @module
 */
import { Tensor } from "../autodiff/mod.ts";

/** The activation names the MLP accepts. */
export const ACTIVATIONS = ["relu", "sigmoid", "tanh", "gelu", "identity"] as const;

/** One of {@link ACTIVATIONS}. */
export type Activation = typeof ACTIVATIONS[number];

const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);

/**
 * GELU, x Φ(x), in the tanh form of Hendrycks & Gimpel (2016) (PyTorch's `approximate="tanh"`):
 *   gelu(x) = ½ x (1 + tanh(√(2/π) (x + 0.044715 x³))),
 * within 1e-3 of the exact x Φ(x); built from mul, pow, add and tanh, so autodiff derives it.
 * @param x any shape
 */
export function gelu(x: Tensor): Tensor {
  const inner = x.add(x.pow(3).mul(0.044715)).mul(SQRT_2_OVER_PI);
  return x.mul(inner.tanh().add(1)).mul(0.5);
}

/**
 * Applies the named activation elementwise.
 * - relu: max(0, x)  - sigmoid: 1 / (1 + e⁻ˣ)  - tanh  - gelu (above)  - identity: x
 */
export function activate(name: Activation, x: Tensor): Tensor {
  switch (name) {
    case "relu":
      return x.relu();
    case "sigmoid":
      return x.sigmoid();
    case "tanh":
      return x.tanh();
    case "gelu":
      return gelu(x);
    case "identity":
      return x;
  }
}
