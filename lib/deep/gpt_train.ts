/**
 * Training a language model (engineer gpt owns this file): AdamW (Adam with decoupled weight
 * decay, Loshchilov & Hutter 2019), seeded random batches of contiguous text, and nanoGPT's
 * training loop with a held-out loss.
 *
 * @module
 */
import { Random, ValueError } from "../core/mod.ts";
import { tf } from "./backend.ts";
import type { Module } from "./module.ts";
import { trainStep } from "./training.ts";

/** Options of `AdamW`. */
export interface AdamWOptions {
  /** Learning rate. @default 1e-3 */
  lr?: number;
  /** Adam's β₁. @default 0.9 */
  beta1?: number;
  /** Adam's β₂. @default 0.999 */
  beta2?: number;
  /** Adam's ε. @default 1e-8 */
  eps?: number;
  /** Decoupled weight decay λ, applied to matrices (rank ≥ 2) only, as nanoGPT does. @default 0.01 */
  weightDecay?: number;
  /** Clip the global gradient norm. @default none */
  clipNorm?: number | null;
}

/**
 * AdamW on a module (PyTorch's `torch.optim.AdamW`): each step first shrinks every weight matrix
 * by (1 − lr·λ) — decay decoupled from the gradient — then takes tfjs's Adam step. Biases,
 * LayerNorm gains and 1-D parameters are not decayed.
 *
 * @example
 * ```ts
 * import { assert } from "@std/assert";
 * import { AdamW, Linear, tf } from "../mod.ts";
 *
 * const fc = new Linear(2, 1);
 * const opt = new AdamW(fc, { lr: 0.05 });
 * const X = tf.tensor2d([[1, 2], [3, 4]]), y = tf.tensor2d([[1], [2]]);
 * const loss = () => fc.forward(X).sub(y).square().mean() as tf.Scalar;
 * const first = opt.step(loss);
 * let last = first;
 * for (let i = 0; i < 100; i++) last = opt.step(loss);
 * assert(last < first / 10);
 * ```
 */
export class AdamW {
  /** The tfjs Adam underneath. */
  readonly adam: tf.Optimizer;
  /** The options with defaults. */
  readonly options: Readonly<Required<AdamWOptions>>;
  readonly #module: Module;
  #lr: number;

  /** Creates the optimizer for the module's trainable parameters. */
  constructor(module: Module, options: AdamWOptions = {}) {
    this.options = Object.freeze({
      lr: 1e-3,
      beta1: 0.9,
      beta2: 0.999,
      eps: 1e-8,
      weightDecay: 0.01,
      clipNorm: null,
      ...options,
    });
    const o = this.options;
    if (!(o.lr > 0)) throw new ValueError(`lr must be > 0. Got ${o.lr} instead.`);
    if (!(o.weightDecay >= 0)) {
      throw new ValueError(`weightDecay must be >= 0. Got ${o.weightDecay} instead.`);
    }
    this.#module = module;
    this.#lr = o.lr;
    this.adam = tf.train.adam(o.lr, o.beta1, o.beta2, o.eps);
  }

  /** The current learning rate (`options.lr` until `setLearningRate`). */
  get learningRate(): number {
    return this.#lr;
  }

  /** Sets the learning rate of the next steps (a schedule): Adam's step and the decay both scale. */
  setLearningRate(lr: number): void {
    if (!(lr >= 0)) throw new ValueError(`lr must be >= 0. Got ${lr} instead.`);
    this.#lr = lr;
    (this.adam as unknown as { learningRate: number }).learningRate = lr;
  }

