/** Every public function and class that takes options refuses a non-object and unknown keys. */
import { assertEquals, assertRejects, assertThrows } from "@std/assert";
import {
  Bernoulli,
  createOptimizer,
  entropy,
  Gaussian,
  histogram,
  loadDiabetes,
  makeBlobs,
  makeMoons,
  minimizeLbfgs,
  parseCsv,
  Poisson,
  scatter,
  ValueError,
} from "../../../lib/mod.ts";

Deno.test("distributions: new Gaussian(0, 2) is refused, not read as the standard normal", () => {
  // Before: the number destructured to nothing and the defaults (mean 0, std 1) were used.
  assertThrows(
    () => new Gaussian(0 as never),
    ValueError,
    "Gaussian takes an options object such as { mean: ... }, not positional arguments. Got 0",
  );
  assertThrows(
    () => new Poisson({ rate: 2 } as never),
    ValueError,
    "Unknown option 'rate' for Poisson",
  );
  assertThrows(() => new Bernoulli({ P: 0.5 } as never), ValueError, "did you mean 'p'?");
  assertEquals(new Gaussian({ mean: 1, std: 2 }).params, { mean: 1, std: 2 });
});

Deno.test("data: scikit-learn's n_samples and random_state get camelCase hints", () => {
  // Before: makeBlobs({ n_samples: 10 }) returned the default 100 samples.
  assertThrows(
    () => makeBlobs({ n_samples: 10 } as never),
    ValueError,
    "Unknown option 'n_samples' for makeBlobs: did you mean 'nSamples'?",
  );
  assertThrows(
    () => makeMoons({ random_state: 0 } as never),
    ValueError,
    "Unknown option 'random_state'",
  );
  assertThrows(() => loadDiabetes({ scale: false } as never), ValueError, "did you mean 'scaled'?");
  assertThrows(
    () => parseCsv("a\n1", { sep: ";" } as never),
    ValueError,
    "Known options: 'delimiter'",
  );
  assertEquals(makeBlobs({ nSamples: 10, seed: 0 }).X.length, 10);
});

Deno.test("plot, info and optim functions check their options too", () => {
  assertThrows(() => histogram([1, 2, 3], { nbins: 5 } as never), ValueError, "for histogram");
  assertThrows(
    () => scatter([1], [1], { x_title: "x" } as never),
    ValueError,
    "did you mean 'xTitle'?",
  );
  assertThrows(
    () => entropy([0.5, 0.5], 2 as never),
    ValueError,
    "entropy takes an options object",
  );
  assertThrows(
    () => createOptimizer("sgd", { learning_rate: 0.1 } as never),
    ValueError,
    "did you mean 'learningRate'?",
  );
});

Deno.test("solvers check their options: max_iter is not silently the default", () => {
  const objective = {
    size: 1,
    valueAndGradient(x: Float64Array, g: Float64Array): number {
      g[0] = 2 * (x[0] - 3);
      return (x[0] - 3) ** 2;
    },
  };
  assertThrows(
    () => minimizeLbfgs(objective, new Float64Array(1), { max_iter: 5, tol: 1e-8 } as never),
    ValueError,
    "Unknown option 'max_iter' for minimizeLbfgs: did you mean 'maxIter'?",
  );
  const { x } = minimizeLbfgs(objective, new Float64Array(1), { maxIter: 50, tol: 1e-10 });
  assertEquals(Math.round(x[0] * 1e6) / 1e6, 3);
});

Deno.test("tables and figure display check their options", async () => {
  const { tableHTML } = await import("../../../lib/table/mod.ts");
  const { linePlot } = await import("../../../lib/plot/mod.ts");
  const table = { columns: ["a"], index: [0], values: [[1]] };
  assertThrows(
    () => tableHTML(table, { max_rows: 5 } as never),
    ValueError,
    "Unknown option 'max_rows' for tableHTML: did you mean 'maxRows'?",
  );
  const fig = linePlot([1, 2], [3, 4]);
  await assertRejects(
    () => fig.show({ output_dir: "/tmp" } as never),
    ValueError,
    "did you mean 'outputDir'?",
  );
});
