/** CategoricalHMM against a direct NumPy implementation of the book's recursions (tools/fixtures_hmm.py). */
import { assertAlmostEquals, assertEquals } from "@std/assert";
import { catchWarnings } from "../../../lib/core/mod.ts";
import { CategoricalHMM } from "../../../lib/hmm/mod.ts";

interface Case {
  startProb: number[];
  transmat: number[][];
  emissionProb: number[][];
  sequences: number[][];
  probability: number;
  enumerated: number;
  alpha: number[][];
  beta: number[][];
  gamma: number[][];
  path: number[];
  pathProbability: number;
  next: { startProb: number[]; transmat: number[][]; emissionProb: number[][] };
}
const fixture = JSON.parse(
  Deno.readTextFileSync(new URL("../../fixtures/hmm_numpy.json", import.meta.url)),
) as { cases: Case[] };

const close = (a: ArrayLike<number>, b: number[], tol: number) => {
  assertEquals(a.length, b.length);
  for (let i = 0; i < b.length; i++) assertAlmostEquals(a[i], b[i], tol);
};

fixture.cases.forEach((c, k) => {
  Deno.test(`NumPy reference ${k}: ${c.startProb.length} states, ${c.emissionProb[0].length} symbols`, () => {
    const hmm = new CategoricalHMM({
      startProb: c.startProb,
      transmat: c.transmat,
      emissionProb: c.emissionProb,
    });
    const O = c.sequences[0];
    assertAlmostEquals(c.probability, c.enumerated, 1e-15);
    assertAlmostEquals(hmm.probability(O), c.probability, 1e-15);
    assertAlmostEquals(hmm.probability(O, { method: "backward" }), c.probability, 1e-15);
    close(hmm.forward(O).data, c.alpha.flat(), 1e-15);
    close(hmm.backward(O).data, c.beta.flat(), 1e-14);
    close(hmm.posterior(O).gamma.data, c.gamma.flat(), 1e-12);
    const v = hmm.decode(O);
    assertEquals(v.path, c.path);
    assertAlmostEquals(v.probability, c.pathProbability, 1e-15);
    // one Baum-Welch iteration over the three sequences
    const next = new CategoricalHMM({
      startProb: c.startProb,
      transmat: c.transmat,
      emissionProb: c.emissionProb,
      nIter: 1,
      tol: 0,
    });
    catchWarnings(() => next.fit(c.sequences)); // one iteration: "not converged" by design
    close(next.startProb, c.next.startProb, 1e-12);
    close(next.transmat.data, c.next.transmat.flat(), 1e-12);
    close(next.emissionProb.data, c.next.emissionProb.flat(), 1e-12);
  });
});
