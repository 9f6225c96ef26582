/**
 * lib/deep's WebAssembly kernels: the LayerNorm op forward and backward against tfjs's own ops and
 * gradients, the scratch memory released after each call, and the committed modules up to date
 * with their C sources (rebuilt with clang, which `deno task setup` installs).
 */
import { assert, assertEquals } from "@std/assert";
import { tf } from "../../../lib/mod.ts";
import { kernelExp } from "../../../lib/deep/kernels/dense.ts";
import { layerNorm2d } from "../../../lib/deep/layer_norm_op.ts";
import { gelu } from "../../../lib/deep/layers.ts";
import { kernelMemory, withScratch } from "../../../lib/deep/kernels/runtime.ts";
import { buildModule } from "../../../tools/build_kernels.ts";

function maxDiff(a: tf.Tensor, b: tf.Tensor): number {
  return tf.tidy(() => a.sub(b).abs().max().dataSync()[0]);
}

function layerNormRef(x: tf.Tensor, g: tf.Tensor | null, b: tf.Tensor | null): tf.Tensor {
  const { mean, variance } = tf.moments(x, -1, true);
  const y = x.sub(mean).mul(tf.rsqrt(variance.add(1e-5)));
  return g && b ? y.mul(g).add(b) : y;
}

for (const affine of [true, false]) {
  Deno.test(`layer norm kernel: values and gradients, affine=${affine}`, () => {
    tf.tidy(() => {
      const x = tf.randomNormal([33, 10], 2, 3, "float32", 1) as tf.Tensor2D;
      const g = affine ? tf.randomNormal([10], 1, 0.5, "float32", 2) as tf.Tensor1D : null;
      const b = affine ? tf.randomNormal([10], 0, 1, "float32", 3) as tf.Tensor1D : null;
      const dy = tf.randomNormal([33, 10], 0, 1, "float32", 4) as tf.Tensor2D;
      assert(maxDiff(layerNorm2d(x, g, b, 1e-5), layerNormRef(x, g, b)) < 1e-5);
      const ours = affine
        ? tf.grads((a, c, d) =>
          layerNorm2d(a as tf.Tensor2D, c as tf.Tensor1D, d as tf.Tensor1D, 1e-5).mul(dy).sum()
        )([x, g!, b!])
        : tf.grads((a) => layerNorm2d(a as tf.Tensor2D, null, null, 1e-5).mul(dy).sum())([x]);
      const ref = affine
        ? tf.grads((a, c, d) => layerNormRef(a, c, d).mul(dy).sum())([x, g!, b!])
        : tf.grads((a) => layerNormRef(a, null, null).mul(dy).sum())([x]);
      assertEquals(ours.length, ref.length);
      ref.forEach((r, i) => assert(maxDiff(ours[i], r) < 1e-4, `gradient ${i}`));
      if (affine) { // only ∂γ asked for
        const dg = tf.grad((c) => layerNorm2d(x, c as tf.Tensor1D, b, 1e-5).mul(dy).sum())(g!);
        assert(maxDiff(dg, ref[1]) < 1e-4);
      }
    });
  });
}

Deno.test("the kernels' exp: within 1.5e-7 relative on [-87, 88], 0 below, finite above, NaN kept", () => {
  const n = 100_001;
  const x = Float32Array.from({ length: n }, (_, i) => -87 + (175 * i) / (n - 1));
  const y = kernelExp(x);
  let worst = 0;
  for (let i = 0; i < n; i++) worst = Math.max(worst, Math.abs(y[i] / Math.exp(x[i]) - 1));
  assert(worst < 1.5e-7, `max relative error ${worst}`);
  // a masked attention score (−1e9) must weigh exactly nothing
  assertEquals(Array.from(kernelExp(new Float32Array([0, -88, -1e9, -Infinity]))), [1, 0, 0, 0]);
  assertEquals(kernelExp(new Float32Array([1]))[0], Math.fround(Math.E));
  const [big, nan] = kernelExp(new Float32Array([1000, NaN]));
  assert(big > 1e38 && Number.isFinite(big), `exp(1000) gave ${big}`);
  assert(Number.isNaN(nan), `exp(NaN) gave ${nan}`);
});

Deno.test("GELU kernel: values and gradient of x Φ(x) against tfjs's erf, odd sizes, NaN kept", () => {
  tf.tidy(() => {
    const x = tf.randomNormal([7, 143], 0, 3, "float32", 5).concat(tf.fill([7, 1], -40), 1);
    const ref = (v: tf.Tensor) => v.mul(0.5).mul(tf.erf(v.mul(Math.SQRT1_2)).add(1));
    assertEquals(gelu(x).shape, [7, 144]);
    assert(maxDiff(gelu(x), ref(x)) < 2e-6);
    const dy = tf.randomNormal([7, 144], 0, 1, "float32", 6);
    const g = tf.grad((v: tf.Tensor) => gelu(v).mul(dy).sum())(x);
    const gRef = tf.grad((v: tf.Tensor) => ref(v).mul(dy).sum())(x);
    assert(maxDiff(g, gRef) < 2e-6);
    const [nan, one] = gelu(tf.tensor1d([NaN, 1])).arraySync() as number[];
    assert(Number.isNaN(nan));
    assert(Math.abs(one - 0.8413447460685429) < 1e-7); // PyTorch's gelu(1)
  });
});

Deno.test("kernel scratch memory: released after each call, also when the call throws", () => {
  const top = () => withScratch((alloc) => alloc(1));
  const before = top();
  withScratch((alloc) => alloc(1 << 20));
  assertEquals(top(), before);
  try {
    withScratch((alloc) => {
      alloc(10);
      throw new Error("inside");
    });
  } catch { /* expected */ }
  assertEquals(top(), before);
  assert(kernelMemory.buffer instanceof SharedArrayBuffer);
});

Deno.test("kernel modules: the committed *_wasm.ts are built from the C sources", async () => {
  const dir = new URL("../../../lib/deep/kernels/", import.meta.url);
  const sources = [...Deno.readDirSync(dir)].filter((e) => e.name.endsWith(".c"));
  assert(sources.length > 0);
  for (const e of sources) {
    const name = e.name.slice(0, -2);
    const committed = await Deno.readTextFile(new URL(`${name}_wasm.ts`, dir));
    assertEquals(await buildModule(name), committed, `${name}_wasm.ts is stale`);
  }
});
