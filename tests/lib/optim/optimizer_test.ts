import { assertAlmostEquals, assertEquals, assertLess, assertThrows } from "@std/assert";
import { Tensor } from "../../../lib/autodiff/mod.ts";
import { Matrix, ShapeError, ValueError } from "../../../lib/core/mod.ts";
import {
  AdaGrad,
  Adam,
  cosineDecay,
  createOptimizer,
  FTRL,
  OPTIMIZER_NAMES,
  optimizeTrajectory,
  RMSProp,
  SGD,
  stepDecay,
} from "../../../lib/optim/mod.ts";

Deno.test("defaults are PyTorch's", () => {
  assertEquals(new SGD().options, {
    learningRate: 0.01,
    momentum: 0,
    nesterov: false,
    weightDecay: 0,
  });
  assertEquals(new AdaGrad().options, {
    learningRate: 0.01,
    initialAccumulatorValue: 0,
    epsilon: 1e-10,
    weightDecay: 0,
  });
  assertEquals(new RMSProp().options, {
    learningRate: 0.01,
    rho: 0.99,
    epsilon: 1e-8,
    momentum: 0,
    centered: false,
    weightDecay: 0,
  });
  assertEquals(new Adam().options, {
    learningRate: 0.001,
    beta1: 0.9,
    beta2: 0.999,
    epsilon: 1e-8,
    weightDecay: 0,
  });
});

Deno.test("weight decay alone shrinks w geometrically: w_t = (1 − ηλ)^t w₀", () => {
  const w = new Float64Array([3, -1]), b = new Float64Array([5]);
  const opt = new SGD({ learningRate: 0.1, weightDecay: 0.5 });
  const params = [
    { data: w, grad: new Float64Array(2) },
    { data: b, grad: new Float64Array(1), weightDecay: 0 }, // a bias: not decayed
  ];
  for (let t = 0; t < 10; t++) opt.step(params);
  assertAlmostEquals(w[0], 3 * 0.95 ** 10, 1e-14);
  assertAlmostEquals(w[1], -(0.95 ** 10), 1e-14);
  assertEquals(b[0], 5);
  assertEquals(opt.stepCount, 10);
});

Deno.test("step leaves grad untouched and keeps separate state per parameter", () => {
  const opt = new SGD({ learningRate: 1, momentum: 0.5, weightDecay: 1 });
  const p = { data: new Float64Array([1]), grad: new Float64Array([1]) };
  const q = { data: new Float64Array([0]), grad: new Float64Array([1]) };
  opt.step([p]); // v = 1 + 1 = 2, w = 1 − 2 = −1
  opt.step([p, q]); // p: g = 1 − 1 = 0, v = 1, w = −2; q: v = 1, w = −1
  assertEquals([p.data[0], q.data[0], p.grad[0]], [-2, -1, 1]);
  opt.reset();
  opt.step([p]); // fresh velocity: g = 1 − 2 = −1, v = −1, w = −1
  assertEquals(p.data[0], -1);
});

Deno.test("every optimizer trains Tensor parameters to the minimum of a quadratic", () => {
  for (const name of OPTIMIZER_NAMES) {
    const target = Matrix.from2D([[1, -2], [0.5, 3]]);
    const W = Tensor.from(Matrix.zeros(2, 2));
    const learningRate = { sgd: 0.1, adagrad: 0.5, rmsprop: 0.01, adam: 0.05, ftrl: 0.5 }[name];
    const opt = createOptimizer(name, { learningRate });
    for (let t = 0; t < 3000; t++) {
      W.sub(target).pow(2).sum().backward(); // ∇ = 2 (W − T)
      opt.step([W]);
    }
    for (let i = 0; i < 4; i++) {
      assertLess(Math.abs(W.data.data[i] - target.data[i]), 0.01, `${name} entry ${i}`);
    }
  }
});

