/**
 * Longer runs behind notebooks 63_gpt and 64_bert (issue 10 items 5-6), too slow for a notebook:
 *
 *   ./node_modules/.bin/deno run -A tools/train_classics.ts gpt    # GPT on 道德经 + 论语·学而
 *   ./node_modules/.bin/deno run -A tools/train_classics.ts bert   # BERT pre-training + fine-tune vs scratch
 *   ./node_modules/.bin/deno run -A tools/train_classics.ts bert-study 1500 24   # see bertStudy
 *   ./node_modules/.bin/deno run -A tools/train_classics.ts bert-study 3000 24 0.3 2e-3 mlm _mask30
 *   ./node_modules/.bin/deno run -A tools/train_classics.ts bert-order 3000 40   # see bertOrder
 *
 * Writes data/deep/{gpt,bert}_classics.safetensors (weights) and
 * data/deep/{gpt,bert}_classics.json (curves, samples, accuracies, seconds). Seeded.
 */
import {
  BertClassifier,
  BertForPreTraining,
  BertTokenizer,
  bookClassification,
  CharVocab,
  classifierAccuracy,
  fineTuneClassifier,
  GPT,
  manualSeed,
  orderTask,
  pretrainBERT,
  readSafetensors,
  splitSentences,
  trainLanguageModel,
  writeSafetensors,
} from "../lib/mod.ts";

const root = new URL("../", import.meta.url);
const read = (p: string) => Deno.readTextFileSync(new URL(p, root));
const books = [read("data/classics/daodejing.txt"), read("data/classics/lunyu_xueer.txt")];

/** The GPT configuration of the committed weights (notebook 63 rebuilds it from here). */
export const GPT_CLASSICS = { blockSize: 32, nEmbd: 48, nHead: 4, nLayer: 2, dropout: 0.1 };
/** The BERT configuration of the committed weights (notebook 64 rebuilds it from here). */
export const BERT_CLASSICS = { maxLen: 32, hidden: 32, heads: 4, layers: 2, dropout: 0.1 };

function every<T>(a: T[], k: number): T[] {
  return a.filter((_, i) => i % k === 0 || i === a.length - 1);
}

function gpt(): void {
  const text = books.join("");
  const vocab = new CharVocab([text]);
  const data = vocab.encode(text.replaceAll("\n", ""));
  const n = Math.floor(data.length * 0.9);
  manualSeed(0);
  const model = new GPT({ vocabSize: vocab.size, ...GPT_CLASSICS });
  const r = trainLanguageModel(model, data.slice(0, n), data.slice(n), {
    steps: 500,
    batchSize: 16,
    lr: 3e-3,
    evalEvery: 100,
    seed: 0,
  });
  const ctx = [vocab.encode("道可")];
  const samples = [
    { temperature: 0, topK: null },
    { temperature: 0.8, topK: 5 },
    { temperature: 1, topK: null },
    { temperature: 1.5, topK: null },
  ].map((o) => ({
    ...o,
    text: vocab.decode(model.generate(ctx, 60, { ...o, seed: 1 })[0]),
  }));
  Deno.writeFileSync(
    new URL("data/deep/gpt_classics.safetensors", root),
    writeSafetensors(model.stateDict()),
  );
  const out = {
    config: { vocabSize: vocab.size, ...GPT_CLASSICS },
    steps: 500,
    trainLoss: every(r.trainLoss, 10),
    valLoss: r.valLoss,
    seconds: r.seconds,
    samples,
  };
  Deno.writeTextFileSync(
    new URL("data/deep/gpt_classics.json", root),
    JSON.stringify(out, null, 1) + "\n",
  );
  console.log(r.seconds, r.valLoss, samples);
}

