/** matMul2d, affine and sumRows against tfjs's own products and gradients, on both row paths. */
import { assert, assertEquals } from "@std/assert";
import { affine, matMul2d, sumRows, tf } from "../../../lib/mod.ts";

function maxDiff(a: tf.Tensor, b: tf.Tensor): number {
  return tf.tidy(() => a.sub(b).abs().max().dataSync()[0]);
}

for (const [n, inF, out] of [[6, 5, 3], [512, 24, 40], [1024, 40, 24]]) {
  Deno.test(`affine: values and gradients of x Wᵀ + b, n=${n} in=${inF} out=${out}`, () => {
    tf.tidy(() => {
      const x = tf.randomNormal([n, inF], 0, 1, "float32", 1) as tf.Tensor2D;
      const w = tf.randomNormal([out, inF], 0, 1, "float32", 2) as tf.Tensor2D;
      const b = tf.randomNormal([out], 0, 1, "float32", 3) as tf.Tensor1D;
      const r = tf.randomNormal([n, out], 0, 1, "float32", 4);
      const ref = (xx: tf.Tensor, ww: tf.Tensor, bb: tf.Tensor) =>
        tf.matMul(xx as tf.Tensor2D, ww as tf.Tensor2D, false, true).add(bb).mul(r).sum();
      const ours = (xx: tf.Tensor, ww: tf.Tensor, bb: tf.Tensor) =>
        affine(xx as tf.Tensor2D, ww as tf.Tensor2D, bb as tf.Tensor1D).mul(r).sum();
      assert(
        maxDiff(affine(x, w, b), tf.matMul(x, w, false, true).add(b)) < 1e-4,
      );
      const gRef = tf.grads(ref)([x, w, b]), gOurs = tf.grads(ours)([x, w, b]);
      gRef.forEach((g, i) => {
        assertEquals(gOurs[i].shape, g.shape);
        const scale = g.abs().max().dataSync()[0];
        assert(maxDiff(gOurs[i], g) <= 1e-5 * Math.max(1, scale), `gradient ${i}`);
      });
      const noBias = tf.grads((xx: tf.Tensor, ww: tf.Tensor) =>
        affine(xx as tf.Tensor2D, ww as tf.Tensor2D, null).mul(r).sum()
      )([x, w]);
      assert(maxDiff(noBias[1], gRef[1]) <= 1e-5 * Math.max(1, gRef[1].abs().max().dataSync()[0]));
    });
  });
}

Deno.test("sumRows equals tf.sum over axis 0; matMul2d equals tf.matMul with transposes", () => {
  tf.tidy(() => {
    const g = tf.randomNormal([2048, 7], 0, 1, "float32", 5) as tf.Tensor2D;
    assertEquals(sumRows(g).shape, [7]);
    assert(maxDiff(sumRows(g), g.sum(0)) < 1e-3);
    const a = tf.randomNormal([4, 3], 0, 1, "float32", 6) as tf.Tensor2D;
    const c = tf.randomNormal([5, 4], 0, 1, "float32", 7) as tf.Tensor2D;
    assert(maxDiff(matMul2d(a, c, true, true), tf.matMul(a, c, true, true)) < 1e-5);
  });
});
