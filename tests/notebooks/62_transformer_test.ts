/**
 * The numbers notebooks/62_transformer.ipynb shows: LayerNorm vs BatchNorm, block shapes, label
 * smoothing, a short training run, and the committed date models (weights load strictly; the
 * recorded accuracies are reproduced on a slice of the test set).
 */
import { assert, assertAlmostEquals, assertEquals, assertLess } from "@std/assert";
import {
  buildDateModel,
  DATE_TASK,
  fitSeq2Seq,
  LayerNorm,
  makeDatePairs,
  readSafetensors,
  seq2seqAccuracy,
  seq2seqVocab,
  tf,
  tokenCrossEntropy,
  TransformerEncoder,
} from "../../lib/mod.ts";
import { headingIs, modelSections, sectionHeadings, sourceNotebook } from "../support/notebooks.ts";

Deno.test("notebook has the model sections and reading notes", () => {
  const headings = sectionHeadings(sourceNotebook("62_transformer"));
  for (const s of [...modelSections, "阅读笔记"]) {
    assert(headings.some((h) => headingIs(h, s)), `missing "## ${s}" in ${headings}`);
  }
});

Deno.test("blocks: LayerNorm rows vs BatchNorm columns, encoder keeps (2, 100, 24)", () => {
  const X = tf.tensor2d([[1, 2], [2, 3]]);
  const ln = (new LayerNorm(2).forward(X).arraySync() as number[][]).flat();
  [-1, 1, -1, 1].forEach((v, i) => assertAlmostEquals(ln[i], v, 1e-3));
  const enc = new TransformerEncoder({ dModel: 24, nhead: 8, dimFeedforward: 48, dropout: 0.5 }, 2)
    .eval();
  assertEquals(enc.forward(tf.ones([2, 100, 24])).shape, [2, 100, 24]);
});

Deno.test("label smoothing keeps a confident correct prediction's loss above 0", () => {
  const logits = tf.tensor2d([[8, 0, 0, 0], [0, 0, 0, 0]]);
  const y = tf.tensor1d([0, 2], "int32");
  const l = [0, 0.1, 0.2].map((e) =>
    tokenCrossEntropy(logits, y, { labelSmoothing: e }).dataSync()[0]
  );
  assertAlmostEquals(l[0], (Math.log(1 + 3 * Math.exp(-8)) + Math.log(4)) / 2, 1e-5);
  assert(l[0] < l[1] && l[1] < l[2]);
});

const train = makeDatePairs(DATE_TASK.train), test = makeDatePairs(DATE_TASK.test);
const vocab = seq2seqVocab([...train, ...test]);

Deno.test("the notebook's short run: 3 epochs on 256 pairs lower the loss", () => {
  const demo = buildDateModel("transformer", vocab.src.size, vocab.tgt.size);
  const { losses } = fitSeq2Seq(demo, train.slice(0, 256), vocab, {
    epochs: 3,
    lr: 3e-3,
    batchSize: 64,
  });
  assertLess(losses[2], losses[0]);
});

Deno.test("committed date models load strictly and reproduce their recorded accuracy", () => {
  const results = JSON.parse(
    Deno.readTextFileSync(new URL("../../data/deep/dates_results.json", import.meta.url)),
  );
  for (const name of ["transformer", "gru_attention", "gru", "lstm"]) {
    const model = buildDateModel(name, vocab.src.size, vocab.tgt.size);
    const bytes = Deno.readFileSync(
      new URL(`../../data/deep/dates_${name}.safetensors`, import.meta.url),
    );
    model.loadStateDict(readSafetensors(bytes));
    assertEquals(model.numParameters(), results[name].parameters);
    const acc = seq2seqAccuracy(model, test, vocab).accuracy;
    assertAlmostEquals(acc, results[name].accuracy, 1e-9, name);
  }
});
