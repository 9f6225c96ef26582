/**
 * ResNet's stem max pooling (3×3, stride 2, padding 1) forward + backward on NHWC tensors, batch
 * 64, 16 channels, at 28×28 and 14×14: the rank-6 strided views it used before (commit 489dfbe),
 * the same views in rank-4 slices (tried on the way, kept here for the comparison), and `MaxPool2d` now (wasm's MaxPool kernel,
 * gradient by a loop over the windows). Median (best) of 7 after 2 warm-ups, load average printed.
 * Run: ./node_modules/.bin/deno run -A tools/bench_pool.ts
 */
import { tf } from "../lib/deep/backend.ts";
import { MaxPool2d } from "../lib/deep/pool.ts";

const FILL = -3.4e38;
const padded = (h: tf.Tensor4D) => tf.pad(h, [[0, 0], [1, 1], [1, 1], [0, 0]], FILL);

/** The views as built before: one rank-6 reshape and slice per tap. */
function rank6Views(h: tf.Tensor4D, k: number, s: number): tf.Tensor4D[] {
  const [n, H, W, c] = h.shape;
  const oh = Math.floor((H - k) / s) + 1, ow = Math.floor((W - k) / s) + 1;
  const eh = Math.max(0, k - 1 + s * oh - H), ew = Math.max(0, k - 1 + s * ow - W);
  const hp = eh || ew ? tf.pad(h, [[0, 0], [0, eh], [0, ew], [0, 0]], FILL) : h;
  const views: tf.Tensor4D[] = [];
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      views.push(
        hp.slice([0, i, j, 0], [n, s * oh, s * ow, c]).reshape([n, oh, s, ow, s, c])
          .slice([0, 0, 0, 0, 0, 0], [n, oh, 1, ow, 1, c]).reshape([n, oh, ow, c]),
      );
    }
  }
  return views;
}

/**
 * The kh·kw shifted, strided views of an NHWC tensor, each (n, oh, ow, c), in (i, j) order. The
 * input is cropped or padded at the bottom/right with `fill` to sh·Qh × sw·Qw (Q = o + ⌈(k − 1)/s⌉)
 * so that a reshape exposes the stride as its own axis: view (i, j) is then two rank-4 slices, at
 * row phase i mod sh and column phase j mod sw (tfjs has no gradient for stridedSlice, and
 * tfjs-backend-wasm runs slices of rank above 4 element by element in JavaScript: 6-8× slower).
 */
function windowViews(
  h: tf.Tensor4D,
  [kh, kw]: readonly [number, number],
  [sh, sw]: readonly [number, number],
  fill = 0,
): { views: tf.Tensor4D[]; oh: number; ow: number } {
  const [n, H, W, c] = h.shape;
  const oh = Math.floor((H - kh) / sh) + 1, ow = Math.floor((W - kw) / sw) + 1;
  const Qh = oh + Math.ceil((kh - 1) / sh), Qw = ow + Math.ceil((kw - 1) / sw);
  let hp = h;
  if (sh * Qh < H || sw * Qw < W) {
    hp = hp.slice([0, 0, 0, 0], [n, Math.min(H, sh * Qh), Math.min(W, sw * Qw), c]);
  }
  const eh = sh * Qh - hp.shape[1], ew = sw * Qw - hp.shape[2];
  if (eh || ew) hp = tf.pad(hp, [[0, 0], [0, eh], [0, ew], [0, 0]], fill);
  const rows = hp.reshape([n, Qh, sh, sw * Qw * c]);
  const views: tf.Tensor4D[] = [];
  for (let i = 0; i < kh; i++) {
    const row = rows.slice([0, Math.floor(i / sh), i % sh, 0], [n, oh, 1, sw * Qw * c])
      .reshape([n * oh, Qw, sw, c]);
    for (let j = 0; j < kw; j++) {
      views.push(
        row.slice([0, Math.floor(j / sw), j % sw, 0], [n * oh, ow, 1, c]).reshape([n, oh, ow, c]),
      );
    }
  }
  return { views, oh, ow };
}

const pool = new MaxPool2d(3, { stride: 2, padding: 1 });
const variants: Record<string, (h: tf.Tensor4D) => tf.Tensor> = {
  "rank-6 views + max (before)": (h) => tf.stack(rank6Views(padded(h), 3, 2)).max(0),
  "rank-4 windowViews + max": (h) =>
    tf.stack(windowViews(padded(h), [3, 3], [2, 2], FILL).views).max(0),
  "MaxPool2d (wasm MaxPool + loop)": (h) => pool.forwardNHWC(h),
};

for (const size of [28, 14]) {
  const x = tf.randomNormal([64, size, size, 16], 0, 1, "float32", 1) as tf.Tensor4D;
  const dy = tf.randomNormal(pool.forwardNHWC(x).shape, 0, 1, "float32", 2);
  let first: Float32Array | undefined;
  for (const [name, f] of Object.entries(variants)) {
    const times: number[] = [];
    for (let r = 0; r < 9; r++) {
      const t = performance.now();
      // (a block: tidy would walk a returned typed array element by element)
      tf.tidy(() => {
        tf.grad((u: tf.Tensor) => f(u as tf.Tensor4D).mul(dy).sum())(x).dataSync();
      });
      if (r >= 2) times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    // the same gradient from every variant (no ties in normal draws)
    const g = tf.tidy(() => tf.grad((u: tf.Tensor) => f(u as tf.Tensor4D).mul(dy).sum())(x));
    const gv = g.dataSync() as Float32Array;
    g.dispose();
    first ??= gv;
    let diff = 0;
    for (let i = 0; i < gv.length; i++) diff = Math.max(diff, Math.abs(gv[i] - first[i]));
    console.log(
      `64×${size}×${size}×16  ${name.padEnd(32)} median ${times[3].toFixed(1)} ms (best ${
        times[0].toFixed(1)
      }), max |∂x − ∂x before| ${diff}`,
    );
  }
}
console.log(`load average ${Deno.loadavg().map((v) => v.toFixed(2)).join(" ")}`);
