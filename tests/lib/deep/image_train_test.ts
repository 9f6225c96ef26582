import { assert, assertEquals, assertThrows } from "@std/assert";
import {
  checkPixelRange,
  Conv2d,
  defaultFashionMnistDir,
  fitImageClassifier,
  Flatten,
  type ImageEpochInfo,
  manualSeed,
  predictImageClasses,
  readSafetensors,
  resnet18,
  Sequential,
  tf,
} from "../../../lib/mod.ts";
import { parseFlags, trainFashionResnet } from "../../../tools/train_fashion_resnet.ts";

/** Two classes of 1 × 8 × 8 images, unchanged by a left-right flip: bright top or bright bottom. */
function halves(n: number): { px: Float32Array; y: number[] } {
  const px = new Float32Array(n * 64), y: number[] = [];
  for (let k = 0; k < n; k++) {
    y.push(k % 2);
    for (let i = 0; i < 8; i++) {
      for (let j = 0; j < 8; j++) px[k * 64 + i * 8 + j] = (i < 4) === (k % 2 === 0) ? 0.9 : 0.1;
    }
  }
  return { px, y };
}

Deno.test("fitImageClassifier: pixels outside [0, 1] or the wrong length say so, with min/max", () => {
  const net = resnet18({ numClasses: 2, width: 2, inChannels: 1, smallStem: true });
  const bytes = new Float32Array(2 * 64).fill(255);
  bytes[0] = 0;
  assertThrows(
    () => fitImageClassifier(net, bytes, [0, 1], [1, 8, 8]),
    Error,
    "pixels must be scaled to [0, 1] (0..255 bytes: divide by 255). Got min 0, max 255.",
  );
  assertThrows(
    () => fitImageClassifier(net, new Float32Array(2 * 64).fill(-0.5), [0, 1], [1, 8, 8]),
    Error,
    "Got min -0.5, max -0.5",
  );
  assertThrows(
    () => fitImageClassifier(net, new Float32Array(100), [0, 1], [1, 8, 8]),
    Error,
    "pixels has 100 values; 2 images of shape [1,8,8] need 128",
  );
  assertThrows(
    () => predictImageClasses(net, new Float32Array(64).fill(NaN), [1, 8, 8]),
    Error,
    "pixels must be finite",
  );
  checkPixelRange(new Float32Array([0, 255]), "x", [0, 255]);
  // the channel count and a too-small image are the network's checks, naming the layer
  assertThrows(
    () => predictImageClasses(net, new Float32Array(3 * 64), [3, 8, 8]),
    Error,
    "expects 1 input channels. Got 3",
  );
  // (every ResNet window is padded, so a ResNet takes even 1×1 images; an unpadded conv does not)
  const valid = new Sequential(new Conv2d(1, 2, 5), new Flatten());
  assertThrows(
    () => predictImageClasses(valid, new Float32Array(16), [1, 4, 4]),
    Error,
    "Conv2D(1, 2, kernel_size=[5, 5], data_format=NCHW): input of spatial size 4×4 is too small",
  );
});

Deno.test("fitImageClassifier: augmentation and the cosine schedule are seeded and learn", () => {
  const { px, y } = halves(64);
  const run = (seed: number) => {
    const net = resnet18({ numClasses: 2, width: 2, inChannels: 1, smallStem: true });
    net.loadStateDict(base.stateDict());
    const epochs: ImageEpochInfo[] = [];
    const losses = fitImageClassifier(net, px, y, [1, 8, 8], {
      epochs: 3,
      batchSize: 16,
      learningRate: 1e-2,
      schedule: "cosine",
      augment: { padding: 1, flip: true },
      seed,
      onEpoch: (e) => epochs.push(e),
    });
    return { net, losses, epochs };
  };
  manualSeed(0);
  const base = resnet18({ numClasses: 2, width: 2, inChannels: 1, smallStem: true });
  const before = tf.memory().numTensors;
  const a = run(5), b = run(5), c = run(6);
  assertEquals(a.losses, b.losses);
  assert(a.losses.some((v, i) => v !== c.losses[i]));
  assertEquals(a.epochs.map((e) => e.epoch), [0, 1, 2]);
  assertEquals(a.epochs[2].stepLosses, a.losses.slice(8));
  assert(
    a.epochs[2].meanLoss < a.epochs[0].meanLoss,
    JSON.stringify(a.epochs.map((e) => e.meanLoss)),
  );
  const pred = predictImageClasses(a.net, px, [1, 8, 8]);
  assert(pred.filter((p, i) => p === y[i]).length >= 56);
  for (const r of [a, b, c]) r.net.dispose();
  assertEquals(tf.memory().numTensors, before); // nothing left by three runs of 12 steps
  base.dispose();
});

let hasData = false;
try {
  hasData = Deno.statSync(`${defaultFashionMnistDir()}/train-labels-idx1-ubyte.gz`).isFile;
} catch {
  hasData = false;
}

Deno.test({
  name:
    "tools/train_fashion_resnet.ts: one epoch on a small subset writes progress, weights, figure",
  ignore: !hasData,
  fn: async () => {
    const out = await Deno.makeTempDir();
    const opts = parseFlags([
      "--width=2",
      "--epochs=1",
      "--batch=64",
      "--train=256",
      "--test=128",
      `--out=${out}`,
    ]);
    assertEquals([opts.width, opts.lr, opts.pad], [2, 3e-3, 1]);
    assertThrows(() => parseFlags(["--widht=2"]), Error, "unknown argument --widht=2");
    const p = await trainFashionResnet(opts);
    assertEquals(p.epochs.length, 1);
    assertEquals(p.stepLosses.length, 4);
    assert(p.epochs[0].testAccuracy >= 0 && p.epochs[0].testAccuracy <= 1);
    const saved = JSON.parse(await Deno.readTextFile(`${out}/progress.json`));
    assertEquals(saved.epochs, p.epochs);
    const svg = await Deno.readTextFile(`${out}/fashion_resnet.svg`);
    assert(svg.startsWith("<svg") && svg.includes("test accuracy"));
    const weights = readSafetensors(await Deno.readFile(`${out}/checkpoint.safetensors`));
    const net = resnet18({ numClasses: 10, width: 2, inChannels: 1, smallStem: true });
    net.loadStateDict(weights); // strict: every name and shape matches
    net.dispose();
    await Deno.remove(out, { recursive: true });
  },
});
