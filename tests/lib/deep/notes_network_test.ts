import { assertEquals, assertThrows } from "@std/assert";
import {
  BasicBlock,
  buildNotesNetwork,
  countParameters,
  EncoderCNN,
  ErnieMModel,
  ErnieMResNetClassifier,
  manualSeed,
  type NotesNetworkOptions,
  readSafetensors,
  ResNet,
  SMALL_NOTES_NETWORK,
  tf,
  writeSafetensors,
} from "../../../lib/mod.ts";

const SMALL: NotesNetworkOptions = {
  text: { vocabSize: 2000, hidden: 64, numLayers: 2, numHeads: 4, ffn: 128, maxPositions: 34 },
  image: { block: "bottleneck", layers: [1, 1, 1, 1], width: 4, inChannels: 1, smallStem: true },
  textHeads: 4,
  imageHeads: 4,
  hidden: 32,
};

Deno.test("the full network, built shape-only, prints the notes' tree line for line", () => {
  const net = buildNotesNetwork({ shapeOnly: true });
  const want = Deno.readTextFileSync(
    new URL("../../fixtures/deep/notes_network.txt", import.meta.url),
  ).replace(/\n$/, "").split("\n");
  const got = net.toString().split("\n");
  assertEquals(got.length, want.length);
  for (let i = 0; i < want.length; i++) assertEquals(got[i], want[i], `line ${i + 1}`);
});

Deno.test("the full network has 345 462 083 parameters; 5632 = 2·768 + 2·2048", () => {
  const net = buildNotesNetwork();
  assertEquals(countParameters(net), 345462083);
  assertEquals(net.classifier1.inFeatures, 5632);
  const parts = net.parameterBreakdown();
  assertEquals(parts["ernie.word_embeddings"], 250002 * 768);
  assertEquals(parts["resnet"], 44549160 - (2048 * 1000 + 1000)); // torchvision resnet101 minus fc
  assertEquals(Object.values(parts).reduce((a, b) => a + b, 0), 345462083);
  assertThrows(
    () => net.forward(tf.zeros([1, 4], "int32"), tf.zeros([1, 3, 32, 32])),
    Error,
    "shape-only",
  );
});

Deno.test("loadStateDict takes the notes' parameter names from safetensors", () => {
  manualSeed(1);
  const a = new ErnieMResNetClassifier(SMALL);
  const keys = Object.keys(a.stateDict());
  for (
    const k of [
      "ernie.embeddings.word_embeddings.weight",
      "ernie.encoder.layers.0.self_attn.q_proj.weight",
      "resnet.resnet.4.0.conv1.weight",
      "resnet.resnet.5.0.downsample.0.weight",
      "resnet.resnet.1.running_var",
      "attention_image.out_proj.bias",
      "classifier2.weight",
    ]
  ) assertEquals(keys.includes(k), true, k);
  const bytes = writeSafetensors(a.stateDict());
  manualSeed(2);
  const b = new ErnieMResNetClassifier(SMALL).eval();
  b.loadStateDict(readSafetensors(bytes));
  a.eval();
  const ids = tf.tensor2d([[0, 5, 9, 1], [0, 7, 1, 1]], [2, 4], "int32");
  const img = tf.randomUniform([2, 1, 28, 28], 0, 1, "float32", 3);
  const d = tf.tidy(() => a.forward(ids, img).logits.sub(b.forward(ids, img).logits).abs().max());
  assertEquals(d.dataSync()[0], 0);
  // Paddle's BatchNorm names are accepted too
  const dict = readSafetensors(bytes);
  dict["resnet.resnet.1._mean"] = dict["resnet.resnet.1.running_mean"];
  delete dict["resnet.resnet.1.running_mean"];
  b.loadStateDict(dict);
});

Deno.test("bad input: missing/extra keys, token ids, caption length, channels, batch", () => {
  const net = new ErnieMResNetClassifier(SMALL);
  const dict = { ...net.stateDict() };
  delete dict["classifier1.bias"];
  dict["classifier3.weight"] = tf.zeros([2]);
  assertThrows(() => net.loadStateDict(dict), Error, "missing keys: classifier1.bias");
  assertThrows(() => net.loadStateDict(dict), Error, "unexpected keys: classifier3.weight");
  const img = tf.zeros([1, 1, 28, 28]);
  assertThrows(
    () => net.forward(tf.tensor2d([[0, 2000]], [1, 2], "int32"), img),
    Error,
    "outside the vocabulary",
  );
  assertThrows(() => net.forward(tf.zeros([1, 33], "int32"), img), Error, "at most 32 tokens");
  assertThrows(
    () => net.forward(tf.zeros([1, 3], "int32"), tf.zeros([1, 3, 28, 28])),
    Error,
    "expects 1 input channels",
  );
  assertThrows(() => net.forward(tf.zeros([2, 3], "int32"), img), Error, "same batch size");
});

