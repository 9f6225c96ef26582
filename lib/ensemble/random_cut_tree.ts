/**
 * A grower for extremely randomized trees (Geurts, Ernst & Wehenkel 2006) that needs no sorting:
 * at a node, each drawn feature gets one cut drawn uniformly between the node's min and max, so
 * a candidate costs one pass over the node's rows (min/max, then the left side's statistics)
 * and the winner one partition of the node's rows. The presorted CART grower of lib/tree would
 * also grow these trees (its `randomCut` hook), but keeps every feature's sorted list in step at
 * every node, which costs O(n·d) per level for cuts that never use the order.
 *
 * The trees are `TreeNode`s of lib/tree, so flattening and impurity importances are shared.
 *
 * @module
 */
import type { Random } from "../core/random.ts";
import { entropyOfCounts, giniOfCounts } from "../tree/criteria.ts";
import type { Target, TreeNode } from "../tree/grow.ts";

/** What `growRandomCutTree` needs besides the data. */
export interface RandomCutOptions {
  /** "gini" | "entropy" (classification) or "squaredError". */
  criterion: string;
  maxDepth: number;
  minSamplesSplit: number;
  minSamplesLeaf: number;
  minImpurityDecrease: number;
  /** Features drawn per node (among those not constant on it). */
  maxFeatures: number;
  rng: Random;
}

/**
 * Grows one Extra-Tree on the rows of positive weight.
 * @param columns one `Float64Array` per feature, length nSamples
 * @param weight per-row weights (all 1 when absent)
 */
export function growRandomCutTree(
  columns: readonly Float64Array[],
  target: Target,
  weight: Float64Array | undefined,
  o: RandomCutOptions,
): TreeNode {
  const n = columns[0].length;
  const w = weight ?? new Float64Array(n).fill(1);
  const kept: number[] = [];
  for (let i = 0; i < n; i++) if (w[i] > 0) kept.push(i);
  const rows = Uint32Array.from(kept);
  let total = 0;
  for (const i of rows) total += w[i];
  const K = target.kind === "classification" ? target.nClasses : 0;
  const yClass = target.kind === "classification" ? target.y : undefined;
  const yReal = target.kind === "regression" ? target.y : undefined;
  const entropy = o.criterion === "entropy";
  // Scratch statistics: class counts, or [Σw, Σwy, Σwy²].
  const left = new Float64Array(Math.max(K, 3)), all = new Float64Array(Math.max(K, 3));
  const right = new Float64Array(left.length), range = new Float64Array(2);

  const stats = (out: Float64Array, start: number, end: number) => {
    out.fill(0);
    for (let k = start; k < end; k++) {
      const i = rows[k];
      if (yClass) out[yClass[i]] += w[i];
      else {
        out[0] += w[i];
        out[1] += w[i] * yReal![i];
        out[2] += w[i] * yReal![i] * yReal![i];
      }
    }
  };
  const impurity = (s: ArrayLike<number>, sw: number): number => {
    if (yClass) return entropy ? entropyOfCounts(s) : giniOfCounts(s);
    const m = s[1] / sw;
    return Math.max(0, s[2] / sw - m * m);
  };
  const weightOf = (s: Float64Array): number => {
    if (!yClass) return s[0];
    let t = 0;
    for (let k = 0; k < K; k++) t += s[k];
    return t;
  };

  const grow = (start: number, end: number, depth: number, candidates: number[]): TreeNode => {
    stats(all, start, end);
    const nodeWeight = weightOf(all);
    const node: TreeNode = {
      nSamples: end - start,
      weight: nodeWeight,
      impurity: impurity(all, nodeWeight),
      value: yClass ? Array.from(all.subarray(0, K)) : [all[1] / all[0]],
    };
    const count = end - start;
    if (
      depth >= o.maxDepth || count < o.minSamplesSplit || count < 2 * o.minSamplesLeaf ||
      node.impurity <= 1e-12
    ) return node;
    const pool = candidates.slice();
    const constant: number[] = [];
    let best: { feature: number; threshold: number; improvement: number } | undefined;
    let visited = 0;
    // Draw features without replacement until maxFeatures non-constant ones are tried (and
    // past that while none gave a valid cut, as scikit-learn does).
    for (
      let remaining = pool.length;
      remaining > 0 && (visited < o.maxFeatures || !best);
      remaining--
    ) {
      const j = o.rng.int(remaining);
      const f = pool[j];
      pool[j] = pool[remaining - 1];
      pool[remaining - 1] = f;
      const col = columns[f];
      minMax(col, rows, start, end, range);
      const lo = range[0], hi = range[1];
      if (lo === hi) {
        constant.push(f);
        continue;
      }
      visited++;
      let threshold = lo + o.rng.uniform() * (hi - lo);
      if (threshold >= hi) threshold = lo;
      const nLeft = yClass
        ? leftCounts(col, rows, start, end, threshold, w, yClass, left)
        : leftMoments(col, rows, start, end, threshold, w, yReal!, left);
      if (nLeft < o.minSamplesLeaf || count - nLeft < o.minSamplesLeaf) continue;
      for (let k = 0; k < right.length; k++) right[k] = all[k] - left[k]; // `all` holds this node's totals until the children grow
      const wl = weightOf(left), wr = nodeWeight - wl;
      const improvement = node.impurity - (wl / nodeWeight) * impurity(left, wl) -
        (wr / nodeWeight) * impurity(right, wr);
      if (!best || improvement > best.improvement + 1e-12) {
        best = { feature: f, threshold, improvement };
      }
    }
    if (
      !best || best.improvement <= 1e-12 ||
      (nodeWeight / total) * best.improvement < o.minImpurityDecrease
    ) return node;
    // Partition the node's rows: x ≤ threshold first.
    const col = columns[best.feature];
    let a = start, b = end - 1;
    while (a <= b) {
      if (col[rows[a]] <= best.threshold) a++;
      else {
        const tmp = rows[a];
        rows[a] = rows[b];
        rows[b--] = tmp;
      }
    }
    const next = constant.length ? candidates.filter((f) => !constant.includes(f)) : candidates;
    node.split = { kind: "threshold", feature: best.feature, threshold: best.threshold };
    node.children = [grow(start, a, depth + 1, next), grow(a, end, depth + 1, next)];
    return node;
  };
  return grow(0, rows.length, 0, Array.from(columns, (_, f) => f));
}

