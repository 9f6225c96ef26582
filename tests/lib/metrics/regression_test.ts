import { assertAlmostEquals, assertEquals, assertThrows } from "@std/assert";
import { Matrix, Random, ShapeError, ValueError } from "../../../lib/core/mod.ts";
import {
  meanAbsoluteError,
  meanSquaredError,
  meanSquaredErrorGradient,
  r2Score,
  type RegressionOptions,
  rootMeanSquaredError,
} from "../../../lib/metrics/mod.ts";

// scikit-learn's documented examples (its docstrings), the values a reader can check by hand.
const Y = [[0.5, 1], [-1, 1], [7, -6]];
const P = [[0, 2], [-1, 2], [8, -5]];

Deno.test("MSE, RMSE, MAE and R² on scikit-learn's documented examples", () => {
  assertEquals(meanSquaredError([3, -0.5, 2, 7], [2.5, 0, 2, 8]), 0.375);
  assertAlmostEquals(meanSquaredError(Y, P), 0.7083333333333334, 1e-15);
  assertAlmostEquals(
    rootMeanSquaredError([3, -0.5, 2, 7], [2.5, 0, 2, 8]),
    Math.sqrt(0.375),
    1e-15,
  );
  assertEquals(meanAbsoluteError([3, -0.5, 2, 7], [2.5, 0, 2, 8]), 0.5);
  assertEquals(meanAbsoluteError(Y, P), 0.75);
  assertEquals(meanAbsoluteError(Y, P, { multioutput: "rawValues" }), [0.5, 1]);
  assertAlmostEquals(meanAbsoluteError(Y, P, { multioutput: [0.3, 0.7] }), 0.85, 1e-15);
  assertAlmostEquals(r2Score([3, -0.5, 2, 7], [2.5, 0, 2, 8]), 0.9486081370449679, 1e-15);
  assertAlmostEquals(r2Score(Y, P, { multioutput: "varianceWeighted" }), 0.9382566585956417, 1e-15);
  assertEquals(r2Score([1, 2, 3], [2, 2, 2]), 0);
  assertEquals(r2Score([1, 2, 3], [3, 2, 1]), -3);
  assertEquals(r2Score([-2, -2, -2], [-2, -2, -2]), 1);
  assertEquals(r2Score([-2, -2, -2], [-2, -2, -2], { forceFinite: false }), NaN);
  assertEquals(r2Score([-2, -2, -2], [-2, -2, -1.99999999]), 0);
  assertEquals(r2Score([-2, -2, -2], [-2, -2, -1.99999999], { forceFinite: false }), -Infinity);
});

Deno.test("weights: a weight of 2 equals repeating the sample", () => {
  const y = [1, 4, -2, 0.5], p = [1.5, 3, -2.5, 2];
  const weighted = { sampleWeight: [1, 2, 1, 1] };
  const repeated = [[1, 4, 4, -2, 0.5], [1.5, 3, 3, -2.5, 2]];
  assertAlmostEquals(meanSquaredError(y, p, weighted), meanSquaredError(repeated[0], repeated[1]));
  assertAlmostEquals(
    meanAbsoluteError(y, p, weighted),
    meanAbsoluteError(repeated[0], repeated[1]),
  );
  assertAlmostEquals(r2Score(y, p, weighted), r2Score(repeated[0], repeated[1]), 1e-14);
});

Deno.test("inputs: Matrix, typed arrays and a 2-D single column agree with 1-D", () => {
  const y = [1, 2, 3, 5], p = [1.5, 2, 2, 4];
  const expected = meanSquaredError(y, p);
  assertEquals(meanSquaredError(Float64Array.from(y), Float64Array.from(p)), expected);
  assertEquals(meanSquaredError(Matrix.column(y), p), expected);
  assertEquals(meanSquaredError(y.map((v) => [v]), p.map((v) => [v])), expected);
});

/** Central differences of the scalar MSE with respect to each prediction. */
function numericGradient(y: number[][], p: number[][], options: RegressionOptions) {
  const h = 1e-6;
  return p.map((row, i) =>
    row.map((_, j) => {
      const up = p.map((r) => r.slice()), down = p.map((r) => r.slice());
      up[i][j] += h;
      down[i][j] -= h;
      return (meanSquaredError(y, up, options as never) -
        meanSquaredError(y, down, options as never)) /
        (2 * h);
    })
  );
}

Deno.test("meanSquaredErrorGradient matches central finite differences", () => {
  const rng = new Random(7);
  const y = Array.from({ length: 6 }, () => [rng.normal(), rng.normal(), rng.normal()]);
  const p = y.map((r) => r.map((v) => v + rng.normal()));
  const settings: RegressionOptions[] = [
    {},
    { sampleWeight: [0.5, 2, 0, 1, 3, 0.25] },
    { multioutput: [0.2, 1, 3] },
    { sampleWeight: [1, 1, 2, 2, 3, 3], multioutput: [1, 0, 2] },
  ];
  for (const options of settings) {
    const analytic = meanSquaredErrorGradient(y, p, options);
    const numeric = numericGradient(y, p, options);
    for (let i = 0; i < y.length; i++) {
      for (let j = 0; j < 3; j++) assertAlmostEquals(analytic[i][j], numeric[i][j], 1e-8);
    }
  }
  // 1-D in, 1-D out: 2 (ŷ − y) / n.
  assertEquals(meanSquaredErrorGradient([1, 2, 3, 4], [2, 2, 5, 0]), [0.5, 0, 1, -2]);
});

Deno.test("regression metrics reject inconsistent input with clear messages", () => {
  assertThrows(
    () => meanSquaredError([1, 2, 3], [1, 2]),
    ShapeError,
    "yPred has 2 values, but yTrue has 3 samples; they must match.",
  );
  assertThrows(
    () => meanSquaredError(Y, [[1], [2], [3]]),
    ShapeError,
    "numbers of outputs: 2 and 1",
  );
  assertThrows(
    () => meanSquaredError([1, NaN], [1, 2]),
    ValueError,
    "yTrue must contain only finite",
  );
  assertThrows(
    () => meanSquaredError([1, 2], [1, 2], { multioutput: "variance" as never }),
    ValueError,
    "The 'multioutput' option must be one of",
  );
  assertThrows(
    () => r2Score([1, 2], [1, 2], { multioutput: [1, 2] }),
    ValueError,
    "only useful with several outputs",
  );
  assertThrows(() => meanSquaredError(Y, P, { multioutput: [1, 2, 3] }), ShapeError, "3 weights");
  assertThrows(() => meanSquaredError([1, 2], [1, 2], { sampleWeight: [1] }), ShapeError);
  assertThrows(
    () => meanSquaredError([1, 2], [1, 2], { sampleWeight: [1, -1] }),
    ValueError,
    "non-negative",
  );
  assertThrows(
    () => meanSquaredError([1, 2], [1, 2], { sampleWeight: [0, 0] }),
    ValueError,
    "sums to zero",
  );
  assertThrows(
    () => meanSquaredErrorGradient(Y, P, { multioutput: "rawValues" }),
    ValueError,
    "scalar loss",
  );
  assertEquals(r2Score([1], [2]), NaN); // undefined with one sample, as scikit-learn
});
