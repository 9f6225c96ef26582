import type * as tfType from "@tensorflow/tfjs";
import { assert, assertAlmostEquals, assertEquals, assertLess, assertThrows } from "@std/assert";
import { gradCheck, Tensor } from "../../../lib/autodiff/mod.ts";
import { Matrix, Random, ShapeError, ValueError } from "../../../lib/core/mod.ts";
import {
  type Activation,
  dropout,
  forwardMLP,
  gelu,
  initMLP,
  initWeights,
  mlpLoss,
  mlpParameters,
} from "../../../lib/nn/mod.ts";
import { assertAllClose, fromTf, loadTf, toTf } from "../../support/tfjs.ts";

const LABELS = [0, 2, 1, 1, 0];

function smallNet(seed: number) {
  const rng = new Random(seed);
  const X = new Matrix(5, 4, rng.normalArray(20));
  const params = initMLP([4, 6, 5, 3], { init: "he", rng });
  // Non-zero biases so that their gradients are exercised in a generic position.
  for (const b of params.biases) b.data.data.set(rng.normalArray(b.cols, 0, 0.1));
  return { X, params };
}

const TF_ACT: Record<
  Exclude<Activation, "gelu">,
  (tf: typeof tfType, x: tfType.Tensor) => tfType.Tensor
> = {
  relu: (tf, x) => tf.relu(x),
  sigmoid: (tf, x) => tf.sigmoid(x),
  tanh: (tf, x) => tf.tanh(x),
  identity: (_, x) => x,
};

for (const activation of Object.keys(TF_ACT) as Exclude<Activation, "gelu">[]) {
  Deno.test(`mlpLoss (${activation}, L2): loss and all gradients match tfjs`, async () => {
    const tf = await loadTf();
    const { X, params } = smallNet(1);
    const l2 = 0.3;
    const loss = mlpLoss(params, X, LABELS, { task: "classification", activation, l2 });
    loss.backward();
    const tfLoss = (...ps: tfType.Tensor[]) => {
      let H: tfType.Tensor = toTf(X);
      for (let l = 0; l < 3; l++) {
        H = tf.matMul(H as tfType.Tensor2D, ps[l] as tfType.Tensor2D).add(ps[3 + l]);
        if (l < 2) H = TF_ACT[activation](tf, H);
      }
      const onehot = tf.oneHot(tf.tensor1d(LABELS, "int32"), 3);
      let L = tf.losses.softmaxCrossEntropy(onehot, H);
      for (let l = 0; l < 3; l++) L = L.add(ps[l].square().sum().mul(l2 / 2));
      return L;
    };
    const inputs = [...params.weights, ...params.biases].map((t) => toTf(t.data));
    assertAllClose([loss.item()], fromTf(tfLoss(...inputs)));
    const grads = tf.grads(tfLoss)(inputs);
    [...params.weights, ...params.biases].forEach((t, k) =>
      assertAllClose(t.grad.data, fromTf(grads[k]), {}, `${activation} parameter ${k}`)
    );
  });
}

Deno.test("mlpLoss with GELU and regression: gradients match central differences", () => {
  const { X, params } = smallNet(2);
  const y = Matrix.from2D([[1, 0, 2], [0, 1, 1], [2, 2, 0], [1, 1, 1], [0, 0, 3]]);
  const shapes = [...params.weights, ...params.biases].map((t) => t.data);
  const results = gradCheck(
    (...ps) =>
      mlpLoss({ weights: ps.slice(0, 3), biases: ps.slice(3) }, X, y, {
        task: "regression",
        activation: "gelu",
        l2: 0.1,
      }),
    shapes,
  );
  for (const r of results) assertLess(r.maxRelError, 1e-7);
});

Deno.test("gelu matches x Φ(x) to 1e-3 and is derived from primitives", () => {
  const xs = [-3, -1, -0.5, 0, 0.5, 1, 3];
  const out = gelu(Tensor.from([xs]));
  // Φ(x) by the erf series is not in JS; compare against values of x Φ(x) computed with
  // Φ(x) = ½ erfc(−x/√2) from scipy: Φ(−3) .00135, Φ(−1) .15866, Φ(−.5) .30854.
  const phi = [0.0013499, 0.1586553, 0.3085375, 0.5, 0.6914625, 0.8413447, 0.9986501];
  xs.forEach((x, i) => assertAlmostEquals(out.data.data[i], x * phi[i], 1e-3));
  assertEquals(out.op, "*");
});

Deno.test("initialisation scales: normal std, Xavier bound, He std", () => {
  const rng = new Random(0);
  const std = (m: Matrix) => Math.sqrt(m.data.reduce((s, v) => s + v * v, 0) / m.data.length);
  assertAlmostEquals(std(initWeights(200, 300, "normal", rng)), 0.01, 5e-4);
  const xavier = initWeights(200, 300, "xavier", rng);
  const bound = Math.sqrt(6 / 500);
  assert(xavier.data.every((v) => Math.abs(v) <= bound));
  assertAlmostEquals(std(xavier), Math.sqrt(2 / 500), 1e-3);
  assertAlmostEquals(std(initWeights(200, 300, "he", rng)), Math.sqrt(2 / 200), 1e-3);
  const p = initMLP([3, 4, 2]);
  assertEquals(p.weights.map((w) => w.shape), [[3, 4], [4, 2]]);
  assertEquals(p.biases.map((b) => Array.from(b.data.data)), [[0, 0, 0, 0], [0, 0]]);
  assertEquals(mlpParameters(p).map((q) => q.weightDecay), [undefined, undefined, 0, 0]);
});

Deno.test("inverted dropout: drops about p, scales by 1/(1-p), keeps the mean, gradient is the mask", () => {
  const x = Tensor.from(Matrix.ones(100, 100));
  const y = dropout(x, 0.3, new Random(1));
  const zeros = y.data.data.filter((v) => v === 0).length;
  assertAlmostEquals(zeros / 10000, 0.3, 0.015);
  assert(y.data.data.every((v) => v === 0 || Math.abs(v - 1 / 0.7) < 1e-15));
  assertAlmostEquals(y.data.mean(), 1, 0.03);
  y.sum().backward();
  assertEquals(Array.from(x.grad.data), Array.from(y.data.data));
  assertEquals(dropout(x, 0, new Random(1)), x);
  assertEquals(dropout(x, 1, new Random(1)).data.sum(), 0);
  assertThrows(() => dropout(x, 1.5, new Random(1)), ValueError, "must be in [0, 1]. Got 1.5");
});

Deno.test("forwardMLP: dropout only in training mode; shape errors", () => {
  const { X, params } = smallNet(3);
  const evalOut = forwardMLP(params, X, { dropout: 0.5 });
  assertEquals(evalOut.data.toArray(), forwardMLP(params, X).data.toArray());
  const trainOut = forwardMLP(params, X, { dropout: 0.5, training: true, rng: new Random(4) });
  assert(trainOut.data.data.some((v, i) => v !== evalOut.data.data[i]));
  assertThrows(
    () => forwardMLP(params, Matrix.zeros(2, 3)),
    ShapeError,
    "X has 3 features, but the network's first layer expects 4.",
  );
  assertThrows(() => initMLP([4]), ValueError, "layerSizes must list at least 2 positive integers");
});
