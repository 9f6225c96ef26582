/**
 * Precision, recall and F-beta, as scikit-learn's `precision_recall_fscore_support` and its
 * wrappers: per label, or averaged ("binary", "micro", "macro", "weighted"), with scikit-learn's
 * rules for 0/0 (`zeroDivision`).
 *
 * @module
 */
import { checkOptions } from "../core/options.ts";
import {
  checkNumber,
  checkOneOf,
  describe,
  type LabelLike,
  ValueError,
  type VectorLike,
} from "../core/mod.ts";
import { checkLabelKind, type LabelPair, toLabelPair } from "./classification.ts";
import { average, encode, type Label, toLabelList } from "./inputs.ts";

/** How per-class scores are combined; null returns one score per label. */
export type Average = "binary" | "micro" | "macro" | "weighted";

/** Value of a ratio whose denominator is zero; "warn" behaves as 0 (no warning is printed). */
export type ZeroDivision = "warn" | 0 | 1;

const PRF_OPTIONS = ["labels", "posLabel", "average", "sampleWeight", "zeroDivision"];

/** Options of the precision / recall / F-beta family. */
export interface PrfOptions {
  /** Labels to score, in order; may include absent labels or omit present ones. @default all */
  labels?: LabelLike;
  /** The positive class when `average` is "binary". @default 1 */
  posLabel?: Label;
  /** Averaging: "binary" (posLabel only), "micro", "macro", "weighted" or null. */
  average?: Average | null;
  /** One weight per sample. @default undefined */
  sampleWeight?: VectorLike;
  /** Value of 0/0 precision or recall. @default "warn" (as 0) */
  zeroDivision?: ZeroDivision;
}

/** Precision, recall, F-beta and support: one per label, or averaged (support null). */
export interface PrfResult<T extends number | number[]> {
  /** TP / (TP + FP). */
  precision: T;
  /** TP / (TP + FN). */
  recall: T;
  /** F-beta, (1 + β²) P R / (β² P + R). */
  fScore: T;
  /** (Weighted) number of true samples per label; null when averaged. */
  support: T extends number[] ? number[] : null;
}

function divide(num: Float64Array, den: Float64Array, zero: number): Float64Array {
  return num.map((v, i) => (den[i] === 0 ? zero : v / den[i]));
}

/** Resolves which labels are scored (scikit-learn's `_check_set_wise_labels`). */
function scoredLabels(pair: LabelPair, average: Average | null, labels?: LabelLike, pos?: Label) {
  if (average === "binary") {
    if (pair.present.length > 2) {
      throw new ValueError(
        `The targets are multiclass (labels ${describe(pair.present)}) but average is "binary". ` +
          `Choose "micro", "macro", "weighted" or null.`,
      );
    }
    const posLabel = pos ?? 1;
    checkLabelKind([posLabel], pair.present, "posLabel");
    if (!pair.present.includes(posLabel) && pair.present.length >= 2) {
      throw new ValueError(
        `posLabel=${describe(posLabel)} is not a valid label. It should be one of ${
          describe(pair.present)
        }.`,
      );
    }
    return [posLabel];
  }
  if (labels === undefined) return pair.present;
  const list = toLabelList(labels);
  checkLabelKind(list, pair.present, "labels");
  return list;
}

/**
 * Precision P = TP/(TP+FP), recall R = TP/(TP+FN), F_β = (1+β²) P R / (β² P + R) and support
 * (李航 §1.8): per label, or averaged — "micro" pools the counts, "macro" is the plain mean over
 * labels, "weighted" weights by support, "binary" reports `posLabel` alone.
 * @param yTrue true labels, shape (nSamples,)
 * @param yPred predicted labels, shape (nSamples,)
 * @example
 * ```ts
 * import { precisionRecallFscoreSupport } from "../mod.ts";
 * import { assertAlmostEquals, assertEquals } from "@std/assert";
 *
 * const r = precisionRecallFscoreSupport(["a", "b", "b"], ["a", "a", "b"], { average: "macro" });
 * assertEquals([r.precision, r.recall, r.support], [0.75, 0.75, null]);
 * assertAlmostEquals(r.fScore, 2 / 3);
 * ```
 */
