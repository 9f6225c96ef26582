import { assertAlmostEquals, assertEquals, assertGreater, assertLess } from "@std/assert";
import { Random } from "../../../lib/core/mod.ts";
import { AdaGrad, FTRL } from "../../../lib/optim/mod.ts";
import { assertAllClose } from "../../support/tfjs.ts";

Deno.test("FTRL with λ₁ = λ₂ = 0 is AdaGrad with ε = β, from any starting point", () => {
  const rng = new Random(11);
  for (const beta of [0, 1, 0.3]) {
    const w0 = rng.normalArray(5);
    const a = { data: w0.slice(), grad: new Float64Array(5) };
    const b = { data: w0.slice(), grad: new Float64Array(5) };
    const ftrl = new FTRL({ learningRate: 0.2, beta });
    const adagrad = new AdaGrad({ learningRate: 0.2, epsilon: beta });
    for (let t = 0; t < 20; t++) {
      const g = rng.normalArray(5);
      a.grad.set(g);
      b.grad.set(g);
      ftrl.step([a]);
      adagrad.step([b]);
    }
    assertAllClose(a.data, b.data, { rtol: 1e-12, atol: 1e-12 }, `beta ${beta}`);
  }
});

Deno.test("FTRL one step by hand (the doc example): |z| <= λ₁ gives an exact zero", () => {
  // α = 0.5, β = 1, λ₁ = 1, w = 0: z = g, n = g², w = −(z − sgn(z)λ₁) / ((1 + |g|)/α).
  const w = new Float64Array(3);
  new FTRL({ learningRate: 0.5, l1: 1 }).step([{ data: w, grad: new Float64Array([0.5, -3, 3]) }]);
  assertEquals(Array.from(w), [0, 0.25, -0.25]);
});

Deno.test("FTRL λ₂ enters the denominator of the proximal step", () => {
  // From w = 0 one step: w = −g / ((β + |g|)/α + λ₂) = −2 / ((1 + 2)/0.5 + 4) = −0.2.
  const w = new Float64Array(1);
  new FTRL({ learningRate: 0.5, l2: 4 }).step([{ data: w, grad: new Float64Array([2]) }]);
  assertAlmostEquals(w[0], -0.2, 1e-15);
});

/** Online logistic regression on a stream where only features 0 and 1 matter. */
function fitStream(l1: number): Float64Array {
  const rng = new Random(5), d = 10;
  const trueW = [2, -2, 0, 0, 0, 0, 0, 0, 0, 0];
  const w = new Float64Array(d), grad = new Float64Array(d);
  const opt = new FTRL({ learningRate: 0.1, l1 });
  for (let t = 0; t < 4000; t++) {
    const x = rng.normalArray(d);
    const p = 1 / (1 + Math.exp(-trueW.reduce((s, wi, i) => s + wi * x[i], 0)));
    const y = rng.uniform() < p ? 1 : 0;
    const q = 1 / (1 + Math.exp(-w.reduce((s, wi, i) => s + wi * x[i], 0)));
    for (let i = 0; i < d; i++) grad[i] = (q - y) * x[i]; // ∂ log-loss / ∂w
    opt.step([{ data: w, grad }]);
  }
  return w;
}

Deno.test("FTRL-Proximal with L1 learns a sparse logistic model online", () => {
  const dense = fitStream(0), sparse = fitStream(30);
  // Without L1 no weight is exactly 0; with λ₁ = 30 all eight noise features are, and the two
  // real ones keep the right signs and most of their size.
  assertEquals(Array.from(dense).filter((v) => v === 0).length, 0);
  assertEquals(Array.from(sparse.slice(2)), [0, 0, 0, 0, 0, 0, 0, 0]);
  assertGreater(sparse[0], 1.2);
  assertLess(sparse[1], -1.2);
});
