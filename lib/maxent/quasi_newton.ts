/**
 * Dense quasi-Newton minimisers: BFGS (李航《统计学习方法》算法 6.2, 附录 B) and DFP (习题 6.3,
 * 附录 B). L-BFGS, the limited-memory variant for many parameters, lives in `lib/solvers`.
 *
 * Both build, from the steps δₖ = wₖ₊₁ − wₖ and gradient changes yₖ = gₖ₊₁ − gₖ, a matrix that
 * satisfies the secant (quasi-Newton) condition. 算法 6.2 keeps the Hessian approximation Bₖ,
 *
 *   Bₖ₊₁ = Bₖ + yₖyₖᵀ/(yₖᵀδₖ) − BₖδₖδₖᵀBₖ/(δₖᵀBₖδₖ),   (Bₖ₊₁δₖ = yₖ)
 *
 * and solves Bₖpₖ = −gₖ. We keep its inverse Hₖ = Bₖ⁻¹ instead, updated by the Sherman–Morrison–
 * Woodbury form of the same formula, which makes each step O(n²) rather than O(n³):
 *
 *   BFGS: Hₖ₊₁ = (I − ρδyᵀ) Hₖ (I − ρyδᵀ) + ρδδᵀ,   ρ = 1/(yᵀδ)
 *   DFP:  Gₖ₊₁ = Gₖ + δδᵀ/(δᵀy) − GₖyyᵀGₖ/(yᵀGₖy)   (Gₖ₊₁yₖ = δₖ)
 *
 * DFP updates the inverse with the formula BFGS uses for B (and vice versa): the two are duals.
 * In place of the book's exact line search λₖ = argmin f(wₖ + λpₖ) we take a strong-Wolfe step
 * (lib/solvers), which guarantees yᵀδ > 0 and so keeps Hₖ positive definite. BFGS corrects a poor
 * Hₖ within a few steps even with loose steps (c₂ = 0.9); DFP does not (Nocedal & Wright §6.4)
 * and needs nearly exact ones, hence c₂ = 0.1 by default for DFP. H₀ = I for the first
 * step, then rescaled to (yᵀδ/yᵀy)I before the first update (Nocedal & Wright eq. 6.20).
 *
 * @module
 */
import type { Vector } from "../core/matrix.ts";
import { wolfeLineSearch } from "../solvers/line_search.ts";
import {
  type DifferentiableObjective,
  maxAbs,
  type MinimizeResult,
  minimizeResult,
  type SolverOptions,
} from "../solvers/types.ts";

/** Options of {@link minimizeQuasiNewton}. */
export interface QuasiNewtonOptions extends SolverOptions {
  /** Which inverse-Hessian update. @default "bfgs" */
  update?: "bfgs" | "dfp";
  /**
   * Curvature constant c₂ of the line search: |φ'(α)| ≤ c₂|φ'(0)|. Smaller is closer to the book's
   * exact line search. @default 0.9 for BFGS, 0.1 for DFP
   */
  curvature?: number;
}

/**
 * Minimises a smooth function by dense BFGS or DFP with a strong-Wolfe line search.
 * @param objective f and ∇f
 * @param x0 starting point (not modified)
 * @returns the last iterate, f there, the gradient max-norm and f per iteration
 * @example
 * ```ts
 * import { MaxEntObjective, minimizeQuasiNewton } from "../mod.ts";
 * import { assert, assertAlmostEquals } from "@std/assert";
 *
 * // three samples, two classes, no dependence on x: fᵢ(x, y) = [y = i]; y = 0, 0, 1
 * const table = {
 *   nSamples: 3,
 *   nClasses: 2,
 *   nFeatures: 2,
 *   offsets: Int32Array.of(0, 1, 2, 3, 4, 5, 6), // row s·K + c holds feature c
 *   index: Int32Array.of(0, 1, 0, 1, 0, 1),
 *   value: Float64Array.of(1, 1, 1, 1, 1, 1),
 * };
 * const yIndex = Int32Array.of(0, 0, 1);
 * const objective = new MaxEntObjective(table, yIndex, 0);
 * const r = minimizeQuasiNewton(objective, new Float64Array(objective.size), {
 *   maxIter: 200,
 *   tol: 1e-8,
 *   update: "dfp", // 李航 算法B.5 (DFP); "bfgs" is 算法6.2
 * });
 * assert(r.converged);
 * assertAlmostEquals(objective.probabilities[0], 2 / 3, 1e-6); // P_w(y = 0 | x₀)
 * ```
 */
