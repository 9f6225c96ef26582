/**
 * Inverted dropout (Srivastava et al. 2014; d2l §5.6).
 *
 * @module
 */
import { Tensor } from "../autodiff/mod.ts";
import { Matrix, Random, ValueError } from "../core/mod.ts";

/**
 * Zeroes each entry with probability p and scales the survivors by 1/(1 − p):
 *   h′ = 0 with probability p,  h / (1 − p) otherwise,
 * so E[h′] = h and nothing changes at evaluation time (the layer is simply skipped there).
 * The mask is a constant, so the gradient is the same mask: ∂L/∂h = ∂L/∂h′ ⊙ mask.
 * @param x activations, any shape
 * @param p drop probability in [0, 1]
 * @param rng the seeded generator of the mask
 * @example
 * ```ts
 * import { dropout, Random, Tensor } from "../mod.ts";
 * import { assert } from "@std/assert";
 *
 * const kept = dropout(Tensor.from([[1, 2, 3, 4]]), 0.5, new Random(0)).data.toArray()[0];
 * assert(kept.every((v, j) => v === 0 || v === 2 * (j + 1))); // dropped, or scaled by 1/(1 − p)
 * ```
 */
export function dropout(x: Tensor, p: number, rng: Random): Tensor {
  if (!(p >= 0 && p <= 1)) {
    throw new ValueError(`The dropout probability must be in [0, 1]. Got ${p} instead.`);
  }
  if (p === 0) return x;
  const mask = new Matrix(x.rows, x.cols);
  if (p < 1) {
    const keep = 1 / (1 - p);
    for (let i = 0; i < mask.data.length; i++) mask.data[i] = rng.uniform() >= p ? keep : 0;
  }
  return x.mul(Tensor.constant(mask));
}
