/** The functions notebooks/33_decision_tree.ipynb uses, with 李航 第5章's numbers. */
import { assertAlmostEquals, assertEquals, assertGreater } from "@std/assert";
import {
  DecisionTreeClassifier,
  DecisionTreeRegressor,
  empiricalEntropy,
  exercise52,
  gainRatio,
  giniSplit,
  informationGain,
  loadIris,
  loanApplications,
  treeFigure,
} from "../../lib/mod.ts";

const loan = loanApplications();
const column = (j: number) => loan.X.map((row) => row[j]);

Deno.test("表5.1 has 15 rows, 9 是 and 6 否", () => {
  assertEquals(loan.X.length, 15);
  assertEquals(loan.y.filter((v) => v === "是").length, 9);
});

Deno.test("例5.2 and 例5.4: the criteria tables the notebook prints", () => {
  assertEquals(Math.round(empiricalEntropy(loan.y) * 1000) / 1000, 0.971);
  const gains = [0, 1, 2, 3].map((j) =>
    Math.round(informationGain(column(j), loan.y) * 1000) / 1000
  );
  assertEquals(gains, [0.083, 0.324, 0.420, 0.363]);
  const ratios = [0, 1, 2, 3].map((j) => gainRatio(column(j), loan.y));
  assertEquals(ratios.indexOf(Math.max(...ratios)), 2);
  assertEquals(Math.round(giniSplit(column(2), loan.y, "是") * 100) / 100, 0.27);
  // For a binary feature both tests are the same split.
  assertAlmostEquals(giniSplit(column(2), loan.y, "是"), giniSplit(column(2), loan.y, "否"), 1e-15);
});

Deno.test("例5.3 and 习题5.1: ID3 and C4.5 print the same tree, rooted at 有自己的房子", () => {
  const fit = (criterion: "entropy" | "gainRatio") =>
    new DecisionTreeClassifier({ criterion, featureNames: loan.featureNames }).fit(loan.X, loan.y);
  const text = fit("entropy").exportText();
  assertEquals(fit("gainRatio").exportText(), text);
  assertEquals(text.split("\n"), [
    "|--- 有自己的房子 = 否",
    "|   |--- 有工作 = 否",
    "|   |   |--- class: 否",
    "|   |--- 有工作 = 是",
    "|   |   |--- class: 是",
    "|--- 有自己的房子 = 是",
    "|   |--- class: 是",
  ]);
  const fig = treeFigure(fit("entropy").toTree());
  // Edges, edge labels and nodes: 5 nodes and 4 edges.
  assertEquals(fig.data.length, 3);
  assertEquals((fig.data[2] as { x: number[] }).x.length, 5);
});

Deno.test("习题5.2: the first split is at 5.5 with leaf means 5.06 and 8.18", () => {
  const ex = exercise52();
  const stump = new DecisionTreeRegressor({ maxDepth: 1 }).fit(ex.X, ex.y);
  const tree = stump.toTree();
  assertEquals(tree.test!.value, 5.5);
  assertEquals(tree.children!.map((c) => Math.round((c.node.prediction as number) * 100) / 100), [
    5.06,
    8.18,
  ]);
  const path = new DecisionTreeRegressor().fit(ex.X, ex.y).costComplexityPruningPath();
  assertEquals(path.ccpAlphas.length, 10); // 10 leaves, pruned one at a time down to the root
  for (let k = 1; k < path.ccpAlphas.length; k++) {
    assertGreater(path.ccpAlphas[k], path.ccpAlphas[k - 1] - 1e-12);
  }
});

Deno.test("习题5.4: ccpAlpha inside [α_i, α_i+1) gives the i-th subtree of the path", () => {
  const ex = exercise52();
  const full = new DecisionTreeRegressor().fit(ex.X, ex.y);
  const alphas = full.costComplexityPruningPath().ccpAlphas;
  alphas.slice(0, -1).forEach((a, i) => {
    const pruned = new DecisionTreeRegressor({ ccpAlpha: (a + alphas[i + 1]) / 2 }).fit(ex.X, ex.y);
    assertEquals(pruned.nLeaves, full.nLeaves - i);
  });
  assertEquals(new DecisionTreeRegressor({ ccpAlpha: alphas.at(-1)! }).fit(ex.X, ex.y).nLeaves, 1);
});

Deno.test("iris petal features: a depth-3 CART tree fits well", () => {
  const iris = loadIris();
  const petal = iris.X.map((row) => [row[2], row[3]]);
  const tree = new DecisionTreeClassifier({ maxDepth: 3 }).fit(petal, iris.y);
  assertGreater(tree.score(petal, iris.y), 0.97);
});
