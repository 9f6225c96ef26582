/**
 * Growing a tree top-down (李航 算法5.2 ID3, 5.3 C4.5, 5.6 CART classification, 5.5 CART
 * least-squares regression): at each node try every feature, keep the split with the best score,
 * recurse on the parts until a stopping rule holds.
 *
 * - numeric feature: binary test x ≤ t, t the midpoint of two consecutive distinct values;
 * - categorical feature, "entropy"/"gainRatio": one child per category present (ID3/C4.5);
 * - categorical feature, "gini"/"squaredError": binary test x = a versus x ≠ a (CART).
 *
 * Numeric features are sorted once, at the root (by value, ties by row index). A node is a range
 * [start, end) of `Grower.rows` and of every feature's sorted list; splitting a node partitions
 * each list stably by child, so every child's lists stay sorted and no node sorts again: a tree
 * level costs O(n·d) instead of O(n·d·log n). The trees are the same as sorting at every node.
 *
 * Sample weights follow scikit-learn: class counts, means and impurities are weighted sums (an
 * integer weight counts as that many copies of the row), `minSamplesSplit`/`minSamplesLeaf`
 * count rows, `minWeightLeaf` bounds a child's total weight, and the impurity decrease is scaled
 * by the node's share of the total weight. Rows of weight 0 are dropped before growing.
 *
 * @module
 */
import { entropyOfCounts, giniOfCounts } from "./criteria.ts";
import type { EncodedTable } from "./encode.ts";
import { argsortColumn } from "./presort.ts";

/** How a classification tree scores a split: Gini index (CART), information gain (ID3), gain ratio (C4.5). */
export type ClassificationCriterion = "gini" | "entropy" | "gainRatio";
/** Any split criterion: a classification one, or the squared error of regression trees. */
export type Criterion = ClassificationCriterion | "squaredError";

/** A node's test. Codes index the fitted categories of the feature. */
export type Split =
  | { kind: "threshold"; feature: number; threshold: number } // children: [x ≤ t, x > t]
  | { kind: "equals"; feature: number; category: number } // children: [x = a, x ≠ a]
  | { kind: "multiway"; feature: number; categories: number[] }; // children[k]: x = categories[k]

/** A tree node; leaves have no split. */
export interface TreeNode {
  /** Number of training rows (of positive weight) that reach the node. */
  nSamples: number;
  /** Their total sample weight (= nSamples without weights). */
  weight: number;
  /** Node impurity under the criterion (entropy for "gainRatio", MSE for "squaredError"). */
  impurity: number;
  /** Weighted class counts (classification) or [weighted mean] (regression). */
  value: number[];
  /** The node's test; absent for a leaf. */
  split?: Split;
  /** The child nodes, in the order of the split's branches; absent for a leaf. */
  children?: TreeNode[];
}

/** What a tree is grown to predict: class indices (and their count) or real targets. */
export type Target =
  | { kind: "classification"; y: Int32Array; nClasses: number }
  | { kind: "regression"; y: Float64Array };

export interface GrowOptions {
  criterion: Criterion;
  maxDepth: number;
  minSamplesSplit: number;
  minSamplesLeaf: number;
  minImpurityDecrease: number;
  /** A child's total weight must be at least this (scikit-learn's min_weight_fraction_leaf × Σw). */
  minWeightLeaf?: number;
  /** Per-row weights, non-negative, shape (nSamples,); all 1 when absent. */
  sampleWeight?: Float64Array;
  /**
   * Random forests: picks the features a node may split on among its splittable ones (Breiman's
   * per-split `maxFeatures` draw). When none of them gives a valid split, the rest are tried, as
   * scikit-learn does. All features when absent.
   */
  featureSampler?: (features: readonly number[]) => number[];
}

