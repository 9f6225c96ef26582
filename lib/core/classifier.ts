/**
 * Base classes for the two kinds of supervised estimator (scikit-learn's `ClassifierMixin` and
 * `RegressorMixin`): a classifier gets `classes`, `nClasses`, accuracy `score` and the checked
 * label encoding of its targets from {@link ClassifierEstimator}; a regressor gets R² `score`
 * from {@link RegressorEstimator}. Families whose base class is shared between a classifier and a
 * regressor (trees, MLP) call `classifierScore`/`regressorScore` and `encodeLabels` directly.
 *
 * @module
 */
import { Estimator, type EstimatorKind, type FittedState } from "./estimator.ts";
import { type EncodedLabels, encodeLabels, type Label } from "./labels.ts";
import { classifierScore, regressorScore } from "./scores.ts";
import type { LabelLike, MatrixLike, VectorLike } from "./validation.ts";

/** Learned state of a classifier: at least its sorted classes. */
export interface ClassifierState extends FittedState {
  /** The sorted distinct labels seen in `fit`. */
  classes: Label[];
}

/**
 * Base class of classifiers.
 * @typeParam O the options
 * @typeParam S the learned state, with `classes`
 * @typeParam XIn the accepted input for X (a matrix by default; rows of categories for MaxEnt)
 * @example
 * ```ts
 * import { KNeighborsClassifier } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * const knn = new KNeighborsClassifier({ nNeighbors: 1 }).fit([[0], [1], [5]], ["a", "a", "b"]);
 * assertEquals(knn.classes, ["a", "b"]);
 * assertEquals(knn.score([[0.2], [4]], ["a", "b"]), 1);
 * ```
 */
export abstract class ClassifierEstimator<
  O extends object,
  S extends ClassifierState,
  XIn = MatrixLike,
> extends Estimator<O, S> {
  /** Every subclass is a classifier (see {@link EstimatorKind}). */
  static override readonly estimatorKind: EstimatorKind = "classifier";
  /** The regressor suggested when `fit` gets a continuous target. */
  protected readonly regressorName: string = "LinearRegression";

  /** The most probable class of each sample. */
  abstract predict(X: XIn): Label[];

  /** Sorted class labels (a copy); columns of `predictProba` follow this order. */
  get classes(): Label[] {
    return [...this.fitted().classes];
  }

  /** The number of classes. */
  get nClasses(): number {
    return this.fitted().classes.length;
  }

  /**
   * Mean accuracy of `predict(X)` against y.
   * @param X shape (nSamples, nFeatures)
   * @param y true labels, shape (nSamples,)
   */
  score(X: XIn, y: LabelLike): number {
    return classifierScore(this.predict(X), y);
  }

  /**
   * Checks and encodes `fit`'s target for this classifier (see `encodeLabels`): mixed kinds,
   * continuous values and too few classes are refused with this class's name in the message.
   * @param y labels, shape (nSamples,)
   * @param nSamples the number of rows of X
   * @param minClasses fewer distinct labels is an error
   */
  protected encodeTarget(y: LabelLike, nSamples: number, minClasses = 2): EncodedLabels {
    return encodeLabels(y, {
      nSamples,
      minClasses,
      estimator: this.className,
      regressor: this.regressorName,
    });
  }
}

/**
 * Base class of regressors.
 * @typeParam O the options
 * @typeParam S the learned state
 * @typeParam XIn the accepted input for X
 * @example
 * ```ts
 * import { LinearRegression } from "../mod.ts";
 * import { assertAlmostEquals } from "@std/assert";
 *
 * const model = new LinearRegression().fit([[1], [2], [3]], [3, 5, 7]);
 * assertAlmostEquals(model.score([[4], [5]], [9, 11]), 1, 1e-12);
 * ```
 */
export abstract class RegressorEstimator<
  O extends object,
  S extends FittedState,
  XIn = MatrixLike,
> extends Estimator<O, S> {
  /** Every subclass is a regressor (see {@link EstimatorKind}). */
  static override readonly estimatorKind: EstimatorKind = "regressor";
  /** The prediction for each sample. */
  abstract predict(X: XIn): ArrayLike<number>;

  /**
   * Coefficient of determination R² of `predict(X)` against y.
   * @param X shape (nSamples, nFeatures)
   * @param y true targets, shape (nSamples,)
   */
  score(X: XIn, y: VectorLike): number {
    return regressorScore(this.predict(X), y);
  }
}
