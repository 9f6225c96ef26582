/**
 * Newton's method with a backtracking (Armijo) line search (Nocedal & Wright §3.3). For the
 * logistic log-likelihood the Newton step is the weighted least-squares solve of iteratively
 * reweighted least squares (IRLS; ESL §4.4.1).
 *
 * @module
 */
import { checkOptions, optionNames } from "../core/options.ts";
import { ValueError } from "../core/errors.ts";
import { Matrix, type Vector } from "../core/matrix.ts";
import { cholesky } from "../core/linalg.ts";
import {
  maxAbs,
  type MinimizeResult,
  minimizeResult,
  type SolverOptions,
  type TwiceDifferentiableObjective,
} from "./types.ts";

const SOLVER_OPTION_NAMES = optionNames<SolverOptions>({ maxIter: true, tol: true });

/**
 * Minimises a twice-differentiable convex function by Newton's method.
 *
 * Step: solve ∇²f(xₖ) d = −∇f(xₖ) (Cholesky, as the Hessian is symmetric positive definite),
 * then xₖ₊₁ = xₖ + αd with α halved from 1 until f(xₖ + αd) ≤ f(xₖ) + 10⁻⁴ α ∇fᵀd. Near the
 * minimum α = 1 is accepted and convergence is quadratic.
 *
 * @param objective f, ∇f and ∇²f
 * @param x0 starting point (not modified)
 * @example
 * ```ts
 * import { Matrix, minimizeNewton } from "../mod.ts";
 * import { assertAlmostEquals, assertEquals } from "@std/assert";
 *
 * // a quadratic f(x) = (x₀ − 1)² + 10 (x₁ + 2)²: Newton's method lands on it in one step
 * const objective = {
 *   size: 2,
 *   valueAndGradient(x: Float64Array, g: Float64Array): number {
 *     g[0] = 2 * (x[0] - 1);
 *     g[1] = 20 * (x[1] + 2);
 *     return (x[0] - 1) ** 2 + 10 * (x[1] + 2) ** 2;
 *   },
 *   hessian: () => Matrix.from2D([[2, 0], [0, 20]]),
 * };
 * const r = minimizeNewton(objective, new Float64Array(2), { maxIter: 50, tol: 1e-10 });
 * assertEquals(r.nIter, 1);
 * assertAlmostEquals(r.x[0], 1, 1e-12);
 * assertAlmostEquals(r.x[1], -2, 1e-12);
 * ```
 */
export function minimizeNewton(
  objective: TwiceDifferentiableObjective,
  x0: Vector,
  options: SolverOptions,
): MinimizeResult {
  checkOptions(options, SOLVER_OPTION_NAMES, "minimizeNewton");
  const { maxIter, tol } = options;
  const n = x0.length;
  let x: Vector = x0.slice();
  let grad: Vector = new Float64Array(n);
  let value = objective.valueAndGradient(x, grad);
  let nEvaluations = 1;
  const history = [value];
  let nIter = 0, stalled = 0;

  while (nIter < maxIter && maxAbs(grad) > tol) {
    let d = newtonDirection(objective.hessian(x), grad);
    let slope = dot(grad, d);
    if (!(slope < 0)) {
      // Not a descent direction (Hessian numerically indefinite): fall back to steepest descent.
      d = grad.map((g) => -g);
      slope = dot(grad, d);
    }
    let alpha = 1, accepted = false;
    const trial = new Float64Array(n), trialGrad = new Float64Array(n);
    let trialValue = value;
    for (let halvings = 0; halvings < 50; halvings++) {
      for (let i = 0; i < n; i++) trial[i] = x[i] + alpha * d[i];
      trialValue = objective.valueAndGradient(trial, trialGrad);
      nEvaluations++;
      if (trialValue <= value + 1e-4 * alpha * slope) {
        accepted = true;
        break;
      }
      alpha /= 2;
    }
    if (!accepted) break; // no decrease representable in floating point
    const previousValue = value;
    x = trial;
    grad = trialGrad;
    value = trialValue;
    nIter++;
    history.push(value);
    // f flat to round-off for several steps: further iterations are futile.
    stalled = value < previousValue ? 0 : stalled + 1;
    if (stalled >= 3) break;
  }
  return minimizeResult(x, value, grad, tol, nIter, history, nEvaluations);
}

/** Solves H d = −g with Cholesky: H = LLᵀ, then L z = −g and Lᵀ d = z. */
function newtonDirection(H: Matrix, g: Vector): Vector {
  let L: Matrix;
  try {
    L = cholesky(H);
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    // Numerically singular: a small ridge (Levenberg–Marquardt damping) restores definiteness.
    const scale = Math.max(1e-12, ...Array.from({ length: H.rows }, (_, i) => H.get(i, i)));
    L = cholesky(H.add(Matrix.eye(H.rows).mul(1e-8 * scale)));
  }
  const n = g.length;
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = -g[i];
    for (let k = 0; k < i; k++) s -= L.data[i * n + k] * z[k];
    z[i] = s / L.data[i * n + i];
  }
  const d = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = z[i];
    for (let k = i + 1; k < n; k++) s -= L.data[k * n + i] * d[k];
    d[i] = s / L.data[i * n + i];
  }
  return d;
}

function dot(a: Vector, b: Vector): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}
