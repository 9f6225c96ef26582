/**
 * The notes' multimodal network (section "ernie-m 网络结构"): an ERNIE-M text encoder, a ResNet-101
 * image encoder, a text and an image multi-head attention, and a two-layer head
 * classifier1 (5632 → 1024), classifier2 (1024 → 3). Module names follow the notes' tree, so the
 * state-dict keys are the notes' (`ernie.encoder.layers.0.self_attn.q_proj.weight`,
 * `resnet.resnet.4.0.conv1.weight`), in PyTorch layouts (Linear weight [out, in]).
 *
 * @module
 */
import { ShapeError, ValueError } from "../core/mod.ts";
import { tf } from "./backend.ts";
import { checkNCHW } from "./conv.ts";
import { Dropout, Embedding, LayerNorm, Linear, Sequential, Tanh } from "./layers.ts";
import { Module } from "./module.ts";
import { AdaptiveAvgPool2d } from "./pool.ts";
import type { ResNet } from "./resnet.ts";
import { TransformerEncoder } from "./transformer.ts";

/** Sizes of the ERNIE-M text encoder (defaults: ernie-m-base as printed in the notes). */
export interface ErnieMOptions {
  /** Vocabulary. @default 250002 */
  vocabSize?: number;
  /** Hidden width. @default 768 */
  hidden?: number;
  /** Encoder layers. @default 12 */
  numLayers?: number;
  /** Attention heads. @default 12 */
  numHeads?: number;
  /** FFN width. @default 3072 */
  ffn?: number;
  /** Rows of the position table (positions start at 2, so captions hold at most maxPositions − 2 tokens). @default 514 */
  maxPositions?: number;
  /** Dropout of embeddings, attention and residual branches. @default 0.1 */
  dropout?: number;
  /** Id of the padding token (masked in attention). @default 1 */
  padTokenId?: number;
}

/** Word and position embeddings, LayerNorm and dropout (ERNIE-M's, positions offset by 2 as in RoBERTa). */
export class ErnieMEmbeddings extends Module {
  /** [vocab, hidden]. */
  readonly word_embeddings: Embedding;
  /** [maxPositions, hidden]. */
  readonly position_embeddings: Embedding;
  /** Over the hidden width. */
  readonly layer_norm: LayerNorm;
  /** On the sum. */
  readonly dropout: Dropout;

  /** Builds the tables. */
  constructor(vocab: number, hidden: number, maxPositions: number, dropout: number) {
    super();
    this.word_embeddings = new Embedding(vocab, hidden);
    this.position_embeddings = new Embedding(maxPositions, hidden);
    this.layer_norm = new LayerNorm(hidden, { eps: 1e-5 });
    this.dropout = new Dropout(dropout);
  }

  /** ids (batch, T) int32 → (batch, T, hidden). */
  forward(ids: tf.Tensor): tf.Tensor {
    const T = ids.shape[1] as number, max = this.position_embeddings.numEmbeddings;
    if (T > max - 2) {
      throw new ShapeError(
        `captions of ${T} tokens are longer than the position table allows (${max} rows, positions start at 2: at most ${
          max - 2
        } tokens).`,
      );
    }
    return tf.tidy(() => {
      const pos = this.position_embeddings.forward(tf.range(2, T + 2, 1, "int32"));
      const x = this.word_embeddings.forward(ids).add(pos);
      return this.dropout.forward(this.layer_norm.forward(x));
    });
  }
}

/** tanh(dense(h₀)): the first token's state as the sentence vector. */
export class ErnieMPooler extends Module {
  /** hidden → hidden. */
  readonly dense: Linear;
  /** tanh. */
  readonly activation: Tanh = new Tanh();

  /** Builds the dense layer. */
  constructor(hidden: number) {
    super();
    this.dense = new Linear(hidden, hidden);
  }

  /** (batch, T, hidden) → (batch, hidden). */
  forward(seq: tf.Tensor): tf.Tensor {
    return tf.tidy(() => {
      const first = seq.slice([0, 0, 0], [-1, 1, -1]).squeeze([1]);
      return this.activation.forward(this.dense.forward(first));
    });
  }
}

/**
 * ERNIE-M (Ouyang et al. 2021) as PaddleNLP's `ErnieMModel`: embeddings, a post-norm GELU
 * Transformer encoder (`layers` printed as Paddle's LayerList) and a tanh pooler.
 */
export class ErnieMModel extends Module {
  /** Token and position embeddings. */
  readonly embeddings: ErnieMEmbeddings;
  /** The Transformer stack. */
  readonly encoder: TransformerEncoder;
  /** The sentence vector. */
  readonly pooler: ErnieMPooler;
  /** The sizes with defaults. */
  readonly sizes: Readonly<Required<ErnieMOptions>>;

