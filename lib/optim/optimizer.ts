/**
 * The optimizer protocol: an optimizer holds hyperparameters and, per parameter array, its own
 * state (velocity, squared-gradient averages ...); `step(params)` reads each parameter's `grad`
 * and updates its `data` in place. A parameter is anything with `data` and `grad` of equal length,
 * as `Float64Array`s or `Matrix`es, so a `Tensor` is one, and so is `{ data: w, grad: g }` built
 * by an estimator from its own arrays.
 *
 * L2 weight decay (coupled, PyTorch's `weight_decay`): before the update rule, g ← g + λ w, i.e.
 * the gradient of the loss plus (λ/2)‖w‖² (d2l §3.7). A parameter can override λ (biases use 0).
 *
 * @module
 */
import {
  checkLengthsMatch,
  checkNumber,
  describe,
  Matrix,
  mergeOptions,
  ValueError,
} from "../core/mod.ts";

/** A parameter array: a typed array or a Matrix (updated through its `data`). */
export type ParamArray = Float64Array | Matrix;

/** One trainable array and its gradient (a `Tensor` satisfies this). */
export interface Parameter {
  /** Values, updated in place by `step`. */
  readonly data: ParamArray;
  /** ∂L/∂data, read by `step` (left unchanged). */
  readonly grad: ParamArray;
  /** λ for this parameter, overriding the optimizer's `weightDecay` (e.g. 0 for biases). */
  readonly weightDecay?: number;
}

/** η as a function of the step number t = 0, 1, 2, ... (see `stepDecay`, `cosineDecay`). */
export type LearningRateSchedule = (step: number) => number;

/** Options every optimizer has. */
export interface OptimizerOptions {
  /** Step size η, or a schedule t ↦ ηₜ. */
  learningRate: number | LearningRateSchedule;
  /** L2 weight decay λ: g ← g + λ w before the update. @default 0 */
  weightDecay: number;
}

function values(a: ParamArray): Float64Array {
  return a instanceof Matrix ? a.data : a;
}

/**
 * Base class: merges options over defaults, keeps the step count and per-parameter state (keyed by
 * the parameter's array, so the same optimizer can serve any number of parameters), applies weight
 * decay, and delegates the update rule to `update`.
 * @typeParam O the options
 * @typeParam S the state of one parameter array
 */
export abstract class Optimizer<O extends OptimizerOptions = OptimizerOptions, S = unknown> {
  /** A short name ("adam", "sgd", ...). */
  abstract readonly name: string;
  /** The options after merging over the defaults. */
  readonly options: Readonly<O>;
  private t = 0;
  private states = new WeakMap<Float64Array, S>();

  /** Merges `options` over `defaults` (unknown keys are errors) and checks η and λ. */
  protected constructor(defaults: O, options: Partial<O>) {
    this.options = mergeOptions(defaults, options, new.target.name);
    const lr = this.options.learningRate;
    if (typeof lr !== "function") checkNumber("learningRate", lr, { min: 0, exclusiveMin: true });
    checkNumber("weightDecay", this.options.weightDecay, { min: 0 });
  }

  /** How many `step` calls have been made since construction or `reset()`. */
  get stepCount(): number {
    return this.t;
  }

  /** η at step t (default: the next step). */
  learningRateAt(t = this.t): number {
    const lr: number | LearningRateSchedule = this.options.learningRate;
    const value = typeof lr === "function" ? lr(t) : lr;
    if (!(value >= 0) || !Number.isFinite(value)) {
      throw new ValueError(
        `The learning-rate schedule must return a finite number >= 0. Got ${
          describe(value)
        } at step ${t}.`,
      );
    }
    return value;
  }

  /**
   * One update of every parameter from its current gradient: g ← grad + λ data, then the rule.
   * @param params the parameters to update in place
   */
  step(params: Iterable<Parameter>): void {
    const lr = this.learningRateAt(this.t);
    this.t++;
    for (const p of params) {
      const w = values(p.data), grad = values(p.grad);
      checkLengthsMatch("a parameter's gradient", grad.length, "the parameter", w.length, "values");
      const lambda = p.weightDecay ?? this.options.weightDecay;
      const g = lambda === 0 ? grad : grad.map((gi, i) => gi + lambda * w[i]);
      let state = this.states.get(w);
      if (state === undefined) {
        state = this.initState(w);
        this.states.set(w, state);
      }
      this.update(w, g, state, lr, this.t);
    }
  }

  /** Sets every gradient to 0 (for code that accumulates gradients itself). */
  zeroGrad(params: Iterable<Parameter>): void {
    for (const p of params) values(p.grad).fill(0);
  }

  /** Forgets all state and the step count, as a fresh optimizer with the same options. */
  reset(): void {
    this.t = 0;
    this.states = new WeakMap();
  }

  /** The state of a parameter seen for the first time (`w` holds its initial values). */
  protected abstract initState(w: Float64Array): S;

  /**
   * Applies the update rule in place.
   * @param w the parameter's values
   * @param g its gradient, weight decay included
   * @param state its state
   * @param lr ηₜ
   * @param t the step number, 1 for the first step (bias corrections use it)
   */
  protected abstract update(
    w: Float64Array,
    g: Float64Array,
    state: S,
    lr: number,
    t: number,
  ): void;
}
