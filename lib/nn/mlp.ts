/**
 * The multilayer perceptron as three plain functions on lib/autodiff (d2l §5.1-5.3): `initMLP`
 * makes the parameters, `forwardMLP` computes the outputs, `mlpLoss` the training objective;
 * `backward()` on the loss gives every gradient, and an optimizer from lib/optim takes the step.
 *
 *   H⁽⁰⁾ = X,   H⁽ˡ⁾ = φ(H⁽ˡ⁻¹⁾ W⁽ˡ⁾ + b⁽ˡ⁾)  (l = 1..L−1, then dropout when training),
 *   O = H⁽ᴸ⁻¹⁾ W⁽ᴸ⁾ + b⁽ᴸ⁾
 *
 * @module
 */
import { halfMseLoss, softmaxCrossEntropy, Tensor } from "../autodiff/mod.ts";
import { Matrix, Random, ShapeError, ValueError } from "../core/mod.ts";
import type { Parameter } from "../optim/mod.ts";
import { activate, type Activation } from "./activations.ts";
import { dropout } from "./dropout.ts";
import { type Init, initWeights } from "./init.ts";

/** Weights W⁽ˡ⁾ of shape (n_{l−1}, n_l) and bias rows b⁽ˡ⁾ of shape (1, n_l), one per layer. */
export interface MLPParams {
  /** W⁽ˡ⁾ per layer. */
  weights: Tensor[];
  /** b⁽ˡ⁾ per layer. */
  biases: Tensor[];
}

/** Options of {@link initMLP}. */
export interface InitMLPOptions {
  /** Scheme of the weights (biases start at 0). @default "xavier" */
  init?: Init;
  /** Standard deviation for `init: "normal"`. @default 0.01 */
  std?: number;
  /** The generator to draw from. @default new Random(0) */
  rng?: Random;
}

/**
 * Fresh parameters for layer sizes [nInputs, hidden..., nOutputs].
 * @example
 * ```ts
 * import { initMLP } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * const { weights, biases } = initMLP([64, 100, 10]);
 * assertEquals(weights.map((w) => w.shape), [[64, 100], [100, 10]]);
 * assertEquals(biases.map((b) => b.shape), [[1, 100], [1, 10]]);
 * ```
 */
export function initMLP(
  layerSizes: readonly number[],
  { init = "xavier", std = 0.01, rng = new Random(0) }: InitMLPOptions = {},
): MLPParams {
  if (layerSizes.length < 2 || !layerSizes.every((n) => Number.isInteger(n) && n >= 1)) {
    throw new ValueError(
      `layerSizes must list at least 2 positive integers (inputs, ..., outputs). Got [${layerSizes}].`,
    );
  }
  const weights: Tensor[] = [], biases: Tensor[] = [];
  for (let l = 1; l < layerSizes.length; l++) {
    weights.push(
      Tensor.from(initWeights(layerSizes[l - 1], layerSizes[l], init, rng, std), `W${l}`),
    );
    biases.push(Tensor.from(Matrix.zeros(1, layerSizes[l]), `b${l}`));
  }
  return { weights, biases };
}

/** Options of {@link forwardMLP}. */
export interface ForwardOptions {
  /** φ of the hidden layers. @default "relu" */
  activation?: Activation;
  /** Drop probability after each hidden layer, applied only when `training`. @default 0 */
  dropout?: number;
  /** Training mode (dropout on) or evaluation mode (off). @default false */
  training?: boolean;
  /** Generator of the dropout masks. @default new Random(0) */
  rng?: Random;
}

/**
 * The network's outputs (logits for classification).
 * @param X shape (nSamples, nInputs)
 * @returns shape (nSamples, nOutputs)
 */
