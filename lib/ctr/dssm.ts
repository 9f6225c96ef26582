/**
 * DSSM two towers for retrieval (the notes' 双塔): a user tower and an item tower (embeddings +
 * MLP) map each side to a unit vector; the score is the cosine divided by a temperature τ, trained
 * by a sampled softmax whose negatives are the other items of the batch. Retrieval is a
 * nearest-item search over the item vectors, evaluated by recall@k and NDCG@k.
 *
 * @module
 */
import { ValueError } from "../core/mod.ts";
import { Linear, matMul2d, Module, tf, tokenCrossEntropy } from "../deep/mod.ts";
import { FieldEmbedding, MLP } from "./layers.ts";

/** Sizes of one tower. */
export interface TowerOptions {
  /** Size of the tower's id space. */
  numIds: number;
  /** Number of fields. */
  fields: number;
  /** Embedding size. @default 16 */
  embedDim?: number;
  /** Hidden widths. @default [64] */
  hidden?: number[];
  /** Output size. @default 32 */
  outDim?: number;
}

/** One tower: ids [B, F] → unit vectors [B, outDim]. */
export class Tower extends Module {
  /** Embeddings. */
  readonly embedding: FieldEmbedding;
  /** Hidden layers. */
  readonly mlp: MLP;
  /** Output layer. */
  readonly out: Linear;
  /**
   * Builds the tower.
   * @param options sizes
   */
  constructor(options: TowerOptions) {
    super();
    const k = options.embedDim ?? 16, hidden = options.hidden ?? [64];
    this.embedding = new FieldEmbedding(options.numIds, k, { std: 0.1 });
    this.mlp = new MLP(options.fields * k, hidden);
    this.out = new Linear(hidden[hidden.length - 1], options.outDim ?? 32);
  }
  /** ids → L2-normalised vectors. */
  forward(ids: tf.Tensor): tf.Tensor {
    return tf.tidy(() => {
      const e = this.embedding.forward(ids);
      const v = this.out.forward(this.mlp.forward(e.reshape([e.shape[0] as number, -1])));
      return v.div(v.square().sum(1, true).sqrt().add(1e-8));
    });
  }
}

/** The two towers and the temperature. */
export class DSSM extends Module {
  /** User tower. */
  readonly user: Tower;
  /** Item tower. */
  readonly item: Tower;
  /**
   * Builds both towers.
   * @param temperature τ of cos/τ (default 0.1)
   */
  constructor(user: TowerOptions, item: TowerOptions, readonly temperature = 0.1) {
    super();
    if (!(temperature > 0)) {
      throw new ValueError(`temperature must be > 0. Got ${temperature} instead.`);
    }
    this.user = new Tower(user);
    this.item = new Tower(item);
  }
  /** In-batch logits cos(u_i, v_j)/τ, [B, B]; row i's positive is column i. */
  forward(userIds: tf.Tensor, itemIds: tf.Tensor): tf.Tensor {
    return tf.tidy(() =>
      matMul2d(
        this.user.forward(userIds) as tf.Tensor2D,
        this.item.forward(itemIds) as tf.Tensor2D,
        false,
        true,
      ).div(this.temperature)
    );
  }
  /** The in-batch sampled-softmax loss (cross-entropy with the diagonal as targets). */
  loss(userIds: tf.Tensor, itemIds: tf.Tensor): tf.Scalar {
    return tf.tidy(() => {
      const logits = this.forward(userIds, itemIds);
      const B = logits.shape[0] as number;
      return tokenCrossEntropy(logits, tf.range(0, B, 1, "int32"));
    });
  }
}

/**
 * The k nearest items of each query by inner product (cosine for unit vectors): queries [Q, d],
 * items [N, d] → indices [Q][k], best first.
 */
export function nearestItems(queries: tf.Tensor, items: tf.Tensor, k: number): number[][] {
  return tf.tidy(() => {
    const s = tf.matMul(queries as tf.Tensor2D, items as tf.Tensor2D, false, true);
    const { indices } = tf.topk(s, Math.min(k, items.shape[0] as number));
    return indices.arraySync() as number[][];
  });
}

/**
 * Recall@k and NDCG@k of ranked lists against one relevant item per query: recall@k is the share
 * of queries whose item is in the top k; NDCG@k averages 1/log₂(1 + rank) (0 outside the top k).
 *
 * @example
 * ```ts
 * import { assertAlmostEquals } from "@std/assert";
 * import { retrievalMetrics } from "../mod.ts";
 *
 * const m = retrievalMetrics([[3, 1], [0, 2]], [1, 5], 2); // query 0 finds item 1 at rank 2
 * assertAlmostEquals(m.recall, 0.5, 1e-12);
 * assertAlmostEquals(m.ndcg, 0.5 / Math.log2(3), 1e-12);
 * ```
 */
export function retrievalMetrics(
  ranked: readonly (readonly number[])[],
  relevant: readonly number[],
  k: number,
): { recall: number; ndcg: number } {
  if (ranked.length !== relevant.length || ranked.length === 0) {
    throw new ValueError(
      `ranked has ${ranked.length} lists and relevant ${relevant.length} items; they must match and be > 0.`,
    );
  }
  let hit = 0, dcg = 0;
  ranked.forEach((list, q) => {
    const r = list.slice(0, k).indexOf(relevant[q]);
    if (r >= 0) {
      hit++;
      dcg += 1 / Math.log2(r + 2);
    }
  });
  return { recall: hit / ranked.length, ndcg: dcg / ranked.length };
}
