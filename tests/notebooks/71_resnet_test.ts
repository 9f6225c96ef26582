/** The numbers notebooks/71_resnet.ipynb shows: torchvision's counts, plain vs residual nets. */
import { assertEquals } from "@std/assert";
import {
  augmentBatch,
  type AugmentDraw,
  BasicBlock,
  buildShapeOnly,
  countParameters,
  fitImageClassifier,
  manualSeed,
  Random,
  ResNet,
  resnet101,
  resnet18,
  resnet34,
  resnet50,
} from "../../lib/mod.ts";

Deno.test("ResNet parameter counts with the 1000-class head equal torchvision's", () => {
  const count = (f: typeof resnet18) =>
    countParameters(buildShapeOnly(() => f({ numClasses: 1000 })));
  assertEquals([count(resnet18), count(resnet34), count(resnet50), count(resnet101)], [
    11689512,
    21797672,
    25557032,
    44549160,
  ]);
});

Deno.test("the plain and residual nets of the notebook differ only by the projections; both train", () => {
  const build = (residual: boolean) => {
    manualSeed(0);
    return new ResNet(BasicBlock, [4, 4, 4, 4], {
      numClasses: 10,
      width: 4,
      inChannels: 1,
      residual,
    });
  };
  const r = build(true), p = build(false);
  assertEquals(
    countParameters(r) - countParameters(p),
    (4 * 8 + 16) + (8 * 16 + 32) + (16 * 32 + 64),
  );
  const small = new ResNet(BasicBlock, [1, 1, 1, 1], { numClasses: 2, width: 2, inChannels: 1 });
  const pixels = Float32Array.from(
    { length: 8 * 64 },
    (_, i) => ((i % 64 < 32) === ((i >> 6) % 2 === 0) ? 1 : 0),
  );
  const losses = fitImageClassifier(small, pixels, [0, 1, 0, 1, 0, 1, 0, 1], [1, 8, 8], {
    epochs: 6,
    batchSize: 8,
    learningRate: 1e-2,
  });
  assertEquals(losses.length, 6);
  assertEquals(losses[5] < losses[0], true, `${losses}`);
});

Deno.test("the notebook's six augmented views: seeded draws, and the centred unflipped view is the image", () => {
  const one = Float32Array.from({ length: 784 }, (_, i) => (i % 29) / 28);
  const six = new Float32Array(6 * 784);
  for (let k = 0; k < 6; k++) six.set(one, k * 784);
  const draws: AugmentDraw[] = [];
  const out = augmentBatch(six, [1, 28, 28], new Random(0), { padding: 2, flip: true }, draws);
  assertEquals(
    draws.map((d) => `dy=${d.dy} dx=${d.dx}${d.flip ? " flip" : ""}`).join(" | "),
    "dy=3 dx=4 flip | dy=1 dx=0 flip | dy=1 dx=0 | dy=2 dx=2 | dy=3 dx=3 | dy=0 dx=2",
  );
  assertEquals(out.subarray(3 * 784, 4 * 784), one); // dy = dx = 2, no flip: unchanged
});
