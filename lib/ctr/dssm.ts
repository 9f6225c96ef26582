/**
 * DSSM two towers for retrieval (the notes' 双塔): a user tower and an item tower (embeddings +
 * MLP) map each side to a unit vector; the score is the cosine divided by a temperature τ, trained
 * by a sampled softmax whose negatives are the other items of the batch. Retrieval is a
 * nearest-item search over the item vectors, evaluated by recall@k and NDCG@k.
 *
 * @module
 */
import { Matrix, Random, ValueError } from "../core/mod.ts";
import { Linear, matMul2d, Module, tf, tokenCrossEntropy, trainStep } from "../deep/mod.ts";
import type { InteractionPairs } from "./interactions.ts";
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
  /** Fields per input row. */
  readonly fields: number;
  /**
   * Builds the tower.
   * @param options sizes
   */
  constructor(options: TowerOptions) {
    super();
    this.fields = options.fields;
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
  /**
   * The in-batch sampled-softmax loss (cross-entropy with the diagonal as targets). With
   * `logQ` ([B], log of each batch item's sampling probability) the logits become
   * cos/τ − log q_j, the correction of Yi et al. 2019: popular items are negatives more often
   * than their share of the softmax, and without it they are pushed down too far.
   */
  loss(userIds: tf.Tensor, itemIds: tf.Tensor, logQ?: tf.Tensor): tf.Scalar {
    return tf.tidy(() => {
      let logits = this.forward(userIds, itemIds);
      const B = logits.shape[0] as number;
      if (logQ) logits = logits.sub(logQ.reshape([1, B]));
      return tokenCrossEntropy(logits, tf.range(0, B, 1, "int32"));
    });
  }
}

/**
 * The k nearest items of each query by inner product (cosine for unit vectors): queries [Q, d],
 * items [N, d] → indices [Q][k], best first. Tensors or Matrices (e.g. from {@link towerVectors}).
 */
