/**
 * Sparse (lazy) training of embedding tables: during a step, `lookup` copies the rows a batch
 * needs from a JavaScript mirror of each table, their gradient comes back to JavaScript, the
 * gradients of repeated ids are summed, and the optimizer updates only those rows — as PyTorch's
 * `sparse=True` embeddings with `SparseAdam`, or TensorFlow's LazyAdam, do. The tf.Variable is
 * written back by `sync()` (before any prediction).
 *
 * Per rule, for a touched row with summed gradient g (t = step count):
 * - sgd: w ← w − η g;
 * - adagrad (tfjs's form, accumulator from 0.1): a ← a + g²; w ← w − η g / √(a + ε);
 * - ftrl: FTRL-Proximal per coordinate (see `FtrlProximal`);
 * - adam (tfjs's form): m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²;
 *   w ← w − η (m / (1−β₁ᵗ)) / (√(v / (1−β₂ᵗ)) + ε).
 *
 * For sgd, adagrad and ftrl a zero gradient leaves a coordinate unchanged, so updating only the
 * touched rows is exactly the dense update. For Adam it is not: dense Adam keeps moving untouched
 * rows by their decaying momentum; lazy Adam leaves them until their id appears again (with
 * the global t in the bias correction). When every row is touched every step, both are equal.
 *
 * @module
 */
import { ValueError } from "../core/mod.ts";
import { tf } from "../deep/mod.ts";
import { setLookupHook } from "./lookup.ts";

/** How a sparse table is updated. */
export type SparseRule =
  | { kind: "sgd"; learningRate: number }
  | { kind: "adagrad"; learningRate: number; initialAccumulator?: number }
  | { kind: "adam"; learningRate: number; beta1?: number; beta2?: number }
  | { kind: "ftrl"; alpha: number; beta: number; l1: number; l2: number };

/** One table: its mirror, its optimizer state and the gradients recorded in the current step. */
class SparseTable {
  readonly rows: number;
  readonly width: number;
  readonly values: Float32Array;
  readonly #a: Float32Array | null; // adam m, adagrad accumulator, ftrl z
  readonly #b: Float32Array | null; // adam v, ftrl n
  #t = 0;
  readonly anchor: tf.Variable;
  ids: Int32Array[] = [];
  grads: Float32Array[] = [];

  constructor(readonly variable: tf.Variable, readonly rule: SparseRule, readonly eps: number) {
    if (variable.rank !== 2) {
      throw new ValueError(`A sparse table must be 2-D. Got shape [${variable.shape}] instead.`);
    }
    [this.rows, this.width] = variable.shape as [number, number];
    this.values = Float32Array.from(variable.dataSync() as Float32Array);
    const n = this.values.length;
    const k = rule.kind;
    this.#a = k === "sgd" ? null : new Float32Array(n);
    if (k === "adagrad") this.#a!.fill(rule.initialAccumulator ?? 0.1);
    this.#b = k === "adam" || k === "ftrl" ? new Float32Array(n) : null;
    this.anchor = tf.tidy(() => tf.variable(tf.scalar(0), true));
  }

  /** Rows at `ids` as a tensor [...shape, width] whose gradient is recorded here. */
  gather(ids: Int32Array, shape: number[]): tf.Tensor {
    const d = this.width, v = this.values, out = new Float32Array(ids.length * d);
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      if (!(id >= 0 && id < this.rows)) {
        throw new ValueError(`ids must be in [0, ${this.rows}). Got ${id} instead.`);
      }
      const o = i * d, r = id * d;
      for (let j = 0; j < d; j++) out[o + j] = v[r + j];
    }
    const record = (dy: tf.Tensor) => {
      this.ids.push(ids);
      this.grads.push(dy.dataSync() as Float32Array);
    };
    const op = tf.customGrad((anchor) => ({
      value: tf.tensor(out, [...shape, d]),
      gradFunc: (dy) => {
        record(dy as tf.Tensor);
        return tf.zerosLike(anchor as tf.Tensor);
      },
    })) as (a: tf.Tensor) => tf.Tensor;
    return op(this.anchor);
  }

  /** Sums the recorded gradients per row and updates those rows; clears the record. */
  apply(slot: Int32Array, scratch: { touched: Int32Array; g: Float32Array }): void {
    this.#t++;
    const d = this.width;
    let total = 0;
    for (const ids of this.ids) total += ids.length;
    if (scratch.touched.length < total) scratch.touched = new Int32Array(total);
    if (scratch.g.length < total * d) scratch.g = new Float32Array(total * d);
    const touched = scratch.touched, g = scratch.g;
    let u = 0;
    for (let k = 0; k < this.ids.length; k++) {
      const ids = this.ids[k], dy = this.grads[k];
      for (let i = 0; i < ids.length; i++) {
        let s = slot[ids[i]];
        if (s < 0) {
          s = slot[ids[i]] = u;
          touched[u++] = ids[i];
          for (let j = 0; j < d; j++) g[s * d + j] = 0;
        }
        const o = s * d, p = i * d;
        for (let j = 0; j < d; j++) g[o + j] += dy[p + j];
      }
    }
    for (let s = 0; s < u; s++) {
      this.#update(touched[s] * d, g, s * d);
      slot[touched[s]] = -1;
    }
    this.ids = [];
    this.grads = [];
  }

  #update(at: number, g: Float32Array, go: number): void {
    const w = this.values, a = this.#a!, b = this.#b!, d = this.width, r = this.rule;
    switch (r.kind) {
      case "sgd":
        for (let j = 0; j < d; j++) w[at + j] -= r.learningRate * g[go + j];
        return;
      case "adagrad":
        for (let j = 0; j < d; j++) {
          const gj = g[go + j];
          a[at + j] += gj * gj;
          w[at + j] -= r.learningRate * gj / Math.sqrt(a[at + j] + this.eps);
        }
        return;
      case "adam": {
        const b1 = r.beta1 ?? 0.9, b2 = r.beta2 ?? 0.999;
        const c1 = 1 - b1 ** this.#t, c2 = 1 - b2 ** this.#t;
        for (let j = 0; j < d; j++) {
          const gj = g[go + j];
          a[at + j] = b1 * a[at + j] + (1 - b1) * gj;
          b[at + j] = b2 * b[at + j] + (1 - b2) * gj * gj;
          w[at + j] -= r.learningRate * (a[at + j] / c1) / (Math.sqrt(b[at + j] / c2) + this.eps);
        }
        return;
      }
      case "ftrl":
        for (let j = 0; j < d; j++) {
          const gj = g[go + j], n = b[at + j], nNew = n + gj * gj;
          const sigma = (Math.sqrt(nNew) - Math.sqrt(n)) / r.alpha;
          const z = a[at + j] = a[at + j] + gj - sigma * w[at + j];
          b[at + j] = nNew;
          w[at + j] = Math.abs(z) <= r.l1
            ? 0
            : -(z - Math.sign(z) * r.l1) / ((r.beta + Math.sqrt(nNew)) / r.alpha + r.l2);
        }
        return;
    }
  }

  sync(): void {
    tf.tidy(() => this.variable.assign(tf.tensor(this.values, this.variable.shape)));
  }

  dispose(): void {
    this.anchor.dispose();
  }
}

