/**
 * One battery of checks for every estimator, in the spirit of scikit-learn's `check_estimator`:
 * bad shapes, non-finite numbers, empty and tiny inputs, feature drift, label types, seeds,
 * mutation and aliasing, JSON round trips, `fromJSON` of garbage, every input format and sample
 * weights. `tests/estimator_checks_test.ts` runs it on every estimator exported from lib/mod.ts;
 * a family's own test may call `checkEstimator` directly while it is being written.
 *
 * An estimator needs no code here: its kind comes from its static `estimatorKind` (or is inferred
 * from `classes`/`predict`/`transform`), its data kind from the table in the test file.
 *
 * @module
 */
import { assert, assertEquals, assertThrows } from "@std/assert";
import {
  Estimator,
  type EstimatorKind,
  Matrix,
  NotFittedError,
  Random,
  ShapeError,
  ValueError,
} from "../lib/mod.ts";

/** Which data an estimator is fitted on. */
export type DataKind = "numeric" | "counts" | "categorical" | "ranking";

/** What the suite needs to know about a class that it cannot infer. */
export interface CheckEntry {
  /** Overrides the static `estimatorKind` and the inference. */
  kind?: EstimatorKind;
  /**
   * "counts": non-negative integers (MultinomialNB); "categorical": small integer codes;
   * "ranking": relevance grades 0..2 as y, with `fitOptions` giving the query groups.
   */
  data?: DataKind;
  /** NaN in X means "missing" (boosters): fit and predict must accept it; ±Infinity is refused. */
  missingValues?: boolean;
  /**
   * A seeded estimator whose fit with integer weights equals its fit on repeated rows (with these
   * options): it gets the full sample-weight check instead of the one for randomised fits.
   */
  deterministicWeights?: boolean;
  /** Extra `fit` options every fit needs, given the number of rows (e.g. a ranker's groups). */
  fitOptions?: (nSamples: number) => Record<string, unknown>;
  /** Classifiers that only take two classes. @default 3 */
  nClasses?: 2 | 3;
  /** Constructor options (small, fast fits). */
  options?: Record<string, unknown>;
  /** Checks that do not apply, with the reason (reported in the summary). */
  skip?: Record<string, string>;
}

// deno-lint-ignore no-explicit-any
type AnyEstimator = Estimator<any, any> & Record<string, any>;
// deno-lint-ignore no-explicit-any
export type EstimatorClass = (new (options?: any) => AnyEstimator) & {
  estimatorKind?: EstimatorKind;
  // deno-lint-ignore no-explicit-any
  fromJSON(json: any): AnyEstimator;
};

/** A data set for one estimator: training rows, labels or targets, and fresh rows to predict. */
export interface CheckData {
  X: number[][];
  y: (number | string)[];
  Xtest: number[][];
}

/** Everything a check gets. */
export interface CheckContext {
  Cls: EstimatorClass;
  name: string;
  kind: EstimatorKind;
  entry: CheckEntry;
  data: CheckData;
  make(options?: Record<string, unknown>): AnyEstimator;
  fit(model: AnyEstimator, X: unknown, y?: unknown, fitOptions?: unknown): AnyEstimator;
  /** The estimator's main output as plain arrays (predict, or transform for transformers). */
  output(model: AnyEstimator, X: unknown): unknown[];
}

/** Infers the kind: the static marker, else `classes` → classifier, `predict` → regressor, ... */
export function inferKind(Cls: EstimatorClass, entry: CheckEntry = {}): EstimatorKind | undefined {
  if (entry.kind) return entry.kind;
  if (Cls.estimatorKind) return Cls.estimatorKind;
  const proto = Cls.prototype as Record<string, unknown>;
  const has = (name: string) => name in proto;
  if (has("classes") || has("predictProba")) return "classifier";
  if (has("transform") && !has("predict")) return "transformer";
  if (has("predict")) return "regressor";
  return undefined;
}

