/**
 * The CTR models as `Module`s: ids [B, F] → logits [B]. LR, FM (Rendle 2010), FFM (Juan et al.
 * 2016), DeepFM (Guo et al. 2017), DeepFFM (FFM's pairwise products into an MLP, Yang et al.
 * 2019's form), Wide & Deep (Cheng et al. 2016: raw plus crossed ids in the wide part), xDeepFM
 * (CIN), DCN and DCN-V2.
 *
 * @module
 */
import { ValueError } from "../core/mod.ts";
import { Linear, Module, ModuleBuffer, ModuleParameter, tf } from "../deep/mod.ts";
import {
  CIN,
  CrossLayer,
  CrossLayerV2,
  FeaturesLinear,
  FFMInteraction,
  FieldEmbedding,
  fmPairwise,
  MLP,
} from "./layers.ts";
import { applyLinear } from "./dense.ts";
import { lookup, tableParameter } from "./lookup.ts";

/** What every CTR model is: a module from ids [B, F] to logits [B]. */
export abstract class CTRModel extends Module {
  /** ids [B, F] → logits [B]. */
  abstract override forward(ids: tf.Tensor): tf.Tensor;
  /** Variables trained by FTRL-Proximal instead of the main optimizer (Wide & Deep's wide part). */
  wideVariables(): tf.Variable[] {
    return [];
  }
  /** Number of fields F the model reads. */
  fieldCount = 0;
}

/** Sizes shared by the models. */
export interface CTRModelOptions {
  /** Size of the id space (`FeatureSpace.totalSize`). */
  numIds: number;
  /** Number of fields F. */
  fields: number;
  /** Embedding size k. @default 8 */
  embedDim?: number;
  /** Hidden widths of the MLP. @default [256, 128] */
  hidden?: number[];
}

/** The pairs (i, j), first ≤ i < j < F: the field crosses a model takes by default. */
export function fieldPairs(F: number, first = 0): [number, number][] {
  const out: [number, number][] = [];
  for (let i = first; i < F; i++) for (let j = i + 1; j < F; j++) out.push([i, j]);
  return out;
}

function sizes(o: CTRModelOptions): { n: number; F: number; k: number; hidden: number[] } {
  for (const key of ["numIds", "fields"] as const) {
    if (!(Number.isInteger(o[key]) && o[key] >= 1)) {
      throw new ValueError(`${key} must be a positive integer. Got ${o[key]} instead.`);
    }
  }
  return { n: o.numIds, F: o.fields, k: o.embedDim ?? 8, hidden: o.hidden ?? [256, 128] };
}

/** Logistic regression on the ids: σ(Σ_f w(x_f) + b). */
export class LRModel extends CTRModel {
  /** The first-order term. */
  readonly linear: FeaturesLinear;
  /**
   * Builds the instance.
   * @param options sizes (only `numIds` matters)
   */
  constructor(options: CTRModelOptions) {
    super();
    this.fieldCount = options.fields;
    this.linear = new FeaturesLinear(sizes(options).n);
  }
  /** ids → logits. */
  forward(ids: tf.Tensor): tf.Tensor {
    return this.linear.forward(ids);
  }
}

/**
 * Factorization machine: w₀ + Σ w(x_f) + Σ_{i<j} ⟨v_i, v_j⟩, the pairwise sum by the O(kn)
 * identity.
 *
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { FMModel, tf } from "../mod.ts";
 *
 * const fm = new FMModel({ numIds: 10, fields: 3, embedDim: 4 });
 * assertEquals(fm.forward(tf.tensor2d([[0, 4, 9]], [1, 3], "int32")).shape, [1]);
 * ```
 */
