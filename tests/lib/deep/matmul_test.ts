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

for (const [ta, tb] of [[false, false], [false, true], [true, false], [true, true]]) {
  Deno.test(`matMul2d: values and gradients with transposeA=${ta}, transposeB=${tb}`, () => {
    tf.tidy(() => {
      // 70 × 300 · 300 × 520 crosses the kernel's row (64), depth (256) and column (512) blocks
      const [M, K, N] = [70, 300, 520];
      const a = tf.randomNormal(ta ? [K, M] : [M, K], 0, 1, "float32", 8) as tf.Tensor2D;
      const b = tf.randomNormal(tb ? [N, K] : [K, N], 0, 1, "float32", 9) as tf.Tensor2D;
      const r = tf.randomNormal([M, N], 0, 1, "float32", 10);
      assert(maxDiff(matMul2d(a, b, ta, tb), tf.matMul(a, b, ta, tb)) < 1e-3);
      const f = (mm: typeof matMul2d) => (x: tf.Tensor, y: tf.Tensor) =>
        mm(x as tf.Tensor2D, y as tf.Tensor2D, ta, tb).mul(r).sum();
      const ours = tf.grads(f(matMul2d))([a, b]);
      const ref = tf.grads(f((x, y, p, q) => tf.matMul(x, y, p, q)))([a, b]);
      ref.forEach((g, i) => {
        assertEquals(ours[i].shape, g.shape);
        assert(maxDiff(ours[i], g) < 1e-3, `gradient ${i}`);
      });
    });
  });
}

Deno.test("matMul2d: empty depth gives zeros; a 1-row product", () => {
  tf.tidy(() => {
    assertEquals(matMul2d(tf.zeros([2, 0]), tf.zeros([0, 3])).arraySync(), [[0, 0, 0], [0, 0, 0]]);
    const v = tf.tensor2d([[1, 2, 3]]), m = tf.tensor2d([[1], [1], [1]]);
    assertEquals(matMul2d(v, m).arraySync(), [[6]]);
  });
});

Deno.test("affine with relu: values and gradients of relu(x Wᵀ + b), with and without bias", () => {
  tf.tidy(() => {
    const x = tf.randomNormal([40, 12], 0, 1, "float32", 11) as tf.Tensor2D;
    const w = tf.randomNormal([9, 12], 0, 1, "float32", 12) as tf.Tensor2D;
    const b = tf.randomNormal([9], 0, 1, "float32", 13) as tf.Tensor1D;
    const r = tf.randomNormal([40, 9], 0, 1, "float32", 14);
    for (const bias of [b, null]) {
      const ref = (xx: tf.Tensor, ww: tf.Tensor) => {
        const y = tf.matMul(xx as tf.Tensor2D, ww as tf.Tensor2D, false, true);
        return tf.relu(bias ? y.add(bias) : y);
      };
      const ours = (xx: tf.Tensor, ww: tf.Tensor) =>
        affine(xx as tf.Tensor2D, ww as tf.Tensor2D, bias, "relu");
      const y = ours(x, w);
      assert(maxDiff(y, ref(x, w)) < 1e-5);
      assert(y.min().dataSync()[0] === 0 && y.max().dataSync()[0] > 0);
      const gRef = tf.grads((a, c) => ref(a, c).mul(r).sum())([x, w]);
      const gOurs = tf.grads((a, c) => ours(a, c).mul(r).sum())([x, w]);
      gRef.forEach((g, i) => assert(maxDiff(gOurs[i], g) < 1e-4, `gradient ${i}`));
    }
    const gb = tf.grads((c) => affine(x, w, c as tf.Tensor1D, "relu").mul(r).sum())([b])[0];
    const gbRef = tf.grads((c) =>
      tf.relu(tf.matMul(x, w, false, true).add(c)).mul(r).sum()
    )([b])[0];
    assert(maxDiff(gb, gbRef) < 1e-4);
  });
});