/** Small, deterministic data of each kind: 30 rows, 3 features, well separated classes. */
export function makeData(kind: EstimatorKind, entry: CheckEntry = {}): CheckData {
  const rng = new Random(42);
  const n = 30, d = 3, nClasses = entry.nClasses ?? 3;
  const label = (i: number) => i % nClasses;
  const row = (i: number): number[] => {
    const c = label(i);
    if (entry.data === "counts") {
      return Array.from({ length: d }, (_, j) => (j === c ? 6 : 1) + rng.int(3));
    }
    if (entry.data === "categorical") {
      return Array.from({ length: d }, (_, j) => (j === 0 ? c : (c + rng.int(2)) % 3));
    }
    return Array.from({ length: d }, (_, j) => (j === c ? 3 : 0) + rng.normal(0, 0.5));
  };
  const X = Array.from({ length: n }, (_, i) => row(i));
  const Xtest = Array.from({ length: 9 }, (_, i) => row(i));
  const y = entry.data === "ranking"
    ? X.map((_, i) => label(i))
    : kind === "regressor"
    ? X.map((r) => 1.5 * r[0] - 2 * r[1] + 0.5 * r[2] + 0.25 + rng.normal(0, 0.1))
    : X.map((_, i) => label(i));
  return { X, y, Xtest };
}

/** Any `Matrix`, typed array or array of them as nested plain arrays, to compare bit for bit. */
export function plain(value: unknown): unknown[] {
  if (value instanceof Matrix) return value.toArray();
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>);
  if (Array.isArray(value)) return value.map((v) => (typeof v === "object" ? plain(v) : v));
  throw new Error(`unexpected output ${value}`);
}

/** Bit-identical: Object.is on every number (so 0 and -0, NaN and NaN are told apart rightly). */
export function assertIdentical(actual: unknown, expected: unknown, what: string): void {
  const walk = (a: unknown, b: unknown, at: string): void => {
    if (Array.isArray(a) && Array.isArray(b)) {
      assertEquals(a.length, b.length, `${what}: length at ${at}`);
      a.forEach((v, i) => walk(v, b[i], `${at}[${i}]`));
    } else {
      assert(Object.is(a, b), `${what}: ${String(a)} !== ${String(b)} at ${at}`);
    }
  };
  walk(actual, expected, "");
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

/** The error must be one of ours (not a TypeError from deep inside). */
function assertCleanError(fn: () => unknown, what: string, pattern?: RegExp): Error {
  try {
    fn();
  } catch (e) {
    assert(
      e instanceof ValueError || e instanceof ShapeError,
      `${what}: expected ValueError or ShapeError, got ${(e as Error)?.name}: ${
        (e as Error)?.message
      }`,
    );
    if (pattern) assert(pattern.test(e.message), `${what}: message "${e.message}" !~ ${pattern}`);
    return e;
  }
  throw new Error(`${what}: expected an error, none was thrown`);
}

/** Runs `fn`; a clean ValueError/ShapeError is an acceptable refusal, anything else fails. */
function fitsOrRefuses(fn: () => void, what: string): boolean {
  try {
    fn();
    return true;
  } catch (e) {
    assert(
      e instanceof ValueError || e instanceof ShapeError,
      `${what}: expected success or a ValueError/ShapeError, got ${(e as Error)?.name}: ${
        (e as Error)?.message
      }`,
    );
    return false;
  }
}

function allFinite(values: unknown[]): boolean {
  return values.every((v) =>
    Array.isArray(v) ? allFinite(v) : typeof v !== "number" || Number.isFinite(v)
  );
}

const supervised = (kind: EstimatorKind) => kind === "classifier" || kind === "regressor";

/** The getters a user reads learned values from (not options and bookkeeping). */
function learnedGetters(model: AnyEstimator): string[] {
  const names = new Set<string>();
  for (
    let p = Object.getPrototypeOf(model);
    p && p !== Object.prototype;
    p = Object.getPrototypeOf(p)
  ) {
    for (const [name, desc] of Object.entries(Object.getOwnPropertyDescriptors(p))) {
      if (desc.get && !["isFitted", "options", "className"].includes(name)) names.add(name);
    }
  }
  return [...names];
}

/** Scribbles over an array-like value in place; frozen values refuse (strict mode throws). */
function scribble(value: unknown): void {
  try {
    if (value instanceof Matrix) value.data.fill(12345);
    else if (ArrayBuffer.isView(value)) (value as Float64Array).fill(12345);
    else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        if (typeof value[i] === "object" && value[i] !== null) scribble(value[i]);
        else value[i] = typeof value[i] === "string" ? "scribbled" : 12345;
      }
    }
  } catch (e) {
    if (!(e instanceof TypeError)) throw e; // frozen: fine
  }
}

