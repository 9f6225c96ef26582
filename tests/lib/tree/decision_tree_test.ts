import { assertAlmostEquals, assertEquals, assertThrows } from "@std/assert";
import {
  DecisionTreeClassifier,
  DecisionTreeRegressor,
  type ReadableNode,
} from "../../../lib/tree/mod.ts";
import { NotFittedError, ShapeError, ValueError } from "../../../lib/core/mod.ts";
import { loadBreastCancer, loadWine } from "../../../lib/data/mod.ts";
import { EX52_X, EX52_Y, LOAN_FEATURES, LOAN_X, LOAN_Y } from "../../support/lihang.ts";

const fixture = JSON.parse(
  Deno.readTextFileSync(new URL("../../fixtures/tree_sklearn.json", import.meta.url)),
);

/** A tree as { feature: { branch value: subtree | class } }, the way the book draws it. */
function shape(node: ReadableNode): unknown {
  if (!node.children) return node.prediction;
  const branches = node.children.map(({ condition, node: child }) => [
    condition.split(/ (?:=|!=|<=|>) /)[1] + (condition.includes("!=") ? " (≠)" : ""),
    shape(child),
  ]);
  return { [node.test!.feature]: Object.fromEntries(branches) };
}

Deno.test("例5.3: ID3 and C4.5 grow {有自己的房子: 是 → 是; 否 → {有工作: 是 → 是, 否 → 否}}", () => {
  for (const criterion of ["entropy", "gainRatio"] as const) {
    const tree = new DecisionTreeClassifier({ criterion, featureNames: LOAN_FEATURES })
      .fit(LOAN_X, LOAN_Y);
    assertEquals(shape(tree.toTree()), {
      有自己的房子: { 否: { 有工作: { 否: "否", 是: "是" } }, 是: "是" },
    });
    assertEquals(tree.predict(LOAN_X), LOAN_Y);
    assertEquals(tree.depth, 2);
    assertEquals(tree.nLeaves, 3);
  }
});

Deno.test("例5.4: CART's root tests 有自己的房子 and the tree fits the table", () => {
  const tree = new DecisionTreeClassifier({ criterion: "gini", featureNames: LOAN_FEATURES })
    .fit(LOAN_X, LOAN_Y);
  const root = tree.toTree();
  assertEquals(root.test!.feature, "有自己的房子");
  assertEquals(root.test!.value, "是"); // the book's test A3 = 是, not the equivalent A3 = 否
  assertEquals(root.children!.length, 2);
  assertEquals(tree.predict(LOAN_X), LOAN_Y);
  assertEquals(tree.classes, ["否", "是"]);
  assertEquals(tree.exportText().split("\n")[0].startsWith("|--- 有自己的房子"), true);
});

Deno.test("习题5.2: least-squares tree predictions equal scikit-learn's at each depth", () => {
  for (const depth of ["1", "2", "3", "null"]) {
    const expected = fixture.regression[depth];
    const tree = new DecisionTreeRegressor({ maxDepth: depth === "null" ? null : Number(depth) })
      .fit(EX52_X, EX52_Y);
    const yHat = tree.predict(EX52_X);
    expected.predictions.forEach((p: number, i: number) =>
      assertAlmostEquals(yHat[i], p, 1e-12, `depth ${depth}, x = ${i + 1}`)
    );
  }
  // The book's first split is at x = 5 (threshold 5.5 between 5 and 6).
  const stump = new DecisionTreeRegressor({ maxDepth: 1 }).fit(EX52_X, EX52_Y);
  assertEquals(stump.toTree().test!.value, 5.5);
});

Deno.test("cost-complexity pruning path equals scikit-learn's on 习题5.2", () => {
  const tree = new DecisionTreeRegressor().fit(EX52_X, EX52_Y);
  const path = tree.costComplexityPruningPath();
  const expected = fixture.regression.pruningPath;
  assertEquals(path.ccpAlphas.length, expected.ccpAlphas.length);
  path.ccpAlphas.forEach((a, k) => assertAlmostEquals(a, expected.ccpAlphas[k], 1e-9));
  path.impurities.forEach((r, k) => assertAlmostEquals(r, expected.impurities[k], 1e-9));
  // Pruning at an α between two path values keeps the subtree of the lower one.
  const mid = (path.ccpAlphas[7] + path.ccpAlphas[8]) / 2;
  const pruned = new DecisionTreeRegressor({ ccpAlpha: mid }).fit(EX52_X, EX52_Y);
  assertEquals(pruned.nLeaves, 3);
});