export function nearestItems(
  queries: tf.Tensor | Matrix,
  items: tf.Tensor | Matrix,
  k: number,
): number[][] {
  const asTensor = (m: tf.Tensor | Matrix) =>
    (m instanceof Matrix
      ? tf.tensor2d(Float32Array.from(m.data), [m.rows, m.cols])
      : m) as tf.Tensor2D;
  return tf.tidy(() => {
    const s = tf.matMul(asTensor(queries), asTensor(items), false, true);
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

/**
 * The unit vectors of a tower for every row of a feature table (row-major, `tower.fields` ids
 * per row), as a Matrix [rows, outDim]; computed in chunks, no tensor left behind.
 */
export function towerVectors(tower: Tower, features: Int32Array, chunk = 1024): Matrix {
  const F = tower.fields;
  if (features.length % F !== 0) {
    throw new ValueError(
      `features has ${features.length} ids, not a multiple of the tower's ${F} fields.`,
    );
  }
  const rows = features.length / F;
  let out: Matrix | null = null;
  for (let s = 0; s < rows; s += chunk) {
    const m = Math.min(chunk, rows - s);
    const v = tf.tidy(() =>
      tower.forward(tf.tensor2d(features.subarray(s * F, (s + m) * F), [m, F], "int32"))
    );
    const d = v.shape[1] as number, data = v.dataSync();
    v.dispose();
    out ??= new Matrix(rows, d);
    for (let i = 0; i < m * d; i++) out.data[s * d + i] = data[i];
  }
  return out ?? new Matrix(0, 0);
}

/** What {@link trainDSSM} trains on (an `Interactions` from `makeInteractions` fits). */
export interface DSSMTrainData {
  /** User feature rows, [users, user fields] row-major. */
  userFeatures: Int32Array;
  /** Item feature rows, [items, item fields] row-major. */
  itemFeatures: Int32Array;
  /** The positive (user, item) pairs. */
  train: InteractionPairs;
}

/** One epoch of {@link trainDSSM}. */
export interface DSSMEpochRecord {
  /** 1-based epoch. */
  epoch: number;
  /** Mean in-batch softmax loss over the epoch's batches. */
  loss: number;
  /** Wall time of the epoch. */
  seconds: number;
}

/** Options of {@link trainDSSM}. */
export interface DSSMTrainOptions {
  /** Passes over the pairs. @default 5 */
  epochs?: number;
  /** Pairs per batch: each positive has batchSize − 1 in-batch negatives. @default 256 */
  batchSize?: number;
  /** Adam's learning rate. @default 0.005 */
  learningRate?: number;
  /** Seed of the shuffling. @default 0 */
  seed?: number;
  /** Subtract log q_j (q_j = item j's share of the training pairs) from the logits. @default false */
  logQCorrection?: boolean;
  /** Called after every epoch (curves, early looks at recall). */
  onEpoch?: (record: DSSMEpochRecord) => void;
}

/**
 * Trains both towers with Adam on the in-batch sampled softmax: each batch of positive pairs is
 * shuffled from `data.train`, and every other item of the batch is a negative for a user.
 * Returns the per-epoch records.
 */
export function trainDSSM(
  model: DSSM,
  data: DSSMTrainData,
  options: DSSMTrainOptions = {},
): DSSMEpochRecord[] {
  const { epochs = 5, batchSize = 256, learningRate = 0.005, onEpoch } = options;
  if (!Number.isInteger(batchSize) || batchSize < 2) {
    throw new ValueError(
      `batchSize must be an integer >= 2 (negatives come from the batch). Got ${batchSize} instead.`,
    );
  }
  const { user, item } = data.train;
  if (user.length !== item.length || user.length === 0) {
    throw new ValueError(
      `train.user has ${user.length} entries and train.item ${item.length}; they must match and be > 0.`,
    );
  }
  const Fu = model.user.fields, Fi = model.item.fields;
  // q_j: how often item j is drawn into a batch, i.e. its share of the pairs
  const logQ = new Float32Array(data.itemFeatures.length / Fi);
  for (const j of item) logQ[j]++;
  for (let j = 0; j < logQ.length; j++) logQ[j] = Math.log(logQ[j] / item.length);
  const qb = new Float32Array(batchSize);
  const rng = new Random(options.seed ?? 0), opt = tf.train.adam(learningRate);
  const ub = new Int32Array(batchSize * Fu), ib = new Int32Array(batchSize * Fi);
  const history: DSSMEpochRecord[] = [];
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const t0 = performance.now(), order = rng.permutation(user.length);
    let sum = 0, steps = 0;
    for (let s = 0; s < order.length; s += batchSize) {
      const m = Math.min(batchSize, order.length - s);
      if (m < 2) break; // a lone pair has no negative
      for (let r = 0; r < m; r++) {
        const p = order[s + r];
        ub.set(data.userFeatures.subarray(user[p] * Fu, user[p] * Fu + Fu), r * Fu);
        ib.set(data.itemFeatures.subarray(item[p] * Fi, item[p] * Fi + Fi), r * Fi);
        qb[r] = logQ[item[p]];
      }
      sum += trainStep(model, opt, () =>
        model.loss(
          tf.tensor2d(ub.subarray(0, m * Fu), [m, Fu], "int32"),
          tf.tensor2d(ib.subarray(0, m * Fi), [m, Fi], "int32"),
          options.logQCorrection ? tf.tensor1d(qb.subarray(0, m)) : undefined,
        ));
      steps++;
    }
    const record = { epoch, loss: sum / steps, seconds: (performance.now() - t0) / 1000 };
    history.push(record);
    onEpoch?.(record);
  }
  opt.dispose();
  return history;
}

/**
 * The 0-based rank of each query's relevant item among all items by score ⟨q, v⟩ (ties go to
 * the lower item index), leaving out each query's `exclude` items (the ones it was trained on).
 * One rank per query gives recall@k and NDCG@k for every k at once ({@link retrievalCurve}).
 */
export function relevantRanks(
  queries: Matrix,
  items: Matrix,
  relevant: ArrayLike<number>,
  exclude?: readonly ArrayLike<number>[],
): Int32Array {
  if (queries.cols !== items.cols || relevant.length !== queries.rows) {
    throw new ValueError(
      `queries [${queries.rows}, ${queries.cols}], items [${items.rows}, ${items.cols}] and ${relevant.length} relevant items do not match.`,
    );
  }
  const d = items.cols, N = items.rows, ranks = new Int32Array(queries.rows);
  const scores = new Float64Array(N), skip = new Uint8Array(N);
  for (let q = 0; q < queries.rows; q++) {
    const target = relevant[q];
    if (!(target >= 0 && target < N)) {
      throw new ValueError(
        `relevant[${q}] must be an item index in [0, ${N}). Got ${target} instead.`,
      );
    }
    for (let j = 0; j < N; j++) {
      let s = 0;
      for (let c = 0; c < d; c++) s += queries.data[q * d + c] * items.data[j * d + c];
      scores[j] = s;
    }
    skip.fill(0);
    for (const j of Array.from(exclude?.[q] ?? [])) if (j !== target) skip[j] = 1;
    let r = 0;
    for (let j = 0; j < N; j++) {
      if (j === target || skip[j]) continue;
      if (scores[j] > scores[target] || (scores[j] === scores[target] && j < target)) r++;
    }
    ranks[q] = r;
  }
  return ranks;
}

/** recall@k and NDCG@k for one k. */
export interface RetrievalPoint {
  /** Cut-off. */
  k: number;
  /** Share of queries whose relevant item ranks in the top k. */
  recall: number;
  /** Mean 1/log₂(rank + 2) over queries, 0 outside the top k (one relevant item: IDCG = 1). */
  ndcg: number;
}

/**
 * recall@k and NDCG@k for each k from the 0-based ranks of the relevant items.
 *
 * @example
 * ```ts
 * import { assertAlmostEquals } from "@std/assert";
 * import { retrievalCurve } from "../mod.ts";
 *
 * const [at1, at2] = retrievalCurve([0, 1, 5], [1, 2]);
 * assertAlmostEquals(at1.recall, 1 / 3, 1e-12);
 * assertAlmostEquals(at2.ndcg, (1 + 1 / Math.log2(3)) / 3, 1e-12);
 * ```
 */
export function retrievalCurve(ranks: ArrayLike<number>, ks: readonly number[]): RetrievalPoint[] {
  if (ranks.length === 0) throw new ValueError("ranks is empty: no queries to evaluate.");
  return ks.map((k) => {
    let hit = 0, dcg = 0;
    for (let q = 0; q < ranks.length; q++) {
      if (ranks[q] < k) {
        hit++;
        dcg += 1 / Math.log2(ranks[q] + 2);
      }
    }
    return { k, recall: hit / ranks.length, ndcg: dcg / ranks.length };
  });
}

/**
 * The expected recall@k and NDCG@k of a random ranking, where query q ranks `candidates[q]`
 * items: the relevant item's rank is uniform on 0..C−1.
 */
export function chanceCurve(
  candidates: ArrayLike<number>,
  ks: readonly number[],
): RetrievalPoint[] {
  if (candidates.length === 0) throw new ValueError("candidates is empty: no queries to evaluate.");
  return ks.map((k) => {
    let recall = 0, ndcg = 0;
    for (let q = 0; q < candidates.length; q++) {
      const C = candidates[q], top = Math.min(k, C);
      recall += top / C;
      for (let r = 0; r < top; r++) ndcg += 1 / (C * Math.log2(r + 2));
    }
    return { k, recall: recall / candidates.length, ndcg: ndcg / candidates.length };
  });
}