function bert(): void {
  const tok = new BertTokenizer(books);
  const docs = books.map((b) => splitSentences(b, 3));
  const cfg = { vocabSize: tok.size, ...BERT_CLASSICS };
  manualSeed(0);
  const pre = new BertForPreTraining(cfg);
  const r = pretrainBERT(pre, docs, tok, { steps: 400, batchSize: 16, maxLen: 32, lr: 3e-3 });
  console.log("pretrain", r.seconds);
  Deno.writeFileSync(
    new URL("data/deep/bert_classics.safetensors", root),
    writeSafetensors(pre.stateDict()),
  );
  const { train, test } = bookClassification(books);
  const runs = [];
  for (const seed of [1, 2, 3]) {
    for (const pretrained of [true, false]) {
      manualSeed(seed);
      const clf = new BertClassifier(cfg, 2);
      if (pretrained) clf.bert.loadStateDict(pre.bert.stateDict());
      const t0 = performance.now();
      const losses = fineTuneClassifier(clf, train, tok, { epochs: 8, lr: 1e-3, seed });
      runs.push({
        seed,
        pretrained,
        losses,
        trainAccuracy: classifierAccuracy(clf, train, tok),
        testAccuracy: classifierAccuracy(clf, test, tok),
        seconds: (performance.now() - t0) / 1000,
      });
      console.log(runs.at(-1));
    }
  }
  const out = {
    config: cfg,
    pretrainSteps: 400,
    mlmLoss: every(r.mlmLoss, 10),
    nspLoss: every(r.nspLoss, 10),
    pretrainSeconds: r.seconds,
    nTrain: train.length,
    nTest: test.length,
    majorityTest: Math.max(...[0, 1].map((c) => test.filter((d) => d.label === c).length)) /
      test.length,
    runs,
  };
  Deno.writeTextFileSync(
    new URL("data/deep/bert_classics.json", root),
    JSON.stringify(out, null, 1) + "\n",
  );
}

/**
 * Why pre-training did not help (docs/gpt_bert.md): the committed 400-step MLM + NSP weights
 * ("committed") against a longer MLM-only run with BERT's warm-up and decay ("mlm": `steps`,
 * peak `lr`, `maskProb`), each fine-tuned, and a classifier trained from scratch ("scratch"), on
 * the first `few` labelled clauses and on all 117, seeds 1-5, each on ≈1 024 examples (64 batches
 * of 16).
 * Writes data/deep/bert_study{tag}.json.
 */
function bertStudy(
  steps: number,
  few: number,
  { maskProb = 0.15, lr = 1e-3, arms = ["scratch", "committed", "mlm"], tag = "" } = {},
): void {
  const tok = new BertTokenizer(books);
  const docs = books.map((b) => splitSentences(b, 3));
  const cfg = { vocabSize: tok.size, ...BERT_CLASSICS };
  const committed = new BertForPreTraining(cfg);
  committed.loadStateDict(
    readSafetensors(Deno.readFileSync(new URL("data/deep/bert_classics.safetensors", root))),
  );
  manualSeed(0);
  const mlm = new BertForPreTraining(cfg);
  const warmupSteps = Math.round(steps / 10);
  const r = arms.includes("mlm")
    ? pretrainBERT(mlm, docs, tok, {
      steps,
      batchSize: 16,
      maxLen: 32,
      lr,
      warmupSteps,
      nsp: false,
      maskProb,
    })
    : { mlmLoss: [], seconds: 0 };
  console.log("pretrain", r.seconds, r.mlmLoss.slice(-20).reduce((a, b) => a + b, 0) / 20);
  const { train, test } = bookClassification(books);
  const starts = { scratch: null, committed, mlm } as const;
  const runs = [];
  for (const n of [few, train.length]) {
    const subset = train.slice(0, n);
    // the same number of examples seen, ≈1 024 (64 batches of 16), whatever the subset size: whole
    // epochs, so the optimiser steps vary (n = 24 → 86, n = 117 → 72)
    const epochs = Math.ceil((64 * 16) / n);
    for (const seed of [1, 2, 3, 4, 5]) {
      for (const arm of arms) {
        const start = starts[arm as keyof typeof starts];
        runs.push({ n, seed, arm, ...fineTuneArm(cfg, start, subset, test, tok, epochs, seed) });
        console.log(JSON.stringify(runs.at(-1)));
      }
    }
  }
  const out = {
    config: cfg,
    mlm: { steps, lr, warmupSteps, nsp: false, maskProb, mlmLoss: every(r.mlmLoss, 10) },
    pretrainSeconds: r.seconds,
    nTest: test.length,
    runs,
  };
  Deno.writeTextFileSync(
    new URL(`data/deep/bert_study${tag}.json`, root),
    JSON.stringify(out, null, 1) + "\n",
  );
}

