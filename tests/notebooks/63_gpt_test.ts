/**
 * The numbers notebooks/63_gpt.ipynb shows: corpus and vocabulary, the causal mask, the loss at
 * initialisation, a short training run, and the committed longer run (weights load strictly and
 * reproduce the recorded samples).
 */
import { assert, assertAlmostEquals, assertEquals, assertLess } from "@std/assert";
import {
  CharVocab,
  getBatch,
  GPT,
  manualSeed,
  Random,
  readSafetensors,
  tf,
  trainLanguageModel,
} from "../../lib/mod.ts";
import { headingIs, modelSections, sectionHeadings, sourceNotebook } from "../support/notebooks.ts";

const root = new URL("../../", import.meta.url);
const books = ["daodejing", "lunyu_xueer"].map((b) =>
  Deno.readTextFileSync(new URL(`data/classics/${b}.txt`, root))
);
const text = books.join("");
const vocab = new CharVocab([text]);
const data = vocab.encode(text.replaceAll("\n", ""));

Deno.test("notebook has the model sections and reading notes", () => {
  const headings = sectionHeadings(sourceNotebook("63_gpt"));
  for (const s of [...modelSections, "阅读笔记"]) {
    assert(headings.some((h) => headingIs(h, s)), `missing "## ${s}" in ${headings}`);
  }
});

Deno.test("corpus, causal mask, loss at init, short run", () => {
  assertEquals([data.length, vocab.size], [1995, 461]);
  manualSeed(0);
  const gpt = new GPT({
    vocabSize: vocab.size,
    blockSize: 16,
    nEmbd: 32,
    nHead: 4,
    nLayer: 2,
    dropout: 0,
  });
  const a = data.slice(0, 12), b = [...a];
  b[8] = (b[8] + 5) % vocab.size;
  const [la, lb] = [a, b].map((s) =>
    gpt.forward(tf.tensor2d([s], undefined, "int32")).arraySync() as number[][][]
  );
  const change = la[0].map((row, t) => Math.max(...row.map((v, k) => Math.abs(v - lb[0][t][k]))));
  change.slice(0, 8).forEach((d) => assertLess(d, 1e-5));
  assert(change[8] > 1e-3);
  const batch = getBatch(data, 16, 8, new Random(0));
  // ln V plus about Var(logit)/2 = 1/6 from lm_head's U(±1/√d) initialisation
  assertAlmostEquals(gpt.loss(batch.x, batch.y).dataSync()[0], Math.log(vocab.size) + 1 / 6, 0.15);
  const n = Math.floor(data.length * 0.9);
  const run = trainLanguageModel(gpt, data.slice(0, n), data.slice(n), {
    steps: 150,
    batchSize: 16,
    lr: 3e-3,
    evalEvery: 50,
    evalBatches: 2,
  });
  assertLess(run.trainLoss.at(-1)!, run.trainLoss[0] - 1);
  assertLess(run.valLoss.at(-1)![1], run.valLoss[0][1]);
});

Deno.test("committed GPT loads strictly and reproduces its recorded samples", () => {
  const saved = JSON.parse(Deno.readTextFileSync(new URL("data/deep/gpt_classics.json", root)));
  const big = new GPT(saved.config);
  big.loadStateDict(
    readSafetensors(Deno.readFileSync(new URL("data/deep/gpt_classics.safetensors", root))),
  );
  const ctx = [vocab.encode("道可")];
  for (const s of saved.samples) {
    const text = vocab.decode(big.generate(ctx, 60, { ...s, seed: 1 })[0]);
    assertEquals(text, s.text);
  }
  assertLess(saved.trainLoss.at(-1), saved.trainLoss[0] - 2);
  assertEquals(saved.samples[0].text.slice(0, 8), "道可识。夫唯不可");
});
