/**
 * d2l §3.7 "Weight Decay": high-dimensional linear regression with far fewer samples than
 * features, where plain SGD over-fits and an L2 penalty (or dropout on the inputs) cures it.
 *
 * @module
 */
import { halfMseLoss, Tensor } from "../autodiff/mod.ts";
import { checkInteger, checkNumber, Matrix, Random } from "../core/mod.ts";
import { SGD } from "../optim/mod.ts";
import { dropout as dropInputs } from "./dropout.ts";

/** Options of {@link weightDecayExperiment}; defaults are d2l's. */
export interface WeightDecayExperimentOptions {
  /** λ of the penalty (λ/2)‖w‖² (0: no weight decay). @default 0 */
  lambda?: number;
  /** Drop probability applied to the inputs while training (0: none). @default 0 */
  dropout?: number;
  /** Training examples (few, so that the model overfits). @default 20 */
  nTrain?: number;
  /** Test examples. @default 100 */
  nTest?: number;
  /** Number of features d. @default 200 */
  nInputs?: number;
  /** Minibatch size. @default 5 */
  batchSize?: number;
  /** Passes over the training set. @default 100 */
  epochs?: number;
  /** η. @default 0.003 */
  learningRate?: number;
  /** Every true weight equals this. @default 0.01 */
  trueW?: number;
  /** The true bias. @default 0.05 */
  trueB?: number;
  /** Standard deviation of the label noise ε. @default 0.01 */
  noise?: number;
  /** Seed of the data, the initial w, the minibatch order and the dropout masks. @default 0 */
  seed?: number;
}

/** Curves and final weights of one run. */
export interface WeightDecayExperimentResult {
  /** Mean ½(ŷ − y)² on the training set after each epoch (no penalty, no dropout). */
  trainLoss: number[];
  /** The same on the test set. */
  testLoss: number[];
  /** The learned w, shape (d,). */
  w: Float64Array;
  /** The learned b. */
  b: number;
  /** ‖w‖₂, the figure d2l prints. */
  wNorm: number;
}

/**
 * Runs d2l's experiment: data y = X w* + b* + ε with X ~ N(0, 1)^(n×d), w* = 0.01·1, b* = 0.05,
 * ε ~ N(0, 0.01²); w starts at N(0, 1), b at 0; minibatch SGD on
 *
 *   L(w, b) = (1/|B|) Σ_{i∈B} ½ (xᵢ·w + b − yᵢ)² + (λ/2) ‖w‖²
 *
 * (the penalty enters as SGD's weight decay, w ← w − η(∇ + λw), bias not decayed). With 20
 * samples and 200 features, λ = 0 fits the training set exactly while ‖w‖ stays near its initial
 * √200 ≈ 14; λ = 3 shrinks w and the test loss with it.
 * @example
 * ```ts
 * import { weightDecayExperiment } from "../mod.ts";
 * import { assertGreater, assertLess } from "@std/assert";
 *
 * assertGreater(weightDecayExperiment({ lambda: 0 }).wNorm, 10); // d2l §3.7: ‖w‖ ≈ 14, overfit
 * assertLess(weightDecayExperiment({ lambda: 3 }).wNorm, 1); // weight decay shrinks it
 * ```
 */
export function weightDecayExperiment(
  options: WeightDecayExperimentOptions = {},
): WeightDecayExperimentResult {
  const {
    lambda = 0,
    dropout = 0,
    nTrain = 20,
    nTest = 100,
    nInputs = 200,
    batchSize = 5,
    epochs = 100,
    learningRate = 0.003,
    trueW = 0.01,
    trueB = 0.05,
    noise = 0.01,
    seed = 0,
  } = options;
  checkNumber("lambda", lambda, { min: 0 });
  checkNumber("dropout", dropout, { min: 0, max: 1 });
  checkInteger("nTrain", nTrain, 1);
  checkInteger("nTest", nTest, 1);
  checkInteger("nInputs", nInputs, 1);
  checkInteger("batchSize", batchSize, 1);
  checkInteger("epochs", epochs, 1);
  checkNumber("learningRate", learningRate, { min: 0, exclusiveMin: true });
  const rng = new Random(seed);
  const synthetic = (n: number) => {
    const X = new Matrix(n, nInputs, rng.normalArray(n * nInputs));
    const y = Matrix.column(X.sum(1).map((s) => trueW * s + trueB + rng.normal(0, noise)));
    return { X, y };
  };
  const train = synthetic(nTrain), test = synthetic(nTest);

  const w = Tensor.from(new Matrix(nInputs, 1, rng.normalArray(nInputs)), "w");
  const b = Tensor.from(Matrix.zeros(1, 1), "b");
  const optimizer = new SGD({ learningRate, weightDecay: lambda });
  const params = [w, { data: b.data, grad: b.grad, weightDecay: 0 }];
  const evaluate = ({ X, y }: { X: Matrix; y: Matrix }) =>
    halfMseLoss(Tensor.constant(X).matmul(Tensor.constant(w.data)).add(b.data.data[0]), y).item();

  const trainLoss: number[] = [], testLoss: number[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    const order = rng.permutation(nTrain);
    for (let s = 0; s < nTrain; s += batchSize) {
      const idx = order.subarray(s, Math.min(s + batchSize, nTrain));
      let Xb = Tensor.constant(train.X.selectRows(idx));
      if (dropout > 0) Xb = dropInputs(Xb, dropout, rng);
      halfMseLoss(Xb.matmul(w).add(b), train.y.selectRows(idx)).backward();
      optimizer.step(params);
    }
    trainLoss.push(evaluate(train));
    testLoss.push(evaluate(test));
  }
  return { trainLoss, testLoss, w: w.data.data.slice(), b: b.data.data[0], wNorm: w.data.norm() };
}
