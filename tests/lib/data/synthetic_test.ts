import {
  assert,
  assertAlmostEquals,
  assertEquals,
  assertLess,
  assertNotEquals,
  assertThrows,
} from "@std/assert";
import { ShapeError, ValueError } from "../../../lib/core/errors.ts";
import { lstsq } from "../../../lib/core/linalg.ts";
import { Matrix } from "../../../lib/core/matrix.ts";
import { makeBlobs, makeMoons, makeTwoGaussians, syntheticData } from "../../../lib/data/mod.ts";

const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
const std = (v: number[]) => {
  const m = mean(v);
  return Math.sqrt(v.reduce((s, x) => s + (x - m) ** 2, 0) / (v.length - 1));
};

Deno.test("syntheticData: the same seed gives the same data, another seed other data", () => {
  const a = syntheticData([2, -3.4], 4.2, 50, { seed: 7 });
  assertEquals(syntheticData([2, -3.4], 4.2, 50, { seed: 7 }), a);
  assertNotEquals(syntheticData([2, -3.4], 4.2, 50, { seed: 8 }).X, a.X);
  assertEquals(a.X.length, 50);
  assert(a.X.every((row) => row.length === 2));
  // The noise level does not change the features.
  assertEquals(syntheticData([2, -3.4], 4.2, 50, { seed: 7, noise: 1 }).X, a.X);
});

Deno.test("syntheticData: X ~ N(0, 1), noise ~ N(0, 0.01²), least squares recovers w and b", () => {
  const w = [2, -3.4], b = 4.2, n = 2000;
  const { X, y } = syntheticData(w, b, n, { seed: 0 });
  const features = X.flat();
  // Sample mean within 4 standard errors (1/√4000), sample std within 5%.
  assertLess(Math.abs(mean(features)), 4 / Math.sqrt(features.length));
  assertAlmostEquals(std(features), 1, 0.05);
  const noise = y.map((t, i) => t - (X[i][0] * w[0] + X[i][1] * w[1] + b));
  assertLess(Math.abs(mean(noise)), 4 * 0.01 / Math.sqrt(n));
  assertAlmostEquals(std(noise), 0.01, 0.0005);
  // OLS with an intercept column: standard error ≈ 0.01/√2000 ≈ 2.2e-4 per coefficient.
  const design = Matrix.from2D(X.map((row) => [...row, 1]));
  const coef = lstsq(design, Matrix.column(y)).data;
  assertAlmostEquals(coef[0], 2, 1e-3);
  assertAlmostEquals(coef[1], -3.4, 1e-3);
  assertAlmostEquals(coef[2], 4.2, 1e-3);
});

Deno.test("syntheticData with noise 0 is exactly linear", () => {
  const { X, y } = syntheticData([1.5, 0, -2, 0.25], -1, 30, { noise: 0, seed: 3 });
  y.forEach((t, i) => {
    const x = X[i];
    assertAlmostEquals(t, 1.5 * x[0] - 2 * x[2] + 0.25 * x[3] - 1, 1e-12);
  });
});

Deno.test("syntheticData rejects bad arguments with their names", () => {
  assertThrows(() => syntheticData([], 0, 10), ShapeError, "w must have at least one weight");
  assertThrows(() => syntheticData([1, NaN], 0, 10), ValueError, "w must contain only finite");
  assertThrows(() => syntheticData([1], Infinity, 10), ValueError, "b must contain only finite");
  assertThrows(
    () => syntheticData([1], 0, 0),
    ValueError,
    "The 'n' option must be an integer >= 1. Got 0 instead.",
  );
  assertThrows(
    () => syntheticData([1], 0, 5, { noise: -1 }),
    ValueError,
    "The 'noise' option must be a number >= 0. Got -1 instead.",
  );
  assertThrows(() => syntheticData([1], 0, 5, { seed: 1.5 }), ValueError, "seed");
});

Deno.test("makeBlobs: blob sizes, blob means near their centres, seeded", () => {
  const { X, y, centers } = makeBlobs({ nSamples: 10, centers: 3, seed: 1, shuffle: false });
  assertEquals(y, [0, 0, 0, 0, 1, 1, 1, 2, 2, 2]);
  assertEquals(centers.length, 3);
  assert(centers.flat().every((c) => c >= -10 && c < 10));
  assertEquals(X.length, 10);

  const big = makeBlobs({
    nSamples: 3000,
    centers: [[0, 0], [5, 5], [-5, 5]],
    clusterStd: [0.5, 1, 2],
    seed: 4,
  });
  assertEquals(
    big,
    makeBlobs({
      nSamples: 3000,
      centers: [[0, 0], [5, 5], [-5, 5]],
      clusterStd: [0.5, 1, 2],
      seed: 4,
    }),
  );
  [[0, 0], [5, 5], [-5, 5]].forEach((c, k) => {
    const members = big.X.filter((_, i) => big.y[i] === k);
    assertEquals(members.length, 1000);
    const sigma = [0.5, 1, 2][k];
    for (let j = 0; j < 2; j++) {
      const column = members.map((x) => x[j]);
      assertAlmostEquals(mean(column), c[j], 4 * sigma / Math.sqrt(1000));
      assertAlmostEquals(std(column), sigma, 0.1 * sigma);
    }
  });
  // Shuffled by default: the labels are not in blob order.
  assertNotEquals(big.y.slice(0, 1000), new Array(1000).fill(0));
});