/** The best split found for one feature. */
interface Candidate {
  split: Split;
  score: number;
  improvement: number;
  /** Categorical splits: each child's rows, in the node's row order. */
  parts?: Uint32Array[];
  /** Threshold splits: how many rows, in the feature's sorted order, go to the left child. */
  nLeft?: number;
}

/** Grows the full tree on all rows of `table`. */
export function growTree(
  table: EncodedTable,
  categorical: readonly boolean[],
  target: Target,
  options: GrowOptions,
): TreeNode {
  const w = options.sampleWeight;
  if (w && w.some((v) => v === 0)) {
    const keep: number[] = [];
    for (let i = 0; i < w.length; i++) if (w[i] > 0) keep.push(i);
    const pick = <T extends Float64Array | Int32Array>(a: T): T => {
      const out = new (a.constructor as new (n: number) => T)(keep.length);
      for (let k = 0; k < keep.length; k++) out[k] = a[keep[k]];
      return out;
    };
    table = { columns: table.columns.map(pick), nSamples: keep.length };
    target = target.kind === "classification"
      ? { ...target, y: pick(target.y) }
      : { kind: "regression", y: pick(target.y) };
    options = { ...options, sampleWeight: pick(w) };
  }
  const grower = new Grower(table, categorical, target, options);
  const features = Array.from(table.columns, (_, f) => f);
  return grower.grow(0, table.nSamples, 0, grower.splittable(0, table.nSamples, features));
}

class Grower {
  /**
   * The rows of every node, each node a contiguous range. Within a range they are in the order
   * the node was reached with (its parent's split order), which fixes the order of the
   * floating-point sums of a regression node.
   */
  private readonly rows: Uint32Array;
  /** Per numeric feature, the rows sorted by (value, index) within every node's range. */
  private readonly sorted: (Uint32Array | null)[];
  /** The child each row of the node being split goes to. */
  private readonly childOf: Int32Array;
  /** Scratch space for the stable partitions. */
  private readonly buffer: Uint32Array;
  private readonly stats: ReturnType<Grower["sweepStats"]>;
  /** Row weights (all 1 without sampleWeight) and their total. */
  private readonly w: Float64Array;
  private readonly totalWeight: number;
  private readonly minWeightLeaf: number;

  constructor(
    private table: EncodedTable,
    private categorical: readonly boolean[],
    private target: Target,
    private o: GrowOptions,
  ) {
    const n = table.nSamples;
    this.rows = new Uint32Array(n);
    for (let i = 0; i < n; i++) this.rows[i] = i;
    this.sorted = table.columns.map((col, f) => (categorical[f] ? null : argsortColumn(col)));
    this.childOf = new Int32Array(n);
    this.buffer = new Uint32Array(n);
    this.w = o.sampleWeight ?? new Float64Array(n).fill(1);
    let total = 0;
    for (let i = 0; i < n; i++) total += this.w[i];
    this.totalWeight = total;
    this.minWeightLeaf = o.minWeightLeaf ?? 0;
    this.stats = this.sweepStats();
  }

  /**
   * Grows the subtree of the node whose rows are `rows[start..end)`.
   * @param features the features that may split it, increasing (see `splittable`)
   */
  grow(start: number, end: number, depth: number, features: number[]): TreeNode {
    const rows = this.rows.subarray(start, end);
    const node: TreeNode = {
      nSamples: rows.length,
      weight: this.weightOf(rows),
      impurity: this.groupImpurity(rows),
      value: this.value(rows),
    };
    if (
      depth >= this.o.maxDepth || rows.length < this.o.minSamplesSplit ||
      rows.length < 2 * this.o.minSamplesLeaf || node.weight < 2 * this.minWeightLeaf ||
      node.impurity <= 1e-12
    ) return node;
    const best = this.bestSplit(start, end, node.impurity, features);
    // scikit-learn's rule: the decrease is weighted by the node's share of the total weight.
    if (
      !best || best.improvement <= 1e-12 ||
      (node.weight / this.totalWeight) * best.improvement < this.o.minImpurityDecrease
    ) return node;
    node.split = best.split;
    const bounds = this.partition(start, end, best, features);
    node.children = [];
    for (let k = 0; k + 1 < bounds.length; k++) {
      const [s, e] = [bounds[k], bounds[k + 1]];
      node.children.push(this.grow(s, e, depth + 1, this.splittable(s, e, features)));
    }
    return node;
  }

