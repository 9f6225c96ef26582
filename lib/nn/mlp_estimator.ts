/**
 * What MLPClassifier and MLPRegressor share: options (scikit-learn's MLP vocabulary plus dropout
 * and initialisation), their checks, and the minibatch training loop, written as a generator of
 * epochs so that `fit` (synchronous) and `trainWithProgress` (async, live display) run the very
 * same steps.
 *
 * @module
 */
import { checkOptions } from "../core/options.ts";
import { type FitOptions, toSampleWeight } from "../core/sample_weight.ts";
import { Tensor } from "../autodiff/mod.ts";
import {
  checkBoolean,
  checkInteger,
  checkNumber,
  checkOneOf,
  ConvergenceWarning,
  Estimator,
  type FittedState,
  type LabelLike,
  Matrix,
  type MatrixLike,
  Random,
  toMatrix,
  ValueError,
  warn,
} from "../core/mod.ts";
import { cosineDecay, createOptimizer, OPTIMIZER_NAMES, type OptimizerName } from "../optim/mod.ts";
import { type Activation, ACTIVATIONS } from "./activations.ts";
import { type Init, INITS } from "./init.ts";
import { forwardMLP, initMLP, mlpLoss, mlpParameters, type MLPParams } from "./mlp.ts";

/** Options of MLPClassifier and MLPRegressor. */
export interface MLPOptions {
  /** Units in each hidden layer. @default [100] */
  hiddenLayerSizes: number[];
  /** Hidden-layer activation. @default "relu" */
  activation: Activation;
  /** "sgd" (with `momentum`, `nesterov`), "adagrad", "rmsprop", "adam" or "ftrl". @default "adam" */
  optimizer: OptimizerName;
  /** Initial step size η. @default 0.001 */
  learningRate: number;
  /** "constant", or "cosine": η decays to 0 over `maxIter` epochs. @default "constant" */
  learningRateSchedule: "constant" | "cosine";
  /** Momentum for "sgd". @default 0.9 */
  momentum: number;
  /** Nesterov momentum for "sgd". @default true */
  nesterov: boolean;
  /** Minibatch size, capped at the number of samples. @default 200 */
  batchSize: number;
  /** Maximum number of epochs (passes over the data). @default 200 */
  maxIter: number;
  /** L2 penalty (weight decay) α, as scikit-learn: the batch loss gains α/(2·nBatch) Σ‖W‖². @default 0.0001 */
  alpha: number;
  /** Dropout probability after each hidden layer while training. @default 0 */
  dropout: number;
  /** Weight initialisation. @default "xavier" */
  init: Init;
  /** Stop when the epoch loss has not improved by `tol` for more than `nIterNoChange` epochs. @default 0.0001 */
  tol: number;
  /** See `tol`. @default 10 */
  nIterNoChange: number;
  /** Shuffle the samples every epoch. @default true */
  shuffle: boolean;
  /** Seed of the initial weights, the shuffles and the dropout masks. @default 0 */
  seed: number;
}

/** The defaults of {@link MLPOptions} (scikit-learn's, with the optimizer's defaults). */
export const MLP_DEFAULTS: MLPOptions = {
  hiddenLayerSizes: [100],
  activation: "relu",
  optimizer: "adam",
  learningRate: 0.001,
  learningRateSchedule: "constant",
  momentum: 0.9,
  nesterov: true,
  batchSize: 200,
  maxIter: 200,
  alpha: 0.0001,
  dropout: 0,
  init: "xavier",
  tol: 0.0001,
  nIterNoChange: 10,
  shuffle: true,
  seed: 0,
};

/** Learned state: the layers' weights and biases and the training record. */
export interface MLPState extends FittedState {
  /** W⁽ˡ⁾, shape (n_{l−1}, n_l). */
  weights: Matrix[];
  /** b⁽ˡ⁾, shape (1, n_l). */
  biases: Matrix[];
  /** Mean training loss (penalty included) of each epoch. */
  lossHistory: number[];
  /** Epochs run. */
  nIter: number;
}