export function minimizeQuasiNewton(
  objective: DifferentiableObjective,
  x0: Vector,
  { maxIter, tol, update = "bfgs", curvature = update === "bfgs" ? 0.9 : 0.1 }: QuasiNewtonOptions,
): MinimizeResult {
  const n = x0.length;
  let x: Vector = x0.slice();
  let grad: Vector = new Float64Array(n);
  let value = objective.valueAndGradient(x, grad);
  let nEvaluations = 1;
  const history = [value];
  const H = new Float64Array(n * n);
  const resetH = () => {
    H.fill(0);
    for (let i = 0; i < n; i++) H[i * n + i] = 1;
  };
  resetH();
  let updated = false;
  let nIter = 0;
  const d = new Float64Array(n), s = new Float64Array(n), y = new Float64Array(n);
  const Hy = new Float64Array(n);

  while (nIter < maxIter && maxAbs(grad) > tol) {
    multiply(H, grad, d, -1);
    if (!(dotVec(d, grad) < 0)) { // lost positive definiteness to round-off: restart
      resetH();
      updated = false;
      for (let i = 0; i < n; i++) d[i] = -grad[i];
    }
    // Before any curvature is known the step length is a guess: ≈ 1 in the largest coordinate.
    const alpha0 = updated ? 1 : Math.min(1, 1 / maxAbs(grad));
    const step = wolfeLineSearch(objective, x, value, grad, d, alpha0, { c2: curvature });
    nEvaluations += step.nEvaluations;
    if (!(step.value < value) && !step.ok) break;
    for (let i = 0; i < n; i++) {
      s[i] = step.x[i] - x[i];
      y[i] = step.grad[i] - grad[i];
    }
    const previous = value;
    x = step.x;
    grad = step.grad;
    value = step.value;
    nIter++;
    history.push(value);
    const sy = dotVec(s, y), yy = dotVec(y, y);
    if (sy > 1e-12 * yy && yy > 0) {
      if (!updated) {
        H.fill(0);
        for (let i = 0; i < n; i++) H[i * n + i] = sy / yy;
        updated = true;
      }
      multiply(H, y, Hy, 1);
      if (update === "bfgs") bfgsUpdate(H, s, Hy, sy, dotVec(y, Hy));
      else dfpUpdate(H, s, Hy, sy, dotVec(y, Hy));
    }
    if (previous - value <= 4 * Number.EPSILON * Math.max(Math.abs(value), 1)) break;
  }
  return minimizeResult(x, value, grad, tol, nIter, history, nEvaluations);
}

/** H ← H − ρ(Hy δᵀ + δ (Hy)ᵀ) + (ρ²·yᵀHy + ρ) δδᵀ, the expanded (I − ρδyᵀ)H(I − ρyδᵀ) + ρδδᵀ. */
function bfgsUpdate(H: Vector, s: Vector, Hy: Vector, sy: number, yHy: number): void {
  const n = s.length, rho = 1 / sy, c = rho * rho * yHy + rho;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      H[i * n + j] += -rho * (Hy[i] * s[j] + s[i] * Hy[j]) + c * s[i] * s[j];
    }
  }
}

/** G ← G + δδᵀ/(δᵀy) − (Gy)(Gy)ᵀ/(yᵀGy). */
function dfpUpdate(G: Vector, s: Vector, Gy: Vector, sy: number, yGy: number): void {
  const n = s.length;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) G[i * n + j] += s[i] * s[j] / sy - Gy[i] * Gy[j] / yGy;
  }
}

/** out = scale · M v for a dense row-major (n, n) M. */
function multiply(M: Vector, v: Vector, out: Vector, scale: number): void {
  const n = v.length;
  for (let i = 0; i < n; i++) {
    let t = 0;
    for (let j = 0; j < n; j++) t += M[i * n + j] * v[j];
    out[i] = scale * t;
  }
}

function dotVec(a: Vector, b: Vector): number {
  let t = 0;
  for (let i = 0; i < a.length; i++) t += a[i] * b[i];
  return t;
}
