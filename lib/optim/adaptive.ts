/**
 * Optimizers with per-coordinate step sizes from gradient statistics: AdaGrad, RMSProp, Adam
 * (d2l §12.7, §12.8, §12.10). Defaults are PyTorch's.
 *
 * @module
 */
import { checkBoolean, checkNumber } from "../core/mod.ts";
import { Optimizer, type OptimizerOptions } from "./optimizer.ts";

/** Options of {@link AdaGrad}. */
export interface AdaGradOptions extends OptimizerOptions {
  /** η. @default 0.01 */
  learningRate: OptimizerOptions["learningRate"];
  /** s₀, the starting value of the sum of squares (tfjs uses 0.1). @default 0 */
  initialAccumulatorValue: number;
  /** ε, added to √s. @default 1e-10 */
  epsilon: number;
  /** L2 weight decay λ (coupled: g ← g + λ w). @default 0 */
  weightDecay: number;
}

/**
 * AdaGrad (Duchi, Hazan & Singer 2011): coordinates with large past gradients get small steps.
 *
 *   s ← s + g²;   w ← w − η g / (√s + ε)
 *
 * tfjs's `tf.train.adagrad(η, s₀ = 0.1)` computes g / √(s + ε_backend) (ε = 1e-7, not an option):
 * equal to ours up to ε, i.e. to ~1e-6 relative once s ≳ 0.1.
 */
export class AdaGrad extends Optimizer<AdaGradOptions, Float64Array> {
  /** "adagrad", the name {@link createOptimizer} knows it by. */
  readonly name = "adagrad";

  /** Creates the optimizer; see {@link AdaGradOptions} for the options and their defaults. */
  constructor(options: Partial<AdaGradOptions> = {}) {
    super(
      { learningRate: 0.01, initialAccumulatorValue: 0, epsilon: 1e-10, weightDecay: 0 },
      options,
    );
    checkNumber("initialAccumulatorValue", this.options.initialAccumulatorValue, { min: 0 });
    checkNumber("epsilon", this.options.epsilon, { min: 0 });
  }

  /** The sum of squared gradients s, starting at s₀. */
  protected initState(w: Float64Array): Float64Array {
    return new Float64Array(w.length).fill(this.options.initialAccumulatorValue);
  }

  /** s ← s + g²;  w ← w − η g / (√s + ε). */
  protected update(w: Float64Array, g: Float64Array, s: Float64Array, lr: number): void {
    const eps = this.options.epsilon;
    for (let i = 0; i < w.length; i++) {
      s[i] += g[i] * g[i];
      w[i] -= (lr * g[i]) / (Math.sqrt(s[i]) + eps);
    }
  }
}

/** Options of {@link RMSProp}. */
export interface RMSPropOptions extends OptimizerOptions {
  /** η. @default 0.01 */
  learningRate: OptimizerOptions["learningRate"];
  /** ρ, the decay of the squared-gradient average (PyTorch's `alpha`, tfjs's `decay`). @default 0.99 */
  rho: number;
  /** ε, added to √v. @default 1e-8 */
  epsilon: number;
  /** μ of a velocity over the scaled gradients; 0 for none. @default 0 */
  momentum: number;
  /** Divide by an estimate of the variance, v − ḡ², instead of the raw second moment. @default false */
  centered: boolean;
  /** L2 weight decay λ (coupled: g ← g + λ w). @default 0 */
  weightDecay: number;
}

/** What {@link RMSProp} keeps per parameter array. */
export interface RMSPropState {
  /** Leaky average of g². */
  v: Float64Array;
  /** Leaky average of g (used when `centered`). */
  mean: Float64Array;
  /** Momentum buffer b (used when `momentum` > 0). */
  buf: Float64Array;
}

/**
 * RMSProp (Tieleman & Hinton 2012): AdaGrad with a leaky average, so old gradients are forgotten.
 *
 *   v ← ρ v + (1 − ρ) g²;   (centered: ḡ ← ρ ḡ + (1 − ρ) g, v̂ = v − ḡ²; else v̂ = v)
 *   u = g / (√v̂ + ε);       b ← μ b + u;   w ← w − η b      (μ = 0: w ← w − η u)
 *
 * tfjs's `tf.train.rmsprop(η, ρ, μ, ε, centered)` puts ε under the root, g / √(v̂ + ε), and folds η
 * into the velocity (b ← μ b + η u); with ε = 0 and a constant η the two are the same.
 */
export class RMSProp extends Optimizer<RMSPropOptions, RMSPropState> {
  /** "rmsprop", the name {@link createOptimizer} knows it by. */
  readonly name = "rmsprop";