function snapshot(value: unknown): unknown {
  if (value instanceof Matrix) return value.toArray();
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>);
  if (Array.isArray(value)) return value.map(snapshot);
  return value;
}

/**
 * `predictProba(X)` as nested arrays, or null when the estimator has none or refuses with a clean
 * error because it was not fitted for it (SVC without `probability: true`).
 */
function proba(m: AnyEstimator, X: unknown): number[][] | null {
  if (typeof m.predictProba !== "function") return null;
  try {
    return plain(m.predictProba(X)) as number[][];
  } catch (e) {
    if (e instanceof ValueError && /probabilit/i.test(e.message) && !/finite/.test(e.message)) {
      return null;
    }
    throw e;
  }
}

type Check = (c: CheckContext) => void | Promise<void>;

/** The battery, by name. Each check fits small models; all together take a fraction of a second. */
export const CHECKS: Record<string, Check> = {
  "fit returns this": (c) => {
    const m = c.make();
    assert(c.fit(m, c.data.X, c.data.y) === m, "fit must return the estimator");
  },

  "predict before fit": (c) => {
    const m = c.make();
    for (const method of ["predict", "predictProba", "transform"]) {
      if (typeof m[method] !== "function") continue;
      assertThrows(() => m[method](c.data.Xtest), NotFittedError, c.Cls.name);
    }
    assertThrows(() => m.nFeaturesIn, NotFittedError);
  },

  "options are checked": (c) => {
    assertCleanError(() => c.make({ notAnOption: 1 }), "unknown option", /notAnOption/);
    assertCleanError(() => new c.Cls(3), "positional argument");
  },

  "bad shapes": (c) => {
    const { X, y } = c.data;
    const m = c.make();
    assertCleanError(() => c.fit(m, X.map((r) => r[0]), y), "1-D X in fit");
    const ragged = clone(X);
    ragged[2] = ragged[2].slice(1);
    assertCleanError(() => c.fit(m, ragged, y), "ragged X", /ragged|row 2/);
    if (supervised(c.kind)) {
      assertThrows(() => c.fit(m, X, y.slice(1)), ShapeError, "they must match");
      assertCleanError(() => c.fit(m, X, y.map((v) => [v])), "2-D y");
    }
    c.fit(m, X, y);
    assertCleanError(() => c.output(m, c.data.Xtest[0]), "1-D X in predict");
  },

  "NaN and ±Infinity in fit": (c) => {
    for (const v of [NaN, Infinity, -Infinity]) {
      const X = clone(c.data.X);
      X[1][0] = v;
      if (Number.isNaN(v) && c.entry.missingValues) {
        c.fit(c.make(), X, c.data.y); // NaN is a missing value here
        continue;
      }
      assertCleanError(() => c.fit(c.make(), X, c.data.y), `X with ${v}`, /finite|NaN|Infinity/);
      if (supervised(c.kind)) {
        const y = [...c.data.y];
        y[1] = v;
        assertCleanError(() => c.fit(c.make(), c.data.X, y), `y with ${v}`);
      }
    }
  },

  "NaN and ±Infinity in predict": (c) => {
    const m = c.fit(c.make(), c.data.X, c.data.y);
    for (const v of [NaN, Infinity, -Infinity]) {
      const X = clone(c.data.Xtest);
      X[1][1] = v;
      if (Number.isNaN(v) && c.entry.missingValues) {
        assert(allFinite(c.output(m, X)), "prediction with a missing value");
        continue;
      }
      assertCleanError(() => c.output(m, X), `predict on ${v}`, /finite|NaN|Infinity/);
      if (proba(m, c.data.Xtest)) assertCleanError(() => m.predictProba(X), `predictProba on ${v}`);
    }
  },

  "empty input": (c) => {
    const m = c.make();
    assertCleanError(() => c.fit(m, [], []), "fit on no rows", /sample|empty/);
    assertCleanError(() => c.fit(m, c.data.X.map(() => []), c.data.y), "fit on no columns");
    c.fit(m, c.data.X, c.data.y);
    assertCleanError(() => c.output(m, []), "predict on no rows", /sample|empty/);
  },

  "single sample": (c) => {
    const m = c.make();
    const X = c.data.X.slice(0, 1);
    if (fitsOrRefuses(() => c.fit(m, X, c.data.y.slice(0, 1)), "1 row")) {
      assert(allFinite(c.output(m, X)), "non-finite output after a 1-row fit");
    }
  },

  "single class": (c) => {
    if (c.kind !== "classifier") return;
    const m = c.make();
    const y = c.data.y.map(() => c.data.y[0]);
    if (fitsOrRefuses(() => c.fit(m, c.data.X, y), "one class")) {
      assertEquals(m.predict(c.data.Xtest), c.data.Xtest.map(() => y[0]));
    }
  },

  "constant columns": (c) => {
    const X = c.data.X.map((r) => [...r, 1, 0]);
    const m = c.fit(c.make(), X, c.data.y);
    const out = c.output(m, c.data.Xtest.map((r) => [...r, 1, 0]));
    assert(allFinite(out), "non-finite output with constant columns");
    const P = proba(m, c.data.Xtest.map((r) => [...r, 1, 0]));
    if (P) assert(allFinite(P), "non-finite predictProba with constant columns");
  },

  "feature drift": (c) => {
    const m = c.fit(c.make(), c.data.X, c.data.y);
    const d = c.data.X[0].length;
    for (const cols of [d + 1, d - 1]) {
      const X = c.data.Xtest.map((r) => Array.from({ length: cols }, (_, j) => r[j] ?? 0));
      const pattern = new RegExp(
        `X has ${cols} features, but ${c.name} is expecting ${d} features as input\\.`,
      );
      assertThrows(() => c.output(m, X), ShapeError);
      assertCleanError(() => c.output(m, X), `${cols} features`, pattern);
    }
  },

  "labels as strings and numbers": (c) => {
    if (c.kind !== "classifier") return;
    const names = ["apple", "banana", "cherry"];
    const ys = c.data.y.map((v) => names[v as number]);
    const numeric = c.fit(c.make(), c.data.X, c.data.y);
    const strings = c.fit(c.make(), c.data.X, ys);
    const p = numeric.predict(c.data.Xtest) as number[];
    assert(p.every((v) => typeof v === "number"), "numeric labels predict numbers");
    assertEquals(strings.predict(c.data.Xtest), p.map((v) => names[v]));
    if ("classes" in numeric) {
      assertEquals(numeric.classes, [...new Set(c.data.y)].sort());
      assertEquals(strings.classes, names.slice(0, c.entry.nClasses ?? 3));
    }
  },

  "mixed label types": (c) => {
    if (c.kind !== "classifier") return;
    const y = c.data.y.map((v, i) => (i === 2 ? String(v) : v));
    assertCleanError(() => c.fit(c.make(), c.data.X, y), 'labels [0, 1, "2"]', /mix|type/i);
  },

  "continuous y for a classifier": (c) => {
    if (c.kind !== "classifier") return;
    const y = c.data.X.map((r) => r[0] + 0.123);
    assertCleanError(() => c.fit(c.make(), c.data.X, y), "float y", /continuous/i);
  },

  "seed determinism": (c) => {
    if (!("seed" in c.make().options)) return;
    const a = c.fit(c.make({ seed: 7 }), c.data.X, c.data.y);
    const b = c.fit(c.make({ seed: 7 }), c.data.X, c.data.y);
    assertIdentical(c.output(a, c.data.Xtest), c.output(b, c.data.Xtest), "same seed");
    assertEquals(JSON.stringify(a), JSON.stringify(b));
  },

  "inputs not mutated": (c) => {
    const X = clone(c.data.X), y = [...c.data.y];
    const typed = X.map((r) => Float64Array.from(r));
    const matrix = Matrix.from2D(X);
    const m = c.fit(c.make(), X, y);
    c.fit(c.make(), typed, y);
    c.fit(c.make(), matrix, y);
    c.output(m, X);
    c.output(m, matrix);
    assertEquals(X, c.data.X);
    assertEquals(y, c.data.y);
    assertEquals(typed.map((r) => Array.from(r)), c.data.X);
    assertEquals(matrix.toArray(), c.data.X);
  },

  "learned values not aliased": (c) => {
    const m = c.fit(c.make(), c.data.X, c.data.y);
    const before = c.output(m, c.data.Xtest);
    for (const name of learnedGetters(m)) {
      let value: unknown;
      try {
        value = m[name];
      } catch {
        continue; // a getter that needs something else (e.g. a pruning path on no tree)
      }
      if (typeof value !== "object" || value === null) continue;
      const saved = snapshot(value);
      scribble(value);
      assertEquals(snapshot(m[name]), saved, `${c.name}.${name} returns an internal array`);
    }
    assertIdentical(c.output(m, c.data.Xtest), before, "predictions after scribbling");
  },

  "JSON round trip": (c) => {
    const m = c.fit(c.make(), c.data.X, c.data.y);
    const json = JSON.parse(JSON.stringify(m));
    assertEquals(json.className, c.name);
    assertEquals(json.formatVersion, 1);
    const restored = c.Cls.fromJSON(json);
    assertIdentical(c.output(restored, c.data.Xtest), c.output(m, c.data.Xtest), "round trip");
    const P = proba(m, c.data.Xtest);
    if (P) assertIdentical(proba(restored, c.data.Xtest), P, "predictProba after a round trip");
    const fromText = c.Cls.fromJSON(JSON.stringify(m));
    assertIdentical(c.output(fromText, c.data.Xtest), c.output(m, c.data.Xtest), "from text");
    const unfitted = c.Cls.fromJSON(JSON.parse(JSON.stringify(c.make())));
    assertThrows(() => c.output(unfitted, c.data.Xtest), NotFittedError);
  },

  "fromJSON of garbage and of another class": (c) => {
    const garbage: unknown[] = [
      null,
      undefined,
      42,
      "not json",
      "[1, 2]",
      [],
      {},
      {
        className: c.name,
      },
      { className: c.name, options: null, state: null },
      {
        className: c.name,
        formatVersion: 99,
        options: {},
        state: null,
      },
    ];
    for (const g of garbage) {
      assertCleanError(() => c.Cls.fromJSON(g), `fromJSON(${JSON.stringify(g)})`);
    }
    const other = c.name === "StandardScaler" ? "LinearRegression" : "StandardScaler";
    assertCleanError(
      () =>
        c.Cls.fromJSON({ className: other, formatVersion: 1, options: { foo: 1 }, state: null }),
      "another class",
      new RegExp(`this is a ${other} model, not a ${c.name} model`),
    );
  },

  "every input format": async (c) => {
    const { X, y, Xtest } = c.data;
    const base = c.fit(c.make(), X, y);
    const expected = c.output(base, Xtest);
    const { DataFrame } = await import("danfojs");
    const columns = X[0].map((_, j) => `f${j}`);
    const formats: [string, (rows: number[][]) => unknown][] = [
      ["Float64Array rows", (rows) => rows.map((r) => Float64Array.from(r))],
      ["Matrix", (rows) => Matrix.from2D(rows)],
      ["danfojs DataFrame", (rows) => new DataFrame(rows, { columns })],
    ];
    for (const [what, convert] of formats) {
      const m = c.fit(c.make(), convert(X), y);
      assertIdentical(c.output(m, convert(Xtest)), expected, what);
      assertIdentical(c.output(base, convert(Xtest)), expected, `${what} at predict`);
    }
    if (c.kind === "regressor") {
      const m = c.fit(c.make(), X, Float64Array.from(y as number[]));
      assertIdentical(c.output(m, Xtest), expected, "y as Float64Array");
    }
  },

  "predictProba is a distribution that agrees with predict": (c) => {
    const m = c.fit(c.make(), c.data.X, c.data.y);
    const P = proba(m, c.data.Xtest);
    if (!P) return;
    // A classifier's columns follow `classes`; a clusterer's are its components 0..K−1.
    const classes = (m.classes as unknown[] | undefined) ?? P[0].map((_, k) => k);
    const yHat = m.predict(c.data.Xtest);
    P.forEach((row, i) => {
      assertEquals(row.length, classes.length);
      const sum = row.reduce((s, v) => s + v, 0);
      assert(Math.abs(sum - 1) < 1e-9 && row.every((p) => p >= 0 && p <= 1), `row ${i}: ${row}`);
      const best = row.indexOf(Math.max(...row));
      assertEquals(classes[best], yHat[i], `row ${i}: argmax of predictProba vs predict`);
    });
  },

  "score": (c) => {
    const m = c.fit(c.make(), c.data.X, c.data.y);
    if (!supervised(c.kind) || typeof m.score !== "function") return;
    const yHat = plain(m.predict(c.data.X));
    const s = m.score(c.data.X, c.data.y);
    if (c.kind === "classifier") {
      const acc = yHat.filter((v, i) => v === c.data.y[i]).length / yHat.length;
      assert(Math.abs(s - acc) < 1e-12, `score ${s} is not the accuracy ${acc}`);
    } else {
      const y = c.data.y as number[], mean = y.reduce((a, b) => a + b, 0) / y.length;
      const ssRes = y.reduce((a, v, i) => a + (v - (yHat[i] as number)) ** 2, 0);
      const ssTot = y.reduce((a, v) => a + (v - mean) ** 2, 0);
      assert(Math.abs(s - (1 - ssRes / ssTot)) < 1e-9, `score ${s} is not R²`);
    }
  },

  "sample weights: integer weights are repeated rows": (c) => {
    const { X, y, Xtest } = c.data;
    const n = X.length;
    // Probe: an estimator that takes sampleWeight refuses a negative one.
    const negative = Array.from({ length: n }, (_, i) => (i === 0 ? -1 : 1));
    let takesWeights = false;
    try {
      c.fit(c.make(), X, y, { sampleWeight: negative });
    } catch (e) {
      takesWeights = e instanceof ValueError && /sampleWeight/.test((e as Error).message);
    }
    if (!takesWeights) throw new SkipCheck("does not take sampleWeight");
    const ones = c.fit(c.make(), X, y, { sampleWeight: X.map(() => 1) });
    const plainFit = c.fit(c.make(), X, y);
    assertClose(
      plain(c.output(ones, Xtest)).flat() as number[],
      plain(c.output(plainFit, Xtest)).flat() as number[],
      1e-9,
      "unit weights vs no weights",
    );
    if ("seed" in c.make().options && !c.entry.deterministicWeights) {
      // Random draws over rows (bootstrap, shuffled mini-batches) differ between a weighted set
      // and its repeated rows; the equivalence holds in distribution only.
      throw new SkipCheck("randomised over rows: checked unit and uniform weights only");
    }
    const w = Array.from({ length: n }, (_, i) => [1, 2, 0, 3][i % 4]);
    const weighted = c.fit(c.make(), X, y, { sampleWeight: w });
    const rows = X.flatMap((r, i) => Array.from({ length: w[i] }, () => r));
    const targets = y.flatMap((v, i) => Array.from({ length: w[i] }, () => v));
    const repeated = c.fit(c.make(), rows, targets);
    const a = plain(c.output(weighted, Xtest)), b = plain(c.output(repeated, Xtest));
    if (c.kind === "classifier") assertEquals(a, b);
    else assertClose(a as number[], b as number[], 1e-6, "weighted vs repeated");
    const P = proba(weighted, Xtest);
    if (P) {
      assertClose(P.flat(), proba(repeated, Xtest)!.flat(), 1e-6, "proba, weighted vs repeated");
    }
  },
};

