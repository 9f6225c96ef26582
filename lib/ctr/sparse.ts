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
import { gatherRows, idValues, setLookupHook } from "./lookup.ts";

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
  /** Summed gradient of the touched rows (zero elsewhere). */
  readonly #grad: Float32Array;
  readonly #marked: Uint8Array;
  #touched: Int32Array = new Int32Array(1024);
  #count = 0;
  #out = new Float32Array(0);

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
    this.#grad = new Float32Array(n);
    this.#marked = new Uint8Array(this.rows);
    this.anchor = tf.tidy(() => tf.variable(tf.scalar(0), true));
  }

  /** Slices of width `unit` at `ids` as a tensor [...shape, unit]; its gradient is recorded. */
  gather(ids: Int32Array, shape: number[], unit: number): tf.Tensor {
    // one scratch buffer: tfjs copies the values into the backend when the tensor is made
    if (this.#out.length < ids.length * unit) this.#out = new Float32Array(ids.length * unit);
    const out = gatherRows(this.values, ids, unit, this.#out);
    const op = tf.customGrad((anchor) => ({
      value: tf.tensor(out.subarray(0, ids.length * unit), [...shape, unit]),
      gradFunc: (dy) => {
        this.#record(ids, (dy as tf.Tensor).dataSync() as Float32Array, unit);
        return tf.zerosLike(anchor as tf.Tensor);
      },
    })) as (a: tf.Tensor) => tf.Tensor;
    return op(this.anchor);
  }

  /** Adds a lookup's gradient into the table-sized buffer and marks the rows it touched. */
  #record(ids: Int32Array, dy: Float32Array, unit: number): void {
    const g = this.#grad, per = this.width / unit;
    for (let i = 0; i < ids.length; i++) {
      const o = ids[i] * unit, p = i * unit;
      for (let j = 0; j < unit; j++) g[o + j] += dy[p + j];
      const row = per === 1 ? ids[i] : Math.floor(ids[i] / per);
      if (!this.#marked[row]) {
        this.#marked[row] = 1;
        if (this.#count === this.#touched.length) {
          const t = new Int32Array(this.#touched.length * 2);
          t.set(this.#touched);
          this.#touched = t;
        }
        this.#touched[this.#count++] = row;
      }
    }
  }

  /** Updates the touched rows by their summed gradient, then clears it. */
  apply(): void {
    this.#t++;
    const d = this.width, g = this.#grad;
    for (let s = 0; s < this.#count; s++) {
      const row = this.#touched[s];
      this.#update(row * d);
      g.fill(0, row * d, row * d + d);
      this.#marked[row] = 0;
    }
    this.#count = 0;
  }

  #update(at: number): void {
    const w = this.values, a = this.#a!, b = this.#b!, d = this.width, r = this.rule;
    const g = this.#grad, go = at;
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

  /**
   * Builds the mirrors (a copy of each table) and the optimizer state.
   * @param entries each table's variable and update rule
   */
  constructor(entries: readonly { variable: tf.Variable; rule: SparseRule }[]) {
    const eps = tf.backend().epsilon();
    for (const { variable, rule } of entries) {
      this.#tables.set(variable, new SparseTable(variable, rule, eps));
    }
  }

  /** The scalar variables each lookup hangs from: pass them to `tf.variableGrads`. */
  get anchors(): tf.Variable[] {
    return [...this.#tables.values()].map((t) => t.anchor);
  }

  /** Whether `v` is one of the sparse tables. */
  has(v: tf.Variable): boolean {
    return this.#tables.has(v);
  }

  /** Runs f with every `lookup` of these tables served from the mirrors. */
  step<T>(f: () => T): T {
    const prev = setLookupHook((weight, ids, unit) => {
      const t = this.#tables.get(weight);
      return t ? t.gather(idValues(ids), ids.shape, unit) : null;
    });
    try {
      return f();
    } finally {
      setLookupHook(prev);
    }
  }

  /** Updates the rows touched since the last call, table by table. */
  apply(): void {
    for (const t of this.#tables.values()) t.apply();
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
