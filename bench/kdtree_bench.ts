/**
 * kd-tree against brute force: 10,000 uniform points in [0, 1)³, 1,000 queries, seeded.
 * Run: `deno bench -A bench/kdtree_bench.ts`. The scikit-learn side of the comparison is
 * `tools/kdtree_bench_sklearn.py` (same sizes and distribution, its own RNG).
 */
import { Matrix } from "../lib/core/matrix.ts";
import { Random } from "../lib/core/random.ts";
import { BruteForce, KDTree } from "../lib/neighbors/mod.ts";

const N = 10_000, Q = 1_000, D = 3;
const rng = new Random(42);
const X = new Matrix(N, D, rng.uniformArray(N * D));
const queries = new Matrix(Q, D, rng.uniformArray(Q * D));

const book = new KDTree(X); // leafSize 1: the book's tree
const bucketed = new KDTree(X, { leafSize: 40 });
const brute = new BruteForce(X);

for (const k of [1, 5]) {
  const group = `query k=${k}`;
  Deno.bench(`brute force, k=${k}`, { group, baseline: true }, () => {
    brute.queryMany(queries, k);
  });
  Deno.bench(`kd-tree leafSize 1, k=${k}`, { group }, () => {
    book.queryMany(queries, k);
  });
  Deno.bench(`kd-tree leafSize 40, k=${k}`, { group }, () => {
    bucketed.queryMany(queries, k);
  });
}

Deno.bench("build kd-tree, leafSize 1", { group: "build" }, () => {
  new KDTree(X);
});
Deno.bench("build kd-tree, leafSize 40", { group: "build" }, () => {
  new KDTree(X, { leafSize: 40 });
});
