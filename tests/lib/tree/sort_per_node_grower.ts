/**
 * Reference for tests only: the tree grower as it was before `lib/tree/grow.ts` presorted the
 * features, sorting every node's rows for every numeric feature with a comparator. The presorted
 * grower must build exactly the same trees (`presort_test.ts`).
 *
 * @module
 */
import { entropyOfCounts, giniOfCounts } from "../../../lib/tree/criteria.ts";
import type { EncodedTable } from "../../../lib/tree/encode.ts";
import type { GrowOptions, Split, Target, TreeNode } from "../../../lib/tree/grow.ts";

interface Candidate {
  split: Split;
  parts: Uint32Array[];
  score: number;
  improvement: number;
}

/** Grows the full tree on all rows of `table`, sorting each node's rows for each feature. */
export function growTreeSortingEachNode(
  table: EncodedTable,
  categorical: readonly boolean[],
  target: Target,
  options: GrowOptions,
): TreeNode {
  const all = new Uint32Array(table.nSamples).map((_, i) => i);
  const grower = new Grower(table, categorical, target, options);
  return grower.grow(all, 0);
}

class Grower {
  constructor(
    private table: EncodedTable,
    private categorical: readonly boolean[],
    private target: Target,
    private o: GrowOptions,
  ) {}

  grow(rows: Uint32Array, depth: number): TreeNode {
    const node: TreeNode = {
      nSamples: rows.length,
      weight: rows.length,
      impurity: this.groupImpurity(rows),
      value: this.value(rows),
    };
    if (
      depth >= this.o.maxDepth || rows.length < this.o.minSamplesSplit ||
      rows.length < 2 * this.o.minSamplesLeaf || node.impurity <= 1e-12
    ) return node;
    const best = this.bestSplit(rows, node.impurity);
    // scikit-learn's rule: the decrease is weighted by the node's share of all samples.
    if (
      !best || best.improvement <= 1e-12 ||
      (rows.length / this.table.nSamples) * best.improvement < this.o.minImpurityDecrease
    ) return node;
    node.split = best.split;
    node.children = best.parts.map((part) => this.grow(part, depth + 1));
    return node;
  }

  /** Class counts, or [mean]. */
  private value(rows: Uint32Array): number[] {
    const t = this.target;
    if (t.kind === "classification") {
      const counts = new Array<number>(t.nClasses).fill(0);
      for (const i of rows) counts[t.y[i]]++;
      return counts;
    }
    let s = 0;
    for (const i of rows) s += t.y[i];
    return [s / rows.length];
  }

  private bestSplit(rows: Uint32Array, parentImpurity: number): Candidate | undefined {
    let best: Candidate | undefined;
    for (let f = 0; f < this.table.columns.length; f++) {
      const found = this.categorical[f]
        ? this.categoricalSplit(rows, f, parentImpurity)
        : this.thresholdSplit(rows, f, parentImpurity);
      if (found && (!best || found.score > best.score + 1e-12)) best = found;
    }
    return best;
  }

  private score(improvement: number, sizes: number[], n: number): number {
    if (this.o.criterion !== "gainRatio") return improvement;
    const splitInfo = entropyOfCounts(sizes.map((s) => s / n));
    return splitInfo > 0 ? improvement / splitInfo : 0;
  }

  /** Impurity of a group of rows (counts or MSE). */
  private groupImpurity(rows: ArrayLike<number>): number {
    const t = this.target;
    if (t.kind === "regression") return this.mse(rows);
    const counts = new Array<number>(t.nClasses).fill(0);
    for (let k = 0; k < rows.length; k++) counts[t.y[rows[k]]]++;
    return this.o.criterion === "gini" ? giniOfCounts(counts) : entropyOfCounts(counts);
  }

