import { assertEquals, assertThrows } from "@std/assert";
import {
  BasicBlock,
  Bottleneck,
  buildShapeOnly,
  countParameters,
  ResNet,
  resnet101,
  resnet18,
  resnet34,
  resnet50,
  tf,
} from "../../../lib/mod.ts";
import { checkAgainstTorch, loadCase } from "./torch_fixture.ts";

function parity(name: string, m: BasicBlock | Bottleneck | ResNet, gradTol = 1e-4) {
  const c = loadCase(name);
  if (c.meta.mode === "eval") m.eval();
  const err = checkAgainstTorch(m, c, (i) => ({ out: m.forward(i.x) }), {
    fwdTol: 1e-4,
    gradTol,
  });
  console.log(
    `${name}: forward ${err.forward.toExponential(2)}, gradient ${err.gradient.toExponential(2)}`,
  );
}

for (const mode of ["train", "eval"]) {
  Deno.test(`Bottleneck matches PyTorch (${mode}): with and without the downsample`, () => {
    const down = new Bottleneck({ inplanes: 16, planes: 8, stride: 2 });
    assertEquals(down.downsample !== null, true);
    parity(`bottleneck_down_${mode}`, down);
    const id = new Bottleneck({ inplanes: 16, planes: 4 });
    assertEquals(id.downsample, null);
    parity(`bottleneck_id_${mode}`, id);
    parity(`basic_block_${mode}`, new BasicBlock({ inplanes: 16, planes: 8, stride: 2 }));
  });

  Deno.test(`small ResNets match PyTorch (${mode}): BasicBlock ×[1,1,1,1] on 28×28×1, Bottleneck on 32×32×3`, () => {
    // train mode: layer4's BatchNorm normalizes 8 values per channel (1×1 maps), which amplifies
    // float32 rounding; the gradients of the whole net agree to 5e-4 (blocks alone: 1e-4)
    parity(
      `small_resnet_${mode}`,
      new ResNet(BasicBlock, [1, 1, 1, 1], { numClasses: 5, width: 4, inChannels: 1 }),
      mode === "train" ? 5e-4 : 1e-4,
    );
    parity(
      `small_resnet50_${mode}`,
      new ResNet(Bottleneck, [1, 1, 1, 1], { numClasses: 3, width: 4 }),
      mode === "train" ? 5e-4 : 1e-4,
    );
  });
}

Deno.test("parameter counts equal torchvision's, counted shape-only", () => {
  const count = (f: typeof resnet18) =>
    countParameters(buildShapeOnly(() => f({ numClasses: 1000 })));
  assertEquals(count(resnet18), 11689512);
  assertEquals(count(resnet34), 21797672);
  assertEquals(count(resnet50), 25557032);
  assertEquals(count(resnet101), 44549160);
  const r50 = buildShapeOnly(() => resnet50({ numClasses: 1000 }));
  const keys = r50.namedParameters().map(([k]) => k);
  assertEquals(keys[0], "conv1.weight");
  assertEquals(keys.includes("layer2.0.downsample.0.weight"), true);
  assertEquals(keys.includes("layer2.1.downsample.0.weight"), false);
  assertEquals(
    r50.namedBuffers().map(([k]) => k).includes("layer4.2.bn3.num_batches_tracked"),
    true,
  );
});

Deno.test("torchvision's stride placement: on the 3×3 conv and the 1×1 downsample", () => {
  const b = buildShapeOnly(() => new Bottleneck({ inplanes: 256, planes: 128, stride: 2 }));
  assertEquals(b.conv1.stride, [1, 1]);
  assertEquals(b.conv2.stride, [2, 2]);
  assertEquals(
    b.toString().split("\n").slice(0, 4).join("\n"),
    [
      "BottleneckBlock(",
      "  (conv1): Conv2D(256, 128, kernel_size=[1, 1], data_format=NCHW)",
      "  (bn1): BatchNorm2D(num_features=128, momentum=0.9, epsilon=1e-05)",
      "  (conv2): Conv2D(128, 128, kernel_size=[3, 3], stride=[2, 2], padding=1, data_format=NCHW)",
    ].join("\n"),
  );
});

