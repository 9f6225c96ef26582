/**
 * Attention (d2l ch. 11; Vaswani et al. 2017): masked softmax, additive (Bahdanau) and scaled
 * dot-product attention, and multi-head attention with PyTorch's masks and the notes' projection
 * names (`q_proj`, `k_proj`, `v_proj`, `out_proj`).
 *
 * @module
 */
import { ShapeError, ValueError } from "../core/mod.ts";
import { tf } from "./backend.ts";
import { xavierUniform } from "./init.ts";
import { fusedAttention, fusedSelfAttention } from "./kernels/attention.ts";
import { checkInput, dropout, Linear } from "./layers.ts";
import { affine } from "./matmul.ts";
import { Module, ModuleParameter } from "./module.ts";

/**
 * A large negative score: masked entries get weight exp(−1e9) = 0. In `maskedSoftmax` (d2l's
 * semantics) a row with no valid key becomes uniform; `MultiHeadAttention` zeroes such rows.
 */
const MASKED = -1e9;

/**
 * Softmax over the last axis of X (batch, queries, keys) keeping only the first `validLens` keys
 * (d2l §11.3): validLens is (batch,) — one length per example — or (batch, queries); null keeps all.
 *
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { maskedSoftmax, tf } from "../mod.ts";
 *
 * const p = maskedSoftmax(tf.zeros([2, 1, 4]), [2, 3]).arraySync() as number[][][];
 * assertEquals(p[0][0].map((v) => +v.toFixed(4)), [0.5, 0.5, 0, 0]);
 * assertEquals(p[1][0].map((v) => +v.toFixed(4)), [0.3333, 0.3333, 0.3333, 0]);
 * ```
 */
export function maskedSoftmax(
  X: tf.Tensor,
  validLens?: tf.Tensor | number[] | number[][] | null,
): tf.Tensor {
  checkInput(X, "X", undefined, 3);
  if (validLens === null || validLens === undefined) return tf.softmax(X);
  return tf.tidy(() => {
    const lens = validLens instanceof tf.Tensor
      ? validLens.toFloat()
      : tf.tensor(validLens as number[]);
    const [b, q, k] = [X.shape[0], X.shape[X.rank - 2], X.shape[X.rank - 1]];
    if (lens.shape[0] !== b || lens.rank > 2 || (lens.rank === 2 && lens.shape[1] !== q)) {
      throw new ShapeError(`validLens has shape [${lens.shape}], expected [${b}] or [${b}, ${q}].`);
    }
    const l3 = lens.rank === 1 ? lens.reshape([b, 1, 1]) : lens.reshape([b, q, 1]);
    const keep = tf.range(0, k).reshape([1, 1, k]).less(l3); // (b, q|1, k)
    const lead = X.rank - 3;
    const keepX = lead === 0 ? keep : keep.reshape([b, ...Array(lead).fill(1), keep.shape[1], k]);
    return tf.softmax(tf.where(keepX, X, tf.fill(X.shape, MASKED)));
  });
}

/**
 * Scaled dot-product attention (d2l §11.3.3): softmax(Q Kᵀ / √d) V with `maskedSoftmax`; the last
 * weights are kept in `attentionWeights` for heatmaps.
 *
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { DotProductAttention, tf } from "../mod.ts";
 *
 * const att = new DotProductAttention({ dropout: 0.5 }).eval();
 * const values = tf.range(0, 40).reshape([2, 10, 2]).toFloat();
 * const out = att.forward(tf.ones([2, 1, 2]), tf.ones([2, 10, 2]), values, [2, 6]);
 * assertEquals(out.arraySync(), [[[1, 2]], [[25, 26]]]); // means of the first 2 and 6 values
 * ```
 */
export class DotProductAttention extends Module {
  /** Dropout on the attention weights. */
  readonly dropout: number;
  #weights: tf.Tensor | null = null;

