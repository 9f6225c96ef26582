/**
 * Areas under the threshold curves, as scikit-learn's `roc_auc_score` (binary, and multiclass
 * one-vs-rest or one-vs-one) and `average_precision_score` (binary, and multiclass one-vs-rest as
 * scikit-learn ≥ 1.3 does).
 *
 * @module
 */
import { checkOptions } from "../core/options.ts";
import {
  checkNumber,
  checkOneOf,
  describe,
  type LabelLike,
  Matrix,
  type MatrixLike,
  toMatrix,
  toVector,
  uniqueLabels,
  ValueError,
  type VectorLike,
} from "../core/mod.ts";
import {
  binaryClfCurve,
  type BinaryInput,
  dropZeroWeights,
  prFromCounts,
  rocFromCounts,
  toBinaryInput,
  trapezoid,
} from "./curves.ts";
import {
  average,
  checkProbabilities,
  checkSameLength,
  encode,
  isTwoD,
  type Label,
  toClassLabels,
  toLabelList,
  toSampleWeight,
} from "./inputs.ts";

/** Averaging over classes for the multiclass areas; null returns one area per class. */
export type AreaAverage = "macro" | "weighted" | "micro" | null;

/** Options of {@linkcode rocAucScore}. */
export interface RocAucOptions {
  /** Multiclass averaging ("micro" only with "ovr"); ignored for binary yTrue. @default "macro" */
  average?: AreaAverage;
  /** One weight per sample (not with "ovo"). @default undefined */
  sampleWeight?: VectorLike;
  /** Binary only: standardized partial AUC over FPR ∈ [0, maxFpr] (McClish). @default undefined */
  maxFpr?: number;
  /** Multiclass scheme: one-vs-rest, one-vs-one, or refuse. @default "raise" */
  multiClass?: "raise" | "ovr" | "ovo";
  /** Multiclass: the class of each yScore column, sorted. @default sorted labels of yTrue */
  labels?: LabelLike;
}

/** AUC of 0/1 targets (scikit-learn's `_binary_roc_auc_score`). */
function binaryRocAuc(y: Uint8Array, score: Float64Array, w?: Float64Array, maxFpr?: number) {
  let positives = 0;
  for (let i = 0; i < y.length; i++) positives += y[i];
  if (positives === 0 || positives === y.length) {
    throw new ValueError(
      "Only one class is present in yTrue (for this class or pair); ROC AUC is not defined then.",
    );
  }
  const input = dropZeroWeights(y, score, w);
  const { fpr, tpr } = rocFromCounts(binaryClfCurve(input));
  if (maxFpr === undefined || maxFpr === 1) return trapezoid(fpr, tpr);
  // Cut the curve at maxFpr, interpolating one point, then rescale (McClish 1989).
  let stop = 0;
  while (stop < fpr.length && fpr[stop] <= maxFpr) stop++;
  const slope = (tpr[stop] - tpr[stop - 1]) / (fpr[stop] - fpr[stop - 1]);
  const tprCut = [...tpr.slice(0, stop), slope * (maxFpr - fpr[stop - 1]) + tpr[stop - 1]];
  const partial = trapezoid([...fpr.slice(0, stop), maxFpr], tprCut);
  const minArea = 0.5 * maxFpr ** 2, maxArea = maxFpr;
  return 0.5 * (1 + (partial - minArea) / (maxArea - minArea));
}

type BinaryMetric = (y: Uint8Array, score: Float64Array, w?: Float64Array) => number;

