/**
 * The Transformer (Vaswani et al. 2017; d2l §11.6-11.7) with PyTorch's semantics and child names:
 * positional encodings, the position-wise FFN, add & norm, encoder and decoder layers (post-norm
 * or pre-norm), stacks, and the encoder-decoder `Transformer`.
 *
 * @module
 */
import { ValueError } from "../core/mod.ts";
import { tf } from "./backend.ts";
import { MultiHeadAttention } from "./attention.ts";
import { checkInput, Dropout, Embedding, gelu, LayerNorm, Linear, ModuleList } from "./layers.ts";
import { Module } from "./module.ts";

/**
 * Sinusoidal positional encoding (d2l §11.6.3): P[i, 2j] = sin(i / 10000^{2j/d}),
 * P[i, 2j+1] = cos(i / 10000^{2j/d}); forward(X) = dropout(X + P[:T]). The table has shape
 * [maxLen, numHiddens], the notes' [max_sequence_length, embedding_dimension].
 *
 * @example
 * ```ts
 * import { assertAlmostEquals, assertEquals } from "@std/assert";
 * import { PositionalEncoding, tf } from "../mod.ts";
 *
 * const pe = new PositionalEncoding({ numHiddens: 32, dropout: 0, maxLen: 60 });
 * assertEquals(pe.P.shape, [60, 32]);
 * const P = pe.P.arraySync() as number[][];
 * assertAlmostEquals(P[1][0], Math.sin(1), 1e-6);
 * assertAlmostEquals(P[1][1], Math.cos(1), 1e-6);
 * assertEquals(pe.forward(tf.zeros([2, 60, 32])).shape, [2, 60, 32]);
 * ```
 */
export class PositionalEncoding extends Module {
  /** Dropout after adding the encoding. */
  readonly dropout: Dropout;
  /** The table [maxLen, numHiddens] (not a parameter). */
  readonly P: tf.Tensor2D;
  /** The width d. */
  readonly numHiddens: number;

  /**
   * Creates a new PositionalEncoding; see the class description.
   * @param options `numHiddens`, `dropout` (default 0), `maxLen` (default 1000)
   */
  constructor(
    { numHiddens, dropout = 0, maxLen = 1000 }: {
      numHiddens: number;
      dropout?: number;
      maxLen?: number;
    },
  ) {
    super();
    this.numHiddens = numHiddens;
    this.dropout = new Dropout(dropout);
    const P = new Float32Array(maxLen * numHiddens);
    for (let i = 0; i < maxLen; i++) {
      for (let j = 0; j < numHiddens; j += 2) {
        const angle = i / Math.pow(10000, j / numHiddens);
        P[i * numHiddens + j] = Math.sin(angle);
        if (j + 1 < numHiddens) P[i * numHiddens + j + 1] = Math.cos(angle);
      }
    }
    this.P = tf.keep(tf.tensor2d(P, [maxLen, numHiddens]));
  }

  /** X (batch, T, numHiddens) → dropout(X + P[:T]). */
  forward(X: tf.Tensor): tf.Tensor {
    checkInput(X, "X", this.numHiddens, 3);
    const T = X.shape[1] as number;
    if (T > this.P.shape[0]) {
      throw new ValueError(
        `X has ${T} positions, more than maxLen=${this.P.shape[0]} of the encoding table.`,
      );
    }
    return tf.tidy(() => this.dropout.forward(X.add(this.P.slice([0, 0], [T, this.numHiddens]))));
  }

  /** Frees the module's tensors and the sinusoid table P. */
  override dispose(): void {
    super.dispose();
    this.P.dispose();
  }
}

/** Learned positional embeddings (BERT, GPT): X + E[0..T), E an `Embedding(maxLen, numHiddens)`. */
export class LearnedPositionalEncoding extends Module {
  /** The position table. */
  readonly position_embeddings: Embedding;
  /** Dropout after adding. */
  readonly dropout: Dropout;

  /**
   * Creates a new LearnedPositionalEncoding; see the class description.
   * @param options `numHiddens`, `dropout` (default 0), `maxLen` (default 512)
   */
  constructor(
    { numHiddens, dropout = 0, maxLen = 512 }: {
      numHiddens: number;
      dropout?: number;
      maxLen?: number;
    },
  ) {
    super();
    this.position_embeddings = new Embedding(maxLen, numHiddens);
    this.dropout = new Dropout(dropout);
  }

