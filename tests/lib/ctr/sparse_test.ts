import { assertAlmostEquals, assertEquals, assertThrows } from "@std/assert";
import {
  applyLinear,
  CTRClassifier,
  FMModel,
  fmPairwise,
  FtrlProximal,
  Linear,
  linearProduct,
  lookup,
  manualSeed,
  matMul2d,
  type SparseRule,
  SparseTables,
  tf,
} from "../../../lib/mod.ts";

const N = 7, D = 3;

/** Runs `steps` updates of the same table by a dense optimizer and by SparseTables. */
function compare(
  rule: SparseRule,
  dense: (v: tf.Variable, g: tf.Tensor) => void,
  idsPerStep: number[][],
  tol: number,
  zeros = false,
): void {
  const init = zeros ? tf.zeros([N, D]) : tf.randomNormal([N, D], 0, 1, "float32", 5);
  const wd = tf.variable(init.clone()), ws = tf.variable(init.clone());
  const tables = new SparseTables([{ variable: ws, rule }]);
  idsPerStep.forEach((list, s) => {
    const ids = tf.tensor1d(list, "int32");
    const r = tf.randomNormal([list.length, D], 0, 1, "float32", 100 + s);
    const loss = (w: tf.Variable) => () =>
      lookup(w, ids).mul(r).sum().add(lookup(w, ids).square().sum()) as tf.Scalar;
    const gd = tf.variableGrads(loss(wd), [wd]);
    dense(wd, gd.grads[wd.name]);
    const gs = tables.step(() => tf.variableGrads(loss(ws), tables.anchors));
    tables.apply();
    tf.dispose([
      gd.value,
      gs.value,
      ids,
      r,
      ...Object.values(gd.grads),
      ...Object.values(gs.grads),
    ]);
  });
  tables.sync();
  const a = wd.dataSync(), b = ws.dataSync();
  for (let i = 0; i < a.length; i++) assertAlmostEquals(b[i], a[i], tol, `entry ${i}`);
  tables.dispose();
  tf.dispose([init, wd, ws]);
}

// ids 1 and 5 repeat inside a step (their gradients add); rows 0 and 6 are never touched
const PARTIAL = [[1, 2, 1], [3, 4, 5, 5], [2, 1], [4, 4, 3]];
const ALL = [[0, 1, 2, 3, 4, 5, 6, 2], [6, 5, 4, 3, 2, 1, 0], [0, 0, 1, 2, 3, 4, 5, 6]];

Deno.test("sparse SGD and AdaGrad equal tfjs's dense update even where rows are untouched", () => {
  const sgd = tf.train.sgd(0.1);
  compare(
    { kind: "sgd", learningRate: 0.1 },
    (v, g) => sgd.applyGradients([{ name: v.name, tensor: g }]),
    PARTIAL,
    1e-5,
  );
  const ada = tf.train.adagrad(0.3);
  compare(
    { kind: "adagrad", learningRate: 0.3 },
    (v, g) => ada.applyGradients([{ name: v.name, tensor: g }]),
    PARTIAL,
    1e-5,
  );
});

Deno.test("sparse FTRL equals FtrlProximal's dense update (zero gradients change nothing)", () => {
  const o = { alpha: 0.2, beta: 1, l1: 0.3, l2: 0.1 };
  const ftrl = new FtrlProximal(o);
  // FTRL's w is a function of (z, n): both tables start at the paper's w₀ = 0
  compare({ kind: "ftrl", ...o }, (v, g) => ftrl.applyGradients([v], [g]), PARTIAL, 1e-5, true);
  ftrl.dispose();
});

Deno.test("lazy Adam equals tfjs's Adam when every row is touched every step, and only then", () => {
  const adam = tf.train.adam(0.05);
  compare(
    { kind: "adam", learningRate: 0.05 },
    (v, g) => adam.applyGradients([{ name: v.name, tensor: g }]),
    ALL,
    1e-5,
  );
  const adam2 = tf.train.adam(0.05);
  let differs = false;
  try {
    compare(
      { kind: "adam", learningRate: 0.05 },
      (v, g) => adam2.applyGradients([{ name: v.name, tensor: g }]),
      PARTIAL,
      1e-5,
    );
  } catch {
    differs = true; // dense Adam keeps moving rows 1-5 by momentum on steps that skip them
  }
  assertEquals(differs, true);
});