  /**
   * The features among `features` that can still split the node `[start, end)`: every
   * categorical one, and the numeric ones not constant on it. A feature constant on a node is
   * constant on all its descendants, so it is neither swept nor partitioned below it (it could
   * not win: a sweep over equal values finds no cut).
   */
  splittable(start: number, end: number, features: number[]): number[] {
    return features.filter((f) => {
      const order = this.sorted[f], col = this.table.columns[f];
      return !order || col[order[start]] !== col[order[end - 1]];
    });
  }

  /**
   * Moves the node's rows into its children's ranges, in every list: `rows` gets each child's
   * rows in split order, each sorted list is filtered stably (so stays sorted). Returns the
   * children's boundaries [start, ..., end].
   */
  private partition(start: number, end: number, best: Candidate, features: number[]): number[] {
    const { childOf, rows } = this;
    const bounds = [start];
    if (best.parts) {
      best.parts.forEach((part, k) => {
        for (let p = 0; p < part.length; p++) childOf[part[p]] = k;
        rows.set(part, bounds[k]);
        bounds.push(bounds[k] + part.length);
      });
    } else {
      const f = best.split.feature, order = this.sorted[f]!, cut = start + best.nLeft!;
      for (let k = start; k < cut; k++) childOf[order[k]] = 0;
      for (let k = cut; k < end; k++) childOf[order[k]] = 1;
      rows.set(order.subarray(start, end), start);
      bounds.push(cut, end);
    }
    const next = new Int32Array(bounds.length - 1);
    for (const f of features) {
      const order = this.sorted[f];
      // The split feature's own list is already in place for a threshold split.
      if (!order || (!best.parts && f === best.split.feature)) continue;
      for (let k = 0; k < next.length; k++) next[k] = bounds[k];
      for (let k = start; k < end; k++) this.buffer[next[childOf[order[k]]]++] = order[k];
      order.set(this.buffer.subarray(start, end), start);
    }
    return bounds;
  }

  /** Total weight of some rows. */
  private weightOf(rows: ArrayLike<number>): number {
    let s = 0;
    for (let k = 0; k < rows.length; k++) s += this.w[rows[k]];
    return s;
  }

  /** Weighted class counts, or [weighted mean]. */
  private value(rows: Uint32Array): number[] {
    const t = this.target, w = this.w;
    if (t.kind === "classification") {
      const counts = new Array<number>(t.nClasses).fill(0);
      for (const i of rows) counts[t.y[i]] += w[i];
      return counts;
    }
    let s = 0, sw = 0;
    for (const i of rows) {
      s += w[i] * t.y[i];
      sw += w[i];
    }
    return [s / sw];
  }

  private bestSplit(
    start: number,
    end: number,
    parentImpurity: number,
    features: number[],
    sample = true,
  ): Candidate | undefined {
    const rows = this.rows.subarray(start, end);
    const sampler = this.o.featureSampler;
    if (sampler && sample) {
      const drawn = sampler(features);
      const best = this.bestSplit(start, end, parentImpurity, drawn, false);
      if (best || drawn.length === features.length) return best;
      const rest = features.filter((f) => !drawn.includes(f));
      return this.bestSplit(start, end, parentImpurity, rest, false);
    }
    this.stats.total(rows);
    let best: Candidate | undefined;
    for (const f of features) {
      const found = this.categorical[f]
        ? this.categoricalSplit(rows, f, parentImpurity)
        : this.thresholdSplit(this.sorted[f]!.subarray(start, end), f, parentImpurity);
      if (found && (!best || found.score > best.score + 1e-12)) best = found;
    }
    return best;
  }