/**
 * The sparse tables of one `fit`: `step(f)` runs f with `lookup` served from the mirrors,
 * `apply()` updates the touched rows, `sync()` writes the mirrors into the variables.
 *
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { lookup, SparseTables, tf } from "../mod.ts";
 *
 * const w = tf.variable(tf.tensor2d([[1, 1], [2, 2], [3, 3]]));
 * const tables = new SparseTables([{ variable: w, rule: { kind: "sgd", learningRate: 0.5 } }]);
 * const ids = tf.tensor1d([2, 2], "int32");
 * const { grads } = tables.step(() => tf.variableGrads(() => lookup(w, ids).sum(), tables.anchors));
 * tf.dispose(grads);
 * tables.apply(); // row 2 had gradient 1 twice: 3 − 0.5 · 2 = 2
 * tables.sync();
 * assertEquals(w.arraySync(), [[1, 1], [2, 2], [2, 2]]);
 * tables.dispose();
 * ```
 */
export class SparseTables {
  readonly #tables = new Map<tf.Variable, SparseTable>();
  readonly #slot: Int32Array;
  readonly #scratch = { touched: new Int32Array(0), g: new Float32Array(0) };
  readonly #idsOf = new WeakMap<tf.Tensor, Int32Array>();

  /**
   * Builds the mirrors (a copy of each table) and the optimizer state.
   * @param entries each table's variable and update rule
   */
  constructor(entries: readonly { variable: tf.Variable; rule: SparseRule }[]) {
    const eps = tf.backend().epsilon();
    let maxRows = 0;
    for (const { variable, rule } of entries) {
      const t = new SparseTable(variable, rule, eps);
      this.#tables.set(variable, t);
      maxRows = Math.max(maxRows, t.rows);
    }
    this.#slot = new Int32Array(maxRows).fill(-1);
  }

  /** The scalar variables each lookup hangs from: pass them to `tf.variableGrads`. */
  get anchors(): tf.Variable[] {
    return [...this.#tables.values()].map((t) => t.anchor);
  }

  /** Whether `v` is one of the sparse tables. */
  has(v: tf.Variable): boolean {
    return this.#tables.has(v);
  }

  /** Lets `lookup` read the JavaScript ids of a tensor without a copy out of tfjs. */
  knowIds(t: tf.Tensor, ids: Int32Array): void {
    this.#idsOf.set(t, ids);
  }

  /** Runs f with every `lookup` of these tables served from the mirrors. */
  step<T>(f: () => T): T {
    const prev = setLookupHook((weight, ids) => {
      const t = this.#tables.get(weight);
      if (!t) return null;
      let js = this.#idsOf.get(ids);
      if (!js) {
        const raw = ids.dataSync();
        js = raw instanceof Int32Array ? raw : Int32Array.from(raw as ArrayLike<number>);
        this.#idsOf.set(ids, js);
      }
      return t.gather(js, ids.shape);
    });
    try {
      return f();
    } finally {
      setLookupHook(prev);
    }
  }

  /** Updates the rows touched since the last call, table by table. */
  apply(): void {
    for (const t of this.#tables.values()) t.apply(this.#slot, this.#scratch);
  }

  /** Writes the mirrors into the tables' variables. */
  sync(): void {
    for (const t of this.#tables.values()) t.sync();
  }

  /** Frees the anchors. */
  dispose(): void {
    for (const t of this.#tables.values()) t.dispose();
    this.#tables.clear();
  }
}