/** What `fitEpochs` yields after each epoch. */
export interface EpochInfo {
  /** 1-based epoch number. */
  epoch: number;
  /** Mean training loss of the epoch. */
  loss: number;
  /** Seconds since training started. */
  seconds: number;
}

/** Shared base; subclasses say how targets are encoded and how outputs are read. */
export abstract class MLPEstimator<S extends MLPState> extends Estimator<MLPOptions, S> {
  /** Merges `options` over {@link MLP_DEFAULTS} and checks them. */
  protected constructor(options: Partial<MLPOptions>) {
    super(MLP_DEFAULTS, options);
    const o = this.options;
    if (
      !Array.isArray(o.hiddenLayerSizes) ||
      !o.hiddenLayerSizes.every((n) => Number.isInteger(n) && n >= 1)
    ) {
      throw new ValueError(
        `The 'hiddenLayerSizes' option must be an array of integers >= 1. Got ${
          JSON.stringify(o.hiddenLayerSizes)
        } instead.`,
      );
    }
    checkOneOf("activation", o.activation, ACTIVATIONS);
    checkOneOf("optimizer", o.optimizer, OPTIMIZER_NAMES);
    checkNumber("learningRate", o.learningRate, { min: 0, exclusiveMin: true });
    checkOneOf("learningRateSchedule", o.learningRateSchedule, ["constant", "cosine"] as const);
    checkNumber("momentum", o.momentum, { min: 0, max: 1 });
    checkBoolean("nesterov", o.nesterov);
    checkInteger("batchSize", o.batchSize, 1);
    checkInteger("maxIter", o.maxIter, 1);
    checkNumber("alpha", o.alpha, { min: 0 });
    checkNumber("dropout", o.dropout, { min: 0, max: 1 });
    if (o.dropout === 1) {
      throw new ValueError(
        "The 'dropout' option must be below 1 (1 drops every unit). Got 1 instead.",
      );
    }
    checkOneOf("init", o.init, INITS);
    checkNumber("tol", o.tol, { min: 0 });
    checkInteger("nIterNoChange", o.nIterNoChange, 1);
    checkBoolean("shuffle", o.shuffle);
    checkInteger("seed", o.seed);
  }

  /** W⁽ˡ⁾ of each layer, shape (n_{l−1}, n_l) (scikit-learn's `coefs_`); copies. */
  get coefs(): Matrix[] {
    return this.fitted().weights.map((w) => w.clone());
  }

  /** b⁽ˡ⁾ of each layer, length n_l (scikit-learn's `intercepts_`); copies. */
  get intercepts(): Float64Array[] {
    return this.fitted().biases.map((b) => b.data.slice());
  }

  /** Mean training loss of each epoch, α-penalty included (scikit-learn's `loss_curve_`); a copy. */
  get lossHistory(): number[] {
    return [...this.fitted().lossHistory];
  }

  /** Epochs run (scikit-learn's `n_iter_`). */
  get nIter(): number {
    return this.fitted().nIter;
  }

  /**
   * Checks and encodes y for training: the targets the loss sees, the number of outputs, and the
   * subclass's own part of the state (e.g. the classes).
   */
  protected abstract prepare(
    X: Matrix,
    y: LabelLike,
  ): { target: Float64Array; nOutputs: number; extra: Omit<S, keyof MLPState> };

  /** Task of the output layer. */
  protected abstract readonly task: "classification" | "regression";

