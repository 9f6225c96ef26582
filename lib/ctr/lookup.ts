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
import { ValueError } from "../core/mod.ts";
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

/**
 * Replaces `lookup` for the tables it returns a tensor for (null: fall back to the gather);
 * `unit` is the width of the rows the ids index (see `lookup`).
 */
export type LookupHook = (weight: tf.Variable, ids: tf.Tensor, unit: number) => tf.Tensor | null;

const KNOWN_IDS = new WeakMap<tf.Tensor, Int32Array>();

/** An int32 id tensor made from JavaScript ids, which a lookup hook can then read without a copy. */
export function idTensor(ids: Int32Array, shape: number[]): tf.Tensor {
  const t = tf.tensor(ids, shape, "int32");
  KNOWN_IDS.set(t, ids);
  return t;
}

/** The JavaScript values of an id tensor (those of `idTensor` without a copy). */
export function idValues(ids: tf.Tensor): Int32Array {
  let js = KNOWN_IDS.get(ids);
  if (!js) {
    const raw = ids.dataSync();
    js = raw instanceof Int32Array ? raw : Int32Array.from(raw as ArrayLike<number>);
    KNOWN_IDS.set(ids, js);
  }
  return js;
}

let hook: LookupHook | null = null;

/** Installs (or with null removes) the lookup hook; returns the previous one. */
export function setLookupHook(h: LookupHook | null): LookupHook | null {
  const prev = hook;
  hook = h;
  return prev;
}

/**
 * A lookup hook that reads `tables` from copies of their values (no gradient): prediction then
 * gathers in JavaScript, not through tfjs-wasm's `GatherV2`. The copies are taken now.
 */
export function tableReader(tables: readonly tf.Variable[]): LookupHook {
  const values = new Map(tables.map((t) => [t, t.dataSync() as Float32Array]));
  return (weight, ids, unit) => {
    const v = values.get(weight);
    if (!v) return null;
    const js = idValues(ids);
    return tf.tensor(gatherRows(v, js, unit, new Float32Array(js.length * unit)), [
      ...ids.shape,
      unit,
    ]);
  };
}

/**
 * The `unit`-wide slices of `values` at `ids`, one after another, into `out` (at least
 * ids.length · unit long); an id outside the table is an error.
 */
export function gatherRows(
  values: Float32Array,
  ids: ArrayLike<number>,
  unit: number,
  out: Float32Array,
): Float32Array {
  const units = values.length / unit;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    if (!(id >= 0 && id < units)) {
      throw new ValueError(`ids must be in [0, ${units}). Got ${id} instead.`);
    }
    const o = i * unit, r = id * unit;
    for (let j = 0; j < unit; j++) out[o + j] = values[r + j];
  }
  return out;
}

/**
 * Rows of `weight` [n, d] at integer `ids` (any shape) → [...ids.shape, d], with lib/deep's
 * scatter-add gradient (tfjs's own gather gradient is O(n × ids) on this backend). With `unit`
 * u (a divisor of d) the table is read as [n · d/u, u]: id i · d/u + s is the s-th u-wide slice
 * of row i (FFM's per-field vectors).
 *
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { lookup, tf } from "../mod.ts";
 *
 * const w = tf.tensor2d([[1, 2], [3, 4], [5, 6]]);
 * assertEquals(lookup(w, tf.tensor2d([[2, 0]], [1, 2], "int32")).arraySync(), [[[5, 6], [1, 2]]]);
 * assertEquals(lookup(w, tf.tensor1d([3], "int32"), 1).arraySync(), [[4]]);
 * ```
 */
export function lookup(weight: tf.Tensor, ids: tf.Tensor, unit?: number): tf.Tensor {
  const d = weight.shape[1] as number, u = unit ?? d;
  if (!(Number.isInteger(u) && u >= 1 && d % u === 0)) {
    throw new ValueError(`unit must divide the table width ${d}. Got ${unit} instead.`);
  }
  if (hook && weight instanceof tf.Variable) {
    const t = hook(weight, ids, u);
    if (t) return t;
  }
  return tf.tidy(() => {
    const table = u === d ? weight : weight.reshape([-1, u]);
    return embeddingLookup(table, ids.toInt().reshape([-1])).reshape([...ids.shape, u]);
  });
}
