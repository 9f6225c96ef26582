/**
 * Probabilistic losses: scikit-learn's `log_loss` (labels, clipping, renormalization) and the
 * per-sample cross-entropy of d2l §3.4–3.6 for a table of predicted class probabilities.
 *
 * @module
 */
import { checkOptions } from "../core/options.ts";
import {
  checkBoolean,
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
  average,
  checkProbabilities,
  checkSameLength,
  encode,
  isTwoD,
  toClassLabels,
  toLabelList,
  toSampleWeight,
} from "./inputs.ts";

/** Options of {@linkcode logLoss}. */
export interface LogLossOptions {
  /** Probabilities are clipped to [eps, 1 − eps] so log never sees 0. @default "auto" (2⁻⁵²) */
  eps?: number | "auto";
  /** Mean over samples (true) or sum (false). @default true */
  normalize?: boolean;
  /** One weight per sample. @default undefined */
  sampleWeight?: VectorLike;
  /** All classes, when yTrue may miss some; yPred's columns follow their sorted order. */
  labels?: LabelLike;
}

/**
 * Log loss (cross-entropy, negative log-likelihood) L = −(1/n) Σᵢ log p̂ᵢ,yᵢ, where p̂ᵢ,c is the
 * predicted probability of sample i's true class (李航 §6.1.3; d2l §3.4). Probabilities are clipped
 * to [eps, 1 − eps] and each row renormalized to sum 1, as scikit-learn does.
 * @param yTrue labels, shape (nSamples,)
 * @param yPred probabilities, shape (nSamples, nClasses) with columns in sorted class order, or
 *   shape (nSamples,) for two classes: the probability of the greater label
 * @example
 * ```ts
 * import { logLoss } from "../mod.ts";
 * import { assertAlmostEquals } from "@std/assert";
 *
 * const yPred = [[.1, .9], [.9, .1], [.8, .2], [.35, .65]]; // columns: "ham", "spam"
 * assertAlmostEquals(logLoss(["spam", "ham", "ham", "spam"], yPred), 0.2162, 1e-4);
 * ```
 */
export function logLoss(
  yTrue: LabelLike,
  yPred: VectorLike | MatrixLike,
  options: LogLossOptions = {},
): number {
  checkOptions(options, ["eps", "normalize", "sampleWeight", "labels"], "logLoss");
  const { eps = "auto", normalize = true, sampleWeight, labels } = options;
  checkBoolean("normalize", normalize);
  const e = eps === "auto" ? Number.EPSILON : checkNumber("eps", eps, { min: 0, max: 0.5 });
  const y = toClassLabels(yTrue, "yTrue");
  const classes = uniqueLabels(labels === undefined ? y : toLabelList(labels));
  if (classes.length < 2) {
    throw new ValueError(
      labels === undefined
        ? `yTrue contains only one label (${
          describe(classes[0])
        }); pass all classes through the labels option.`
        : `labels must contain at least two classes for logLoss. Got ${describe(classes)}.`,
    );
  }
  const idx = encode(y, classes);
  const unknown = idx.indexOf(-1);
  if (unknown >= 0) {
    throw new ValueError(
      `yTrue contains ${describe(y[unknown])} at index ${unknown}, which is not among the ` +
        `classes ${describe(classes)}.`,
    );
  }
  let p: Matrix;
  if (isTwoD(yPred)) p = toMatrix(yPred as MatrixLike, "yPred");
  else {
    const v = toVector(yPred as VectorLike, "yPred");
    p = new Matrix(v.length, 1, v);
  }
  checkSameLength(y.length, p.rows, "yTrue", "yPred");
  checkProbabilities(p, "yPred");
  const k = p.cols === 1 ? 2 : p.cols;
  if (k !== classes.length) {
    throw new ValueError(
      `yPred has ${k} columns, but there are ${classes.length} classes ${describe(classes)}` +
        (labels === undefined ? "; pass all classes through the labels option." : "."),
    );
  }
  const w = toSampleWeight(sampleWeight, y.length);
  const clip = (v: number) => Math.min(Math.max(v, e), 1 - e);
  const loss = new Float64Array(y.length);
  for (let i = 0; i < y.length; i++) {
    let sum: number, mine: number;
    if (p.cols === 1) {
      // One column is P(greater label); the other class gets 1 − p after clipping.
      const p1 = clip(p.data[i]), p0 = 1 - p1;
      sum = p0 + p1;
      mine = idx[i] === 1 ? p1 : p0;
    } else {
      sum = 0;
      for (let j = 0; j < k; j++) sum += clip(p.data[i * k + j]);
      mine = clip(p.data[i * k + idx[i]]);
    }
    loss[i] = -Math.log(mine / sum);
  }
  if (normalize) return average(loss, w);
  let s = 0;
  for (let i = 0; i < loss.length; i++) s += w ? loss[i] * w[i] : loss[i];
  return s;
}

/** How per-sample losses are reduced. */
export type Reduction = "none" | "mean" | "sum";

/**
 * Cross-entropy of predicted class probabilities against class indices, per sample
 * ℓᵢ = −log ŷᵢ,yᵢ (d2l §3.4.2, `cross_entropy` of §3.6), reduced by mean, sum or not at all.
 * It takes probabilities (after softmax) and class indices; lib/autodiff's `crossEntropy` takes
 * logits, lib/info's compares two distributions. No clipping: a zero probability of the true
 * class gives Infinity.
 * @param yHat probabilities, shape (nSamples, nClasses)
 * @param y class indices in [0, nClasses), shape (nSamples,)
 * @example
 * ```ts
 * import { crossEntropyLoss } from "../mod.ts";
 * import { assertAlmostEquals } from "@std/assert";
 *
 * const yHat = [[0.1, 0.3, 0.6], [0.3, 0.2, 0.5]];
 * const [a, b] = crossEntropyLoss(yHat, [0, 2], { reduction: "none" });
 * assertAlmostEquals(a, -Math.log(0.1)); // 2.3026
 * assertAlmostEquals(b, -Math.log(0.5)); // 0.6931
 * ```
 */
export function crossEntropyLoss(
  yHat: MatrixLike,
  y: VectorLike,
  options?: { reduction?: "mean" | "sum" },
): number;
/** One loss per sample, with `reduction: "none"`. */
export function crossEntropyLoss(
  yHat: MatrixLike,
  y: VectorLike,
  options: { reduction: "none" },
): number[];
export function crossEntropyLoss(
  yHat: MatrixLike,
  y: VectorLike,
  options: { reduction?: Reduction } = {},
): number | number[] {
  checkOptions(options, ["reduction"], "crossEntropyLoss");
  const reduction = checkOneOf("reduction", options.reduction ?? "mean", ["none", "mean", "sum"]);
  const p = toMatrix(yHat, "yHat");
  const idx = toVector(y, "y");
  checkSameLength(p.rows, idx.length, "yHat", "y");
  checkProbabilities(p, "yHat");
  const losses: number[] = [];
  for (let i = 0; i < p.rows; i++) {
    const c = idx[i];
    if (!Number.isInteger(c) || c < 0 || c >= p.cols) {
      throw new ValueError(
        `y must hold class indices in [0, ${p.cols}). Got ${c} at index ${i}.`,
      );
    }
    losses.push(-Math.log(p.data[i * p.cols + c]));
  }
  if (reduction === "none") return losses;
  const total = losses.reduce((a, b) => a + b, 0);
  return reduction === "sum" ? total : total / losses.length;
}
