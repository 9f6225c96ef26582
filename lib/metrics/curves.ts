/**
 * Threshold curves of a binary scorer, as scikit-learn's `roc_curve`, `precision_recall_curve`
 * and `auc`: sort the samples by decreasing score, and at each distinct score count the
 * (weighted) true and false positives among the samples scored at least that high.
 *
 * @module
 */
import { checkOptions } from "../core/options.ts";
import {
  checkBoolean,
  checkOneOf,
  describe,
  type LabelLike,
  toVector,
  uniqueLabels,
  ValueError,
  type VectorLike,
} from "../core/mod.ts";
import { argsortStable } from "./argsort.ts";
import { checkSameLength, type Label, toClassLabels, toSampleWeight } from "./inputs.ts";

/** Options of the curves. */
export interface CurveOptions {
  /** The positive class; may be omitted only when yTrue is in {0, 1} or {-1, 1}. */
  posLabel?: Label;
  /** One weight per sample. @default undefined */
  sampleWeight?: VectorLike;
}

/** Cumulative counts at each distinct score, highest score first (internal). */
export interface ClfCurve {
  /** (Weighted) negatives scored ≥ thresholds[i]. */
  fps: Float64Array;
  /** (Weighted) positives scored ≥ thresholds[i]. */
  tps: Float64Array;
  /** The distinct scores, decreasing. */
  thresholds: Float64Array;
}

/** The positive label: given, or 1 when the classes are {0,1}, {-1,1}, {0}, {-1} or {1}. */
function resolvePosLabel(
  classes: readonly Label[],
  posLabel: Label | undefined,
  fn: string,
): Label {
  if (posLabel !== undefined) {
    if (typeof posLabel !== typeof classes[0]) {
      throw new ValueError(
        `${fn}: posLabel=${describe(posLabel)} is a ${typeof posLabel}, but yTrue holds ${
          describe(classes)
        }.`,
      );
    }
    return posLabel;
  }
  const key = classes.join(",");
  if (typeof classes[0] === "number" && ["0,1", "-1,1", "0", "-1", "1"].includes(key)) return 1;
  throw new ValueError(
    `${fn}: yTrue takes values in ${describe(classes)} and posLabel is not specified: either ` +
      `make yTrue take values in {0, 1} or {-1, 1} or pass posLabel explicitly.`,
  );
}

/** Checked binary input: 1 marks a positive sample; zero-weight samples already dropped. */
export interface BinaryInput {
  positive: Uint8Array;
  score: Float64Array;
  w: Float64Array | undefined;
}

/**
 * Converts and checks the input of a binary curve: labels and scores of equal length, a binary
 * yTrue (or any yTrue with posLabel given), the positive label resolved, zero weights dropped.
 */
export function toBinaryInput(
  yTrue: LabelLike,
  yScore: VectorLike,
  options: CurveOptions,
  fn: string,
): BinaryInput {
  const labels = toClassLabels(yTrue, "yTrue");
  const score = toVector(yScore, "yScore");
  checkSameLength(labels.length, score.length, "yTrue", "yScore");
  const w = toSampleWeight(options.sampleWeight, labels.length);
  const classes = uniqueLabels(labels);
  if (classes.length > 2 && options.posLabel === undefined) {
    throw new ValueError(
      `${fn} needs binary yTrue, but it has ${classes.length} classes ${
        describe(classes)
      }. Pass posLabel to score one class against the rest.`,
    );
  }
  // scikit-learn infers the positive label after dropping zero-weight samples.
  const kept = w ? labels.filter((_, i) => w[i] !== 0) : labels;
  const pos = resolvePosLabel(w ? uniqueLabels(kept) : classes, options.posLabel, fn);
  const positive = new Uint8Array(labels.length);
  for (let i = 0; i < labels.length; i++) positive[i] = labels[i] === pos ? 1 : 0;
  return dropZeroWeights(positive, score, w);
}