Deno.test("the small network trains a step without leaking tensors; attention maps are distributions", () => {
  manualSeed(3);
  const net = new ErnieMResNetClassifier(SMALL);
  const ids = tf.tensor2d([[0, 5, 9, 1], [0, 7, 8, 9]], [2, 4], "int32");
  const img = tf.randomUniform([2, 1, 28, 28], 0, 1, "float32", 4);
  const y = tf.oneHot(tf.tensor1d([0, 2], "int32"), 3);
  const opt = tf.train.adam(1e-3);
  const step = () =>
    opt.minimize(
      () => {
        const out = net.forward(ids, img);
        out.textAttention.dispose();
        out.imageAttention.dispose();
        return tf.losses.softmaxCrossEntropy(y, out.logits) as tf.Scalar;
      },
      false,
      net.variables(),
    );
  step();
  const before = tf.memory().numTensors;
  step();
  assertEquals(tf.memory().numTensors, before);
  net.eval();
  const out = net.forward(ids, img);
  assertEquals(out.logits.shape, [2, 3]);
  assertEquals(out.textAttention.shape, [2, 4]);
  assertEquals(out.imageAttention.shape, [2, 16]); // 28 → 28 → 14 → 7 → 4: a 4 × 4 map
  const t = out.textAttention.arraySync() as number[][];
  assertEquals(t[0][3], 0); // the padding token gets no attention
  assertEquals(Math.abs(t[1].reduce((a, b) => a + b, 0) - 1) < 1e-5, true);
});

Deno.test("bad input at full size: a caption longer than the 514-row position table, ids outside the vocabulary", () => {
  manualSeed(4);
  // the notes' position table (514 rows, positions from 2) on a narrow encoder
  const ernie = new ErnieMModel({ vocabSize: 50, hidden: 8, numLayers: 1, numHeads: 2, ffn: 8 });
  assertEquals(ernie.embeddings.position_embeddings.numEmbeddings, 514);
  const [seq] = ernie.forward(tf.zeros([1, 512], "int32"));
  assertEquals(seq.shape, [1, 512, 8]);
  assertThrows(
    () => ernie.forward(tf.zeros([1, 513], "int32")),
    Error,
    "captions of 513 tokens are longer than the position table allows (514 rows",
  );
  assertThrows(
    () => ernie.forward(tf.tensor2d([[0, -1]], [1, 2], "int32")),
    Error,
    "token ids in [-1, 0], outside the vocabulary [0, 50)",
  );
  assertThrows(() => ernie.forward(tf.zeros([4], "int32")), Error, "must be (batch, T)");
  // a state dict of the right keys but a wrong shape is refused, naming the key
  const dict = { ...ernie.stateDict() };
  dict["embeddings.word_embeddings.weight"] = tf.zeros([49, 8]);
  assertThrows(
    () => ernie.loadStateDict(dict),
    Error,
    "embeddings.word_embeddings.weight: expected [50,8], got [49,8]",
  );
});

Deno.test("SMALL_NOTES_NETWORK: space-to-depth stem, a 2×2 image map, text-only skips the image encoder", () => {
  manualSeed(5);
  const net = new ErnieMResNetClassifier(SMALL_NOTES_NETWORK).eval();
  assertEquals(net.resnet.spaceToDepth, 2);
  assertEquals(net.resnet.imageChannels, 1);
  assertEquals(net.resnet._net.conv1.inChannels, 4);
  const ids = tf.tensor2d([[0, 5, 9, 1]], [1, 4], "int32");
  const img = tf.randomUniform([1, 1, 28, 28], 0, 1, "float32", 6);
  const out = net.forward(ids, img);
  assertEquals(out.imageAttention.shape, [1, 4]); // 14 → 14 → 7 → 4 → 2
  // space-to-depth puts pixel (2r + i, 2c + j) into channel 2i + j at (r, c)
  const x = tf.range(0, 16).reshape([1, 1, 4, 4]);
  const s2d = x.reshape([1, 2, 2, 2, 2]).transpose([0, 2, 4, 1, 3]).reshape([1, 4, 2, 2]);
  assertEquals((s2d.arraySync() as number[][][][])[0][1], [[1, 3], [9, 11]]);
  assertThrows(
    () => net.forward(ids, tf.zeros([1, 1, 27, 27])),
    Error,
    "needs image sides divisible by 2. Got 27×27",
  );
  assertThrows(
    () => net.forward(ids, tf.zeros([1, 4, 14, 14])),
    Error,
    "expects 1 input channels",
  );
  net.modality = "text";
  const t = net.forward(ids, img);
  assertEquals(t.imageAttention.shape, [1, 0]);
  assertEquals(t.logits.shape, [1, 3]);
  assertThrows(
    () =>
      new EncoderCNN(new ResNet(BasicBlock, [1, 1, 1, 1], { inChannels: 3 }), { spaceToDepth: 2 }),
    Error,
    "multiple of 4",
  );
});
