/**
 * BERT (engineer gpt owns this file): token + segment + position embeddings, a stack of
 * post-norm GELU `TransformerEncoderLayer`s, the pooler on `[CLS]`, the masked-LM and
 * next-sentence heads of pre-training, and a `[CLS]` classifier for fine-tuning (Devlin et al.
 * 2019). Children use Hugging Face's names where they map one to one.
 *
 * @module
 */
import { ValueError } from "../core/mod.ts";
import { tf } from "./backend.ts";
import { checkInput, Dropout, Embedding, gelu, LayerNorm, Linear, ModuleList } from "./layers.ts";
import { matMul2d } from "./matmul.ts";
import { Module, ModuleParameter } from "./module.ts";
import { TransformerEncoderLayer } from "./transformer.ts";

/** Options of `BERT`. */
export interface BERTOptions {
  /** Number of tokens. */
  vocabSize: number;
  /** Longest input (positions). @default 64 */
  maxLen?: number;
  /** Hidden size. @default 32 */
  hidden?: number;
  /** Attention heads. @default 4 */
  heads?: number;
  /** Encoder layers. @default 2 */
  layers?: number;
  /** FFN width. @default 4·hidden */
  intermediate?: number;
  /** Dropout everywhere. @default 0.1 */
  dropout?: number;
}

function scaleEmbedding(e: Embedding): Embedding {
  if (e.weight.allocated) tf.tidy(() => e.weight.value.assign(e.weight.value.mul(0.02)));
  return e;
}

/** The sum of word, position and token-type (segment) embeddings, then LayerNorm and dropout. */
export class BertEmbeddings extends Module {
  /** (vocabSize, hidden). */
  readonly word_embeddings: Embedding;
  /** (maxLen, hidden), learned. */
  readonly position_embeddings: Embedding;
  /** (2, hidden): segment A and B. */
  readonly token_type_embeddings: Embedding;
  /** LayerNorm of the sum. */
  readonly LayerNorm: LayerNorm;
  /** Dropout. */
  readonly dropout: Dropout;

  /** Builds the tables, initialised N(0, 0.02) as BERT. */
  constructor(vocabSize: number, maxLen: number, hidden: number, dropout: number) {
    super();
    this.word_embeddings = scaleEmbedding(new Embedding(vocabSize, hidden));
    this.position_embeddings = scaleEmbedding(new Embedding(maxLen, hidden));
    this.token_type_embeddings = scaleEmbedding(new Embedding(2, hidden));
    this.LayerNorm = new LayerNorm(hidden, { eps: 1e-12 });
    this.dropout = new Dropout(dropout);
  }

  /** ids, segments (B, T) int32 → (B, T, hidden). */
  forward(ids: tf.Tensor, segments: tf.Tensor): tf.Tensor {
    return tf.tidy(() => {
      const T = ids.shape[1] as number;
      const sum = this.word_embeddings.forward(ids)
        .add(this.position_embeddings.forward(tf.range(0, T, 1, "int32")))
        .add(this.token_type_embeddings.forward(segments));
      return this.dropout.forward(this.LayerNorm.forward(sum));
    });
  }
}

/** BERT's outputs: every position's hidden state and the pooled `[CLS]`. */
export interface BertOutput {
  /** (B, T, hidden). */
  sequence: tf.Tensor;
  /** tanh(W·h_[CLS] + b), (B, hidden). */
  pooled: tf.Tensor;
}

/**
 * The BERT encoder: embeddings, `layers` post-norm GELU encoder layers attending to every
 * non-padding position ([PAD] = id 0 is masked out as a key), and the pooler.
 *
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { BERT, manualSeed, tf } from "../mod.ts";
 *
 * manualSeed(0);
 * const bert = new BERT({ vocabSize: 20, maxLen: 8, hidden: 16, heads: 2, layers: 1 }).eval();
 * const ids = tf.tensor2d([[2, 7, 8, 3, 0]], [1, 5], "int32");
 * const { sequence, pooled } = bert.forward(ids, tf.zeros([1, 5], "int32"));
 * assertEquals([sequence.shape, pooled.shape], [[1, 5, 16], [1, 16]]);
 * ```
 */
export class BERT extends Module {
  /** Embeddings. */
  readonly embeddings: BertEmbeddings;
  /** Encoder layers. */
  readonly encoder: ModuleList<TransformerEncoderLayer>;
  /** Pooler dense layer (tanh). */
  readonly pooler: Linear;
  /** The options with defaults. */
  readonly options: Readonly<Required<BERTOptions>>;

