/** Attention: d2l's checks, and nn.MultiheadAttention, LayerNorm and Embedding against PyTorch 1.13. */
import { assert, assertAlmostEquals, assertEquals, assertThrows } from "@std/assert";
import {
  AdditiveAttention,
  DotProductAttention,
  Embedding,
  LayerNorm,
  manualSeed,
  maskedSoftmax,
  MultiHeadAttention,
  ShapeError,
  tf,
  ValueError,
} from "../../../lib/mod.ts";
import { checkAgainstTorch, loadCase } from "./torch_fixture.ts";

Deno.test("d2l 11.3: masked softmax keeps the first valid lengths, per example or per query", () => {
  manualSeed(0);
  const X = tf.randomUniform([2, 2, 4], 0, 1, "float32", 1);
  const p = maskedSoftmax(X, [2, 3]).arraySync() as number[][][];
  for (const [b, len] of [[0, 2], [1, 3]]) {
    for (const row of p[b]) {
      assertAlmostEquals(row.slice(0, len).reduce((s, v) => s + v, 0), 1, 1e-6);
      assertEquals(row.slice(len), Array(4 - len).fill(0));
    }
  }
  const q = maskedSoftmax(X, [[1, 3], [2, 4]]).arraySync() as number[][][];
  assertEquals([q[0][0][1], q[0][1][3], q[1][0][2]], [0, 0, 0]);
  assert(q[1][1][3] > 0);
  assertThrows(() => maskedSoftmax(X, [1, 2, 3]), ShapeError, "validLens has shape [3]");
});

Deno.test("d2l 11.3: dot-product attention on keys of ones returns the means of the first values", () => {
  const queries = tf.randomNormal([2, 1, 2], 0, 1, "float32", 3);
  const keys = tf.ones([2, 10, 2]);
  const values = tf.randomNormal([2, 10, 4], 0, 1, "float32", 4);
  const att = new DotProductAttention({ dropout: 0.5 }).eval();
  const out = att.forward(queries, keys, values, tf.tensor1d([2, 6]));
  assertEquals(out.shape, [2, 1, 4]);
  const v = values.arraySync() as number[][][];
  const o = out.arraySync() as number[][][];
  for (const [b, len] of [[0, 2], [1, 6]]) {
    for (let j = 0; j < 4; j++) {
      const mean = v[b].slice(0, len).reduce((s, r) => s + r[j], 0) / len;
      assertAlmostEquals(o[b][0][j], mean, 1e-5);
    }
  }
  assertEquals(att.attentionWeights!.shape, [2, 1, 10]);
  const add = new AdditiveAttention({ keySize: 2, querySize: 20, numHiddens: 8, dropout: 0.1 })
    .eval();
  const out2 = add.forward(tf.randomNormal([2, 1, 20]), keys, values, [2, 6]);
  assertEquals(out2.shape, [2, 1, 4]); // d2l: keys equal, so again the means
  assertAlmostEquals((out2.arraySync() as number[][][])[1][0][0], o[1][0][0], 1e-5);
});

Deno.test("d2l 11.5: multi-head attention output shape (2, 4, 100); bad options and masks", () => {
  const mha = new MultiHeadAttention({ embedDim: 100, numHeads: 5, dropout: 0.5 }).eval();
  const X = tf.ones([2, 4, 100]), Y = tf.ones([2, 6, 100]);
  const [out, w] = mha.forward(X, Y, Y, {
    keyPaddingMask: tf.tensor2d([[0, 0, 0, 1, 1, 1], [0, 0, 0, 0, 0, 0]]),
  });
  assertEquals(out.shape, [2, 4, 100]);
  assertEquals(w!.shape, [2, 4, 6]);
  assertEquals((w!.arraySync() as number[][][])[0][0].map((x) => +x.toFixed(4)), [
    0.3333,
    0.3333,
    0.3333,
    0,
    0,
    0,
  ]);
  assertEquals(mha.forward(X, Y, Y, { needWeights: false })[1], null);
  assertThrows(
    () => new MultiHeadAttention({ embedDim: 100, numHeads: 3 }),
    ValueError,
    "embedDim=100, numHeads=3",
  );
  assertThrows(
    () => mha.forward(X, Y, Y, { keyPaddingMask: tf.zeros([2, 4]) }),
    ShapeError,
    "expected [2, 6]",
  );
  assertThrows(
    () => mha.forward(X, Y, Y, { attnMask: tf.zeros([6, 4]) }),
    ShapeError,
    "expected [4, 6] or [10, 4, 6]",
  );
  assertThrows(
    () => mha.forward(tf.ones([2, 4, 99]), Y, Y),
    ShapeError,
    "query has last dimension 99",
  );
  assertEquals(
    mha.toString().split("\n").slice(0, 2).join("\n"),
    "MultiHeadAttention(\n  (q_proj): Linear(in_features=100, out_features=100, dtype=float32)",
  );
});

