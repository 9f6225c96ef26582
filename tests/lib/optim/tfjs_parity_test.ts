/**
 * Each update rule against tfjs's optimizer, configured to the same convention: several steps on
 * two parameters with seeded random gradients, final values compared (tfjs is float32).
 */
import type * as tfType from "@tensorflow/tfjs";
import { Random } from "../../../lib/core/mod.ts";
import { AdaGrad, Adam, type Optimizer, RMSProp, SGD } from "../../../lib/optim/mod.ts";
import { assertAllClose, fromTf, loadTf } from "../../support/tfjs.ts";

type Tf = typeof tfType;

const SIZES = [3, 4], STEPS = 6;
let nameCounter = 0;

function problem(seed: number) {
  const rng = new Random(seed);
  const w0 = SIZES.map((n) => rng.normalArray(n));
  const grads = Array.from({ length: STEPS }, () => SIZES.map((n) => rng.normalArray(n)));
  return { w0, grads };
}

function runOurs(opt: Optimizer, seed: number): Float64Array[] {
  const { w0, grads } = problem(seed);
  const params = w0.map((w) => ({ data: w.slice(), grad: new Float64Array(w.length) }));
  for (const step of grads) {
    params.forEach((p, k) => p.grad.set(step[k]));
    opt.step(params);
  }
  return params.map((p) => p.data);
}

/** tfjs run; with `weightDecay` λ the gradient fed to tfjs is g + λ w, the definition of L2 decay. */
function runTf(tf: Tf, opt: tfType.Optimizer, seed: number, weightDecay = 0): Float64Array[] {
  const { w0, grads } = problem(seed);
  const vars = w0.map((w) => tf.variable(tf.tensor1d(Array.from(w)), true, `p${nameCounter++}`));
  for (const step of grads) {
    const named: Record<string, tfType.Tensor> = {};
    vars.forEach((v, k) => {
      named[v.name] = tf.tensor1d(Array.from(step[k])).add(v.mul(weightDecay));
    });
    opt.applyGradients(named);
  }
  const out = vars.map((v) => fromTf(v));
  vars.forEach((v) => v.dispose());
  return out;
}

const CASES: [string, () => Optimizer, (tf: Tf) => tfType.Optimizer][] = [
  ["sgd", () => new SGD({ learningRate: 0.1 }), (tf) => tf.train.sgd(0.1)],
  [
    "momentum",
    () => new SGD({ learningRate: 0.05, momentum: 0.9 }),
    (tf) => tf.train.momentum(0.05, 0.9),
  ],
  [
    "nesterov",
    () => new SGD({ learningRate: 0.05, momentum: 0.9, nesterov: true }),
    (tf) => tf.train.momentum(0.05, 0.9, true),
  ],
  [
    // tfjs: s₀ = 0.1 by default and ε = 1e-7 under the root (fixed); ours set to s₀ = 0.1, ε = 0.
    "adagrad",
    () => new AdaGrad({ learningRate: 0.1, initialAccumulatorValue: 0.1, epsilon: 0 }),
    (tf) => tf.train.adagrad(0.1, 0.1),
  ],
  [
    // tfjs's ε sits under the root; with ε = 0 on both sides the rules coincide.
    "rmsprop",
    () => new RMSProp({ learningRate: 0.01, rho: 0.9, epsilon: 0 }),
    (tf) => tf.train.rmsprop(0.01, 0.9, 0, 0),
  ],
  [
    "rmsprop with momentum",
    () => new RMSProp({ learningRate: 0.01, rho: 0.9, epsilon: 0, momentum: 0.5 }),
    (tf) => tf.train.rmsprop(0.01, 0.9, 0.5, 0),
  ],
  [
    "rmsprop centered",
    () => new RMSProp({ learningRate: 0.01, rho: 0.9, epsilon: 0, momentum: 0.5, centered: true }),
    (tf) => tf.train.rmsprop(0.01, 0.9, 0.5, 0, true),
  ],
  ["adam", () => new Adam({ learningRate: 0.01 }), (tf) => tf.train.adam(0.01, 0.9, 0.999, 1e-8)],
];

for (const [name, ours, theirs] of CASES) {
  Deno.test(`${name}: ${STEPS} steps match tfjs`, async () => {
    const tf = await loadTf();
    for (const seed of [1, 2]) {
      const a = runOurs(ours(), seed), b = runTf(tf, theirs(tf), seed);
      a.forEach((w, k) => assertAllClose(w, b[k], {}, `${name} seed ${seed} param ${k}`));
    }
  });
}

Deno.test("adam with weightDecay equals tfjs adam fed g + λw", async () => {
  const tf = await loadTf();
  const a = runOurs(new Adam({ learningRate: 0.05, weightDecay: 0.3 }), 5);
  const b = runTf(tf, tf.train.adam(0.05, 0.9, 0.999, 1e-8), 5, 0.3);
  a.forEach((w, k) => assertAllClose(w, b[k], {}, `param ${k}`));
});

Deno.test("sgd momentum with weightDecay equals tfjs momentum fed g + λw", async () => {
  const tf = await loadTf();
  const a = runOurs(new SGD({ learningRate: 0.05, momentum: 0.9, weightDecay: 0.5 }), 6);
  const b = runTf(tf, tf.train.momentum(0.05, 0.9), 6, 0.5);
  a.forEach((w, k) => assertAllClose(w, b[k], {}, `param ${k}`));
});
