import { assertEquals, assertThrows } from "@std/assert";
import {
  checkInteger,
  checkOptions,
  KNeighborsClassifier,
  LogisticRegression,
  mergeOptions,
  SGD,
  trainTestSplit,
  ValueError,
} from "../../../lib/mod.ts";

Deno.test("mergeOptions merges over defaults, keeps defaults for undefined, freezes", () => {
  const o = mergeOptions({ a: 1, b: 2 }, { a: 5, b: undefined }, "Thing");
  assertEquals(o, { a: 5, b: 2 });
  assertEquals(Object.isFrozen(o), true);
  assertEquals(mergeOptions({ a: 1 }, undefined, "Thing"), { a: 1 });
});

Deno.test("a positional argument is refused, not ignored: new KNeighborsClassifier(3)", () => {
  // Before: nNeighbors silently stayed 5.
  assertThrows(
    // @ts-expect-error: the options object is required
    () => new KNeighborsClassifier(3),
    ValueError,
    "KNeighborsClassifier takes an options object such as { nNeighbors: ... }, not positional " +
      "arguments. Got 3 instead.",
  );
  assertThrows(() => new LogisticRegression("l2" as never), ValueError, "takes an options object");
  assertThrows(() => new LogisticRegression([1] as never), ValueError, "takes an options object");
  assertThrows(() => new LogisticRegression(null as never), ValueError, "takes an options object");
  assertEquals(new KNeighborsClassifier({ nNeighbors: 3 }).options.nNeighbors, 3);
});

Deno.test("scikit-learn's snake_case gets a camelCase hint", () => {
  assertThrows(
    () => new KNeighborsClassifier({ n_neighbors: 3 } as never),
    ValueError,
    "Unknown option 'n_neighbors' for KNeighborsClassifier: did you mean 'nNeighbors'?",
  );
  assertThrows(
    () => new LogisticRegression({ max_iter: 3 } as never),
    ValueError,
    "did you mean 'maxIter'?",
  );
  assertThrows(() => new LogisticRegression({ c: 3 } as never), ValueError, "did you mean 'C'?");
  assertThrows(
    () => new LogisticRegression({ bogus: 3 } as never),
    ValueError,
    "Unknown option 'bogus' for LogisticRegression. Known options: 'penalty'",
  );
});

Deno.test("trainTestSplit checks its options: test_size is not silently 0.25", () => {
  const X = [[0], [1], [2], [3]], y = [0, 1, 0, 1];
  // Before: { test_size: 0.5 } was ignored and the split was 3/1.
  assertThrows(
    () => trainTestSplit(X, y, { test_size: 0.5 } as never),
    ValueError,
    "Unknown option 'test_size' for trainTestSplit: did you mean 'testSize'?",
  );
  assertThrows(() => trainTestSplit(X, y, 0.5 as never), ValueError, "takes an options object");
  assertEquals(trainTestSplit(X, y, { testSize: 0.5 }).XTest.length, 2);
});

Deno.test("optimizers share the same option check", () => {
  assertThrows(
    () => new SGD({ learning_rate: 0.1 } as never),
    ValueError,
    "did you mean 'learningRate'?",
  );
});

Deno.test("checkOptions with no known keys, and checkInteger's one signature", () => {
  assertThrows(() => checkOptions({ x: 1 }, [], "f"), ValueError, "Unknown option 'x' for f.");
  assertEquals(checkInteger("bins", 3, 1, 10), 3);
  assertThrows(
    () => checkInteger("bins", 11, 1, 10),
    ValueError,
    "The 'bins' option must be an integer >= 1 and <= 10. Got 11 instead.",
  );
});