export function precisionRecallFscoreSupport(
  yTrue: LabelLike,
  yPred: LabelLike,
  options: PrfOptions & { beta?: number; average: Average },
): PrfResult<number>;
/** One precision, recall, F-beta and support per label (`average` null or absent). */
export function precisionRecallFscoreSupport(
  yTrue: LabelLike,
  yPred: LabelLike,
  options?: PrfOptions & { beta?: number; average?: null },
): PrfResult<number[]>;
export function precisionRecallFscoreSupport(
  yTrue: LabelLike,
  yPred: LabelLike,
  options: PrfOptions & { beta?: number } = {},
): PrfResult<number> | PrfResult<number[]> {
  checkOptions(options, [...PRF_OPTIONS, "beta"], "precisionRecallFscoreSupport");
  const { beta = 1, average: avg = null, sampleWeight, zeroDivision = "warn" } = options;
  if (beta !== Infinity) checkNumber("beta", beta, { min: 0 });
  if (avg !== null) checkOneOf("average", avg, ["binary", "micro", "macro", "weighted"]);
  checkOneOf("zeroDivision", zeroDivision, ["warn", 0, 1]);
  const zero = zeroDivision === 1 ? 1 : 0;
  const pair = toLabelPair(yTrue, yPred, sampleWeight);
  const labels = scoredLabels(pair, avg, options.labels, options.posLabel);

  // Count over every label (listed first, then the rest), keep the listed ones.
  const all = [...labels, ...pair.present.filter((l) => !labels.includes(l))];
  const ti = encode(pair.yTrue, all), pi = encode(pair.yPred, all);
  const tpAll = new Float64Array(all.length), predAll = tpAll.slice(), trueAll = tpAll.slice();
  for (let s = 0; s < ti.length; s++) {
    const w = pair.w ? pair.w[s] : 1;
    if (ti[s] === pi[s]) tpAll[ti[s]] += w;
    predAll[pi[s]] += w;
    trueAll[ti[s]] += w;
  }
  const n = labels.length;
  let tp = tpAll.slice(0, n), predSum = predAll.slice(0, n), trueSum = trueAll.slice(0, n);
  if (avg === "micro") {
    const total = (v: Float64Array) => Float64Array.of(v.reduce((a, b) => a + b, 0));
    [tp, predSum, trueSum] = [total(tp), total(predSum), total(trueSum)];
  }
  const precision = divide(tp, predSum, zero);
  const recall = divide(tp, trueSum, zero);
  const b2 = beta * beta;
  const fScore = beta === Infinity ? recall.slice() : precision.map((p, i) => {
    const den = b2 * p + recall[i];
    return ((1 + b2) * p * recall[i]) / (den === 0 ? 1 : den);
  });

  if (avg === null) {
    return {
      precision: Array.from(precision),
      recall: Array.from(recall),
      fScore: Array.from(fScore),
      support: Array.from(trueSum),
    };
  }
  let weights: Float64Array | undefined;
  if (avg === "weighted") {
    weights = trueSum;
    if (trueSum.every((v) => v === 0)) {
      // No true sample of any scored label: everything is a zero division.
      const none = predSum.every((v) => v === 0);
      return { precision: none ? zero : 0, recall: zero, fScore: none ? zero : 0, support: null };
    }
  }
  return {
    precision: average(precision, weights),
    recall: average(recall, weights),
    fScore: average(fScore, weights),
    support: null,
  };
}

function scoreOf(
  key: "precision" | "recall" | "fScore",
  yTrue: LabelLike,
  yPred: LabelLike,
  options: PrfOptions & { beta?: number },
): number | number[] {
  const avg = options.average === undefined ? "binary" : options.average;
  if (avg === null) {
    return precisionRecallFscoreSupport(yTrue, yPred, { ...options, average: null })[key];
  }
  return precisionRecallFscoreSupport(yTrue, yPred, { ...options, average: avg })[key];
}

/**
 * Precision TP / (TP + FP): of the samples predicted positive, the fraction that are (李航 §1.8).
 * @param yTrue true labels, shape (nSamples,)
 * @param yPred predicted labels, shape (nSamples,)
 * @returns a number, or one per label with `average: null` (default average "binary")
 * @example
 * ```ts
 * import { precisionScore } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * assertEquals(precisionScore([0, 1, 1, 0], [1, 1, 0, 0]), 0.5);
 * assertEquals(precisionScore([0, 1, 1, 0], [1, 1, 0, 0], { average: null }), [0.5, 0.5]);
 * ```
 */
