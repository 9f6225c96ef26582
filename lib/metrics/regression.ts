/**
 * Regression metrics, as scikit-learn's `mean_squared_error`, `mean_absolute_error` and
 * `r2_score`: targets may be 1-D or 2-D (several outputs), with optional sample weights and a
 * `multioutput` rule that combines the per-output errors.
 *
 * @module
 */
import { checkOptions } from "../core/options.ts";
import {
  checkBoolean,
  checkOneOf,
  type Matrix,
  ShapeError,
  toVector,
  ValueError,
  type VectorLike,
} from "../core/mod.ts";
import { average, checkSameLength, type TargetLike, toSampleWeight, toTargets } from "./inputs.ts";

/** How per-output errors combine: their plain mean, each one separately, or given weights. */
export type Multioutput = "uniformAverage" | "rawValues" | ArrayLike<number>;

/** Options shared by the regression errors. */
export interface RegressionOptions {
  /** One weight per sample, shape (nSamples,). @default undefined (all 1) */
  sampleWeight?: VectorLike;
  /** Combination of the outputs' errors. @default "uniformAverage" */
  multioutput?: Multioutput;
}

/** Options of {@linkcode r2Score}. */
export interface R2Options extends Omit<RegressionOptions, "multioutput"> {
  /** Adds "varianceWeighted": outputs weighted by the variance of yTrue. @default "uniformAverage" */
  multioutput?: Multioutput | "varianceWeighted";
  /** Replace NaN (constant yTrue, perfect fit) by 1 and -Infinity (constant yTrue) by 0. @default true */
  forceFinite?: boolean;
}

interface Prepared {
  yTrue: Matrix;
  yPred: Matrix;
  w: Float64Array | undefined;
  /** Output weights, undefined for a plain mean, "raw"/"variance" for the string rules. */
  rule: Float64Array | "uniform" | "raw" | "variance";
  /** yPred came 1-D (a gradient is returned in the same shape). */
  predOneD: boolean;
}

/** Converts and cross-checks everything a regression metric receives. */
function prepare(
  yTrue: TargetLike,
  yPred: TargetLike,
  sampleWeight: VectorLike | undefined,
  multioutput: unknown,
  allowVariance: boolean,
): Prepared {
  const t = toTargets(yTrue, "yTrue");
  const p = toTargets(yPred, "yPred");
  checkSameLength(t.m.rows, p.m.rows, "yTrue", "yPred");
  if (t.m.cols !== p.m.cols) {
    throw new ShapeError(
      `yTrue and yPred have different numbers of outputs: ${t.m.cols} and ${p.m.cols}.`,
    );
  }
  const w = toSampleWeight(sampleWeight, t.m.rows);
  let rule: Prepared["rule"];
  if (typeof multioutput === "string") {
    const allowed = ["uniformAverage", "rawValues"];
    if (allowVariance) allowed.push("varianceWeighted");
    const choice = checkOneOf("multioutput", multioutput, allowed);
    rule = choice === "uniformAverage" ? "uniform" : choice === "rawValues" ? "raw" : "variance";
  } else {
    const weights = toVector(multioutput as VectorLike, "multioutput");
    if (t.m.cols === 1) {
      throw new ValueError("Custom multioutput weights are only useful with several outputs.");
    }
    if (weights.length !== t.m.cols) {
      throw new ShapeError(
        `multioutput has ${weights.length} weights, but there are ${t.m.cols} outputs.`,
      );
    }
    rule = weights;
  }
  return { yTrue: t.m, yPred: p.m, w, rule, predOneD: p.oneD };
}

/** Per-output weighted mean of f(yTrue, yPred): Σᵢ wᵢ f / Σᵢ wᵢ. */
function outputMeans(
  { yTrue, yPred, w }: Prepared,
  f: (t: number, p: number) => number,
): Float64Array {
  const n = yTrue.rows, k = yTrue.cols;
  const sums = new Float64Array(k);
  let sw = 0;
  for (let i = 0; i < n; i++) {
    const wi = w ? w[i] : 1;
    sw += wi;
    for (let j = 0; j < k; j++) sums[j] += wi * f(yTrue.data[i * k + j], yPred.data[i * k + j]);
  }
  for (let j = 0; j < k; j++) sums[j] /= sw;
  return sums;
}

function combine(errors: Float64Array, rule: Prepared["rule"]): number | number[] {
  if (rule === "raw") return Array.from(errors);
  return average(errors, rule === "uniform" || rule === "variance" ? undefined : rule);
}

/**
 * Mean squared error, MSE = (1/n) Σᵢ (yᵢ − ŷᵢ)² (weighted: Σ wᵢ (yᵢ − ŷᵢ)² / Σ wᵢ), per output,
 * then combined by `multioutput`. The empirical risk of the squared loss (李航 §1.3.2; d2l §3.1).
 * @param yTrue shape (nSamples,) or (nSamples, nOutputs)
 * @param yPred same shape as yTrue
 * @returns a number, or one per output with `multioutput: "rawValues"`
 * @example
 * ```ts
 * import { meanSquaredError } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * assertEquals(meanSquaredError([3, -0.5, 2, 7], [2.5, 0, 2, 8]), 0.375);
 * ```
 */
