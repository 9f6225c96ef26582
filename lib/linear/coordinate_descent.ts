/**
 * Cyclic coordinate descent for the lasso (ESL §3.8.6, Friedman et al. 2007), on centred data:
 * minimise ½‖y − Xw‖² + λ‖w‖₁ with λ = α·n (scikit-learn's (1/2n)‖·‖² + α‖w‖₁ times n).
 * Each coordinate update is the soft threshold wⱼ ← S(xⱼᵀrⱼ, λ)/‖xⱼ‖², rⱼ the partial residual.
 * Stops as scikit-learn does: when the largest coordinate change is small relative to max|wⱼ|,
 * check the duality gap and stop once it is ≤ tol·‖y‖².
 *
 * @module
 */
import type { Matrix, Vector } from "../core/matrix.ts";

/** What one coordinate-descent run returns. */
export interface CoordinateDescentResult {
  /** The coefficients w. */
  coef: Vector;
  /** Duality gap at the end (unscaled objective). */
  gap: number;
  /** Number of full sweeps over the coordinates. */
  nIter: number;
  /** Whether the gap test passed within `maxIter`. */
  converged: boolean;
}

/** S(z, γ) = sign(z)·max(|z| − γ, 0). */
export function softThreshold(z: number, gamma: number): number {
  return z > gamma ? z - gamma : z < -gamma ? z + gamma : 0;
}

/**
 * Runs coordinate descent from `w0` (warm start; it is not modified).
 * @param X centred design, shape (n, p)
 * @param y centred response
 * @param lambda the unscaled penalty λ = α·n
 */
export function lassoCoordinateDescent(
  X: Matrix,
  y: Vector,
  lambda: number,
  w0: Vector,
  maxIter: number,
  tol: number,
): CoordinateDescentResult {
  const n = X.rows, p = X.cols, x = X.data;
  const w = w0.slice();
  const colNorm2 = new Float64Array(p);
  for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) colNorm2[j] += x[i * p + j] ** 2;
  const r = y.slice(); // residual y − Xw
  for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) r[i] -= x[i * p + j] * w[j];
  const tolY = tol * y.reduce((s, v) => s + v * v, 0);
  let gap = Infinity, it = 0;
  for (; it < maxIter; it++) {
    let wMax = 0, dMax = 0;
    for (let j = 0; j < p; j++) {
      if (colNorm2[j] === 0) continue;
      const old = w[j];
      let rho = 0;
      for (let i = 0; i < n; i++) rho += x[i * p + j] * r[i];
      rho += colNorm2[j] * old;
      const next = softThreshold(rho, lambda) / colNorm2[j];
      if (next !== old) {
        const d = next - old;
        for (let i = 0; i < n; i++) r[i] -= x[i * p + j] * d;
        w[j] = next;
      }
      dMax = Math.max(dMax, Math.abs(next - old));
      wMax = Math.max(wMax, Math.abs(next));
    }
    if (wMax === 0 || dMax / wMax < tol || it === maxIter - 1) {
      gap = dualityGap(X, y, w, r, lambda);
      if (gap <= tolY) return { coef: w, gap, nIter: it + 1, converged: true };
    }
  }
  return { coef: w, gap, nIter: it, converged: false };
}

/**
 * Duality gap of ½‖r‖² + λ‖w‖₁ at w with residual r, the dual point being r scaled into
 * the feasible set ‖Xᵀθ‖∞ ≤ λ.
 */
function dualityGap(X: Matrix, y: Vector, w: Vector, r: Vector, lambda: number): number {
  const n = X.rows, p = X.cols, x = X.data;
  let dualNorm = 0;
  for (let j = 0; j < p; j++) {
    let c = 0;
    for (let i = 0; i < n; i++) c += x[i * p + j] * r[i];
    dualNorm = Math.max(dualNorm, Math.abs(c));
  }
  let rNorm2 = 0, ry = 0, l1 = 0;
  for (let i = 0; i < n; i++) {
    rNorm2 += r[i] * r[i];
    ry += r[i] * y[i];
  }
  for (let j = 0; j < p; j++) l1 += Math.abs(w[j]);
  let gap: number, scale: number;
  if (dualNorm > lambda) {
    scale = lambda / dualNorm;
    gap = 0.5 * rNorm2 * (1 + scale * scale);
  } else {
    scale = 1;
    gap = rNorm2;
  }
  return gap + lambda * l1 - scale * ry;
}