function assertClose(a: unknown[], b: unknown[], tol: number, what: string): void {
  assertEquals(a.length, b.length, what);
  a.forEach((v, i) => {
    if (typeof v === "number") {
      const e = b[i] as number;
      assert(Math.abs(v - e) <= tol * Math.max(1, Math.abs(e)), `${what}: ${v} vs ${e} at ${i}`);
    } else assertEquals(v, b[i], `${what} at ${i}`);
  });
}

/** Thrown by a check that finds it does not apply (reported, not failed). */
export class SkipCheck extends Error {
  override name = "SkipCheck";
}

function nRows(X: unknown): number {
  if (X instanceof Matrix) return X.rows;
  if (X && typeof X === "object" && "shape" in X) return (X as { shape: number[] }).shape[0];
  return (X as ArrayLike<unknown>)?.length ?? 0;
}

/** Whether a message refuses a multiclass target ("binary classifier", "exactly 2 classes"). */
const BINARY_ONLY = /binary|exactly 2 classes|two classes/i;

/** Builds the context of one estimator class. */
export function checkContext(name: string, Cls: EstimatorClass, entry: CheckEntry): CheckContext {
  const kind = inferKind(Cls, entry);
  if (!kind) {
    throw new Error(
      `estimator ${name} has no entry in the data-kind table and no static estimatorKind: ` +
        `set 'static override readonly estimatorKind = "classifier" | "regressor" | ...' on it.`,
    );
  }
  const unsupervised = kind === "transformer" || kind === "clusterer";
  const c: CheckContext = {
    Cls,
    name,
    kind,
    entry,
    data: makeData(kind, entry),
    make: (options = {}) => new Cls({ ...entry.options, ...options }),
    fit: (model, X, y, fitOptions) => {
      const extra = entry.fitOptions?.(nRows(X));
      const all = extra || fitOptions ? { ...extra, ...(fitOptions as object) } : undefined;
      if (unsupervised) return all ? model.fit(X, undefined, all) : model.fit(X);
      return all ? model.fit(X, y, all) : model.fit(X, y);
    },
    output: (model, X) => plain(kind === "transformer" ? model.transform(X) : model.predict(X)),
  };
  if (kind === "classifier" && !entry.nClasses) {
    // A binary-only classifier says so when given three classes: it gets two-class data.
    try {
      c.fit(c.make(), c.data.X, c.data.y);
    } catch (e) {
      if (!(e instanceof ValueError && BINARY_ONLY.test(e.message))) throw e;
      c.entry = { ...entry, nClasses: 2 };
      c.data = makeData(kind, c.entry);
    }
  }
  return c;
}
