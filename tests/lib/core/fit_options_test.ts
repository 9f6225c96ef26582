/** `fit(X, y, { sample_weight })` is refused with a hint instead of fitting unweighted. */
import { assertThrows } from "@std/assert";
import {
  DecisionTreeClassifier,
  GaussianNB,
  LinearRegression,
  LogisticRegression,
  MLPRegressor,
  SoftmaxRegression,
  ValueError,
} from "../../../lib/mod.ts";

const X = [[0], [1], [2], [3]], y = [0, 0, 1, 1], w = [1, 2, 1, 2];

Deno.test("fit's options are checked by name: sample_weight → sampleWeight", () => {
  // Before: the weights were silently ignored.
  const fits: [string, () => unknown][] = [
    ["LinearRegression", () => new LinearRegression().fit(X, y, { sample_weight: w } as never)],
    ["LogisticRegression", () => new LogisticRegression().fit(X, y, { sample_weight: w } as never)],
    ["SoftmaxRegression", () => new SoftmaxRegression().fit(X, y, { sample_weight: w } as never)],
    ["GaussianNB", () => new GaussianNB().fit(X, y, { sample_weight: w } as never)],
    [
      "DecisionTreeClassifier",
      () => new DecisionTreeClassifier().fit(X, y, { sample_weight: w } as never),
    ],
    [
      "MLPRegressor",
      () => new MLPRegressor({ maxIter: 1 }).fit(X, y, { sample_weight: w } as never),
    ],
  ];
  for (const [name, fit] of fits) {
    assertThrows(
      fit,
      ValueError,
      `Unknown option 'sample_weight' for ${name}.fit: did you mean 'sampleWeight'?`,
    );
  }
});
