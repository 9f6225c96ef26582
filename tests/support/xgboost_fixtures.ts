/**
 * The XGBoost 1.7 fixtures of tests/fixtures/xgboost/ (written by
 * tools/fixtures_xgboost_files.py): per case a model file and what XGBoost predicted with it,
 * and the comparison of our predictions with theirs.
 *
 * @module
 */
import { assertEquals } from "@std/assert";
import { Booster } from "../../lib/ensemble/mod.ts";

const dir = new URL("../fixtures/xgboost/", import.meta.url);

/** The fixture cases, one objective or booster each. */
export const XGBOOST_CASES = [
  "reg_squarederror",
  "binary_logistic",
  "binary_logistic_base",
  "reg_logistic",
  "multi_softprob",
  "rank_pairwise",
  "rank_ndcg",
  "count_poisson",
  "dart_binary",
  "forest_regression",
] as const;

/** What XGBoost computed for one case (`<name>.json`). */
export interface XGBoostCase {
  /** Boosting rounds of the model. */
  rounds: number;
  /** Inputs (null = missing). */
  X: (number | null)[][];
  /** `predict`. */
  predict: number[] | number[][];
  /** `predict(output_margin=True)`. */
  margin: number[] | number[][];
  /** `predict(iteration_range=(1, 3))`. */
  predictRounds1to3: number[] | number[][];
  /** `predict(pred_leaf=True)` of the first rows. */
  leaf: number[][];
}

/** The text of a file under tests/fixtures/xgboost/. */
export function readXGBoostFixture(path: string): string {
  return Deno.readTextFileSync(new URL(path, dir));
}

/** One case: our Booster read from XGBoost's model file, and what XGBoost predicted. */
export function loadXGBoostCase(name: string): { booster: Booster; expected: XGBoostCase } {
  return {
    booster: Booster.fromXGBoostJSON(readXGBoostFixture(`${name}.model.json`)),
    expected: JSON.parse(readXGBoostFixture(`${name}.json`)),
  };
}

/** Predictions (flat or per class) as one flat list. */
export function flat(a: Float64Array | number[][] | number[]): number[] {
  return a instanceof Float64Array ? Array.from(a) : (a as (number | number[])[]).flat();
}

/**
 * The largest |ours − theirs| (relative: divided by max(1, |theirs|)) over all entries; the
 * two must have the same number of entries.
 */
export function maxError(
  ours: Float64Array | number[][] | number[],
  theirs: Float64Array | number[][] | number[],
  relative = false,
): number {
  const a = flat(ours), b = flat(theirs);
  assertEquals(a.length, b.length, "number of predictions");
  return Math.max(
    ...a.map((v, i) => Math.abs(v - b[i]) / (relative ? Math.max(1, Math.abs(b[i])) : 1)),
  );
}
