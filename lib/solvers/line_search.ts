/**
 * A line search that satisfies the strong Wolfe conditions (Nocedal & Wright, *Numerical
 * Optimization*, 2nd ed., Algorithms 3.5 and 3.6), used by L-BFGS.
 *
 * Along a descent direction d, with φ(α) = f(x + αd), a step α is accepted when
 *   sufficient decrease: φ(α) ≤ φ(0) + c₁ α φ'(0)          (Armijo)
 *   curvature:           |φ'(α)| ≤ c₂ |φ'(0)|               (strong Wolfe)
 * The curvature condition guarantees sᵀy > 0, which keeps the quasi-Newton matrix positive
 * definite.
 *
 * @module
 */
import { checkOptions, optionNames } from "../core/options.ts";
import type { Vector } from "../core/matrix.ts";
import type { DifferentiableObjective } from "./types.ts";

const LINE_SEARCH_OPTION_NAMES = optionNames<LineSearchOptions>({
  c1: true,
  c2: true,
  maxEvaluations: true,
});

/** Constants of the Wolfe conditions and the evaluation budget. */
export interface LineSearchOptions {
  /** Armijo constant c₁. @default 1e-4 */
  c1?: number;
  /** Curvature constant c₂ (0.9 suits quasi-Newton methods). @default 0.9 */
  c2?: number;
  /** Maximum number of evaluations of f. @default 40 */
  maxEvaluations?: number;
}

/** The accepted step and the objective there (x, f and ∇f at x + αd). */
export interface LineSearchResult {
  /** True when both Wolfe conditions hold at the returned step. */
  ok: boolean;
  /** The step α. */
  alpha: number;
  /** x0 + α d. */
  x: Vector;
  /** f there. */
  value: number;
  /** ∇f there. */
  grad: Vector;
  /** Number of evaluations of f and ∇f made. */
  nEvaluations: number;
}

interface Point {
  alpha: number;
  value: number;
  slope: number;
  x: Vector;
  grad: Vector;
}

/**
 * Finds a step α along `direction` meeting the strong Wolfe conditions.
 * @param objective f and ∇f
 * @param x0 start point
 * @param f0 f(x0)
 * @param g0 ∇f(x0)
 * @param direction a descent direction (g0ᵀd < 0)
 * @param alpha0 first trial step (1 for quasi-Newton steps)
 * @example
 * ```ts
 * import { wolfeLineSearch } from "../mod.ts";
 * import { assert, assertEquals } from "@std/assert";
 *
 * // f(x) = x², from x = 1 along d = −1: the full step α = 1 lands on the minimum
 * const objective = {
 *   size: 1,
 *   valueAndGradient: (x: Float64Array, g: Float64Array) => ((g[0] = 2 * x[0]), x[0] ** 2),
 * };
 * const x = Float64Array.of(1), g = Float64Array.of(2);
 * const r = wolfeLineSearch(objective, x, 1, g, Float64Array.of(-1), 1);
 * assert(r.ok);
 * assertEquals([r.alpha, r.x[0], r.value], [1, 0, 0]);
 * ```
 */
export function wolfeLineSearch(
  objective: DifferentiableObjective,
  x0: Vector,
  f0: number,
  g0: Vector,
  direction: Vector,
  alpha0: number,
  options: LineSearchOptions = {},
): LineSearchResult {
  checkOptions(options, LINE_SEARCH_OPTION_NAMES, "wolfeLineSearch");
  const { c1 = 1e-4, c2 = 0.9, maxEvaluations = 40 } = options;
  const n = x0.length;
  const slope0 = dotVec(g0, direction);
  let evaluations = 0;
  const evaluate = (alpha: number): Point => {
    const x = new Float64Array(n);
    for (let i = 0; i < n; i++) x[i] = x0[i] + alpha * direction[i];
    const grad = new Float64Array(n);
    const value = objective.valueAndGradient(x, grad);
    evaluations++;
    return { alpha, value, slope: dotVec(grad, direction), x, grad };
  };
  const armijo = (p: Point) => Number.isFinite(p.value) && p.value <= f0 + c1 * p.alpha * slope0;
  const curvature = (p: Point) => Math.abs(p.slope) <= -c2 * slope0;
  const done = (p: Point, ok: boolean): LineSearchResult => ({
    ok,
    alpha: p.alpha,
    x: p.x,
    value: p.value,
    grad: p.grad,
    nEvaluations: evaluations,
  });

  // Zoom (Algorithm 3.6): `lo` satisfies Armijo and has the lowest value seen so far, and
  // φ'(lo)(hi − lo) < 0, so [lo, hi] brackets a Wolfe step.
  const zoom = (lo: Point, hi: Point): LineSearchResult => {
    while (evaluations < maxEvaluations) {
      const trial = evaluate(interpolate(lo, hi));
      if (!armijo(trial) || trial.value >= lo.value) {
        hi = trial;
      } else {
        if (curvature(trial)) return done(trial, true);
        if (trial.slope * (hi.alpha - lo.alpha) >= 0) hi = lo;
        lo = trial;
      }
      if (Math.abs(hi.alpha - lo.alpha) <= 1e-16 * Math.max(1, lo.alpha)) break;
    }
    return done(lo, false);
  };

  const start: Point = { alpha: 0, value: f0, slope: slope0, x: x0, grad: g0 };
  let previous = start;
  let alpha = alpha0;
  // Bracketing phase (Algorithm 3.5): grow the step until it overshoots or meets the conditions.
  while (evaluations < maxEvaluations) {
    const current = evaluate(alpha);
    if (!armijo(current) || (previous !== start && current.value >= previous.value)) {
      return zoom(previous, current);
    }
    if (curvature(current)) return done(current, true);
    if (current.slope >= 0) return zoom(current, previous);
    previous = current;
    alpha *= 2;
  }
  return done(previous, false);
}

/**
 * Minimiser of the cubic through (a, φ(a), φ'(a)) and (b, φ(b), φ'(b)) (N&W eq. 3.59),
 * kept inside the middle 80% of the interval so the bracket always shrinks; bisection when the
 * cubic has no minimiser there.
 */
function interpolate(a: Point, b: Point): number {
  const lo = Math.min(a.alpha, b.alpha), hi = Math.max(a.alpha, b.alpha);
  const width = hi - lo;
  const d1 = a.slope + b.slope - 3 * (a.value - b.value) / (a.alpha - b.alpha);
  const disc = d1 * d1 - a.slope * b.slope;
  let t = Number.NaN;
  if (disc >= 0 && Number.isFinite(b.value)) {
    const d2 = Math.sign(b.alpha - a.alpha) * Math.sqrt(disc);
    t = b.alpha - (b.alpha - a.alpha) * (b.slope + d2 - d1) / (b.slope - a.slope + 2 * d2);
  }
  if (!Number.isFinite(t) || t < lo + 0.1 * width || t > hi - 0.1 * width) {
    return Number.isFinite(t)
      ? Math.min(Math.max(t, lo + 0.1 * width), hi - 0.1 * width)
      : (lo + hi) / 2;
  }
  return t;
}

function dotVec(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}
