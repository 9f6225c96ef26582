/**
 * Measures of a pair of variables from their joint distribution table: joint and conditional
 * entropy, mutual information; and the table itself estimated from two label arrays.
 *
 * @module
 */
import { checkOptions, optionNames } from "../core/options.ts";
import { checkLengthsMatch } from "../core/errors.ts";
import { Matrix } from "../core/matrix.ts";
import type { LabelLike, MatrixLike } from "../core/validation.ts";
import { toLabels, uniqueLabels } from "../core/labels.ts";
import { type InfoOptions, toJointTable, unitFactor } from "./validate.ts";

const INFO_OPTION_NAMES = optionNames<InfoOptions>({ base: true });

/**
 * Joint entropy H(X, Y) = -Σ_ij p_ij log p_ij of a joint table.
 *
 * @param joint P(X = i, Y = j), shape (nX, nY), entries summing to 1
 * @example
 * ```ts
 * import { jointEntropy } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * assertEquals(jointEntropy([[0.25, 0.25], [0.25, 0.25]], { base: 2 }), 2); // 2 bits
 * ```
 */
export function jointEntropy(joint: MatrixLike, options: InfoOptions = {}): number {
  checkOptions(options, INFO_OPTION_NAMES, "jointEntropy");
  const scale = unitFactor(options);
  const t = toJointTable(joint);
  let h = 0;
  for (const v of t.data) if (v > 0) h -= v * Math.log(v);
  return h * scale;
}

/**
 * Conditional entropy H(Y|X) = Σ_i p(x_i) H(Y | X = x_i) = -Σ_ij p_ij log(p_ij / p_i·), the
 * uncertainty left in Y once X is known (李航 §5.2.2 eq. 5.5, the H(D|A) of information gain).
 * Rows index the conditioning variable X; transpose the table for H(X|Y).
 *
 * @param joint P(X = i, Y = j), shape (nX, nY), entries summing to 1
 * @example
 * ```ts
 * import { conditionalEntropy } from "../mod.ts";
 * import { assertAlmostEquals } from "@std/assert";
 *
 * assertAlmostEquals(conditionalEntropy([[0.5, 0], [0, 0.5]]), 0); // X determines Y
 * ```
 */
export function conditionalEntropy(joint: MatrixLike, options: InfoOptions = {}): number {
  checkOptions(options, INFO_OPTION_NAMES, "conditionalEntropy");
  const scale = unitFactor(options);
  const t = toJointTable(joint);
  const px = t.sum(1) as Float64Array;
  let h = 0;
  for (let i = 0; i < t.rows; i++) {
    for (let j = 0; j < t.cols; j++) {
      const v = t.data[i * t.cols + j];
      if (v > 0) h -= v * Math.log(v / px[i]);
    }
  }
  return Math.max(h, 0) * scale;
}

/**
 * Mutual information I(X; Y) = Σ_ij p_ij log(p_ij / (p_i· p_·j)) = H(Y) - H(Y|X)
 * = KL(P_XY ‖ P_X P_Y): how much knowing one variable tells about the other; 0 exactly when they
 * are independent. It is 李航's information gain g(D, A) (§5.2.2 eq. 5.6).
 *
 * @param joint P(X = i, Y = j), shape (nX, nY), entries summing to 1
 * @example
 * ```ts
 * import { mutualInformation } from "../mod.ts";
 * import { assertAlmostEquals } from "@std/assert";
 *
 * assertAlmostEquals(mutualInformation([[0.5, 0], [0, 0.5]], { base: 2 }), 1); // 1 bit
 * ```
 */
export function mutualInformation(joint: MatrixLike, options: InfoOptions = {}): number {
  checkOptions(options, INFO_OPTION_NAMES, "mutualInformation");
  const scale = unitFactor(options);
  const t = toJointTable(joint);
  const px = t.sum(1) as Float64Array, py = t.sum(0) as Float64Array;
  let mi = 0;
  for (let i = 0; i < t.rows; i++) {
    for (let j = 0; j < t.cols; j++) {
      const v = t.data[i * t.cols + j];
      if (v > 0) mi += v * Math.log(v / (px[i] * py[j]));
    }
  }
  return Math.max(mi, 0) * scale; // rounding can leave -1e-17 for independent variables
}

/** The empirical joint distribution of two label arrays, with the label order of its axes. */
export interface JointDistribution {
  /** Relative frequencies, shape (xLabels.length, yLabels.length), summing to 1. */
  table: Matrix;
  /** The distinct values of x, sorted; row i of the table is x = xLabels[i]. */
  xLabels: (number | string)[];
  /** The distinct values of y, sorted; column j is y = yLabels[j]. */
  yLabels: (number | string)[];
}

/**
 * The empirical joint distribution (the contingency table divided by n) of paired labels.
 *
 * @param x labels, shape (nSamples,), numbers or strings
 * @param y labels, shape (nSamples,)
 * @example
 * ```ts
 * import { jointDistribution } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * const { table, xLabels, yLabels } = jointDistribution(["a", "a", "b", "b"], [0, 1, 1, 1]);
 * assertEquals(table.toArray(), [[0.25, 0.25], [0, 0.5]]);
 * assertEquals([xLabels, yLabels], [["a", "b"], [0, 1]]);
 * ```
 */
export function jointDistribution(x: LabelLike, y: LabelLike): JointDistribution {
  const a = toLabels(x, "x"), b = toLabels(y, "y");
  checkLengthsMatch("y", b.length, "x", a.length, "values");
  const xLabels = uniqueLabels(a), yLabels = uniqueLabels(b);
  const xIndex = new Map(xLabels.map((v, i) => [v, i]));
  const yIndex = new Map(yLabels.map((v, j) => [v, j]));
  const counts = new Matrix(xLabels.length, yLabels.length);
  for (let k = 0; k < a.length; k++) {
    counts.data[xIndex.get(a[k])! * counts.cols + yIndex.get(b[k])!]++;
  }
  return { table: counts.div(a.length), xLabels, yLabels };
}

/**
 * Mutual information between two labelings, from their contingency table, in nats by default
 * (scikit-learn's `mutual_info_score(labelsTrue, labelsPred)`).
 *
 * @param labelsTrue shape (nSamples,)
 * @param labelsPred shape (nSamples,)
 * @example
 * ```ts
 * import { mutualInfoScore } from "../mod.ts";
 * import { assertAlmostEquals } from "@std/assert";
 *
 * // a relabeling carries all the information: log 2 nats
 * assertAlmostEquals(mutualInfoScore([0, 0, 1, 1], [1, 1, 0, 0]), Math.log(2));
 * ```
 */
export function mutualInfoScore(
  labelsTrue: LabelLike,
  labelsPred: LabelLike,
  options: InfoOptions = {},
): number {
  return mutualInformation(jointDistribution(labelsTrue, labelsPred).table, options);
}
