/**
 * Stochastic gradient descent, with heavy-ball or Nesterov momentum (d2l §12.4, §12.6).
 *
 * @module
 */
import { checkBoolean, checkNumber, ValueError } from "../core/mod.ts";
import { Optimizer, type OptimizerOptions } from "./optimizer.ts";

/** Options of {@link SGD}. */
export interface SGDOptions extends OptimizerOptions {
  /** η. @default 0.01 */
  learningRate: OptimizerOptions["learningRate"];
  /** Momentum μ in [0, 1); 0 is plain SGD. @default 0 */
  momentum: number;
  /** Nesterov's look-ahead form (needs momentum > 0). @default false */
  nesterov: boolean;
  /** L2 weight decay λ (coupled: g ← g + λ w). @default 0 */
  weightDecay: number;
}

const DEFAULTS: SGDOptions = { learningRate: 0.01, momentum: 0, nesterov: false, weightDecay: 0 };

/**
 * SGD with momentum, in PyTorch's form (the velocity accumulates raw gradients, η applied after):
 *
 *   v ← μ v + g                      (v₀ = 0, so the first step is plain SGD)
 *   w ← w − η v                      (heavy ball, Polyak 1964)
 *   w ← w − η (g + μ v)              (Nesterov: the gradient step plus a look-ahead along v)
 *
 * With μ = 0 this is w ← w − η g. tfjs's `tf.train.momentum(η, μ, useNesterov)` is the same rule.
 *
 * @example
 * ```ts
 * import { SGD } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * const w = new Float64Array([1, 2]);
 * new SGD({ learningRate: 0.1 }).step([{ data: w, grad: new Float64Array([1, -1]) }]);
 * assertEquals(Array.from(w), [0.9, 2.1]);
 * ```
 */
export class SGD extends Optimizer<SGDOptions, Float64Array> {
  /** "sgd", the name {@link createOptimizer} knows it by. */
  readonly name = "sgd";

  /** Creates the optimizer; see {@link SGDOptions} for the options and their defaults. */
  constructor(options: Partial<SGDOptions> = {}) {
    super(DEFAULTS, options);
    checkNumber("momentum", this.options.momentum, { min: 0, max: 1 });
    checkBoolean("nesterov", this.options.nesterov);
    if (this.options.nesterov && this.options.momentum === 0) {
      throw new ValueError("The 'nesterov' option needs 'momentum' > 0. Got momentum 0.");
    }
  }

  /** The velocity v, starting at 0. */
  protected initState(w: Float64Array): Float64Array {
    return new Float64Array(w.length);
  }

  /** One SGD step on w in place (the rule in the class description). */
  protected update(w: Float64Array, g: Float64Array, v: Float64Array, lr: number): void {
    const { momentum: mu, nesterov } = this.options;
    if (mu === 0) {
      for (let i = 0; i < w.length; i++) w[i] -= lr * g[i];
      return;
    }
    for (let i = 0; i < w.length; i++) {
      v[i] = mu * v[i] + g[i];
      w[i] -= lr * (nesterov ? g[i] + mu * v[i] : v[i]);
    }
  }
}
