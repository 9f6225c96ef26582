/**
 * Measurements for studying a forest rather than using it (notebook 50): how the score grows
 * with the number of trees averaged, how correlated the trees are, how much of the data a
 * bootstrap sample holds. They read `predictTrees`, so any fitted forest works.
 *
 * @module
 */
import { ValueError } from "../core/errors.ts";
import type { MatrixLike } from "../core/validation.ts";

/** What these functions need of a forest. */
export interface TreeOutputs {
  /** Each tree's output for X (see `BaseForest.predictTrees`). */
  predictTrees(X: MatrixLike): Float64Array[];
}

/**
 * The averaged output of the first b trees for each b in `sizes`: n × nOutputs arrays.
 * Because tree t of a seeded forest does not depend on how many trees follow it, the first b
 * trees of a 100-tree forest are the b-tree forest of the same seed.
 */
export function runningAverages(
  forest: TreeOutputs,
  X: MatrixLike,
  sizes: readonly number[],
): Float64Array[] {
  const each = forest.predictTrees(X);
  for (const b of sizes) {
    if (!Number.isInteger(b) || b < 1 || b > each.length) {
      throw new ValueError(`sizes must be integers in [1, ${each.length}]. Got ${b}.`);
    }
  }
  const sum = new Float64Array(each[0].length);
  const out: Float64Array[] = [];
  let used = 0;
  for (const b of [...sizes].sort((p, q) => p - q)) {
    for (; used < b; used++) for (let i = 0; i < sum.length; i++) sum[i] += each[used][i];
    out.push(sum.map((v) => v / b));
  }
  // Back in the caller's order.
  const order = [...sizes].map((b, i) => [b, i]).sort((p, q) => p[0] - q[0]);
  const result = new Array<Float64Array>(sizes.length);
  order.forEach(([, i], k) => (result[i] = out[k]));
  return result;
}

/**
 * Variance of the b-tree average across forests grown on independent training sets, for each b
 * in `sizes`, averaged over the points of X (first output column). With one tree's variance
 * σ² = V(1) and the correlation ρ between two trees of a forest (both over the draw of the
 * training set and of the trees' randomness), V(b) = ρσ² + (1 − ρ)σ²/b (ESL eq. 15.1).
 * @param forests at least 2 fitted forests, each trained on its own sample
 */
export function varianceByTrees(
  forests: readonly TreeOutputs[],
  X: MatrixLike,
  sizes: readonly number[],
): Float64Array {
  if (forests.length < 2) {
    throw new ValueError(`varianceByTrees needs at least 2 forests. Got ${forests.length}.`);
  }
  const runs = forests.map((f) => runningAverages(f, X, sizes));
  const R = forests.length;
  return Float64Array.from(sizes, (_, k) => {
    const n = runs[0][k].length;
    let total = 0;
    for (let i = 0; i < n; i++) {
      let m = 0;
      for (let r = 0; r < R; r++) m += runs[r][k][i];
      m /= R;
      let q = 0;
      for (let r = 0; r < R; r++) q += (runs[r][k][i] - m) ** 2;
      total += q / (R - 1);
    }
    return total / n;
  });
}

/** ρ implied by V(1) = σ² and V(b) = ρσ² + (1 − ρ)σ²/b. */
export function impliedCorrelation(v1: number, vb: number, b: number): number {
  return (vb - v1 / b) / (v1 * (1 - 1 / b));
}

/** Probability that a row is in a bootstrap sample of n draws from n rows: 1 − (1 − 1/n)ⁿ → 1 − 1/e. */
export function inBagProbability(n: number): number {
  if (!Number.isInteger(n) || n < 1) throw new ValueError(`n must be an integer >= 1. Got ${n}.`);
  return 1 - (1 - 1 / n) ** n;
}
