/**
 * Epoch-by-epoch training with a progress callback. The training loop knows nothing of displays:
 * it hands an {@link EpochRecord} to `onEpoch` after every `every` epochs, and a notebook connects
 * that to a display helper of lib/plot (`showProgress()`, which rewrites one line in place).
 *
 * @module
 */
import type { LabelLike, MatrixLike } from "../core/mod.ts";
import type { EpochInfo } from "./mlp_estimator.ts";

/** A model that trains epoch by epoch (MLPClassifier, MLPRegressor). */
export interface EpochTrainer {
  /** The model's class name; "MLPClassifier" scores by accuracy, others by R². */
  readonly className: string;
  /** Its options; `maxIter` bounds the epochs. */
  readonly options: Readonly<{ maxIter: number }>;
  /** Trains, yielding after each epoch. */
  fitEpochs(X: MatrixLike, y: LabelLike): Generator<EpochInfo, unknown>;
  /** Accuracy (classifier) or R² (regressor) on (X, y). */
  score(X: MatrixLike, y: never): number;
}

/** What `onEpoch` receives. */
export interface EpochRecord {
  /** The epoch just finished, from 1. */
  epoch: number;
  /** The most epochs the run may take (the model's `maxIter`). */
  maxIter: number;
  /** Mean training loss of the epoch. */
  loss: number;
  /** "acc" for a classifier, "R²" for a regressor. */
  metric: string;
  /** `score` on the training set. */
  trainScore: number;
  /** `score` on (XTest, yTest), when given. */
  testScore?: number;
  /** Wall-clock seconds since training started. */
  seconds: number;
  /** True for the last call of the run (after the last epoch, early stopping included). */
  final: boolean;
}

/** Options of {@link trainWithProgress}. */
export interface TrainWithProgressOptions {
  /** Held-out samples scored after every epoch. */
  XTest?: MatrixLike;
  /** Their targets. */
  yTest?: LabelLike;
  /** Call `onEpoch` every `every` epochs (and once more, `final`, at the end). @default 1 */
  every?: number;
  /** Receives the record; awaited, so a display can update while training runs. */
  onEpoch?: (record: EpochRecord) => void | Promise<void>;
}

/** Per-epoch record of a training run. */
export interface TrainingHistory {
  /** Mean training loss of each epoch. */
  loss: number[];
  /** `score` on the training set (accuracy, or R² for a regressor). */
  trainScore: number[];
  /** `score` on (XTest, yTest); empty without them. */
  testScore: number[];
  /** Wall-clock seconds of the whole run. */
  seconds: number;
}

/**
 * Fits `model` exactly as `fit` would, scoring after every epoch, and returns the per-epoch
 * curves (for `lossCurve`); `onEpoch` sees each epoch's record as it ends.
 * @param X shape (nSamples, nFeatures)
 * @param y shape (nSamples,)
 * @example
 * ```ts
 * import { MLPClassifier, trainWithProgress } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * const X = [[0, 0], [0, 1], [1, 0], [1, 1]], y = [0, 1, 1, 0];
 * const model = new MLPClassifier({ hiddenLayerSizes: [8], maxIter: 6, learningRate: 0.05 });
 * const seen: number[] = [];
 * const history = await trainWithProgress(model, X, y, {
 *   every: 3,
 *   onEpoch: (r) => { seen.push(r.epoch); }, // in a notebook: onEpoch: showProgress()
 * });
 * assertEquals(seen, [3, 6, 6]); // epochs 3 and 6, then the final record
 * assertEquals(history.loss.length, 6);
 * ```
 */
export async function trainWithProgress(
  model: EpochTrainer,
  X: MatrixLike,
  y: LabelLike,
  { XTest, yTest, every = 1, onEpoch }: TrainWithProgressOptions = {},
): Promise<TrainingHistory> {
  const metric = model.className === "MLPClassifier" ? "acc" : "R²";
  const history: TrainingHistory = { loss: [], trainScore: [], testScore: [], seconds: 0 };
  const maxIter = model.options.maxIter;
  let last: EpochRecord | undefined;
  for (const { epoch, loss, seconds } of model.fitEpochs(X, y)) {
    history.loss.push(loss);
    const trainScore = model.score(X, y as never);
    history.trainScore.push(trainScore);
    last = { epoch, maxIter, loss, metric, trainScore, seconds, final: false };
    if (XTest && yTest) {
      last.testScore = model.score(XTest, yTest as never);
      history.testScore.push(last.testScore);
    }
    history.seconds = seconds;
    if (onEpoch && (epoch % every === 0 || epoch === maxIter)) await onEpoch(last);
  }
  if (onEpoch && last) await onEpoch({ ...last, final: true });
  return history;
}
