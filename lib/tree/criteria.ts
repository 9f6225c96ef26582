/**
 * Impurity measures and the split scores of 李航《统计学习方法》第5章, as pure functions.
 *
 * Empirical entropy (5.7)      H(D)   = −Σ_k |C_k|/|D| log₂ |C_k|/|D|
 * Conditional entropy (5.8)    H(D|A) = Σ_i |D_i|/|D| H(D_i)
 * Information gain (5.9)       g(D,A) = H(D) − H(D|A)
 * Gain ratio (5.10)            g_R(D,A) = g(D,A) / H_A(D),  H_A(D) = −Σ_i |D_i|/|D| log₂ |D_i|/|D|
 * Gini index (5.22)            Gini(D) = 1 − Σ_k (|C_k|/|D|)²
 * Gini after a test A = a (5.25) Gini(D, A=a) = |D_1|/|D| Gini(D_1) + |D_2|/|D| Gini(D_2)
 *
 * Entropies are in bits (log base 2), as in the book and in scikit-learn's "entropy" criterion.
 *
 * @module
 */
import { checkLengthsMatch } from "../core/errors.ts";

import type { Label } from "../core/labels.ts";

/** Entropy in bits of a vector of class counts. */
export function entropyOfCounts(counts: ArrayLike<number>): number {
  let n = 0;
  for (let k = 0; k < counts.length; k++) n += counts[k];
  let h = 0;
  for (let k = 0; k < counts.length; k++) {
    if (counts[k] > 0) {
      const p = counts[k] / n;
      h -= p * Math.log2(p);
    }
  }
  return h;
}

/** Gini index of a vector of class counts. */
export function giniOfCounts(counts: ArrayLike<number>): number {
  let n = 0, s = 0;
  for (let k = 0; k < counts.length; k++) n += counts[k];
  for (let k = 0; k < counts.length; k++) s += (counts[k] / n) ** 2;
  return 1 - s;
}

function countBy<T>(values: readonly T[]): Map<T, number> {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

function groups(feature: readonly Label[], labels: readonly Label[]): Map<Label, Label[]> {
  checkLengthsMatch("labels", labels.length, "feature", feature.length, "values");
  const out = new Map<Label, Label[]>();
  feature.forEach((a, i) => {
    const g = out.get(a) ?? [];
    g.push(labels[i]);
    out.set(a, g);
  });
  return out;
}

/** H(D): empirical entropy of a label array, in bits (书 式5.7). */
export function empiricalEntropy(labels: readonly Label[]): number {
  return entropyOfCounts([...countBy(labels).values()]);
}

/** Gini(D) of a label array (书 式5.22). */
export function giniIndex(labels: readonly Label[]): number {
  return giniOfCounts([...countBy(labels).values()]);
}

/** H(D|A): entropy of the labels given the values of feature A (书 式5.8). */
export function empiricalConditionalEntropy(
  feature: readonly Label[],
  labels: readonly Label[],
): number {
  let h = 0;
  for (const g of groups(feature, labels).values()) {
    h += (g.length / labels.length) * empiricalEntropy(g);
  }
  return h;
}

/** g(D, A) = H(D) − H(D|A) (书 式5.9). */
export function informationGain(feature: readonly Label[], labels: readonly Label[]): number {
  return empiricalEntropy(labels) - empiricalConditionalEntropy(feature, labels);
}

/** g_R(D, A) = g(D, A) / H_A(D) (书 式5.10); 0 when A takes a single value. */
export function gainRatio(feature: readonly Label[], labels: readonly Label[]): number {
  const splitInfo = empiricalEntropy(feature);
  return splitInfo === 0 ? 0 : informationGain(feature, labels) / splitInfo;
}

/** Gini(D, A = a): Gini index after splitting D into A = a and A ≠ a (书 式5.25). */
export function giniSplit(
  feature: readonly Label[],
  labels: readonly Label[],
  value: Label,
): number {
  const yes: Label[] = [], no: Label[] = [];
  groups(feature, labels); // length check
  feature.forEach((a, i) => (a === value ? yes : no).push(labels[i]));
  const n = labels.length;
  return (yes.length ? (yes.length / n) * giniIndex(yes) : 0) +
    (no.length ? (no.length / n) * giniIndex(no) : 0);
}