  /** Builds the model (see `ErnieMOptions`). */
  constructor(options: ErnieMOptions = {}) {
    super();
    const o = this.sizes = Object.freeze({
      vocabSize: 250002,
      hidden: 768,
      numLayers: 12,
      numHeads: 12,
      ffn: 3072,
      maxPositions: 514,
      dropout: 0.1,
      padTokenId: 1,
      ...options,
    });
    this.embeddings = new ErnieMEmbeddings(o.vocabSize, o.hidden, o.maxPositions, o.dropout);
    this.encoder = new TransformerEncoder(
      {
        dModel: o.hidden,
        nhead: o.numHeads,
        dimFeedforward: o.ffn,
        dropout: o.dropout,
        activation: "gelu",
      },
      o.numLayers,
    );
    this.encoder.layers.withTypeName("LayerList");
    // ERNIE-M's FFN has no dropout between its two linears (act_dropout 0): the notes print p=0
    for (const layer of this.encoder.layers) {
      (layer as unknown as { dropout: Dropout }).dropout = new Dropout(0);
    }
    this.pooler = new ErnieMPooler(o.hidden);
  }

  /** ids (batch, T) → [sequence (batch, T, hidden), pooled (batch, hidden)]; padding ids are masked. */
  forward(ids: tf.Tensor): [tf.Tensor, tf.Tensor] {
    if (ids.rank !== 2) {
      throw new ShapeError(`input_ids must be (batch, T). Got shape [${ids.shape}].`);
    }
    return tf.tidy(() => {
      const mask = tf.equal(ids, this.sizes.padTokenId);
      const seq = this.encoder.forward(this.embeddings.forward(ids), { srcKeyPaddingMask: mask });
      return [seq, this.pooler.forward(seq)];
    });
  }
}

/** Options of `EncoderCNN`. */
export interface EncoderCNNOptions {
  /**
   * Cut the image into f×f pixel blocks stacked as channels (space-to-depth, lossless) before the
   * ResNet: (N, C, H, W) → (N, C·f², H/f, W/f); `net` must take C·f² channels. A cheap stem for
   * small images, as ConvNeXt's "patchify" stem: the ResNet then runs at 1/f of the resolution. @default 1
   */
  spaceToDepth?: number;
}

/** The image encoder of the notes: a ResNet without its head (`resnet`, a Sequential) and `adaptive_pool`. */
export class EncoderCNN extends Module {
  /** Stem and four stages. */
  readonly resnet: Sequential;
  /** Global average pooling to 1 × 1. */
  readonly adaptive_pool: AdaptiveAvgPool2d = new AdaptiveAvgPool2d([1, 1]);
  /** The ResNet the stages come from (not a child: its fc is dropped). */
  readonly _net: ResNet;
  /** The space-to-depth factor f (1: the image goes to the ResNet as it is). */
  readonly spaceToDepth: number;

  /** Takes the stem and stages of `net`. */
  constructor(net: ResNet, { spaceToDepth = 1 }: EncoderCNNOptions = {}) {
    super();
    if (!(Number.isInteger(spaceToDepth) && spaceToDepth >= 1)) {
      throw new ValueError(`spaceToDepth must be an integer ≥ 1. Got ${spaceToDepth}.`);
    }
    const inC = net.conv1.inChannels;
    if (inC % (spaceToDepth * spaceToDepth) !== 0) {
      throw new ValueError(
        `spaceToDepth ${spaceToDepth} needs a ResNet whose input channels (${inC}) are a multiple of ${
          spaceToDepth * spaceToDepth
        }.`,
      );
    }
    this._net = net;
    this.resnet = net.backbone();
    this.spaceToDepth = spaceToDepth;
  }

  /** Channels of the feature map (2048 for ResNet-50/101). */
  get numFeatures(): number {
    return this._net.numFeatures;
  }

  /** Channels of the images this encoder takes (before space-to-depth). */
  get imageChannels(): number {
    return this._net.conv1.inChannels / (this.spaceToDepth * this.spaceToDepth);
  }

  /** images (N, C, H, W) → [feature map (N, F, h, w), pooled (N, F)]. */
  forward(images: tf.Tensor): [tf.Tensor, tf.Tensor] {
    checkNCHW(images, "EncoderCNN", this.imageChannels);
    const f = this.spaceToDepth;
    const [n, c, H, W] = images.shape as number[];
    if (H % f !== 0 || W % f !== 0) {
      throw new ShapeError(
        `EncoderCNN with spaceToDepth ${f} needs image sides divisible by ${f}. Got ${H}×${W}.`,
      );
    }
    return tf.tidy(() => {
      const x = f === 1 ? images : images.reshape([n * c, H / f, f, W / f, f])
        .transpose([0, 2, 4, 1, 3]).reshape([n, c * f * f, H / f, W / f]);
      const map = this.resnet.forward(x);
      return [map, this.adaptive_pool.forward(map).reshape([map.shape[0], -1])];
    });
  }
}
