import { assert, assertEquals, assertThrows } from "@std/assert";
import {
  ErnieMResNetClassifier,
  fitNotesNetwork,
  imageTowerAccuracy,
  makeCaptionedFashion,
  manualSeed,
  type NotesNetworkOptions,
  pretrainImageTower,
  pretrainTextEncoder,
  textEncoderAccuracy,
  tf,
} from "../../../lib/mod.ts";

const TINY: NotesNetworkOptions = {
  text: { vocabSize: 64, hidden: 16, numLayers: 1, numHeads: 2, ffn: 16, maxPositions: 16 },
  image: {
    block: "basic",
    layers: [1, 1, 1, 1],
    width: 4,
    inChannels: 1,
    smallStem: true,
    spaceToDepth: 2,
  },
  textHeads: 2,
  imageHeads: 2,
  hidden: 16,
};

/** 28×28 images whose class k (0..9) is a bright 6×6 square at one of ten places, plus noise. */
function squares(n: number, seed: number): { pixels: Float32Array; labels: Uint8Array } {
  let s = seed;
  const rand = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pixels = new Float32Array(n * 784), labels = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const k = i % 10, r0 = 2 + 12 * Math.floor(k / 5), c0 = 1 + 5 * (k % 5);
    labels[i] = k;
    for (let p = 0; p < 784; p++) pixels[i * 784 + p] = 0.2 * rand();
    for (let r = r0; r < r0 + 6; r++) {
      for (let c = c0; c < c0 + 6; c++) pixels[i * 784 + r * 28 + c] = 1;
    }
  }
  return { pixels, labels };
}

Deno.test("stage 1: pretraining teaches the image encoder the classes, through a head it then drops", () => {
  manualSeed(0);
  const net = new ErnieMResNetClassifier(TINY);
  const { pixels, labels } = squares(200, 1);
  const before = net.resnet.stateDict()["resnet.0.weight"].arraySync();
  const { tower, losses } = pretrainImageTower(net, pixels, labels, {
    epochs: 6,
    batchSize: 50,
    learningRate: 1e-2,
  });
  assertEquals(losses.length, 6 * 4);
  assert(losses.at(-1)! < losses[0], `${losses[0]} → ${losses.at(-1)}`);
  // the encoder trained is the network's own (no copy)
  assert(tower.encoder === net.resnet);
  assert(
    JSON.stringify(net.resnet.stateDict()["resnet.0.weight"].arraySync()) !==
      JSON.stringify(before),
  );
  const test = squares(100, 7);
  const acc = imageTowerAccuracy(tower, test.pixels, test.labels);
  assert(acc > 0.5, `accuracy ${acc}`);
  assertThrows(
    () => pretrainImageTower(net, new Float32Array(100), [0, 1]),
    Error,
    "one square one-channel image per label",
  );
});

Deno.test("stage 2: imageLearningRate 0 freezes the image encoder (weights and BatchNorm statistics)", () => {
  manualSeed(1);
  const net = new ErnieMResNetClassifier(TINY);
  const { labels } = squares(40, 2);
  const images = new Uint8Array(40 * 784).map((_, i) => (i * 13) % 256);
  const d = makeCaptionedFashion(images, labels, { seed: 3 });
  const snapshot = () =>
    Object.fromEntries(
      Object.entries(net.resnet.stateDict()).map(([k, t]) => [k, Array.from(t.dataSync())]),
    );
  const a = snapshot();
  const textBefore = Array.from(net.classifier2.weight.value.dataSync());
  fitNotesNetwork(net, d, { epochs: 1, batchSize: 20, imageLearningRate: 0 });
  assertEquals(snapshot(), a);
  assert(Array.from(net.classifier2.weight.value.dataSync()).some((v, i) => v !== textBefore[i]));
  fitNotesNetwork(net, d, { epochs: 1, batchSize: 20, imageLearningRate: 1e-3 });
  const b = snapshot();
  const before = tf.memory().numTensors;
  fitNotesNetwork(net, d, { epochs: 2, batchSize: 20, imageLearningRate: 1e-3 });
  assertEquals(tf.memory().numTensors, before); // nothing leaks across steps
  assert(b["resnet.0.weight"].some((v, i) => v !== a["resnet.0.weight"][i]));
  assert(b["resnet.1.running_mean"].some((v, i) => v !== a["resnet.1.running_mean"][i]));
  assertThrows(
    () => fitNotesNetwork(net, d, { imageLearningRate: -1 }),
    Error,
    "imageLearningRate",
  );
});

Deno.test("stage 1 for text: the encoder learns which item a caption names (11 classes), captions only", () => {
  manualSeed(2);
  const net = new ErnieMResNetClassifier(TINY);
  const labels = new Uint8Array(Array.from({ length: 300 }, (_, i) => i % 10));
  const d = makeCaptionedFashion(new Uint8Array(300 * 784), labels, { seed: 4 });
  const { encoder, losses } = pretrainTextEncoder(net, d, {
    epochs: 8,
    batchSize: 50,
    learningRate: 1e-2,
  });
  assert(encoder.encoder === net.ernie);
  assert(losses.at(-1)! < losses[0] / 2, `${losses}`);
  const test = makeCaptionedFashion(new Uint8Array(100 * 784), labels.subarray(0, 100), {
    seed: 9,
  });
  const acc = textEncoderAccuracy(encoder, test);
  assert(acc > 0.8, `accuracy ${acc}`);
});