Deno.test("LayerNorm versus BatchNorm on [[1, 2], [2, 3]] (d2l 11.7)", () => {
  const X = tf.tensor2d([[1, 2], [2, 3]]);
  const ln = (new LayerNorm(2).forward(X).arraySync() as number[][]).flat().map((v) =>
    +v.toFixed(4)
  );
  assertEquals(ln, [-1, 1, -1, 1]);
  // batch norm in training mode normalises each feature over the batch instead
  const { mean, variance } = tf.moments(X, 0);
  const bn = (X.sub(mean).div(variance.add(1e-5).sqrt()).arraySync() as number[][]).flat().map((
    v,
  ) => +v.toFixed(4));
  assertEquals(bn, [-1, -1, 1, 1]);
});

Deno.test("PyTorch parity: nn.MultiheadAttention with key padding and causal masks", () => {
  const c = loadCase("mha");
  const mha = new MultiHeadAttention({ embedDim: 8, numHeads: 2 });
  const err = checkAgainstTorch(mha, c, (i) => {
    const [out, weights] = mha.forward(i.query, i.key, i.value, {
      keyPaddingMask: i.key_padding_mask,
      attnMask: i.attn_mask.cast("bool"),
    });
    return { out, weights: weights! };
  });
  console.log("mha parity", err);
});

Deno.test("PyTorch parity: LayerNorm and Embedding with padding_idx", () => {
  const ln = new LayerNorm(8);
  console.log(
    "layer norm parity",
    checkAgainstTorch(ln, loadCase("layer_norm"), (i) => ({ out: ln.forward(i.x) })),
  );
  const emb = new Embedding(11, 8, { paddingIdx: 0 });
  console.log(
    "embedding parity",
    checkAgainstTorch(emb, loadCase("embedding"), (i) => ({ out: emb.forward(i.ids) })),
  );
});

Deno.test("fully masked rows: zero weights, output = out_proj bias, finite gradients", () => {
  manualSeed(3);
  const mha = new MultiHeadAttention({ embedDim: 8, numHeads: 2 });
  tf.tidy(() => mha.out_proj.bias!.assign(tf.range(0, 8).toFloat().div(10)));
  const x = tf.randomNormal([2, 3, 8], 0, 1, "float32", 9);
  const pad = tf.tensor2d([[1, 1, 1], [0, 0, 1]]); // example 0: every key is padding
  const [out, w] = mha.forward(x, x, x, { keyPaddingMask: pad });
  const W = w!.arraySync() as number[][][];
  assertEquals(W[0], [[0, 0, 0], [0, 0, 0], [0, 0, 0]]);
  for (const row of W[1]) {
    assertAlmostEquals(row[0] + row[1], 1, 1e-6);
    assertEquals(row[2], 0);
  }
  const O = out.arraySync() as number[][][];
  for (const row of O[0]) row.forEach((v, j) => assertAlmostEquals(v, j / 10, 1e-6));
  // a causal mask that blocks row 0 entirely: the same rule, per query
  const block = tf.tensor2d([[true, true, true], [false, true, true], [false, false, true]]);
  const [, w2] = mha.forward(x, x, x, { attnMask: block, averageAttnWeights: false });
  const W2 = w2!.arraySync() as number[][][][];
  assertEquals(W2[1][1][0], [0, 0, 0]);
  assertAlmostEquals(W2[1][1][1][0], 1, 1e-6);
  const { grads } = tf.variableGrads(
    () => mha.forward(x, x, x, { keyPaddingMask: pad })[0].square().sum() as tf.Scalar,
    mha.variables(),
  );
  for (const g of Object.values(grads)) assert(g.isFinite().all().dataSync()[0] === 1);
});
