/**
 * Decision trees grown to purity (no depth limit). Run: `deno bench -A bench/tree_bench.ts`.
 * The trees take `number[][]` (their inputs may mix numbers and category strings), so the timed
 * fit includes encoding the table into columns, as scikit-learn's includes `check_array`.
 */
import { DecisionTreeClassifier } from "../lib/tree/decision_tree.ts";
import { benchCase } from "./cases.ts";
import { breastCancer, caseSpec } from "./data.ts";

const cancer = "DecisionTreeClassifier, breast cancer (569, 30)";
benchCase("tree_gini_breast_cancer", { group: cancer, baseline: true });
const { rows, y } = breastCancer();
Deno.bench("entropy (ID3 gain, binary splits)", {
  group: cancer,
  n: caseSpec("tree_gini_breast_cancer").repeats,
  warmup: 1,
}, () => {
  new DecisionTreeClassifier({ criterion: "entropy" }).fit(rows, y);
});

benchCase("tree_gini_digits", { group: "DecisionTreeClassifier, digits (1797, 64)" });
benchCase("tree_regressor_diabetes", { group: "DecisionTreeRegressor, diabetes (442, 10)" });
