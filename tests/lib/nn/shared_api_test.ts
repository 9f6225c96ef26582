import { assert, assertEquals, assertStringIncludes, assertThrows } from "@std/assert";
import { catchWarnings, ConvergenceWarning, ValueError } from "../../../lib/core/mod.ts";
import { MLPClassifier, MLPRegressor } from "../../../lib/nn/mod.ts";

const X = [[0, 0], [0, 1], [1, 0], [1, 1]];

Deno.test("MLP stopping at maxIter warns once; stopping on tol says nothing", () => {
  // Before: nothing was said when maxIter ran out.
  const short = catchWarnings(() =>
    new MLPClassifier({ hiddenLayerSizes: [4], maxIter: 3, seed: 0 }).fit(X, [0, 1, 1, 0])
  );
  assertEquals(short.result.nIter, 3);
  assertEquals(short.warnings.length, 1);
  assert(short.warnings[0] instanceof ConvergenceWarning);
  assertStringIncludes(short.warnings[0].message, "MLPClassifier: maximum iterations (3) reached");
  const loose = catchWarnings(() =>
    new MLPRegressor({ hiddenLayerSizes: [4], maxIter: 500, tol: 10, nIterNoChange: 1, seed: 0 })
      .fit(X, [0, 1, 1, 2])
  );
  assertEquals(loose.warnings, []);
  assert(loose.result.nIter < 500);
});

Deno.test("MLPClassifier: continuous y suggests MLPRegressor; mixed labels refused; options checked", () => {
  assertThrows(
    () => new MLPClassifier().fit(X, [0.1, 0.2, 0.3, 0.4]),
    ValueError,
    "Unknown label type: continuous. y holds non-integer numbers such as 0.1, but MLPClassifier " +
      "is a classifier, which expects discrete classes; for a continuous target use a regressor " +
      "such as MLPRegressor.",
  );
  assertThrows(() => new MLPClassifier().fit(X, [0, 1, "1", 0]), ValueError, "Mix of label");
  assertThrows(
    () => new MLPClassifier({ hidden_layer_sizes: [3] } as never),
    ValueError,
    "did you mean 'hiddenLayerSizes'?",
  );
  assertThrows(() => new MLPClassifier().fit(X, [1, 1, 1, 1]), ValueError, "only one class: 1");
});
