/**
 * Runs the shared battery (tests/estimator_checks.ts) on every estimator class exported from
 * lib/mod.ts: a class is found by walking the module's exports for subclasses of `Estimator`, so
 * a new estimator gets every check by being exported. The table below only says what data a
 * class needs when the default (numeric features; kind from `estimatorKind` or inferred) is not
 * right, and which checks do not apply to it, with the reason.
 */
import { assert } from "@std/assert";
import * as lib from "../lib/mod.ts";
import { Estimator } from "../lib/mod.ts";
import {
  checkContext,
  type CheckEntry,
  CHECKS,
  type EstimatorClass,
  SkipCheck,
} from "./estimator_checks.ts";

/**
 * Checks that fail today on estimators whose owners are still changing them, as "Class / check".
 * Such a step passes whether the check fails or not (engineers fix these in parallel); the
 * summary lists the ones that still fail and the ones that now pass, whose lines should go.
 * Every entry is a bug, not an exemption.
 */
export const KNOWN_FAILURES: Record<string, string> = {};

/** Per-class data kinds, options for small fast fits, and checks that do not apply. */
export const TABLE: Record<string, CheckEntry> = {
  MultinomialNB: { data: "counts" },
  CategoricalNB: { data: "categorical" },
  MaxEnt: { data: "categorical" },
  // Its `seed` is for solver "sgd"; the default closed form is deterministic.
  LinearRegression: { deterministicWeights: true },
  // One full batch without shuffling: integer weights give the repeated rows' training run.
  MLPClassifier: {
    options: { hiddenLayerSizes: [8], maxIter: 60, shuffle: false },
    deterministicWeights: true,
  },
  MLPRegressor: {
    options: { hiddenLayerSizes: [8], maxIter: 60, shuffle: false },
    deterministicWeights: true,
  },
  // predictProba exists only with Platt scaling fitted (scikit-learn's probability=True)
  SVC: { options: { probability: true } },
  // Mixtures are clusterers: predictProba's columns are their components.
  GaussianMixture: { options: { nComponents: 2 } },
  BernoulliMixture: { options: { binarize: 1 } },
  GradientBoostingClassifier: { missingValues: true, options: { nEstimators: 10 } },
  GradientBoostingRegressor: { missingValues: true, options: { nEstimators: 10 } },
  GradientBoostingRanker: {
    kind: "regressor",
    data: "ranking",
    missingValues: true,
    options: { nEstimators: 10 },
    fitOptions: (n) => ({ group: [n] }),
  },
  DecisionStump: { kind: "classifier" },
};

/** Every exported class that extends Estimator (abstract bases are not exported as values). */
export function discoverEstimators(): [string, EstimatorClass][] {
  return Object.entries(lib)
    .filter(([, v]) =>
      typeof v === "function" && v.prototype instanceof Estimator &&
      typeof (v.prototype as { fit?: unknown }).fit === "function" // abstract bases (ClassifierEstimator, ...) have no fit
    )
    .map(([name, v]): [string, EstimatorClass] => [name, v as unknown as EstimatorClass])
    .sort(([a], [b]) => (a < b ? -1 : 1));
}

const estimators = discoverEstimators();
const summary = {
  estimators: estimators.length,
  run: 0,
  skipped: [] as string[],
  knownFailures: [] as string[],
  fixed: [] as string[],
};

Deno.test("estimator discovery finds the estimators of every family", () => {
  const names = estimators.map(([n]) => n);
  for (const expected of ["LinearRegression", "DecisionTreeClassifier", "GaussianNB", "MaxEnt"]) {
    assert(names.includes(expected), `${expected} not discovered among ${names}`);
  }
  for (const name of Object.keys(TABLE)) {
    assert(names.includes(name), `table entry ${name} names no exported estimator`);
  }
});

for (const [name, Cls] of estimators) {
  const entry = TABLE[name] ?? {};
  Deno.test(`estimator checks: ${name}`, async (t) => {
    const c = checkContext(name, Cls, entry);
    for (const [check, run] of Object.entries(CHECKS)) {
      const reason = entry.skip?.[check];
      if (reason) {
        summary.skipped.push(`${name} / ${check}: ${reason}`);
        continue;
      }
      const known = KNOWN_FAILURES[`${name} / ${check}`];
      await t.step(known ? `${check} (known failure: ${known})` : check, async () => {
        try {
          await run(c);
          summary.run++;
        } catch (e) {
          if (e instanceof SkipCheck) {
            summary.skipped.push(`${name} / ${check}: ${e.message}`);
            return;
          }
          if (!known) throw e;
          summary.knownFailures.push(`${name} / ${check}: ${(e as Error).message.split("\n")[0]}`);
          return;
        }
        if (known) summary.fixed.push(`${name} / ${check}`);
      });
    }
  });
}

Deno.test("estimator checks: summary", () => {
  const n = Object.keys(CHECKS).length;
  console.log(
    `${summary.estimators} estimators × ${n} checks: ${summary.run} passed, ` +
      `${summary.skipped.length} not applicable:\n  ${summary.skipped.join("\n  ")}\n` +
      `${summary.knownFailures.length} known failures:\n  ${summary.knownFailures.join("\n  ")}\n` +
      `${summary.fixed.length} KNOWN_FAILURES entries pass now (delete them): ${summary.fixed}`,
  );
});