/** The min and max of a column over rows[start..end), into `out`. */
function minMax(
  col: Float64Array,
  rows: Uint32Array,
  start: number,
  end: number,
  out: Float64Array,
) {
  let lo = Infinity, hi = -Infinity;
  for (let k = start; k < end; k++) {
    const v = col[rows[k]];
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  out[0] = lo;
  out[1] = hi;
}

/** Weighted class counts of the rows with x ≤ t into `left`; returns how many rows. */
function leftCounts(
  col: Float64Array,
  rows: Uint32Array,
  start: number,
  end: number,
  t: number,
  w: Float64Array,
  y: Int32Array,
  left: Float64Array,
): number {
  left.fill(0);
  let nLeft = 0;
  for (let k = start; k < end; k++) {
    const i = rows[k];
    if (col[i] <= t) {
      nLeft++;
      left[y[i]] += w[i];
    }
  }
  return nLeft;
}

/** Σw, Σwy, Σwy² of the rows with x ≤ t into `left`; returns how many rows. */
function leftMoments(
  col: Float64Array,
  rows: Uint32Array,
  start: number,
  end: number,
  t: number,
  w: Float64Array,
  y: Float64Array,
  left: Float64Array,
): number {
  let nLeft = 0, s0 = 0, s1 = 0, s2 = 0;
  for (let k = start; k < end; k++) {
    const i = rows[k];
    if (col[i] <= t) {
      nLeft++;
      const wy = w[i] * y[i];
      s0 += w[i];
      s1 += wy;
      s2 += wy * y[i];
    }
  }
  left[0] = s0;
  left[1] = s1;
  left[2] = s2;
  return nLeft;
}