export class FMModel extends CTRModel {
  /** First-order term. */
  readonly linear: FeaturesLinear;
  /** Latent vectors. */
  readonly embedding: FieldEmbedding;
  /**
   * Builds the instance.
   * @param options sizes
   */
  constructor(options: CTRModelOptions) {
    super();
    this.fieldCount = options.fields;
    const { n, k } = sizes(options);
    this.linear = new FeaturesLinear(n);
    this.embedding = new FieldEmbedding(n, k);
  }
  /** ids → logits. */
  forward(ids: tf.Tensor): tf.Tensor {
    return tf.tidy(() => this.linear.forward(ids).add(fmPairwise(this.embedding.forward(ids))));
  }
}

/** Field-aware FM: w₀ + Σ w(x_f) + Σ_{i<j} ⟨v_{x_i, f_j}, v_{x_j, f_i}⟩. */
export class FFMModel extends CTRModel {
  /** First-order term. */
  readonly linear: FeaturesLinear;
  /** Field-aware vectors. */
  readonly ffm: FFMInteraction;
  /**
   * Builds the instance.
   * @param options sizes (`embedDim` per field, default 4 here)
   */
  constructor(options: CTRModelOptions) {
    super();
    this.fieldCount = options.fields;
    const { n, F } = sizes(options);
    this.linear = new FeaturesLinear(n);
    this.ffm = new FFMInteraction(n, F, options.embedDim ?? 4);
  }
  /** ids → logits. */
  forward(ids: tf.Tensor): tf.Tensor {
    return tf.tidy(() => this.linear.forward(ids).add(this.ffm.forward(ids).sum(1)));
  }
}

/** DeepFM: FM plus an MLP over the same (shared) embeddings, summed before the sigmoid. */
export class DeepFMModel extends CTRModel {
  /** First-order term. */
  readonly linear: FeaturesLinear;
  /** Shared embeddings. */
  readonly embedding: FieldEmbedding;
  /** Deep part. */
  readonly mlp: MLP;
  /** Deep output. */
  readonly out: Linear;
  /**
   * Builds the instance.
   * @param options sizes
   */
  constructor(options: CTRModelOptions) {
    super();
    this.fieldCount = options.fields;
    const { n, F, k, hidden } = sizes(options);
    this.linear = new FeaturesLinear(n);
    this.embedding = new FieldEmbedding(n, k);
    this.mlp = new MLP(F * k, hidden);
    this.out = new Linear(hidden[hidden.length - 1], 1);
  }
  /** ids → logits. */
  forward(ids: tf.Tensor): tf.Tensor {
    return tf.tidy(() => {
      const e = this.embedding.forward(ids);
      const deep = applyLinear(this.out, this.mlp.forward(e.reshape([e.shape[0] as number, -1])));
      return this.linear.forward(ids).add(fmPairwise(e)).add(deep.reshape([-1]));
    });
  }
}

/** DeepFFM: FFM, plus an MLP over the F(F−1)/2 field-aware inner products (Yang et al. 2019). */
export class DeepFFMModel extends CTRModel {
  /** First-order term. */
  readonly linear: FeaturesLinear;
  /** Field-aware vectors. */
  readonly ffm: FFMInteraction;
  /** Deep part. */
  readonly mlp: MLP;
  /** Deep output. */
  readonly out: Linear;
  /**
   * Builds the instance.
   * @param options sizes (`embedDim` default 4 here)
   */
  constructor(options: CTRModelOptions) {
    super();
    this.fieldCount = options.fields;
    const { n, F, hidden } = sizes(options);
    this.linear = new FeaturesLinear(n);
    this.ffm = new FFMInteraction(n, F, options.embedDim ?? 4);
    this.mlp = new MLP(this.ffm.pairs, hidden);
    this.out = new Linear(hidden[hidden.length - 1], 1);
  }
  /** ids → logits. */
  forward(ids: tf.Tensor): tf.Tensor {
    return tf.tidy(() => {
      const p = this.ffm.forward(ids);
      const deep = applyLinear(this.out, this.mlp.forward(p)).reshape([-1]);
      return this.linear.forward(ids).add(p.sum(1)).add(deep);
    });
  }
}