  /** X (batch, T, numHiddens) → dropout(X + E[0..T)). */
  forward(X: tf.Tensor): tf.Tensor {
    const T = X.shape[1] as number;
    return tf.tidy(() => {
      const pos = this.position_embeddings.forward(tf.range(0, T, 1, "int32"));
      return this.dropout.forward(X.add(pos));
    });
  }
}

/** Position-wise feed-forward network (d2l §11.7.2): dense2(relu(dense1(X))), applied at every position. */
export class PositionWiseFFN extends Module {
  /** d → hidden. */
  readonly dense1: Linear;
  /** hidden → out. */
  readonly dense2: Linear;

  /**
   * Creates a new PositionWiseFFN; see the class description.
   * @param options `inputs` (default = numOutputs), `numHiddens`, `numOutputs`
   */
  constructor(
    { numHiddens, numOutputs, inputs }: { numHiddens: number; numOutputs: number; inputs?: number },
  ) {
    super();
    this.dense1 = new Linear(inputs ?? numOutputs, numHiddens);
    this.dense2 = new Linear(numHiddens, numOutputs);
  }

  /** X (..., d) → (..., numOutputs). */
  forward(X: tf.Tensor): tf.Tensor {
    return tf.tidy(() => this.dense2.forward(tf.relu(this.dense1.forward(X))));
  }
}

/** Residual connection then layer norm (d2l §11.7.2): ln(dropout(Y) + X). */
export class AddNorm extends Module {
  /** Dropout on the sublayer output. */
  readonly dropout: Dropout;
  /** The normalisation. */
  readonly ln: LayerNorm;

  /**
   * Creates a new AddNorm; see the class description.
   * @param normShape the normalised width; `dropout` probability
   */
  constructor(normShape: number, dropout = 0) {
    super();
    this.dropout = new Dropout(dropout);
    this.ln = new LayerNorm(normShape);
  }

  /** X, Y of the same shape → ln(dropout(Y) + X). */
  forward(X: tf.Tensor, Y: tf.Tensor): tf.Tensor {
    return tf.tidy(() => this.ln.forward(this.dropout.forward(Y).add(X)));
  }
}

/** Options of the encoder and decoder layers (PyTorch's arguments in camelCase). */
export interface TransformerLayerOptions {
  /** Model width. */
  dModel: number;
  /** Number of attention heads. */
  nhead: number;
  /** FFN width. @default 2048 */
  dimFeedforward?: number;
  /** Dropout everywhere. @default 0.1 */
  dropout?: number;
  /** FFN activation. @default "relu" */
  activation?: "relu" | "gelu";
  /** Pre-norm (LayerNorm before each sublayer) instead of post-norm. @default false */
  normFirst?: boolean;
  /** LayerNorm ε. @default 1e-5 */
  layerNormEps?: number;
  /** Biases in linear layers and attention. @default true */
  bias?: boolean;
}

function filled(o: TransformerLayerOptions): Required<TransformerLayerOptions> {
  return {
    dimFeedforward: 2048,
    dropout: 0.1,
    activation: "relu",
    normFirst: false,
    layerNormEps: 1e-5,
    bias: true,
    ...o,
  };
}

/**
 * One residual block of a Transformer layer: post-norm norm(x + f(x)) or, with `normFirst`,
 * pre-norm x + f(norm(x)). Both layer types are chains of these.
 */
function residual(
  x: tf.Tensor,
  norm: LayerNorm,
  sublayer: (x: tf.Tensor) => tf.Tensor,
  normFirst: boolean,
): tf.Tensor {
  return normFirst ? x.add(sublayer(norm.forward(x))) : norm.forward(x.add(sublayer(x)));
}

/** The position-wise FFN block of both layer types: dropout(linear2(dropout(act(linear1(x))))). */
function feedForward(
  layer: {
    linear1: Linear;
    dropout: Dropout;
    linear2: Linear;
    options: { activation: "relu" | "gelu" };
  },
  outDropout: Dropout,
  x: tf.Tensor,
): tf.Tensor {
  const h = layer.options.activation === "relu"
    ? layer.linear1.forwardRelu(x)
    : gelu(layer.linear1.forward(x));
  return outDropout.forward(layer.linear2.forward(layer.dropout.forward(h)));
}

