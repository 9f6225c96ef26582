/** Transformer layers against PyTorch 1.13, d2l's shape checks, names, masks and leaks. */
import { assertAlmostEquals, assertEquals, assertThrows } from "@std/assert";
import {
  AddNorm,
  causalMask,
  PositionalEncoding,
  PositionWiseFFN,
  ShapeError,
  tf,
  Transformer,
  TransformerDecoderLayer,
  TransformerEncoder,
  TransformerEncoderLayer,
  ValueError,
} from "../../../lib/mod.ts";
import { checkAgainstTorch, loadCase } from "./torch_fixture.ts";

for (const norm of ["post", "pre"] as const) {
  for (const act of ["relu", "gelu"] as const) {
    Deno.test(`PyTorch parity: TransformerEncoderLayer ${norm}-norm ${act} with padding`, () => {
      const c = loadCase(`encoder_layer_${norm}_${act}`);
      const layer = new TransformerEncoderLayer({
        dModel: 8,
        nhead: 2,
        dimFeedforward: 16,
        dropout: 0,
        activation: act,
        normFirst: norm === "pre",
      });
      const err = checkAgainstTorch(layer, c, (i) => ({
        out: layer.forward(i.src, { srcKeyPaddingMask: i.src_key_padding_mask }),
      }));
      console.log(`encoder ${norm} ${act} parity`, err);
    });
  }
}

Deno.test("PyTorch parity: TransformerDecoderLayer with causal and memory padding masks", () => {
  const c = loadCase("decoder_layer");
  const layer = new TransformerDecoderLayer({
    dModel: 8,
    nhead: 2,
    dimFeedforward: 16,
    dropout: 0,
  });
  const err = checkAgainstTorch(layer, c, (i) => ({
    out: layer.forward(i.tgt, i.memory, {
      tgtMask: i.tgt_mask.cast("bool"),
      memoryKeyPaddingMask: i.memory_key_padding_mask,
    }),
  }));
  console.log("decoder parity", err);
  assertEquals(layer.crossAttentionWeights!.shape, [2, 5, 6]);
});

Deno.test("d2l 11.7 shapes: FFN, AddNorm, encoder block and stack, full Transformer", () => {
  const ffn = new PositionWiseFFN({ numHiddens: 4, numOutputs: 8 }).eval();
  assertEquals(ffn.forward(tf.ones([2, 3, 8])).shape, [2, 3, 8]);
  const addNorm = new AddNorm(4, 0.5).eval();
  assertEquals(addNorm.forward(tf.ones([2, 3, 4]), tf.ones([2, 3, 4])).shape, [2, 3, 4]);
  const enc = new TransformerEncoder({ dModel: 24, nhead: 8, dimFeedforward: 48, dropout: 0.5 }, 2)
    .eval();
  const X = tf.ones([2, 100, 24]);
  assertEquals(enc.forward(X, { srcKeyPaddingMask: tf.zeros([2, 100]) }).shape, [2, 100, 24]);
  assertEquals(enc.namedParameters()[0][0], "layers.0.self_attn.q_proj.weight");
  const tr = new Transformer({
    dModel: 16,
    nhead: 4,
    dimFeedforward: 32,
    numEncoderLayers: 2,
    numDecoderLayers: 1,
  }).eval();
  assertEquals(
    tr.forward(tf.ones([2, 7, 16]), tf.ones([2, 5, 16]), { tgtMask: causalMask(5) }).shape,
    [2, 5, 16],
  );
  assertEquals(causalMask(3).dtype, "bool");
  assertEquals(causalMask(3).arraySync(), [[0, 1, 1], [0, 0, 1], [0, 0, 0]]);
  assertThrows(() => enc.forward(tf.ones([2, 100, 23])), ShapeError, "src has last dimension 23");
});

Deno.test("sinusoidal positional encoding: the table, odd widths, too-long inputs", () => {
  const pe = new PositionalEncoding({ numHiddens: 7, dropout: 0, maxLen: 10 });
  const P = pe.P.arraySync() as number[][];
  assertAlmostEquals(P[3][2], Math.sin(3 / Math.pow(10000, 2 / 7)), 1e-6);
  assertAlmostEquals(P[3][5], Math.cos(3 / Math.pow(10000, 4 / 7)), 1e-6);
  assertAlmostEquals(P[3][6], Math.sin(3 / Math.pow(10000, 6 / 7)), 1e-6);
  assertThrows(() => pe.forward(tf.zeros([1, 11, 7])), ValueError, "more than maxLen=10");
});

Deno.test("an encoder-layer training step leaks no tensors", () => {
  const layer = new TransformerEncoderLayer({
    dModel: 16,
    nhead: 4,
    dimFeedforward: 32,
    dropout: 0.1,
  });
  const opt = tf.train.adam(1e-3);
  const x = tf.randomNormal([2, 6, 16]);
  const mask = tf.tensor2d([[0, 0, 0, 0, 1, 1], [0, 0, 0, 0, 0, 0]]);
  const step = () =>
    tf.tidy(() =>
      opt.minimize(
        () => layer.forward(x, { srcKeyPaddingMask: mask }).square().mean() as tf.Scalar,
        true,
        layer.variables(),
      )!.dataSync()[0]
    );
  step();
  const before = tf.memory().numTensors;
  for (let i = 0; i < 3; i++) step();
  assertEquals(tf.memory().numTensors, before);
});
