/**
 * Trains the notes' multimodal network, built small, on captioned Fashion-MNIST and prints the
 * test accuracy of text only, image only and both. Run:
 *   ./node_modules/.bin/deno run -A tools/train_notes_multimodal.ts [trainPairs] [epochs] [text,image,both]
 */
import { loadFashionMnist } from "../lib/data/mod.ts";
import { makeCaptionedFashion } from "../lib/deep/captioned_fashion.ts";
import { manualSeed } from "../lib/deep/init.ts";
import {
  ErnieMResNetClassifier,
  type Modality,
  type NotesNetworkOptions,
} from "../lib/deep/notes_network.ts";
import { evaluateNotesNetwork, fitNotesNetwork } from "../lib/deep/notes_train.ts";

/** The small configuration used in notebook 72 and the tests. */
export const SMALL_NOTES_NETWORK: NotesNetworkOptions = {
  text: {
    vocabSize: 2000,
    hidden: 64,
    numLayers: 2,
    numHeads: 4,
    ffn: 128,
    maxPositions: 34,
    dropout: 0,
  },
  image: { block: "bottleneck", layers: [1, 1, 1, 1], width: 8, inChannels: 1 },
  textHeads: 4,
  imageHeads: 4,
  hidden: 64,
};

if (import.meta.main) {
  const nTrain = Number(Deno.args[0] ?? 3000), epochs = Number(Deno.args[1] ?? 3);
  const tr = await loadFashionMnist(undefined, { split: "train", limit: nTrain });
  const te = await loadFashionMnist(undefined, { split: "test", limit: 1000 });
  const train = makeCaptionedFashion(tr.images, tr.labels, { seed: 1 });
  const test = makeCaptionedFashion(te.images, te.labels, { seed: 2 });
  const modalities = (Deno.args[2] ?? "text,image,both").split(",") as Modality[];
  for (const modality of modalities) {
    manualSeed(0);
    const net = new ErnieMResNetClassifier(SMALL_NOTES_NETWORK);
    net.modality = modality;
    const t0 = performance.now();
    const losses = fitNotesNetwork(net, train, {
      epochs,
      onEpoch: (e, l) =>
        console.log(
          `  ${modality} epoch ${e}: loss ${l.toFixed(4)} (${
            ((performance.now() - t0) / 1000).toFixed(0)
          } s)`,
        ),
    });
    const ev = evaluateNotesNetwork(net, test);
    console.log(
      `${modality}: test accuracy ${
        (ev.accuracy * 100).toFixed(1)
      }% after ${epochs} epochs of ${nTrain} pairs, ` +
        `${((performance.now() - t0) / 1000).toFixed(0)} s, final loss ${
          losses.at(-1)!.toFixed(4)
        }, confusion ${JSON.stringify(ev.confusion)}`,
    );
    net.dispose();
  }
}