/** A {@linkcode BinaryInput} from 0/1 targets already checked (internal). */
export function dropZeroWeights(
  positive: Uint8Array,
  score: Float64Array,
  w: Float64Array | undefined,
): BinaryInput {
  if (!w || !w.includes(0)) return { positive, score, w };
  const keep = (_: unknown, i: number) => w[i] !== 0;
  return {
    positive: positive.filter(keep),
    score: score.filter(keep),
    w: w.filter((v) => v !== 0),
  };
}

/**
 * Counts true and false positives per threshold (scikit-learn's `_binary_clf_curve`): samples
 * sorted by decreasing score, cumulative (weighted) counts read at the last sample of each run
 * of equal scores.
 * @param input checked labels (1 = positive), scores and weights, see {@linkcode toBinaryInput}
 */
export function binaryClfCurve({ positive, score, w }: BinaryInput): ClfCurve {
  const n = score.length;
  // Stable ascending sort, reversed: ties end up in decreasing index order, like numpy's
  // argsort(kind="mergesort")[::-1]; it only matters for the order of floating-point sums.
  const order = argsortStable(score).reverse();
  let m = 0;
  for (let r = 0; r < n - 1; r++) if (score[order[r]] !== score[order[r + 1]]) m++;
  const fps = new Float64Array(m + 1), tps = new Float64Array(m + 1);
  const thresholds = new Float64Array(m + 1);
  let tp = 0, fp = 0, k = 0;
  for (let r = 0; r < n; r++) {
    const i = order[r];
    const wi = w ? w[i] : 1;
    if (positive[i]) tp += wi;
    else fp += wi;
    if (r === n - 1 || score[i] !== score[order[r + 1]]) {
      tps[k] = tp;
      fps[k] = w ? fp : r + 1 - tp; // unweighted: exact integer counts
      thresholds[k++] = score[i];
    }
  }
  return { fps, tps, thresholds };
}

/** The receiver operating characteristic: false and true positive rates per threshold. */
export interface RocCurve {
  /** False positive rate FP / N at score ≥ thresholds[i], increasing from 0 to 1. */
  fpr: number[];
  /** True positive rate (recall) TP / P at score ≥ thresholds[i], increasing from 0 to 1. */
  tpr: number[];
  /** Decreasing thresholds; thresholds[0] predicts no sample positive. */
  thresholds: number[];
}

/**
 * ROC curve: for each threshold t, FPR(t) = FP/N and TPR(t) = TP/P when samples scored ≥ t are
 * called positive (Fawcett 2006). With `dropIntermediate`, points collinear with their neighbours
 * are dropped (they do not change the plot or the area). The curve starts at (0, 0) with a first
 * threshold that admits no sample: max score + 1 by default, as scikit-learn 1.2 (Debian's), or
 * Infinity as scikit-learn ≥ 1.3 with `firstThreshold: "infinity"`.
 * Unlike scikit-learn (which warns and returns NaN), a yTrue without positives or without
 * negatives is an error: one of the rates would be 0/0.
 * @param yTrue labels, shape (nSamples,)
 * @param yScore scores, shape (nSamples,); probabilities or any decision values
 * @example
 * ```ts
 * import { rocCurve } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * const { fpr, tpr, thresholds } = rocCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);
 * assertEquals(fpr, [0, 0, 0.5, 0.5, 1]);
 * assertEquals(tpr, [0, 0.5, 0.5, 1, 1]);
 * assertEquals(thresholds, [1.8, 0.8, 0.4, 0.35, 0.1]); // first: max score + 1
 * ```
 */
export function rocCurve(
  yTrue: LabelLike,
  yScore: VectorLike,
  options: CurveOptions & {
    /** Drop suboptimal thresholds that do not appear as corners of the curve. @default true */
    dropIntermediate?: boolean;
    /** First threshold: "maxPlusOne" (scikit-learn 1.2) or "infinity" (≥ 1.3). @default "maxPlusOne" */
    firstThreshold?: "maxPlusOne" | "infinity";
  } = {},
): RocCurve {
  checkOptions(
    options,
    ["posLabel", "sampleWeight", "dropIntermediate", "firstThreshold"],
    "rocCurve",
  );
  const { dropIntermediate = true, firstThreshold = "maxPlusOne" } = options;
  checkBoolean("dropIntermediate", dropIntermediate);
  checkOneOf("firstThreshold", firstThreshold, ["maxPlusOne", "infinity"]);
  const input = toBinaryInput(yTrue, yScore, options, "rocCurve");
  const { fpr, tpr, thresholds } = rocFromCounts(
    binaryClfCurve(input),
    dropIntermediate,
    firstThreshold,
  );
  return { fpr: toNumbers(fpr), tpr: toNumbers(tpr), thresholds: toNumbers(thresholds) };
}