  /** Creates the optimizer; see {@link RMSPropOptions} for the options and their defaults. */
  constructor(options: Partial<RMSPropOptions> = {}) {
    super(
      {
        learningRate: 0.01,
        rho: 0.99,
        epsilon: 1e-8,
        momentum: 0,
        centered: false,
        weightDecay: 0,
      },
      options,
    );
    checkNumber("rho", this.options.rho, { min: 0, max: 1 });
    checkNumber("epsilon", this.options.epsilon, { min: 0 });
    checkNumber("momentum", this.options.momentum, { min: 0, max: 1 });
    checkBoolean("centered", this.options.centered);
  }

  /** Zero averages and momentum buffer. */
  protected initState(w: Float64Array): RMSPropState {
    const n = w.length;
    return { v: new Float64Array(n), mean: new Float64Array(n), buf: new Float64Array(n) };
  }

  /** One RMSProp step on w in place (the rule in the class description). */
  protected update(
    w: Float64Array,
    g: Float64Array,
    { v, mean, buf }: RMSPropState,
    lr: number,
  ): void {
    const { rho, epsilon, momentum, centered } = this.options;
    for (let i = 0; i < w.length; i++) {
      v[i] = rho * v[i] + (1 - rho) * g[i] * g[i];
      let vHat = v[i];
      if (centered) {
        mean[i] = rho * mean[i] + (1 - rho) * g[i];
        vHat -= mean[i] * mean[i];
      }
      const u = g[i] / (Math.sqrt(vHat) + epsilon);
      if (momentum > 0) {
        buf[i] = momentum * buf[i] + u;
        w[i] -= lr * buf[i];
      } else {
        w[i] -= lr * u;
      }
    }
  }
}

/** Options of {@link Adam}. */
export interface AdamOptions extends OptimizerOptions {
  /** η. @default 0.001 */
  learningRate: OptimizerOptions["learningRate"];
  /** β₁, decay of the first moment. @default 0.9 */
  beta1: number;
  /** β₂, decay of the second moment. @default 0.999 */
  beta2: number;
  /** ε, added to √v̂. @default 1e-8 */
  epsilon: number;
  /** L2 weight decay λ (coupled: g ← g + λ w). @default 0 */
  weightDecay: number;
}

/** What {@link Adam} keeps per parameter array. */
export interface AdamState {
  /** First moment m (leaky average of g). */
  m: Float64Array;
  /** Second moment v (leaky average of g²). */
  v: Float64Array;
}

/**
 * Adam (Kingma & Ba 2015): momentum on g and RMSProp's scaling, both bias-corrected for their zero
 * start.
 *
 *   m ← β₁ m + (1 − β₁) g;   v ← β₂ v + (1 − β₂) g²
 *   m̂ = m / (1 − β₁ᵗ);       v̂ = v / (1 − β₂ᵗ);      w ← w − η m̂ / (√v̂ + ε)
 *
 * The same as tfjs's `tf.train.adam(η, β₁, β₂, ε)` and PyTorch's `Adam`.
 */
export class Adam extends Optimizer<AdamOptions, AdamState> {
  /** "adam", the name {@link createOptimizer} knows it by. */
  readonly name = "adam";

  /** Creates the optimizer; see {@link AdamOptions} for the options and their defaults. */
  constructor(options: Partial<AdamOptions> = {}) {
    super(
      { learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-8, weightDecay: 0 },
      options,
    );
    checkNumber("beta1", this.options.beta1, { min: 0, max: 1 });
    checkNumber("beta2", this.options.beta2, { min: 0, max: 1 });
    checkNumber("epsilon", this.options.epsilon, { min: 0 });
  }

  /** Zero moments. */
  protected initState(w: Float64Array): AdamState {
    return { m: new Float64Array(w.length), v: new Float64Array(w.length) };
  }

  /** One bias-corrected Adam step on w in place, t counting from 1. */
  protected update(
    w: Float64Array,
    g: Float64Array,
    { m, v }: AdamState,
    lr: number,
    t: number,
  ): void {
    const { beta1, beta2, epsilon } = this.options;
    const c1 = 1 - beta1 ** t, c2 = 1 - beta2 ** t;
    for (let i = 0; i < w.length; i++) {
      m[i] = beta1 * m[i] + (1 - beta1) * g[i];
      v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
      w[i] -= (lr * (m[i] / c1)) / (Math.sqrt(v[i] / c2) + epsilon);
    }
  }
}
