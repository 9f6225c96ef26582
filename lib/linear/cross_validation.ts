/**
 * K-fold cross-validation curves and the one-standard-error rule (ESL §7.10, used for Figure 3.7
 * and Table 3.3): for each complexity, the mean of the K fold errors and its standard error
 * sd(fold errors)/√K; then the simplest model whose mean error is within one standard error of
 * the best one.
 *
 * @module
 */
import { ValueError } from "../core/errors.ts";
import type { Matrix, Vector } from "../core/matrix.ts";
import { checkInteger, checkOptions } from "../core/options.ts";
import { Random } from "../core/random.ts";
import { type MatrixLike, toMatrix, toVector, type VectorLike } from "../core/validation.ts";

/**
 * Fold assignment: a seeded random permutation cut into k nearly equal folds.
 * @returns fold[i] ∈ 0..k−1 for each of the n samples
 */
export function kFoldIndices(n: number, k: number, seed = 0): Int32Array {
  checkInteger("k", k, 2, n);
  const order = new Random(seed).permutation(n);
  const fold = new Int32Array(n);
  order.forEach((i, r) => (fold[i] = Math.floor((r * k) / n)));
  return fold;
}

/**
 * Fits on the training part and predicts the held-out part, for every complexity at once
 * (a path method computes all of them from one fit).
 * @returns predictions[c] for complexity c, length nTest
 */
export type PathPredictor = (Xtrain: Matrix, ytrain: Vector, Xtest: Matrix) => Vector[];

/** Cross-validated prediction error per complexity. */
export interface CvCurve {
  /** Mean over folds of the fold's mean squared error. */
  mean: Vector;
  /** Standard error of that mean: sd of the K fold errors / √K. */
  stdErr: Vector;
  /** The fold errors, shape [complexity][fold]. */
  foldErrors: number[][];
}

/** Options of {@link crossValidationCurve}. */
export interface CvOptions {
  /** Number of folds K. @default 10 */
  folds?: number;
  /** Seed of the fold assignment. @default 0 */
  seed?: number;
  /** A fold assignment to use instead (fold index per sample). */
  foldOf?: ArrayLike<number>;
}

/**
 * K-fold cross-validation of a family of models indexed by complexity (squared-error loss).
 * @param X shape (nSamples, nFeatures)
 * @param y shape (nSamples,)
 * @param predictor fits on each training part, returns predictions for every complexity
 */
export function crossValidationCurve(
  X: MatrixLike,
  y: VectorLike,
  predictor: PathPredictor,
  options: CvOptions = {},
): CvCurve {
  checkOptions(options, ["folds", "seed", "foldOf"], "crossValidationCurve");
  const m = toMatrix(X, "X");
  const yv = toVector(y, "y", m.rows);
  const K = options.folds ?? 10;
  const foldOf = options.foldOf
    ? Int32Array.from(options.foldOf)
    : kFoldIndices(m.rows, K, options.seed ?? 0);
  if (foldOf.length !== m.rows) {
    throw new ValueError(`foldOf must have one fold per sample (${m.rows}). Got ${foldOf.length}.`);
  }
  const nFolds = Math.max(...foldOf) + 1;
  let foldErrors: number[][] = [];
  for (let f = 0; f < nFolds; f++) {
    const tr: number[] = [], te: number[] = [];
    foldOf.forEach((g, i) => (g === f ? te : tr).push(i));
    const preds = predictor(
      m.selectRows(tr),
      Float64Array.from(tr, (i) => yv[i]),
      m.selectRows(te),
    );
    if (f === 0) foldErrors = preds.map(() => []);
    preds.forEach((p, c) => {
      let s = 0;
      te.forEach((i, r) => (s += (yv[i] - p[r]) ** 2));
      foldErrors[c].push(s / te.length);
    });
  }
  const mean = Float64Array.from(foldErrors, (e) => e.reduce((a, b) => a + b, 0) / e.length);
  const stdErr = Float64Array.from(foldErrors, (e, c) => {
    const v = e.reduce((a, b) => a + (b - mean[c]) ** 2, 0) / (e.length - 1);
    return Math.sqrt(v / e.length);
  });
  return { mean, stdErr, foldErrors };
}

/**
 * The one-standard-error rule: the least complex model (lowest index, complexities ordered from
 * simplest) whose CV error is at most min + its standard error (ESL §3.3.4 / §7.10).
 */
export function oneStandardErrorRule(curve: CvCurve): number {
  let best = 0;
  for (let c = 1; c < curve.mean.length; c++) if (curve.mean[c] < curve.mean[best]) best = c;
  const limit = curve.mean[best] + curve.stdErr[best];
  return curve.mean.findIndex((e) => e <= limit);
}