/** Self-attention without weights, then the block's output dropout. */
function selfAttention(
  attn: MultiHeadAttention,
  outDropout: Dropout,
  x: tf.Tensor,
  attnMask: tf.Tensor | null | undefined,
  keyPaddingMask: tf.Tensor | null | undefined,
): tf.Tensor {
  return outDropout.forward(
    attn.forward(x, x, x, { attnMask, keyPaddingMask, needWeights: false })[0],
  );
}

/** Masks of an encoder layer (PyTorch's `src_mask`, `src_key_padding_mask`). */
export interface EncoderMasks {
  /** (T, T) attention mask, true = blocked. */
  srcMask?: tf.Tensor | null;
  /** (batch, T), true = padding. */
  srcKeyPaddingMask?: tf.Tensor | null;
}

/**
 * One encoder layer (PyTorch's `nn.TransformerEncoderLayer`, batch first): self-attention and a
 * feed-forward block, each with a residual connection; post-norm
 * x = norm1(x + sa(x)); x = norm2(x + ff(x)), or with `normFirst`
 * x = x + sa(norm1(x)); x = x + ff(norm2(x)). Children and state-dict keys are PyTorch's.
 *
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { TransformerEncoderLayer, tf } from "../mod.ts";
 *
 * const layer = new TransformerEncoderLayer({ dModel: 24, nhead: 8, dimFeedforward: 48, dropout: 0.5 }).eval();
 * assertEquals(layer.forward(tf.ones([2, 100, 24])).shape, [2, 100, 24]);
 * assertEquals(layer.namedChildren().map(([k]) => k).join(" "),
 *   "self_attn linear1 dropout linear2 norm1 norm2 dropout1 dropout2");
 * ```
 */
export class TransformerEncoderLayer extends Module {
  /** Self-attention. */
  readonly self_attn: MultiHeadAttention;
  /** dModel → dimFeedforward. */
  readonly linear1: Linear;
  /** Dropout inside the FFN. */
  readonly dropout: Dropout;
  /** dimFeedforward → dModel. */
  readonly linear2: Linear;
  /** Norm of the attention block. */
  readonly norm1: LayerNorm;
  /** Norm of the FFN block. */
  readonly norm2: LayerNorm;
  /** Dropout on the attention output. */
  readonly dropout1: Dropout;
  /** Dropout on the FFN output. */
  readonly dropout2: Dropout;
  /** The options with defaults. */
  readonly options: Readonly<Required<TransformerLayerOptions>>;

  /** Builds the sublayers (see `TransformerLayerOptions`). */
  constructor(options: TransformerLayerOptions) {
    super();
    const o = this.options = Object.freeze(filled(options));
    this.self_attn = new MultiHeadAttention({
      embedDim: o.dModel,
      numHeads: o.nhead,
      dropout: o.dropout,
      bias: o.bias,
    });
    this.linear1 = new Linear(o.dModel, o.dimFeedforward, { bias: o.bias });
    this.dropout = new Dropout(o.dropout);
    this.linear2 = new Linear(o.dimFeedforward, o.dModel, { bias: o.bias });
    this.norm1 = new LayerNorm(o.dModel, { eps: o.layerNormEps });
    this.norm2 = new LayerNorm(o.dModel, { eps: o.layerNormEps });
    this.dropout1 = new Dropout(o.dropout);
    this.dropout2 = new Dropout(o.dropout);
  }

  /** src (batch, T, dModel) → (batch, T, dModel). */
  forward(
    src: tf.Tensor,
    { srcMask = null, srcKeyPaddingMask = null }: EncoderMasks = {},
  ): tf.Tensor {
    checkInput(src, "src", this.options.dModel, 3);
    const nf = this.options.normFirst;
    return tf.tidy(() => {
      const sa = (x: tf.Tensor) =>
        selfAttention(this.self_attn, this.dropout1, x, srcMask, srcKeyPaddingMask);
      const x = residual(src, this.norm1, sa, nf);
      return residual(x, this.norm2, (y) => feedForward(this, this.dropout2, y), nf);
    });
  }

  /** The printed type name, "TransformerEncoderLayer". */
  protected override get baseName(): string {
    return "TransformerEncoderLayer";
  }
}

