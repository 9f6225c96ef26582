/** The functions notebooks/38_hmm.ipynb uses, with the numbers it shows and claims. */
import { assert, assertEquals, assertThrows } from "@std/assert";
import { CategoricalHMM } from "../../lib/hmm/mod.ts";
import { headingIs, modelSections, sectionHeadings, sourceNotebook } from "../support/notebooks.ts";

Deno.test("notebook has the model sections and reading notes", () => {
  const headings = sectionHeadings(sourceNotebook("38_hmm"));
  for (const s of [...modelSections, "阅读笔记"]) {
    assert(headings.some((h) => headingIs(h, s)), `missing "## ${s}" in ${headings}`);
  }
});

const boxes = new CategoricalHMM({
  startProb: [0.2, 0.4, 0.4],
  transmat: [[0.5, 0.2, 0.3], [0.3, 0.5, 0.2], [0.2, 0.3, 0.5]],
  emissionProb: [[0.5, 0.5], [0.4, 0.6], [0.7, 0.3]],
});
const f = (rows: number[][], d: number) => rows.map((r) => r.map((v) => v.toFixed(d)));

Deno.test("例10.1 sample, 例10.2 enumeration/forward/backward, 习题10.1 β table, 习题10.2", () => {
  const boxBall = new CategoricalHMM({
    startProb: [0.25, 0.25, 0.25, 0.25],
    transmat: [[0, 1, 0, 0], [0.4, 0, 0.6, 0], [0, 0.4, 0, 0.6], [0, 0, 0.5, 0.5]],
    emissionProb: [[0.5, 0.5], [0.3, 0.7], [0.6, 0.4], [0.8, 0.2]],
  });
  const draw = boxBall.sample(10, 1);
  assertEquals(draw.states.map((s) => s + 1).join(" "), "3 4 3 4 4 3 4 3 2 1");
  assertEquals(draw.obs.join(""), "1000011100");
  assertEquals(boxes.probability([0, 1, 0]).toFixed(6), "0.130218");
  assertEquals(f(boxes.forward([0, 1, 0]).toArray(), 5)[2], ["0.04187", "0.03551", "0.05284"]);
  assertEquals(f(boxes.backward([0, 1, 0, 1]).toArray(), 5).slice(0, 3), [
    ["0.11246", "0.12174", "0.10488"],
    ["0.24610", "0.23120", "0.25770"],
    ["0.46000", "0.51000", "0.43000"],
  ]);
  assertEquals(boxes.probability([0, 1, 0, 1], { method: "backward" }).toFixed(5), "0.06009");
  const ex = new CategoricalHMM({
    startProb: [0.2, 0.3, 0.5],
    transmat: [[0.5, 0.1, 0.4], [0.3, 0.5, 0.2], [0.2, 0.2, 0.6]],
    emissionProb: [[0.5, 0.5], [0.4, 0.6], [0.7, 0.3]],
  });
  const O8 = [0, 1, 0, 0, 1, 0, 1, 1];
  assertEquals(
    [ex.forward(O8).get(3, 2), ex.backward(O8).get(3, 2), ex.probability(O8)].map((v) =>
      v.toFixed(8)
    ),
    ["0.04361112", "0.04280618", "0.00347671"],
  );
  assertEquals(ex.posterior(O8).gamma.get(3, 2).toFixed(6), "0.536952");
  assertThrows(() => boxes.probability([0, 2, 1]), Error, "obs[1] = 2 is not a symbol");
});

Deno.test("scaling table, Baum-Welch on 10 000 steps, Viterbi tables and accuracies", () => {
  const truth = new CategoricalHMM({
    startProb: [0.6, 0.4],
    transmat: [[0.9, 0.1], [0.2, 0.8]],
    emissionProb: [[0.7, 0.2, 0.1], [0.1, 0.3, 0.6]],
  });
  const long = truth.sample(10_000, 1);
  assertEquals(
    [10, 100, 1000, 10_000].map((T) => truth.logProbability(long.obs.slice(0, T)).toFixed(3)),
    ["-9.802", "-97.055", "-999.096", "-9887.035"],
  );
  assertEquals(truth.probability(long.obs.slice(0, 1000)), 0);
  const learner = new CategoricalHMM({
    startProb: [0.5, 0.5],
    transmat: [[0.6, 0.4], [0.4, 0.6]],
    emissionProb: [[0.4, 0.3, 0.3], [0.3, 0.3, 0.4]],
    nIter: 500,
    tol: 1e-6,
  }).fit([long.obs]);
  assertEquals([learner.nIter, learner.converged], [99, true]);
  assertEquals(f(learner.transmat.toArray(), 3), [["0.900", "0.100"], ["0.206", "0.794"]]);
  assertEquals(f(learner.emissionProb.toArray(), 3)[0].slice(0, 2), ["0.701", "0.199"]);
  const v = boxes.decode([0, 1, 0]);
  assertEquals(f(v.delta.toArray(), 5)[2], ["0.00756", "0.01008", "0.01470"]);
  assertEquals([v.probability.toFixed(4), v.path.map((s) => s + 1).join(", ")], [
    "0.0147",
    "3, 3, 3",
  ]);
  const v4 = boxes.decode([0, 1, 0, 1]);
  assertEquals([v4.probability.toFixed(6), v4.path.map((s) => s + 1).join(", ")], [
    "0.003024",
    "3, 2, 2, 2",
  ]);
  const o150 = long.obs.slice(0, 150);
  const acc = (a: number[]) => (a.filter((s, t) => s === long.states[t]).length / 150).toFixed(3);
  assertEquals([acc(truth.decode(o150).path), acc(truth.predictStates(o150))], ["0.833", "0.847"]);
});