/**
 * A task where pre-training should help (docs/gpt_bert.md): `orderTask` — is this clause as
 * written or shuffled? — on the clauses of both books. The MLM is pre-trained only on clauses
 * outside the test set (MLM only, `steps`, mask rate 0.3, peak lr 2e-3 with warm-up and decay);
 * then the same classifier from scratch and from the pre-trained encoder, on the first `few`
 * and on all training clauses, seeds 1-5, each on ≈1 024 examples (64 batches of 16). Writes
 * data/deep/bert_order.json.
 */
function bertOrder(steps: number, few: number): void {
  const tok = new BertTokenizer(books);
  const clauses = books.flatMap((b) => splitSentences(b, 3));
  const { train, test } = orderTask(clauses, { seed: 0 });
  const held = new Set(test.map((d) => [...d.text].sort().join("")));
  const docs = books.map((b) =>
    splitSentences(b, 3).filter((c) => !held.has([...c].sort().join("")))
  );
  const cfg = { vocabSize: tok.size, ...BERT_CLASSICS };
  manualSeed(0);
  const pre = new BertForPreTraining(cfg);
  const warmupSteps = Math.round(steps / 10);
  const r = pretrainBERT(pre, docs, tok, {
    steps,
    batchSize: 16,
    maxLen: 32,
    lr: 2e-3,
    warmupSteps,
    nsp: false,
    maskProb: 0.3,
  });
  console.log("pretrain", r.seconds, r.mlmLoss.slice(-20).reduce((a, b) => a + b, 0) / 20);
  const runs = [];
  for (const n of [few, train.length]) {
    const subset = train.slice(0, n);
    // ≈1 024 examples (64 batches of 16) in whole epochs, as in bertStudy
    const epochs = Math.ceil((64 * 16) / n);
    for (const seed of [1, 2, 3, 4, 5]) {
      for (const arm of ["scratch", "mlm"]) {
        const start = arm === "mlm" ? pre : null;
        runs.push({ n, seed, arm, ...fineTuneArm(cfg, start, subset, test, tok, epochs, seed) });
        console.log(JSON.stringify(runs.at(-1)));
      }
    }
  }
  const out = {
    config: cfg,
    mlm: { steps, lr: 2e-3, warmupSteps, nsp: false, maskProb: 0.3, mlmLoss: every(r.mlmLoss, 10) },
    pretrainSentences: docs.flat().length,
    pretrainSeconds: r.seconds,
    nTrain: train.length,
    nTest: test.length,
    shuffledTest: test.filter((d) => d.label === 1).length / test.length,
    runs,
  };
  Deno.writeTextFileSync(
    new URL("data/deep/bert_order.json", root),
    JSON.stringify(out, null, 1) + "\n",
  );
}

if (import.meta.main) {
  if (Deno.args[0] === "gpt") gpt();
  else if (Deno.args[0] === "bert") bert();
  else if (Deno.args[0] === "bert-order") {
    bertOrder(Number(Deno.args[1] ?? 3000), Number(Deno.args[2] ?? 40));
  } else if (Deno.args[0] === "bert-study") {
    const [steps = "1500", few = "24", maskProb = "0.15", lr = "1e-3", arms, tag = ""] = Deno
      .args.slice(1);
    bertStudy(Number(steps), Number(few), {
      maskProb: Number(maskProb),
      lr: Number(lr),
      arms: arms ? arms.split(",") : undefined,
      tag,
    });
  } else {
    console.error(
      "usage: train_classics.ts gpt|bert|bert-study [steps] [few] [maskProb] [lr] [arms] [tag]",
    );
  }
}

/** Fine-tunes a fresh classifier (from `start`'s encoder when given) and scores it. */
function fineTuneArm(
  cfg: ConstructorParameters<typeof BertClassifier>[0],
  start: BertForPreTraining | null,
  subset: Parameters<typeof fineTuneClassifier>[1],
  test: Parameters<typeof fineTuneClassifier>[1],
  tok: Parameters<typeof fineTuneClassifier>[2],
  epochs: number,
  seed: number,
): { trainAccuracy: number; testAccuracy: number } {
  manualSeed(seed);
  const clf = new BertClassifier(cfg, 2);
  if (start) clf.bert.loadStateDict(start.bert.stateDict());
  fineTuneClassifier(clf, subset, tok, { epochs, lr: 1e-3, seed });
  const scores = {
    trainAccuracy: classifierAccuracy(clf, subset, tok),
    testAccuracy: classifierAccuracy(clf, test, tok),
  };
  clf.dispose();
  return scores;
}
