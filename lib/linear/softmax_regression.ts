/**
 * Softmax regression trained from scratch by minibatch stochastic gradient descent, as in
 * d2l §3.6 (softmax-regression-scratch), with per-epoch loss and accuracy curves.
 *
 * @module
 */
import { ShapeError } from "../core/errors.ts";
import { ClassifierEstimator, type ClassifierState } from "../core/classifier.ts";
import { argmaxRows, type Label, labelIndices } from "../core/labels.ts";
import { Matrix, type Vector } from "../core/matrix.ts";
import { checkInteger, checkNumber, checkOptions } from "../core/options.ts";
import { Random } from "../core/random.ts";
import { type LabelLike, type MatrixLike, toMatrix } from "../core/validation.ts";
import { softmaxRowInto } from "./softmax.ts";
import { type FitOptions, toSampleWeight } from "../core/sample_weight.ts";
import { convergenceMessage, ConvergenceWarning, warn } from "../core/warnings.ts";

/** Options of {@link SoftmaxRegression}. */
export interface SoftmaxRegressionOptions {
  /** SGD step size η. @default 0.1 */
  learningRate: number;
  /** Minibatch size B (the last batch of an epoch may be smaller). @default 256 */
  batchSize: number;
  /** Passes over the training data. @default 10 */
  epochs: number;
  /** Seed of the weight initialisation and of the per-epoch shuffles. @default 0 */
  seed: number;
  /** Standard deviation σ of the initial weights W ~ N(0, σ²); biases start at 0. @default 0.01 */
  initStd: number;
  /**
   * Stop early once an epoch lowers the training loss by less than `tol` (scikit-learn's SGD
   * rule with `n_iter_no_change = 1`); if all `epochs` run without that, a `ConvergenceWarning`
   * says so. `null`: always run `epochs` passes, the d2l way, with no warning.
   * @default null
   */
  tol: number | null;
}

/** Per-epoch curves; `test*` only when `fit` got an `evalSet`. Each array has one value per epoch. */
export interface SoftmaxHistory {
  /** Mean cross-entropy on the training set. */
  trainLoss: Vector;
  /** Accuracy on the training set. */
  trainAccuracy: Vector;
  /** Mean cross-entropy on the `evalSet`. */
  testLoss?: Vector;
  /** Accuracy on the `evalSet`. */
  testAccuracy?: Vector;
}

/** Extra arguments of {@link SoftmaxRegression.fit}. */
export interface SoftmaxFitOptions extends FitOptions {
  /** Held-out [X, y] evaluated after every epoch (never trained on). */
  evalSet?: [MatrixLike, LabelLike];
}

/** What {@link SoftmaxRegression} learns (saved by `toJSON`). */
export interface SoftmaxRegressionState extends ClassifierState {
  /** W, shape (nClasses, nFeatures). */
  coef: Matrix;
  /** b, one per class. */
  intercept: Vector;
  /** The per-epoch curves. */
  history: SoftmaxHistory;
}

const DEFAULTS: SoftmaxRegressionOptions = {
  learningRate: 0.1,
  batchSize: 256,
  epochs: 10,
  seed: 0,
  initStd: 0.01,
  tol: null,
};

/**
 * Softmax regression: ŷ = softmax(Wx + b), trained on the mean cross-entropy
 * L = −(1/B) Σᵢ log ŷᵢ,yᵢ of each minibatch by W ← W − η ∂L/∂W, b ← b − η ∂L/∂b with
 *   ∂L/∂W = (1/B) Σᵢ (ŷᵢ − yᵢ) xᵢᵀ,   ∂L/∂b = (1/B) Σᵢ (ŷᵢ − yᵢ)   (yᵢ one-hot),
 * the "prediction minus truth" gradient of softmax with cross-entropy (d2l §3.4.6). Unlike
 * {@link LogisticRegression} there is no penalty and, by default, no convergence test: a fixed
 * number of epochs, the d2l way. `coef` is stored as (nClasses, nFeatures), i.e. d2l's W transposed.
 *
 * @example
 * ```ts
 * import { loadDigits, SoftmaxRegression, trainTestSplit } from "../mod.ts";
 * import { assertGreater } from "@std/assert";
 *
 * const { X, y } = loadDigits();
 * const Xs = X.map((r) => r.map((v) => v / 16));
 * const { XTrain, XTest, yTrain, yTest } = trainTestSplit(Xs, y, { stratify: y, seed: 0 });
 * const model = new SoftmaxRegression({ learningRate: 0.5, batchSize: 32, epochs: 30 })
 *   .fit(XTrain, yTrain, { evalSet: [XTest, yTest] });
 * assertGreater(model.history.testAccuracy!.at(-1)!, 0.94); // rises to ≈ 0.96
 * ```
 */
