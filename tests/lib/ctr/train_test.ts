import { assert, assertAlmostEquals, assertEquals, assertThrows } from "@std/assert";
import {
  binaryAuc,
  binaryLogLoss,
  CTR_MODELS,
  CTRClassifier,
  FMModel,
  FtrlProximal,
  makeCTRClassifier,
  manualSeed,
  NotFittedError,
  sigmoidCrossEntropy,
  tf,
} from "../../../lib/mod.ts";

Deno.test("FtrlProximal matches the paper's per-coordinate update (Algorithm 1) for 5 steps", () => {
  const alpha = 0.3, beta = 1, l1 = 0.2, l2 = 0.5;
  const opt = new FtrlProximal({ alpha, beta, l1, l2 });
  const w = tf.variable(tf.zeros([3]));
  const z = [0, 0, 0], n = [0, 0, 0], ref = [0, 0, 0];
  const gs = [[1, -0.1, 0], [0.5, -0.2, 0], [-2, 0.05, 0], [0.3, 0.4, 0], [0.1, -1, 0]];
  for (const g of gs) {
    opt.applyGradients([w], [tf.tensor1d(g)]);
    for (let i = 0; i < 3; i++) {
      const sigma = (Math.sqrt(n[i] + g[i] * g[i]) - Math.sqrt(n[i])) / alpha;
      z[i] += g[i] - sigma * ref[i];
      n[i] += g[i] * g[i];
      ref[i] = Math.abs(z[i]) <= l1
        ? 0
        : -(z[i] - Math.sign(z[i]) * l1) / ((beta + Math.sqrt(n[i])) / alpha + l2);
    }
    const got = w.dataSync();
    for (let i = 0; i < 3; i++) assertAlmostEquals(got[i], ref[i], 1e-5);
  }
  assertEquals(w.dataSync()[2], 0);
  opt.dispose();
});

Deno.test("gradients of the FM loss agree with finite differences", () => {
  manualSeed(3);
  const m = new FMModel({ numIds: 6, fields: 3, embedDim: 2 });
  m.embedding.weight.assign(tf.randomNormal([6, 2], 0, 0.5, "float32", 1));
  const ids = tf.tensor2d([[0, 2, 4], [1, 3, 5]], [2, 3], "int32"), y = tf.tensor1d([1, 0]);
  const loss = () => sigmoidCrossEntropy(m.forward(ids), y);
  const v = m.embedding.weight.value;
  const { grads } = tf.variableGrads(loss, [v]);
  const g = grads[v.name].dataSync();
  const base = v.dataSync().slice();
  const h = 1e-2;
  for (const i of [0, 3, 5, 9]) {
    const at = (d: number) => {
      const w = base.slice();
      w[i] += d;
      v.assign(tf.tensor2d(w, [6, 2]));
      return loss().dataSync()[0];
    };
    const fd = (at(h) - at(-h)) / (2 * h);
    assertAlmostEquals(g[i], fd, 2e-3);
  }
});

Deno.test("binaryAuc and binaryLogLoss", () => {
  assertEquals(binaryAuc([0, 1, 0, 1], [0.5, 0.5, 0.5, 0.5]), 0.5);
  assertEquals(binaryAuc([0, 0, 1], [0.1, 0.2, 0.9]), 1);
  assertAlmostEquals(
    binaryLogLoss([1, 0], [0.9, 0.2]),
    -(Math.log(0.9) + Math.log(0.8)) / 2,
    1e-12,
  );
  assertThrows(() => binaryAuc([1, 1], [0.1, 0.2]), Error, "both labels");
});

// a planted interaction: click iff field 0 and field 1 agree (ids 0/1 and 2/3), not linear
function xorData(n: number): [Int32Array, number[]] {
  const X = new Int32Array(n * 2), y: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = i % 2, b = (i >> 1) % 2;
    X[2 * i] = a;
    X[2 * i + 1] = 2 + b;
    y.push(a === b ? 1 : 0);
  }
  return [X, y];
}

Deno.test("every benchmark model trains without leaking tensors and FM learns an interaction LR cannot", () => {
  const [X, y] = xorData(64);
  const auc: Record<string, number> = {};
  for (const name of CTR_MODELS) {
    manualSeed(1);
    const clf = makeCTRClassifier(name, { numIds: 4, fields: 2, embedDim: 4, hidden: [8] });
    clf.fit(X, y, { epochs: 1, batchSize: 16 }); // warm up optimizer slots
    const before = tf.memory().numTensors;
    clf.fit(X, y, { epochs: 1, batchSize: 16 });
    const after = tf.memory().numTensors;
    assertEquals(after, before, `${name} leaks ${after - before} tensors per fit`);
    assert(clf.parameters > 0);
    if (name === "lr" || name === "fm") {
      clf.options.learningRate = 0.05;
      clf.fit(X, y, { epochs: 60, batchSize: 16, validation: [X, y] });
      auc[name] = clf.history.at(-1)!.valAuc;
    }
    clf.model.dispose();
  }
  assert(auc.fm > 0.99, `fm ${auc.fm}`);
  assert(auc.lr <= 0.6, `lr ${auc.lr}`);
});

Deno.test("CTRClassifier checks its inputs", () => {
  const clf = new CTRClassifier({ model: () => new FMModel({ numIds: 4, fields: 2 }) });
  assertThrows(() => clf.predictProba(new Int32Array(2)), Error, "not fitted");
  assertThrows(() => clf.fit(new Int32Array(3), [0, 1]), Error, "not a multiple");
  assertThrows(() => clf.fit(new Int32Array(4), [0, 2]), Error, "y[1] must be 0 or 1");
});

Deno.test("CTRClassifier: shared option checks and NotFittedError", () => {
  const model = () => new FMModel({ numIds: 4, fields: 2, embedDim: 2 });
  assertThrows(
    // deno-lint-ignore no-explicit-any
    () => new CTRClassifier({ model, learning_rate: 0.1 } as any),
    Error,
    "learningRate",
  );
  // deno-lint-ignore no-explicit-any
  assertThrows(() => new CTRClassifier(3 as any), Error, "options object");
  const clf = new CTRClassifier({ model });
  assertThrows(() => clf.model, NotFittedError, "This CTRClassifier instance is not fitted yet");
  const X = Int32Array.from([0, 2, 1, 3]);
  // deno-lint-ignore no-explicit-any
  assertThrows(() => clf.fit(X, [1, 0], { epoch: 2 } as any), Error, "epochs");
});
