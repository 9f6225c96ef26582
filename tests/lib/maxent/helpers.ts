/** Shared by the lib/maxent tests: fixtures and a max-abs difference. */

/** Reads tests/fixtures/<name>.json. */
export function fixture<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(Deno.readTextFileSync(new URL(`../../fixtures/${name}.json`, import.meta.url)));
}

/** max |aᵢ − bᵢ| over equal-length arrays (throws on a length mismatch). */
export function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`lengths differ: ${a.length} and ${b.length}`);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

/** The categorical fixture written by tools/fixtures_maxent.py. */
export interface SklearnFit {
  C: number | null;
  fitIntercept: boolean;
  classes: string[];
  coef: number[][];
  intercept: number[];
  predictProba: number[][];
  meanLogLikelihood: number;
}

export interface CategoricalFixture {
  columns: string[];
  categories: string[][];
  rows: string[][];
  labels: string[];
  multinomialNone: SklearnFit;
  multinomialL2: SklearnFit;
  multinomialL2Intercept: SklearnFit;
  binaryRows: number[];
  binaryL2: SklearnFit;
}

/**
 * MaxEnt weights of "all" indicator features, ordered (column, value, class), as a
 * (nClasses, nOneHotColumns) matrix comparable to scikit-learn's coef_.
 */
export function weightsByClass(weights: ArrayLike<number>, nClasses: number): number[][] {
  const cols = weights.length / nClasses;
  return Array.from(
    { length: nClasses },
    (_, c) => Array.from({ length: cols }, (_, j) => weights[j * nClasses + c]),
  );
}
