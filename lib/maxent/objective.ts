/**
 * The objective every maximum-entropy solver minimises: the negative of the dual function, which
 * is the conditional log-likelihood (李航《统计学习方法》§6.2.3–6.2.4), plus an optional L2 penalty.
 *
 * Model (李航 (6.22), (6.23)), with features fᵢ and weights wᵢ:
 *
 *   P_w(y | x) = exp(Σᵢ wᵢ fᵢ(x, y)) / Z_w(x),   Z_w(x) = Σ_y exp(Σᵢ wᵢ fᵢ(x, y)).
 *
 * Primal (李航 定义 6.3): maximise the conditional entropy H(P) = −Σ_{x,y} P̃(x) P(y|x) log P(y|x)
 * subject to E_P(fᵢ) = E_P̃(fᵢ) for every i and Σ_y P(y|x) = 1, where
 *   E_P̃(fᵢ) = Σ_{x,y} P̃(x, y) fᵢ(x, y)          (empirical expectation)
 *   E_P(fᵢ)  = Σ_{x,y} P̃(x) P(y|x) fᵢ(x, y)      (model expectation).
 * Lagrangian: L(P, w) = −H(P) + w₀(1 − Σ_y P(y|x)) + Σᵢ wᵢ (E_P̃(fᵢ) − E_P(fᵢ)). The primal is
 * min_P max_w L; since L is convex in P and the constraints are linear, it equals the dual
 * max_w min_P L. Setting ∂L/∂P(y|x) = 0 gives P = P_w above; substituting back,
 *
 *   Ψ(w) = Σ_{x,y} P̃(x, y) Σᵢ wᵢ fᵢ(x, y) − Σ_x P̃(x) log Z_w(x) = L_P̃(P_w),
 *
 * the log-likelihood of the conditional model averaged over the data: maximising the dual IS
 * maximum likelihood. We minimise, with α ≥ 0,
 *
 *   J(w) = −Ψ(w) + (α/2)‖w‖² = (1/n) Σₛ [log Z_w(xₛ) − Σᵢ wᵢ fᵢ(xₛ, yₛ)] + (α/2)‖w‖².
 *
 * Gradient, from ∂ log Z_w(x)/∂wᵢ = Σ_y P_w(y|x) fᵢ(x, y):
 *
 *   ∂J/∂wᵢ = E_P(fᵢ) − E_P̃(fᵢ) + α wᵢ,
 *
 * so a stationary point of the unpenalised J satisfies exactly the maximum-entropy constraints.
 * The Hessian Σ_x P̃(x) Cov_{P_w(·|x)}(f) + αI is positive semi-definite: J is convex.
 * α = 1/(C·n) matches LogisticRegression's C (scikit-learn's C·Σℓ + ½‖w‖², divided by C·n).
 *
 * @module
 */
import type { Vector } from "../core/matrix.ts";
import type { DifferentiableObjective } from "../solvers/types.ts";
import type { FeatureTable } from "./features.ts";

/**
 * Scores zₛ꜀ = Σᵢ wᵢ fᵢ(xₛ, c) and probabilities P_w(c | xₛ) of every pair, row-major (n, K).
 * @param table feature values on the n·K pairs
 * @param w weights, length m
 * @param out output buffer of length n·K, overwritten with the probabilities
 * @returns log Z_w(xₛ) of every sample, length n
 */
export function conditionalProbabilities(table: FeatureTable, w: Vector, out: Vector): Vector {
  const { nSamples: n, nClasses: K, offsets, index, value } = table;
  const logZ = new Float64Array(n);
  for (let s = 0; s < n; s++) {
    let max = -Infinity;
    for (let c = 0; c < K; c++) {
      const p = s * K + c;
      let z = 0;
      for (let e = offsets[p]; e < offsets[p + 1]; e++) z += w[index[e]] * value[e];
      out[p] = z;
      if (z > max) max = z;
    }
    // log-sum-exp shifted by the largest score, so no exponential overflows.
    let sum = 0;
    for (let c = 0; c < K; c++) sum += Math.exp(out[s * K + c] - max);
    const lz = max + Math.log(sum);
    for (let c = 0; c < K; c++) out[s * K + c] = Math.exp(out[s * K + c] - lz);
    logZ[s] = lz;
  }
  return logZ;
}