/** Options of Wide & Deep. */
export interface WideAndDeepOptions extends CTRModelOptions {
  /** Field pairs crossed in the wide part. @default all pairs of the last min(F, 26) fields */
  crosses?: [number, number][];
  /** Hash buckets of the crossed ids. @default 2^18 */
  crossBuckets?: number;
}

/**
 * Wide & Deep: wide = linear over the raw ids and crossed ids (pairs of fields hashed into
 * `crossBuckets`), trained by FTRL-Proximal; deep = embeddings + MLP (AdaGrad); logits summed.
 */
export class WideAndDeepModel extends CTRModel {
  /** Wide weights over raw ids then crossed ids, [numIds + crossBuckets, 1]. */
  readonly wide: ModuleParameter;
  /** Wide bias. */
  readonly wideBias: ModuleParameter;
  /** Deep embeddings. */
  readonly embedding: FieldEmbedding;
  /** Deep MLP. */
  readonly mlp: MLP;
  /** Deep output. */
  readonly out: Linear;
  /** The crossed pairs. */
  readonly crosses: readonly [number, number][];
  /** Left fields of the crosses (not saved). */
  readonly left: ModuleBuffer;
  /** Right fields of the crosses (not saved). */
  readonly right: ModuleBuffer;
  readonly #n: number;
  readonly #buckets: number;
  /**
   * Builds the instance.
   * @param options sizes and crosses
   */
  constructor(options: WideAndDeepOptions) {
    super();
    this.fieldCount = options.fields;
    const { n, F, k, hidden } = sizes(options);
    const buckets = options.crossBuckets ?? 1 << 18;
    const crosses = options.crosses ?? fieldPairs(F, Math.max(0, F - 26));
    this.crosses = crosses;
    this.#n = n;
    this.#buckets = buckets;
    this.left = new ModuleBuffer(tf.tensor1d(crosses.map((c) => c[0]), "int32"), {
      persistent: false,
    });
    this.right = new ModuleBuffer(tf.tensor1d(crosses.map((c) => c[1]), "int32"), {
      persistent: false,
    });
    this.wide = tableParameter([n + buckets, 1], { kind: "constant", value: 0 });
    this.wideBias = new ModuleParameter([1], { kind: "constant", value: 0 });
    this.embedding = new FieldEmbedding(n, k);
    this.mlp = new MLP(F * k, hidden);
    this.out = new Linear(hidden[hidden.length - 1], 1);
  }
  /**
   * The crossed ids [B, C] in [numIds, numIds + crossBuckets): for the pair (f, g),
   * numIds + ((x_f mod 2^15) · 40503 + x_g) mod crossBuckets (computed on the JavaScript side:
   * a gather along the fields is slow on tfjs-wasm).
   */
  crossIds(ids: tf.Tensor): tf.Tensor {
    const x = ids.dataSync(), F = ids.shape[1] as number, B = ids.shape[0] as number;
    const C = this.crosses.length, out = new Int32Array(B * C);
    for (let r = 0; r < B; r++) {
      for (let c = 0; c < C; c++) {
        const [f, g] = this.crosses[c];
        out[r * C + c] = ((x[r * F + f] % 32768) * 40503 + x[r * F + g]) % this.#buckets + this.#n;
      }
    }
    return tf.tensor2d(out, [B, C], "int32");
  }
  /** The wide part's variables (FTRL). */
  override wideVariables(): tf.Variable[] {
    return [this.wide.value, this.wideBias.value];
  }
  /** ids → logits. */
  forward(ids: tf.Tensor): tf.Tensor {
    return tf.tidy(() => {
      const all = tf.concat([ids.toInt(), this.crossIds(ids)], 1);
      const wide = lookup(this.wide.value, all).sum([1, 2]).add(this.wideBias.value);
      const e = this.embedding.forward(ids);
      const deep = applyLinear(this.out, this.mlp.forward(e.reshape([e.shape[0] as number, -1])));
      return wide.add(deep.reshape([-1]));
    });
  }
}

