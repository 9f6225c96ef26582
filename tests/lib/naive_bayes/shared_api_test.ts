import { assertEquals, assertThrows } from "@std/assert";
import { ValueError } from "../../../lib/core/mod.ts";
import { CategoricalNB, GaussianNB, MultinomialNB } from "../../../lib/naive_bayes/mod.ts";

const X = [[1, 0], [2, 1], [0, 3], [1, 4]];

Deno.test("naive Bayes refuses a continuous y and labels that mix numbers and strings", () => {
  // Before: 4 distinct floats were accepted as 4 classes; [0, 1, "1"] as 3 classes.
  for (const model of [new GaussianNB(), new MultinomialNB(), new CategoricalNB()]) {
    assertThrows(
      () => model.fit(X, [0.5, 1.5, 2.5, 3.5]),
      ValueError,
      "Unknown label type: continuous",
    );
    assertThrows(() => model.fit(X, [0, 1, "1", 0]), ValueError, "Mix of label input types");
  }
});

Deno.test("naive Bayes: shared options check, classes copy and accuracy score", () => {
  assertThrows(
    () => new MultinomialNB({ fit_prior: false } as never),
    ValueError,
    "Unknown option 'fit_prior' for MultinomialNB: did you mean 'fitPrior'?",
  );
  assertThrows(() => new GaussianNB(1e-9 as never), ValueError, "takes an options object");
  const model = new MultinomialNB().fit(X, ["b", "b", "a", "a"]);
  assertEquals(model.classes, ["a", "b"]);
  model.classes.pop();
  assertEquals(model.nClasses, 2);
  assertEquals(model.score(X, ["b", "b", "a", "a"]), 1);
  assertEquals(model.score(X, ["b", "b", "a", "z"]), 0.75); // an unseen label is a miss
});
