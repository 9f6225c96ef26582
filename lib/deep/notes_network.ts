/**
 * `ErnieMResNetClassifier`, the notes' `NetWork`, and `buildNotesNetwork`. Each modality gives
 * two vectors: its pooled feature and an attended one (the pooled vector as the query over the
 * tokens or the image regions), so classifier1 reads 2 × 768 + 2 × 2048 = 5632 inputs.
 *
 * @module
 */
import { ValueError } from "../core/mod.ts";
import { MultiHeadAttention } from "./attention.ts";
import { tf } from "./backend.ts";
import { EncoderCNN, ErnieMModel, type ErnieMOptions } from "./ernie_m.ts";
import { Linear } from "./layers.ts";
import { buildShapeOnly, Module } from "./module.ts";
import { BasicBlock, Bottleneck, ResNet, type ResNetOptions } from "./resnet.ts";

/** Sizes of `ErnieMResNetClassifier` (defaults: the notes' full network). */
export interface NotesNetworkOptions {
  /** The text encoder's sizes. @default ernie-m-base */
  text?: ErnieMOptions;
  /** The image encoder: block type, blocks per stage and ResNet options. @default ResNet-101 on RGB */
  image?: {
    block?: "basic" | "bottleneck";
    layers?: [number, number, number, number];
    /** Space-to-depth factor before the ResNet (see `EncoderCNNOptions`); `inChannels` is the image's. @default 1 */
    spaceToDepth?: number;
  } & Omit<ResNetOptions, "numClasses">;
  /** Heads of the text attention. @default 12 */
  textHeads?: number;
  /** Heads of the image attention. @default 16 */
  imageHeads?: number;
  /** Width of classifier1's output. @default 1024 */
  hidden?: number;
  /** Classes. @default 3 */
  numClasses?: number;
}

/** Which features reach the head: both modalities, or one with the other's zeroed. */
export type Modality = "both" | "text" | "image";

/** What `forward` returns besides the logits: the two attention maps. */
export interface NotesNetworkOutput {
  /** (batch, numClasses). */
  logits: tf.Tensor;
  /** (batch, T): how much the pooled text vector attends to each token. */
  textAttention: tf.Tensor;
  /** (batch, h·w): how much the pooled image vector attends to each region of the feature map ((batch, 0) for text only, whose image branch is not computed). */
  imageAttention: tf.Tensor;
}

/**
 * ERNIE-M text encoder + ResNet image encoder + two attentions + a two-layer head, the notes'
 * multimodal classifier. Children in the notes' order: ernie, resnet, classifier1, classifier2,
 * attention_text, attention_image.
 */
export class ErnieMResNetClassifier extends Module {
  /** Text encoder. */
  readonly ernie: ErnieMModel;
  /** Image encoder. */
  readonly resnet: EncoderCNN;
  /** (2·text + 2·image) → hidden. */
  readonly classifier1: Linear;
  /** hidden → classes. */
  readonly classifier2: Linear;
  /** Pooled text vector attending over the tokens. */
  readonly attention_text: MultiHeadAttention;
  /** Pooled image vector attending over the regions. */
  readonly attention_image: MultiHeadAttention;
  /** Zero the features of a modality (for text-only / image-only baselines). @default "both" */
  modality: Modality = "both";

  /** Builds the network (see `NotesNetworkOptions`). */
  constructor(options: NotesNetworkOptions = {}) {
    super();
    const img = options.image ?? {};
    const {
      block = "bottleneck",
      layers = [3, 4, 23, 3],
      spaceToDepth = 1,
      inChannels = 3,
      ...resnetOptions
    } = img;
    this.ernie = new ErnieMModel(options.text);
    const net = new ResNet(block === "basic" ? BasicBlock : Bottleneck, layers, {
      ...resnetOptions,
      inChannels: inChannels * spaceToDepth * spaceToDepth,
      numClasses: 0,
    });
    this.resnet = new EncoderCNN(net, { spaceToDepth });
    const t = this.ernie.sizes.hidden, v = this.resnet.numFeatures;
    const hidden = options.hidden ?? 1024;
    this.classifier1 = new Linear(2 * t + 2 * v, hidden);
    this.classifier2 = new Linear(hidden, options.numClasses ?? 3);
    this.attention_text = new MultiHeadAttention({
      embedDim: t,
      numHeads: options.textHeads ?? 12,
    });
    this.attention_image = new MultiHeadAttention({
      embedDim: v,
      numHeads: options.imageHeads ?? 16,
    });
  }

