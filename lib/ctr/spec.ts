/**
 * CTR models described by data: a `CTRModelSpec` (a benchmark name plus sizes and the model's
 * own options) builds the model, so a `CTRClassifier` given a spec can be saved and restored.
 *
 * @module
 */
import { ValueError } from "../core/mod.ts";
import {
  type CTRModel,
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

/** A model by name, sizes and options (plain JSON). */
export interface CTRModelSpec extends CTRModelOptions {
  /** Which model: lr, fm, ffm, deepfm, deepffm, wdl, xdeepfm, dcn (DCN) or dcnv2 (DCN-V2). */
  name: CTRModelName;
  /** wdl: crossed field pairs. */
  crosses?: [number, number][];
  /** wdl: hash buckets of the crossed ids. */
  crossBuckets?: number;
  /** xdeepfm: CIN layer sizes. */
  cinLayers?: number[];
  /** dcn, dcnv2: cross layers. */
  crossLayers?: number;
  /** dcnv2: rank of the low-rank mixture (null = full matrix). */
  rank?: number | null;
  /** dcnv2: experts of the low-rank mixture. */
  experts?: number;
}

/** Whether `name` is one of `CTR_MODELS`. */
export function isCTRModelName(name: unknown): name is CTRModelName {
  return typeof name === "string" && (CTR_MODELS as readonly string[]).includes(name);
}

/**
 * The model a spec describes (fresh weights).
 *
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { buildCTRModel } from "../mod.ts";
 *
 * const m = buildCTRModel({ name: "fm", numIds: 10, fields: 2, embedDim: 3 });
 * assertEquals(m.numParameters(), 10 + 1 + 10 * 3);
 * ```
 */
export function buildCTRModel(spec: CTRModelSpec): CTRModel {
  if (spec === null || typeof spec !== "object") {
    throw new ValueError(
      `A model spec must be an object { name, numIds, fields, ... }. Got ${spec}.`,
    );
  }
  const { name, ...o } = spec;
  switch (name) {
    case "lr":
      return new LRModel(o);
    case "fm":
      return new FMModel(o);
    case "ffm":
      return new FFMModel(o);
    case "deepfm":
      return new DeepFMModel(o);
    case "deepffm":
      return new DeepFFMModel(o);
    case "wdl":
      return new WideAndDeepModel(o);
    case "xdeepfm":
      return new XDeepFMModel(o);
    case "dcn":
      return new DCNModel({ ...o, version: 1 });
    case "dcnv2":
      return new DCNModel({ ...o, version: 2 });
    default:
      throw new ValueError(
        `Unknown model name "${name}" in the spec. Known: ${CTR_MODELS.join(", ")}.`,
      );
  }
}