/**
 * A plain-array copy of a typed array by a preallocated loop (`Array.from` on a typed array
 * goes through the iterator protocol, many times slower at 10⁶ values).
 */
function toNumbers(values: Float64Array): number[] {
  const out = new Array<number>(values.length);
  for (let i = 0; i < values.length; i++) out[i] = values[i];
  return out;
}

/** A {@linkcode RocCurve} in typed arrays (internal). */
export interface RocPoints {
  fpr: Float64Array;
  tpr: Float64Array;
  thresholds: Float64Array;
}

/**
 * ROC points from threshold counts (internal; the counts come from {@linkcode binaryClfCurve}),
 * in typed arrays: the areas read them directly, `rocCurve` copies them into plain arrays.
 */
export function rocFromCounts(
  curve: ClfCurve,
  dropIntermediate = true,
  firstThreshold: "maxPlusOne" | "infinity" = "maxPlusOne",
): RocPoints {
  let { fps, tps, thresholds } = curve;
  if (dropIntermediate && fps.length > 2) {
    // Keep a point when the second difference of fps or tps is non-zero (a corner). Plain
    // preallocated loops: JS arrays and TypedArray.from(list, fn) are slow at 10⁶ points.
    const n = fps.length, keep = new Uint32Array(n);
    let kept = 1; // keep[0] = 0
    for (let i = 1; i < n - 1; i++) {
      const d2f = (fps[i + 1] - fps[i]) - (fps[i] - fps[i - 1]);
      const d2t = (tps[i + 1] - tps[i]) - (tps[i] - tps[i - 1]);
      if (d2f !== 0 || d2t !== 0) keep[kept++] = i;
    }
    keep[kept++] = n - 1;
    const f = new Float64Array(kept), t = new Float64Array(kept), thr = new Float64Array(kept);
    for (let k = 0; k < kept; k++) {
      f[k] = fps[keep[k]];
      t[k] = tps[keep[k]];
      thr[k] = thresholds[keep[k]];
    }
    fps = f;
    tps = t;
    thresholds = thr;
  }
  const negatives = fps[fps.length - 1], positives = tps[tps.length - 1];
  if (negatives <= 0 || positives <= 0) {
    throw new ValueError(
      `rocCurve needs both classes in yTrue, but there are no ${
        positives <= 0 ? "positive" : "negative"
      } samples (posLabel ${positives <= 0 ? "never occurs" : "is every sample"}); ` +
        `the ${positives <= 0 ? "true" : "false"} positive rate would be 0/0.`,
    );
  }
  const m = fps.length;
  const fpr = new Float64Array(m + 1), tpr = new Float64Array(m + 1);
  const thr = new Float64Array(m + 1);
  fpr[0] = tpr[0] = 0;
  thr[0] = firstThreshold === "infinity" ? Infinity : thresholds[0] + 1;
  for (let i = 0; i < m; i++) {
    fpr[i + 1] = fps[i] / negatives;
    tpr[i + 1] = tps[i] / positives;
    thr[i + 1] = thresholds[i];
  }
  return { fpr, tpr, thresholds: thr };
}

/** Precision and recall per threshold, recall decreasing. */
export interface PrecisionRecallCurve {
  /** Precision at score ≥ thresholds[i]; the last entry is 1 (no sample predicted positive). */
  precision: number[];
  /** Recall at score ≥ thresholds[i]; the last entry is 0. */
  recall: number[];
  /** Increasing distinct scores (one fewer than precision/recall). */
  thresholds: number[];
}

