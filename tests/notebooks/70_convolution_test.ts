/** The functions notebooks/70_convolution.ipynb uses, with the numbers it shows. */
import { assertAlmostEquals, assertEquals } from "@std/assert";
import {
  BatchNorm2d,
  Conv2d,
  conv2dByHand,
  convOutputSize,
  learnKernel,
  manualSeed,
  SOBEL_X,
  tf,
} from "../../lib/mod.ts";

Deno.test("the output size formula, by hand and from the layer", () => {
  assertEquals(convOutputSize(5, 3, 1, 0), 3);
  assertEquals(convOutputSize(5, 3, 1, 1), 5);
  assertEquals(convOutputSize(5, 3, 2, 1), 3);
  assertEquals(convOutputSize(224, 7, 2, 3), 112);
  assertEquals(new Conv2d(3, 64, 7, { stride: 2, padding: 3 }).outputSize(224, 224), [112, 112]);
});

Deno.test("loops and Conv2d agree on a 2-channel 5×5 image (stride 2, padding 1)", () => {
  manualSeed(0);
  const conv = new Conv2d(2, 3, 3, { stride: 2, padding: 1 });
  const x = Array.from(
    { length: 2 },
    (_, c) =>
      Array.from({ length: 5 }, (_, r) => Array.from({ length: 5 }, (_, q) => (c + 1) * r - q)),
  );
  const hand = conv2dByHand(x, conv.weight.value.arraySync() as number[][][][], {
    stride: 2,
    padding: 1,
    bias: [...conv.bias!.value.dataSync()],
  });
  const lib = conv.forward(tf.tensor4d(x.flat(2), [1, 2, 5, 5])).arraySync() as number[][][][];
  assertEquals([hand.length, hand[0].length, hand[0][0].length], [3, 3, 3]);
  for (let o = 0; o < 3; o++) {
    for (let r = 0; r < 3; r++) {
      for (let q = 0; q < 3; q++) assertAlmostEquals(lib[0][o][r][q], hand[o][r][q], 1e-4);
    }
  }
});

Deno.test("BatchNorm2d: batch statistics in training, running ones in eval", () => {
  const bn = new BatchNorm2d(1);
  const x = tf.tensor4d([1, 3, 5, 7], [4, 1, 1, 1]);
  const y = [...bn.forward(x).dataSync()];
  assertAlmostEquals(y[0], -3 / Math.sqrt(5 + 1e-5), 1e-5);
  assertAlmostEquals(bn.running_mean.value.dataSync()[0], 0.4, 1e-6);
  assertAlmostEquals(bn.running_var.value.dataSync()[0], 0.9 + 0.1 * 20 / 3, 1e-5);
  bn.eval();
  assertAlmostEquals(bn.forward(x).dataSync()[0], (1 - 0.4) / Math.sqrt(0.9 + 2 / 3 + 1e-5), 1e-5);
});

Deno.test("gradient descent recovers the Sobel kernel", () => {
  const images = tf.randomUniform([8, 1, 12, 12], 0, 1, "float32", 7);
  const { losses, kernel } = learnKernel(images, SOBEL_X, { steps: 200, learningRate: 0.5 });
  assertEquals(losses[199] < losses[0] / 100, true, `${losses[0]} → ${losses[199]}`);
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) assertAlmostEquals(kernel[i][j], SOBEL_X[i][j], 0.1);
  }
});