/** One-vs-rest: the binary metric on each column of the binarized yTrue, then averaged. */
function averageOvr(
  metric: BinaryMetric,
  yIdx: Int32Array,
  scores: Matrix,
  avg: AreaAverage,
  w?: Float64Array,
): number | number[] {
  const n = scores.rows, k = scores.cols;
  if (avg === "micro") {
    // Row-major ravel of the binarized targets, weights repeated per class (numpy's ravel).
    const y = new Uint8Array(n * k), s = scores.data;
    const ww = w ? new Float64Array(n * k) : undefined;
    for (let i = 0; i < n; i++) {
      for (let c = 0; c < k; c++) {
        y[i * k + c] = yIdx[i] === c ? 1 : 0;
        if (ww) ww[i * k + c] = w![i];
      }
    }
    return metric(y, s, ww);
  }
  const perClass = new Float64Array(k);
  const support = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    const y01 = new Uint8Array(n);
    for (let i = 0; i < n; i++) y01[i] = yIdx[i] === c ? 1 : 0;
    for (let i = 0; i < n; i++) if (y01[i]) support[c] += w ? w[i] : 1;
    perClass[c] = metric(y01, scores.col(c), w);
  }
  if (avg === null) return Array.from(perClass);
  if (avg === "weighted") {
    if (Math.abs(support.reduce((a, b) => a + b, 0)) <= 1e-8) return 0;
    for (let c = 0; c < k; c++) if (support[c] === 0) perClass[c] = 0;
    return average(perClass, support);
  }
  return average(perClass);
}

/** One-vs-one (Hand & Till 2001): mean over class pairs of the two directed AUCs' mean. */
function averageOvo(yIdx: Int32Array, scores: Matrix, avg: "macro" | "weighted"): number {
  const present = [...new Set(yIdx)].sort((a, b) => a - b);
  const pairScores: number[] = [], prevalence: number[] = [];
  for (let p = 0; p < present.length; p++) {
    for (let q = p + 1; q < present.length; q++) {
      const a = present[p], b = present[q];
      const rows = [...yIdx.keys()].filter((i) => yIdx[i] === a || yIdx[i] === b);
      prevalence.push(rows.length / yIdx.length);
      const aTrue = Uint8Array.from(rows, (i) => (yIdx[i] === a ? 1 : 0));
      const bTrue = Uint8Array.from(rows, (i) => (yIdx[i] === b ? 1 : 0));
      const aAuc = binaryRocAuc(aTrue, Float64Array.from(rows, (i) => scores.get(i, a)));
      const bAuc = binaryRocAuc(bTrue, Float64Array.from(rows, (i) => scores.get(i, b)));
      pairScores.push((aAuc + bAuc) / 2);
    }
  }
  return average(pairScores, avg === "weighted" ? prevalence : undefined);
}

/** Checks a multiclass probability table and resolves the class of each column. */
function multiclassSetup(y: Label[], yScore: MatrixLike, labels: LabelLike | undefined) {
  const scores = toMatrix(yScore, "yScore");
  checkSameLength(y.length, scores.rows, "yTrue", "yScore");
  checkProbabilities(scores, "yScore");
  for (let i = 0; i < scores.rows; i++) {
    let s = 0;
    for (let j = 0; j < scores.cols; j++) s += scores.data[i * scores.cols + j];
    if (!(Math.abs(1 - s) <= 1e-8 + 1e-5 * Math.abs(s))) {
      throw new ValueError(
        `yScore rows must be probabilities summing to 1 over the classes; row ${i} sums to ${s}.`,
      );
    }
  }
  let classes: Label[];
  if (labels !== undefined) {
    classes = toLabelList(labels);
    const sorted = uniqueLabels(classes);
    if (sorted.some((c, i) => c !== classes[i])) {
      throw new ValueError(`labels must be sorted. Got ${describe(classes)}.`);
    }
    const unknown = y.find((v) => !classes.includes(v));
    if (unknown !== undefined) {
      throw new ValueError(
        `yTrue contains ${describe(unknown)}, which is not in labels ${describe(classes)}.`,
      );
    }
  } else classes = uniqueLabels(y);
  if (classes.length !== scores.cols) {
    throw new ValueError(
      `yScore has ${scores.cols} columns, but there are ${classes.length} classes ` +
        `${describe(classes)}${labels === undefined ? " in yTrue; pass labels to name them" : ""}.`,
    );
  }
  return { scores, yIdx: encode(y, classes) };
}

