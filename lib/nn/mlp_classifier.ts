/**
 * Multilayer-perceptron classifier (d2l §5.2; scikit-learn's `MLPClassifier`).
 *
 * @module
 */
import type { FitOptions } from "../core/sample_weight.ts";
import {
  argmaxRows,
  classifierScore,
  encodeLabels,
  type Label,
  type LabelLike,
  type Matrix,
  type MatrixLike,
} from "../core/mod.ts";
import type { EstimatorKind } from "../core/estimator.ts";
import { type EpochInfo, MLPEstimator, type MLPOptions, type MLPState } from "./mlp_estimator.ts";

/** What {@link MLPClassifier} learns (saved by `toJSON`). */
export interface MLPClassifierState extends MLPState {
  /** The sorted class labels; output k of the network is classes[k]. */
  classes: Label[];
}

/**
 * A feed-forward network with softmax outputs trained by minibatch gradient descent on the
 * cross-entropy (d2l §4.1, §5.2):
 *
 *   P(y = k | x) = softmax(o(x))ₖ,   L = (1/n) Σᵢ −log P(yᵢ | xᵢ) + α/(2n) Σₗ ‖W⁽ˡ⁾‖²
 *
 * For two classes it uses two softmax outputs (scikit-learn uses one logistic unit; the models
 * are equivalent, the parameterisation differs).
 *
 * @example
 * ```ts
 * import { MLPClassifier } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * const X = [[0, 0], [0, 1], [1, 0], [1, 1]], y = [0, 1, 1, 0]; // XOR: no line separates it
 * const model = new MLPClassifier({ hiddenLayerSizes: [8], learningRate: 0.05, seed: 0 }).fit(X, y);
 * assertEquals(model.predict(X), [0, 1, 1, 0]);
 * ```
 */
export class MLPClassifier extends MLPEstimator<MLPClassifierState> {
  /** A classifier (see {@link EstimatorKind}). */
  static override readonly estimatorKind: EstimatorKind = "classifier";
  /** "MLPClassifier", the name `toJSON` records and `fromJSON` checks. */
  readonly className = "MLPClassifier";
  /** "classification": the output layer's task. */
  protected readonly task = "classification";

  /**
   * Creates an unfitted MLPClassifier; see {@link MLPOptions} for the options and their
   * defaults.
   */
  constructor(options: Partial<MLPOptions> = {}) {
    super(options);
  }

  /** The class labels, sorted; output k of the network is classes[k]. */
  get classes(): Label[] {
    return [...this.fitted().classes];
  }

  /**
   * Trains for up to `maxIter` epochs (early stopping by `tol`, `nIterNoChange`).
   * @param X shape (nSamples, nFeatures)
   * @param y shape (nSamples,): numbers or strings
   * @param fitOptions `sampleWeight`, shape (nSamples,); `onEpoch`, called after each epoch
   * with its number, loss and time (progress reports without any display code here)
   */
  fit(
    X: MatrixLike,
    y: LabelLike,
    { onEpoch, ...fitOptions }: FitOptions & { onEpoch?: (info: EpochInfo) => void } = {},
  ): this {
    for (const info of this.fitEpochs(X, y, fitOptions)) onEpoch?.(info);
    return this;
  }

  /** softmax(o(x)) per sample. @param X shape (nSamples, nFeatures) @returns shape (nSamples, nClasses) */
  predictProba(X: MatrixLike): Matrix {
    return this.outputs(X).softmax().data;
  }

  /** The most probable class of each sample. @param X shape (nSamples, nFeatures) */
  predict(X: MatrixLike): Label[] {
    const logits = this.outputs(X).data, classes = this.fitted().classes;
    return Array.from(argmaxRows(logits.data, logits.rows, logits.cols), (k) => classes[k]);
  }

  /** Accuracy of `predict(X)` against y. */
  score(X: MatrixLike, y: LabelLike): number {
    return classifierScore(this.predict(X), y);
  }

  /** Encodes the labels as class indices (one softmax output per class). */
  protected prepare(
    X: Matrix,
    y: LabelLike,
  ): { target: Float64Array; nOutputs: number; extra: { classes: Label[] } } {
    const { classes, indices } = encodeLabels(y, {
      nSamples: X.rows,
      estimator: this.className,
      regressor: "MLPRegressor",
    });
    return { target: Float64Array.from(indices), nOutputs: classes.length, extra: { classes } };
  }
}
