/** Losses, schedules, vocabularies, the date task, seq2seq models and decoding. */
import { assert, assertAlmostEquals, assertEquals, assertThrows } from "@std/assert";
import {
  beamSearch,
  CharVocab,
  fitSeq2Seq,
  greedyDecode,
  makeDatePairs,
  manualSeed,
  padSequences,
  Seq2SeqRNN,
  Seq2SeqTransformer,
  seq2seqVocab,
  tf,
  tokenCrossEntropy,
  ValueError,
  warmupLR,
} from "../../../lib/mod.ts";

Deno.test("cross-entropy with label smoothing and ignored padding, by hand", () => {
  const lse = Math.log(Math.exp(2) + 3);
  const logits = tf.tensor3d([[[2, 0, 0, 0], [1, 1, 1, 1]]]);
  const y = tf.tensor2d([[0, 3]], [1, 2], "int32");
  const eps = 0.1;
  const first = (1 - eps) * (lse - 2) + eps * (lse - 0.5);
  assertAlmostEquals(
    tokenCrossEntropy(logits, y, { labelSmoothing: eps, ignoreIndex: 3 }).dataSync()[0],
    first,
    1e-5,
  );
  assertAlmostEquals(
    tokenCrossEntropy(logits, y, { labelSmoothing: eps }).dataSync()[0],
    (first + Math.log(4)) / 2,
    1e-5,
  );
  assertThrows(
    () => tokenCrossEntropy(logits, tf.tensor1d([0], "int32")),
    ValueError,
    "do not match logits",
  );
});

Deno.test("warm-up schedule: linear to the peak at warmupSteps, then 1/sqrt(step)", () => {
  const o = { dModel: 512, warmupSteps: 4000 };
  assertAlmostEquals(warmupLR(1000, o) / warmupLR(2000, o), 0.5, 1e-12);
  assert(warmupLR(4000, o) > warmupLR(3999, o) && warmupLR(4000, o) > warmupLR(4001, o));
  assertAlmostEquals(warmupLR(16000, o) / warmupLR(4000, o), 0.5, 1e-12);
});

Deno.test("char vocabulary, padding, and the date pairs", () => {
  const v = new CharVocab(["ab", "ba"], { extra: ["[CLS]"] });
  assertEquals(v.tokens, ["<pad>", "<bos>", "<eos>", "<unk>", "[CLS]", "a", "b"]);
  assertEquals(v.encode("abz", { bos: true, eos: true }), [1, 5, 6, 3, 2]);
  const { ids, validLens } = padSequences([[5, 6], [5]], 3);
  assertEquals([ids.arraySync(), validLens], [[[5, 6, 0], [5, 0, 0]], [2, 1]]);
  const pairs = makeDatePairs({ n: 200, seed: 4 });
  assertEquals(makeDatePairs({ n: 200, seed: 4 }), pairs);
  for (const p of pairs) {
    const [y, m, d] = p.target.split("-").map(Number);
    assert(y >= 1950 && y < 2050 && m >= 1 && m <= 12 && d >= 1 && d <= 31, p.target);
    assert(
      p.source.includes(String(d)) || /[〇一二三四五六七八九]/.test(p.source) ||
        p.source.includes(String(d).padStart(2, "0")),
    );
  }
});

Deno.test("seq2seq models: logits shapes, attention maps, greedy = beam of size 1, training lowers the loss", () => {
  manualSeed(0);
  const pairs = makeDatePairs({ n: 64, seed: 5 });
  const vocab = seq2seqVocab(pairs);
  const tr = new Seq2SeqTransformer({
    srcVocab: vocab.src.size,
    tgtVocab: vocab.tgt.size,
    dModel: 16,
    nhead: 2,
    numEncoderLayers: 1,
    numDecoderLayers: 1,
  });
  const att = new Seq2SeqRNN({
    srcVocab: vocab.src.size,
    tgtVocab: vocab.tgt.size,
    embedSize: 8,
    numHiddens: 16,
    numLayers: 1,
    attention: true,
  });
  const lstm = new Seq2SeqRNN({
    srcVocab: vocab.src.size,
    tgtVocab: vocab.tgt.size,
    embedSize: 8,
    numHiddens: 16,
    cell: "lstm",
  });
  const src = pairs.slice(0, 3).map((p) => vocab.src.encode(p.source, { eos: true }));
  for (const model of [tr, att, lstm]) {
    const { ids, validLens } = padSequences(src, vocab.srcLen);
    const logits = model.logits(ids, validLens, tf.ones([3, 4], "int32"));
    assertEquals(logits.shape, [3, 4, vocab.tgt.size]);
    if (model !== lstm) assertEquals(model.attentionWeights!.shape, [3, 4, vocab.srcLen]);
    const greedy = greedyDecode(model, [src[0]], { maxLen: 6 });
    assertEquals(beamSearch(model, src[0], { beamSize: 1, maxLen: 6 }).tokens, greedy.tokens[0]);
    greedy.attention?.dispose();
  }
  const { losses } = fitSeq2Seq(att, pairs, vocab, { epochs: 3, batchSize: 32, lr: 1e-2 });
  assert(losses[2] < losses[0], `${losses}`);
});
