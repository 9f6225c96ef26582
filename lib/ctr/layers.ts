/**
 * The building blocks of the CTR models, each a `Module` on tfjs: a shared-id-space embedding,
 * the linear (first-order) term, the MLP, FM's and FFM's pairwise terms, the cross layers of DCN
 * and DCN-V2 (full matrix, low-rank mixture of experts) and xDeepFM's Compressed Interaction
 * Network. Inputs are id matrices [B, F] (int32) from `FeatureSpace`.
 *
 * @module
 */
import { ValueError } from "../core/mod.ts";
import {
  fanInUniform,
  Linear,
  matMul2d,
  Module,
  ModuleParameter,
  ReLU,
  Sequential,
  tf,
  transpose2d,
} from "../deep/mod.ts";
import { addBias, applyLinear, constantProduct, linearProduct } from "./dense.ts";
import { idTensor, idValues, lookup, tableParameter } from "./lookup.ts";

export { lookup } from "./lookup.ts";

/**
 * One embedding table for all fields (ids are global): [B, F] → [B, F, k], initialised
 * N(0, std²) with a small std as CTR models do.
 */
export class FieldEmbedding extends Module {
  /** [numIds, dim]. */
  readonly weight: ModuleParameter;
  /**
   * Builds the instance.
   * @param std the initial scale (default 0.01)
   */
  constructor(readonly numIds: number, readonly dim: number, { std = 0.01 } = {}) {
    super();
    this.weight = tableParameter([numIds, dim], { kind: "normal", mean: 0, std });
  }
  /** ids [B, F] → [B, F, dim]. */
  forward(ids: tf.Tensor): tf.Tensor {
    return lookup(this.weight.value, ids);
  }
}

/** The first-order term Σ_f w(x_f) + b: [B, F] → [B]. Weights start at 0. */
export class FeaturesLinear extends Module {
  /** [numIds, 1]. */
  readonly weight: ModuleParameter;
  /** [1]. */
  readonly bias: ModuleParameter;
  /**
   * Builds the instance.
   * @param numIds size of the id space
   */
  constructor(readonly numIds: number) {
    super();
    this.weight = tableParameter([numIds, 1], { kind: "constant", value: 0 });
    this.bias = new ModuleParameter([1], { kind: "constant", value: 0 });
  }
  /** ids [B, F] → [B]. */
  forward(ids: tf.Tensor): tf.Tensor {
    return tf.tidy(() => lookup(this.weight.value, ids).sum([1, 2]).add(this.bias.value));
  }
}

/** A ReLU multilayer perceptron [B, in] → [B, hidden.at(-1)] (no output layer). */
export class MLP extends Module {
  /** The layers. */
  readonly layers: Sequential;
  /**
   * Builds the instance.
   * @param hidden the widths of the hidden layers
   */
  constructor(readonly inFeatures: number, readonly hidden: readonly number[]) {
    super();
    if (hidden.length === 0) throw new ValueError("MLP needs at least one hidden layer.");
    const mods: Module[] = [];
    let d = inFeatures;
    for (const h of hidden) {
      mods.push(new Linear(d, h), new ReLU());
      d = h;
    }
    this.layers = new Sequential(...mods);
  }
  /** x [B, in] → [B, hidden.at(-1)]. */
  forward(x: tf.Tensor): tf.Tensor {
    return tf.tidy(() => {
      let h = x;
      for (const m of this.layers.namedChildren().map(([, c]) => c)) {
        h = m instanceof Linear ? applyLinear(m, h) : (m as ReLU).forward(h);
      }
      return h;
    });
  }
}

/**
 * FM's pairwise term by the O(kn) identity:
 * Σ_{i<j} ⟨v_i, v_j⟩ = ½ Σ_k [(Σ_i v_ik)² − Σ_i v_ik²]; e [B, F, k] → [B].
 *
 * @example
 * ```ts
 * import { assertAlmostEquals } from "@std/assert";
 * import { fmPairwise, tf } from "../mod.ts";
 *
 * const e = tf.tensor3d([[[1, 2], [3, 4], [5, 6]]]); // 1·3+2·4 + 1·5+2·6 + 3·5+4·6 = 67
 * assertAlmostEquals(fmPairwise(e).dataSync()[0], 67, 1e-4);
 * ```
 */
export function fmPairwise(e: tf.Tensor): tf.Tensor {
  const [B, F, k] = e.shape as [number, number, number];
  const [S, ST] = fieldSum(F, k);
  return tf.tidy(() => {
    // Σ_i v_i as a product with stacked identities: reductions over a middle axis transpose on wasm
    const flat = e.reshape([B, F * k]) as tf.Tensor2D;
    const total = constantProduct(flat, S, ST);
    return total.square().sum(1).sub(flat.square().sum(1)).mul(0.5);
  });
}