/** xDeepFM: linear + CIN + MLP over shared embeddings. */
export class XDeepFMModel extends CTRModel {
  /** First-order term. */
  readonly linear: FeaturesLinear;
  /** Shared embeddings. */
  readonly embedding: FieldEmbedding;
  /** Compressed Interaction Network. */
  readonly cin: CIN;
  /** CIN output. */
  readonly cinOut: Linear;
  /** Deep part. */
  readonly mlp: MLP;
  /** Deep output. */
  readonly out: Linear;
  /**
   * Builds the instance.
   * @param options sizes and `cinLayers` (default [64, 64])
   */
  constructor(options: CTRModelOptions & { cinLayers?: number[] }) {
    super();
    this.fieldCount = options.fields;
    const { n, F, k, hidden } = sizes(options);
    const layers = options.cinLayers ?? [64, 64];
    this.linear = new FeaturesLinear(n);
    this.embedding = new FieldEmbedding(n, k);
    this.cin = new CIN(F, layers);
    this.cinOut = new Linear(layers.reduce((a, b) => a + b, 0), 1);
    this.mlp = new MLP(F * k, hidden);
    this.out = new Linear(hidden[hidden.length - 1], 1);
  }
  /** ids → logits. */
  forward(ids: tf.Tensor): tf.Tensor {
    return tf.tidy(() => {
      const e = this.embedding.forward(ids);
      const cin = applyLinear(this.cinOut, this.cin.forward(e)).reshape([-1]);
      const deep = applyLinear(this.out, this.mlp.forward(e.reshape([e.shape[0] as number, -1])));
      return this.linear.forward(ids).add(cin).add(deep.reshape([-1]));
    });
  }
}

/** Options of DCN and DCN-V2. */
export interface DCNOptions extends CTRModelOptions {
  /** Cross layers. @default 3 */
  crossLayers?: number;
  /** DCN-V2 only: rank of the low-rank mixture (null = full matrix). @default null */
  rank?: number | null;
  /** DCN-V2 only: experts of the low-rank mixture. @default 4 */
  experts?: number;
}

/** DCN (v1), or DCN-V2 with `version: 2`: cross network and MLP in parallel on x₀ = [e_1; ...; e_F]. */
export class DCNModel extends CTRModel {
  /** Shared embeddings. */
  readonly embedding: FieldEmbedding;
  /** Cross layers. */
  readonly cross: (CrossLayer | CrossLayerV2)[];
  /** Deep part. */
  readonly mlp: MLP;
  /** Output over [x_L; h]. */
  readonly out: Linear;
  /**
   * Builds the instance.
   * @param options sizes, cross layers and `version` 1 or 2
   */
  constructor(readonly options: DCNOptions & { version?: 1 | 2 }) {
    super();
    this.fieldCount = options.fields;
    const { n, F, k, hidden } = sizes(options);
    const d = F * k, L = options.crossLayers ?? 3;
    this.embedding = new FieldEmbedding(n, k);
    this.cross = Array.from(
      { length: L },
      () =>
        options.version === 2
          ? new CrossLayerV2(d, { rank: options.rank ?? null, experts: options.experts ?? 4 })
          : new CrossLayer(d),
    );
    this.mlp = new MLP(d, hidden);
    this.out = new Linear(d + hidden[hidden.length - 1], 1);
  }
  /** The cross layers are in an array: name them cross.0, cross.1, ... */
  override namedChildren(): [string, Module][] {
    return [
      ["embedding", this.embedding],
      ...this.cross.map((c, i) => [`cross.${i}`, c] as [string, Module]),
      ["mlp", this.mlp],
      ["out", this.out],
    ];
  }
  /** ids → logits. */
  forward(ids: tf.Tensor): tf.Tensor {
    return tf.tidy(() => {
      const e = this.embedding.forward(ids);
      const x0 = e.reshape([e.shape[0] as number, -1]);
      let x = x0;
      for (const c of this.cross) x = c.forward(x0, x);
      return applyLinear(this.out, tf.concat([x, this.mlp.forward(x0)], 1)).reshape([-1]);
    });
  }
}
