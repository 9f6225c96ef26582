/**
 * What every naive Bayes classifier shares (李航《统计学习方法》第4章, 式 4.7):
 * y = argmax_c P(Y = c) Π_j P(X⁽ʲ⁾ = x⁽ʲ⁾ | Y = c). Subclasses supply the per-class log joint
 * log P(c) + Σ_j log P(x⁽ʲ⁾ | c); this base turns it into labels, log-probabilities and probabilities.
 *
 * @module
 */
import { describe, ValueError } from "../core/errors.ts";
import { ClassifierEstimator, type ClassifierState } from "../core/classifier.ts";
import type { Label } from "../core/labels.ts";
import { Matrix } from "../core/matrix.ts";

/** State common to the naive Bayes classifiers. */
export interface NaiveBayesState extends ClassifierState {
  /** Training samples per class, N_c. */
  classCount: Float64Array;
  /** log P(Y = c) per class. */
  classLogPrior: Float64Array;
}

/** How the prior P(Y = c) is set. */
export interface PriorSpec {
  /** Explicit prior probabilities, one per class (in sorted class order). */
  prior: ArrayLike<number> | null;
  /** false: uniform 1/K. */
  fitPrior: boolean;
  /** λ added to each class count (李航 式 4.11); 0 for the empirical frequency (式 4.8). */
  smoothing: number;
}

/** log P(Y = c) from class counts: given, uniform, or (N_c + λ) / (N + Kλ). */
export function classLogPrior(counts: Float64Array, { prior, fitPrior, smoothing }: PriorSpec) {
  const k = counts.length;
  if (prior) {
    if (prior.length !== k) {
      throw new ValueError(
        `The prior must have one probability per class: ${k}. Got ${prior.length}.`,
      );
    }
    let sum = 0;
    for (let c = 0; c < k; c++) {
      if (!(prior[c] >= 0)) {
        throw new ValueError(`Prior probabilities must be >= 0. Got ${describe(prior[c])}.`);
      }
      sum += prior[c];
    }
    if (Math.abs(sum - 1) > 1e-8) {
      throw new ValueError(`Prior probabilities must sum to 1. They sum to ${sum}.`);
    }
    return Float64Array.from(prior, Math.log);
  }
  if (!fitPrior) return new Float64Array(k).fill(-Math.log(k));
  let total = 0;
  for (const n of counts) total += n;
  const denominator = Math.log(total + k * smoothing);
  return Float64Array.from(counts, (n) => Math.log(n + smoothing) - denominator);
}

/**
 * Base class: `predict`, `predictProba`, `predictLogProba` from `predictJointLogProba`.
 * @typeParam XIn the accepted input type for X
 */
export abstract class NaiveBayes<O extends object, S extends NaiveBayesState, XIn>
  extends ClassifierEstimator<O, S, XIn> {
  /**
   * Unnormalised log posterior log P(c) + Σ_j log P(x⁽ʲ⁾ | c) per sample and class.
   * @param X shape (nSamples, nFeatures)
   * @returns shape (nSamples, nClasses), columns in the order of `classes`
   */
  abstract predictJointLogProba(X: XIn): Matrix;

  /** N_c, the training samples per class. */
  get classCount(): Float64Array {
    return this.fitted().classCount.slice();
  }

  /** log P(Y = c). */
  get classLogPrior(): Float64Array {
    return this.fitted().classLogPrior.slice();
  }

  /** P(Y = c). */
  get classPrior(): Float64Array {
    return this.fitted().classLogPrior.map(Math.exp);
  }

  /**
   * log P(Y = c | x), normalised by log-sum-exp.
   * @param X shape (nSamples, nFeatures)
   * @returns shape (nSamples, nClasses)
   */
  predictLogProba(X: XIn): Matrix {
    const jll = this.predictJointLogProba(X);
    const out = new Matrix(jll.rows, jll.cols);
    for (let i = 0; i < jll.rows; i++) {
      const row = jll.row(i);
      const lse = logSumExp(row, i);
      for (let c = 0; c < jll.cols; c++) out.data[i * jll.cols + c] = row[c] - lse;
    }
    return out;
  }

  /**
   * P(Y = c | x) (李航 式 4.4).
   * @param X shape (nSamples, nFeatures)
   * @returns shape (nSamples, nClasses), rows sum to 1
   */
  predictProba(X: XIn): Matrix {
    return this.predictLogProba(X).map(Math.exp);
  }

  /**
   * The class of largest posterior (式 4.7); ties go to the class listed first.
   * @param X shape (nSamples, nFeatures)
   */
  predict(X: XIn): Label[] {
    const { classes } = this.fitted();
    const jll = this.predictJointLogProba(X);
    return Array.from({ length: jll.rows }, (_, i) => {
      const row = jll.row(i);
      logSumExp(row, i); // rejects rows where every class has probability 0
      let best = 0;
      for (let c = 1; c < row.length; c++) if (row[c] > row[best]) best = c;
      return classes[best];
    });
  }
}

/** log Σ exp(row), stable; throws when every entry is −∞ (all classes impossible). */
export function logSumExp(row: ArrayLike<number>, sample: number): number {
  let max = -Infinity;
  for (let c = 0; c < row.length; c++) if (row[c] > max) max = row[c];
  if (max === -Infinity) {
    throw new ValueError(
      `Sample ${sample} has probability 0 under every class (a feature value never seen with any ` +
        `class, with no smoothing). Use alpha > 0 (Laplace smoothing, 李航 §4.2.3).`,
    );
  }
  let s = 0;
  for (let c = 0; c < row.length; c++) s += Math.exp(row[c] - max);
  return max + Math.log(s);
}
