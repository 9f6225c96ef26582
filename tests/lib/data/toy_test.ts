import { assert, assertAlmostEquals, assertEquals, assertThrows } from "@std/assert";
import { ValueError } from "../../../lib/core/errors.ts";
import {
  type Dataset,
  loadBreastCancer,
  loadDiabetes,
  loadDigits,
  loadIris,
  loadToyDataset,
  loadWine,
  toFrame,
  type ToyDatasetName,
} from "../../../lib/data/mod.ts";

interface Summary {
  shape: [number, number];
  featureNames: string[];
  targetNames: string[];
  firstRow: number[];
  lastRow: number[];
  firstTarget: number;
  lastTarget: number;
  columnSums: number[];
  targetSum: number;
}

// Reference values from scikit-learn, written by tools/fixtures_datasets.py.
const fixture = JSON.parse(
  Deno.readTextFileSync(new URL("../../fixtures/datasets.json", import.meta.url)),
) as { datasets: Record<ToyDatasetName, Summary> };

/** Sum with Neumaier compensation, so only the fixture's own rounding is left. */
function exactSum(values: number[]): number {
  let sum = 0, c = 0;
  for (const v of values) {
    const t = sum + v;
    c += Math.abs(sum) >= Math.abs(v) ? (sum - t) + v : (v - t) + sum;
    sum = t;
  }
  return sum + c;
}

for (const name of Object.keys(fixture.datasets) as ToyDatasetName[]) {
  Deno.test(`${name} matches scikit-learn: shape, names, first/last rows, column sums`, () => {
    const ref = fixture.datasets[name];
    const data = loadToyDataset(name);
    const [n, d] = ref.shape;
    assertEquals(data.X.length, n);
    assertEquals(data.y.length, n);
    assert(data.X.every((row) => row.length === d), `every row has ${d} features`);
    assertEquals(data.featureNames, ref.featureNames);
    assertEquals(data.targetNames, ref.targetNames);
    // Exact: the CSV must round-trip float64.
    assertEquals(data.X[0], ref.firstRow);
    assertEquals(data.X[n - 1], ref.lastRow);
    assertEquals(data.y[0], ref.firstTarget);
    assertEquals(data.y[n - 1], ref.lastTarget);
    for (let j = 0; j < d; j++) {
      const sum = exactSum(data.X.map((row) => row[j]));
      assertAlmostEquals(sum, ref.columnSums[j], 1e-12 * Math.max(1, Math.abs(ref.columnSums[j])));
    }
    assertAlmostEquals(exactSum(data.y), ref.targetSum, 1e-9);
    assert(data.description.length > 0);
  });
}

Deno.test("loadIris: Fisher's first sample is setosa 5.1, 3.5, 1.4, 0.2; 50 of each species", () => {
  const { X, y, targetNames, featureNames } = loadIris();
  assertEquals(X[0], [5.1, 3.5, 1.4, 0.2]);
  assertEquals(targetNames[y[0]], "setosa");
  assertEquals(X[149], [5.9, 3.0, 5.1, 1.8]);
  assertEquals(targetNames[y[149]], "virginica");
  assertEquals(featureNames[0], "sepal length (cm)");
  // scikit-learn's copy has Fisher's values for samples 35 and 38, not UCI's erroneous ones.
  assertEquals(X[34], [4.9, 3.1, 1.5, 0.2]);
  assertEquals(X[37], [4.9, 3.6, 1.4, 0.1]);
  assertEquals([0, 1, 2].map((k) => y.filter((v) => v === k).length), [50, 50, 50]);
});

Deno.test("loadWine and loadBreastCancer: class counts of the UCI descriptions", () => {
  const count = (data: Dataset) =>
    data.targetNames.map((_, k) => data.y.filter((v) => v === k).length);
  assertEquals(count(loadWine()), [59, 71, 48]);
  const cancer = loadBreastCancer();
  assertEquals(cancer.targetNames, ["malignant", "benign"]);
  assertEquals(count(cancer), [212, 357]);
});

Deno.test("loadDiabetes: scaled columns have mean 0 and unit sum of squares; raw keeps units", () => {
  const scaled = loadDiabetes();
  const raw = loadDiabetes({ scaled: false });
  assertEquals(scaled.y, raw.y);
  assertEquals(scaled.targetNames, []);
  assertEquals(raw.X[0], [59, 2, 32.1, 101, 157, 93.2, 38, 4, 4.8598, 87]);
  for (let j = 0; j < 10; j++) {
    const column = scaled.X.map((row) => row[j]);
    assertAlmostEquals(exactSum(column) / column.length, 0, 1e-15);
    assertAlmostEquals(exactSum(column.map((v) => v * v)), 1, 1e-12);
    // Scaling is affine: the raw column standardised the same way gives the scaled one.
    const r = raw.X.map((row) => row[j]);
    const mean = exactSum(r) / r.length;
    const norm = Math.sqrt(exactSum(r.map((v) => (v - mean) ** 2)));
    assertAlmostEquals((r[0] - mean) / norm, column[0], 1e-12);
  }
});

Deno.test("loadDigits: 8x8 integer pixel counts 0..16 and ten classes", () => {
  const { X, y, targetNames, featureNames } = loadDigits();
  assertEquals(targetNames, ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]);
  assertEquals(featureNames[9], "pixel_1_1");
  assert(X.every((row) => row.every((v) => Number.isInteger(v) && v >= 0 && v <= 16)));
  assertEquals(new Set(y).size, 10);
});

Deno.test("loaders return fresh arrays, so mutating one result cannot leak into the next", () => {
  const first = loadIris();
  first.X[0][0] = -1;
  first.featureNames[0] = "changed";
  const second = loadIris();
  assertEquals(second.X[0][0], 5.1);
  assertEquals(second.featureNames[0], "sepal length (cm)");
});

Deno.test("loadToyDataset rejects an unknown name, listing the choices", () => {
  assertThrows(
    () => loadToyDataset("boston" as ToyDatasetName),
    ValueError,
    'Unknown data set "boston". Choose one of iris, wine',
  );
});

Deno.test("toFrame gives a danfojs DataFrame with the features and the target", async () => {
  const iris = loadIris();
  const df = await toFrame(iris);
  assertEquals(df.shape, [150, 5]);
  assertEquals(df.columns, [...iris.featureNames, "target"]);
  assertEquals(df.iloc({ rows: [0] }).values, [[5.1, 3.5, 1.4, 0.2, 0]]);
  const named = await toFrame(iris, { targetNames: true, targetColumn: "species" });
  assertEquals(named.columns[4], "species");
  assertEquals((named.values[149] as unknown[])[4], "virginica");
});

Deno.test("toFrame rejects a clashing target column and names on regression data", async () => {
  const iris = loadIris();
  await assertThrowsAsync(
    () => toFrame(iris, { targetColumn: "petal width (cm)" }),
    "'targetColumn' option must differ",
  );
  await assertThrowsAsync(
    () => toFrame(loadDiabetes(), { targetNames: true }),
    "needs a classification data set",
  );
  await assertThrowsAsync(
    () => toFrame({ ...iris, y: iris.y.map(() => 7) }, { targetNames: true }),
    "y[0] = 7 is not a class code 0..2.",
  );
});

async function assertThrowsAsync(fn: () => Promise<unknown>, message: string): Promise<void> {
  try {
    await fn();
  } catch (error) {
    assert(error instanceof ValueError, `expected a ValueError, got ${error}`);
    assert(error.message.includes(message), `"${error.message}" should include "${message}"`);
    return;
  }
  throw new Error("expected a rejection");
}
