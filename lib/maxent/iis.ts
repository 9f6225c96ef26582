/**
 * Improved iterative scaling (IIS), 李航《统计学习方法》算法 6.1 (Berger, Della Pietra & Della
 * Pietra, 1996), with the Gaussian-prior extension for an L2 penalty (Chen & Rosenfeld, 2000).
 *
 * Idea. With features fᵢ ≥ 0 and f#(x, y) = Σᵢ fᵢ(x, y), the change of the log-likelihood from
 * w to w + δ is bounded below by a function of δ that separates into one term per feature
 * (log t ≤ t − 1, then Jensen's inequality on exp with the weights fᵢ/f#):
 *
 *   L(w + δ) − L(w) ≥ Σ_{x,y} P̃(x,y) Σᵢ δᵢ fᵢ(x,y) + 1
 *                      − Σ_x P̃(x) Σ_y P_w(y|x) Σᵢ (fᵢ(x,y)/f#(x,y)) exp(δᵢ f#(x,y)).
 *
 * Maximising the bound in each δᵢ separately gives 李航 (6.32)/(6.33): solve
 *
 *   gᵢ(δ) = Σ_{x,y} P̃(x) P_w(y|x) fᵢ(x,y) exp(δ f#(x,y)) − E_P̃(fᵢ) = 0,
 *
 * then wᵢ ← wᵢ + δᵢ for all i at once. Every sweep raises the likelihood (the bound is 0 at δ = 0).
 *
 * - When f#(x, y) = M for every pair, the equation is solved in closed form:
 *   δᵢ = (1/M) log(E_P̃(fᵢ) / E_P(fᵢ)) — the generalised iterative scaling (GIS) step.
 * - Otherwise gᵢ is increasing and convex in δ, and Newton's method (李航 (6.35)) finds the root;
 *   here safeguarded by a bracket, because from the left of the root an exponential's Newton step
 *   can overshoot by orders of magnitude.
 * - With the penalty (α/2)‖w‖² subtracted from L, the bound gains −(α/2)(wᵢ + δᵢ)² per feature
 *   and the equation becomes gᵢ(δ) + α(wᵢ + δ) = 0, still increasing and convex; no closed form.
 *
 * IIS needs fᵢ ≥ 0 (for Jensen's inequality) and, without a penalty, E_P̃(fᵢ) > 0 for every
 * feature that fires on some pair (otherwise its weight tends to −∞ and no finite δ solves gᵢ = 0).
 *
 * @module
 */
import { ValueError } from "../core/errors.ts";
import { maxAbs, type MinimizeResult } from "../solvers/types.ts";
import type { MaxEntObjective } from "./objective.ts";

/** How IIS solved its per-feature equations. */
export type IisStep = "closed-form" | "newton";

/** The result of {@link improvedIterativeScaling}. */
export interface IisResult extends MinimizeResult {
  /** `"closed-form"` when f# was constant (the GIS step), else `"newton"`. */
  step: IisStep;
}

/**
 * Per feature i, the entries (pair, fᵢ) grouped by their value of f#: gᵢ needs only
 * Σ_{entries with f# = M} P̃(x) P_w(y|x) fᵢ(x, y) for each distinct M.
 */
interface Groups {
  /** Groups of feature i are groupStart[i] .. groupStart[i + 1] − 1. */
  groupStart: Int32Array;
  /** f# of each group. */
  exponent: Float64Array;
  /** For each table entry, its group. */
  groupOf: Int32Array;
}

