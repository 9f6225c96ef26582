/**
 * Weight initialisation (d2l §5.4 "Numerical Stability and Initialization"). The scale matters:
 * too small and signals vanish layer by layer, too large and they explode. Xavier keeps the
 * variance of activations and gradients roughly constant for tanh-like units; He does so for ReLU,
 * which zeroes half its inputs.
 *
 * @module
 */
import { Matrix, Random } from "../core/mod.ts";

/** The initialisation schemes the MLP accepts. */
export const INITS = ["normal", "xavier", "he"] as const;

/** One of {@link INITS}. */
export type Init = typeof INITS[number];

/**
 * A (fanIn, fanOut) weight matrix drawn from
 * - "normal": N(0, std²) (d2l's from-scratch MLP uses std = 0.01)
 * - "xavier": U(−a, a) with a = √(6 / (fanIn + fanOut)), so Var = 2 / (fanIn + fanOut)
 *   (Glorot & Bengio 2010; scikit-learn's MLP default)
 * - "he": N(0, 2 / fanIn) (He et al. 2015)
 * @param rng the seeded generator to draw from
 * @example
 * ```ts
 * import { initWeights, Random } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * assertEquals(initWeights(64, 100, "he", new Random(0)).shape, [64, 100]);
 * ```
 */
export function initWeights(
  fanIn: number,
  fanOut: number,
  scheme: Init,
  rng: Random,
  std = 0.01,
): Matrix {
  const n = fanIn * fanOut;
  switch (scheme) {
    case "normal":
      return new Matrix(fanIn, fanOut, rng.normalArray(n, 0, std));
    case "xavier": {
      const a = Math.sqrt(6 / (fanIn + fanOut));
      return new Matrix(fanIn, fanOut, rng.uniformArray(n, -a, a));
    }
    case "he":
      return new Matrix(fanIn, fanOut, rng.normalArray(n, 0, Math.sqrt(2 / fanIn)));
  }
}
