/**
 * The settings each benchmark model (lr, fm, ffm, deepfm, deepffm, wdl, xdeepfm, dcn, dcnv2) is
 * trained with, shared by `deno task ctr` and the notebooks.
 *
 * @module
 */
import { ValueError } from "../core/mod.ts";
import type { CTRModelOptions } from "./models.ts";
import { CTR_MODELS, type CTRModelSpec, isCTRModelName } from "./spec.ts";
import { CTRClassifier, type FtrlOptions } from "./train.ts";

/**
 * A `CTRClassifier` for a benchmark name: Adam (lr 0.002) for every model except Wide & Deep,
 * whose wide part uses FTRL-Proximal and deep part AdaGrad, as in the paper. The model is given
 * as a `CTRModelSpec`, so the classifier can be saved (`toJSON`).
 *
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { makeCTRClassifier } from "../mod.ts";
 *
 * const clf = makeCTRClassifier("fm", { numIds: 50, fields: 3, embedDim: 4 });
 * assertEquals(clf.options.optimizer, "adam");
 * ```
 */
export function makeCTRClassifier(
  name: string,
  sizes: CTRModelOptions,
  { seed = 0, learningRate, spec = {}, ftrl = {} }: {
    /** Seed of the shuffling. */
    seed?: number;
    /** Learning rate of the main optimizer, instead of the model's default. */
    learningRate?: number;
    /** Model options over the defaults (crossBuckets, crosses, cinLayers, ...). */
    spec?: Partial<Omit<CTRModelSpec, "name">>;
    /** Wide & Deep: FTRL settings over the defaults. */
    ftrl?: FtrlOptions;
  } = {},
): CTRClassifier {
  if (!isCTRModelName(name)) {
    throw new ValueError(`Unknown model "${name}". Known: ${CTR_MODELS.join(", ")}.`);
  }
  const s = { ...sizes };
  const deep = { ...s, hidden: s.hidden ?? [64, 32] };
  const adam = (model: CTRModelSpec, lr = 0.002) =>
    new CTRClassifier({
      model: { ...model, ...spec },
      optimizer: "adam",
      learningRate: learningRate ?? lr,
      seed,
    });
  switch (name) {
    case "lr":
      return adam({ name, ...s }, 0.01);
    case "fm":
      return adam({ name, ...s }, 0.005);
    case "ffm":
      return adam({ name, ...s, embedDim: 2 }, 0.005);
    case "deepfm":
      return adam({ name, ...deep });
    case "deepffm":
      return adam({ name, ...deep, embedDim: 2 });
    case "wdl":
      return new CTRClassifier({
        model: { name, ...deep, crossBuckets: 1 << 17, ...spec },
        optimizer: "adagrad",
        learningRate: learningRate ?? 0.05,
        ftrl: { alpha: 0.05, beta: 1, l1: 1e-4, l2: 0, ...ftrl },
        seed,
      });
    case "xdeepfm":
      return adam({ name, ...deep, cinLayers: [16, 16] });
    case "dcn":
      return adam({ name, ...deep });
    case "dcnv2":
      return adam({ name, ...deep, crossLayers: 2 });
  }
}