Deno.test("stepDecay and cosineDecay give the documented rates", () => {
  const step = stepDecay({ learningRate: 0.1, stepSize: 10, gamma: 0.5 });
  assertEquals([step(0), step(9), step(10), step(25)], [0.1, 0.1, 0.05, 0.025]);
  const cos = cosineDecay({ learningRate: 0.1, totalSteps: 100 });
  assertEquals(cos(0), 0.1);
  assertAlmostEquals(cos(50), 0.05, 1e-15);
  assertAlmostEquals(cos(100), 0, 1e-15);
  assertEquals(cos(150), 0);
  const warm = cosineDecay({
    learningRate: 1,
    totalSteps: 30,
    warmupSteps: 10,
    finalLearningRate: 0.2,
  });
  assertEquals([warm(0), warm(5), warm(10)], [0, 0.5, 1]);
  assertAlmostEquals(warm(20), 0.6, 1e-15);
  assertEquals(warm(40), 0.2);
});

Deno.test("an optimizer follows its schedule: w moves by Σ ηₜ under a unit gradient", () => {
  const schedule = stepDecay({ learningRate: 0.1, stepSize: 2, gamma: 0.5 });
  const opt = new SGD({ learningRate: schedule });
  const w = new Float64Array(1), g = new Float64Array([1]);
  for (let t = 0; t < 5; t++) opt.step([{ data: w, grad: g }]);
  assertAlmostEquals(w[0], -(0.1 + 0.1 + 0.05 + 0.05 + 0.025), 1e-15);
  assertEquals(opt.learningRateAt(), 0.025);
});

Deno.test("zeroGrad clears Float64Array and Matrix gradients", () => {
  const p = { data: new Float64Array(2), grad: new Float64Array([1, 2]) };
  const q = Tensor.from([[1]]);
  q.grad.data[0] = 4;
  new Adam().zeroGrad([p, q]);
  assertEquals([...p.grad, ...q.grad.data], [0, 0, 0]);
});

Deno.test("bad options and shapes give clear errors", () => {
  assertThrows(
    () => new SGD({ learningRate: 0 }),
    ValueError,
    "The 'learningRate' option must be a number > 0. Got 0 instead.",
  );
  assertThrows(
    () => new Adam({ beta1: 1.5 }),
    ValueError,
    "The 'beta1' option must be a number >= 0 and <= 1",
  );
  assertThrows(
    () => new SGD({ nesterov: true }),
    ValueError,
    "'nesterov' option needs 'momentum' > 0",
  );
  assertThrows(() => new SGD({ lr: 0.1 } as never), ValueError, "Unknown option 'lr'");
  assertThrows(() => new FTRL({ l1: -1 }), ValueError, "The 'l1' option must be a number >= 0");
  assertThrows(
    () => createOptimizer("lbfgs" as never, { learningRate: 1 }),
    ValueError,
    "The 'optimizer' option",
  );
  assertThrows(
    () => new SGD().step([{ data: new Float64Array(2), grad: new Float64Array(3) }]),
    ShapeError,
    "a parameter's gradient has 3 values, but the parameter has 2 values; they must match.",
  );
  assertThrows(
    () => new SGD({ learningRate: () => NaN }).step([]),
    ValueError,
    "The learning-rate schedule must return a finite number >= 0. Got NaN at step 0.",
  );
  assertThrows(
    () => cosineDecay({ learningRate: 1, totalSteps: 5, warmupSteps: 5 }),
    ValueError,
    "warmupSteps",
  );
});

Deno.test("optimizeTrajectory: d2l's SGD path on f = 0.1x₁² + 2x₂² (η = 0.4)", () => {
  // Each coordinate is scaled every step: x₁ ← (1 − 0.4·0.2) x₁ = 0.92 x₁, x₂ ← (1 − 0.4·4) x₂ = −0.6 x₂.
  const path = optimizeTrajectory(
    new SGD({ learningRate: 0.4 }),
    ([a, b]) => [0.2 * a, 4 * b],
    [-5, -2],
    20,
  );
  assertEquals(path.length, 21);
  assertEquals(Array.from(path[0]), [-5, -2]);
  assertAlmostEquals(path[20][0], -5 * 0.92 ** 20, 1e-12);
  assertAlmostEquals(path[20][1], -2 * (-0.6) ** 20, 1e-12);
});
