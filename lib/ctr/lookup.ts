/**
 * Embedding-table lookups of the CTR models, and the hook through which training replaces them.
 *
 * Every table (`tableParameter`) is read by `lookup(weight, ids)`. Outside training that is a
 * gather with lib/deep's scatter-add gradient. During `CTRClassifier.fit` a `SparseTables` step
 * installs a hook (`setLookupHook`): the rows are copied from a JavaScript mirror of the table and
 * their gradient comes back to JavaScript, so only the rows a batch touches are read and updated
 * (on tfjs-backend-wasm 4.22, `GatherV2` and `ScatterNd` over the whole table, and a dense
 * optimizer step over every row, cost more than the rest of a DeepFM step).
 *
 * @module
 */
import { type Initializer, ModuleParameter, tf } from "../deep/mod.ts";
import { embeddingLookup } from "../deep/layers.ts";

const TABLES = new WeakSet<ModuleParameter>();

/**
 * A ModuleParameter [numIds, width] read only through `lookup`: training may update it sparsely.
 */
export function tableParameter(shape: [number, number], init: Initializer): ModuleParameter {
  const p = new ModuleParameter(shape, init);
  TABLES.add(p);
  return p;
}

/** Whether a parameter was made by `tableParameter`. */
export function isTable(p: ModuleParameter): boolean {
  return TABLES.has(p);
}

/** Replaces `lookup` for the tables it returns a tensor for (null: fall back to the gather). */
export type LookupHook = (weight: tf.Variable, ids: tf.Tensor) => tf.Tensor | null;

let hook: LookupHook | null = null;

/** Installs (or with null removes) the lookup hook; returns the previous one. */
export function setLookupHook(h: LookupHook | null): LookupHook | null {
  const prev = hook;
  hook = h;
  return prev;
}

/**
 * Rows of `weight` [n, d] at integer `ids` (any shape) → [...ids.shape, d], with lib/deep's
 * scatter-add gradient (tfjs's own gather gradient is O(n × ids) on this backend).
 *
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { lookup, tf } from "../mod.ts";
 *
 * const w = tf.tensor2d([[1, 2], [3, 4], [5, 6]]);
 * assertEquals(lookup(w, tf.tensor2d([[2, 0]], [1, 2], "int32")).arraySync(), [[[5, 6], [1, 2]]]);
 * ```
 */
export function lookup(weight: tf.Tensor, ids: tf.Tensor): tf.Tensor {
  if (hook && weight instanceof tf.Variable) {
    const t = hook(weight, ids);
    if (t) return t;
  }
  return tf.tidy(() =>
    embeddingLookup(weight, ids.toInt().reshape([-1])).reshape([
      ...ids.shape,
      weight.shape[1] as number,
    ])
  );
}