  /** The criterion's score of a split; `sizes` and `n` are weights. */
  private score(improvement: number, sizes: number[], n: number): number {
    if (this.o.criterion !== "gainRatio") return improvement;
    const splitInfo = entropyOfCounts(sizes.map((s) => s / n));
    return splitInfo > 0 ? improvement / splitInfo : 0;
  }

  /** Impurity of a group of rows (weighted counts or weighted MSE). */
  private groupImpurity(rows: ArrayLike<number>): number {
    const t = this.target;
    if (t.kind === "regression") return this.mse(rows);
    const counts = new Array<number>(t.nClasses).fill(0);
    for (let k = 0; k < rows.length; k++) counts[t.y[rows[k]]] += this.w[rows[k]];
    return this.o.criterion === "gini" ? giniOfCounts(counts) : entropyOfCounts(counts);
  }

  private mse(rows: ArrayLike<number>): number {
    const y = (this.target as { y: Float64Array }).y, w = this.w;
    let s = 0, q = 0, sw = 0;
    for (let k = 0; k < rows.length; k++) {
      const i = rows[k];
      s += w[i] * y[i];
      q += w[i] * y[i] ** 2;
      sw += w[i];
    }
    const m = s / sw;
    return Math.max(0, q / sw - m * m);
  }

  private categoricalSplit(rows: Uint32Array, f: number, parent: number): Candidate | undefined {
    const col = this.table.columns[f];
    const byCode = new Map<number, number[]>();
    for (const i of rows) {
      const g = byCode.get(col[i]) ?? [];
      g.push(i);
      byCode.set(col[i], g);
    }
    if (byCode.size < 2) return undefined;
    const n = this.weightOf(rows), minLeaf = this.o.minSamplesLeaf, minWeight = this.minWeightLeaf;
    const codes = [...byCode.keys()].sort((a, b) => a - b);
    if (this.o.criterion === "entropy" || this.o.criterion === "gainRatio") {
      const parts = codes.map((c) => Uint32Array.from(byCode.get(c)!));
      const weights = parts.map((p) => this.weightOf(p));
      if (parts.some((p, k) => p.length < minLeaf || weights[k] < minWeight)) return undefined;
      const child = parts.reduce((s, p, k) => s + (weights[k] / n) * this.groupImpurity(p), 0);
      const improvement = parent - child;
      return {
        split: { kind: "multiway", feature: f, categories: codes },
        parts,
        improvement,
        score: this.score(improvement, weights, n),
      };
    }
    // Ties go to the test whose "yes" branch is purest: for a two-valued feature "= a" and
    // "= b" are one partition, and the book writes the one that isolates a pure group (例5.4).
    let best: Candidate | undefined, bestYesImpurity = Infinity;
    for (const c of codes) {
      const yes = Uint32Array.from(byCode.get(c)!);
      const no = rows.filter((i) => col[i] !== c);
      if (yes.length < minLeaf || no.length < minLeaf) continue;
      const wYes = this.weightOf(yes), wNo = this.weightOf(no);
      if (wYes < minWeight || wNo < minWeight) continue;
      const yesImpurity = this.groupImpurity(yes);
      const improvement = parent - (wYes / n) * yesImpurity - (wNo / n) * this.groupImpurity(no);
      const better = !best || improvement > best.improvement + 1e-12 ||
        (improvement >= best.improvement - 1e-12 && yesImpurity < bestYesImpurity);
      if (better) {
        bestYesImpurity = yesImpurity;
        best = {
          split: { kind: "equals", feature: f, category: c },
          parts: [yes, no],
          improvement,
          score: improvement,
        };
      }
    }
    return best;
  }

