/**
 * Parity with scikit-learn on seeded random cases (tools/fixtures_metrics.py): ties, sample
 * weights (with zeros), string labels, multiclass, every averaging and normalization mode.
 * Every number must agree to 1e-12 (relative above 1), every report text character for character.
 */
import { assert, assertEquals } from "@std/assert";
import * as metrics from "../../../lib/metrics/mod.ts";

interface Case {
  name: string;
  fn: string;
  input: number;
  weights?: number;
  options: Record<string, unknown> | null;
  expected: unknown;
}

interface Fixture {
  sklearn: string;
  inputs: unknown[][];
  cases: Case[];
}

/** JSON has no NaN/Infinity: the generator writes them as strings. */
function revive(x: unknown): unknown {
  if (x === "NaN") return NaN;
  if (x === "Infinity") return Infinity;
  if (x === "-Infinity") return -Infinity;
  if (Array.isArray(x)) return x.map(revive);
  if (x !== null && typeof x === "object") {
    return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, revive(v)]));
  }
  return x;
}

function load(name: string): Fixture {
  const url = new URL(`../../fixtures/metrics_${name}.json`, import.meta.url);
  return JSON.parse(Deno.readTextFileSync(url));
}

const TOL = 1e-12;

/** Describes the first difference between actual and expected, or returns undefined. */
function difference(actual: unknown, expected: unknown, path = ""): string | undefined {
  if (typeof expected === "number") {
    if (typeof actual !== "number") return `${path}: expected ${expected}, got ${actual}`;
    if (Number.isNaN(expected)) {
      return Number.isNaN(actual) ? undefined : `${path}: ${actual} ≠ NaN`;
    }
    if (!Number.isFinite(expected)) return actual === expected ? undefined : `${path}: ${actual}`;
    const ok = Math.abs(actual - expected) <= TOL * Math.max(1, Math.abs(expected));
    return ok ? undefined : `${path}: ${actual} ≠ ${expected} (diff ${actual - expected})`;
  }
  if (expected === null) return actual === null ? undefined : `${path}: expected null`;
  if (typeof expected === "string") {
    return actual === expected ? undefined : `${path}:\n${actual}\n≠\n${expected}`;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      return `${path}: length ${
        Array.isArray(actual) ? actual.length : typeof actual
      } ≠ ${expected.length}`;
    }
    for (let i = 0; i < expected.length; i++) {
      const d = difference(actual[i], expected[i], `${path}[${i}]`);
      if (d) return d;
    }
    return undefined;
  }
  if (typeof expected === "object") {
    const a = actual as Record<string, unknown>;
    if (a === null || typeof a !== "object") return `${path}: expected an object`;
    const extra = Object.keys(a).filter((k) => !(k in (expected as object)));
    if (extra.length) return `${path}: unexpected keys ${extra}`;
    for (const [k, v] of Object.entries(expected as object)) {
      const d = difference(a[k], v, `${path}.${k}`);
      if (d) return d;
    }
    return undefined;
  }
  return `${path}: unhandled expected value ${expected}`;
}

type MetricFn = (...args: unknown[]) => unknown;

function run(c: Case, fixture: Fixture): unknown {
  const fn = (metrics as unknown as Record<string, MetricFn>)[c.fn];
  assert(typeof fn === "function", `lib/metrics has no ${c.fn}`);
  const args = fixture.inputs[c.input];
  const options = revive(c.options ?? {}) as Record<string, unknown>;
  if (c.weights !== undefined) options.sampleWeight = fixture.inputs[c.weights];
  const result = c.options === null ? fn(...args) : fn(...args, options);
  if (result instanceof metrics.ClassificationReport) {
    return { text: result.text, dict: result.toDict() };
  }
  return result;
}

function checkFile(name: string, expectedCases: number) {
  const fixture = load(name);
  Deno.test(`scikit-learn ${fixture.sklearn} parity: ${name} (${fixture.cases.length} cases)`, () => {
    // A regenerated fixture that silently lost its cases would make this test vacuous.
    assertEquals(fixture.cases.length, expectedCases);
    const failures: string[] = [];
    for (const c of fixture.cases) {
      try {
        const d = difference(run(c, fixture), revive(c.expected));
        if (d) failures.push(`${c.name} (${c.fn}) ${d}`);
      } catch (e) {
        failures.push(`${c.name} (${c.fn}) threw ${(e as Error).message}`);
      }
    }
    assertEquals(failures.slice(0, 10), [], `${failures.length} of ${fixture.cases.length} failed`);
  });
}

checkFile("regression", 262);
checkFile("classification", 1256);
checkFile("curves", 295);
checkFile("ranking", 210);
checkFile("report", 14);

Deno.test("fixtures cover the features the spec names", () => {
  const all = ["regression", "classification", "curves", "ranking", "report"].map(load);
  const cases = all.flatMap((f) => f.cases);
  const has = (pred: (c: Case) => boolean) => cases.some(pred);
  assert(has((c) => c.weights !== undefined), "sample weights");
  assert(has((c) => c.fn === "rocCurve" && c.options?.posLabel === "yes"), "string labels");
  assert(has((c) => c.fn === "rocAucScore" && c.options?.multiClass === "ovo"), "ovo");
  assert(has((c) => c.fn === "ndcgScore" && c.options?.k === 1), "ndcg@1");
  assert(has((c) => c.fn === "confusionMatrix" && c.options?.normalize === "pred"), "normalize");
  assert(has((c) => c.fn === "fbetaScore" && c.options?.beta === "Infinity"), "beta = ∞");
  const fns = new Set(cases.map((c) => c.fn));
  // Metrics whose scikit-learn fixture lives in a file of its own (tested beside it).
  const ownFixture: Record<string, string> = { meanAveragePrecisionScore: "ranking_map.json" };
  for (const [fn, file] of Object.entries(ownFixture)) {
    const url = new URL(`../../fixtures/${file}`, import.meta.url);
    assert(Deno.statSync(url).size > 0, `${file} (the fixture of ${fn}) is empty`);
    fns.add(fn);
  }
  for (const fn of Object.keys(metrics)) {
    const isMetric = typeof (metrics as Record<string, unknown>)[fn] === "function" &&
      !["ClassificationReport", "meanSquaredErrorGradient", "crossEntropyLoss"].includes(fn);
    if (isMetric) assert(fns.has(fn), `no scikit-learn fixture for ${fn}`);
  }
});