/**
 * Precision–recall curve: at each distinct score t, P(t) = TP/(TP+FP) and R(t) = TP/P for the
 * samples scored ≥ t, listed by increasing threshold, then the end point (R, P) = (0, 1).
 * A yTrue with no positive sample is an error (scikit-learn warns and sets recall to 1).
 * @param yTrue labels, shape (nSamples,)
 * @param probasPred scores, shape (nSamples,)
 * @example
 * ```ts
 * import { precisionRecallCurve } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * const { precision, recall, thresholds } = precisionRecallCurve(
 *   [0, 0, 1, 1],
 *   [0.1, 0.4, 0.35, 0.8],
 * );
 * assertEquals(precision, [0.5, 2 / 3, 0.5, 1, 1]);
 * assertEquals(recall, [1, 1, 0.5, 0.5, 0]);
 * assertEquals(thresholds, [0.1, 0.35, 0.4, 0.8]);
 * ```
 */
export function precisionRecallCurve(
  yTrue: LabelLike,
  probasPred: VectorLike,
  options: CurveOptions = {},
): PrecisionRecallCurve {
  checkOptions(options, ["posLabel", "sampleWeight"], "precisionRecallCurve");
  const input = toBinaryInput(yTrue, probasPred, options, "precisionRecallCurve");
  const { precision, recall, thresholds } = prFromCounts(binaryClfCurve(input));
  return {
    precision: toNumbers(precision),
    recall: toNumbers(recall),
    thresholds: toNumbers(thresholds),
  };
}

/** A {@linkcode PrecisionRecallCurve} in typed arrays (internal). */
export interface PrPoints {
  precision: Float64Array;
  recall: Float64Array;
  thresholds: Float64Array;
}

/** Precision–recall points from threshold counts (internal), in typed arrays. */
export function prFromCounts({ fps, tps, thresholds }: ClfCurve): PrPoints {
  const m = tps.length, positives = tps[m - 1];
  if (positives === 0) {
    throw new ValueError(
      "precisionRecallCurve needs at least one positive sample in yTrue (posLabel never occurs); " +
        "recall would be 0/0.",
    );
  }
  const precision = new Float64Array(m + 1), recall = new Float64Array(m + 1);
  const thr = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const i = m - 1 - k, predicted = tps[i] + fps[i];
    precision[k] = predicted === 0 ? 0 : tps[i] / predicted;
    recall[k] = tps[i] / positives;
    thr[k] = thresholds[i];
  }
  precision[m] = 1;
  recall[m] = 0;
  return { precision, recall, thresholds: thr };
}

/**
 * Area under a curve by the trapezoidal rule, A = Σᵢ (xᵢ₊₁ − xᵢ)(yᵢ + yᵢ₊₁)/2, with x monotonic
 * (increasing, or decreasing and the sign flipped).
 * @param x shape (n,), n ≥ 2
 * @param y shape (n,)
 * @example
 * ```ts
 * import { auc, rocCurve } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * const { fpr, tpr } = rocCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);
 * assertEquals(auc(fpr, tpr), 0.75);
 * assertEquals(auc([0, 1, 2], [0, 1, 1]), 1.5); // trapezoids
 * ```
 */
export function auc(x: VectorLike, y: VectorLike): number {
  const xs = toVector(x, "x"), ys = toVector(y, "y");
  checkSameLength(xs.length, ys.length, "x", "y");
  if (xs.length < 2) {
    throw new ValueError(`auc needs at least 2 points. Got ${xs.length}.`);
  }
  let up = true, down = true;
  for (let i = 1; i < xs.length; i++) {
    if (xs[i] < xs[i - 1]) up = false;
    if (xs[i] > xs[i - 1]) down = false;
  }
  if (!up && !down) {
    throw new ValueError(`x must be increasing or decreasing. Got ${describe(Array.from(xs))}.`);
  }
  return up ? trapezoid(xs, ys) : -trapezoid(xs, ys);
}

/** Σᵢ (xᵢ₊₁ − xᵢ)(yᵢ + yᵢ₊₁)/2 without checks (internal). */
export function trapezoid(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let area = 0;
  for (let i = 1; i < x.length; i++) area += ((x[i] - x[i - 1]) * (y[i] + y[i - 1])) / 2;
  return area;
}