export function meanSquaredError(
  yTrue: TargetLike,
  yPred: TargetLike,
  options?: RegressionOptions & { multioutput?: "uniformAverage" | ArrayLike<number> },
): number;
/** MSE per output column, with `multioutput: "rawValues"`. */
export function meanSquaredError(
  yTrue: TargetLike,
  yPred: TargetLike,
  options: RegressionOptions & { multioutput: "rawValues" },
): number[];
export function meanSquaredError(
  yTrue: TargetLike,
  yPred: TargetLike,
  options: RegressionOptions = {},
): number | number[] {
  checkOptions(options, ["sampleWeight", "multioutput"], "meanSquaredError");
  const { sampleWeight, multioutput = "uniformAverage" } = options;
  const prep = prepare(yTrue, yPred, sampleWeight, multioutput, false);
  return combine(outputMeans(prep, (t, p) => (t - p) ** 2), prep.rule);
}

/**
 * Root mean squared error, √MSE, taken per output before `multioutput` combines them (as
 * scikit-learn's `mean_squared_error(..., squared=False)`).
 * @param yTrue shape (nSamples,) or (nSamples, nOutputs)
 * @param yPred same shape as yTrue
 * @example
 * ```ts
 * import { rootMeanSquaredError } from "../mod.ts";
 * import { assertAlmostEquals } from "@std/assert";
 *
 * assertAlmostEquals(rootMeanSquaredError([3, -0.5, 2, 7], [2.5, 0, 2, 8]), Math.sqrt(0.375));
 * ```
 */
export function rootMeanSquaredError(
  yTrue: TargetLike,
  yPred: TargetLike,
  options?: RegressionOptions & { multioutput?: "uniformAverage" | ArrayLike<number> },
): number;
/** RMSE per output column, with `multioutput: "rawValues"`. */
export function rootMeanSquaredError(
  yTrue: TargetLike,
  yPred: TargetLike,
  options: RegressionOptions & { multioutput: "rawValues" },
): number[];
export function rootMeanSquaredError(
  yTrue: TargetLike,
  yPred: TargetLike,
  options: RegressionOptions = {},
): number | number[] {
  checkOptions(options, ["sampleWeight", "multioutput"], "rootMeanSquaredError");
  const { sampleWeight, multioutput = "uniformAverage" } = options;
  const prep = prepare(yTrue, yPred, sampleWeight, multioutput, false);
  const errors = outputMeans(prep, (t, p) => (t - p) ** 2).map(Math.sqrt);
  return combine(errors, prep.rule);
}

/**
 * Mean absolute error, MAE = (1/n) Σᵢ |yᵢ − ŷᵢ| (weighted: Σ wᵢ |yᵢ − ŷᵢ| / Σ wᵢ), per output.
 * @param yTrue shape (nSamples,) or (nSamples, nOutputs)
 * @param yPred same shape as yTrue
 * @example
 * ```ts
 * import { meanAbsoluteError } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * assertEquals(meanAbsoluteError([3, -0.5, 2, 7], [2.5, 0, 2, 8]), 0.5);
 * ```
 */
export function meanAbsoluteError(
  yTrue: TargetLike,
  yPred: TargetLike,
  options?: RegressionOptions & { multioutput?: "uniformAverage" | ArrayLike<number> },
): number;
/** MAE per output column, with `multioutput: "rawValues"`. */
export function meanAbsoluteError(
  yTrue: TargetLike,
  yPred: TargetLike,
  options: RegressionOptions & { multioutput: "rawValues" },
): number[];
export function meanAbsoluteError(
  yTrue: TargetLike,
  yPred: TargetLike,
  options: RegressionOptions = {},
): number | number[] {
  checkOptions(options, ["sampleWeight", "multioutput"], "meanAbsoluteError");
  const { sampleWeight, multioutput = "uniformAverage" } = options;
  const prep = prepare(yTrue, yPred, sampleWeight, multioutput, false);
  return combine(outputMeans(prep, (t, p) => Math.abs(t - p)), prep.rule);
}

/**
 * Coefficient of determination R² = 1 − Σ wᵢ (yᵢ − ŷᵢ)² / Σ wᵢ (yᵢ − ȳ)², ȳ the weighted mean of
 * yTrue; 1 is a perfect fit, 0 predicting ȳ, negative worse (ESL §3.2). With fewer than two samples
 * it is undefined and NaN is returned, as scikit-learn does.
 * @param yTrue shape (nSamples,) or (nSamples, nOutputs)
 * @param yPred same shape as yTrue
 * @example
 * ```ts
 * import { r2Score } from "../mod.ts";
 * import { assertAlmostEquals } from "@std/assert";
 *
 * assertAlmostEquals(r2Score([3, -0.5, 2, 7], [2.5, 0, 2, 8]), 0.9486, 1e-4);
 * ```
 */
