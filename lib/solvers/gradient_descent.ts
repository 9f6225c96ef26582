/**
 * Plain (full-batch) gradient descent with a fixed learning rate: the method every textbook
 * starts from (李航《统计学习方法》附录 A; d2l §3.1), kept for teaching and comparison.
 *
 * @module
 */
import type { Vector } from "../core/matrix.ts";
import {
  type DifferentiableObjective,
  maxAbs,
  type MinimizeResult,
  minimizeResult,
  type SolverOptions,
} from "./types.ts";

/** Options of {@link minimizeGradientDescent}. */
export interface GradientDescentOptions extends SolverOptions {
  /** Step size η in xₖ₊₁ = xₖ − η∇f(xₖ). */
  learningRate: number;
}

/**
 * Minimises f by xₖ₊₁ = xₖ − η∇f(xₖ). Converges for convex f with L-Lipschitz gradient when
 * η < 2/L, linearly when f is also strongly convex; otherwise the value history shows divergence.
 *
 * @param objective f and ∇f
 * @param x0 starting point (not modified)
 * @example
 * ```ts
 * const r = minimizeGradientDescent(objective, x0, { maxIter: 1000, tol: 1e-6, learningRate: 0.5 });
 * r.history; // f per iteration, for a loss curve
 * ```
 */
export function minimizeGradientDescent(
  objective: DifferentiableObjective,
  x0: Vector,
  { maxIter, tol, learningRate }: GradientDescentOptions,
): MinimizeResult {
  const n = x0.length;
  const x = x0.slice();
  const grad = new Float64Array(n);
  let value = objective.valueAndGradient(x, grad);
  const history = [value];
  let nIter = 0;
  while (nIter < maxIter && maxAbs(grad) > tol && Number.isFinite(value)) {
    for (let i = 0; i < n; i++) x[i] -= learningRate * grad[i];
    value = objective.valueAndGradient(x, grad);
    nIter++;
    history.push(value);
  }
  return minimizeResult(x, value, grad, tol, nIter, history, nIter + 1);
}
