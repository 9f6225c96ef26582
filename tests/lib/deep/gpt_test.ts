/**
 * GPT: the causal mask, the loss at initialisation, training, sampling (seeded, top-k), AdamW,
 * batches and tensor leaks.
 */
import { assert, assertAlmostEquals, assertEquals, assertLess, assertThrows } from "@std/assert";
import {
  AdamW,
  CharVocab,
  getBatch,
  GPT,
  Linear,
  manualSeed,
  Random,
  sampleLogits,
  tf,
  trainLanguageModel,
} from "../../../lib/mod.ts";

const text = Deno.readTextFileSync(new URL("../../../data/classics/daodejing.txt", import.meta.url))
  .replaceAll("\n", "");
const vocab = new CharVocab([text]);
const data = vocab.encode(text);

function tiny(dropout = 0): GPT {
  manualSeed(0);
  return new GPT({ vocabSize: vocab.size, blockSize: 16, nEmbd: 32, nHead: 4, nLayer: 2, dropout });
}

Deno.test("causal mask: changing a future token leaves earlier logits unchanged", () => {
  const gpt = tiny();
  const a = data.slice(0, 12), b = [...a];
  b[8] = (b[8] + 5) % vocab.size;
  const [la, lb] = [a, b].map((s) =>
    gpt.forward(tf.tensor2d([s], undefined, "int32")).arraySync() as number[][][]
  );
  for (let t = 0; t < 8; t++) {
    for (let v = 0; v < vocab.size; v++) assertAlmostEquals(la[0][t][v], lb[0][t][v], 1e-5);
  }
  const diff = la[0][8].reduce((s, x, v) => s + Math.abs(x - lb[0][8][v]), 0);
  assert(diff > 1e-3, "position 8 must see its own token");
});

Deno.test("loss at initialisation is close to ln(vocab size)", () => {
  const gpt = tiny();
  const { x, y } = getBatch(data, 16, 8, new Random(0));
  const loss = gpt.loss(x, y).dataSync()[0];
  assertAlmostEquals(loss, Math.log(vocab.size), 0.15);
});

Deno.test("training lowers the loss; no tensors leak per step", () => {
  const gpt = tiny(0.1);
  const opt = new AdamW(gpt, { lr: 3e-3 });
  const rng = new Random(1);
  const losses: number[] = [];
  let count = 0;
  for (let i = 0; i < 25; i++) {
    if (i === 2) count = tf.memory().numTensors;
    const { x, y } = getBatch(data, 16, 16, rng);
    losses.push(opt.step(() => gpt.loss(x, y)));
    tf.dispose([x, y]);
    if (i >= 2) assertEquals(tf.memory().numTensors, count, `leak at step ${i}`);
  }
  assertLess(losses.slice(-5).reduce((a, b) => a + b) / 5, losses[0] - 0.5);
  opt.dispose();
});

Deno.test("trainLanguageModel: curves and held-out loss fall, seeded", () => {
  const run = () =>
    trainLanguageModel(tiny(), data.slice(0, 1100), data.slice(1100), {
      steps: 20,
      batchSize: 8,
      lr: 3e-3,
      evalEvery: 10,
      evalBatches: 2,
    });
  const r = run();
  assertEquals(r.trainLoss.length, 20);
  assertEquals(r.valLoss.map(([s]) => s), [0, 10, 20]);
  assertLess(r.valLoss[2][1], r.valLoss[0][1]);
  assertEquals(run().trainLoss, r.trainLoss);
});

Deno.test("generate: same seed same text, top-1 equals greedy, top-k restricts support", () => {
  const gpt = tiny();
  const ctx = [vocab.encode("道可")];
  const a = gpt.generate(ctx, 10, { seed: 3 }), b = gpt.generate(ctx, 10, { seed: 3 });
  assertEquals(a, b);
  assertEquals(a[0].length, 12);
  assertEquals(
    gpt.generate(ctx, 6, { topK: 1, seed: 9 }),
    gpt.generate(ctx, 6, { temperature: 0 }),
  );
  const logits = [5, 4, 3, 0, -1, -2];
  const rng = new Random(0);
  const seen = new Set<number>();
  for (let i = 0; i < 2000; i++) seen.add(sampleLogits(logits, 2, 3, rng));
  assertEquals([...seen].sort(), [0, 1, 2]);
  const all = new Set<number>();
  for (let i = 0; i < 2000; i++) all.add(sampleLogits(logits, 2, null, rng));
  assertEquals(all.size, 6);
});

Deno.test("sampling frequencies follow softmax(logits / T)", () => {
  const rng = new Random(5);
  const counts = [0, 0];
  for (let i = 0; i < 20000; i++) counts[sampleLogits([Math.log(3), 0], 1, null, rng)]++;
  assertAlmostEquals(counts[0] / 20000, 0.75, 0.015);
});

Deno.test("AdamW decays weight matrices, not biases", () => {
  const fc = new Linear(2, 2);
  tf.tidy(() => {
    fc.weight.value.assign(tf.ones([2, 2]));
    fc.bias!.value.assign(tf.ones([2]));
  });
  const opt = new AdamW(fc, { lr: 0.1, weightDecay: 0.5 });
  opt.step(() => tf.scalar(0).add(fc.forward(tf.zeros([1, 2])).mul(0).sum()) as tf.Scalar);
  (fc.weight.value.dataSync() as Float32Array).forEach((w) => assertAlmostEquals(w, 0.95, 1e-6));
  (fc.bias!.value.dataSync() as Float32Array).forEach((w) => assertAlmostEquals(w, 1, 1e-6));
});

Deno.test("bad input: long contexts, bad ids, bad options", () => {
  const gpt = tiny();
  assertThrows(() => gpt.forward(tf.zeros([1, 17], "int32")), Error, "blockSize");
  assertThrows(() => gpt.forward(tf.tensor2d([[vocab.size]], [1, 1], "int32")));
  assertThrows(() => gpt.generate([[1]], 2, { topK: 0 }), Error, "topK");
  assertThrows(() => new GPT({ vocabSize: 10, blockSize: 0 }), Error, "blockSize");
  assertThrows(() => getBatch([1, 2], 4, 1, new Random(0)), Error, "blockSize");
});
