/**
 * The shape every tabular loader in `lib/data` returns, modelled on scikit-learn's `Bunch`.
 *
 * @module
 */

/** A supervised data set: samples in rows of `X`, one target per sample in `y`. */
export interface Dataset {
  /** Features, shape (nSamples, nFeatures). */
  X: number[][];
  /** Targets, length nSamples: class codes 0..k-1 for classification, real values for regression. */
  y: number[];
  /** One name per column of `X`. */
  featureNames: string[];
  /** Class names indexed by the codes in `y`; empty for regression. */
  targetNames: string[];
  /** One line saying what the data are. */
  description: string;
}