Deno.test("bad input: wrong channels and an image too small name the layer and sizes", () => {
  const r = resnet18({ numClasses: 10, width: 4, inChannels: 1 });
  assertThrows(() => r.forward(tf.zeros([1, 3, 28, 28])), Error, "expects 1 input channels. Got 3");
  // every ResNet window is padded, so even a 1×1 image goes through (to a 1×1 map)
  assertEquals(r.forward(tf.zeros([1, 1, 1, 1])).shape, [1, 10]);
  assertThrows(() => r.forward(tf.zeros([1, 1, 28])), Error, "rank 4");
  assertThrows(() => resnet18({ width: 0 }), Error, "width");
  assertEquals(r.forward(tf.zeros([2, 1, 28, 28])).shape, [2, 10]);
});

Deno.test("ResNet training steps leak no tensors and move the running statistics", () => {
  const r = resnet18({ numClasses: 3, width: 4, inChannels: 1, smallStem: true });
  const opt = tf.train.adam(1e-3);
  const x = tf.randomNormal([4, 1, 12, 12], 0, 1, "float32", 1);
  const y = tf.oneHot(tf.tensor1d([0, 1, 2, 0], "int32"), 3);
  const step = () =>
    opt.minimize(
      () => tf.losses.softmaxCrossEntropy(y, r.forward(x) as tf.Tensor2D) as tf.Scalar,
      false,
      r.variables(),
    );
  step();
  const before = tf.memory().numTensors;
  step();
  step();
  assertEquals(tf.memory().numTensors, before);
  assertEquals(r.bn1.num_batches_tracked.value.dataSync()[0], 3);
});

Deno.test("residual: false builds the plain network of the same depth (no shortcuts, same convs)", () => {
  const plain = buildShapeOnly(() => resnet18({ numClasses: 10, residual: false }));
  const res = buildShapeOnly(() => resnet18({ numClasses: 10 }));
  assertEquals(plain.layer2.at(0) instanceof BasicBlock, true);
  assertEquals((plain.layer2.at(0) as BasicBlock).downsample, null);
  // the three 1×1 projections (with their BatchNorms) are the whole difference
  assertEquals(
    countParameters(res) - countParameters(plain),
    (64 * 128 + 2 * 128) + (128 * 256 + 2 * 256) + (256 * 512 + 2 * 512),
  );
  const p = new BasicBlock({ inplanes: 4, planes: 4, residual: false });
  const x = tf.randomNormal([1, 4, 5, 5], 0, 1, "float32", 2);
  const r = new BasicBlock({ inplanes: 4, planes: 4 });
  r.loadStateDict(p.stateDict());
  const diff = tf.tidy(() => r.forward(x).sub(p.forward(x)).abs().max().dataSync()[0]);
  assertEquals(diff > 0, true);
});

Deno.test("smallStem with stemStride 2 halves every stage (28 → 14, 7, 4, 2) and keeps the parameters", () => {
  const o = { numClasses: 10, width: 4, inChannels: 1, smallStem: true } as const;
  const r1 = resnet18(o), r2 = resnet18({ ...o, stemStride: 2 });
  assertEquals(countParameters(r1), countParameters(r2));
  assertEquals(r2.conv1.stride, [2, 2]);
  const x = tf.zeros([2, 1, 28, 28]);
  const stem = r2.conv1.forward(x);
  assertEquals(stem.shape, [2, 4, 14, 14]);
  assertEquals(
    r2.layer4.forward(r2.layer3.forward(r2.layer2.forward(r2.layer1.forward(stem)))).shape,
    [
      2,
      32,
      2,
      2,
    ],
  );
  assertEquals(r2.forward(x).shape, [2, 10]);
  assertThrows(
    () => resnet18({ ...o, stemStride: 0 }),
    Error,
    "stemStride must be an integer >= 1. Got 0",
  );
});