  /**
   * ids (batch, T) int32 and images (batch, C, H, W) → logits and both attention maps.
   * Images are float tensors already scaled as the encoder was trained (here [0, 1]).
   */
  forward(ids: tf.Tensor, images: tf.Tensor): NotesNetworkOutput {
    if (ids.shape[0] !== images.shape[0]) {
      throw new ValueError(
        `ids and images must have the same batch size: got ${ids.shape[0]} and ${images.shape[0]}.`,
      );
    }
    let textAttention: tf.Tensor | null = null, imageAttention: tf.Tensor | null = null;
    const logits = tf.tidy(() => {
      const [seq, pooledText] = this.ernie.forward(ids);
      const pad = tf.equal(ids, this.ernie.sizes.padTokenId);
      const [tAtt, tW] = this.attention_text.forward(pooledText.expandDims(1), seq, seq, {
        keyPaddingMask: pad,
      });
      textAttention = tf.keep((tW as tf.Tensor).squeeze([1]));
      let text = tf.concat([pooledText, tAtt.squeeze([1])], 1);
      let image: tf.Tensor;
      const n = ids.shape[0] as number;
      if (this.modality === "text") {
        // the features would be zeroed: skip the image encoder (most of the cost)
        image = tf.zeros([n, 2 * this.resnet.numFeatures]);
        imageAttention = tf.keep(tf.zeros([n, 0]));
      } else {
        const [map, pooledImage] = this.resnet.forward(images);
        const c = map.shape[1] as number;
        const regions = map.reshape([n, c, -1]).transpose([0, 2, 1]); // (n, h·w, c)
        const [iAtt, iW] = this.attention_image.forward(
          pooledImage.expandDims(1),
          regions,
          regions,
        );
        imageAttention = tf.keep((iW as tf.Tensor).squeeze([1]));
        image = tf.concat([pooledImage, iAtt.squeeze([1])], 1);
      }
      if (this.modality === "image") text = tf.zerosLike(text);
      const h = tf.relu(this.classifier1.forward(tf.concat([text, image], 1)));
      return this.classifier2.forward(h);
    });
    return { logits, textAttention: textAttention!, imageAttention: imageAttention! };
  }

  /** Parameters per part (ernie word embeddings, rest of ernie, resnet, attentions, head), for the bar chart. */
  parameterBreakdown(): Record<string, number> {
    const e = this.ernie;
    const words = e.embeddings.word_embeddings.numParameters();
    return {
      "ernie.word_embeddings": words,
      "ernie (rest)": e.numParameters() - words,
      "resnet": this.resnet.numParameters(),
      "attention_text": this.attention_text.numParameters(),
      "attention_image": this.attention_image.numParameters(),
      "classifier1+2": this.classifier1.numParameters() + this.classifier2.numParameters(),
    };
  }
}

/**
 * The notes' network at full size (ERNIE-M base, ResNet-101, 5632 → 1024 → 3). With
 * `shapeOnly` (default true) no weights are allocated: the tree prints and the 345 M
 * parameters count, but `forward` throws.
 *
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { buildNotesNetwork } from "../mod.ts";
 *
 * const net = buildNotesNetwork();
 * assertEquals(net.classifier1.inFeatures, 2 * 768 + 2 * 2048);
 * assertEquals(net.toString().split("\n")[0], "NetWork(");
 * ```
 */
export function buildNotesNetwork(
  { shapeOnly = true, ...options }: NotesNetworkOptions & { shapeOnly?: boolean } = {},
): ErnieMResNetClassifier {
  const build = () => new ErnieMResNetClassifier(options).withTypeName("NetWork");
  return shapeOnly ? buildShapeOnly(build) : build();
}

/**
 * The small configuration trained on captioned Fashion-MNIST (tools/train_notes_multimodal.ts,
 * notebook 72): ERNIE-M with a 2 000-word vocabulary, 2 layers × 64 wide; a ResNet of basic blocks
 * [1, 1, 1, 1] and width 8 with the 3×3 stem, on 28×28 images cut into 2×2 blocks
 * (space-to-depth: 14×14 × 4 channels), so the stages run at 14, 7, 4, 2 pixels and the image
 * attention looks at a 2×2 map of 64 channels; a 128-wide head.
 */
export const SMALL_NOTES_NETWORK: Readonly<NotesNetworkOptions> = Object.freeze<
  NotesNetworkOptions
>({
  text: {
    vocabSize: 2000,
    hidden: 64,
    numLayers: 2,
    numHeads: 4,
    ffn: 128,
    maxPositions: 34,
    dropout: 0,
  },
  image: {
    block: "basic",
    layers: [1, 1, 1, 1],
    width: 8,
    inChannels: 1,
    smallStem: true,
    spaceToDepth: 2,
  },
  textHeads: 4,
  imageHeads: 4,
  hidden: 128,
});
