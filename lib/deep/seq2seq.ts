/**
 * Encoder-decoder models for sequence-to-sequence tasks (d2l §10.7, §11.4, §11.7): a Transformer,
 * and an RNN (GRU or LSTM) with or without Bahdanau attention. All share one interface, `logits`
 * (teacher forcing), so training and decoding (`greedyDecode`, `beamSearch`) work on any of them.
 *
 * @module
 */
import { tf } from "./backend.ts";
import { AdditiveAttention, causalMask } from "./attention.ts";
import { Dropout, Embedding, Linear } from "./layers.ts";
import { Module } from "./module.ts";
import { GRU, LSTM } from "./rnn.ts";
import { PositionalEncoding, Transformer } from "./transformer.ts";

/** What training and decoding need from an encoder-decoder. */
export interface Seq2SeqModel extends Module {
  /** Logits (B, T, tgtVocab) of the next token at each target position, given src ids (B, S), their valid lengths and the target input ids (B, T) starting with `<bos>`. */
  logits(src: tf.Tensor, srcValidLens: number[], tgtIn: tf.Tensor): tf.Tensor;
  /** Encoder-decoder attention (B, T, S) of the last `logits` call, or null (no attention). */
  readonly attentionWeights: tf.Tensor | null;
}

/** (B, S) boolean mask, true at padded source positions. */
function paddingMask(validLens: number[], S: number): tf.Tensor {
  return tf.tidy(() =>
    tf.range(0, S).reshape([1, S]).greaterEqual(tf.tensor1d(validLens).reshape([-1, 1]))
  );
}

/** Options of `Seq2SeqTransformer`. */
export interface Seq2SeqTransformerOptions {
  /** Source vocabulary size. */
  srcVocab: number;
  /** Target vocabulary size. */
  tgtVocab: number;
  /** Model width. @default 64 */
  dModel?: number;
  /** Heads. @default 4 */
  nhead?: number;
  /** Encoder layers. @default 2 */
  numEncoderLayers?: number;
  /** Decoder layers. @default 2 */
  numDecoderLayers?: number;
  /** FFN width. @default 4·dModel */
  dimFeedforward?: number;
  /** Dropout everywhere. @default 0.1 */
  dropout?: number;
  /** Longest sequence. @default 128 */
  maxLen?: number;
}

/**
 * Token embeddings (N(0, 1), unscaled) plus sinusoidal positions, `nn.Transformer`, and a linear
 * `generator` to target logits (Vaswani et al. 2017; the Annotated Transformer).
 */
export class Seq2SeqTransformer extends Module implements Seq2SeqModel {
  /** Source embeddings. */
  readonly src_embed: Embedding;
  /** Target embeddings. */
  readonly tgt_embed: Embedding;
  /** Sinusoidal positions (with dropout). */
  readonly pos_encoding: PositionalEncoding;
  /** The encoder-decoder. */
  readonly transformer: Transformer;
  /** dModel → tgtVocab. */
  readonly generator: Linear;

  /** Builds the model (see `Seq2SeqTransformerOptions`). */
  constructor(o: Seq2SeqTransformerOptions) {
    super();
    const d = o.dModel ?? 64;
    this.src_embed = new Embedding(o.srcVocab, d);
    this.tgt_embed = new Embedding(o.tgtVocab, d);
    this.pos_encoding = new PositionalEncoding({
      numHiddens: d,
      dropout: o.dropout ?? 0.1,
      maxLen: o.maxLen ?? 128,
    });
    this.transformer = new Transformer({
      dModel: d,
      nhead: o.nhead ?? 4,
      numEncoderLayers: o.numEncoderLayers ?? 2,
      numDecoderLayers: o.numDecoderLayers ?? 2,
      dimFeedforward: o.dimFeedforward ?? 4 * d,
      dropout: o.dropout ?? 0.1,
    });
    this.generator = new Linear(d, o.tgtVocab);
  }

  /** See `Seq2SeqModel.logits`. */
  logits(src: tf.Tensor, srcValidLens: number[], tgtIn: tf.Tensor): tf.Tensor {
    return tf.tidy(() => {
      const pad = paddingMask(srcValidLens, src.shape[1] as number);
      // no √d scaling: our embeddings start at N(0, 1) (PyTorch's), already the positions' scale
      const s = this.pos_encoding.forward(this.src_embed.forward(src));
      const t = this.pos_encoding.forward(this.tgt_embed.forward(tgtIn));
      const out = this.transformer.forward(s, t, {
        srcKeyPaddingMask: pad,
        memoryKeyPaddingMask: pad,
        tgtMask: causalMask(tgtIn.shape[1] as number),
      });
      return this.generator.forward(out);
    });
  }

  /** The last decoder layer's cross-attention (B, T, S), averaged over heads. */
  get attentionWeights(): tf.Tensor | null {
    const layers = this.transformer.decoder.layers;
    return layers.at(layers.length - 1).crossAttentionWeights;
  }

  /** Same as `logits`. */
  forward(src: tf.Tensor, srcValidLens: number[], tgtIn: tf.Tensor): tf.Tensor {
    return this.logits(src, srcValidLens, tgtIn);
  }
}

