/** growTree: the subtraction trick and the keep-no-histograms path grow the same tree. */
import { assertAlmostEquals, assertEquals } from "@std/assert";
import type { BoostedTree } from "../../../lib/ensemble/mod.ts";

/** Same structure exactly; values and gains up to rounding (subtraction vs direct sums). */
function assertSameTree(a: BoostedTree, b: BoostedTree) {
  for (const k of ["left", "right", "feature", "threshold", "defaultLeft"] as const) {
    assertEquals(Array.from(a[k]), Array.from(b[k]), k);
  }
  for (const k of ["value", "gain", "cover"] as const) {
    a[k].forEach((v, i) => assertAlmostEquals(v, b[k][i], 1e-9, k));
  }
}
import { Random } from "../../../lib/core/random.ts";
import { binData } from "../../../lib/ensemble/binning.ts";
import { type GrowParams, growTree } from "../../../lib/ensemble/grow.ts";

Deno.test("histograms kept (parent − sibling) or rebuilt per child: identical trees", () => {
  const rng = new Random(5);
  const n = 500, nf = 4;
  const data = Float64Array.from(
    { length: n * nf },
    () => (rng.uniform() < 0.05 ? NaN : rng.normal()),
  );
  const grad = Float64Array.from({ length: n }, (_, i) => data[i * nf] > 0 ? -1 : 1 + rng.normal());
  const hess = new Float64Array(n).fill(1);
  const rows = Uint32Array.from({ length: n }, (_, i) => i);
  for (const method of ["exact", "hist"] as const) {
    const binned = binData(data, n, nf, method, 64);
    const p: GrowParams = {
      lambda: 1,
      alpha: 0,
      minChildWeight: 1,
      maxDeltaStep: 0,
      minDataInLeaf: 3,
      exactOrder: method === "exact",
      gamma: 0,
      maxDepth: 4,
      numLeaves: 0,
      growPolicy: "depthwise",
      learningRate: 0.3,
      postPrune: method === "exact",
    };
    const kept = growTree(binned, grad, hess, rows, null, p).tree;
    const rebuilt = growTree(binned, grad, hess, rows, null, { ...p, maxKeptBins: 0 }).tree;
    assertSameTree(rebuilt, kept);
    const lossguide = { ...p, growPolicy: "lossguide" as const, numLeaves: 7, maxDepth: 0 };
    assertSameTree(
      growTree(binned, grad, hess, rows, null, { ...lossguide, maxKeptBins: 0 }).tree,
      growTree(binned, grad, hess, rows, null, lossguide).tree,
    );
  }
});