function groupByFSharp(objective: MaxEntObjective): { groups: Groups; constant: number | null } {
  const { nSamples: n, nClasses: K, offsets, index, value } = objective.table;
  const m = objective.size;
  const fSharp = new Float64Array(n * K);
  for (let p = 0; p < n * K; p++) {
    for (let e = offsets[p]; e < offsets[p + 1]; e++) {
      if (value[e] < 0) {
        throw new ValueError(
          `IIS needs non-negative features (fᵢ(x, y) ≥ 0). Feature ${index[e]} is ${value[e]} ` +
            `on sample ${Math.floor(p / K)}, class index ${p % K}; use solver "lbfgs" or shift it.`,
        );
      }
      fSharp[p] += value[e];
    }
  }
  const positive = fSharp.filter((v) => v > 0);
  const constant = positive.length === n * K && positive.every((v) => v === positive[0])
    ? positive[0]
    : null;

  const perFeature: Map<number, number>[] = Array.from({ length: m }, () => new Map());
  const groupOfLocal = new Int32Array(index.length);
  for (let p = 0; p < n * K; p++) {
    for (let e = offsets[p]; e < offsets[p + 1]; e++) {
      const groups = perFeature[index[e]];
      let g = groups.get(fSharp[p]);
      if (g === undefined) groups.set(fSharp[p], g = groups.size);
      groupOfLocal[e] = g;
    }
  }
  const groupStart = new Int32Array(m + 1);
  for (let i = 0; i < m; i++) groupStart[i + 1] = groupStart[i] + perFeature[i].size;
  const exponent = new Float64Array(groupStart[m]);
  perFeature.forEach((groups, i) => groups.forEach((g, M) => exponent[groupStart[i] + g] = M));
  const groupOf = groupOfLocal.map((g, e) => groupStart[index[e]] + g);
  return { groups: { groupStart, exponent, groupOf }, constant };
}

/**
 * Solves Σ_g a_g exp(δ M_g) + α(w + δ) − t = 0 for δ (a_g ≥ 0, M_g > 0): an increasing, convex
 * function, so Newton's iterates from the right of the root decrease monotonically to it. From the
 * left a Newton step may overshoot, so the root is kept in a bracket [lo, hi], with the upper end
 * from s(δ*) ≥ s(δ) e^{(δ*−δ) M_min} (s = Σ a e^{δM}) and s(δ*) = t − α(w + δ*) ≤ t − α(w + δ).
 */
export function solveScalingEquation(
  a: Float64Array,
  M: Float64Array,
  alpha: number,
  w: number,
  target: number,
): number {
  let mMin = Infinity, mass = 0;
  for (let g = 0; g < a.length; g++) {
    if (a[g] > 0) {
      mMin = Math.min(mMin, M[g]);
      mass += a[g];
    }
  }
  if (mass === 0) return alpha > 0 ? target / alpha - w : 0; // linear (or empty) equation
  let lo = -Infinity, hi = Infinity, delta = 0;
  for (let iter = 0; iter < 200; iter++) {
    let s = 0, ds = 0;
    for (let g = 0; g < a.length; g++) {
      const term = a[g] * Math.exp(delta * M[g]);
      s += term;
      ds += term * M[g];
    }
    const value = s + alpha * (w + delta) - target;
    if (value === 0) return delta;
    if (value < 0) {
      lo = delta;
      hi = Math.min(hi, delta + Math.log((target - alpha * (w + delta)) / s) / mMin);
    } else hi = delta;
    let next = delta - value / (ds + alpha);
    if (!(next > lo && next < hi)) next = Number.isFinite(lo) ? (lo + hi) / 2 : next;
    if (Math.abs(next - delta) <= 1e-15 * Math.max(1, Math.abs(delta))) return next;
    delta = next;
  }
  return delta;
}