  /**
   * Fits like `fit`, yielding after each epoch (for progress displays); the model is usable
   * (predict) between epochs. Re-initialises the weights: every call trains from scratch.
   * @param X shape (nSamples, nFeatures)
   * @param y shape (nSamples,)
   * @param fitOptions `sampleWeight`, shape (nSamples,): each batch loss is Σ wᵢℓᵢ / Σ wᵢ and
   * the epoch loss the weighted mean (integer weights equal repeated rows in expectation)
   */
  *fitEpochs(X: MatrixLike, y: LabelLike, fitOptions: FitOptions = {}): Generator<EpochInfo, this> {
    const o = this.options;
    const Xm = toMatrix(X, "X");
    const { target, nOutputs, extra } = this.prepare(Xm, y);
    checkOptions(fitOptions, ["sampleWeight"], `${this.className}.fit`);
    // Unit weights take the unweighted path, so they give bit-identical models.
    const given = toSampleWeight(fitOptions.sampleWeight, Xm.rows);
    const w = given?.every((v) => v === 1) ? undefined : given;
    const totalWeight = w ? w.reduce((s, v) => s + v, 0) : Xm.rows;
    const n = Xm.rows, batch = Math.min(o.batchSize, n), batches = Math.ceil(n / batch);
    const rng = new Random(o.seed);
    const params = initMLP([Xm.cols, ...o.hiddenLayerSizes, nOutputs], { init: o.init, rng });
    const learningRate = o.learningRateSchedule === "cosine"
      ? cosineDecay({ learningRate: o.learningRate, totalSteps: o.maxIter * batches })
      : o.learningRate;
    const optimizer = createOptimizer(o.optimizer, {
      learningRate,
      momentum: o.optimizer === "sgd" ? o.momentum : 0,
      nesterov: o.optimizer === "sgd" && o.momentum > 0 && o.nesterov,
    });
    const parameters = mlpParameters(params);
    const lossHistory: number[] = [];
    this.state = {
      ...extra,
      nFeaturesIn: Xm.cols,
      weights: params.weights.map((w) => w.data),
      biases: params.biases.map((b) => b.data),
      lossHistory,
      nIter: 0,
    } as S;
    const start = performance.now();
    let best = Infinity, noImprovement = 0, stopped = false;
    for (let epoch = 1; epoch <= o.maxIter; epoch++) {
      const order = o.shuffle ? rng.permutation(n) : Uint32Array.from({ length: n }, (_, i) => i);
      let total = 0;
      for (let s = 0; s < n; s += batch) {
        const idx = order.subarray(s, Math.min(s + batch, n));
        const yb = Float64Array.from(idx, (i) => target[i]);
        const wb = w ? Float64Array.from(idx, (i) => w[i]) : undefined;
        const batchWeight = wb ? wb.reduce((a, v) => a + v, 0) : idx.length;
        if (batchWeight === 0) continue;
        const loss = mlpLoss(params, Xm.selectRows(idx), yb, {
          task: this.task,
          activation: o.activation,
          dropout: o.dropout,
          training: true,
          rng,
          l2: o.alpha / batchWeight,
          sampleWeight: wb,
        });
        loss.backward();
        optimizer.step(parameters);
        total += loss.item() * batchWeight;
      }
      const loss = total / totalWeight;
      lossHistory.push(loss);
      this.fitted().nIter = epoch;
      if (!Number.isFinite(loss)) {
        throw new ValueError(
          `Training diverged at epoch ${epoch} (loss ${loss}); lower the 'learningRate' option.`,
        );
      }
      yield { epoch, loss, seconds: (performance.now() - start) / 1000 };
      // scikit-learn's rule: count epochs whose loss is not below best − tol.
      noImprovement = loss > best - o.tol ? noImprovement + 1 : 0;
      best = Math.min(best, loss);
      if (noImprovement > o.nIterNoChange) {
        stopped = true;
        break;
      }
    }
    if (!stopped) {
      warn(
        new ConvergenceWarning(
          `${this.className}: maximum iterations (${o.maxIter}) reached and the optimization ` +
            `hasn't converged yet (the loss still improved by more than tol within the last ` +
            `nIterNoChange epochs). Increase maxIter or scale the features.`,
        ),
      );
    }
    return this;
  }

  /** The network's outputs in evaluation mode (no dropout). */
  protected outputs(X: MatrixLike): Tensor {
    const { weights, biases } = this.fitted();
    const params: MLPParams = {
      weights: weights.map((w) => Tensor.constant(w)),
      biases: biases.map((b) => Tensor.constant(b)),
    };
    return forwardMLP(params, this.checkPredictX(X), { activation: this.options.activation });
  }
}
