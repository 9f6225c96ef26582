/**
 * A small decoder-only GPT (Radford et al. 2018; Karpathy's "build GPT from scratch" lecture, which
 * the notes point to): token + learned position embeddings, pre-norm Transformer blocks with
 * causal self-attention and a GELU FFN, a final LayerNorm and a linear head to next-token logits;
 * sampling with temperature and top-k.
 *
 * @module
 */
import { Random, ValueError } from "../core/mod.ts";
import { tf } from "./backend.ts";
import { causalMask } from "./attention.ts";
import { deepRandom } from "./init.ts";
import { tokenCrossEntropy } from "./training.ts";
import { Dropout, Embedding, LayerNorm, Linear, ModuleList } from "./layers.ts";
import { Module } from "./module.ts";
import { TransformerEncoderLayer } from "./transformer.ts";

/** Options of `GPT`. */
export interface GPTOptions {
  /** Vocabulary size. */
  vocabSize: number;
  /** Context length (positions). @default 64 */
  blockSize?: number;
  /** Width. @default 64 */
  nEmbd?: number;
  /** Heads. @default 4 */
  nHead?: number;
  /** Blocks. @default 2 */
  nLayer?: number;
  /** Dropout. @default 0.1 */
  dropout?: number;
}

/** Options of `GPT.generate`. */
export interface GenerateOptions {
  /** Logits are divided by it: < 1 sharper, > 1 flatter; 0 = greedy (argmax). @default 1 */
  temperature?: number;
  /** Sample only among the k most likely tokens (null = all). @default null */
  topK?: number | null;
  /** Seed of the sampling generator (default: the shared one of `manualSeed`). */
  seed?: number;
}

/**
 * Decoder-only Transformer language model: logits(ids) → (B, T, vocab), position t seeing only
 * tokens ≤ t.
 *
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { GPT, manualSeed, tf } from "../mod.ts";
 *
 * manualSeed(0);
 * const gpt = new GPT({ vocabSize: 10, blockSize: 8, nEmbd: 16, nHead: 2, nLayer: 1 });
 * assertEquals(gpt.forward(tf.tensor2d([[1, 2, 3]], [1, 3], "int32")).shape, [1, 3, 10]);
 * assertEquals(gpt.generate([[1, 2]], 5, { topK: 3, seed: 1 })[0].length, 7);
 * ```
 */
export class GPT extends Module {
  /** Token embeddings. */
  readonly wte: Embedding;
  /** Learned positions. */
  readonly wpe: Embedding;
  /** Dropout on the embeddings. */
  readonly drop: Dropout;
  /** Pre-norm blocks with GELU. */
  readonly h: ModuleList<TransformerEncoderLayer>;
  /** Final norm. */
  readonly ln_f: LayerNorm;
  /** Width → vocabulary, no bias. */
  readonly lm_head: Linear;
  /** The options with defaults. */
  readonly options: Readonly<Required<GPTOptions>>;

  /** Builds the model (see `GPTOptions`). */
  constructor(options: GPTOptions) {
    super();
    for (const k of ["vocabSize", "blockSize", "nEmbd", "nHead", "nLayer"] as const) {
      const v = (options as unknown as Record<string, number | undefined>)[k];
      if (v !== undefined && !(Number.isInteger(v) && v > 0)) {
        throw new ValueError(`${k} must be a positive integer. Got ${v} instead.`);
      }
    }
    const o = this.options = Object.freeze({
      blockSize: 64,
      nEmbd: 64,
      nHead: 4,
      nLayer: 2,
      dropout: 0.1,
      ...options,
    });
    this.wte = new Embedding(o.vocabSize, o.nEmbd);
    this.wpe = new Embedding(o.blockSize, o.nEmbd);
    this.drop = new Dropout(o.dropout);
    this.h = new ModuleList(Array.from({ length: o.nLayer }, () =>
      new TransformerEncoderLayer({
        dModel: o.nEmbd,
        nhead: o.nHead,
        dimFeedforward: 4 * o.nEmbd,
        dropout: o.dropout,
        activation: "gelu",
        normFirst: true,
      })));
    this.ln_f = new LayerNorm(o.nEmbd);
    this.lm_head = new Linear(o.nEmbd, o.vocabSize, { bias: false });
  }

  /** ids (B, T ≤ blockSize) int32 → logits (B, T, vocabSize). */
  forward(ids: tf.Tensor): tf.Tensor {
    const T = ids.shape[1] as number;
    if (ids.rank !== 2 || T > this.options.blockSize) {
      throw new ValueError(
        `ids must be (batch, T) with T <= blockSize=${this.options.blockSize}. Got shape [${ids.shape}].`,
      );
    }
    return tf.tidy(() => {
      let x = this.wte.forward(ids).add(this.wpe.forward(tf.range(0, T, 1, "int32")));
      x = this.drop.forward(x);
      const mask = causalMask(T);
      for (const block of this.h) x = block.forward(x, { srcMask: mask });
      return this.lm_head.forward(this.ln_f.forward(x));
    });
  }

  /** Mean next-token cross-entropy of ids x (B, T) against targets y (B, T). */
  loss(x: tf.Tensor, y: tf.Tensor): tf.Scalar {
    return tf.tidy(() => tokenCrossEntropy(this.forward(x), y));
  }

  /**
   * Continues each context (rows of token ids) by `maxNewTokens` tokens, one at a time, sampled
   * from softmax(logits / temperature) over the top k (greedy when temperature is 0); returns the
   * contexts with the new tokens.
   */
  generate(
    contexts: number[][],
    maxNewTokens: number,
    { temperature = 1, topK = null, seed }: GenerateOptions = {},
  ): number[][] {
    if (!(temperature >= 0)) {
      throw new ValueError(`temperature must be >= 0. Got ${temperature} instead.`);
    }
    if (topK !== null && !(Number.isInteger(topK) && topK > 0)) {
      throw new ValueError(`topK must be a positive integer or null. Got ${topK} instead.`);
    }
    const rng = seed === undefined ? deepRandom() : new Random(seed);
    const wasTraining = this.training;
    this.eval();
    try {
      return contexts.map((prompt) => {
        const out = [...prompt];
        for (let i = 0; i < maxNewTokens; i++) {
          const ctx = out.slice(-this.options.blockSize);
          const logits = tf.tidy(() => {
            const l = this.forward(tf.tensor2d([ctx], [1, ctx.length], "int32"));
            return Array.from(l.slice([0, ctx.length - 1, 0], [1, 1, -1]).dataSync());
          });
          out.push(sampleLogits(logits, temperature, topK, rng));
        }
        return out;
      });
    } finally {
      this.train(wasTraining);
    }
  }
}

/**
 * Draws a token from softmax(logits / temperature) over the top-k logits (all when topK is
 * null); temperature 0 returns the argmax.
 */
export function sampleLogits(
  logits: ArrayLike<number>,
  temperature = 1,
  topK: number | null = null,
  rng: Random = deepRandom(),
): number {
  const idx = Array.from({ length: logits.length }, (_, i) => i).sort((a, b) =>
    logits[b] - logits[a]
  );
  if (temperature === 0) return idx[0];
  const keep = topK === null ? idx : idx.slice(0, Math.max(1, topK));
  const m = logits[keep[0]];
  const w = keep.map((i) => Math.exp((logits[i] - m) / temperature));
  const total = w.reduce((s, v) => s + v, 0);
  let u = rng.uniform() * total;
  for (let j = 0; j < keep.length; j++) {
    u -= w[j];
    if (u <= 0) return keep[j];
  }
  return keep[keep.length - 1];
}
