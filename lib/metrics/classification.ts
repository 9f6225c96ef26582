/**
 * Label-based classification metrics, as scikit-learn's: accuracy, the confusion matrix and
 * precision / recall / F-beta with its averages. Labels may be numbers or strings; a multiclass
 * problem is one whose yTrue ∪ yPred holds more than two labels.
 *
 * @module
 */
import { checkOptions } from "../core/options.ts";
import {
  checkBoolean,
  checkOneOf,
  describe,
  type LabelLike,
  ValueError,
  type VectorLike,
} from "../core/mod.ts";
import {
  average,
  checkSameLength,
  encode,
  type Label,
  toClassLabels,
  toLabelList,
  toSampleWeight,
  unionLabels,
} from "./inputs.ts";

/** Paired labels after conversion: yTrue, yPred, optional weights and the sorted labels seen. */
export interface LabelPair {
  yTrue: Label[];
  yPred: Label[];
  w: Float64Array | undefined;
  present: Label[];
}

/** Converts yTrue / yPred / sampleWeight and checks lengths and label kinds (internal). */
export function toLabelPair(
  yTrue: LabelLike,
  yPred: LabelLike,
  sampleWeight?: VectorLike,
): LabelPair {
  const t = toClassLabels(yTrue, "yTrue");
  const p = toClassLabels(yPred, "yPred");
  checkSameLength(t.length, p.length, "yTrue", "yPred");
  const w = toSampleWeight(sampleWeight, t.length);
  return { yTrue: t, yPred: p, w, present: unionLabels(t, p) };
}

/** Checks that user-given labels are of the kind (number/string) the data use. */
export function checkLabelKind(labels: readonly Label[], present: readonly Label[], name: string) {
  const odd = labels.find((l) => typeof l !== typeof present[0]);
  if (odd !== undefined) {
    throw new ValueError(
      `${name} holds ${
        describe(odd)
      }, a ${typeof odd}, but the data's labels are ${typeof present[0]}s ` +
        `(${describe(present)}).`,
    );
  }
}

/**
 * Fraction (or, with `normalize: false`, count / total weight) of samples whose predicted label
 * equals the true one: acc = (1/n) Σᵢ 1(ŷᵢ = yᵢ) (李航 §1.4; d2l §3.6).
 * @param yTrue true labels, shape (nSamples,)
 * @param yPred predicted labels, shape (nSamples,)
 * @example
 * ```ts
 * import { accuracyScore } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * assertEquals(accuracyScore([0, 1, 2, 3], [0, 2, 1, 3]), 0.5);
 * assertEquals(accuracyScore([0, 1, 2, 3], [0, 2, 1, 3], { normalize: false }), 2);
 * ```
 */
export function accuracyScore(
  yTrue: LabelLike,
  yPred: LabelLike,
  options: {
    /** Return the fraction (true) or the (weighted) count of correct samples. @default true */
    normalize?: boolean;
    /** One weight per sample. @default undefined */
    sampleWeight?: VectorLike;
  } = {},
): number {
  checkOptions(options, ["normalize", "sampleWeight"], "accuracyScore");
  const { normalize = true, sampleWeight } = options;
  checkBoolean("normalize", normalize);
  const { yTrue: t, yPred: p, w } = toLabelPair(yTrue, yPred, sampleWeight);
  const correct = new Float64Array(t.length);
  for (let i = 0; i < t.length; i++) correct[i] = t[i] === p[i] ? 1 : 0;
  if (normalize) return average(correct, w);
  let s = 0;
  for (let i = 0; i < t.length; i++) s += w ? correct[i] * w[i] : correct[i];
  return s;
}

/**
 * Confusion matrix C with C[i][j] = (weighted) number of samples of true class i predicted as j,
 * classes in `labels` order (sorted yTrue ∪ yPred by default). A `labels` subset keeps only the
 * samples whose true and predicted labels are both listed, as scikit-learn does.
 * @param yTrue true labels, shape (nSamples,)
 * @param yPred predicted labels, shape (nSamples,)
 * @returns shape (nLabels, nLabels); rows true, columns predicted
 * @example
 * ```ts
 * import { confusionMatrix } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * // rows: true "ant", "cat"; columns: predicted "ant", "cat"
 * assertEquals(confusionMatrix(["cat", "ant", "cat"], ["ant", "ant", "cat"]), [[1, 0], [1, 1]]);
 * ```
 */
export function confusionMatrix(
  yTrue: LabelLike,
  yPred: LabelLike,
  options: {
    /** Row/column order and selection. @default sorted labels of yTrue and yPred */
    labels?: LabelLike;
    /** One weight per sample. @default undefined */
    sampleWeight?: VectorLike;
    /** Divide by row sums ("true"), column sums ("pred") or the total ("all"). @default null */
    normalize?: "true" | "pred" | "all" | null;
  } = {},
): number[][] {
  checkOptions(options, ["labels", "sampleWeight", "normalize"], "confusionMatrix");
  const { labels, sampleWeight, normalize = null } = options;
  if (normalize !== null) checkOneOf("normalize", normalize, ["true", "pred", "all"]);
  const pair = toLabelPair(yTrue, yPred, sampleWeight);
  let classes = pair.present;
  if (labels !== undefined) {
    classes = toLabelList(labels);
    checkLabelKind(classes, pair.present, "labels");
    if (!pair.yTrue.some((y) => classes.includes(y))) {
      throw new ValueError(
        `None of the labels ${describe(classes)} occurs in yTrue; at least one must.`,
      );
    }
  }
  const k = classes.length;
  const ti = encode(pair.yTrue, classes), pi = encode(pair.yPred, classes);
  const cm = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let s = 0; s < ti.length; s++) {
    if (ti[s] < 0 || pi[s] < 0) continue;
    cm[ti[s]][pi[s]] += pair.w ? pair.w[s] : 1;
  }
  if (normalize === null) return cm;
  const rowSums = cm.map((r) => r.reduce((a, b) => a + b, 0));
  const colSums = classes.map((_, j) => cm.reduce((a, r) => a + r[j], 0));
  const total = rowSums.reduce((a, b) => a + b, 0);
  return cm.map((r, i) =>
    r.map((c, j) => {
      const d = normalize === "true" ? rowSums[i] : normalize === "pred" ? colSums[j] : total;
      return d === 0 ? 0 : c / d; // an empty row/column is 0, not NaN (numpy's nan_to_num)
    })
  );
}
