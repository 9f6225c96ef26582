/** The numbers notebooks/60_attention.ipynb shows: QKV by hand, d2l's checks, one gradient step. */
import { assert, assertAlmostEquals, assertEquals } from "@std/assert";
import { DotProductAttention, manualSeed, maskedSoftmax, tf } from "../../lib/mod.ts";
import { headingIs, modelSections, sectionHeadings, sourceNotebook } from "../support/notebooks.ts";

Deno.test("notebook has the model sections and reading notes", () => {
  const headings = sectionHeadings(sourceNotebook("60_attention"));
  for (const s of [...modelSections, "阅读笔记"]) {
    assert(headings.some((h) => headingIs(h, s)), `missing "## ${s}" in ${headings}`);
  }
});

const X = tf.tensor2d([[1, 0, 1, 0], [0, 2, 0, 2], [1, 1, 1, 1]]);
const WQ = tf.tensor2d([[1, 0, 1], [1, 0, 0], [0, 0, 1], [0, 1, 1]]);
const WK = tf.tensor2d([[0, 0, 1], [1, 1, 0], [0, 1, 0], [1, 1, 0]]);
const WV = tf.tensor2d([[0, 2, 0], [0, 3, 0], [1, 0, 3], [1, 1, 0]]);

Deno.test("QKV by hand: q1 = (1, 0, 2), scores (2, 4, 4)/√3, weights and output", () => {
  const [Q, K, V] = [X.matMul(WQ), X.matMul(WK), X.matMul(WV)];
  assertEquals(Q.arraySync(), [[1, 0, 2], [2, 2, 2], [2, 1, 3]]);
  assertEquals(K.arraySync(), [[0, 1, 1], [4, 4, 0], [2, 3, 1]]);
  assertEquals(V.arraySync(), [[1, 2, 3], [2, 8, 0], [2, 6, 3]]);
  const w = tf.softmax(Q.matMul(K.transpose()).div(Math.sqrt(3)));
  const e = [1, Math.exp(2 / Math.sqrt(3)), Math.exp(2 / Math.sqrt(3))];
  const z = e[0] + e[1] + e[2];
  (w.arraySync() as number[][])[0].forEach((v, j) => assertAlmostEquals(v, e[j] / z, 1e-6));
  assertAlmostEquals((w.arraySync() as number[][])[0][0], 0.1361258, 1e-6);
  const out = new DotProductAttention().forward(Q.expandDims(0), K.expandDims(0), V.expandDims(0));
  assertAlmostEquals(tf.abs(out.squeeze([0]).sub(w.matMul(V))).max().dataSync()[0], 0, 1e-6);
});

Deno.test("d2l's checks: means (1, 2) and (25, 26); masked softmax zeros", () => {
  const values = tf.range(0, 40).reshape([2, 10, 2]).toFloat();
  const out = new DotProductAttention({ dropout: 0.5 }).eval().forward(
    tf.ones([2, 1, 2]),
    tf.ones([2, 10, 2]),
    values,
    [2, 6],
  );
  assertEquals(out.arraySync(), [[[1, 2]], [[25, 26]]]);
  manualSeed(0);
  const m = maskedSoftmax(tf.randomUniform([2, 2, 4], 0, 1, "float32", 1), [2, 3])
    .arraySync() as number[][][];
  assertEquals([m[0][0][2], m[0][1][3], m[1][0][3]], [0, 0, 0]);
  assertAlmostEquals(m[0][0][0], 0.5995051, 1e-6);
});

Deno.test("one gradient step on W_Q: −log α11 from 1.99 to 0.13", () => {
  const K = X.matMul(WK);
  const lossOf = (wq: tf.Tensor) =>
    tf.tidy(() =>
      tf.logSoftmax(X.matMul(wq).matMul(K.transpose()).div(Math.sqrt(3))).slice([0, 0], [1, 1])
        .neg().sum() as tf.Scalar
    );
  const g = tf.grad(lossOf)(WQ);
  assertAlmostEquals(lossOf(WQ).dataSync()[0], 1.9942, 1e-4);
  assertAlmostEquals(lossOf(WQ.sub(g.mul(0.5))).dataSync()[0], 0.1342, 1e-4);
});
