/**
 * BERT: the tokenizer, the 15% / 80-10-10 masking (statistically), next-sentence pairs, padding
 * invariance, the tied MLM decoder, loss at initialisation, pre-training and fine-tuning steps,
 * and tensor leaks.
 */
import { assert, assertAlmostEquals, assertEquals, assertLess, assertThrows } from "@std/assert";
import {
  BERT,
  BertClassifier,
  BertForPreTraining,
  BertTokenizer,
  bookClassification,
  classifierAccuracy,
  fineTuneClassifier,
  manualSeed,
  maskTokens,
  orderTask,
  pretrainBERT,
  Random,
  sentencePairs,
  splitSentences,
  tf,
  tokenCrossEntropy,
  ValueError,
} from "../../../lib/mod.ts";

const dao = Deno.readTextFileSync(
  new URL("../../../data/classics/daodejing.txt", import.meta.url),
);
const tok = new BertTokenizer([dao]);

Deno.test("tokenizer: specials first, pairs truncated longest first", () => {
  assertEquals(tok.tokens.slice(0, 5), ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]);
  assertEquals(tok.encode("道x"), [tok.id("道"), 1]);
  const e = tok.encodePair("道可道非常道", "名可", 8);
  assertEquals(tok.decode(e.ids), "[CLS] 道 可 道 [SEP] 名 可 [SEP]");
  assertEquals(e.length, 8);
  assertEquals(e.segments, [0, 0, 0, 0, 0, 1, 1, 1]);
  assertThrows(() => tok.encodePair("a", "b", 4), Error, "maxLen");
});

Deno.test("splitSentences keeps Han characters of each clause", () => {
  assertEquals(splitSentences("上善若水。水善利万物而不争，处众人之所恶；故几于道。", 3), [
    "上善若水",
    "水善利万物而不争处众人之所恶",
    "故几于道",
  ]);
});

Deno.test("masking: 15% chosen; of those 80% [MASK], 10% random, 10% kept; specials never", () => {
  const V = 100;
  const rng = new Random(7);
  const rows = Array.from(
    { length: 400 },
    () => [2, ...Array.from({ length: 50 }, () => 5 + rng.int(V - 5)), 3, 0],
  );
  const { input, labels } = maskTokens(rows, V, new Random(1));
  let chosen = 0, masked = 0, kept = 0, other = 0, total = 0;
  rows.forEach((r, b) =>
    r.forEach((id, t) => {
      if (id < 5) {
        assertEquals([input[b][t], labels[b][t]], [id, 0]);
        return;
      }
      total++;
      if (labels[b][t] === 0) return assertEquals(input[b][t], id);
      chosen++;
      assertEquals(labels[b][t], id);
      if (input[b][t] === 4) masked++;
      else if (input[b][t] === id) kept++;
      else other++;
    })
  );
  // 20000 tokens: sd of the chosen fraction ≈ 0.0025; of the split ≈ 0.008-0.013
  assertAlmostEquals(chosen / total, 0.15, 0.01);
  assertAlmostEquals(masked / chosen, 0.8, 0.03);
  assertAlmostEquals(kept / chosen, 0.1 + 0.1 / (V - 5), 0.025);
  assertAlmostEquals(other / chosen, 0.1 * (1 - 1 / (V - 5)), 0.025);
  assertEquals(maskTokens(rows, V, new Random(1)), { input, labels });
});

Deno.test("sentencePairs: IsNext pairs are consecutive, about half of each", () => {
  const docs = [["a1", "a2", "a3"], ["b1", "b2"]];
  const pairs = sentencePairs(docs, 2000, new Random(0));
  for (const p of pairs.filter((p) => p.label === 0)) {
    const d = docs.find((d) => d.includes(p.a))!;
    assertEquals(d[d.indexOf(p.a) + 1], p.b);
  }
  assertAlmostEquals(pairs.filter((p) => p.label === 0).length / 2000, 0.5, 0.04);
});

Deno.test("padding does not change the states of real tokens", () => {
  manualSeed(0);
  const bert = new BERT({ vocabSize: tok.size, maxLen: 16, hidden: 16, heads: 2, layers: 2 })
    .eval();
  const a = tok.encodePair("上善若水", null, 6), b = tok.encodePair("上善若水", null, 12);
  const run = (e: typeof a) =>
    bert.forward(
      tf.tensor2d([e.ids], undefined, "int32"),
      tf.tensor2d([e.segments], undefined, "int32"),
    );
  const [ra, rb] = [run(a), run(b)];
  const sa = ra.sequence.arraySync() as number[][][], sb = rb.sequence.arraySync() as number[][][];
  for (let t = 0; t < 6; t++) sa[0][t].forEach((v, k) => assertAlmostEquals(v, sb[0][t][k], 1e-5));
  (ra.pooled.dataSync() as Float32Array).forEach((v, k) =>
    assertAlmostEquals(v, rb.pooled.dataSync()[k], 1e-5)
  );
});

Deno.test("MLM decoder is tied to the word embeddings; losses at init ≈ ln V and ln 2", () => {
  manualSeed(0);
  const m = new BertForPreTraining({ vocabSize: tok.size, maxLen: 16, hidden: 16, heads: 2 })
    .eval();
  const names = m.namedParameters().map(([k]) => k);
  assert(!names.some((k) => k.includes("decoder")));
  assertEquals(names.filter((k) => k.startsWith("mlm_")).length, 5); // dense w, b; norm w, b; bias
  const e = tok.encodePair("道可道非常道", "名可名", 16);
  const ids = tf.tensor2d([e.ids], undefined, "int32");
  const seg = tf.tensor2d([e.segments], undefined, "int32");
  const out = m.forward(ids, seg);
  const mlm = tokenCrossEntropy(out.mlm, ids, { ignoreIndex: 0 }).dataSync()[0];
  assertAlmostEquals(mlm, Math.log(tok.size), 0.2);
  const nsp = tokenCrossEntropy(out.nsp, tf.tensor1d([0], "int32")).dataSync()[0];
  assertAlmostEquals(nsp, Math.log(2), 0.4);
  const W = m.bert.embeddings.word_embeddings.weight;
  W.assign(W.value.mul(2));
  const out2 = m.forward(ids, seg);
  assert(tf.sub(out2.mlm, out.mlm).abs().max().dataSync()[0] > 1e-3);
});

