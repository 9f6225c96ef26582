/** The functions notebooks/39_crf.ipynb uses, with the numbers it shows and claims. */
import { assert, assertEquals } from "@std/assert";
import {
  CRFTagger,
  LinearChainCRF,
  matrixFormNormalizer,
  matrixFormPaths,
  parseSegmentedText,
  segmentationFeatures,
  segmentationScores,
  type StateFeature,
  tagsToWords,
  type TransitionFeature,
  wordsToTags,
} from "../../lib/crf/mod.ts";
import { headingIs, modelSections, sectionHeadings, sourceNotebook } from "../support/notebooks.ts";

Deno.test("notebook has the model sections and reading notes", () => {
  const headings = sectionHeadings(sourceNotebook("39_crf"));
  for (const s of [...modelSections, "阅读笔记"]) {
    assert(headings.some((h) => headingIs(h, s)), `missing "## ${s}" in ${headings}`);
  }
});

Deno.test("例11.1-11.3 and 习题11.4 as shown", () => {
  const T: TransitionFeature[] = [
    { from: 1, to: 2, positions: [1, 2] },
    { from: 1, to: 1, positions: [1] },
    { from: 2, to: 1, positions: [2] },
    { from: 2, to: 1, positions: [1] },
    { from: 2, to: 2, positions: [2] },
  ];
  const S: StateFeature[] = [
    { label: 1, positions: [0] },
    { label: 2, positions: [0, 1] },
    { label: 1, positions: [1, 2] },
    { label: 2, positions: [2] },
  ];
  const crf = new LinearChainCRF({
    labels: [1, 2],
    transitionFeatures: T,
    stateFeatures: S,
    weights: [1, 0.6, 1, 1, 0.2, 1, 0.5, 0.8, 0.5],
  });
  const x = [0, 0, 0];
  assertEquals(Array.from(crf.featureCounts(x, [1, 2, 2])), [1, 0, 0, 0, 1, 1, 1, 0, 1]);
  assertEquals(Math.exp(crf.score(x, [1, 2, 2])).toFixed(6), "24.532530");
  assertEquals(Math.exp(crf.logPartition(x)).toFixed(6), "260.985033");
  assertEquals(crf.probability(x, [1, 2, 2]).toFixed(4), "0.0940");
  assertEquals(
    crf.marginals(x).node.col(0).map((v) => Number(v.toFixed(8))),
    Float64Array.from([0.65968267, 0.53962526, 0.52445506]),
  );
  const v = crf.decode(x);
  assertEquals([v.labels, v.score.toFixed(2)], [[1, 2, 1], "4.30"]);
  const ex112 = [[[0.6, 0.4], [0, 0]], [[0.3, 0.9], [0.8, 0.4]], [[0.5, 1.5], [0.9, 0.2]], [
    [1, 0],
    [1, 0],
  ]];
  assertEquals(matrixFormNormalizer(ex112, 0, 0).toFixed(6), "1.770000");
  assertEquals(matrixFormPaths(ex112, 0, 0)[0].probability.toFixed(4), "0.2746");
  const ex114 = [[[0, 0], [0.5, 0.5]], [[0.3, 0.7], [0.7, 0.3]], [[0.5, 0.5], [0.6, 0.4]], [
    [0, 1],
    [0, 1],
  ]];
  const p = matrixFormPaths(ex114, 1, 1);
  assertEquals([p[0].path, p[0].probability.toFixed(3)], [[0, 1, 0], "0.210"]);
});

Deno.test("word segmentation table: CRF F1 0.8175 vs forward maximum matching 0.7068", () => {
  const sents = parseSegmentedText(
    Deno.readTextFileSync(new URL("../../data/cws_zh.txt", import.meta.url)),
  );
  const train = sents.filter((_, i) => i % 5 !== 4), test = sents.filter((_, i) => i % 5 === 4);
  const feats = (ws: string[]) => segmentationFeatures(ws.join(""));
  const tagger = new CRFTagger({ l2: 0.5, maxIter: 100 }).fit(
    train.map(feats),
    train.map(wordsToTags),
  );
  assertEquals([tagger.nWeights, tagger.lossHistory.length - 1], [38160, 92]);
  const segment = (s: string[][]) =>
    tagger.predict(s.map(feats)).map((tags, k) => tagsToWords(s[k].join(""), tags as string[]));
  assertEquals(segmentationScores(test, segment(test)).f1.toFixed(4), "0.8175");
  assertEquals(segmentationScores(train, segment(train)).f1, 1);
  const dict = new Set(train.flat());
  const maxLen = Math.max(...[...dict].map((w) => [...w].length));
  const fmm = (sentence: string) => {
    const chars = [...sentence], words: string[] = [];
    for (let i = 0; i < chars.length;) {
      let len = Math.min(maxLen, chars.length - i);
      while (len > 1 && !dict.has(chars.slice(i, i + len).join(""))) len--;
      words.push(chars.slice(i, i + len).join(""));
      i += len;
    }
    return words;
  };
  assertEquals(
    segmentationScores(test, test.map((ws) => fmm(ws.join("")))).f1.toFixed(4),
    "0.7068",
  );
  // legal BMES transitions get positive weights, illegal ones negative
  const tl = tagger.labels as string[], Tw = tagger.transitionWeights;
  const w = (a: string, b: string) => Tw[tl.indexOf(a)][tl.indexOf(b)];
  for (const [a, b] of ["BE", "BM", "ME", "MM", "EB", "ES", "SB", "SS"]) {
    assert(w(a, b) > 1.2, `${a}→${b}`);
  }
  for (const [a, b] of ["BB", "BS", "MB", "MS", "EE", "EM", "SE", "SM"]) {
    assert(w(a, b) < -1.4, `${a}→${b}`);
  }
});