  /**
   * Creates a new DotProductAttention; see the class description.
   * @param options `dropout` (default 0)
   */
  constructor({ dropout = 0 }: { dropout?: number } = {}) {
    super();
    this.dropout = dropout;
  }

  /** The weights of the last forward (batch, queries, keys), or null. */
  get attentionWeights(): tf.Tensor | null {
    return this.#weights;
  }

  /** queries (b, q, d), keys (b, k, d), values (b, k, v) → (b, q, v). */
  forward(
    queries: tf.Tensor,
    keys: tf.Tensor,
    values: tf.Tensor,
    validLens?: tf.Tensor | number[] | number[][] | null,
  ): tf.Tensor {
    checkInput(queries, "queries", undefined, 3);
    checkInput(keys, "keys", queries.shape[queries.rank - 1], 3);
    checkInput(values, "values", undefined, 3);
    return tf.tidy(() => {
      const d = queries.shape[queries.rank - 1];
      const scores = tf.matMul(queries, keys, false, true).div(Math.sqrt(d));
      const w = maskedSoftmax(scores, validLens);
      this.#keep(w);
      return tf.matMul(dropout(w, this.dropout, this.training), values);
    });
  }

  #keep(w: tf.Tensor): void {
    this.#weights?.dispose();
    this.#weights = tf.keep(w.clone());
  }

  /** The arguments shown after the type name by `toString()`, as PyTorch prints them. */
  override extraRepr(): string {
    return `dropout=${this.dropout}`;
  }
}

/**
 * Additive (Bahdanau) attention (d2l §11.3.2): score(q, k) = w_vᵀ tanh(W_q q + W_k k), then the
 * masked softmax over keys; used by the attention seq2seq decoder.
 */
export class AdditiveAttention extends Module {
  /** keySize → numHiddens, no bias. */
  readonly W_k: Linear;
  /** querySize → numHiddens, no bias. */
  readonly W_q: Linear;
  /** numHiddens → 1, no bias. */
  readonly w_v: Linear;
  /** Dropout on the weights. */
  readonly dropout: number;
  #weights: tf.Tensor | null = null;

  /**
   * Creates a new AdditiveAttention; see the class description.
   * @param options `keySize`, `querySize`, `numHiddens`, `dropout` (default 0)
   */
  constructor(
    { keySize, querySize, numHiddens, dropout = 0 }: {
      keySize: number;
      querySize: number;
      numHiddens: number;
      dropout?: number;
    },
  ) {
    super();
    this.W_k = new Linear(keySize, numHiddens, { bias: false });
    this.W_q = new Linear(querySize, numHiddens, { bias: false });
    this.w_v = new Linear(numHiddens, 1, { bias: false });
    this.dropout = dropout;
  }

  /** The weights of the last forward (batch, queries, keys), or null. */
  get attentionWeights(): tf.Tensor | null {
    return this.#weights;
  }

  /** queries (b, q, querySize), keys (b, k, keySize), values (b, k, v) → (b, q, v). */
  forward(
    queries: tf.Tensor,
    keys: tf.Tensor,
    values: tf.Tensor,
    validLens?: tf.Tensor | number[] | number[][] | null,
  ): tf.Tensor {
    return tf.tidy(() => {
      const q = this.W_q.forward(queries).expandDims(2); // (b, q, 1, h)
      const k = this.W_k.forward(keys).expandDims(1); // (b, 1, k, h)
      const scores = this.w_v.forward(tf.tanh(q.add(k))).squeeze([3]); // (b, q, k)
      const w = maskedSoftmax(scores, validLens);
      this.#weights?.dispose();
      this.#weights = tf.keep(w.clone());
      return tf.matMul(dropout(w, this.dropout, this.training), values);
    });
  }
}

/** Options of `MultiHeadAttention`. */
export interface MultiHeadAttentionOptions {
  /** Model width E (query size and output size). */
  embedDim: number;
  /** Number of heads h; E must be divisible by h. */
  numHeads: number;
  /** Dropout on the attention weights. @default 0 */
  dropout?: number;
  /** Biases on the four projections. @default true */
  bias?: boolean;
  /** Key size. @default embedDim */
  kdim?: number;
  /** Value size. @default embedDim */
  vdim?: number;
}