  private mse(rows: ArrayLike<number>): number {
    const y = (this.target as { y: Float64Array }).y;
    let s = 0, q = 0;
    for (let k = 0; k < rows.length; k++) {
      s += y[rows[k]];
      q += y[rows[k]] ** 2;
    }
    const m = s / rows.length;
    return Math.max(0, q / rows.length - m * m);
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
    const n = rows.length, minLeaf = this.o.minSamplesLeaf;
    const codes = [...byCode.keys()].sort((a, b) => a - b);
    if (this.o.criterion === "entropy" || this.o.criterion === "gainRatio") {
      const parts = codes.map((c) => Uint32Array.from(byCode.get(c)!));
      if (parts.some((p) => p.length < minLeaf)) return undefined;
      const child = parts.reduce((s, p) => s + (p.length / n) * this.groupImpurity(p), 0);
      const improvement = parent - child;
      return {
        split: { kind: "multiway", feature: f, categories: codes },
        parts,
        improvement,
        score: this.score(improvement, parts.map((p) => p.length), n),
      };
    }
    let best: Candidate | undefined, bestYesImpurity = Infinity;
    for (const c of codes) {
      const yes = Uint32Array.from(byCode.get(c)!);
      const no = rows.filter((i) => col[i] !== c);
      if (yes.length < minLeaf || no.length < minLeaf) continue;
      const yesImpurity = this.groupImpurity(yes);
      const improvement = parent - (yes.length / n) * yesImpurity -
        (no.length / n) * this.groupImpurity(no);
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

  /** Sweeps the sorted values once, updating left/right statistics incrementally. */
  private thresholdSplit(rows: Uint32Array, f: number, parent: number): Candidate | undefined {
    const col = this.table.columns[f];
    const sorted = Uint32Array.from(rows).sort((a, b) => col[a] - col[b] || a - b);
    const n = sorted.length, minLeaf = this.o.minSamplesLeaf;
    const stats = this.sweepStats();
    stats.reset(rows);
    let bestPos = -1, bestImprovement = -Infinity, bestScore = -Infinity;
    for (let k = 0; k < n - 1; k++) {
      stats.moveLeft(sorted[k]);
      const nl = k + 1, nr = n - nl;
      if (col[sorted[k]] === col[sorted[k + 1]] || nl < minLeaf || nr < minLeaf) continue;
      const improvement = parent - (nl / n) * stats.left() - (nr / n) * stats.right();
      const score = this.score(improvement, [nl, nr], n);
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
      parts: [sorted.slice(0, bestPos + 1), sorted.slice(bestPos + 1)],
      improvement: bestImprovement,
      score: bestScore,
    };
  }

  /** Running left/right impurities as rows move from right to left. */
  private sweepStats() {
    const t = this.target;
    if (t.kind === "regression") {
      let ls = 0, lq = 0, ln = 0, rs = 0, rq = 0, rn = 0;
      return {
        moveLeft: (i: number) => {
          ls += t.y[i];
          lq += t.y[i] ** 2;
          ln++;
          rs -= t.y[i];
          rq -= t.y[i] ** 2;
          rn--;
        },
        left: () => Math.max(0, lq / ln - (ls / ln) ** 2),
        right: () => Math.max(0, rq / rn - (rs / rn) ** 2),
        reset: (rows: Uint32Array) => {
          ls = lq = ln = 0;
          rs = rq = 0;
          rn = rows.length;
          for (const i of rows) {
            rs += t.y[i];
            rq += t.y[i] ** 2;
          }
        },
      };
    }
    const left = new Float64Array(t.nClasses), right = new Float64Array(t.nClasses);
    const impurity = this.o.criterion === "gini" ? giniOfCounts : entropyOfCounts;
    return {
      moveLeft: (i: number) => {
        left[t.y[i]]++;
        right[t.y[i]]--;
      },
      left: () => impurity(left),
      right: () => impurity(right),
      reset: (rows: Uint32Array) => {
        left.fill(0);
        right.fill(0);
        for (const i of rows) right[t.y[i]]++;
      },
    };
  }
}
