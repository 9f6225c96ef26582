/**
 * The data the benchmarks time on, built once per bench file and outside the timed functions
 * (conversion to `Matrix` included), so a bench measures the algorithm and its input checks only.
 * Shapes and generator settings come from `bench/cases.json`, which `tools/bench_sklearn.py`
 * reads too.
 *
 * @module
 */
import { Matrix } from "../lib/core/matrix.ts";
import { Random } from "../lib/core/random.ts";
import { loadBreastCancer, loadDiabetes, loadDigits } from "../lib/data/toy.ts";
import { syntheticData } from "../lib/data/synthetic.ts";
import { StandardScaler } from "../lib/preprocessing/standard_scaler.ts";
import spec from "./cases.json" with { type: "json" };

/** One case of `cases.json`. */
export interface CaseSpec {
  id: string;
  task: string;
  sklearn: string;
  shape: number[];
  repeats: number;
}

/** Every case, in the order of `cases.json`. */
export const CASES: readonly CaseSpec[] = spec.cases;

/** Warm-up runs before the timed ones (both sides). */
export const WARMUP: number = spec.warmup;

/** The spec of case `id`; throws on an unknown id so a typo cannot silently drop a case. */
export function caseSpec(id: string): CaseSpec {
  const found = CASES.find((c) => c.id === id);
  if (!found) throw new Error(`bench/cases.json has no case "${id}".`);
  return found;
}

/** Features as a checked `Matrix` and as the `number[][]` the trees take, with targets. */
export interface BenchData {
  X: Matrix;
  rows: number[][];
  y: Float64Array;
}

function fromRows(rows: number[][], y: ArrayLike<number>): BenchData {
  return { X: Matrix.from2D(rows), rows, y: Float64Array.from(y) };
}

/** scikit-learn's scaled diabetes, (442, 10). */
export function diabetes(): BenchData {
  const { X, y } = loadDiabetes();
  return fromRows(X, y);
}

/** Breast cancer (569, 30) as is (for the trees). */
export function breastCancer(): BenchData {
  const { X, y } = loadBreastCancer();
  return fromRows(X, y);
}

/** Breast cancer standardized by StandardScaler (for logistic regression). */
export function breastCancerStandardized(): BenchData {
  const { X, y } = breastCancer();
  const Z = new StandardScaler().fitTransform(X);
  return { X: Z, rows: Z.toArray(), y };
}

/** Digits (1797, 64): raw pixel counts 0..16. */
export function digits(): BenchData {
  const { X, y } = loadDigits();
  return fromRows(X, y);
}

/** Digits scaled to [0, 1] by dividing by 16 (for logistic regression and the MLP). */
export function digitsScaled(): BenchData {
  const { X, y } = loadDigits();
  return fromRows(X.map((row) => row.map((v) => v / 16)), y);
}

/** The synthetic regression set of `cases.json` ("synthetic"), shape (nSamples, w.length). */
export function synthetic(nSamples: number): BenchData & { w: number[]; b: number } {
  const { w, b, noise, seed } = spec.synthetic;
  const { X, y } = syntheticData(w, b, nSamples, { noise, seed });
  return { ...fromRows(X, y), w, b };
}

/** Binary labels y ~ Bernoulli(½) and scores y + N(0, 1), n of each ("scored" in cases.json). */
export function scored(n: number): { y: Float64Array; score: Float64Array } {
  const rng = new Random(spec.scored.seed);
  const y = new Float64Array(n), score = new Float64Array(n);
  for (let i = 0; i < n; i++) y[i] = rng.uniform() < 0.5 ? 1 : 0;
  for (let i = 0; i < n; i++) score[i] = y[i] + rng.normal();
  return { y, score };
}
