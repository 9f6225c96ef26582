import { assertEquals, assertThrows } from "@std/assert";
import { ValueError } from "../../../lib/core/mod.ts";
import { GradientBoostingClassifier } from "../../../lib/ensemble/mod.ts";

const X = [[0], [1], [2], [3], [4], [5]];

Deno.test("GradientBoostingClassifier refuses a continuous y and mixed labels (shared label rules)", () => {
  // Before: six distinct floats were fitted as six classes.
  assertThrows(
    () => new GradientBoostingClassifier().fit(X, [0.1, 0.4, 0.9, 1.3, 2.2, 2.5]),
    ValueError,
    "Unknown label type: continuous. y holds non-integer numbers such as 0.1, but " +
      "GradientBoostingClassifier is a classifier, which expects discrete classes; for a " +
      "continuous target use a regressor such as GradientBoostingRegressor.",
  );
  assertThrows(
    () => new GradientBoostingClassifier().fit(X, [0, 0, 0, 1, 1, "1"]),
    ValueError,
    "Mix of label input types",
  );
  const y = ["a", "a", "a", "b", "b", "b"];
  const model = new GradientBoostingClassifier({ nEstimators: 5 }).fit(X, y);
  const hits = model.predict(X).filter((p, i) => p === y[i]).length;
  assertEquals(model.score(X, y), hits / y.length); // the shared accuracy
});
