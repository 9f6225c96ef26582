/**
 * Trains the notes' multimodal network, built small (`SMALL_NOTES_NETWORK`), on captioned
 * Fashion-MNIST in two stages and prints the test accuracy of text only, image only and both.
 * Stage 1 pretrains the image encoder on Fashion-MNIST classification and the text encoder on
 * naming the item a caption mentions (each with its own test accuracy); stage 2 trains each
 * modality's network on the pairs, starting from those encoders.
 * Run (every flag optional, defaults shown):
 *
 *   ./node_modules/.bin/deno run -A tools/train_notes_multimodal.ts --pairs=10000 --epochs=4 \
 *     --pretrain=20000 --pretrain-epochs=2 --text-pretrain-epochs=1 --test=2000 --batch=128 \
 *     --lr=2e-3 --image-lr=5e-4 --modalities=text,image,both
 *
 * `--pretrain=0` and `--text-pretrain-epochs=0` skip stage 1 for the image and the text encoder.
 */
import process from "node:process";
import { loadFashionMnist } from "../lib/data/mod.ts";
import { makeCaptionedFashion } from "../lib/deep/captioned_fashion.ts";
import { manualSeed } from "../lib/deep/init.ts";
import {
  ErnieMResNetClassifier,
  type Modality,
  SMALL_NOTES_NETWORK,
} from "../lib/deep/notes_network.ts";
import {
  evaluateNotesNetwork,
  fitNotesNetwork,
  imageTowerAccuracy,
  pretrainImageTower,
  pretrainTextEncoder,
  textEncoderAccuracy,
} from "../lib/deep/notes_train.ts";

const DEFAULTS = {
  pairs: "10000",
  epochs: "4",
  pretrain: "20000",
  "pretrain-epochs": "2",
  "text-pretrain-epochs": "1",
  test: "2000",
  batch: "128",
  lr: "2e-3",
  "image-lr": "5e-4",
  modalities: "text,image,both",
};
type Flag = keyof typeof DEFAULTS;

function parseFlags(args: string[]): Record<Flag, string> {
  const out = { ...DEFAULTS };
  for (const a of args) {
    const m = /^--([a-z-]+)=(.+)$/.exec(a);
    if (!m || !(m[1] in DEFAULTS)) {
      throw new Error(`unknown argument ${a}; flags: ${Object.keys(DEFAULTS).join(", ")}`);
    }
    out[m[1] as Flag] = m[2];
  }
  return out;
}

const load = () => Deno.loadavg().map((x) => x.toFixed(2)).join(" ");
/** CPU seconds of this process so far (user + system): less sensitive to other jobs than wall time. */
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const seconds = (t0: number) => ((performance.now() - t0) / 1000).toFixed(1);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

if (import.meta.main) {
  const f = parseFlags(Deno.args);
  const nTrain = Number(f.pairs), epochs = Number(f.epochs), nPre = Number(f.pretrain);
  const batchSize = Number(f.batch), learningRate = Number(f.lr);
  const imageLearningRate = Number(f["image-lr"]);
  const start = performance.now();
  console.log(`flags ${JSON.stringify(f)}; load average ${load()}`);
  const tr = await loadFashionMnist(undefined, { split: "train", limit: Math.max(nTrain, nPre) });
  const te = await loadFashionMnist(undefined, { split: "test", limit: Number(f.test) });
  const train = makeCaptionedFashion(
    tr.images.subarray(0, nTrain * 784),
    tr.labels.subarray(0, nTrain),
    {
      seed: 1,
    },
  );
  const test = makeCaptionedFashion(te.images, te.labels, { seed: 2 });

  // stage 1: the image encoder learns the ten classes (shared by the three networks below)
  manualSeed(0);
  const base = new ErnieMResNetClassifier(SMALL_NOTES_NETWORK);
  if (nPre > 0) {
    const t0 = performance.now();
    const px = Float32Array.from(tr.images.subarray(0, nPre * 784), (v) => v / 255);
    const { tower } = pretrainImageTower(base, px, tr.labels.subarray(0, nPre), {
      epochs: Number(f["pretrain-epochs"]),
      batchSize,
    });
    const acc = imageTowerAccuracy(tower, test.pixels, te.labels);
    console.log(
      `stage 1: image encoder on ${nPre} images × ${
        f["pretrain-epochs"]
      } epochs: Fashion-MNIST test accuracy ${pct(acc)} (${te.labels.length} images), ${
        seconds(t0)
      } s, load ${load()}`,
    );
    tower.fc.dispose();
  }
  const textEpochs = Number(f["text-pretrain-epochs"]);
  if (textEpochs > 0) {
    const t0 = performance.now();
    const { encoder } = pretrainTextEncoder(base, train, { epochs: textEpochs, batchSize });
    console.log(
      `stage 1: text encoder on ${nTrain} captions × ${textEpochs} epochs: names the item of ${
        pct(textEncoderAccuracy(encoder, test))
      } of the test captions, ${seconds(t0)} s`,
    );
    encoder.fc.dispose();
  }
  const encoders = { resnet: base.resnet.stateDict(), ernie: base.ernie.stateDict() };

  // stage 2: the pair task, one network per modality, all from the same encoder
  for (const modality of f.modalities.split(",") as Modality[]) {
    manualSeed(1);
    const net = new ErnieMResNetClassifier(SMALL_NOTES_NETWORK);
    net.resnet.loadStateDict(encoders.resnet);
    net.ernie.loadStateDict(encoders.ernie);
    net.modality = modality;
    const t0 = performance.now();
    let c0 = cpu();
    fitNotesNetwork(net, train, {
      epochs,
      batchSize,
      learningRate,
      imageLearningRate,
      onEpoch: (e, l, ms) => {
        const c = cpu();
        console.log(
          `  ${modality} epoch ${e}: loss ${l.toFixed(4)}, ${(ms / 1000).toFixed(1)} s (CPU ${
            (c - c0).toFixed(1)
          } s) for ${nTrain} pairs, load ${load()}`,
        );
        c0 = c;
      },
    });
    const ev = evaluateNotesNetwork(net, test);
    console.log(
      `${modality}: test accuracy ${
        pct(ev.accuracy)
      } on ${test.n} pairs after ${epochs} epochs of ${nTrain} pairs, ${seconds(t0)} s, confusion ${
        JSON.stringify(ev.confusion)
      }`,
    );
    net.dispose();
  }
  console.log(`total ${seconds(start)} s, load average ${load()}`);
}
