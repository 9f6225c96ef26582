/**
 * The numbers notebooks/64_bert.ipynb shows: tokenizer and corpus, the pair encoding, the masking
 * statistics on the corpus, losses at initialisation, and the committed pre-training and
 * fine-tune-versus-scratch results (weights load strictly).
 */
import { assert, assertAlmostEquals, assertEquals, assertLess } from "@std/assert";
import {
  BertForPreTraining,
  BertTokenizer,
  bookClassification,
  manualSeed,
  maskTokens,
  Random,
  readSafetensors,
  splitSentences,
  tf,
  tokenCrossEntropy,
} from "../../lib/mod.ts";
import { headingIs, modelSections, sectionHeadings, sourceNotebook } from "../support/notebooks.ts";

const root = new URL("../../", import.meta.url);
const books = ["daodejing", "lunyu_xueer"].map((b) =>
  Deno.readTextFileSync(new URL(`data/classics/${b}.txt`, root))
);
const tok = new BertTokenizer(books);
const docs = books.map((b) => splitSentences(b, 3));
const saved = JSON.parse(Deno.readTextFileSync(new URL("data/deep/bert_classics.json", root)));

Deno.test("notebook has the model sections and reading notes", () => {
  const headings = sectionHeadings(sourceNotebook("64_bert"));
  for (const s of [...modelSections, "阅读笔记"]) {
    assert(headings.some((h) => headingIs(h, s)), `missing "## ${s}" in ${headings}`);
  }
});

Deno.test("tokenizer, sentences, pair encoding", () => {
  assertEquals(tok.size, 461);
  assertEquals(docs.map((d) => d.length), [115, 52]);
  const e = tok.encodePair(docs[0][0], docs[0][1], 16);
  assertEquals(tok.decode(e.ids), "[CLS] 道 可 道 非 常 道 [SEP] 名 可 名 非 常 名 [SEP]");
  assertEquals(e.segments.slice(0, e.length), [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1]);
});

Deno.test("the BPE tokenizer: characters by default, the classics' frequent words when merging across Han", () => {
  assertEquals(tok.bpe.merges.length, 0);
  const bpe = new BertTokenizer(books, { chineseChars: false, vocabSize: 800 });
  assertEquals([bpe.bpe.merges.length, bpe.size], [110, 683]);
  assertEquals(bpe.bpe.merges.slice(0, 3), [["##而", "##不"], ["子", "##曰"], ["是", "##谓"]]);
  for (const w of ["子曰", "是以", "##万物", "##圣人", "##天下"]) assert(bpe.tokens.includes(w), w);
  const clause = docs[0][5];
  assertEquals(bpe.bpe.decode(bpe.encode(clause)), clause);
  const pieces = (t: BertTokenizer) => docs.flat().reduce((s, d) => s + t.encode(d).length, 0);
  assertEquals([pieces(tok), pieces(bpe)], [1560, 1302]);
});

Deno.test("masking statistics on the corpus and losses at initialisation", () => {
  const rows = docs.flat().map((s) => tok.encodePair(s, null, 32).ids);
  const mk = maskTokens(rows, tok.size, new Random(0));
  let real = 0, chosen = 0, masked = 0, kept = 0;
  rows.forEach((r, b) =>
    r.forEach((id, t) => {
      if (id < 5) return;
      real++;
      if (!mk.labels[b][t]) return;
      chosen++;
      if (mk.input[b][t] === 4) masked++;
      else if (mk.input[b][t] === id) kept++;
    })
  );
  assertAlmostEquals(chosen / real, 0.15, 0.02);
  assertAlmostEquals(masked / chosen, 0.8, 0.06);
  assertAlmostEquals(kept / chosen, 0.1, 0.05);
  manualSeed(0);
  const pre = new BertForPreTraining(saved.config).eval();
  const out = pre.forward(
    tf.tensor2d([mk.input[0]], undefined, "int32"),
    tf.zeros([1, 32], "int32"),
  );
  const y = tf.tensor2d([mk.labels[0]], undefined, "int32");
  assertAlmostEquals(
    tokenCrossEntropy(out.mlm, y, { ignoreIndex: 0 }).dataSync()[0],
    Math.log(tok.size),
    0.3,
  );
});

Deno.test("committed pre-training and fine-tuning results", () => {
  const trained = new BertForPreTraining(saved.config);
  trained.loadStateDict(
    readSafetensors(Deno.readFileSync(new URL("data/deep/bert_classics.safetensors", root))),
  );
  const { train, test } = bookClassification(books);
  assertEquals([train.length, test.length, saved.nTrain, saved.nTest], [117, 50, 117, 50]);
  const mean = (a: number[]) => a.reduce((x, y) => x + y) / a.length;
  assertLess(mean(saved.mlmLoss.slice(-5)), mean(saved.mlmLoss.slice(0, 2)) - 0.3);
  for (const r of saved.runs) assert(r.testAccuracy >= 0 && r.testAccuracy <= 1);
  assertEquals(saved.runs.length, 6);
});

Deno.test("the committed study runs the notebook reads keep docs/gpt_bert.md's means: book task level, word order helped", () => {
  const read = (f: string) =>
    JSON.parse(Deno.readTextFileSync(new URL(`data/deep/${f}`, root))) as {
      runs: { n: number; arm: string; testAccuracy: number }[];
    };
  const mean = (
    runs: { n: number; arm: string; testAccuracy: number }[],
    n: number,
    arm: string,
  ) => {
    const v = runs.filter((r) => r.n === n && r.arm === arm).map((r) => r.testAccuracy);
    assertEquals(v.length, 5);
    return v.reduce((a, b) => a + b) / v.length;
  };
  const study = read("bert_study.json").runs, order = read("bert_order.json").runs;
  // regression figures: the means of the committed seeded runs (seeds 1-5) of
  // tools/train_classics.ts bert-study / bert-order, as docs/gpt_bert.md's tables give them; the
  // notebook only reads these files, it computes none of them
  assertAlmostEquals(mean(study, 117, "scratch"), 0.812, 1e-3);
  assertAlmostEquals(mean(study, 117, "committed"), 0.768, 1e-3);
  assertAlmostEquals(mean(study, 117, "mlm"), 0.828, 1e-3);
  assertAlmostEquals(mean(order, 111, "scratch"), 0.523, 1e-3);
  assertAlmostEquals(mean(order, 111, "mlm"), 0.609, 1e-3);
  assert(mean(order, 40, "mlm") > mean(order, 40, "scratch") + 0.05);
});
