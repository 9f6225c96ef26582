/**
 * The functions notebooks/22_mlp.ipynb uses, with d2l's numbers: the weight-decay experiment of
 * §3.7 (‖w‖ ≈ 14 with λ = 0, ≈ 0.37 with λ = 3), the optimizer end points d2l prints after 20
 * steps on 0.1x₁² + 2x₂² (§12.4-12.8), backpropagation by hand against autodiff (§5.3), and the
 * digits MLP (test accuracy >= 0.96, beside scikit-learn's on the same split).
 */
import { assertAlmostEquals, assertEquals, assertGreater, assertLess } from "@std/assert";
import { oneHot, Tensor } from "../../lib/autodiff/mod.ts";
import { Matrix, Random, trainTestSplit } from "../../lib/core/mod.ts";
import { loadDigits } from "../../lib/data/mod.ts";
import {
  activate,
  initMLP,
  MLPClassifier,
  mlpLoss,
  type MLPOptions,
  weightDecayExperiment,
} from "../../lib/nn/mod.ts";
import { AdaGrad, optimizeTrajectory, RMSProp, SGD } from "../../lib/optim/mod.ts";

Deno.test("d2l §3.7: without weight decay ‖w‖ stays ~14 and the test loss is huge", () => {
  const r = weightDecayExperiment({ lambda: 0 });
  assertEquals([r.trainLoss.length, r.testLoss.length, r.w.length], [100, 100, 200]);
  assertGreater(r.wNorm, 10); // d2l: 13-14, the initial √200 ≈ 14.1 barely moves
  assertLess(r.wNorm, 16);
  assertLess(r.trainLoss[99], 1e-3); // 20 equations, 201 unknowns: fitted exactly
  assertGreater(r.testLoss[99], 10);
});

Deno.test("d2l §3.7: λ = 3 shrinks ‖w‖ below 1 and cures the over-fitting", () => {
  const none = weightDecayExperiment({ lambda: 0 }), decay = weightDecayExperiment({ lambda: 3 });
  assertLess(decay.wNorm, 1); // d2l: ≈ 0.36
  assertGreater(decay.wNorm, 0.1);
  assertLess(decay.testLoss[99], 1);
  assertLess(decay.testLoss[99] * 100, none.testLoss[99]);
  // Weight decay trades training fit for test fit.
  assertGreater(decay.trainLoss[99], none.trainLoss[99]);
  // Other seeds tell the same story.
  for (const seed of [1, 2]) {
    assertGreater(weightDecayExperiment({ lambda: 0, seed }).wNorm, 10);
    assertLess(weightDecayExperiment({ lambda: 3, seed }).wNorm, 1);
  }
});

Deno.test("input dropout shrinks ‖w‖ and the test loss, more with larger p", () => {
  const none = weightDecayExperiment({ lambda: 0 });
  const half = weightDecayExperiment({ dropout: 0.5 });
  const most = weightDecayExperiment({ dropout: 0.8 });
  assertLess(half.wNorm, none.wNorm / 2);
  assertLess(most.wNorm, half.wNorm);
  assertLess(half.testLoss[99], none.testLoss[99] / 2);
  assertLess(most.testLoss[99], half.testLoss[99]);
});

Deno.test("d2l §12: end points after 20 steps on 0.1x₁² + 2x₂² from (−5, −2)", () => {
  const grad = ([a, b]: Float64Array) => [0.2 * a, 4 * b];
  const end = (opt: SGD | AdaGrad | RMSProp) => optimizeTrajectory(opt, grad, [-5, -2], 20)[20];
  // d2l prints these with 6 decimals; its AdaGrad/RMSProp put ε = 1e-6 under the root, ours
  // adds ε outside, hence 2e-6.
  const cases: [SGD | AdaGrad | RMSProp, [number, number]][] = [
    [new SGD({ learningRate: 0.4 }), [-0.943467, -0.000073]], // §12.4
    [new SGD({ learningRate: 0.6, momentum: 0.5 }), [0.007188, 0.002553]], // §12.6
    [new AdaGrad({ learningRate: 0.4 }), [-2.382563, -0.158591]], // §12.7
    [new AdaGrad({ learningRate: 2 }), [-0.002295, -0.000000]], // §12.7
    [new RMSProp({ learningRate: 0.4, rho: 0.9 }), [-0.010599, 0.000000]], // §12.8
  ];
  for (const [opt, [x1, x2]] of cases) {
    const [a, b] = end(opt);
    assertAlmostEquals(a, x1, 2e-6, `${opt.name} x1`);
    assertAlmostEquals(b, x2, 2e-6, `${opt.name} x2`);
  }
});

