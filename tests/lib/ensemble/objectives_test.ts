/** Every objective's gradient and hessian against central finite differences of its loss. */
import { assertAlmostEquals, assertEquals, assertThrows } from "@std/assert";
import { Random } from "../../../lib/core/random.ts";
import {
  groupOffsets,
  OBJECTIVE_ALIASES,
  type ObjectiveName,
  pointwiseGradients,
  pointwiseLoss,
  rankingGradients,
  rankingLoss,
} from "../../../lib/ensemble/mod.ts";
import { ValueError } from "../../../lib/core/errors.ts";

const rng = new Random(3);
const n = 12, K = 3, eps = 1e-5;

function fdCheck(
  loss: (m: Float64Array) => number,
  margin: Float64Array,
  grad: Float64Array,
  hess: Float64Array,
  checkHess = true,
) {
  for (let i = 0; i < margin.length; i++) {
    const up = margin.slice(), down = margin.slice();
    up[i] += eps;
    down[i] -= eps;
    const fd = (loss(up) - loss(down)) / (2 * eps);
    assertAlmostEquals(grad[i], fd, 1e-6, `gradient ${i}`);
    if (checkHess) {
      const fd2 = (loss(up) - 2 * loss(margin) + loss(down)) / (eps * eps);
      assertAlmostEquals(hess[i], fd2, 2e-3, `hessian ${i}`);
    }
  }
}

const labels: Record<string, () => number> = {
  regression: () => rng.normal(),
  regression_l1: () => rng.normal(),
  huber: () => 3 * rng.normal(),
  binary: () => rng.int(2),
  cross_entropy: () => rng.uniform(),
};
for (const [name, draw] of Object.entries(labels)) {
  Deno.test(`objective ${name}: gradient and hessian are the loss's derivatives`, () => {
    const y = Float64Array.from({ length: n }, draw);
    const margin = rng.normalArray(n);
    const g = new Float64Array(n), h = new Float64Array(n);
    const obj = name as ObjectiveName;
    pointwiseGradients(obj, margin, y, undefined, g, h);
    // |F − y| and Huber's tails are piecewise linear: the hessian is XGBoost's/LightGBM's 1.
    fdCheck(
      (m) => pointwiseLoss(obj, m, y),
      margin,
      g,
      h,
      name !== "regression_l1" && name !== "huber",
    );
    if (name === "regression_l1" || name === "huber") {
      assertEquals(Array.from(h), new Array(n).fill(1));
    }
  });
}

Deno.test("objective multiclass: softmax gradient p − onehot; hessian 2p(1−p) (XGBoost's factor)", () => {
  const y = Float64Array.from({ length: n }, () => rng.int(K));
  const margin = rng.normalArray(n * K);
  const g = new Float64Array(n * K), h = new Float64Array(n * K);
  pointwiseGradients("multiclass", margin, y, undefined, g, h, K);
  const half = h.map((v) => v / 2);
  fdCheck((m) => pointwiseLoss("multiclass", m, y, K), margin, g, half);
});

Deno.test("sample weights scale gradient and hessian", () => {
  const y = Float64Array.of(1, 0), m = Float64Array.of(0.3, -0.2);
  const g = new Float64Array(2), h = new Float64Array(2);
  pointwiseGradients("binary", m, y, Float64Array.of(2, 0.5), g, h);
  const p0 = 1 / (1 + Math.exp(-0.3)), p1 = 1 / (1 + Math.exp(0.2));
  assertAlmostEquals(g[0], 2 * (p0 - 1), 1e-15);
  assertAlmostEquals(h[1], 0.5 * p1 * (1 - p1), 1e-15);
});

for (const pairwise of [false, true]) {
  Deno.test(`${pairwise ? "rank:pairwise" : "lambdarank"}: lambdas are the gradient of the ΔNDCG-weighted pair loss`, () => {
    const offsets = groupOffsets([5, 4, 3], n);
    const y = Float64Array.from({ length: n }, () => rng.int(4));
    const margin = rng.normalArray(n);
    const g = new Float64Array(n), h = new Float64Array(n);
    const options = { norm: false, truncationLevel: 3 };
    rankingGradients(margin, y, offsets, undefined, g, h, pairwise, options);
    fdCheck((m) => rankingLoss(m, margin, y, offsets, pairwise, options), margin, g, h, false);
    // The hessian is the diagonal of the second derivative.
    for (let i = 0; i < n; i++) {
      const up = margin.slice(), down = margin.slice();
      up[i] += eps;
      down[i] -= eps;
      const l = (m: Float64Array) => rankingLoss(m, margin, y, offsets, pairwise, options);
      assertAlmostEquals(h[i], (l(up) - 2 * l(margin) + l(down)) / (eps * eps), 2e-3);
    }
  });
}

Deno.test("lambdarank: the more relevant item of a pair is pushed up", () => {
  const g = new Float64Array(3), h = new Float64Array(3);
  rankingGradients(
    Float64Array.of(0, 0, 0),
    Float64Array.of(2, 0, 1),
    groupOffsets([3], 3),
    undefined,
    g,
    h,
    false,
  );
  assertEquals(g[0] < 0 && g[1] > 0, true);
  assertAlmostEquals(g[0] + g[1] + g[2], 0, 1e-12);
});

Deno.test("both libraries' objective names map to one canonical name", () => {
  assertEquals(OBJECTIVE_ALIASES["reg:squarederror"], "regression");
  assertEquals(OBJECTIVE_ALIASES["binary:logistic"], "binary");
  assertEquals(OBJECTIVE_ALIASES["multi:softprob"], "multiclass");
  assertEquals(OBJECTIVE_ALIASES["reg:logistic"], "cross_entropy");
  assertEquals(OBJECTIVE_ALIASES["rank:ndcg"], "lambdarank");
});

Deno.test("group sizes must sum to the rows", () => {
  assertThrows(
    () => groupOffsets([3, 3], 7),
    ValueError,
    "must sum to the number of rows of X (7)",
  );
  assertThrows(() => groupOffsets([3, 0], 3), ValueError, "positive integers");
});
