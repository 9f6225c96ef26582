import { assertAlmostEquals, assertEquals, assertThrows } from "@std/assert";
import {
  AdaptiveAvgPool2d,
  AvgPool2d,
  BatchNorm2d,
  buildShapeOnly,
  Conv2d,
  convOutputSize,
  Flatten,
  MaxPool2d,
  readSafetensors,
  tf,
} from "../../../lib/mod.ts";
import { checkAgainstTorch, loadCase, maxAbsDiff } from "./torch_fixture.ts";

const run = (m: { forward(x: tf.Tensor): tf.Tensor }) => (i: Record<string, tf.Tensor>) => ({
  out: m.forward(i.x),
});

function parity(name: string, m: Conv2d | BatchNorm2d | MaxPool2d | AvgPool2d | AdaptiveAvgPool2d) {
  const c = loadCase(name);
  if (c.meta.mode === "eval") m.eval();
  const err = checkAgainstTorch(m, c, run(m), { fwdTol: 1e-4, gradTol: 1e-4 });
  console.log(
    `${name}: forward ${err.forward.toExponential(2)}, gradient ${err.gradient.toExponential(2)}`,
  );
  return err;
}

Deno.test("Conv2d matches PyTorch: stride + padding", () => {
  parity("conv_stride_pad", new Conv2d(4, 6, 3, { stride: 2, padding: 1 }));
});

Deno.test("Conv2d matches PyTorch: dilation, groups, rectangular kernel and padding", () => {
  parity(
    "conv_dilation_groups",
    new Conv2d(4, 6, [3, 2], { padding: [2, 1], dilation: 2, groups: 2 }),
  );
});

Deno.test("Conv2d matches PyTorch: depthwise (groups = in channels, multiplier 2), no bias", () => {
  parity(
    "conv_depthwise",
    new Conv2d(4, 8, 3, { stride: [1, 2], padding: 1, groups: 4, bias: false }),
  );
});

Deno.test("BatchNorm2d matches PyTorch in training mode, running statistics included", () => {
  const bn = new BatchNorm2d(4, { momentum: 0.2 });
  parity("bn_train", bn);
  const all = readSafetensors(
    Deno.readFileSync(new URL("../../fixtures/deep/bn_train.safetensors", import.meta.url)),
  );
  // checkAgainstTorch ran forward once: the running averages moved like PyTorch's
  assertEquals(maxAbsDiff(bn.running_mean.value, all["after.running_mean"], "mean") < 1e-5, true);
  assertEquals(maxAbsDiff(bn.running_var.value, all["after.running_var"], "var") < 1e-5, true);
  assertEquals(bn.num_batches_tracked.value.dataSync()[0], 4);
});

Deno.test("BatchNorm2d matches PyTorch in eval mode (running statistics)", () => {
  parity("bn_eval", new BatchNorm2d(4));
});

Deno.test("pooling matches PyTorch: max, average (zero padding counted), adaptive", () => {
  parity("maxpool", new MaxPool2d(3, { stride: 2, padding: 1 }));
  parity("avgpool", new AvgPool2d(3, { stride: 2, padding: 1 }));
  parity("adaptive_avgpool", new AdaptiveAvgPool2d([4, 3]));
});

Deno.test("output size formula ⌊(n + 2p − d(k−1) − 1)/s⌋ + 1 by hand and in the layer", () => {
  assertEquals(convOutputSize(224, 7, 2, 3), 112);
  assertEquals(convOutputSize(112, 3, 2, 1), 56);
  assertEquals(convOutputSize(28, 3, 1, 0), 26);
  assertEquals(convOutputSize(9, 3, 1, 2, 2), 9);
  const conv = new Conv2d(1, 1, 3, { bias: false });
  conv.weight.assign(tf.tensor4d([0, 0, 0, 0, 1, 0, 0, 0, 0], [1, 1, 3, 3]));
  // a centred one-hot kernel copies the interior
  const x = tf.range(0, 16).reshape([1, 1, 4, 4]);
  assertEquals([...conv.forward(x).dataSync()], [5, 6, 9, 10]);
});