Deno.test("makeBlobs rejects inconsistent centres and stds", () => {
  assertThrows(() => makeBlobs({ centers: [[0, 0], [1]] }), ShapeError, "centers[1] has 1 values");
  assertThrows(
    () => makeBlobs({ centers: 2, clusterStd: [1, 2, 3] }),
    ShapeError,
    "clusterStd has 3 values, but there are 2 centres.",
  );
  assertThrows(() => makeBlobs({ clusterStd: -1 }), ValueError, "'clusterStd' option");
  assertThrows(() => makeBlobs({ nSamples: 0 }), ValueError, "'nSamples' option must be");
  assertThrows(() => makeBlobs({ centers: [] }), ShapeError, "at least one centre");
});

Deno.test("makeTwoGaussians: means classSep apart, balanced, separable when far apart", () => {
  const { X, y, means } = makeTwoGaussians({ nSamples: 401, nFeatures: 3, classSep: 12, seed: 2 });
  const gap = Math.hypot(...means[1].map((m, j) => m - means[0][j]));
  assertAlmostEquals(gap, 12, 1e-12);
  assertEquals(y.filter((v) => v === 0).length, 200);
  assertEquals(y.filter((v) => v === 1).length, 201);
  // Projection on u = (1,1,1)/√3 puts class means at ±6 with unit spread: all on their side.
  X.forEach((x, i) => assertEquals(x[0] + x[1] + x[2] > 0 ? 1 : 0, y[i]));
  assertEquals(makeTwoGaussians({ nSamples: 401, nFeatures: 3, classSep: 12, seed: 2 }).X, X);
  assertThrows(() => makeTwoGaussians({ nSamples: 1 }), ValueError, "'nSamples' option");
  assertThrows(() => makeTwoGaussians({ std: NaN }), ValueError, "'std' option");
});

interface MoonsFixture {
  nSamples: number | [number, number];
  X: number[][];
  y: number[];
}
const moonsFixture = (JSON.parse(
  Deno.readTextFileSync(new URL("../../fixtures/datasets.json", import.meta.url)),
) as { moons: MoonsFixture[] }).moons;

Deno.test("makeMoons without noise or shuffling equals scikit-learn's make_moons", () => {
  for (const ref of moonsFixture) {
    const { X, y } = makeMoons({ nSamples: ref.nSamples, shuffle: false });
    assertEquals(y, ref.y);
    X.forEach((x, i) => {
      assertAlmostEquals(x[0], ref.X[i][0], 1e-15);
      assertAlmostEquals(x[1], ref.X[i][1], 1e-15);
    });
  }
});

Deno.test("makeMoons: shuffling permutes the points, noise has the asked spread", () => {
  const clean = makeMoons({ nSamples: 2000, shuffle: false });
  const shuffled = makeMoons({ nSamples: 2000, seed: 5 });
  const key = (x: number[], label: number) => `${x[0]},${x[1]},${label}`;
  assertEquals(
    shuffled.X.map((x, i) => key(x, shuffled.y[i])).sort(),
    clean.X.map((x, i) => key(x, clean.y[i])).sort(),
  );
  assertNotEquals(shuffled.y, clean.y);
  const noisy = makeMoons({ nSamples: 2000, noise: 0.1, shuffle: false, seed: 5 });
  const residuals = noisy.X.flatMap((x, i) => [x[0] - clean.X[i][0], x[1] - clean.X[i][1]]);
  assertAlmostEquals(std(residuals), 0.1, 0.005);
  assertEquals(
    makeMoons({ nSamples: 50, noise: 0.2, seed: 9 }),
    makeMoons({ nSamples: 50, noise: 0.2, seed: 9 }),
  );
  assertThrows(() => makeMoons({ nSamples: [0, 3] }), ValueError, "'nSamples[0]' option");
  assertThrows(() => makeMoons({ noise: -0.1 }), ValueError, "'noise' option");
});
