import { assert, assertEquals, assertStringIncludes } from "@std/assert";
import { catchWarnings, ConvergenceWarning } from "../../../lib/core/mod.ts";
import { loadBreastCancer, loadIris } from "../../../lib/data/mod.ts";
import { LogisticRegression, SoftmaxRegression } from "../../../lib/linear/mod.ts";

Deno.test("LogisticRegression on unscaled data stops at maxIter with one ConvergenceWarning", () => {
  // Before: converged = false and nothing said. Unscaled breast cancer (features up to ~4000)
  // needs far more than 100 L-BFGS steps.
  const { X, y } = loadBreastCancer();
  const { result: model, warnings } = catchWarnings(() => new LogisticRegression().fit(X, y));
  assertEquals(model.converged, false);
  assertEquals(model.nIter, 100);
  assertEquals(warnings.length, 1);
  assert(warnings[0] instanceof ConvergenceWarning);
  assertStringIncludes(
    warnings[0].message,
    "LogisticRegression failed to converge after 100 iterations (the maxIter limit).",
  );
});

Deno.test("LogisticRegression that converges says nothing", () => {
  const { X, y } = loadIris();
  const { result: model, warnings } = catchWarnings(() =>
    new LogisticRegression({ maxIter: 1000 }).fit(X, y)
  );
  assertEquals(warnings, []);
  assert(model.nIter < 1000);
});

Deno.test("SoftmaxRegression: tol stops early; running out of epochs warns", () => {
  const { X, y } = loadIris();
  const early = catchWarnings(() => new SoftmaxRegression({ epochs: 500, tol: 0.1 }).fit(X, y));
  assertEquals(early.warnings, []);
  assert(early.result.history.trainLoss.length < 500);

  const short = catchWarnings(() => new SoftmaxRegression({ epochs: 2, tol: 1e-9 }).fit(X, y));
  assertEquals(short.warnings.map((w) => w.message), [
    "SoftmaxRegression failed to converge after 2 iterations (the epochs limit). " +
    "Increase epochs, scale the features (e.g. StandardScaler) or loosen tol.",
  ]);

  const silent = catchWarnings(() => new SoftmaxRegression({ epochs: 2 }).fit(X, y));
  assertEquals(silent.warnings, []); // tol: null, the d2l way: a fixed number of epochs
});