/** Masks and switches of `MultiHeadAttention.forward` (PyTorch's semantics). */
export interface AttentionMasks {
  /** (batch, S): true (or nonzero) marks a padded key to ignore. */
  keyPaddingMask?: tf.Tensor | null;
  /** (T, S) or (batch·heads, T, S): boolean true = not allowed; float = added to the scores. */
  attnMask?: tf.Tensor | null;
  /** Return the attention weights. @default true */
  needWeights?: boolean;
  /** Average the weights over heads (batch, T, S); else (batch, heads, T, S). @default true */
  averageAttnWeights?: boolean;
}

/**
 * Multi-head attention (Vaswani et al. §3.2.2; PyTorch's `nn.MultiheadAttention` with
 * `batch_first=True`): h heads of scaled dot-product attention on projections of width E/h,
 * concatenated and projected by `out_proj`. PyTorch's packed `in_proj_weight`/`in_proj_bias`
 * load into `q_proj`/`k_proj`/`v_proj`; initialisation follows PyTorch (Xavier-uniform
 * projections, zero biases).
 *
 * Fully masked rows: a query for which every key is masked (all padding, or blocked by
 * `attnMask`) gets all-zero weights, so its output is `out_proj`'s bias and no gradient reaches
 * the masked keys and values. PyTorch 1.13 returns NaN there (softmax of a row of −∞), which then
 * spreads through the loss; the d2l-style −1e9 fill alone would give uniform weights, mixing in
 * the values of padding. Rows with at least one open key are unchanged (masked keys weigh
 * exp(−1e9) = 0), so the PyTorch parity holds wherever PyTorch's output is finite.
 *
 * The core (scores, masked softmax, dropout on the weights, weighted values, and the backward of
 * all of it) runs as one op on the WebAssembly kernels, `fusedAttention` of kernels/attention.ts,
 * which reads the heads out of the projections in place; for self-attention (query, key and value
 * the same tensor) the three projections are one product, as PyTorch's packed `in_proj_weight`.
 * The dropout mask is drawn by `dropout` with the weights' shape, so seeded runs draw as before.
 *
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { MultiHeadAttention, tf } from "../mod.ts";
 *
 * const mha = new MultiHeadAttention({ embedDim: 100, numHeads: 5, dropout: 0.5 }).eval();
 * const X = tf.ones([2, 4, 100]), Y = tf.ones([2, 6, 100]);
 * const [out, weights] = mha.forward(X, Y, Y, { keyPaddingMask: tf.tensor2d([[0, 0, 0, 1, 1, 1], [0, 0, 0, 0, 0, 0]]) });
 * assertEquals(out.shape, [2, 4, 100]);
 * assertEquals(weights!.shape, [2, 4, 6]);
 * ```
 */
export class MultiHeadAttention extends Module {
  /** E → E query projection. */
  readonly q_proj: Linear;
  /** kdim → E key projection. */
  readonly k_proj: Linear;
  /** vdim → E value projection. */
  readonly v_proj: Linear;
  /** E → E output projection. */
  readonly out_proj: Linear;
  /** The options, with defaults filled in. */
  readonly options: Readonly<Required<MultiHeadAttentionOptions>>;

