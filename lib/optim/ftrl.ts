/**
 * FTRL-Proximal, "Follow The (Proximally) Regularized Leader", the online learner of
 * McMahan et al. (2013) "Ad Click Prediction: a View from the Trenches", Algorithm 1.
 *
 * @module
 */
import { checkNumber } from "../core/mod.ts";
import { Optimizer, type OptimizerOptions } from "./optimizer.ts";

/** Options of {@link FTRL}. */
export interface FTRLOptions extends OptimizerOptions {
  /** α, the per-coordinate learning-rate scale (keep it constant: σ uses it). @default 0.1 */
  learningRate: OptimizerOptions["learningRate"];
  /** β, smoothing of the per-coordinate rate α / (β + √n). @default 1 */
  beta: number;
  /** λ₁: L1 strength; coordinates with |z| <= λ₁ are exactly 0 (sparsity). @default 0 */
  l1: number;
  /** λ₂: L2 strength inside the proximal step. @default 0 */
  l2: number;
  /** L2 weight decay λ (coupled: g ← g + λ w). @default 0 */
  weightDecay: number;
}

/** What {@link FTRL} keeps per parameter array. */
export interface FTRLState {
  /** z, the accumulated gradients minus σ w. */
  z: Float64Array;
  /** n, the accumulated squared gradients. */
  n: Float64Array;
}

/**
 * FTRL-Proximal, per coordinate i (ηₜ = α / (β + √nₜ)):
 *
 *   σ = (√(n + g²) − √n) / α          (so that Σσ = 1/ηₜ − 1/η₀)
 *   z ← z + g − σ w;   n ← n + g²
 *   w = 0                                        if |z| <= λ₁
 *   w = −(z − sgn(z) λ₁) / ((β + √n)/α + λ₂)     otherwise
 *
 * z starts at −w β/α, so the initial weights are kept (the paper starts from w = 0, z = 0). With
 * λ₁ = λ₂ = 0 the update is exactly w ← w − ηₜ g, AdaGrad with ε = β (McMahan 2011), which the
 * tests check. tfjs has no FTRL; TensorFlow's `Ftrl` uses a learning-rate power and s₀ = 0.1.
 *
 * @example
 * ```ts
 * import { FTRL } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * const w = new Float64Array(3);
 * const opt = new FTRL({ learningRate: 0.5, l1: 1 });
 * opt.step([{ data: w, grad: new Float64Array([0.5, -3, 3]) }]);
 * assertEquals(Array.from(w), [0, 0.25, -0.25]); // |z| = 0.5 <= λ₁ stays exactly 0
 * ```
 */
export class FTRL extends Optimizer<FTRLOptions, FTRLState> {
  /** "ftrl", the name {@link createOptimizer} knows it by. */
  readonly name = "ftrl";

  /** Creates the optimizer; see {@link FTRLOptions} for the options and their defaults. */
  constructor(options: Partial<FTRLOptions> = {}) {
    super({ learningRate: 0.1, beta: 1, l1: 0, l2: 0, weightDecay: 0 }, options);
    checkNumber("beta", this.options.beta, { min: 0 });
    checkNumber("l1", this.options.l1, { min: 0 });
    checkNumber("l2", this.options.l2, { min: 0 });
  }

  /** z = −w β/α (so the starting weights are kept) and n = 0. */
  protected initState(w: Float64Array): FTRLState {
    const alpha = this.learningRateAt(0), beta = this.options.beta;
    return { z: w.map((wi) => (-wi * beta) / alpha), n: new Float64Array(w.length) };
  }

  /** One FTRL-Proximal step on w in place (the rule in the class description). */
  protected update(w: Float64Array, g: Float64Array, { z, n }: FTRLState, alpha: number): void {
    const { beta, l1, l2 } = this.options;
    for (let i = 0; i < w.length; i++) {
      const nNew = n[i] + g[i] * g[i];
      const sigma = (Math.sqrt(nNew) - Math.sqrt(n[i])) / alpha;
      z[i] += g[i] - sigma * w[i];
      n[i] = nNew;
      w[i] = Math.abs(z[i]) <= l1
        ? 0
        : -(z[i] - Math.sign(z[i]) * l1) / ((beta + Math.sqrt(n[i])) / alpha + l2);
    }
  }
}
