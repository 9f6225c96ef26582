/**
 * The gradient of the halved squared loss, derived by hand.
 *
 * For a minibatch B of size m:  l(w, b) = (1/m) Σ_{i∈B} ½ (xᵢ·w + b − yᵢ)².
 * With the residual rᵢ = xᵢ·w + b − yᵢ, the chain rule gives ∂l/∂rᵢ = rᵢ / m, and ∂rᵢ/∂w = xᵢ,
 * ∂rᵢ/∂b = 1, so
 *   ∂l/∂w = (1/m) Σ rᵢ xᵢ = (1/m) X_Bᵀ r,    ∂l/∂b = (1/m) Σ rᵢ.
 * Tests check this against central finite differences and against tfjs's `tf.grad`.
 *
 * @module
 */
import type { Matrix, Vector } from "../core/mod.ts";

/**
 * Gradient of (1/m) Σ ½ (xᵢ·w + b − yᵢ)² with respect to w and b.
 * @param X shape (nSamples, nFeatures)
 * @param y shape (nSamples,)
 * @param w shape (nFeatures,)
 * @param rows the minibatch: row indices into X (all rows when omitted)
 */
export function squaredLossGradient(
  X: Matrix,
  y: Vector,
  w: ArrayLike<number>,
  b: number,
  rows?: ArrayLike<number>,
): { w: Vector; b: number } {
  const d = X.cols, m = rows ? rows.length : X.rows;
  const gw = new Float64Array(d);
  let gb = 0;
  for (let k = 0; k < m; k++) {
    const i = rows ? rows[k] : k;
    const o = i * d;
    let r = b - y[i];
    for (let j = 0; j < d; j++) r += X.data[o + j] * w[j];
    for (let j = 0; j < d; j++) gw[j] += r * X.data[o + j];
    gb += r;
  }
  for (let j = 0; j < d; j++) gw[j] /= m;
  return { w: gw, b: gb / m };
}

/** Mean halved squared loss (1/n) Σ ½ (xᵢ·w + b − yᵢ)² over all rows. */
export function squaredLoss(X: Matrix, y: Vector, w: ArrayLike<number>, b: number): number {
  const yHat = X.matvec(w);
  let s = 0;
  for (let i = 0; i < y.length; i++) s += 0.5 * (yHat[i] + b - y[i]) ** 2;
  return s / y.length;
}