  /** Builds the four projections (see `MultiHeadAttentionOptions`). */
  constructor(options: MultiHeadAttentionOptions) {
    super();
    const { embedDim, numHeads, dropout = 0, bias = true } = options;
    const kdim = options.kdim ?? embedDim, vdim = options.vdim ?? embedDim;
    if (!(Number.isInteger(numHeads) && numHeads > 0) || embedDim % numHeads !== 0) {
      throw new ValueError(
        `embedDim must be divisible by numHeads: embedDim=${embedDim}, numHeads=${numHeads}.`,
      );
    }
    this.options = Object.freeze({ embedDim, numHeads, dropout, bias, kdim, vdim });
    this.q_proj = new Linear(embedDim, embedDim, { bias });
    this.k_proj = new Linear(kdim, embedDim, { bias });
    this.v_proj = new Linear(vdim, embedDim, { bias });
    this.out_proj = new Linear(embedDim, embedDim, { bias });
    // PyTorch: xavier_uniform_ on the packed (3E, E) in_proj_weight, zero in_proj_bias and out_proj.bias
    for (const p of [this.q_proj, this.k_proj, this.v_proj]) {
      if (!p.weight.allocated) continue;
      const fresh = new ModuleParameter(p.weight.shape, xavierUniform(embedDim, 3 * embedDim));
      p.weight.assign(fresh.value);
      fresh.dispose();
      if (p.bias) tf.tidy(() => p.bias!.assign(tf.zerosLike(p.bias!.value)));
    }
    if (this.out_proj.bias?.allocated) {
      tf.tidy(() => this.out_proj.bias!.assign(tf.zeros([embedDim])));
    }
  }

  /**
   * query (b, T, E), key (b, S, kdim), value (b, S, vdim) → [output (b, T, E), weights (b, T, S)
   * averaged over heads, or (b, h, T, S), or null when `needWeights` is false].
   */
  forward(
    query: tf.Tensor,
    key: tf.Tensor,
    value: tf.Tensor,
    { keyPaddingMask = null, attnMask = null, needWeights = true, averageAttnWeights = true }:
      AttentionMasks = {},
  ): [tf.Tensor, tf.Tensor | null] {
    const { embedDim: E, numHeads: h, kdim, vdim } = this.options;
    checkInput(query, "query", E, 3);
    checkInput(key, "key", kdim, 3);
    checkInput(value, "value", vdim, 3);
    const [b, T, S] = [query.shape[0] as number, query.shape[1] as number, key.shape[1] as number];
    if (key.shape[0] !== b || value.shape[0] !== b || value.shape[1] !== S) {
      throw new ShapeError(
        `query, key and value must share the batch size and key/value the length: got [${query.shape}], [${key.shape}], [${value.shape}].`,
      );
    }
    const bias = attentionBias(keyPaddingMask, attnMask, b, h, T, S);
    try {
      const res = tf.tidy((): tf.Tensor[] => {
        const { dropout: p } = this.options;
        // the multiplier `dropout` would apply to the weights: the same draws from the same seed
        const mult = this.training && p > 0 ? dropout(tf.ones([b, h, T, S]), p, true) : null;
        const opts = { batch: b, heads: h, bias, dropoutMask: mult, needWeights };
        // the heads are read out of the projections by the fused kernel: no split, no transpose
        const [ctx, wd] = query === key && key === value && kdim === E && vdim === E
          ? fusedSelfAttention(this.#packedProjection(query.reshape([b * T, E])), opts)
          : fusedAttention(
            this.q_proj.forward(query.reshape([b * T, E])),
            this.k_proj.forward(key.reshape([b * S, kdim])),
            this.v_proj.forward(value.reshape([b * S, vdim])),
            opts,
          );
        const out = this.out_proj.forward(ctx).reshape([b, T, E]);
        return wd ? [out, averageAttnWeights ? wd.mean(1) : wd] : [out];
      });
      return [res[0], res[1] ?? null];
    } finally {
      bias?.dispose();
    }
  }

  /**
   * Self-attention's three projections as one product x [W_q; W_k; W_v]ᵀ + [b_q; b_k; b_v]
   * (PyTorch's packed `in_proj_weight`): x (n, E) → (n, 3E), q, k, v side by side. The same
   * values as the three `forward`s; one pass over x and one product each way instead of three.
   */
  #packedProjection(x: tf.Tensor): tf.Tensor2D {
    const ps = [this.q_proj, this.k_proj, this.v_proj];
    const w = tf.concat(ps.map((l) => l.weight.value), 0) as tf.Tensor2D;
    const bias = this.options.bias ? tf.concat(ps.map((l) => l.bias!.value)) as tf.Tensor1D : null;
    return affine(x as tf.Tensor2D, w, bias);
  }

