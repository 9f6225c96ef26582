import { assert, assertAlmostEquals, assertEquals, assertThrows } from "@std/assert";
import { catchWarnings, ConvergenceWarning, ValueError } from "../../../lib/core/mod.ts";
import {
  CRFTagger,
  LinearChainCRF,
  parseSegmentedText,
  segmentationFeatures,
  segmentationScores,
  type StateFeature,
  tagsToWords,
  type TransitionFeature,
  wordsToTags,
} from "../../../lib/crf/mod.ts";

Deno.test("BMES tags: words → tags → words", () => {
  const words = ["条件", "随机场", "是", "一种", "判别", "模型", "。"];
  const tags = wordsToTags(words);
  assertEquals(tags.join(""), "BEBMESBEBEBES");
  assertEquals(tagsToWords(words.join(""), tags), words);
  assertEquals(tagsToWords("我爱你", ["B", "B", "E"]), ["我", "爱你"]); // a B after B closes the word
});

Deno.test("segmentation scores count words by character spans", () => {
  const gold = [["我们", "学习", "模型"]], pred = [["我们", "学", "习", "模型"]];
  const s = segmentationScores(gold, pred);
  assertAlmostEquals(s.precision, 2 / 4, 1e-15);
  assertAlmostEquals(s.recall, 2 / 3, 1e-15);
  assertAlmostEquals(s.f1, 2 * 0.5 * (2 / 3) / (0.5 + 2 / 3), 1e-15);
});

Deno.test("CRFTagger is the book-form CRF with indicator features: same weights, same marginals", () => {
  const sents = [["我们", "学习"], ["模型", "很", "好"], ["我", "学习", "模型"]];
  const X = sents.map((w) => segmentationFeatures(w.join("")).map((a) => a.slice(0, 4)));
  const Y = sents.map(wordsToTags);
  const tagger = new CRFTagger({ l2: 0.5, tol: 1e-7, maxIter: 500 }).fit(X, Y);
  const labels = tagger.labels;
  const attrs = [...new Set(X.flat(2))];
  // the same model written with the book's feature functions: s_{a,y} = [a ∈ x_i][y_i = y], t_{y',y}
  type Obs = readonly string[];
  const stateFeatures: StateFeature<Obs>[] = attrs.flatMap((a) =>
    labels.map((label) => ({
      label,
      value: (x: readonly Obs[], i: number) => (x[i].includes(a) ? 1 : 0),
    }))
  );
  const transitionFeatures: TransitionFeature<Obs>[] = labels.flatMap((from) =>
    labels.map((to) => ({ from, to }))
  );
  const crf = new LinearChainCRF<Obs>({
    labels,
    stateFeatures,
    transitionFeatures,
    l2: 0.5,
    tol: 1e-7,
    maxIter: 500,
  })
    .fit(X, Y);
  const m = tagger.marginals(X[2]), n = crf.marginals(X[2]).node;
  m.forEach((row, i) => row.forEach((p, y) => assertAlmostEquals(p, n.get(i, y), 1e-6)));
  assertEquals(tagger.predict(X), X.map((x) => crf.decode(x).labels));
});

Deno.test("word segmentation on data/cws_zh.txt: 255 training and 63 test sentences, F1 ≈ 0.82", () => {
  const sents = parseSegmentedText(
    Deno.readTextFileSync(new URL("../../../data/cws_zh.txt", import.meta.url)),
  );
  assertEquals(sents.length, 318);
  const train = sents.filter((_, i) => i % 5 !== 4), test = sents.filter((_, i) => i % 5 === 4);
  const feats = (ws: string[]) => segmentationFeatures(ws.join(""));
  const tagger = new CRFTagger({ l2: 0.5, maxIter: 100 }).fit(
    train.map(feats),
    train.map(wordsToTags),
  );
  const h = tagger.lossHistory;
  assert(h[h.length - 1] < h[0] / 10);
  assert(tagger.converged);
  const pred = tagger.predict(test.map(feats)).map((t, k) =>
    tagsToWords(test[k].join(""), t as string[])
  );
  const { precision, recall, f1 } = segmentationScores(test, pred);
  assertEquals([precision, recall, f1].map((v) => v.toFixed(4)), ["0.8352", "0.8004", "0.8175"]);
  assertEquals(tagger.nAttributes, 9536);
  const restored = CRFTagger.fromJSON(JSON.stringify(tagger));
  assertEquals(restored.predict(test.map(feats)), tagger.predict(test.map(feats)));
});

Deno.test("bad input to the tagger", () => {
  assertThrows(
    () => new CRFTagger().fit([[["a"]]], [["A", "B"]]),
    ValueError,
    "1 positions but Y[0] has 2",
  );
  assertThrows(() => new CRFTagger().fit([], []), ValueError, "non-empty");
  assertThrows(() => new CRFTagger().predict([[["a"]]]), ValueError, "not fitted");
  assertThrows(() => new CRFTagger({ l2: -1 }), ValueError, "l2");
  const { result, warnings } = catchWarnings(() =>
    new CRFTagger({ maxIter: 1, tol: 1e-12 }).fit([[["a"], ["b"]], [["b"], ["a"]]], [["X", "Y"], [
      "Y",
      "X",
    ]])
  );
  assertEquals([result.converged, warnings[0] instanceof ConvergenceWarning], [false, true]);
  assertThrows(
    () => CRFTagger.fromJSON({ className: "SVC", options: {} as never, state: null }),
    ValueError,
    "CRFTagger",
  );
});