Deno.test("SparseTables: an id outside the table is an error naming the range", () => {
  const w = tf.variable(tf.zeros([4, 2]));
  const tables = new SparseTables([{ variable: w, rule: { kind: "sgd", learningRate: 1 } }]);
  const ids = tf.tensor1d([1, 4], "int32");
  assertThrows(() => tables.step(() => lookup(w, ids)), Error, "ids must be in [0, 4). Got 4");
  tables.dispose();
});

Deno.test("CTRClassifier: sparse and dense training give the same model for SGD and AdaGrad", () => {
  const X = Int32Array.from({ length: 64 * 3 }, (_, i) => (i % 3) * 5 + ((i * 7) % 5));
  const y = Array.from({ length: 64 }, (_, i) => (i * 13) % 3 === 0 ? 1 : 0);
  for (const optimizer of ["sgd", "adagrad"] as const) {
    const probs = [true, false].map((sparse) => {
      manualSeed(4);
      const clf = new CTRClassifier({
        model: () => new FMModel({ numIds: 15, fields: 3, embedDim: 4 }),
        optimizer,
        learningRate: 0.1,
        l2: 0.01,
        sparse,
      });
      clf.fit(X, y, { epochs: 3, batchSize: 8 });
      const p = clf.predictProba(X);
      clf.model.dispose();
      return p;
    });
    for (let i = 0; i < probs[0].length; i++) assertAlmostEquals(probs[0][i], probs[1][i], 1e-5);
  }
});

Deno.test("linearProduct / applyLinear: values and gradients equal matMul2d's", () => {
  manualSeed(2);
  const lin = new Linear(5, 3);
  const x = tf.randomNormal([4, 5], 0, 1, "float32", 9) as tf.Tensor2D;
  const r = tf.randomNormal([4, 3], 0, 1, "float32", 10);
  const vars = [lin.weight.value, lin.bias!.value];
  const ref = tf.variableGrads(
    () => matMul2d(x, vars[0] as tf.Tensor2D, false, true).add(vars[1]).mul(r).sum() as tf.Scalar,
    vars,
  );
  const got = tf.variableGrads(() => applyLinear(lin, x).mul(r).sum() as tf.Scalar, vars);
  assertAlmostEquals(got.value.dataSync()[0], ref.value.dataSync()[0], 1e-4);
  for (const v of vars) {
    const a = ref.grads[v.name].dataSync(), b = got.grads[v.name].dataSync();
    for (let i = 0; i < a.length; i++) assertAlmostEquals(b[i], a[i], 1e-4);
  }
  const gx = tf.grad((t: tf.Tensor) =>
    linearProduct(t as tf.Tensor2D, vars[0] as tf.Tensor2D).mul(r).sum()
  )(x);
  const gxRef = tf.grad((t: tf.Tensor) =>
    matMul2d(t as tf.Tensor2D, vars[0] as tf.Tensor2D, false, true).mul(r).sum()
  )(x);
  const a = gxRef.dataSync(), b = gx.dataSync();
  for (let i = 0; i < a.length; i++) assertAlmostEquals(b[i], a[i], 1e-4);
});

Deno.test("fmPairwise's gradient equals the gradient of the plain O(kn) formula", () => {
  const e = tf.randomNormal([3, 4, 2], 0, 1, "float32", 11);
  const plain = (t: tf.Tensor) => t.sum(1).square().sub(t.square().sum(1)).sum(1).mul(0.5);
  const r = tf.tensor1d([1, -2, 0.5]);
  const a = tf.grad((t: tf.Tensor) => plain(t).mul(r).sum())(e).dataSync();
  const b = tf.grad((t: tf.Tensor) => fmPairwise(t).mul(r).sum())(e).dataSync();
  for (let i = 0; i < a.length; i++) assertAlmostEquals(b[i], a[i], 1e-4);
});

Deno.test("predictProba's JavaScript gather (tableReader) gives the tfjs gather's values", () => {
  const X = Int32Array.from({ length: 40 * 3 }, (_, i) => (i * 5 + (i % 3)) % 15);
  const y = Array.from({ length: 40 }, (_, i) => i % 2);
  for (const name of ["ffm", "deepfm", "wdl"] as const) {
    manualSeed(1);
    const clf = new CTRClassifier({
      model: { name, numIds: 15, fields: 3, embedDim: 2, hidden: [4], crossBuckets: 64 },
    });
    clf.fit(X, y, { batchSize: 8 });
    const viaGather = tf.tidy(() =>
      tf.sigmoid(clf.model.forward(tf.tensor2d(X, [40, 3], "int32"))).dataSync()
    );
    assertEquals(clf.predictProba(X), viaGather, name);
    clf.model.dispose();
  }
});
