/**
 * The default `score` of every estimator, in one place: accuracy for classifiers, the
 * coefficient of determination R² for regressors (scikit-learn's `ClassifierMixin.score` and
 * `RegressorMixin.score`). Estimators that extend {@link ClassifierEstimator} or
 * {@link RegressorEstimator} get them as methods; the others call these functions.
 *
 * @module
 */
import type { Vector } from "./matrix.ts";
import { type Label, toLabels } from "./labels.ts";
import { type LabelLike, toVector, type VectorLike } from "./validation.ts";

/**
 * Mean accuracy: the fraction of predicted labels equal to the true ones. A true label the model
 * never saw counts as a miss, as in scikit-learn.
 * @param predicted the model's labels, length nSamples
 * @param y the true labels, shape (nSamples,)
 * @example
 * ```ts
 * import { classifierScore } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * assertEquals(classifierScore(["a", "b", "b", "a"], ["a", "b", "a", "a"]), 0.75);
 * ```
 */
export function classifierScore(predicted: readonly Label[], y: LabelLike): number {
  const truth = toLabels(y, "y", predicted.length);
  let hits = 0;
  for (let i = 0; i < truth.length; i++) if (predicted[i] === truth[i]) hits++;
  return hits / truth.length;
}

/**
 * R² = 1 − Σ(yᵢ − ŷᵢ)² / Σ(yᵢ − ȳ)², the fraction of y's variance the predictions explain
 * (1 is perfect, 0 is predicting the mean, negative is worse). A constant y gives 1 for a perfect
 * fit and 0 otherwise (scikit-learn's `force_finite`).
 * @param predicted the model's predictions, length nSamples
 * @param y the true targets, shape (nSamples,)
 * @example
 * ```ts
 * import { regressorScore } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * assertEquals(regressorScore([1, 2, 3], [1, 2, 4]), 1 - 1 / (14 / 3));
 * ```
 */
export function regressorScore(predicted: ArrayLike<number>, y: VectorLike): number {
  const truth: Vector = toVector(y, "y", predicted.length);
  const n = truth.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += truth[i];
  mean /= n;
  let ssRes = 0, ssTot = 0;
  for (let i = 0; i < n; i++) {
    ssRes += (truth[i] - predicted[i]) ** 2;
    ssTot += (truth[i] - mean) ** 2;
  }
  if (ssTot === 0) return ssRes === 0 ? 1 : 0;
  return 1 - ssRes / ssTot;
}
