/**
 * Limited-memory BFGS (Nocedal & Wright, *Numerical Optimization*, 2nd ed., §7.2, Algorithm 7.4
 * and 7.5), the default solver of scikit-learn's `LogisticRegression`.
 *
 * BFGS builds an approximation Hₖ of the inverse Hessian from the steps sₖ = xₖ₊₁ − xₖ and the
 * gradient changes yₖ = ∇fₖ₊₁ − ∇fₖ; L-BFGS never forms Hₖ but keeps only the last m pairs and
 * applies Hₖ to the gradient with the two-loop recursion, in O(mn) time and memory.
 *
 * @module
 */
import { checkOptions, optionNames } from "../core/options.ts";
import type { Vector } from "../core/matrix.ts";
import { wolfeLineSearch } from "./line_search.ts";
import {
  type DifferentiableObjective,
  maxAbs,
  type MinimizeResult,
  minimizeResult,
  type SolverOptions,
} from "./types.ts";

const LBFGS_OPTION_NAMES = optionNames<LbfgsOptions>({ maxIter: true, tol: true, memory: true });

/** Options of {@link minimizeLbfgs}. */
export interface LbfgsOptions extends SolverOptions {
  /** Number of (s, y) pairs kept. @default 10 */
  memory?: number;
}

/**
 * Minimises a smooth function with L-BFGS and a strong-Wolfe line search.
 *
 * Search direction dₖ = −Hₖ∇fₖ by the two-loop recursion, with initial matrix
 * H⁰ = (sᵀy / yᵀy) I (N&W eq. 7.20), so a unit step is usually accepted.
 *
 * @param objective f and ∇f
 * @param x0 starting point (not modified)
 * @returns the last iterate, its value and gradient norm, and the value history
 * @example
 * ```ts
 * import { minimizeLbfgs } from "../mod.ts";
 * import { assert, assertAlmostEquals } from "@std/assert";
 *
 * // Rosenbrock's banana f(a, b) = (1 − a)² + 100 (b − a²)², minimum at (1, 1)
 * const objective = {
 *   size: 2,
 *   valueAndGradient([a, b]: Float64Array, g: Float64Array): number {
 *     g[0] = -2 * (1 - a) - 400 * a * (b - a * a);
 *     g[1] = 200 * (b - a * a);
 *     return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
 *   },
 * };
 * const r = minimizeLbfgs(objective, new Float64Array(2), { maxIter: 100, tol: 1e-8 });
 * assert(r.converged);
 * assertAlmostEquals(r.x[0], 1, 1e-6);
 * assertAlmostEquals(r.x[1], 1, 1e-6);
 * ```
 */
export function minimizeLbfgs(
  objective: DifferentiableObjective,
  x0: Vector,
  options: LbfgsOptions,
): MinimizeResult {
  checkOptions(options, LBFGS_OPTION_NAMES, "minimizeLbfgs");
  const { maxIter, tol, memory = 10 } = options;
  const n = x0.length;
  let x: Vector = x0.slice();
  let grad: Vector = new Float64Array(n);
  let value = objective.valueAndGradient(x, grad);
  let nEvaluations = 1;
  const history = [value];
  const ss: Vector[] = [], ys: Vector[] = [], rhos: number[] = [];
  const alphas = new Float64Array(memory);
  let nIter = 0, stalled = 0;

  while (nIter < maxIter && maxAbs(grad) > tol) {
    // Two-loop recursion: d = −H∇f.
    const d = grad.slice();
    for (let k = ss.length - 1; k >= 0; k--) {
      const a = rhos[k] * dotVec(ss[k], d);
      alphas[k] = a;
      axpy(-a, ys[k], d);
    }
    const last = ss.length - 1;
    const gamma = last >= 0 ? 1 / (rhos[last] * dotVec(ys[last], ys[last])) : 1;
    for (let i = 0; i < n; i++) d[i] *= gamma;
    for (let k = 0; k < ss.length; k++) {
      const b = rhos[k] * dotVec(ys[k], d);
      axpy(alphas[k] - b, ss[k], d);
    }
    for (let i = 0; i < n; i++) d[i] = -d[i];

    // Without curvature pairs the direction is −∇f, whose scale is arbitrary: aim for a step of
    // length about 1 in the largest coordinate instead of trusting the gradient's magnitude.
    const alpha0 = ss.length === 0 ? Math.min(1, 1 / maxAbs(grad)) : 1;
    const step = wolfeLineSearch(objective, x, value, grad, d, alpha0);
    nEvaluations += step.nEvaluations;
    if (!(step.value < value) && !step.ok) break; // no progress possible at this precision

    const s = new Float64Array(n), y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = step.x[i] - x[i];
      y[i] = step.grad[i] - grad[i];
    }
    const sy = dotVec(s, y);
    const previousValue = value;
    x = step.x;
    grad = step.grad;
    value = step.value;
    nIter++;
    history.push(value);
    // Keep the pair only with positive curvature, or H would stop being positive definite.
    if (sy > 1e-12 * dotVec(y, y)) {
      if (ss.length === memory) {
        ss.shift();
        ys.shift();
        rhos.shift();
      }
      ss.push(s);
      ys.push(y);
      rhos.push(1 / sy);
    }
    // Near the optimum f is flat to round-off while the gradient still improves, so only a run of
    // steps without any decrease in f means further iterations are futile.
    stalled = value < previousValue ? 0 : stalled + 1;
    if (stalled >= 3) break;
  }
  return minimizeResult(x, value, grad, tol, nIter, history, nEvaluations);
}

function dotVec(a: Vector, b: Vector): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** y ← y + a·x */
function axpy(a: number, x: Vector, y: Vector): void {
  for (let i = 0; i < x.length; i++) y[i] += a * x[i];
}
