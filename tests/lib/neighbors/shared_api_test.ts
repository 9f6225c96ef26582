import { assertAlmostEquals, assertEquals, assertThrows } from "@std/assert";
import { ShapeError, ValueError } from "../../../lib/core/mod.ts";
import { KNeighborsClassifier, KNeighborsRegressor } from "../../../lib/neighbors/mod.ts";

const X = [[0], [1], [2], [10], [11], [12]];

Deno.test("k-NN options: a positional k and scikit-learn's n_neighbors are refused", () => {
  // Before: new KNeighborsClassifier(3) silently kept nNeighbors = 5.
  assertThrows(() => new KNeighborsClassifier(3 as never), ValueError, "options object");
  assertThrows(() => new KNeighborsRegressor(3 as never), ValueError, "options object");
  assertThrows(
    () => new KNeighborsClassifier({ n_neighbors: 3 } as never),
    ValueError,
    "did you mean 'nNeighbors'?",
  );
});

Deno.test("KNeighborsClassifier refuses a continuous y (suggesting the regressor) and mixed labels", () => {
  // Before: 6 distinct floats became 6 classes.
  assertThrows(
    () => new KNeighborsClassifier({ nNeighbors: 1 }).fit(X, [0.1, 0.5, 0.9, 10.2, 11.5, 12.1]),
    ValueError,
    "Unknown label type: continuous. y holds non-integer numbers such as 0.1, but " +
      "KNeighborsClassifier is a classifier, which expects discrete classes; for a continuous " +
      "target use a regressor such as KNeighborsRegressor.",
  );
  assertThrows(
    () => new KNeighborsClassifier({ nNeighbors: 1 }).fit(X, [0, 0, 0, 1, 1, "1"]),
    ValueError,
    "Mix of label input types",
  );
  assertThrows(
    () => new KNeighborsClassifier({ nNeighbors: 1 }).fit(X, [0, 1]),
    ShapeError,
    "y has 2 values, but X has 6 samples; they must match.",
  );
});

Deno.test("k-NN: shared scores (accuracy, R²) and classes as a copy", () => {
  const clf = new KNeighborsClassifier({ nNeighbors: 1 }).fit(X, [10, 10, 9, 2, 2, 2]);
  assertEquals(clf.classes, [2, 9, 10]); // numeric order, not "10" < "2"
  clf.classes.push(99);
  assertEquals(clf.classes, [2, 9, 10]);
  assertEquals(clf.score([[0], [2], [11], [5]], [10, 10, 2, 9]), 0.75);
  const reg = new KNeighborsRegressor({ nNeighbors: 1 }).fit(X, [0, 1, 2, 10, 11, 12]);
  assertAlmostEquals(reg.score([[0], [1], [2]], [0, 1, 3]), 1 - 1 / (14 / 3), 1e-12);
});