const FIELD_SUMS = new Map<string, [tf.Tensor2D, tf.Tensor2D]>();

/** [I_k; I_k; ...] (F blocks) [F·k, k] and its transpose, kept for the process. */
function fieldSum(F: number, k: number): [tf.Tensor2D, tf.Tensor2D] {
  const key = `${F},${k}`;
  let m = FIELD_SUMS.get(key);
  if (!m) {
    const s = new Float32Array(F * k * k), t = new Float32Array(F * k * k);
    for (let f = 0; f < F; f++) {
      for (let j = 0; j < k; j++) {
        s[(f * k + j) * k + j] = 1;
        t[j * F * k + f * k + j] = 1;
      }
    }
    m = [tf.keep(tf.tensor2d(s, [F * k, k])), tf.keep(tf.tensor2d(t, [k, F * k]))];
    FIELD_SUMS.set(key, m);
  }
  return m;
}

/** The upper-triangle mask (i < j) of an F × F matrix, as float32 [F, F]. */
export function upperMask(F: number): tf.Tensor2D {
  const m = new Float32Array(F * F);
  for (let i = 0; i < F; i++) for (let j = i + 1; j < F; j++) m[i * F + j] = 1;
  return tf.tensor2d(m, [F, F]);
}

/**
 * FFM's field-aware pairwise inner products ⟨v_{x_i, f_j}, v_{x_j, f_i}⟩ for the pairs i < j:
 * ids [B, F] → [B, F(F−1)/2], pairs in the order (0,1), (0,2), ..., (F−2,F−1). Each id has one
 * k-vector per field (a row of F·k); both sides of every pair are read as k-wide slices of the
 * table (`lookup` with `unit` k), so no [B, F, F, k] tensor is transposed.
 */
export class FFMInteraction extends Module {
  /** [numIds, F · k]. */
  readonly weight: ModuleParameter;
  /**
   * Builds the instance.
   * @param std the initial scale (default 0.01)
   */
  constructor(
    readonly numIds: number,
    readonly fields: number,
    readonly dim: number,
    { std = 0.01 } = {},
  ) {
    super();
    this.weight = tableParameter([numIds, fields * dim], { kind: "normal", mean: 0, std });
  }
  // id buffers reused across calls (the tensors copy them)
  #left = new Int32Array(0);
  #right = new Int32Array(0);
  /** Number of pairs F(F−1)/2. */
  get pairs(): number {
    return this.fields * (this.fields - 1) / 2;
  }
  /** ids [B, F] → [B, F(F−1)/2] with entry (i, j) = ⟨v_{x_i, j}, v_{x_j, i}⟩. */
  forward(ids: tf.Tensor): tf.Tensor {
    const F = this.fields, k = this.dim, P = this.pairs;
    const x = idValues(ids), B = ids.shape[0] as number;
    if (this.#left.length < B * P) {
      this.#left = new Int32Array(B * P);
      this.#right = new Int32Array(B * P);
    }
    const left = this.#left, right = this.#right;
    for (let b = 0; b < B; b++) {
      let p = b * P;
      for (let i = 0; i < F; i++) {
        for (let j = i + 1; j < F; j++, p++) {
          left[p] = x[b * F + i] * F + j;
          right[p] = x[b * F + j] * F + i;
        }
      }
    }
    return tf.tidy(() => {
      const l = lookup(this.weight.value, idTensor(left.subarray(0, B * P), [B, P]), k);
      const r = lookup(this.weight.value, idTensor(right.subarray(0, B * P), [B, P]), k);
      return l.mul(r).sum(2);
    });
  }
}

/**
 * DCN's cross layer (Wang et al. 2017): x_{l+1} = x₀ (x_lᵀ w) + b + x_l, O(d) parameters.
 */
export class CrossLayer extends Module {
  /** [d, 1]. */
  readonly weight: ModuleParameter;
  /** [d]. */
  readonly bias: ModuleParameter;
  /**
   * Builds the instance.
   * @param dim the input width d
   */
  constructor(readonly dim: number) {
    super();
    this.weight = new ModuleParameter([dim, 1], fanInUniform(dim));
    this.bias = new ModuleParameter([dim], { kind: "constant", value: 0 });
  }
  /** (x₀, x_l) [B, d] → [B, d]. */
  forward(x0: tf.Tensor, xl: tf.Tensor): tf.Tensor {
    return tf.tidy(() =>
      addBias(
        x0.mul(linearProduct(xl as tf.Tensor2D, transpose2d(this.weight.value as tf.Tensor2D))),
        this.bias.value as tf.Tensor1D,
      ).add(xl)
    );
  }
}

/**
 * DCN-V2's cross layer (Wang et al. 2021): x_{l+1} = x₀ ⊙ (W x_l + b) + x_l with a full d × d
 * matrix, or with `rank` r and `experts` E the low-rank mixture
 * x_{l+1} = Σ_e softmax(G x_l)_e · x₀ ⊙ (U_e tanh(C_e tanh(V_eᵀ x_l)) + b) + x_l.
 */
