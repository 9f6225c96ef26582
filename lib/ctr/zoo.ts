/**
 * The benchmark's model names (lr, fm, ffm, deepfm, deepffm, wdl, xdeepfm, dcn, dcnv2) and the
 * settings each is trained with, shared by `deno task ctr` and the notebooks.
 *
 * @module
 */
import { ValueError } from "../core/mod.ts";
import {
  type CTRModelOptions,
  DCNModel,
  DeepFFMModel,
  DeepFMModel,
  FFMModel,
  FMModel,
  LRModel,
  WideAndDeepModel,
  XDeepFMModel,
} from "./models.ts";
import { CTRClassifier } from "./train.ts";

/** The benchmark's model names. */
export const CTR_MODELS = [
  "lr",
  "fm",
  "ffm",
  "deepfm",
  "deepffm",
  "wdl",
  "xdeepfm",
  "dcn",
  "dcnv2",
] as const;

/** One of `CTR_MODELS`. */
export type CTRModelName = typeof CTR_MODELS[number];

/**
 * A `CTRClassifier` for a benchmark name: Adam (lr 0.002) for every model except Wide & Deep,
 * whose wide part uses FTRL-Proximal and deep part AdaGrad, as in the paper.
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
  { seed = 0 }: { seed?: number } = {},
): CTRClassifier {
  const s = { ...sizes };
  const deep = { ...s, hidden: s.hidden ?? [64, 32] };
  switch (name) {
    case "lr":
      return new CTRClassifier({
        model: () => new LRModel(s),
        optimizer: "adam",
        learningRate: 0.01,
        seed,
      });
    case "fm":
      return new CTRClassifier({
        model: () => new FMModel(s),
        optimizer: "adam",
        learningRate: 0.005,
        seed,
      });
    case "ffm":
      return new CTRClassifier({
        model: () => new FFMModel({ ...s, embedDim: 2 }),
        optimizer: "adam",
        learningRate: 0.005,
        seed,
      });
    case "deepfm":
      return new CTRClassifier({ model: () => new DeepFMModel(deep), optimizer: "adam", seed });
    case "deepffm":
      return new CTRClassifier({
        model: () => new DeepFFMModel({ ...deep, embedDim: 2 }),
        optimizer: "adam",
        seed,
      });
    case "wdl":
      return new CTRClassifier({
        model: () => new WideAndDeepModel({ ...deep, crossBuckets: 1 << 17 }),
        optimizer: "adagrad",
        learningRate: 0.05,
        ftrl: { alpha: 0.05, beta: 1, l1: 1e-4, l2: 0 },
        seed,
      });
    case "xdeepfm":
      return new CTRClassifier({
        model: () => new XDeepFMModel({ ...deep, cinLayers: [16, 16] }),
        optimizer: "adam",
        seed,
      });
    case "dcn":
      return new CTRClassifier({
        model: () => new DCNModel({ ...deep, version: 1 }),
        optimizer: "adam",
        seed,
      });
    case "dcnv2":
      return new CTRClassifier({
        model: () => new DCNModel({ ...deep, version: 2, crossLayers: 2 }),
        optimizer: "adam",
        seed,
      });
    default:
      throw new ValueError(`Unknown model "${name}". Known: ${CTR_MODELS.join(", ")}.`);
  }
}