export function forwardMLP(
  params: MLPParams,
  X: Tensor | Matrix,
  { activation = "relu", dropout: p = 0, training = false, rng = new Random(0) }: ForwardOptions =
    {},
): Tensor {
  const { weights, biases } = params;
  let H = X instanceof Tensor ? X : Tensor.constant(X);
  if (H.cols !== weights[0].rows) {
    throw new ShapeError(
      `X has ${H.cols} features, but the network's first layer expects ${weights[0].rows}.`,
    );
  }
  for (let l = 0; l < weights.length; l++) {
    H = H.matmul(weights[l]).add(biases[l]);
    if (l < weights.length - 1) {
      H = activate(activation, H);
      if (training && p > 0) H = dropout(H, p, rng);
    }
  }
  return H;
}

/** Options of {@link mlpLoss}. */
export interface LossOptions extends ForwardOptions {
  /** Softmax cross-entropy on integer labels, or halved squared error on real targets. */
  task: "classification" | "regression";
  /** λ of the penalty (λ/2) Σₗ ‖W⁽ˡ⁾‖² (biases are not penalised). @default 0 */
  l2?: number;
  /**
   * Per-sample weights wᵢ ≥ 0, shape (n,): the data loss becomes Σᵢ wᵢ ℓᵢ / Σᵢ wᵢ (integer
   * weights equal repeated rows). All 1 when absent.
   */
  sampleWeight?: ArrayLike<number>;
}

/**
 * The objective on a batch: data loss + (λ/2) Σ‖W‖².
 * - classification: (1/n) Σᵢ −log softmax(oᵢ)[yᵢ]
 * - regression: (1/n) Σᵢ ½ ‖oᵢ − yᵢ‖²
 * (with `sampleWeight`, weighted means Σᵢ wᵢ ℓᵢ / Σᵢ wᵢ instead of (1/n) Σᵢ)
 * @param X shape (n, nInputs)
 * @param y classification: labels 0..k−1, shape (n,); regression: targets, shape (n, nOutputs)
 */
export function mlpLoss(
  params: MLPParams,
  X: Tensor | Matrix,
  y: ArrayLike<number> | Matrix,
  options: LossOptions,
): Tensor {
  const out = forwardMLP(params, X, options);
  const w = options.sampleWeight;
  let loss = w
    ? weightedLoss(out, y, w, options.task)
    : options.task === "classification"
    ? softmaxCrossEntropy(out, y as ArrayLike<number>)
    : halfMseLoss(out, y instanceof Matrix ? y : Matrix.column(y as ArrayLike<number>));
  const l2 = options.l2 ?? 0;
  if (l2 > 0) {
    for (const W of params.weights) loss = loss.add(W.pow(2).sum().mul(l2 / 2));
  }
  return loss;
}

/** Σᵢ wᵢ ℓᵢ / Σᵢ wᵢ for softmax cross-entropy or the halved squared error. */
function weightedLoss(
  out: Tensor,
  y: ArrayLike<number> | Matrix,
  w: ArrayLike<number>,
  task: "classification" | "regression",
): Tensor {
  const n = out.rows, k = out.cols;
  if (w.length !== n) {
    throw new ShapeError(`sampleWeight has ${w.length} values, but X has ${n} samples.`);
  }
  let total = 0;
  for (let i = 0; i < n; i++) total += w[i];
  // A constant (n, k) matrix carrying each row's weight (on its label for classification).
  const W = new Matrix(n, k);
  if (task === "classification") {
    const labels = y as ArrayLike<number>;
    for (let i = 0; i < n; i++) W.data[i * k + labels[i]] = w[i];
    return out.logSoftmax(1).mul(Tensor.constant(W)).sum().mul(-1 / total);
  }
  const Y = y instanceof Matrix ? y : Matrix.column(y as ArrayLike<number>);
  for (let i = 0; i < n; i++) W.data.fill(w[i], i * k, (i + 1) * k);
  const r = out.sub(Tensor.constant(Y));
  return r.mul(r).mul(Tensor.constant(W)).sum().mul(0.5 / (total * k));
}

/** The parameters as an optimizer sees them; biases opt out of any optimizer weight decay. */
export function mlpParameters(params: MLPParams): Parameter[] {
  return [
    ...params.weights,
    ...params.biases.map((b) => ({ data: b.data, grad: b.grad, weightDecay: 0 })),
  ];
}