/**
 * J(w) = −L_P̃(P_w) + (α/2)‖w‖² and its gradient E_P(f) − E_P̃(f) + αw, over a feature table.
 *
 * After each evaluation the probabilities P_w(c | xₛ), the model expectations and the average
 * log-likelihood at that w are kept, for IIS (which needs P_w) and for the histories.
 *
 * @example
 * ```ts
 * import { MaxEntObjective } from "../mod.ts";
 * import { assertAlmostEquals } from "@std/assert";
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
 * const grad = new Float64Array(objective.size);
 * const value = objective.valueAndGradient(new Float64Array(objective.size), grad);
 * assertAlmostEquals(value, Math.log(2)); // −L = log K at w = 0
 * assertAlmostEquals(grad[0], 1 / 2 - 2 / 3); // E_P(f₀) − E_P̃(f₀)
 * ```
 */
export class MaxEntObjective implements DifferentiableObjective {
  /** m, the number of weights. */
  readonly size: number;
  /** E_P̃(fᵢ) = (1/n) Σₛ fᵢ(xₛ, yₛ), length m. */
  readonly empirical: Vector;
  /** P_w(c | xₛ) at the last evaluated w, row-major (n, K). */
  readonly probabilities: Vector;
  /** E_P(fᵢ) at the last evaluated w, length m. */
  readonly expected: Vector;
  /** L_P̃(P_w) = (1/n) Σₛ log P_w(yₛ | xₛ) at the last evaluated w. */
  logLikelihood: number = Number.NaN;
  /** Maps each objective value returned to its log-likelihood, to rebuild solver histories. */
  readonly logLikelihoodOf = new Map<number, number>();

  /**
   * The objective −L_P̃(P_w) + (α/2)‖w‖² over a feature table (李航 (6.27), the dual of §6.2).
   * @param table feature values on the n·K (sample, class) pairs
   * @param yIndex the class index of each sample, length n
   * @param alpha L2 penalty strength α ≥ 0
   */
  constructor(readonly table: FeatureTable, readonly yIndex: Int32Array, readonly alpha: number) {
    this.size = table.nFeatures;
    this.probabilities = new Float64Array(table.nSamples * table.nClasses);
    this.expected = new Float64Array(table.nFeatures);
    const { nSamples: n, nClasses: K, offsets, index, value } = table;
    this.empirical = new Float64Array(this.size);
    for (let s = 0; s < n; s++) {
      const p = s * K + yIndex[s];
      for (let e = offsets[p]; e < offsets[p + 1]; e++) this.empirical[index[e]] += value[e] / n;
    }
  }

  valueAndGradient(w: Vector, grad: Vector): number {
    const { nSamples: n, nClasses: K, offsets, index, value } = this.table;
    const prob = this.probabilities;
    const logZ = conditionalProbabilities(this.table, w, prob);
    const expected = this.expected;
    expected.fill(0);
    let logLikelihood = 0;
    for (let s = 0; s < n; s++) {
      logLikelihood += Math.log(prob[s * K + this.yIndex[s]]);
      for (let c = 0; c < K; c++) {
        const p = s * K + c;
        const weight = prob[p] / n;
        if (weight === 0) continue;
        for (let e = offsets[p]; e < offsets[p + 1]; e++) expected[index[e]] += weight * value[e];
      }
    }
    // log P_w(yₛ|xₛ) underflows to −∞ only when the score gap exceeds ~745; use zₛ,yₛ − log Z then.
    if (!Number.isFinite(logLikelihood)) logLikelihood = this.exactLogLikelihood(w, logZ);
    logLikelihood /= n;
    let penalty = 0;
    for (let i = 0; i < this.size; i++) {
      penalty += w[i] * w[i];
      grad[i] = expected[i] - this.empirical[i] + this.alpha * w[i];
    }
    this.logLikelihood = logLikelihood;
    const objective = -logLikelihood + 0.5 * this.alpha * penalty;
    this.logLikelihoodOf.set(objective, logLikelihood);
    return objective;
  }

  /** L_P̃(P_w) recomputed from log Z (the value is exact where the loss history rounds). */
  private exactLogLikelihood(w: Vector, logZ: Vector): number {
    const { nSamples: n, nClasses: K, offsets, index, value } = this.table;
    let total = 0;
    for (let s = 0; s < n; s++) {
      const p = s * K + this.yIndex[s];
      let z = 0;
      for (let e = offsets[p]; e < offsets[p + 1]; e++) z += w[index[e]] * value[e];
      total += z - logZ[s];
    }
    return total;
  }
}