/**
 * Fits the weights by improved iterative scaling, starting from w = 0 (李航 算法 6.1).
 * Stops when max |∂J/∂wᵢ| = max |E_P(fᵢ) − E_P̃(fᵢ) + αwᵢ| ≤ tol, after `maxIter` sweeps, or when a
 * sweep no longer changes w.
 *
 * @param objective the maximum-entropy objective (its table must hold non-negative features)
 * @returns weights, final J, the J history (one value per sweep) and which step was used
 * @example
 * ```ts
 * import { improvedIterativeScaling, MaxEntObjective } from "../mod.ts";
 * import { assertAlmostEquals, assertEquals } from "@std/assert";
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
 * const r = improvedIterativeScaling(new MaxEntObjective(table, yIndex, 0), {
 *   maxIter: 500,
 *   tol: 1e-8,
 * });
 * assertEquals(r.step, "closed-form"); // every pair has the same f# = 1
 * assertAlmostEquals(r.x[0] - r.x[1], Math.log(2), 1e-6); // P(y = 0) = 2/3
 * ```
 */
export function improvedIterativeScaling(
  objective: MaxEntObjective,
  { maxIter, tol }: { maxIter: number; tol: number },
): IisResult {
  const { groups, constant } = groupByFSharp(objective);
  const { nSamples: n, nClasses: K, offsets, value } = objective.table;
  const { alpha, empirical, probabilities } = objective;
  const m = objective.size;
  const closedForm = constant !== null && alpha === 0;

  const w = new Float64Array(m);
  const grad = new Float64Array(m);
  let current = objective.valueAndGradient(w, grad);
  const history = [current];
  checkReachable(objective, groups.groupStart);
  const coefficient = new Float64Array(groups.exponent.length);
  const delta = new Float64Array(m);
  let nIter = 0;
  while (nIter < maxIter && maxAbs(grad) > tol) {
    // a_g = Σ over the group's entries of P̃(x) P_w(y|x) fᵢ(x, y), with P̃(x) = 1/n per sample.
    coefficient.fill(0);
    for (let p = 0; p < n * K; p++) {
      const weight = probabilities[p] / n;
      for (let e = offsets[p]; e < offsets[p + 1]; e++) {
        coefficient[groups.groupOf[e]] += weight * value[e];
      }
    }
    for (let i = 0; i < m; i++) {
      const start = groups.groupStart[i], end = groups.groupStart[i + 1];
      if (closedForm) {
        const model = end > start ? coefficient[start] : 0; // the one group: E_P(fᵢ)
        delta[i] = model > 0 && empirical[i] > 0 ? Math.log(empirical[i] / model) / constant : 0;
      } else {
        delta[i] = solveScalingEquation(
          coefficient.subarray(start, end),
          groups.exponent.subarray(start, end),
          alpha,
          w[i],
          empirical[i],
        );
      }
    }
    // Near the optimum J changes by ~‖∇J‖², below its resolution long before ∇J meets a tight
    // tol, so the stopping test is on the gradient; stop early only when w no longer moves.
    let moved = false;
    for (let i = 0; i < m; i++) {
      const next = w[i] + delta[i];
      if (next !== w[i]) moved = true;
      w[i] = next;
    }
    if (!moved) break;
    current = objective.valueAndGradient(w, grad);
    history.push(current);
    nIter++;
    if (!Number.isFinite(current)) break;
  }
  const gradMaxNorm = maxAbs(grad);
  return {
    x: w,
    value: current,
    gradMaxNorm,
    nIter,
    converged: gradMaxNorm <= tol,
    history: Float64Array.from(history),
    nEvaluations: nIter + 1,
    step: closedForm ? "closed-form" : "newton",
  };
}

/** Without a penalty, a feature that fires on some pair but never on an observed one has no finite optimum. */
function checkReachable(objective: MaxEntObjective, groupStart: Int32Array): void {
  if (objective.alpha > 0) return;
  for (let i = 0; i < objective.size; i++) {
    if (objective.empirical[i] === 0 && groupStart[i + 1] > groupStart[i]) {
      throw new ValueError(
        `Feature ${i} never fires on a training pair (xₛ, yₛ) (empirical expectation 0) but does ` +
          `on other pairs, so its maximum-likelihood weight is −∞ and IIS cannot take a finite ` +
          `step. Use indicator pairs "observed", penalty "l2", or another solver.`,
      );
    }
  }
}