for (const [name, load] of [["wine", loadWine], ["breastCancer", loadBreastCancer]] as const) {
  // Where splits tie, scikit-learn's choice depends on random_state: the fixture lists the
  // (test, train) accuracies of 50 random states, and ours must be one of them.
  Deno.test(`gini trees match scikit-learn's accuracy on ${name} at each depth`, () => {
    const { X, y } = load();
    const every = fixture.classification[name].testEvery;
    const isTest = (i: number) => i % every === 0;
    const XTrain = X.filter((_, i) => !isTest(i)), yTrain = y.filter((_, i) => !isTest(i));
    const XTest = X.filter((_, i) => isTest(i)), yTest = y.filter((_, i) => isTest(i));
    for (const c of fixture.classification[name].cases) {
      const tree = new DecisionTreeClassifier({ maxDepth: c.maxDepth }).fit(XTrain, yTrain);
      const ours = [tree.score(XTest, yTest), tree.score(XTrain, yTrain)];
      const match = c.accuraciesOverRandomStates.some((pair: number[]) =>
        Math.abs(pair[0] - ours[0]) < 1e-12 && Math.abs(pair[1] - ours[1]) < 1e-12
      );
      assertEquals(match, true, `depth ${c.maxDepth}: ours ${ours}`);
    }
  });
}

Deno.test("predictProba, featureImportances, minSamplesLeaf and unseen categories", () => {
  const tree = new DecisionTreeClassifier({ criterion: "entropy" }).fit(LOAN_X, LOAN_Y);
  assertEquals(tree.predictProba([["青年", "否", "否", "一般"]]), [[1, 0]]);
  const importances = tree.featureImportances;
  assertAlmostEquals(importances.reduce((s, v) => s + v, 0), 1, 1e-12);
  assertEquals(importances[0], 0);
  // An unseen value at a multiway split stops at that node and predicts its majority.
  assertEquals(tree.predict([["青年", "否", "也许", "一般"]]), ["是"]);
  const shallow = new DecisionTreeRegressor({ minSamplesLeaf: 4 }).fit(EX52_X, EX52_Y);
  const leafSizes: number[] = [];
  const walk = (n: ReadableNode) =>
    n.children ? n.children.forEach((c) => walk(c.node)) : leafSizes.push(n.samples);
  walk(shallow.toTree());
  assertEquals(leafSizes.every((s) => s >= 4), true);
});

Deno.test("toJSON/fromJSON round trip predicts identically", () => {
  const tree = new DecisionTreeClassifier({ criterion: "gainRatio" }).fit(LOAN_X, LOAN_Y);
  const restored = DecisionTreeClassifier.fromJSON(JSON.parse(JSON.stringify(tree)));
  assertEquals(restored.predict(LOAN_X), tree.predict(LOAN_X));
  assertEquals(restored.exportText(), tree.exportText());
  const reg = new DecisionTreeRegressor({ maxDepth: 2 }).fit(EX52_X, EX52_Y);
  assertEquals(
    DecisionTreeRegressor.fromJSON(JSON.stringify(reg)).predict(EX52_X),
    reg.predict(EX52_X),
  );
});

Deno.test("bad input gets a clear error", () => {
  const tree = new DecisionTreeClassifier();
  assertThrows(() => tree.predict([[1]]), NotFittedError, "DecisionTreeClassifier");
  assertThrows(() => tree.fit([[1, 2], [1]], [0, 1]), ShapeError, "row 1 has 1");
  assertThrows(() => tree.fit([[1], [2]], [0]), ShapeError, "y has 1 values");
  assertThrows(() => tree.fit([[1], [NaN]], [0, 1]), ValueError, "NaN at row 1");
  assertThrows(
    () => new DecisionTreeClassifier({ criterion: "mse" as never }),
    ValueError,
    "'criterion'",
  );
  assertThrows(() => new DecisionTreeClassifier({ maxDepth: 0 }), ValueError, "'maxDepth'");
  assertThrows(
    () => new DecisionTreeRegressor({ minSamplesLeaf: 0 }),
    ValueError,
    "'minSamplesLeaf'",
  );
  tree.fit([[1, 2], [2, 1]], [0, 1]);
  assertThrows(
    () => tree.predict([[1]]),
    ShapeError,
    "X has 1 features, but DecisionTreeClassifier is expecting 2 features as input.",
  );
  assertThrows(
    () => new DecisionTreeClassifier({ categoricalFeatures: [5] }).fit([[1]], [0]),
    ValueError,
    "'categoricalFeatures'",
  );
});
