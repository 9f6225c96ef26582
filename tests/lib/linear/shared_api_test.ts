import { assertAlmostEquals, assertEquals, assertThrows } from "@std/assert";
import { ValueError } from "../../../lib/core/mod.ts";
import {
  LinearRegression,
  LogisticRegression,
  SoftmaxRegression,
} from "../../../lib/linear/mod.ts";

const X = [[0], [1], [2], [3]];

Deno.test("linear models: options are checked by name, with scikit-learn's spelling hinted", () => {
  assertThrows(
    () => new LinearRegression({ fit_intercept: false } as never),
    ValueError,
    "Unknown option 'fit_intercept' for LinearRegression: did you mean 'fitIntercept'?",
  );
  assertThrows(() => new LogisticRegression(0.5 as never), ValueError, "takes an options object");
  assertThrows(
    () => new SoftmaxRegression({ batch_size: 8 } as never),
    ValueError,
    "did you mean 'batchSize'?",
  );
});

Deno.test("linear classifiers refuse a continuous y and mixed labels; classes are copies", () => {
  for (const model of [new LogisticRegression(), new SoftmaxRegression()]) {
    assertThrows(
      () => model.fit(X, [0.5, 1.2, 2.7, 3.1]),
      ValueError,
      `Unknown label type: continuous. y holds non-integer numbers such as 0.5, but ${model.className} is a classifier`,
    );
    assertThrows(() => model.fit(X, [0, 1, "1", 0]), ValueError, "Mix of label input types");
  }
  const model = new LogisticRegression().fit(X, ["no", "no", "yes", "yes"]);
  model.classes[0] = "changed";
  assertEquals(model.classes, ["no", "yes"]);
  assertEquals(model.score(X, ["no", "no", "yes", "yes"]), 1);
});

Deno.test("LinearRegression's score is the shared R²", () => {
  const model = new LinearRegression().fit(X, [1, 3, 5, 7]);
  assertAlmostEquals(model.score([[4], [5], [6]], [9, 11, 14]), 1 - 1 / (38 / 3), 1e-12); // ŷ = 9, 11, 13
});