  /** Splits PyTorch's packed `in_proj_weight` (3E, E) / `in_proj_bias` (3E) and separate `q_proj_weight`s. */
  override adaptStateDict(dict: Map<string, tf.Tensor>, prefix: string): void {
    const E = this.options.embedDim;
    const w = dict.get(prefix + "in_proj_weight"), bi = dict.get(prefix + "in_proj_bias");
    const names = ["q_proj", "k_proj", "v_proj"];
    if (w && w.shape[0] === 3 * E) {
      tf.split(w, 3, 0).forEach((t, i) => dict.set(`${prefix}${names[i]}.weight`, t));
      dict.delete(prefix + "in_proj_weight");
    }
    if (bi && bi.shape[0] === 3 * E) {
      tf.split(bi, 3, 0).forEach((t, i) => dict.set(`${prefix}${names[i]}.bias`, t));
      dict.delete(prefix + "in_proj_bias");
    }
    for (const n of names) {
      const sep = dict.get(`${prefix}${n}_weight`);
      if (sep) {
        dict.set(`${prefix}${n}.weight`, sep);
        dict.delete(`${prefix}${n}_weight`);
      }
    }
  }

  /** The printed type name, "MultiHeadAttention". */
  protected override get baseName(): string {
    return "MultiHeadAttention";
  }
}

/**
 * The additive score bias (b, h|1, T, S) from a key padding mask (b, S) and an attention mask
 * (T, S) or (b·h, T, S): boolean/nonzero-padding entries become −1e9, float attention masks add.
 */
export function attentionBias(
  keyPaddingMask: tf.Tensor | null,
  attnMask: tf.Tensor | null,
  b: number,
  h: number,
  T: number,
  S: number,
): tf.Tensor | null {
  if (!keyPaddingMask && !attnMask) return null;
  return tf.tidy(() => {
    let bias: tf.Tensor = tf.zeros([1, 1, 1, 1]);
    if (keyPaddingMask) {
      if (
        keyPaddingMask.rank !== 2 || keyPaddingMask.shape[0] !== b || keyPaddingMask.shape[1] !== S
      ) {
        throw new ShapeError(
          `keyPaddingMask has shape [${keyPaddingMask.shape}], expected [${b}, ${S}] (batch, source length).`,
        );
      }
      bias = bias.add(
        keyPaddingMask.toFloat().notEqual(0).toFloat().mul(MASKED).reshape([b, 1, 1, S]),
      );
    }
    if (attnMask) {
      const ok2 = attnMask.rank === 2 && attnMask.shape[0] === T && attnMask.shape[1] === S;
      const ok3 = attnMask.rank === 3 && attnMask.shape[0] === b * h && attnMask.shape[1] === T &&
        attnMask.shape[2] === S;
      if (!ok2 && !ok3) {
        throw new ShapeError(
          `attnMask has shape [${attnMask.shape}], expected [${T}, ${S}] or [${
            b * h
          }, ${T}, ${S}] (batch·heads, target, source).`,
        );
      }
      const m = attnMask.dtype === "bool" ? attnMask.toFloat().mul(MASKED) : attnMask.toFloat();
      bias = bias.add(ok2 ? m.reshape([1, 1, T, S]) : m.reshape([b, h, T, S]));
    }
    return bias;
  });
}

/**
 * The causal mask (n, n) of PyTorch's `generate_square_subsequent_mask`, as booleans: true above
 * the diagonal, where position i must not attend to a later j.
 */
export function causalMask(n: number): tf.Tensor2D {
  return tf.tidy(() => {
    const r = tf.range(0, n);
    return r.reshape([1, n]).greater(r.reshape([n, 1])) as tf.Tensor2D;
  });
}
