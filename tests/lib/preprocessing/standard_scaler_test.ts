import { assertAlmostEquals, assertEquals, assertThrows } from "@std/assert";
import { Matrix, NotFittedError, ShapeError, ValueError } from "../../../lib/core/mod.ts";
import { loadToyDataset } from "../../../lib/data/mod.ts";
import { StandardScaler } from "../../../lib/preprocessing/mod.ts";

Deno.test("StandardScaler: mean, population std, transform by hand", () => {
  const X = [[1, 10], [2, 20], [6, 60]];
  const s = new StandardScaler().fit(X);
  assertEquals(Array.from(s.mean), [3, 30]);
  // population variance of [1, 2, 6]: ((−2)² + (−1)² + 3²) / 3 = 14/3
  assertAlmostEquals(s.variance[0], 14 / 3, 1e-15);
  assertAlmostEquals(s.scale[1], 10 * Math.sqrt(14 / 3), 1e-12);
  const Z = s.transform(X);
  assertAlmostEquals(Z.get(2, 0), 3 / Math.sqrt(14 / 3), 1e-15);
  assertAlmostEquals(Z.get(0, 1), -2 / Math.sqrt(14 / 3), 1e-15);
  assertEquals(s.nSamplesSeen, 3);
  assertEquals(s.nFeaturesIn, 2);
});

Deno.test("StandardScaler: columns of the output have mean 0 and std 1", () => {
  const { X } = loadToyDataset("wine");
  const Z = new StandardScaler().fitTransform(X);
  const mean = Z.mean(0);
  for (let j = 0; j < Z.cols; j++) {
    assertAlmostEquals(mean[j], 0, 1e-12);
    let ss = 0;
    for (let i = 0; i < Z.rows; i++) ss += (Z.get(i, j) - mean[j]) ** 2;
    assertAlmostEquals(Math.sqrt(ss / Z.rows), 1, 1e-12);
  }
});

Deno.test("StandardScaler: same statistics as scikit-learn's on three data sets (fixtures)", () => {
  for (const name of ["breast_cancer", "iris", "wine"] as const) {
    const fx = JSON.parse(
      Deno.readTextFileSync(new URL(`../../fixtures/logistic_${name}.json`, import.meta.url)),
    );
    const s = new StandardScaler().fit(loadToyDataset(name).X);
    s.mean.forEach((m, j) => assertAlmostEquals(m, fx.scalerMean[j], 1e-12 * Math.abs(m) + 1e-14));
    s.scale.forEach((v, j) => assertAlmostEquals(v, fx.scalerScale[j], 1e-12 * v));
  }
});

Deno.test("StandardScaler: inverseTransform undoes transform", () => {
  const X = [[1.5, -2, 3], [0, 4, 3], [7, 1, 3]];
  const s = new StandardScaler().fit(X);
  const back = s.inverseTransform(s.transform(X));
  X.forEach((row, i) => row.forEach((v, j) => assertAlmostEquals(back.get(i, j), v, 1e-12)));
});

Deno.test("StandardScaler: a constant column gets scale 1 and maps to 0, not NaN", () => {
  const s = new StandardScaler().fit([[5, 1], [5, 2], [5, 3]]);
  assertEquals(s.scale[0], 1);
  assertEquals(s.transform([[5, 2]]).toArray(), [[0, 0]]);
  // 0.1 + 0.2 style round-off must not count as variance either.
  const t = new StandardScaler().fit([[0.1 + 0.2], [0.3], [0.3]]);
  assertEquals(t.scale[0], 1);
});

Deno.test("StandardScaler: withMean / withStd switch each step off", () => {
  const X = [[1], [3]];
  assertEquals(new StandardScaler({ withMean: false }).fitTransform(X).toArray(), [[1], [3]]);
  assertEquals(new StandardScaler({ withStd: false }).fitTransform(X).toArray(), [[-1], [1]]);
  const both = new StandardScaler({ withMean: false, withStd: false }).fit(X);
  assertEquals(both.inverseTransform([[2]]).toArray(), [[2]]);
});

Deno.test("StandardScaler: toJSON / fromJSON round trip transforms identically", () => {
  const s = new StandardScaler({ withMean: false }).fit([[1, 2], [3, 5], [4, 4]]);
  const r = StandardScaler.fromJSON(JSON.parse(JSON.stringify(s)));
  assertEquals(r.options.withMean, false);
  assertEquals(r.transform([[2, 2]]).toArray(), s.transform([[2, 2]]).toArray());
  assertEquals(r.mean, s.mean);
});

Deno.test("StandardScaler: clear errors", () => {
  assertThrows(() => new StandardScaler().transform([[1]]), NotFittedError, "not fitted yet");
  const s = new StandardScaler().fit([[1, 2], [3, 4]]);
  assertThrows(
    () => s.transform([[1, 2, 3]]),
    ShapeError,
    "X has 3 features, but StandardScaler is expecting 2 features as input.",
  );
  assertThrows(() => s.fit([[1, NaN]]), ValueError, "X must contain only finite numbers");
  assertThrows(
    () => new StandardScaler({ withMean: 1 as unknown as boolean }),
    ValueError,
    "The 'withMean' option must be a boolean. Got 1 instead.",
  );
  assertThrows(() => new StandardScaler().fit(new Matrix(0, 2)), ValueError, "at least one sample");
});