export class SoftmaxRegression
  extends ClassifierEstimator<SoftmaxRegressionOptions, SoftmaxRegressionState> {
  /** "SoftmaxRegression", the name `toJSON` records and `fromJSON` checks. */
  readonly className = "SoftmaxRegression";

  /**
   * Creates an unfitted SoftmaxRegression; see {@link SoftmaxRegressionOptions}
   * for the options and their defaults.
   */
  constructor(options: Partial<SoftmaxRegressionOptions> = {}) {
    super(DEFAULTS, options);
    const o = this.options;
    checkNumber("learningRate", o.learningRate, { min: 0, exclusiveMin: true });
    checkInteger("batchSize", o.batchSize, 1);
    checkInteger("epochs", o.epochs, 1);
    checkInteger("seed", o.seed);
    checkNumber("initStd", o.initStd, { min: 0 });
    if (o.tol !== null) checkNumber("tol", o.tol, { min: 0 });
  }

  /**
   * Trains for `epochs` passes of shuffled minibatches.
   * @param X shape (nSamples, nFeatures)
   * @param y labels, length nSamples, at least two classes
   * @param options `evalSet` to record test loss and accuracy per epoch; `sampleWeight`
   * (length nSamples): each minibatch step follows Σ wᵢ∇ℓᵢ / Σ wᵢ over the batch
   */
  fit(X: MatrixLike, y: LabelLike, fitOptions: SoftmaxFitOptions = {}): this {
    checkOptions(fitOptions, ["evalSet", "sampleWeight"], `${this.className}.fit`);
    const { evalSet, sampleWeight } = fitOptions;
    const m = toMatrix(X, "X");
    const { classes, indices } = this.encodeTarget(y, m.rows);
    const w = toSampleWeight(sampleWeight, m.rows);
    const { learningRate, batchSize, epochs, seed, initStd, tol } = this.options;
    const n = m.rows, p = m.cols, K = classes.length;
    let evalData: { X: Matrix; y: Int32Array } | undefined;
    if (evalSet) {
      const Xe = toMatrix(evalSet[0], "evalSet X");
      if (Xe.cols !== p) {
        throw new ShapeError(`evalSet X has ${Xe.cols} features, but X has ${p} features.`);
      }
      evalData = { X: Xe, y: labelIndices(evalSet[1], classes, Xe.rows) };
    }

    const rng = new Random(seed);
    const W = new Matrix(K, p, rng.normalArray(K * p, 0, initStd));
    const b = new Float64Array(K);
    const gW = new Float64Array(K * p), gb = new Float64Array(K);
    const z = new Float64Array(K), prob = new Float64Array(K);
    const history = { trainLoss: [] as number[], trainAccuracy: [] as number[] };
    const testLoss: number[] = [], testAccuracy: number[] = [];

    for (let epoch = 0; epoch < epochs; epoch++) {
      const order = rng.permutation(n);
      for (let start = 0; start < n; start += batchSize) {
        const end = Math.min(start + batchSize, n);
        gW.fill(0);
        gb.fill(0);
        let batchWeight = 0;
        for (let t = start; t < end; t++) {
          const i = order[t], o = i * p, wi = w ? w[i] : 1;
          batchWeight += wi;
          if (wi === 0) continue;
          scores(W, b, m.data, o, z);
          softmaxRowInto(z, prob);
          prob[indices[i]] -= 1; // ŷ − y
          for (let k = 0; k < K; k++) {
            const r = wi * prob[k];
            if (r === 0) continue;
            for (let j = 0; j < p; j++) gW[k * p + j] += r * m.data[o + j];
            gb[k] += r;
          }
        }
        if (batchWeight === 0) continue;
        const step = learningRate / batchWeight;
        for (let a = 0; a < gW.length; a++) W.data[a] -= step * gW[a];
        for (let k = 0; k < K; k++) b[k] -= step * gb[k];
      }
      const train = evaluate(W, b, m, indices);
      const previous = history.trainLoss.at(-1) ?? Infinity;
      history.trainLoss.push(train.loss);
      history.trainAccuracy.push(train.accuracy);
      if (evalData) {
        const test = evaluate(W, b, evalData.X, evalData.y);
        testLoss.push(test.loss);
        testAccuracy.push(test.accuracy);
      }
      if (tol !== null && previous - train.loss < tol) break;
      if (tol !== null && epoch === epochs - 1) {
        warn(new ConvergenceWarning(convergenceMessage(this.className, epochs, "epochs")));
      }
    }
    this.state = {
      nFeaturesIn: p,
      classes,
      coef: W,
      intercept: b,
      history: {
        trainLoss: Float64Array.from(history.trainLoss),
        trainAccuracy: Float64Array.from(history.trainAccuracy),
        ...(evalData
          ? { testLoss: Float64Array.from(testLoss), testAccuracy: Float64Array.from(testAccuracy) }
          : {}),
      },
    };
    return this;
  }

  /**
   * Logits z = XWᵀ + b.
   * @param X shape (nSamples, nFeatures)
   * @returns shape (nSamples, nClasses)
   */
  decisionFunction(X: MatrixLike): Matrix {
    const m = this.checkPredictX(X);
    const { coef, intercept } = this.fitted();
    const K = coef.rows, out = new Matrix(m.rows, K);
    for (let i = 0; i < m.rows; i++) {
      scores(coef, intercept, m.data, i * m.cols, out.row(i));
    }
    return out;
  }

  /**
   * Class probabilities softmax(z), columns in the order of `classes`.
   * @param X shape (nSamples, nFeatures)
   * @returns shape (nSamples, nClasses)
   */
  predictProba(X: MatrixLike): Matrix {
    const z = this.decisionFunction(X);
    for (let i = 0; i < z.rows; i++) softmaxRowInto(z.row(i).slice(), z.row(i));
    return z;
  }

  /** The most probable class of each sample. @param X shape (nSamples, nFeatures) */
  predict(X: MatrixLike): Label[] {
    const z = this.decisionFunction(X);
    const { classes } = this.fitted();
    return Array.from(argmaxRows(z.data, z.rows, z.cols), (k) => classes[k]);
  }

  /** Weights W, shape (nClasses, nFeatures). */
  get coef(): Matrix {
    return this.fitted().coef.clone();
  }

  /** Biases b, length nClasses. */
  get intercept(): Vector {
    return this.fitted().intercept.slice();
  }

  /** Mean cross-entropy and accuracy after every epoch, on the training set and the `evalSet`. */
  get history(): SoftmaxHistory {
    const h = this.fitted().history;
    return Object.fromEntries(
      Object.entries(h).map(([k, v]) => [k, (v as Vector).slice()]),
    ) as unknown as SoftmaxHistory;
  }
}

/** out ← W x + b for the sample starting at data[offset]. */
function scores(W: Matrix, b: Vector, data: Vector, offset: number, out: Vector): void {
  const K = W.rows, p = W.cols;
  for (let k = 0; k < K; k++) {
    let s = b[k];
    for (let j = 0; j < p; j++) s += W.data[k * p + j] * data[offset + j];
    out[k] = s;
  }
}

/** Mean cross-entropy (via log-sum-exp, never log 0) and accuracy of (W, b) on (X, y). */
function evaluate(
  W: Matrix,
  b: Vector,
  X: Matrix,
  y: Int32Array,
): { loss: number; accuracy: number } {
  const K = W.rows, z = new Float64Array(K), prob = new Float64Array(K);
  let loss = 0, correct = 0;
  for (let i = 0; i < X.rows; i++) {
    scores(W, b, X.data, i * X.cols, z);
    const lse = softmaxRowInto(z, prob);
    loss += lse - z[y[i]];
    let best = 0;
    for (let k = 1; k < K; k++) if (z[k] > z[best]) best = k;
    if (best === y[i]) correct++;
  }
  return { loss: loss / X.rows, accuracy: correct / X.rows };
}