/**
 * Area under the ROC curve: the probability that a random positive is scored above a random
 * negative (ties count ½). Binary: yScore is the score of the greater label. Multiclass: yScore
 * holds class probabilities (rows sum to 1) and `multiClass` picks one-vs-rest (each class
 * against the others, averaged) or one-vs-one (Hand & Till 2001, over class pairs).
 * @param yTrue labels, shape (nSamples,)
 * @param yScore shape (nSamples,) for binary, (nSamples, nClasses) for multiclass
 * @example
 * ```ts
 * import { rocAucScore } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * assertEquals(rocAucScore([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]), 0.75);
 * ```
 */
export function rocAucScore(
  yTrue: LabelLike,
  yScore: VectorLike | MatrixLike,
  options?: RocAucOptions & { average?: "macro" | "weighted" | "micro" },
): number;
/** With `average: null`, one area per class (multiclass one-vs-rest); binary still one number. */
export function rocAucScore(
  yTrue: LabelLike,
  yScore: VectorLike | MatrixLike,
  options: RocAucOptions & { average: null },
): number | number[];
export function rocAucScore(
  yTrue: LabelLike,
  yScore: VectorLike | MatrixLike,
  options: RocAucOptions = {},
): number | number[] {
  checkOptions(
    options,
    ["average", "sampleWeight", "maxFpr", "multiClass", "labels"],
    "rocAucScore",
  );
  const { average: avg = "macro", sampleWeight, maxFpr, multiClass = "raise", labels } = options;
  checkOneOf("multiClass", multiClass, ["raise", "ovr", "ovo"]);
  const y = toClassLabels(yTrue, "yTrue");
  const classes = uniqueLabels(y);
  const twoD = isTwoD(yScore);
  const w = toSampleWeight(sampleWeight, y.length);
  if (classes.length > 2 || (twoD && toMatrix(yScore as MatrixLike, "yScore").cols > 2)) {
    if (maxFpr !== undefined && maxFpr !== 1) {
      throw new ValueError("maxFpr (partial AUC) is only available for binary yTrue.");
    }
    if (multiClass === "raise") {
      throw new ValueError(
        `yTrue is multiclass (${describe(classes)}); set multiClass to "ovr" or "ovo".`,
      );
    }
    if (!twoD) {
      throw new ValueError(
        "For multiclass yTrue, yScore must be (nSamples, nClasses) probabilities, e.g. predictProba.",
      );
    }
    const { scores, yIdx } = multiclassSetup(y, yScore as MatrixLike, labels);
    if (multiClass === "ovo") {
      const ovoAvg = checkOneOf("average", avg, ["macro", "weighted"]);
      if (w) throw new ValueError("sampleWeight is not supported with multiClass 'ovo'.");
      return averageOvo(yIdx, scores, ovoAvg);
    }
    if (avg !== null) checkOneOf("average", avg, ["micro", "macro", "weighted"]);
    return averageOvr((t, s, ww) => binaryRocAuc(t, s, ww), yIdx, scores, avg, w);
  }
  if (twoD) {
    throw new ValueError(
      "For binary yTrue, yScore must be 1-D: the score of the greater label " +
        `(${describe(classes[classes.length - 1])}), e.g. column 1 of predictProba.`,
    );
  }
  if (maxFpr !== undefined) checkNumber("maxFpr", maxFpr, { min: 0, max: 1, exclusiveMin: true });
  const score = toVector(yScore as VectorLike, "yScore");
  checkSameLength(y.length, score.length, "yTrue", "yScore");
  // A plain loop: TypedArray.from with a mapping function is slow on large inputs.
  const y01 = new Uint8Array(y.length);
  for (let i = 0; i < y.length; i++) y01[i] = y[i] === classes[1] ? 1 : 0;
  return binaryRocAuc(y01, score, w, maxFpr);
}