  /** Builds the model (see `BERTOptions`); weights are seeded by `manualSeed`. */
  constructor(options: BERTOptions) {
    super();
    const hidden = options.hidden ?? 32;
    const o = this.options = Object.freeze({
      maxLen: 64,
      hidden,
      heads: 4,
      layers: 2,
      intermediate: 4 * hidden,
      dropout: 0.1,
      ...options,
    });
    for (const k of ["vocabSize", "maxLen", "hidden", "heads", "layers", "intermediate"] as const) {
      if (!(Number.isInteger(o[k]) && o[k] > 0)) {
        throw new ValueError(`${k} must be a positive integer. Got ${o[k]} instead.`);
      }
    }
    this.embeddings = new BertEmbeddings(o.vocabSize, o.maxLen, o.hidden, o.dropout);
    this.encoder = new ModuleList(
      Array.from({ length: o.layers }, () =>
        new TransformerEncoderLayer({
          dModel: o.hidden,
          nhead: o.heads,
          dimFeedforward: o.intermediate,
          dropout: o.dropout,
          activation: "gelu",
          layerNormEps: 1e-12,
        })),
    );
    this.pooler = new Linear(o.hidden, o.hidden);
  }

  /** ids and segments (B, T) int32, T ≤ maxLen → hidden states and pooled `[CLS]`. */
  forward(ids: tf.Tensor, segments: tf.Tensor): BertOutput {
    checkInput(ids, "ids", undefined, 2);
    if (ids.rank !== 2 || ids.shape[1]! > this.options.maxLen) {
      throw new ValueError(
        `ids must be (batch, T ≤ maxLen = ${this.options.maxLen}). Got shape [${ids.shape}] instead.`,
      );
    }
    if (segments.shape.join() !== ids.shape.join()) {
      throw new ValueError(
        `segments has shape [${segments.shape}], expected the shape of ids [${ids.shape}].`,
      );
    }
    const [sequence, pooled] = tf.tidy(() => {
      const pad = ids.equal(0);
      let x = this.embeddings.forward(ids, segments);
      for (const l of this.encoder) x = l.forward(x, { srcKeyPaddingMask: pad });
      const cls = x.slice([0, 0, 0], [-1, 1, -1]).squeeze([1]);
      return [x, tf.tanh(this.pooler.forward(cls))];
    });
    return { sequence, pooled };
  }
}

/**
 * BERT with its pre-training heads: the masked-LM head (dense + GELU + LayerNorm, then a decoder
 * TIED to the word embeddings, plus a bias per token, as BERT) and the next-sentence head on the
 * pooled `[CLS]` (2 classes: 0 IsNext, 1 NotNext).
 */
export class BertForPreTraining extends Module {
  /** The encoder. */
  readonly bert: BERT;
  /** MLM transform dense layer. */
  readonly mlm_dense: Linear;
  /** MLM transform LayerNorm. */
  readonly mlm_norm: LayerNorm;
  /** MLM output bias (vocabSize); the weight is `bert.embeddings.word_embeddings.weight`. */
  readonly mlm_bias: ModuleParameter;
  /** Next-sentence classifier. */
  readonly nsp: Linear;

  /** Builds BERT and the heads. */
  constructor(options: BERTOptions) {
    super();
    this.bert = new BERT(options);
    const h = this.bert.options.hidden;
    this.mlm_dense = new Linear(h, h);
    this.mlm_norm = new LayerNorm(h, { eps: 1e-12 });
    this.mlm_bias = new ModuleParameter([this.bert.options.vocabSize], {
      kind: "constant",
      value: 0,
    });
    this.nsp = new Linear(h, 2);
  }

  /** MLM logits (B, T, vocabSize) and NSP logits (B, 2). */
  forward(ids: tf.Tensor, segments: tf.Tensor): { mlm: tf.Tensor; nsp: tf.Tensor } {
    return tf.tidy(() => {
      const { sequence, pooled } = this.bert.forward(ids, segments);
      const h = this.mlm_norm.forward(gelu(this.mlm_dense.forward(sequence)));
      const W = this.bert.embeddings.word_embeddings.weight.value; // (V, h): tied
      const [B, T, H] = h.shape as number[];
      const mlm = matMul2d(h.reshape([B * T, H]), W as tf.Tensor2D, false, true).add(
        this.mlm_bias.value,
      )
        .reshape([B, T, -1]);
      return { mlm, nsp: this.nsp.forward(pooled) };
    });
  }
}

/** BERT with a linear classifier on the pooled `[CLS]` output (fine-tuning, §4.1). */
export class BertClassifier extends Module {
  /** The encoder (load pre-trained weights into it, or train from scratch). */
  readonly bert: BERT;
  /** Dropout before the classifier. */
  readonly dropout: Dropout;
  /** hidden → classes. */
  readonly classifier: Linear;

  /** Builds BERT and the classifier. */
  constructor(options: BERTOptions, readonly numClasses = 2) {
    super();
    this.bert = new BERT(options);
    this.dropout = new Dropout(this.bert.options.dropout);
    this.classifier = new Linear(this.bert.options.hidden, numClasses);
  }

  /** Class logits (B, numClasses). */
  forward(ids: tf.Tensor, segments: tf.Tensor): tf.Tensor {
    return tf.tidy(() =>
      this.classifier.forward(this.dropout.forward(this.bert.forward(ids, segments).pooled))
    );
  }
}