Deno.test("Flatten, printing in the notes' notation, shape-only build", () => {
  assertEquals(new Flatten().forward(tf.zeros([2, 3, 4, 5])).shape, [2, 60]);
  assertEquals(new Flatten(0, 1).forward(tf.zeros([2, 3, 4])).shape, [6, 4]);
  assertEquals(
    new Conv2d(256, 512, 1, { stride: 2, bias: false }).toString(),
    "Conv2D(256, 512, kernel_size=[1, 1], stride=[2, 2], data_format=NCHW)",
  );
  assertEquals(
    new BatchNorm2d(64).toString(),
    "BatchNorm2D(num_features=64, momentum=0.9, epsilon=1e-05)",
  );
  const big = buildShapeOnly(() => new Conv2d(2048, 2048, 3, { padding: 1 }));
  assertEquals(big.numParameters(), 2048 * 2048 * 9 + 2048);
  const bnShape = buildShapeOnly(() => new BatchNorm2d(8));
  assertEquals(bnShape.numParameters(), 16);
});

Deno.test("bad input: wrong channel count, too small, bad options, wrong weight layout", () => {
  const conv = new Conv2d(3, 8, 7, { stride: 2 });
  assertThrows(
    () => conv.forward(tf.zeros([1, 1, 28, 28])),
    Error,
    "expects 3 input channels. Got 1",
  );
  assertThrows(() => conv.forward(tf.zeros([1, 3, 5, 5])), Error, "too small");
  assertThrows(() => conv.forward(tf.zeros([3, 28, 28])), Error, "rank 4");
  assertThrows(() => new Conv2d(4, 6, 3, { groups: 4 }), Error, "groups must divide");
  assertThrows(
    () => new MaxPool2d(2).forward(tf.zeros([1, 1, 1, 1])),
    Error,
    "smaller than the window",
  );
  assertThrows(
    () => new BatchNorm2d(4).forward(tf.zeros([2, 3, 2, 2])),
    Error,
    "expects 4 input channels",
  );
  assertThrows(
    () => conv.loadStateDict({ weight: tf.zeros([8, 3, 7]), bias: tf.zeros([8]) }),
    Error,
    "shape mismatches",
  );
});

Deno.test("BatchNorm2d in eval mode is an affine map per channel", () => {
  const bn = new BatchNorm2d(1).eval();
  bn.running_mean.set(tf.tensor1d([2]));
  bn.running_var.set(tf.tensor1d([4]));
  const y = bn.forward(tf.tensor4d([4], [1, 1, 1, 1])).dataSync()[0];
  assertAlmostEquals(y, 2 / Math.sqrt(4 + 1e-5), 1e-6);
});

Deno.test("Conv2d gradients equal tfjs's own conv2d gradient: odd strides, padding wider than the kernel", () => {
  // convNHWC writes both gradients as forward convolutions; tfjs's reference kernels (the
  // CPU backend's filter gradient, bridged) check the cropping of unused rows and wide padding
  for (
    const [k, stride, padding] of [
      [[3, 2], [2, 3], [3, 1]],
      [[1, 1], [2, 2], [0, 0]],
      [[3, 3], [3, 2], [1, 2]],
    ] as [number, number][][]
  ) {
    const conv = new Conv2d(3, 4, k as [number, number], {
      stride: stride as [number, number],
      padding: padding as [number, number],
    });
    const x = tf.randomNormal([2, 3, 8, 7], 0, 1, "float32", 1);
    const t = tf.randomNormal([2, 4, ...conv.outputSize(8, 7)], 0, 1, "float32", 2);
    const w0 = conv.weight.value;
    const [dxRef, dwRef] = tf.grads((xi: tf.Tensor, w: tf.Tensor) =>
      tf.conv2d(
        xi.transpose([0, 2, 3, 1]) as tf.Tensor4D,
        w.transpose([2, 3, 1, 0]) as tf.Tensor4D,
        stride as [number, number],
        [[0, 0], [padding[0], padding[0]], [padding[1], padding[1]], [0, 0]],
      ).transpose([0, 3, 1, 2]).mul(t).sum()
    )([x, w0]);
    const dx = tf.grad((xi: tf.Tensor) => conv.forward(xi).mul(t).sum())(x);
    const { grads } = tf.variableGrads(
      () => conv.forward(x).mul(t).sum() as tf.Scalar,
      [w0 as tf.Variable],
    );
    const label = `k=${k} stride=${stride} padding=${padding}`;
    assertEquals(maxAbsDiff(dx, dxRef, `dx ${label}`) < 1e-4, true);
    assertEquals(maxAbsDiff(Object.values(grads)[0], dwRef, `dw ${label}`) < 1e-4, true);
  }
});
