/**
 * Backward stepwise selection for logistic regression (ESL §4.4.2, Table 4.3): start from all
 * inputs and repeatedly drop one, either the one whose removal lowers the AIC most — deviance
 * + 2·(number of parameters), R's `step()`, an analysis of deviance — or the least significant
 * one (smallest |z|) while its |z| is below a threshold. Each fit is unpenalised, by IRLS.
 *
 * @module
 */
import { ValueError } from "../core/errors.ts";
import { checkNumber, checkOneOf, checkOptions } from "../core/options.ts";
import { type LabelLike, type MatrixLike, toMatrix } from "../core/validation.ts";
import { Matrix } from "../core/matrix.ts";
import { LogisticRegression } from "./logistic_regression.ts";
import type { SummaryRow } from "./summary.ts";
import { encodeLabels } from "../core/labels.ts";

/** Options of {@link backwardStepwiseLogistic}. */
export interface BackwardStepwiseOptions {
  /** `"aic"`: drop while the AIC falls; `"z"`: drop the smallest |z| while below `threshold`. @default "aic" */
  criterion?: "aic" | "z";
  /** |z| below which a term may be dropped (criterion "z"). @default 1.96 */
  threshold?: number;
}

/** One model of the backward sequence. */
export interface StepwiseStep {
  /** The input dropped to reach this model (null for the full model). */
  dropped: string | null;
  /** The inputs kept. */
  features: string[];
  /** Residual deviance −2 log-likelihood. */
  deviance: number;
  /** deviance + 2 × (number of parameters, intercept included). */
  aic: number;
}

/** What {@link backwardStepwiseLogistic} returns. */
export interface BackwardStepwiseResult {
  /** The full model, then one model per dropped input. */
  steps: StepwiseStep[];
  /** The final model's inputs. */
  features: string[];
  /** Its coefficient table (ESL Table 4.3). */
  summary: SummaryRow[];
  /** The final fitted model (on the kept columns, in the order of `features`); null when no input is kept. */
  model: LogisticRegression | null;
}

interface SubsetFit {
  /** null for the intercept-only model. */
  model: LogisticRegression | null;
  deviance: number;
}

/** The intercept-only fit: b = logit(ȳ), se = 1/√(nȳ(1 − ȳ)), deviance −2Σ log-likelihood. */
function nullModel(y01: Int32Array): { deviance: number; row: SummaryRow } {
  const n = y01.length, p = y01.reduce((a, b) => a + b, 0) / n;
  const b = Math.log(p / (1 - p)), se = 1 / Math.sqrt(n * p * (1 - p));
  const deviance = -2 * n * (p * Math.log(p) + (1 - p) * Math.log(1 - p));
  return { deviance, row: { name: "intercept", coef: b, stdErr: se, z: b / se } };
}

function fitSubset(X: Matrix, y: LabelLike, cols: number[], y01: Int32Array): SubsetFit {
  if (cols.length === 0) return { model: null, deviance: nullModel(y01).deviance };
  const model = new LogisticRegression({ penalty: "none", solver: "irls" }).fit(
    X.selectCols(cols),
    y,
  );
  const J = model.lossHistory[model.lossHistory.length - 1]; // mean negative log-likelihood
  return { model, deviance: 2 * X.rows * J };
}

/**
 * Backward stepwise logistic regression.
 * @param X shape (nSamples, nFeatures)
 * @param y two classes
 * @param featureNames one name per column of X
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { backwardStepwiseLogistic } from "../mod.ts";
 * const X = [[0, 1], [1, 2], [2, 1], [3, 2], [4, 1], [5, 2], [6, 1], [7, 2], [8, 1], [9, 2]];
 * const r = backwardStepwiseLogistic(X, [0, 0, 1, 0, 0, 1, 0, 1, 1, 1], ["signal", "noise"]);
 * assertEquals(r.features, ["signal"]); // the noise column does not earn its AIC penalty
 * ```
 */
export function backwardStepwiseLogistic(
  X: MatrixLike,
  y: LabelLike,
  featureNames: readonly string[],
  options: BackwardStepwiseOptions = {},
): BackwardStepwiseResult {
  const m = toMatrix(X, "X");
  if (featureNames.length !== m.cols) {
    throw new ValueError(
      `featureNames must have one name per column of X (${m.cols}). Got ${featureNames.length}.`,
    );
  }
  checkOptions(options, ["criterion", "threshold"], "backwardStepwiseLogistic");
  const criterion = checkOneOf("criterion", options.criterion ?? "aic", ["aic", "z"] as const);
  const threshold = checkNumber("threshold", options.threshold ?? 1.96, { min: 0 });
  let cols = Array.from({ length: m.cols }, (_, j) => j);
  const y01 = encodeLabels(y, { nSamples: m.rows }).indices;
  if (new Set(y01).size !== 2) {
    throw new ValueError("backwardStepwiseLogistic needs exactly two classes in y.");
  }
  let current = fitSubset(m, y, cols, y01);
  const record = (dropped: string | null): StepwiseStep => ({
    dropped,
    features: cols.map((j) => featureNames[j]),
    deviance: current.deviance,
    aic: current.deviance + 2 * (cols.length + 1),
  });
  const steps = [record(null)];
  while (cols.length > 0) {
    let drop = -1;
    let next = current;
    if (criterion === "aic") {
      let bestAic = steps[steps.length - 1].aic;
      for (const j of cols) {
        const fit = fitSubset(m, y, cols.filter((c) => c !== j), y01);
        const aic = fit.deviance + 2 * cols.length; // one parameter fewer
        if (aic < bestAic) [bestAic, drop, next] = [aic, j, fit];
      }
    } else {
      const rows = current.model!.summary().slice(1);
      let k = -1;
      rows.forEach((r, i) => {
        if (Math.abs(r.z) < threshold && (k < 0 || Math.abs(r.z) < Math.abs(rows[k].z))) k = i;
      });
      if (k >= 0) {
        drop = cols[k];
        next = fitSubset(m, y, cols.filter((c) => c !== drop), y01);
      }
    }
    if (drop < 0) break;
    cols = cols.filter((c) => c !== drop);
    current = next;
    steps.push(record(featureNames[drop]));
  }
  const features = cols.map((j) => featureNames[j]);
  const summary = current.model ? current.model.summary(features) : [nullModel(y01).row];
  return { steps, features, summary, model: current.model };
}
