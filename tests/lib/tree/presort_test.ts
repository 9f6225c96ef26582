/**
 * The grower sorts each numeric feature once at the root and filters the sorted lists at every
 * node. These tests check it builds exactly the trees of the former grower, which sorted every
 * node's rows for every feature (kept in `sort_per_node_grower.ts`): same splits, thresholds,
 * impurities and values (deep equality), same `exportText` and same pruning path.
 */
import { assertEquals } from "@std/assert";
import { Random, uniqueLabels } from "../../../lib/core/mod.ts";
import { loadBreastCancer, loadDiabetes, loadDigits, loadWine } from "../../../lib/data/mod.ts";
import { type Cell, DecisionTreeClassifier, DecisionTreeRegressor } from "../../../lib/tree/mod.ts";
import { fitEncoding } from "../../../lib/tree/encode.ts";
import { exportText, readableTree } from "../../../lib/tree/export.ts";
import type { Criterion, Target } from "../../../lib/tree/grow.ts";
import { argsortColumn } from "../../../lib/tree/presort.ts";
import { pruningPath } from "../../../lib/tree/prune.ts";
import { EX52_X, EX52_Y } from "../../support/lihang.ts";
import { growTreeSortingEachNode } from "./sort_per_node_grower.ts";

interface Limits {
  maxDepth?: number;
  minSamplesSplit?: number;
  minSamplesLeaf?: number;
  minImpurityDecrease?: number;
  categoricalFeatures?: number[];
}

/** Fits the public tree and the reference grower on the same table, and compares everything. */
function assertSameTree(
  X: Cell[][],
  y: readonly (number | string)[],
  criterion: Criterion,
  limits: Limits = {},
): void {
  const classification = criterion !== "squaredError";
  const fitted = classification
    ? new DecisionTreeClassifier({ criterion, ...limits }).fit(X, y)
    : new DecisionTreeRegressor(limits).fit(X, y as number[]);
  const { encoding, table } = fitEncoding(X, limits.categoricalFeatures ?? []);
  const classes = classification ? uniqueLabels([...y]) : [];
  const target: Target = classification
    ? {
      kind: "classification",
      y: Int32Array.from(y, (v) => classes.indexOf(v)),
      nClasses: classes.length,
    }
    : { kind: "regression", y: Float64Array.from(y as number[]) };
  const reference = growTreeSortingEachNode(
    table,
    encoding.categories.map((c) => c !== null),
    target,
    {
      criterion,
      maxDepth: limits.maxDepth ?? Infinity,
      minSamplesSplit: limits.minSamplesSplit ?? 2,
      minSamplesLeaf: limits.minSamplesLeaf ?? 1,
      minImpurityDecrease: limits.minImpurityDecrease ?? 0,
    },
  );
  assertEquals(fitted.tree, reference);
  const names = table.columns.map((_, j) => `x${j}`);
  assertEquals(
    fitted.exportText({ decimals: 17 }),
    exportText(readableTree(reference, encoding, names, classes), 17),
  );
  assertEquals(fitted.costComplexityPruningPath(), pruningPath(reference));
}

/** The comparator order the grower used to sort each node with. */
function comparatorArgsort(col: Float64Array): Uint32Array {
  return Uint32Array.from(col, (_, i) => i).sort((a, b) => col[a] - col[b] || a - b);
}

Deno.test("argsortColumn: the doc example (ties by index, -0 ties with 0)", () => {
  assertEquals(argsortColumn(Float64Array.of(3, 1, 3, -0, 0)), Uint32Array.of(3, 4, 1, 0, 2));
  assertEquals(argsortColumn(new Float64Array(0)), new Uint32Array(0));
  assertEquals(argsortColumn(Float64Array.of(-2.5)), Uint32Array.of(0));
});

Deno.test("argsortColumn equals the comparator sort on random columns with ties", () => {
  const rng = new Random(7);
  const draws: Record<string, () => number> = {
    "small integers (counting sort)": () => rng.int(9) - 4,
    "integers spanning more than n (merge sort)": () => rng.int(100000) - 50000,
    "rounded reals with -0": () => Math.round(rng.normal() * 4) / 4 * (rng.int(2) ? 1 : -1),
    "distinct reals": () => rng.normal() * 1e3,
  };
  for (const [kind, draw] of Object.entries(draws)) {
    for (const n of [2, 15, 16, 17, 33, 100, 1000, 5000]) {
      const col = Float64Array.from({ length: n }, draw);
      assertEquals(argsortColumn(col), comparatorArgsort(col), `${kind}, n = ${n}`);
    }
  }
});

Deno.test("presorted grower: same trees on wine, breast cancer and digits, every criterion", () => {
  const sets = { wine: loadWine(), cancer: loadBreastCancer(), digits: loadDigits() };
  for (const { X, y } of Object.values(sets)) {
    for (const criterion of ["gini", "entropy", "gainRatio"] as const) {
      assertSameTree(X, y, criterion);
    }
  }
  assertSameTree(sets.wine.X, sets.wine.y, "gini", { minSamplesLeaf: 5, maxDepth: 4 });
  assertSameTree(sets.cancer.X, sets.cancer.y, "entropy", { minImpurityDecrease: 0.001 });
});

Deno.test("presorted grower: same regression trees on 习题5.2 and diabetes", () => {
  for (const maxDepth of [1, 2, 3, undefined]) {
    assertSameTree(EX52_X, EX52_Y, "squaredError", { maxDepth });
  }
  const { X, y } = loadDiabetes();
  assertSameTree(X, y, "squaredError");
  assertSameTree(X, y, "squaredError", { minSamplesLeaf: 3, minSamplesSplit: 10 });
});

/** n rows of d features with few distinct values (many ties, -0 among them), plus labels. */
function tiedTable(rng: Random, n: number, d: number) {
  const X = Array.from(
    { length: n },
    () =>
      Array.from(
        { length: d },
        (_, j) => (j % 2 ? rng.int(5) : Math.round(rng.normal() * 2) / 2 || -0),
      ),
  );
  const yClass = X.map((row) => (row[0] + row[1] + rng.int(3) > 3 ? "a" : rng.int(2) ? "b" : "c"));
  // Decimal targets: their sums round differently in another order, so the test sees row order.
  const yReal = X.map((row) => Math.round((row[0] * 3 + row[1] + rng.normal()) * 100) / 100);
  return { X, yClass, yReal };
}

Deno.test("presorted grower: same trees on random tables with ties, numeric and mixed", () => {
  const rng = new Random(2024);
  for (let trial = 0; trial < 6; trial++) {
    const { X, yClass, yReal } = tiedTable(rng, 150 + 40 * trial, 5);
    const limits = trial % 2 ? { minSamplesLeaf: 4 } : {};
    for (const criterion of ["gini", "entropy", "gainRatio"] as const) {
      assertSameTree(X, yClass, criterion, limits);
    }
    assertSameTree(X, yReal, "squaredError", limits);
    // Categorical columns mixed in: multiway (ID3/C4.5) and x = a / x ≠ a (CART) splits move rows
    // in node order, which the regression sums depend on.
    const mixed: Cell[][] = X.map((row) => [...row, ["p", "q", "r"][rng.int(3)]]);
    for (const criterion of ["gini", "entropy", "gainRatio", "squaredError"] as const) {
      const y = criterion === "squaredError" ? yReal : yClass;
      assertSameTree(mixed, y, criterion, { categoricalFeatures: [1] });
    }
  }
});
