/**
 * The contract between an objective and the optimisers in `lib/solvers`: the objective owns the
 * mathematics (value, gradient, Hessian), the solver owns the iteration.
 *
 * @module
 */
import type { Matrix, Vector } from "../core/matrix.ts";

/** A smooth function f: Rⁿ → R that returns f(x) and writes ∇f(x) into `grad`. */
export interface DifferentiableObjective {
  /** Number of parameters n. */
  readonly size: number;
  /**
   * f(x), with ∇f(x) written into `grad` (one call, as the two share most of the work).
   * @param x the point, length `size` (not modified)
   * @param grad output buffer of length `size`, overwritten with ∇f(x)
   * @returns f(x)
   */
  valueAndGradient(x: Vector, grad: Vector): number;
}

/** An objective that also gives its Hessian ∇²f(x), shape (size, size), for Newton's method. */
export interface TwiceDifferentiableObjective extends DifferentiableObjective {
  /** ∇²f(x), shape (size, size), symmetric. */
  hessian(x: Vector): Matrix;
}

/** Stopping rules shared by the solvers. */
export interface SolverOptions {
  /** Maximum number of iterations (parameter updates). */
  maxIter: number;
  /** Stop once the largest gradient component |∂f/∂xᵢ| is at most `tol`. */
  tol: number;
}

/** What every solver returns. */
export interface MinimizeResult {
  /** The last iterate. */
  x: Vector;
  /** f(x) at the last iterate. */
  value: number;
  /** max |∂f/∂xᵢ| at the last iterate. */
  gradMaxNorm: number;
  /** Number of iterations done. */
  nIter: number;
  /** True when the gradient test `gradMaxNorm <= tol` was met. */
  converged: boolean;
  /** f at the start and after every iteration (length nIter + 1). */
  history: Vector;
  /** Number of objective evaluations (line searches cost several per iteration). */
  nEvaluations: number;
}

/** max |vᵢ|. */
export function maxAbs(v: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) {
    const a = Math.abs(v[i]);
    if (a > m) m = a;
  }
  return m;
}

/** Packs the last iterate into a `MinimizeResult`; converged means the gradient test passed. */
export function minimizeResult(
  x: Vector,
  value: number,
  grad: Vector,
  tol: number,
  nIter: number,
  history: readonly number[],
  nEvaluations: number,
): MinimizeResult {
  const gradMaxNorm = maxAbs(grad);
  return {
    x,
    value,
    gradMaxNorm,
    nIter,
    converged: gradMaxNorm <= tol,
    history: Float64Array.from(history),
    nEvaluations,
  };
}