Deno.test("activation derivatives by autodiff equal their formulas", () => {
  const grid = Array.from({ length: 81 }, (_, i) => -4 + i * 0.1 + 0.013);
  const formulas = {
    relu: (x: number) => (x > 0 ? 1 : 0),
    sigmoid: (x: number) => Math.exp(-x) / (1 + Math.exp(-x)) ** 2,
    tanh: (x: number) => 1 - Math.tanh(x) ** 2,
  };
  for (const [name, df] of Object.entries(formulas)) {
    const x = Tensor.from([grid]);
    activate(name as keyof typeof formulas, x).sum().backward();
    grid.forEach((g, i) => assertAlmostEquals(x.grad.data[i], df(g), 1e-12));
  }
});

Deno.test("backpropagation by hand (d2l §5.3) equals mlpLoss(...).backward()", () => {
  const rng = new Random(1);
  const X = new Matrix(8, 5, rng.normalArray(40)), y = [0, 1, 2, 0, 1, 2, 0, 1], lambda = 0.1;
  const net = initMLP([5, 6, 3], { rng });
  mlpLoss(net, X, y, { task: "classification", activation: "relu", l2: lambda }).backward();
  const [W1, W2] = net.weights.map((w) => w.data), [b1, b2] = net.biases.map((b) => b.data.data);
  const Z = X.matmul(W1).broadcastRow(b1, (z, b) => z + b);
  const H = Z.map((z) => Math.max(0, z));
  const O = H.matmul(W2).broadcastRow(b2, (o, b) => o + b);
  const GO = Tensor.constant(O).softmax().data.sub(oneHot(y, 3)).mul(1 / 8);
  const GZ = GO.matmul(W2.transpose()).map((g, i, j) => (Z.get(i, j) > 0 ? g : 0));
  const expected = [
    X.transpose().matmul(GZ).add(W1.mul(lambda)),
    H.transpose().matmul(GO).add(W2.mul(lambda)),
  ];
  expected.forEach((g, l) =>
    g.data.forEach((v, i) => assertAlmostEquals(net.weights[l].grad.data[i], v, 1e-15))
  );
  GO.sum(0).forEach((v, i) => assertAlmostEquals(net.biases[1].grad.data[i], v, 1e-15));
  GZ.sum(0).forEach((v, i) => assertAlmostEquals(net.biases[0].grad.data[i], v, 1e-15));
});

Deno.test("digits: the notebook's MLP reaches >= 0.96 test accuracy, as scikit-learn does", () => {
  const fixture = JSON.parse(
    Deno.readTextFileSync(new URL("../fixtures/mlp_digits.json", import.meta.url)),
  );
  const split = JSON.parse(
    Deno.readTextFileSync(new URL("../fixtures/digits_split.json", import.meta.url)),
  );
  const digits = loadDigits();
  const pixels = digits.X.map((row) => row.map((v) => v / 16));
  const { XTrain, XTest, yTrain, yTest } = trainTestSplit(pixels, digits.y, {
    testSize: 0.25,
    seed: 0,
    stratify: digits.y,
  });
  // The fixture was trained on exactly this split (tools/mlp_splits.ts wrote its indices).
  assertEquals(yTest, split.yTest);
  assertEquals(XTest[0], split.test.slice(0, 1).map((i: number) => pixels[i])[0]);

  const notebookOptions: Partial<MLPOptions> = {
    hiddenLayerSizes: [100],
    activation: "relu",
    optimizer: "adam",
    learningRate: 0.01,
    batchSize: 200,
    maxIter: 50,
    alpha: 1e-4,
    seed: 0,
  };
  const run = fixture.runs.find((r: { name: string }) => r.name === "notebook");
  const model = new MLPClassifier(notebookOptions);
  for (const [key, value] of Object.entries(run.options)) {
    assertEquals(model.options[key as keyof MLPOptions], value, `option ${key}`);
  }
  const start = performance.now();
  model.fit(XTrain, yTrain);
  const seconds = (performance.now() - start) / 1000;
  const accuracy = model.score(XTest, yTest);
  console.log(
    `digits MLP: ours ${accuracy.toFixed(4)} in ${seconds.toFixed(1)} s, ` +
      `scikit-learn ${run.accuracy.toFixed(4)} in ${run.seconds} s`,
  );
  assertGreater(accuracy, 0.96);
  assertGreater(run.accuracy, 0.96);
  assertAlmostEquals(accuracy, run.accuracy, 0.02);
  assertEquals(model.nIter, run.nIter);
  // Training losses follow the same curve (different initial weights): within 50% at the end.
  assertAlmostEquals(model.lossHistory.at(-1)! / run.lossCurve.at(-1), 1, 0.5);
});