Deno.test("pre-training lowers the MLM loss, frees its tensors, and is seeded", () => {
  const docs = [splitSentences(dao, 3).slice(0, 20)];
  const small = new BertTokenizer(docs[0]);
  const build = () => {
    manualSeed(0);
    return new BertForPreTraining({
      vocabSize: small.size,
      maxLen: 24,
      hidden: 16,
      heads: 2,
      layers: 1,
      dropout: 0,
    });
  };
  const m = build();
  const before = tf.memory().numTensors;
  const r = pretrainBERT(m, docs, small, { steps: 30, batchSize: 8, maxLen: 24, lr: 1e-2 });
  assertEquals(tf.memory().numTensors, before);
  const mean = (a: number[]) => a.reduce((x, y) => x + y) / a.length;
  assertLess(mean(r.mlmLoss.slice(-5)), mean(r.mlmLoss.slice(0, 5)) - 0.3);
  const r2 = pretrainBERT(build(), docs, small, { steps: 3, batchSize: 8, maxLen: 24, lr: 1e-2 });
  assertEquals(r2.mlmLoss, r.mlmLoss.slice(0, 3));
});

Deno.test("fine-tuning fits a separable task; pre-trained weights load into the classifier", () => {
  manualSeed(0);
  const cfg = { vocabSize: tok.size, maxLen: 12, hidden: 16, heads: 2, layers: 1, dropout: 0 };
  const pre = new BertForPreTraining(cfg);
  const clf = new BertClassifier(cfg, 2);
  clf.bert.loadStateDict(pre.bert.stateDict());
  const data = [
    "道可道",
    "非常道",
    "名可名",
    "非常名",
    "上善若水",
    "水善利",
    "天长地久",
    "谷神不死",
  ]
    .map((text, i) => ({ text, label: i < 4 ? 0 : 1 }));
  const before = tf.memory().numTensors;
  const losses = fineTuneClassifier(clf, data, tok, {
    epochs: 30,
    batchSize: 4,
    lr: 5e-3,
    maxLen: 12,
  });
  assertEquals(tf.memory().numTensors, before);
  assertLess(losses[29], losses[0]);
  assertEquals(classifierAccuracy(clf, data, tok, 12), 1);
});

Deno.test("bad input", () => {
  assertThrows(() => maskTokens([[5]], 3, new Random(0)), Error, "vocabSize");
  assertThrows(() => maskTokens([[5]], 30, new Random(0), { maskProb: 2 }), Error, "maskProb");
  const bert = new BERT({ vocabSize: 10, maxLen: 4, hidden: 8, heads: 2, layers: 1 });
  assertThrows(() => bert.forward(tf.zeros([1, 5], "int32"), tf.zeros([1, 5], "int32")), Error);
  assertThrows(() => bert.forward(tf.zeros([1, 3], "int32"), tf.zeros([1, 2], "int32")), Error);
  assertThrows(() => sentencePairs([["a"]], 1, new Random(0)), Error, "two sentences");
});

Deno.test("bookClassification: every clause once, labelled by book, seeded split", () => {
  const books = ["上善若水。天长地久。谷神不死。", "学而时习之。巧言令色。"];
  const { train, test } = bookClassification(books, { testFraction: 0.4, seed: 3 });
  assertEquals(test.length, 2);
  assertEquals(
    [...train, ...test].map((d) => `${d.label}${d.text}`).sort(),
    ["0上善若水", "0天长地久", "0谷神不死", "1学而时习之", "1巧言令色"],
  );
  assertEquals(bookClassification(books, { testFraction: 0.4, seed: 3 }), { train, test });
  assertThrows(() => bookClassification(books, { testFraction: 1 }), Error, "testFraction");
});

Deno.test("orderTask: each clause once, as written or a different permutation of its characters", () => {
  const clauses = [
    "道可道非常道",
    "名可名非常名",
    "天长地久天地",
    "上善若水水善利",
    "学而时习之",
    "aaaa",
  ];
  const { train, test } = orderTask(clauses, { testFraction: 0.4, seed: 3 });
  assertEquals(train.length + test.length, 5); // "aaaa" has one distinct character: no other order
  const sorted = (t: string) => [...t].sort().join("");
  const pool = new Map(clauses.map((c) => [sorted(c), c]));
  for (const d of [...train, ...test]) {
    const original = pool.get(sorted(d.text));
    assert(original !== undefined, d.text);
    assertEquals(d.label === 0, d.text === original);
  }
  assertEquals(orderTask(clauses, { testFraction: 0.4, seed: 3 }), { train, test });
  const many = orderTask(Array.from({ length: 400 }, (_, i) => `甲乙丙丁${i}`), { seed: 1 });
  const shuffled = [...many.train, ...many.test].filter((d) => d.label === 1).length;
  assert(shuffled > 160 && shuffled < 240, `${shuffled} of 400 shuffled`);
  assertThrows(() => orderTask(clauses, { testFraction: 1 }), ValueError, "testFraction");
});