/** Masks of a decoder layer (PyTorch's names). */
export interface DecoderMasks {
  /** (T, T) causal mask for self-attention, true = blocked. */
  tgtMask?: tf.Tensor | null;
  /** (T, S) mask for cross-attention. */
  memoryMask?: tf.Tensor | null;
  /** (batch, T) target padding. */
  tgtKeyPaddingMask?: tf.Tensor | null;
  /** (batch, S) source padding. */
  memoryKeyPaddingMask?: tf.Tensor | null;
}

/**
 * One decoder layer (PyTorch's `nn.TransformerDecoderLayer`, batch first): masked self-attention,
 * cross-attention on the encoder's memory (`multihead_attn`), and the FFN, each with residual and
 * norm (post- or pre-norm). The cross-attention weights of the last forward are kept for heatmaps.
 */
export class TransformerDecoderLayer extends Module {
  /** Masked self-attention. */
  readonly self_attn: MultiHeadAttention;
  /** Cross-attention (queries from the decoder, keys/values from memory). */
  readonly multihead_attn: MultiHeadAttention;
  /** dModel → dimFeedforward. */
  readonly linear1: Linear;
  /** Dropout inside the FFN. */
  readonly dropout: Dropout;
  /** dimFeedforward → dModel. */
  readonly linear2: Linear;
  /** Norm of self-attention. */
  readonly norm1: LayerNorm;
  /** Norm of cross-attention. */
  readonly norm2: LayerNorm;
  /** Norm of the FFN. */
  readonly norm3: LayerNorm;
  /** Dropout on self-attention's output. */
  readonly dropout1: Dropout;
  /** Dropout on cross-attention's output. */
  readonly dropout2: Dropout;
  /** Dropout on the FFN's output. */
  readonly dropout3: Dropout;
  /** The options with defaults. */
  readonly options: Readonly<Required<TransformerLayerOptions>>;
  #crossWeights: tf.Tensor | null = null;

  /** Builds the sublayers (see `TransformerLayerOptions`). */
  constructor(options: TransformerLayerOptions) {
    super();
    const o = this.options = Object.freeze(filled(options));
    const att = () =>
      new MultiHeadAttention({
        embedDim: o.dModel,
        numHeads: o.nhead,
        dropout: o.dropout,
        bias: o.bias,
      });
    this.self_attn = att();
    this.multihead_attn = att();
    this.linear1 = new Linear(o.dModel, o.dimFeedforward, { bias: o.bias });
    this.dropout = new Dropout(o.dropout);
    this.linear2 = new Linear(o.dimFeedforward, o.dModel, { bias: o.bias });
    this.norm1 = new LayerNorm(o.dModel, { eps: o.layerNormEps });
    this.norm2 = new LayerNorm(o.dModel, { eps: o.layerNormEps });
    this.norm3 = new LayerNorm(o.dModel, { eps: o.layerNormEps });
    this.dropout1 = new Dropout(o.dropout);
    this.dropout2 = new Dropout(o.dropout);
    this.dropout3 = new Dropout(o.dropout);
  }

  /** The cross-attention weights (batch, T, S) of the last forward, averaged over heads. */
  get crossAttentionWeights(): tf.Tensor | null {
    return this.#crossWeights;
  }

  /** tgt (batch, T, dModel), memory (batch, S, dModel) → (batch, T, dModel). */
  forward(tgt: tf.Tensor, memory: tf.Tensor, masks: DecoderMasks = {}): tf.Tensor {
    const d = this.options.dModel;
    checkInput(tgt, "tgt", d, 3);
    checkInput(memory, "memory", d, 3);
    const nf = this.options.normFirst;
    return tf.tidy(() => {
      const sa = (x: tf.Tensor) =>
        selfAttention(this.self_attn, this.dropout1, x, masks.tgtMask, masks.tgtKeyPaddingMask);
      const mha = (x: tf.Tensor) => {
        const [out, w] = this.multihead_attn.forward(x, memory, memory, {
          attnMask: masks.memoryMask,
          keyPaddingMask: masks.memoryKeyPaddingMask,
        });
        this.#crossWeights?.dispose();
        this.#crossWeights = tf.keep(w!);
        return this.dropout2.forward(out);
      };
      let x = residual(tgt, this.norm1, sa, nf);
      x = residual(x, this.norm2, mha, nf);
      return residual(x, this.norm3, (y) => feedForward(this, this.dropout3, y), nf);
    });
  }