export class CrossLayerV2 extends Module {
  /** Full matrix W, or null in the low-rank form. */
  readonly full: Linear | null;
  /** V_e [E, d, r]. */
  readonly v: ModuleParameter | null;
  /** C_e [E, r, r]. */
  readonly c: ModuleParameter | null;
  /** U_e [E, r, d]. */
  readonly u: ModuleParameter | null;
  /** Gate G [d → E]. */
  readonly gate: Linear | null;
  /** b [d]. */
  readonly bias: ModuleParameter;
  /**
   * Builds the instance.
   * @param options `rank` (null = full matrix) and `experts` (default 4)
   */
  constructor(
    readonly dim: number,
    { rank = null, experts = 4 }: { rank?: number | null; experts?: number } = {},
  ) {
    super();
    this.bias = new ModuleParameter([dim], { kind: "constant", value: 0 });
    if (rank === null) {
      this.full = new Linear(dim, dim, { bias: false });
      this.v =
        this.c =
        this.u =
        this.gate =
          null;
    } else {
      this.full = null;
      this.v = new ModuleParameter([experts, dim, rank], fanInUniform(dim));
      this.c = new ModuleParameter([experts, rank, rank], fanInUniform(rank));
      this.u = new ModuleParameter([experts, rank, dim], fanInUniform(rank));
      this.gate = new Linear(dim, experts);
    }
  }
  /** (x₀, x_l) [B, d] → [B, d]. */
  forward(x0: tf.Tensor, xl: tf.Tensor): tf.Tensor {
    return tf.tidy(() => {
      if (this.full) {
        return x0.mul(addBias(applyLinear(this.full, xl), this.bias.value as tf.Tensor1D)).add(xl);
      }
      const E = this.v!.shape[0];
      const outs: tf.Tensor[] = [];
      for (let e = 0; e < E; e++) {
        const pick = (p: ModuleParameter) =>
          p.value.slice([e, 0, 0], [1, -1, -1]).squeeze([0]) as tf.Tensor2D;
        const h = matMul2d(matMul2d(xl as tf.Tensor2D, pick(this.v!)).tanh(), pick(this.c!))
          .tanh();
        outs.push(x0.mul(addBias(matMul2d(h, pick(this.u!)), this.bias.value as tf.Tensor1D)));
      }
      const g = tf.softmax(this.gate!.forward(xl)); // [B, E]
      const stacked = tf.stack(outs, 1); // [B, E, d]
      return stacked.mul(g.expandDims(2)).sum(1).add(xl);
    });
  }
}

/**
 * xDeepFM's Compressed Interaction Network (Lian et al. 2018):
 * X^k_{h,*} = Σ_{i,j} W^{k,h}_{ij} (X^{k−1}_{i,*} ∘ X^0_{j,*}), each layer sum-pooled over the
 * embedding dimension; e [B, m, D] → [B, Σ H_k].
 */
export class CIN extends Module {
  /** W^k as [H_k, H_{k−1} · m], one per layer. */
  readonly weights: ModuleParameter[];
  /**
   * Builds the instance.
   * @param layerSizes H_1, H_2, ...
   */
  constructor(readonly fields: number, readonly layerSizes: readonly number[]) {
    super();
    let prev = fields;
    this.weights = layerSizes.map((h) => {
      const w = new ModuleParameter([h, prev * fields], fanInUniform(prev * fields));
      prev = h;
      return w;
    });
  }
  /** The parameters are in an array: name them w0, w1, ... */
  override namedDirectParameters(): [string, ModuleParameter][] {
    return this.weights.map((w, i) => [`w${i}`, w]);
  }
  /** e [B, m, D] → pooled [B, Σ H_k]. */
  forward(e: tf.Tensor): tf.Tensor {
    const [B, m, D] = e.shape as [number, number, number];
    return tf.tidy(() => {
      // layout [B, D, H] ("embedding dimension outside"): the pair products of a layer are then
      // rows [B·D, H·m] in W's order (h·m + j), one plain product, and no per-layer transposes
      const x0 = e.transpose([0, 2, 1]); // [B, D, m]
      let x = x0;
      const pooled: tf.Tensor[] = [];
      for (const w of this.weights) {
        const H = x.shape[2] as number, next = w.shape[0];
        const z = x.expandDims(3).mul(x0.expandDims(2)).reshape([B * D, H * m]) as tf.Tensor2D;
        x = linearProduct(z, w.value as tf.Tensor2D).reshape([B, D, next]);
        const [S, ST] = fieldSum(D, next); // Σ over D as a product
        pooled.push(constantProduct(x.reshape([B, D * next]) as tf.Tensor2D, S, ST));
      }
      return tf.concat(pooled, 1);
    });
  }
}