  /** One step on `loss()`; returns the loss value. */
  step(loss: () => tf.Scalar): number {
    const { weightDecay, clipNorm } = this.options, lr = this.#lr;
    if (weightDecay > 0) {
      tf.tidy(() => {
        for (const v of this.#module.variables()) {
          if (v.rank >= 2) v.assign(v.mul(1 - lr * weightDecay));
        }
      });
    }
    return trainStep(this.#module, this.adam, loss, { clipNorm });
  }

  /** Frees Adam's moment estimates. */
  dispose(): void {
    this.adam.dispose();
  }
}

/**
 * A batch of `batchSize` random windows of `data` (nanoGPT's `get_batch`): x (B, T) and the
 * same windows shifted by one, y (B, T), as int32 tensors. Offsets come from `rng`.
 */
export function getBatch(
  data: readonly number[],
  blockSize: number,
  batchSize: number,
  rng: Random,
): { x: tf.Tensor2D; y: tf.Tensor2D } {
  if (data.length <= blockSize) {
    throw new ValueError(
      `data has ${data.length} tokens; it needs more than blockSize = ${blockSize}.`,
    );
  }
  const x = new Int32Array(batchSize * blockSize);
  const y = new Int32Array(batchSize * blockSize);
  for (let b = 0; b < batchSize; b++) {
    const s = rng.int(data.length - blockSize);
    for (let t = 0; t < blockSize; t++) {
      x[b * blockSize + t] = data[s + t];
      y[b * blockSize + t] = data[s + t + 1];
    }
  }
  return {
    x: tf.tensor2d(x, [batchSize, blockSize], "int32"),
    y: tf.tensor2d(y, [batchSize, blockSize], "int32"),
  };
}

/** What `trainLanguageModel` needs from a model. */
export interface LanguageModel extends Module {
  /** Context length. */
  readonly options: { readonly blockSize: number };
  /** Mean next-token cross-entropy. */
  loss(idx: tf.Tensor, targets: tf.Tensor): tf.Scalar;
}

/** Options of `trainLanguageModel`. */
export interface TrainLMOptions extends AdamWOptions {
  /** Optimisation steps. @default 200 */
  steps?: number;
  /** Windows per batch. @default 16 */
  batchSize?: number;
  /** Seed of the batch offsets. @default 0 */
  seed?: number;
  /** Evaluate the held-out loss every this many steps (and at the end). @default 50 */
  evalEvery?: number;
  /** Batches averaged for each held-out loss. @default 4 */
  evalBatches?: number;
}

/** The curves of `trainLanguageModel`. */
export interface TrainLMResult {
  /** Training loss of every step. */
  trainLoss: number[];
  /** [step, held-out loss] pairs. */
  valLoss: [number, number][];
  /** Wall-clock seconds. */
  seconds: number;
}

/**
 * nanoGPT's loop: AdamW steps on random windows of `train`, the mean loss on `evalBatches`
 * random windows of `val` every `evalEvery` steps (in eval mode). Seeded and leak-free.
 */
export function trainLanguageModel(
  model: LanguageModel,
  train: readonly number[],
  val: readonly number[],
  options: TrainLMOptions = {},
): TrainLMResult {
  const { steps = 200, batchSize = 16, seed = 0, evalEvery = 50, evalBatches = 4, ...adam } =
    options;
  const T = model.options.blockSize;
  const rng = new Random(seed);
  const evalRng = new Random(seed + 1);
  const opt = new AdamW(model, adam);
  const trainLoss: number[] = [];
  const valLoss: [number, number][] = [];
  const evaluate = (step: number) => {
    model.eval();
    let s = 0;
    for (let i = 0; i < evalBatches; i++) {
      const { x, y } = getBatch(val, T, batchSize, evalRng);
      s += tf.tidy(() => model.loss(x, y).dataSync()[0]);
      tf.dispose([x, y]);
    }
    valLoss.push([step, s / evalBatches]);
    model.train();
  };
  const t0 = performance.now();
  model.train();
  evaluate(0);
  for (let step = 1; step <= steps; step++) {
    const { x, y } = getBatch(train, T, batchSize, rng);
    trainLoss.push(opt.step(() => model.loss(x, y)));
    tf.dispose([x, y]);
    if (step % evalEvery === 0 || step === steps) evaluate(step);
  }
  opt.dispose();
  model.eval();
  return { trainLoss, valLoss, seconds: (performance.now() - t0) / 1000 };
}