/** Options of `Seq2SeqRNN`. */
export interface Seq2SeqRNNOptions {
  /** Source vocabulary size. */
  srcVocab: number;
  /** Target vocabulary size. */
  tgtVocab: number;
  /** Embedding width. @default 32 */
  embedSize?: number;
  /** Hidden width. @default 64 */
  numHiddens?: number;
  /** Stacked layers in encoder and decoder. @default 2 */
  numLayers?: number;
  /** "gru" (default) or "lstm". */
  cell?: "gru" | "lstm";
  /** Bahdanau (additive) attention over the encoder outputs. @default false */
  attention?: boolean;
  /** Dropout between layers. @default 0 */
  dropout?: number;
}

/**
 * RNN encoder-decoder (d2l §10.7, Sutskever et al. 2014): the encoder's final state starts the
 * decoder; without attention, the encoder's top-layer final state is the context concatenated to
 * every decoder input; with `attention`, the context at step t is Bahdanau attention of the
 * decoder's top hidden state over the encoder outputs (d2l §11.4, Bahdanau et al. 2014).
 */
export class Seq2SeqRNN extends Module implements Seq2SeqModel {
  /** Source embeddings. */
  readonly src_embed: Embedding;
  /** Encoder RNN. */
  readonly encoder: GRU | LSTM;
  /** Target embeddings. */
  readonly tgt_embed: Embedding;
  /** Additive attention, or null. */
  readonly attention: AdditiveAttention | null;
  /** Decoder RNN (input: embedding ⊕ context). */
  readonly decoder: GRU | LSTM;
  /** Dropout on decoder outputs. */
  readonly dropout: Dropout;
  /** numHiddens → tgtVocab. */
  readonly dense: Linear;
  readonly #lstm: boolean;
  #attn: tf.Tensor | null = null;

  /** Builds the model (see `Seq2SeqRNNOptions`). */
  constructor(o: Seq2SeqRNNOptions) {
    super();
    const E = o.embedSize ?? 32, H = o.numHiddens ?? 64, L = o.numLayers ?? 2, p = o.dropout ?? 0;
    this.#lstm = o.cell === "lstm";
    const rnn = (inputSize: number) => {
      const opts = { inputSize, hiddenSize: H, numLayers: L, batchFirst: true, dropout: p };
      return this.#lstm ? new LSTM(opts) : new GRU(opts);
    };
    this.src_embed = new Embedding(o.srcVocab, E);
    this.encoder = rnn(E);
    this.tgt_embed = new Embedding(o.tgtVocab, E);
    this.attention = o.attention
      ? new AdditiveAttention({ keySize: H, querySize: H, numHiddens: H, dropout: p })
      : null;
    this.decoder = rnn(E + H);
    this.dropout = new Dropout(p);
    this.dense = new Linear(H, o.tgtVocab);
  }

  #run(rnn: GRU | LSTM, x: tf.Tensor, state: tf.Tensor[]): [tf.Tensor, tf.Tensor[]] {
    if (rnn instanceof LSTM) {
      const [out, [h, c]] = rnn.forward(x, state.length ? [state[0], state[1]] : null);
      return [out, [h, c]];
    }
    const [out, h] = rnn.forward(x, state.length ? state[0] : null);
    return [out, [h]];
  }

  /** See `Seq2SeqModel.logits`. */
  logits(src: tf.Tensor, srcValidLens: number[], tgtIn: tf.Tensor): tf.Tensor {
    return tf.tidy(() => {
      const [encOut, encState] = this.#run(this.encoder, this.src_embed.forward(src), []);
      const emb = this.tgt_embed.forward(tgtIn); // (B, T, E)
      const [B, T] = [tgtIn.shape[0] as number, tgtIn.shape[1] as number];
      const L = encState[0].shape[0] as number;
      const top = (s: tf.Tensor) => s.slice([L - 1, 0, 0], [1, B, -1]).reshape([B, 1, -1]);
      if (!this.attention) {
        const ctx = tf.tile(top(encState[0]), [1, T, 1]);
        const [out] = this.#run(this.decoder, tf.concat([emb, ctx], 2), encState);
        return this.dense.forward(this.dropout.forward(out));
      }
      let state = encState;
      const outs: tf.Tensor[] = [], weights: tf.Tensor[] = [];
      for (let t = 0; t < T; t++) {
        const ctx = this.attention.forward(top(state[0]), encOut, encOut, srcValidLens);
        weights.push(this.attention.attentionWeights!.clone());
        const x = tf.concat([ctx, emb.slice([0, t, 0], [B, 1, -1])], 2);
        const [out, next] = this.#run(this.decoder, x, state);
        outs.push(out);
        state = next;
      }
      this.#attn?.dispose();
      this.#attn = tf.keep(tf.concat(weights, 1));
      return this.dense.forward(this.dropout.forward(tf.concat(outs, 1)));
    });
  }

  /** Bahdanau weights (B, T, S) of the last call, or null without attention. */
  get attentionWeights(): tf.Tensor | null {
    return this.#attn;
  }

  /** Same as `logits`. */
  forward(src: tf.Tensor, srcValidLens: number[], tgtIn: tf.Tensor): tf.Tensor {
    return this.logits(src, srcValidLens, tgtIn);
  }
}