export function precisionScore(
  yTrue: LabelLike,
  yPred: LabelLike,
  options?: PrfOptions & { average?: Average },
): number;
/** Precision per label, with `average: null`. */
export function precisionScore(
  yTrue: LabelLike,
  yPred: LabelLike,
  options: PrfOptions & { average: null },
): number[];
export function precisionScore(
  yTrue: LabelLike,
  yPred: LabelLike,
  options: PrfOptions = {},
): number | number[] {
  checkOptions(options, PRF_OPTIONS, "precisionScore");
  return scoreOf("precision", yTrue, yPred, options);
}

/**
 * Recall TP / (TP + FN): of the truly positive samples, the fraction found (李航 §1.8).
 * @param yTrue true labels, shape (nSamples,)
 * @param yPred predicted labels, shape (nSamples,)
 * @returns a number, or one per label with `average: null` (default average "binary")
 * @example
 * ```ts
 * import { recallScore } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * assertEquals(recallScore([0, 1, 1, 0], [1, 1, 0, 0]), 0.5);
 * ```
 */
export function recallScore(
  yTrue: LabelLike,
  yPred: LabelLike,
  options?: PrfOptions & { average?: Average },
): number;
/** Recall per label, with `average: null`. */
export function recallScore(
  yTrue: LabelLike,
  yPred: LabelLike,
  options: PrfOptions & { average: null },
): number[];
export function recallScore(
  yTrue: LabelLike,
  yPred: LabelLike,
  options: PrfOptions = {},
): number | number[] {
  checkOptions(options, PRF_OPTIONS, "recallScore");
  return scoreOf("recall", yTrue, yPred, options);
}

/**
 * F1 = 2 P R / (P + R), the harmonic mean of precision and recall (李航 §1.8).
 * @param yTrue true labels, shape (nSamples,)
 * @param yPred predicted labels, shape (nSamples,)
 * @returns a number, or one per label with `average: null` (default average "binary")
 * @example
 * ```ts
 * import { f1Score } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * assertEquals(f1Score([0, 1, 1, 0], [1, 1, 0, 0]), 0.5);
 * ```
 */
export function f1Score(
  yTrue: LabelLike,
  yPred: LabelLike,
  options?: PrfOptions & { average?: Average },
): number;
/** F1 per label, with `average: null`. */
export function f1Score(
  yTrue: LabelLike,
  yPred: LabelLike,
  options: PrfOptions & { average: null },
): number[];
export function f1Score(
  yTrue: LabelLike,
  yPred: LabelLike,
  options: PrfOptions = {},
): number | number[] {
  checkOptions(options, PRF_OPTIONS, "f1Score");
  return scoreOf("fScore", yTrue, yPred, { ...options, beta: 1 });
}

/**
 * F_β = (1 + β²) P R / (β² P + R): recall counts β times as much as precision (β = ∞ gives R).
 * @param yTrue true labels, shape (nSamples,)
 * @param yPred predicted labels, shape (nSamples,)
 * @param options.beta the weight β ≥ 0 of recall
 * @example
 * ```ts
 * import { fbetaScore } from "../mod.ts";
 * import { assertAlmostEquals } from "@std/assert";
 *
 * // P = 2/3, R = 1: F₂ = 5 · (2/3) / (4 · 2/3 + 1) = 10/11
 * assertAlmostEquals(fbetaScore([0, 1, 1, 0], [1, 1, 1, 0], { beta: 2 }), 10 / 11);
 * ```
 */
export function fbetaScore(
  yTrue: LabelLike,
  yPred: LabelLike,
  options: PrfOptions & { beta: number; average?: Average },
): number;
/** F-beta per label, with `average: null`. */
export function fbetaScore(
  yTrue: LabelLike,
  yPred: LabelLike,
  options: PrfOptions & { beta: number; average: null },
): number[];
export function fbetaScore(
  yTrue: LabelLike,
  yPred: LabelLike,
  options: PrfOptions & { beta: number },
): number | number[] {
  checkOptions(options, [...PRF_OPTIONS, "beta"], "fbetaScore");
  if (options?.beta === undefined) {
    throw new ValueError("fbetaScore needs the 'beta' option, e.g. { beta: 2 }.");
  }
  return scoreOf("fScore", yTrue, yPred, options);
}