export function r2Score(
  yTrue: TargetLike,
  yPred: TargetLike,
  options?: R2Options & { multioutput?: "uniformAverage" | "varianceWeighted" | ArrayLike<number> },
): number;
/** R² per output column, with `multioutput: "rawValues"`. */
export function r2Score(
  yTrue: TargetLike,
  yPred: TargetLike,
  options: R2Options & { multioutput: "rawValues" },
): number[];
export function r2Score(
  yTrue: TargetLike,
  yPred: TargetLike,
  options: R2Options = {},
): number | number[] {
  checkOptions(options, ["sampleWeight", "multioutput", "forceFinite"], "r2Score");
  const { sampleWeight, multioutput = "uniformAverage", forceFinite = true } = options;
  checkBoolean("forceFinite", forceFinite);
  const prep = prepare(yTrue, yPred, sampleWeight, multioutput, true);
  const { yTrue: t, yPred: p, w } = prep;
  const n = t.rows, k = t.cols;
  if (n < 2) return prep.rule === "raw" ? new Array(k).fill(NaN) : NaN;
  const mean = outputMeans({ ...prep, yPred: t }, (a) => a);
  const num = new Float64Array(k), den = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    const wi = w ? w[i] : 1;
    for (let j = 0; j < k; j++) {
      const o = i * k + j;
      num[j] += wi * (t.data[o] - p.data[o]) ** 2;
      den[j] += wi * (t.data[o] - mean[j]) ** 2;
    }
  }
  const scores = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    if (!forceFinite) scores[j] = 1 - num[j] / den[j];
    else if (num[j] === 0) scores[j] = 1;
    else scores[j] = den[j] === 0 ? 0 : 1 - num[j] / den[j];
  }
  if (prep.rule === "variance") {
    // All-constant targets give zero weights everywhere; fall back to the plain mean then.
    return den.some((d) => d !== 0) ? average(scores, den) : average(scores);
  }
  return combine(scores, prep.rule);
}

/**
 * Gradient of the (combined) mean squared error with respect to the predictions:
 * ∂MSE/∂ŷᵢⱼ = 2 aⱼ wᵢ (ŷᵢⱼ − yᵢⱼ) / (Σₖ aₖ · Σₗ wₗ), where aⱼ are the output weights (all 1 for
 * "uniformAverage") and wᵢ the sample weights (all 1 by default); unweighted 1-D this is
 * 2 (ŷᵢ − yᵢ) / n, the quantity backpropagated from the loss in d2l §3.1.
 * @param yTrue shape (nSamples,) or (nSamples, nOutputs)
 * @param yPred same shape as yTrue
 * @returns the gradient, shaped like yPred (number[] for 1-D, number[][] for 2-D)
 * @example
 * ```ts
 * import { meanSquaredErrorGradient } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * assertEquals(meanSquaredErrorGradient([1, 2], [2, 2]), [1, 0]);
 * ```
 */
export function meanSquaredErrorGradient(
  yTrue: TargetLike,
  yPred: ArrayLike<number>,
  options?: RegressionOptions,
): number[];
/** The gradient for 2-D predictions (nSamples, nOutputs), shaped like them. */
export function meanSquaredErrorGradient(
  yTrue: TargetLike,
  yPred: Matrix | ArrayLike<ArrayLike<number>>,
  options?: RegressionOptions,
): number[][];
/** The gradient for predictions whose shape is known only at run time. */
export function meanSquaredErrorGradient(
  yTrue: TargetLike,
  yPred: TargetLike,
  options?: RegressionOptions,
): number[] | number[][];
export function meanSquaredErrorGradient(
  yTrue: TargetLike,
  yPred: TargetLike,
  options: RegressionOptions = {},
): number[] | number[][] {
  checkOptions(options, ["sampleWeight", "multioutput"], "meanSquaredErrorGradient");
  const { sampleWeight, multioutput = "uniformAverage" } = options;
  const prep = prepare(yTrue, yPred, sampleWeight, multioutput, false);
  if (prep.rule === "raw") {
    throw new ValueError(
      "meanSquaredErrorGradient needs a scalar loss; multioutput 'rawValues' gives one per output.",
    );
  }
  const { yTrue: t, yPred: p, w } = prep;
  const n = t.rows, k = t.cols;
  const a = prep.rule === "uniform" ? new Float64Array(k).fill(1) : prep.rule as Float64Array;
  let sa = 0, sw = 0;
  for (let j = 0; j < k; j++) sa += a[j];
  for (let i = 0; i < n; i++) sw += w ? w[i] : 1;
  const rows: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row = new Array<number>(k);
    const wi = w ? w[i] : 1;
    for (let j = 0; j < k; j++) {
      row[j] = (2 * a[j] * wi * (p.data[i * k + j] - t.data[i * k + j])) / (sa * sw);
    }
    rows.push(row);
  }
  return prep.predOneD ? rows.map((r) => r[0]) : rows;
}
