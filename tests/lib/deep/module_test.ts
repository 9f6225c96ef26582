/** The module system: registration order, parameters, modes, state dicts, printed trees, seeding. */
import { assertEquals, assertThrows } from "@std/assert";
import {
  buildShapeOnly,
  Dropout,
  Embedding,
  LayerNorm,
  Linear,
  manualSeed,
  Module,
  ModuleList,
  ReLU,
  Sequential,
  ShapeError,
  Tanh,
  tf,
  ValueError,
} from "../../../lib/mod.ts";

class Pooler extends Module {
  dense = new Linear(8, 8);
  activation = new Tanh();
  forward(x: tf.Tensor): tf.Tensor {
    return this.activation.forward(this.dense.forward(x));
  }
}

class Net extends Module {
  embeddings = new Embedding(20, 8);
  layers = new ModuleList([new Linear(8, 8), new Linear(8, 8)]).withTypeName("LayerList");
  norm = new LayerNorm(8);
  pooler = new Pooler();
  _scratch = new Linear(2, 2); // private: not a child
  forward(ids: tf.Tensor): tf.Tensor {
    let h = this.embeddings.forward(ids);
    for (const l of this.layers) h = l.forward(h);
    return this.pooler.forward(this.norm.forward(h));
  }
}

Deno.test("children and parameters in registration order, private fields skipped", () => {
  const net = new Net();
  assertEquals(net.namedChildren().map(([k]) => k), ["embeddings", "layers", "norm", "pooler"]);
  assertEquals(net.namedParameters().map(([k]) => k), [
    "embeddings.weight",
    "layers.0.weight",
    "layers.0.bias",
    "layers.1.weight",
    "layers.1.bias",
    "norm.weight",
    "norm.bias",
    "pooler.dense.weight",
    "pooler.dense.bias",
  ]);
  assertEquals(net.numParameters(), 160 + 2 * 72 + 16 + 72);
  net.dispose();
});

Deno.test("toString prints the tree in the notes' notation", () => {
  const net = buildShapeOnly(() => new Net());
  assertEquals(
    net.toString(),
    [
      "Net(",
      "  (embeddings): Embedding(20, 8, sparse=False)",
      "  (layers): LayerList(",
      "    (0): Linear(in_features=8, out_features=8, dtype=float32)",
      "    (1): Linear(in_features=8, out_features=8, dtype=float32)",
      "  )",
      "  (norm): LayerNorm(normalized_shape=[8], epsilon=1e-05)",
      "  (pooler): Pooler(",
      "    (dense): Linear(in_features=8, out_features=8, dtype=float32)",
      "    (activation): Tanh()",
      "  )",
      ")",
    ].join("\n"),
  );
  assertEquals(new Dropout(0.1).toString(), "Dropout(p=0.1, axis=None, mode=upscale_in_train)");
  assertEquals(new Dropout(0).toString(), "Dropout(p=0, axis=None, mode=upscale_in_train)");
  assertEquals(new Sequential(new ReLU()).toString(), "Sequential(\n  (0): ReLU()\n)");
  assertThrows(() => net.pooler.dense.weight.value, ValueError, "shape-only");
});

Deno.test("the same seed builds the same weights; a different seed different ones", () => {
  manualSeed(7);
  const a = new Linear(3, 4);
  manualSeed(7);
  const b = new Linear(3, 4);
  const c = new Linear(3, 4);
  assertEquals(a.weight.value.arraySync(), b.weight.value.arraySync());
  const bound = 1 / Math.sqrt(3);
  const w = a.weight.value.dataSync();
  assertEquals(w.every((v) => Math.abs(v) <= bound), true);
  assertEquals(c.weight.value.arraySync() === b.weight.value.arraySync(), false);
  [a, b, c].forEach((m) => m.dispose());
});

Deno.test("train/eval propagate; dropout is identity in eval and scales by 1/(1-p) in train", () => {
  const seq = new Sequential(new Linear(4, 4), new Dropout(0.5));
  seq.eval();
  assertEquals(seq.namedModules().every(([, m]) => !m.training), true);
  const x = tf.ones([1000]);
  const d = new Dropout(0.5);
  const y = d.forward(x).dataSync();
  assertEquals(new Set(y), new Set([0, 2]));
  const kept = y.filter((v) => v > 0).length;
  assertEquals(kept > 400 && kept < 600, true);
  d.eval();
  assertEquals(d.forward(x).dataSync().every((v) => v === 1), true);
  seq.dispose();
});

Deno.test("stateDict / loadStateDict round trip, and one error listing every problem", () => {
  manualSeed(1);
  const a = new Net();
  const b = new Net();
  b.loadStateDict(a.stateDict());
  assertEquals(b.pooler.dense.weight.value.arraySync(), a.pooler.dense.weight.value.arraySync());
  const ids = tf.tensor2d([[1, 2, 3]], [1, 3], "int32");
  assertEquals(b.forward(ids).arraySync(), a.forward(ids).arraySync());
  const bad: Record<string, tf.Tensor> = { ...a.stateDict() };
  delete bad["norm.bias"];
  bad["extra.weight"] = tf.zeros([2]);
  bad["layers.1.bias"] = tf.zeros([9]);
  const err = assertThrows(() => b.loadStateDict(bad), ValueError);
  assertEquals(
    err.message,
    "loadStateDict(dict) for Net: missing keys: norm.bias. unexpected keys: extra.weight. " +
      "shape mismatches: layers.1.bias: expected [8], got [9].",
  );
  const report = b.loadStateDict(bad, { strict: false });
  assertEquals(report, {
    missing: ["norm.bias"],
    unexpected: ["extra.weight"],
    mismatched: ["layers.1.bias"],
  });
  a.dispose();
  b.dispose();
});

Deno.test("bad input: wrong last dimension, ids outside the vocabulary", () => {
  const fc = new Linear(3, 2);
  assertThrows(() => fc.forward(tf.zeros([2, 4])), ShapeError, "last dimension 4");
  const emb = new Embedding(5, 2);
  assertThrows(() => emb.forward([[0, 5]]), ValueError, "outside the vocabulary [0, 5)");
  assertThrows(
    () => new LayerNorm(3).forward(tf.zeros([2, 4])),
    ShapeError,
    "normalized_shape [3]",
  );
});

Deno.test("a training step leaks no tensors", () => {
  const net = new Net();
  const opt = tf.train.adam(0.01);
  const ids = tf.tensor2d([[1, 2, 3], [4, 5, 6]], [2, 3], "int32");
  const step = () =>
    tf.tidy(() => {
      const cost = opt.minimize(
        () => net.forward(ids).square().mean() as tf.Scalar,
        true,
        net.variables(),
      );
      return cost!.dataSync()[0];
    });
  step(); // creates the optimizer's slots
  const before = tf.memory().numTensors;
  step();
  step();
  assertEquals(tf.memory().numTensors, before);
  net.dispose();
  opt.dispose();
});
