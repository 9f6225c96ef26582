/**
 * Plain (full-batch) gradient descent with a fixed learning rate: the method every textbook
 * starts from (李航《统计学习方法》附录 A; d2l §3.1), kept for teaching and comparison.
 *
 * @module
 */
import { checkOptions, optionNames } from "../core/options.ts";
import type { Vector } from "../core/matrix.ts";
import {
  type DifferentiableObjective,
  maxAbs,
  type MinimizeResult,
  minimizeResult,
  type SolverOptions,
} from "./types.ts";

const GRADIENT_DESCENT_OPTION_NAMES = optionNames<GradientDescentOptions>({
  maxIter: true,
  tol: true,
  learningRate: true,
});

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
 * import { minimizeGradientDescent } from "../mod.ts";
 * import { assert, assertAlmostEquals } from "@std/assert";
 *
 * // f(x) = (x₀ − 1)² + 10 (x₁ + 2)²
 * const objective = {
 *   size: 2,
 *   valueAndGradient(x: Float64Array, g: Float64Array): number {
 *     g[0] = 2 * (x[0] - 1);
 *     g[1] = 20 * (x[1] + 2);
 *     return (x[0] - 1) ** 2 + 10 * (x[1] + 2) ** 2;
 *   },
 * };
 * const r = minimizeGradientDescent(objective, new Float64Array(2), {
 *   maxIter: 1000,
 *   tol: 1e-6,
 *   learningRate: 0.05,
 * });
 * assert(r.converged);
 * assertAlmostEquals(r.x[0], 1, 1e-6);
 * assertAlmostEquals(r.x[1], -2, 1e-6);
 * assert(r.history[r.nIter] < r.history[0]); // f per iteration, for a loss curve
 * ```
 */
export function minimizeGradientDescent(
  objective: DifferentiableObjective,
  x0: Vector,
  options: GradientDescentOptions,
): MinimizeResult {
  checkOptions(options, GRADIENT_DESCENT_OPTION_NAMES, "minimizeGradientDescent");
  const { maxIter, tol, learningRate } = options;
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
