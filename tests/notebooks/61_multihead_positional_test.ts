/** The numbers notebooks/61_multihead_positional.ipynb shows: d2l's shapes, parameter count, positional encoding, masks. */
import { assert, assertAlmostEquals, assertEquals, assertLess } from "@std/assert";
import {
  causalMask,
  manualSeed,
  MultiHeadAttention,
  PositionalEncoding,
  tf,
  trainStep,
} from "../../lib/mod.ts";
import { headingIs, modelSections, sectionHeadings, sourceNotebook } from "../support/notebooks.ts";

Deno.test("notebook has the model sections and reading notes", () => {
  const headings = sectionHeadings(sourceNotebook("61_multihead_positional"));
  for (const s of [...modelSections, "阅读笔记"]) {
    assert(headings.some((h) => headingIs(h, s)), `missing "## ${s}" in ${headings}`);
  }
});

Deno.test("d2l 11.5: output (2, 4, 100), per-head weights (2, 5, 4, 6), 40 400 parameters, padded keys get 0", () => {
  manualSeed(0);
  const mha = new MultiHeadAttention({ embedDim: 100, numHeads: 5, dropout: 0.5 }).eval();
  const X = tf.randomNormal([2, 4, 100], 0, 1, "float32", 1),
    Y = tf.randomNormal([2, 6, 100], 0, 1, "float32", 2);
  const [out, w] = mha.forward(X, Y, Y, {
    keyPaddingMask: tf.tensor2d([[0, 0, 0, 1, 1, 1], [0, 0, 0, 0, 0, 0]]),
    averageAttnWeights: false,
  });
  assertEquals([out.shape, w!.shape, mha.numParameters()], [[2, 4, 100], [2, 5, 4, 6], 40400]);
  const w0 = (w!.arraySync() as number[][][][])[0];
  for (const head of w0) assertEquals(head[0].slice(3), [0, 0, 0]);
});

Deno.test("sinusoidal encoding: P_i · P_(i+k) depends only on k", () => {
  const P = new PositionalEncoding({ numHiddens: 32, dropout: 0, maxLen: 60 }).P
    .arraySync() as number[][];
  const dot = (a: number[], b: number[]) => a.reduce((s, v, i) => s + v * b[i], 0);
  for (let k = 0; k < 30; k++) assertAlmostEquals(dot(P[0], P[k]), dot(P[20], P[20 + k]), 1e-5);
  assertAlmostEquals(dot(P[0], P[0]), 16, 1e-5); // 16 (sin, cos) pairs of norm 1
});

Deno.test("causal mask and 30 Adam steps of the toy self-attention lower the loss", () => {
  const causal = causalMask(5);
  assertEquals((causal.arraySync() as number[][])[1], [0, 0, 1, 1, 1]);
  const m = new MultiHeadAttention({ embedDim: 8, numHeads: 2 });
  const Z = tf.randomNormal([2, 5, 8], 0, 1, "float32", 3);
  const opt = tf.train.adam(0.01);
  const loss = () =>
    m.forward(Z, Z, Z, { attnMask: causal })[0].sub(Z).square().mean() as tf.Scalar;
  const losses = Array.from({ length: 30 }, () => trainStep(m, opt, loss));
  assertLess(losses[29], losses[0] / 2);
});
