/**
 * k-nearest-neighbour classification, 李航《统计学习方法》第3章 (算法3.1, 式3.1): the class of x
 * is the majority class among its k nearest training points, y = argmax_c Σ_{xᵢ∈N_k(x)} I(yᵢ = c).
 *
 * @module
 */
import { ValueError } from "../core/errors.ts";
import { Matrix } from "../core/matrix.ts";
import { toMatrix } from "../core/validation.ts";
import type { LabelLike, MatrixLike } from "../core/validation.ts";
import { encodeLabels, type Label } from "../core/labels.ts";
import { classifierScore } from "../core/scores.ts";
import { NeighborsBase, type NeighborsOptions, type NeighborsState } from "./base.ts";

/** What {@link KNeighborsClassifier} learns (saved by `toJSON`): the training points and their labels. */
export interface KNeighborsClassifierState extends NeighborsState {
  /** The sorted distinct labels. */
  classes: Label[];
  /** y as indices into `classes`. */
  yCodes: Int32Array;
}

/**
 * k-NN classifier with kd-tree or brute-force search.
 *
 * Votes: `"uniform"` counts each neighbour once, `"distance"` weighs it by 1/d. A tied vote goes to
 * the class listed first in `classes` (the smallest label), as scikit-learn does.
 *
 * @example
 * ```ts
 * import { KNeighborsClassifier, loadIris } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * const { X, y, targetNames } = loadIris();
 * const knn = new KNeighborsClassifier({ nNeighbors: 3 }).fit(X, y);
 * assertEquals(knn.predict([[5.1, 3.5, 1.4, 0.2]]).map((c) => targetNames[Number(c)]), ["setosa"]);
 * ```
 */
export class KNeighborsClassifier extends NeighborsBase<KNeighborsClassifierState> {
  /** "KNeighborsClassifier", the name `toJSON` records and `fromJSON` checks. */
  readonly className = "KNeighborsClassifier";

  /**
   * Creates an unfitted KNeighborsClassifier; see {@link NeighborsOptions}
   * for the options and their defaults.
   */
  constructor(options: Partial<NeighborsOptions> = {}) {
    super(options);
  }

  /**
   * Stores the training set (k-NN has no other training) and checks k ≤ nSamples.
   * @param X shape (nSamples, nFeatures)
   * @param y labels, shape (nSamples,), numbers or strings
   */
  fit(X: MatrixLike, y: LabelLike): this {
    const m = toMatrix(X, "X");
    const { classes, indices: yCodes } = encodeLabels(y, {
      nSamples: m.rows,
      minClasses: 1,
      estimator: this.className,
      regressor: "KNeighborsRegressor",
    });
    this.state = { X: this.fitX(m, yCodes.length), classes, yCodes, nFeaturesIn: m.cols };
    return this;
  }

  /** The class labels, sorted. */
  get classes(): Label[] {
    return [...this.fitted().classes];
  }

  /**
   * Class probabilities: each class's share of the (weighted) vote among the k neighbours.
   * @param X shape (nQueries, nFeatures)
   * @returns shape (nQueries, nClasses), columns in the order of `classes`
   */
  predictProba(X: MatrixLike): Matrix {
    const { classes, yCodes } = this.fitted();
    const { k, indices, weights } = this.neighborWeights(X);
    const n = indices.length / k, c = classes.length;
    const out = new Matrix(n, c);
    for (let r = 0; r < n; r++) {
      let total = 0;
      for (let j = 0; j < k; j++) {
        const w = weights[r * k + j];
        out.data[r * c + yCodes[indices[r * k + j]]] += w;
        total += w;
      }
      for (let j = 0; j < c; j++) out.data[r * c + j] /= total;
    }
    return out;
  }

  /**
   * Predicted class per row: the (weighted) majority vote of its k nearest neighbours.
   * @param X shape (nQueries, nFeatures)
   */
  predict(X: MatrixLike): Label[] {
    const { classes } = this.fitted();
    const proba = this.predictProba(X);
    return Array.from({ length: proba.rows }, (_, r) => classes[argmaxRow(proba, r)]);
  }

  /** Mean accuracy of `predict(X)` against y. */
  score(X: MatrixLike, y: LabelLike): number {
    return classifierScore(this.predict(X), y);
  }
}

/** Index of the first largest entry of row r (ties go to the lower class index). */
function argmaxRow(m: Matrix, r: number): number {
  let best = 0;
  for (let j = 1; j < m.cols; j++) if (m.get(r, j) > m.get(r, best)) best = j;
  if (!Number.isFinite(m.get(r, best))) {
    throw new ValueError(`Class scores of row ${r} are not finite.`);
  }
  return best;
}