/** AP of 0/1 targets: Σ (Rₙ₋₁ − Rₙ) Pₙ over the precision–recall curve. */
function averagePrecisionOf(input: BinaryInput): number {
  const { precision, recall } = prFromCounts(binaryClfCurve(input));
  let s = 0;
  for (let i = 0; i < recall.length - 1; i++) s += (recall[i + 1] - recall[i]) * precision[i];
  return -s;
}

/** Options of {@linkcode averagePrecisionScore}. */
export interface AveragePrecisionOptions {
  /** Binary: the positive class. @default 1 */
  posLabel?: Label;
  /** Multiclass averaging; ignored for binary yTrue. @default "macro" */
  average?: AreaAverage;
  /** One weight per sample. @default undefined */
  sampleWeight?: VectorLike;
}

/**
 * Average precision AP = Σₙ (Rₙ − Rₙ₋₁) Pₙ: the precision at each threshold weighted by the
 * recall it adds (a step-wise area under the precision–recall curve, without interpolation).
 * Binary: yScore 1-D, positives are `posLabel`. Multiclass: yScore (nSamples, nClasses), each class
 * against the rest, averaged.
 * @param yTrue labels, shape (nSamples,)
 * @param yScore shape (nSamples,) or (nSamples, nClasses)
 * @example
 * ```ts
 * import { averagePrecisionScore } from "../mod.ts";
 * import { assertAlmostEquals } from "@std/assert";
 *
 * assertAlmostEquals(averagePrecisionScore([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]), 5 / 6);
 * ```
 */
export function averagePrecisionScore(
  yTrue: LabelLike,
  yScore: VectorLike | MatrixLike,
  options?: AveragePrecisionOptions & { average?: "macro" | "weighted" | "micro" },
): number;
/** With `average: null`, one average precision per class; binary still one number. */
export function averagePrecisionScore(
  yTrue: LabelLike,
  yScore: VectorLike | MatrixLike,
  options: AveragePrecisionOptions & { average: null },
): number | number[];
export function averagePrecisionScore(
  yTrue: LabelLike,
  yScore: VectorLike | MatrixLike,
  options: AveragePrecisionOptions = {},
): number | number[] {
  checkOptions(options, ["posLabel", "average", "sampleWeight"], "averagePrecisionScore");
  const { posLabel = 1, average: avg = "macro", sampleWeight } = options;
  const y = toClassLabels(yTrue, "yTrue");
  const classes = uniqueLabels(y);
  const w = toSampleWeight(sampleWeight, y.length);
  if (classes.length > 2) {
    if (posLabel !== 1) {
      throw new ValueError("posLabel is fixed to 1 for multiclass yTrue; do not set it.");
    }
    if (avg !== null) checkOneOf("average", avg, ["micro", "macro", "weighted"]);
    if (!isTwoD(yScore)) {
      throw new ValueError(
        "For multiclass yTrue, yScore must be (nSamples, nClasses) scores, e.g. predictProba.",
      );
    }
    const scores = toMatrix(yScore as MatrixLike, "yScore");
    checkSameLength(y.length, scores.rows, "yTrue", "yScore");
    if (scores.cols !== classes.length) {
      throw new ValueError(
        `yScore has ${scores.cols} columns, but yTrue has ${classes.length} classes.`,
      );
    }
    const metric: BinaryMetric = (t, s, ww) => averagePrecisionOf(dropZeroWeights(t, s, ww));
    return averageOvr(metric, encode(y, classes), scores, avg, w);
  }
  if (classes.length === 2 && !classes.includes(posLabel)) {
    throw new ValueError(
      `posLabel=${describe(posLabel)} is not a valid label. It should be one of ${
        describe(classes)
      }.`,
    );
  }
  if (isTwoD(yScore)) {
    throw new ValueError("For binary yTrue, yScore must be 1-D: the score of posLabel.");
  }
  const score = toVector(yScore as VectorLike, "yScore");
  checkSameLength(y.length, score.length, "yTrue", "yScore");
  const input = toBinaryInput(y, score, { sampleWeight, posLabel }, "averagePrecisionScore");
  return averagePrecisionOf(input);
}