  /**
   * Sweeps the node's rows in increasing order of feature `f`, updating left/right statistics
   * incrementally, and keeps the best cut between two distinct values.
   * @param sorted the node's rows sorted by (value of f, index); `stats` holds the node's totals
   */
  private thresholdSplit(sorted: Uint32Array, f: number, parent: number): Candidate | undefined {
    const col = this.table.columns[f];
    const n = sorted.length, minLeaf = this.o.minSamplesLeaf, minWeight = this.minWeightLeaf;
    const stats = this.stats, gainRatio = this.o.criterion === "gainRatio";
    stats.reset();
    const wn = stats.weight();
    let bestPos = -1, bestImprovement = -Infinity, bestScore = -Infinity;
    for (let k = 0; k < n - 1; k++) {
      stats.moveLeft(sorted[k]);
      const nl = k + 1, nr = n - nl;
      if (col[sorted[k]] === col[sorted[k + 1]] || nl < minLeaf || nr < minLeaf) continue;
      const wl = stats.leftWeight(), wr = wn - wl;
      if (wl < minWeight || wr < minWeight) continue;
      const improvement = parent - (wl / wn) * stats.left() - (wr / wn) * stats.right();
      const score = gainRatio ? this.score(improvement, [wl, wr], wn) : improvement;
      if (score > bestScore + 1e-12) {
        bestScore = score;
        bestImprovement = improvement;
        bestPos = k;
      }
    }
    if (bestPos < 0) return undefined;
    const a = col[sorted[bestPos]], b = col[sorted[bestPos + 1]];
    let threshold = (a + b) / 2;
    if (threshold === b) threshold = a; // the midpoint can round up to b
    return {
      split: { kind: "threshold", feature: f, threshold },
      nLeft: bestPos + 1,
      improvement: bestImprovement,
      score: bestScore,
    };
  }

  /**
   * Running left/right weighted impurities as rows move from right to left. `total(rows)` takes
   * the node's sums once (in node order); `reset()` starts each feature's sweep from them.
   */
  private sweepStats() {
    const t = this.target, w = this.w;
    if (t.kind === "regression") {
      let ls = 0, lq = 0, ln = 0, rs = 0, rq = 0, rn = 0, ts = 0, tq = 0, tn = 0;
      return {
        moveLeft: (i: number) => {
          const wy = w[i] * t.y[i], wq = wy * t.y[i];
          ls += wy;
          lq += wq;
          ln += w[i];
          rs -= wy;
          rq -= wq;
          rn -= w[i];
        },
        left: () => Math.max(0, lq / ln - (ls / ln) ** 2),
        right: () => Math.max(0, rq / rn - (rs / rn) ** 2),
        leftWeight: () => ln,
        weight: () => tn,
        total: (rows: Uint32Array) => {
          ts = tq = tn = 0;
          for (const i of rows) {
            const wy = w[i] * t.y[i];
            ts += wy;
            tq += wy * t.y[i];
            tn += w[i];
          }
        },
        reset: () => {
          ls = lq = ln = 0;
          rs = ts;
          rq = tq;
          rn = tn;
        },
      };
    }
    const left = new Float64Array(t.nClasses), right = new Float64Array(t.nClasses);
    const total = new Float64Array(t.nClasses);
    const impurity = this.o.criterion === "gini" ? giniOfCounts : entropyOfCounts;
    let lw = 0, tw = 0;
    return {
      moveLeft: (i: number) => {
        left[t.y[i]] += w[i];
        right[t.y[i]] -= w[i];
        lw += w[i];
      },
      left: () => impurity(left),
      right: () => impurity(right),
      leftWeight: () => lw,
      weight: () => tw,
      total: (rows: Uint32Array) => {
        total.fill(0);
        tw = 0;
        for (const i of rows) {
          total[t.y[i]] += w[i];
          tw += w[i];
        }
      },
      reset: () => {
        left.fill(0);
        right.set(total);
        lw = 0;
      },
    };
  }
}
