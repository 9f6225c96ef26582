/**
 * Numerically stable softmax and log-sum-exp, shared by logistic and softmax regression.
 *
 * softmax(z)ₖ = exp(zₖ) / Σⱼ exp(zⱼ) overflows for zₖ ≳ 709 and underflows to 0/0 for very
 * negative z. Both are invariant to subtracting m = maxⱼ zⱼ, and after the shift every exponent is
 * ≤ 0 with at least one equal to 0, so the sum lies in [1, K]:
 *   log Σⱼ exp(zⱼ) = m + log Σⱼ exp(zⱼ − m).
 *
 * @module
 */
import { Matrix, type Vector } from "../core/matrix.ts";
import { type MatrixLike, toMatrix } from "../core/validation.ts";

/**
 * log Σₖ exp(zₖ) computed without overflow.
 * @param z the scores (logits) of one sample
 * @example
 * ```ts
 * import { logSumExp } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * assertEquals(logSumExp([1000, 1000]), 1000 + Math.LN2); // naive log Σ exp: Infinity
 * ```
 */
export function logSumExp(z: ArrayLike<number>): number {
  let m = -Infinity;
  for (let k = 0; k < z.length; k++) if (z[k] > m) m = z[k];
  if (m === -Infinity) return -Infinity;
  let s = 0;
  for (let k = 0; k < z.length; k++) s += Math.exp(z[k] - m);
  return m + Math.log(s);
}

/**
 * Row-wise softmax: ŷᵢₖ = exp(zᵢₖ − lseᵢ) with lseᵢ = log Σⱼ exp(zᵢⱼ); every row sums to 1.
 * @param Z logits, shape (nSamples, nClasses)
 * @returns probabilities, shape (nSamples, nClasses)
 * @example
 * ```ts
 * import { softmax } from "../mod.ts";
 * import { assertAlmostEquals } from "@std/assert";
 *
 * const [p1, p2, p3] = softmax([[1, 2, 3]]).row(0);
 * assertAlmostEquals(p1, 0.0900, 1e-4);
 * assertAlmostEquals(p2, 0.2447, 1e-4);
 * assertAlmostEquals(p3, 0.6652, 1e-4);
 * ```
 */
export function softmax(Z: MatrixLike): Matrix {
  const m = toMatrix(Z, "Z");
  const out = new Matrix(m.rows, m.cols);
  for (let i = 0; i < m.rows; i++) softmaxRowInto(m.row(i), out.row(i));
  return out;
}

/**
 * Writes softmax(z) into `out` and returns log Σ exp(z) (used by the loss loops).
 * Probabilities are exp(zₖ − m) / Σⱼ exp(zⱼ − m), not exp(zₖ − lse): for large |z| the
 * subtraction zₖ − lse loses the digits that the division keeps.
 */
export function softmaxRowInto(z: ArrayLike<number>, out: Vector): number {
  let m = -Infinity;
  for (let k = 0; k < z.length; k++) if (z[k] > m) m = z[k];
  let s = 0;
  for (let k = 0; k < z.length; k++) {
    out[k] = Math.exp(z[k] - m);
    s += out[k];
  }
  for (let k = 0; k < z.length; k++) out[k] /= s;
  return m + Math.log(s);
}

/** The logistic sigmoid σ(z) = 1 / (1 + e⁻ᶻ), evaluated without overflow for either sign. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** softplus(z) = log(1 + eᶻ) = max(z, 0) + log1p(e^−|z|), the binary log-sum-exp log(e⁰ + eᶻ). */
export function softplus(z: number): number {
  return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
}
