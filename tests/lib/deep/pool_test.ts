import { assertEquals } from "@std/assert";
import { MaxPool2d, tf } from "../../../lib/mod.ts";

/** ∂(Σ y ⊙ dy)/∂x of a layer, as a plain array. */
function gradOf(f: (x: tf.Tensor) => tf.Tensor, x: tf.Tensor, dy?: tf.Tensor): number[] {
  return tf.tidy(() => {
    const g = tf.grad((t: tf.Tensor) => {
      const y = f(t);
      return (dy ?? tf.onesLike(y)).mul(y).sum();
    })(x);
    return [...g.dataSync()];
  });
}

Deno.test("MaxPool2d sends the gradient to the first maximum of a window, as PyTorch", () => {
  // PyTorch 1.13: F.max_pool2d(ones(1, 1, 3, 3), 2, 1).sum().backward() → the windows' top-left
  const x = tf.ones([1, 1, 3, 3]);
  assertEquals(gradOf((t) => new MaxPool2d(2, { stride: 1 }).forward(t), x), [
    ...[1, 1, 0],
    ...[1, 1, 0],
    ...[0, 0, 0],
  ]);
  // ties across overlapping padded windows (3×3, stride 2, padding 1, ResNet's stem pooling);
  // x.grad printed by PyTorch 1.13 for dy = [[1, 2], [3, 4]]
  const t = tf.tensor4d([1, 1, 1, 2, 1, 1, 1, 2, 0, 3, 3, 2, 3, 0, 0, 1], [1, 1, 4, 4]);
  const pool = new MaxPool2d(3, { stride: 2, padding: 1 });
  assertEquals([...pool.forward(t).dataSync()], [1, 2, 3, 3]);
  assertEquals(gradOf((u) => pool.forward(u), t, tf.tensor4d([1, 2, 3, 4], [1, 1, 2, 2])), [
    ...[1, 0, 0, 2],
    ...[0, 0, 0, 0],
    ...[0, 7, 0, 0],
    ...[0, 0, 0, 0],
  ]);
  // the same input shifted to all negative (−4 … −1): a padding that counted as 0 would win every
  // border window; −∞ padding (PyTorch's rule) shifts the values by −4 and leaves the gradient
  const neg = t.sub(4);
  assertEquals([...pool.forward(neg).dataSync()], [-3, -2, -1, -1]);
  assertEquals(gradOf((u) => pool.forward(u), neg, tf.tensor4d([1, 2, 3, 4], [1, 1, 2, 2])), [
    ...[1, 0, 0, 2],
    ...[0, 0, 0, 0],
    ...[0, 7, 0, 0],
    ...[0, 0, 0, 0],
  ]);
});

Deno.test("MaxPool2d: values and gradients equal a scalar loop over the windows", () => {
  for (
    const [k, s, p, H, W] of [[3, 2, 1, 9, 8], [2, 2, 0, 7, 7], [3, 1, 1, 5, 6], [
      2,
      3,
      1,
      8,
      5,
    ]]
  ) {
    for (const shift of [0, -4]) {
      const [n, c] = [2, 3];
      // integers in 0..3 (many ties), or in −4..−1 (all negative: padding counted as 0 would win)
      const x = tf.randomUniformInt([n, c, H, W], 0, 4, k * 10 + s).toFloat().add(shift);
      const pool = new MaxPool2d(k, { stride: s, padding: p });
      const y = pool.forward(x);
      const [, , oh, ow] = y.shape as number[];
      const dy = tf.randomNormal(y.shape, 0, 1, "float32", 5);
      const xv = x.dataSync(), dv = dy.dataSync();
      const want = new Float32Array(n * c * oh * ow), dx = new Float32Array(xv.length);
      for (let b = 0; b < n * c; b++) {
        for (let a = 0; a < oh; a++) {
          for (let e = 0; e < ow; e++) {
            let best = -Infinity, at = -1;
            for (let i = a * s - p; i < a * s - p + k; i++) {
              for (let j = e * s - p; j < e * s - p + k; j++) {
                if (i < 0 || j < 0 || i >= H || j >= W) continue;
                if (xv[(b * H + i) * W + j] > best) {
                  [best, at] = [xv[(b * H + i) * W + j], (b * H + i) * W + j];
                }
              }
            }
            want[(b * oh + a) * ow + e] = best;
            dx[at] += dv[(b * oh + a) * ow + e];
          }
        }
      }
      const at = `k=${k} s=${s} p=${p} shift=${shift}`;
      assertEquals([...y.dataSync()], [...want], at);
      const got = gradOf((t) => pool.forward(t), x, dy);
      assertEquals(got.every((g, i) => Math.abs(g - dx[i]) < 1e-6), true, at);
    }
  }
});

Deno.test("MaxPool2d skips NaNs in the value and in the gradient alike", () => {
  const pool = new MaxPool2d(2);
  const x = tf.tensor4d([1, NaN, 3, 2], [1, 1, 2, 2]);
  assertEquals([...pool.forward(x).dataSync()], [3]);
  assertEquals(gradOf((t) => pool.forward(t), x), [0, 0, 1, 0]);
});