  /** The printed type name, "TransformerDecoderLayer". */
  protected override get baseName(): string {
    return "TransformerDecoderLayer";
  }
}

/** A stack of `numLayers` encoder layers (`layers`, a ModuleList) and an optional final `norm`. */
export class TransformerEncoder extends Module {
  /** The layers "0", "1", .... */
  readonly layers: ModuleList<TransformerEncoderLayer>;
  /** Final LayerNorm (pre-norm stacks need it), or null. */
  readonly norm: LayerNorm | null;

  /**
   * Creates a new TransformerEncoder; see the class description.
   * @param layer the options of every layer (each gets fresh weights)
   * @param numLayers how many
   * @param options `norm`: add a final LayerNorm (default false)
   */
  constructor(
    layer: TransformerLayerOptions,
    numLayers: number,
    { norm = false }: { norm?: boolean } = {},
  ) {
    super();
    this.layers = new ModuleList(
      Array.from({ length: numLayers }, () => new TransformerEncoderLayer(layer)),
    );
    this.norm = norm ? new LayerNorm(layer.dModel, { eps: layer.layerNormEps ?? 1e-5 }) : null;
  }

  /** src (batch, T, dModel) → (batch, T, dModel). */
  forward(src: tf.Tensor, masks: EncoderMasks = {}): tf.Tensor {
    return tf.tidy(() => {
      let x = src;
      for (const l of this.layers) x = l.forward(x, masks);
      return this.norm ? this.norm.forward(x) : x;
    });
  }
}

/** A stack of decoder layers (`layers`) and an optional final `norm`. */
export class TransformerDecoder extends Module {
  /** The layers. */
  readonly layers: ModuleList<TransformerDecoderLayer>;
  /** Final LayerNorm, or null. */
  readonly norm: LayerNorm | null;

  /**
   * Creates a new TransformerDecoder; see the class description.
   * @param layer options of every layer; `numLayers`; `norm` adds a final LayerNorm
   */
  constructor(
    layer: TransformerLayerOptions,
    numLayers: number,
    { norm = false }: { norm?: boolean } = {},
  ) {
    super();
    this.layers = new ModuleList(
      Array.from({ length: numLayers }, () => new TransformerDecoderLayer(layer)),
    );
    this.norm = norm ? new LayerNorm(layer.dModel, { eps: layer.layerNormEps ?? 1e-5 }) : null;
  }

  /** tgt (batch, T, dModel), memory (batch, S, dModel) → (batch, T, dModel). */
  forward(tgt: tf.Tensor, memory: tf.Tensor, masks: DecoderMasks = {}): tf.Tensor {
    return tf.tidy(() => {
      let x = tgt;
      for (const l of this.layers) x = l.forward(x, memory, masks);
      return this.norm ? this.norm.forward(x) : x;
    });
  }
}

/** Options of `Transformer` (PyTorch's `nn.Transformer`). */
export interface TransformerOptions extends TransformerLayerOptions {
  /** Encoder layers stacked. @default 6 */
  numEncoderLayers?: number;
  /** Decoder layers stacked. @default 6 */
  numDecoderLayers?: number;
}

/**
 * The encoder-decoder Transformer (PyTorch's `nn.Transformer`, batch first): an encoder and a
 * decoder stack, each ending in a LayerNorm. Embeddings and the output projection are the
 * caller's (see `Seq2SeqTransformer`).
 */
export class Transformer extends Module {
  /** The encoder stack. */
  readonly encoder: TransformerEncoder;
  /** The decoder stack. */
  readonly decoder: TransformerDecoder;

  /** Builds both stacks (see `TransformerOptions`). */
  constructor(options: TransformerOptions) {
    super();
    const { numEncoderLayers = 6, numDecoderLayers = 6, ...layer } = options;
    this.encoder = new TransformerEncoder(layer, numEncoderLayers, { norm: true });
    this.decoder = new TransformerDecoder(layer, numDecoderLayers, { norm: true });
  }

  /** src (batch, S, d), tgt (batch, T, d) → (batch, T, d). */
  forward(
    src: tf.Tensor,
    tgt: tf.Tensor,
    masks: DecoderMasks & EncoderMasks = {},
  ): tf.Tensor {
    return tf.tidy(() => {
      const memory = this.encoder.forward(src, masks);
      return this.decoder.forward(tgt, memory, masks);
    });
  }
}
