/**
 * The one internal matrix type: a dense, row-major `Float64Array` with `rows` and `cols`.
 * Public APIs accept friendlier inputs and convert once at the door (see `validation.ts`);
 * inside, algorithms work on `Matrix` and typed vectors. Every binary operation checks shapes.
 *
 * @module
 */
import { ShapeError, ValueError } from "./errors.ts";

/** A vector as algorithms see it. */
export type Vector = Float64Array;

/** The other operand of an elementwise operation: a matrix of the same shape, or a number. */
export type Operand = Matrix | number;

/**
 * Dense row-major matrix over a contiguous `Float64Array`. Entry (i, j) is `data[i * cols + j]`.
 *
 * @example
 * ```ts
 * import { Matrix } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * const A = Matrix.from2D([[1, 2], [3, 4]]);
 * assertEquals(A.get(1, 0), 3);
 * assertEquals(A.matmul(Matrix.eye(2)).toArray(), [[1, 2], [3, 4]]);
 * assertEquals(A.transpose().toArray(), [[1, 3], [2, 4]]);
 * assertEquals(Array.from(A.sum(0)), [4, 6]); // column sums
 * ```
 */
export class Matrix {
  /** Number of rows. */
  readonly rows: number;
  /** Number of columns. */
  readonly cols: number;
  /** The rows · cols entries, row after row. */
  readonly data: Float64Array;

  /**
   * A rows × cols matrix over `data` (zeros when omitted); the shape is checked.
   * @param rows number of rows
   * @param cols number of columns
   * @param data row-major values (length rows * cols); zeros when omitted. Not copied.
   */
  constructor(rows: number, cols: number, data?: Float64Array) {
    if (!Number.isInteger(rows) || rows < 0 || !Number.isInteger(cols) || cols < 0) {
      throw new ValueError(`Matrix shape must be non-negative integers. Got (${rows}, ${cols}).`);
    }
    if (data && data.length !== rows * cols) {
      throw new ShapeError(
        `Matrix data must have rows * cols = ${rows * cols} values. Got ${data.length}.`,
      );
    }
    this.rows = rows;
    this.cols = cols;
    this.data = data ?? new Float64Array(rows * cols);
  }

  /** A rows × cols matrix of zeros. */
  static zeros(rows: number, cols: number): Matrix {
    return new Matrix(rows, cols);
  }

  /** A rows × cols matrix with every entry `value`. */
  static full(rows: number, cols: number, value: number): Matrix {
    return new Matrix(rows, cols, new Float64Array(rows * cols).fill(value));
  }

  /** A rows × cols matrix of ones. */
  static ones(rows: number, cols: number): Matrix {
    return Matrix.full(rows, cols, 1);
  }

  /** The n × n identity matrix. */
  static eye(n: number): Matrix {
    const m = new Matrix(n, n);
    for (let i = 0; i < n; i++) m.data[i * n + i] = 1;
    return m;
  }

  /** Builds from nested arrays, which must be rectangular (use `toMatrix` for checked user input). */
  static from2D(values: ArrayLike<ArrayLike<number>>): Matrix {
    const rows = values.length;
    const cols = rows ? values[0].length : 0;
    const m = new Matrix(rows, cols);
    for (let i = 0; i < rows; i++) {
      if (values[i].length !== cols) {
        throw new ShapeError(
          `Matrix rows must all have ${cols} values. Row ${i} has ${values[i].length}.`,
        );
      }
      m.data.set(values[i], i * cols);
    }
    return m;
  }

  /** An (n, 1) column matrix sharing nothing with `values`. */
  static column(values: ArrayLike<number>): Matrix {
    return new Matrix(values.length, 1, Float64Array.from(values));
  }

  /** A (1, n) row matrix. */
  static row(values: ArrayLike<number>): Matrix {
    return new Matrix(1, values.length, Float64Array.from(values));
  }

  /** [rows, cols]. */
  get shape(): [number, number] {
    return [this.rows, this.cols];
  }

  /** Entry (i, j), unchecked (out-of-range indices read undefined). */
  get(i: number, j: number): number {
    return this.data[i * this.cols + j];
  }

  /** Sets entry (i, j) in place, unchecked. */
  set(i: number, j: number, value: number): void {
    this.data[i * this.cols + j] = value;
  }

  /** Row i as a view (writes go through to the matrix). */
  row(i: number): Vector {
    return this.data.subarray(i * this.cols, (i + 1) * this.cols);
  }

  /** Column j as a copy. */
  col(j: number): Vector {
    const out = new Float64Array(this.rows);
    for (let i = 0; i < this.rows; i++) out[i] = this.data[i * this.cols + j];
    return out;
  }

  /** A copy with its own data. */
  clone(): Matrix {
    return new Matrix(this.rows, this.cols, this.data.slice());
  }

  /** The rows as nested plain arrays (for printing, JSON and tests). */
  toArray(): number[][] {
    return Array.from({ length: this.rows }, (_, i) => Array.from(this.row(i)));
  }

  /** Aᵀ, a new (cols × rows) matrix. */
  transpose(): Matrix {
    const { rows, cols, data } = this;
    const out = new Matrix(cols, rows);
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) out.data[j * rows + i] = data[i * cols + j];
    }
    return out;
  }

  /** Matrix product `this @ other`; (n, k) @ (k, m) -> (n, m). */
  matmul(other: Matrix): Matrix {
    if (this.cols !== other.rows) {
      throw new ShapeError(
        `matmul needs (n, k) @ (k, m). Got (${this.rows}, ${this.cols}) @ (${other.rows}, ${other.cols}).`,
      );
    }
    const n = this.rows, k = this.cols, m = other.cols;
    const a = this.data, b = other.data;
    const out = new Float64Array(n * m);
    // i-p-j order walks both operands row-wise, which is what a row-major layout rewards.
    for (let i = 0; i < n; i++) {
      const o = i * m;
      for (let p = 0; p < k; p++) {
        const aip = a[i * k + p];
        if (aip === 0) continue;
        const r = p * m;
        for (let j = 0; j < m; j++) out[o + j] += aip * b[r + j];
      }
    }
    return new Matrix(n, m, out);
  }

  /** Matrix-vector product `this @ v`; (n, k) @ (k,) -> (n,). */
  matvec(v: ArrayLike<number>): Vector {
    if (this.cols !== v.length) {
      throw new ShapeError(
        `matvec needs a vector of length ${this.cols} for a (${this.rows}, ${this.cols}) matrix. Got ${v.length}.`,
      );
    }
    const out = new Float64Array(this.rows);
    for (let i = 0; i < this.rows; i++) {
      let s = 0;
      const o = i * this.cols;
      for (let j = 0; j < this.cols; j++) s += this.data[o + j] * v[j];
      out[i] = s;
    }
    return out;
  }

  /** Elementwise sum with a same-shape matrix, or adding a number. */
  add(other: Operand): Matrix {
    return this.zip(other, "add", (a, b) => a + b);
  }

  /** Elementwise difference with a same-shape matrix, or subtracting a number. */
  sub(other: Operand): Matrix {
    return this.zip(other, "sub", (a, b) => a - b);
  }

  /** Elementwise (Hadamard) product, or scaling by a number. */
  mul(other: Operand): Matrix {
    return this.zip(other, "mul", (a, b) => a * b);
  }

  /** Elementwise quotient by a same-shape matrix, or dividing by a number. */
  div(other: Operand): Matrix {
    return this.zip(other, "div", (a, b) => a / b);
  }

  /** A new matrix of `fn(value, i, j)` for every entry. */
  map(fn: (value: number, i: number, j: number) => number): Matrix {
    const out = new Matrix(this.rows, this.cols);
    for (let i = 0; i < this.rows; i++) {
      for (let j = 0; j < this.cols; j++) {
        out.data[i * this.cols + j] = fn(this.data[i * this.cols + j], i, j);
      }
    }
    return out;
  }

  /** Applies `fn(value, v[j])` with a length-`cols` vector broadcast over every row (biases, centring). */
  broadcastRow(v: ArrayLike<number>, fn: (a: number, b: number) => number): Matrix {
    if (v.length !== this.cols) {
      throw new ShapeError(
        `Row broadcast needs a vector of length ${this.cols}. Got ${v.length}.`,
      );
    }
    const out = new Matrix(this.rows, this.cols);
    for (let i = 0; i < this.rows; i++) {
      const o = i * this.cols;
      for (let j = 0; j < this.cols; j++) out.data[o + j] = fn(this.data[o + j], v[j]);
    }
    return out;
  }

  /** Sum of all entries, or per column (axis 0, length `cols`) or per row (axis 1, length `rows`). */
  sum(): number;
  /** Per column (axis 0, length `cols`) or per row (axis 1, length `rows`). */
  sum(axis: 0 | 1): Vector;
  sum(axis?: 0 | 1): number | Vector {
    if (axis === undefined) {
      let s = 0;
      for (let i = 0; i < this.data.length; i++) s += this.data[i];
      return s;
    }
    const out = new Float64Array(axis === 0 ? this.cols : this.rows);
    for (let i = 0; i < this.rows; i++) {
      for (let j = 0; j < this.cols; j++) out[axis === 0 ? j : i] += this.data[i * this.cols + j];
    }
    return out;
  }

  /** Mean of all entries, or per column (axis 0) or per row (axis 1). */
  mean(): number;
  /** Per column (axis 0) or per row (axis 1). */
  mean(axis: 0 | 1): Vector;
  mean(axis?: 0 | 1): number | Vector {
    if (axis === undefined) return this.sum() / this.data.length;
    const n = axis === 0 ? this.rows : this.cols;
    return this.sum(axis).map((s) => s / n);
  }

  /** The rows at `indices`, in that order (minibatches, splits, bootstrap samples). */
  selectRows(indices: ArrayLike<number>): Matrix {
    const out = new Matrix(indices.length, this.cols);
    for (let r = 0; r < indices.length; r++) {
      const i = indices[r];
      if (!(i >= 0 && i < this.rows)) {
        throw new ShapeError(`Row index ${i} is out of range for ${this.rows} rows.`);
      }
      out.data.set(this.row(i), r * this.cols);
    }
    return out;
  }

  /** The columns at `indices`, in that order. */
  selectCols(indices: ArrayLike<number>): Matrix {
    const out = new Matrix(this.rows, indices.length);
    for (let i = 0; i < this.rows; i++) {
      for (let c = 0; c < indices.length; c++) {
        out.data[i * indices.length + c] = this.data[i * this.cols + indices[c]];
      }
    }
    return out;
  }

  /** `[this | other]`: columns side by side (same number of rows). */
  hstack(other: Matrix): Matrix {
    if (other.rows !== this.rows) {
      throw new ShapeError(`hstack needs equal row counts. Got ${this.rows} and ${other.rows}.`);
    }
    const cols = this.cols + other.cols;
    const out = new Matrix(this.rows, cols);
    for (let i = 0; i < this.rows; i++) {
      out.data.set(this.row(i), i * cols);
      out.data.set(other.row(i), i * cols + this.cols);
    }
    return out;
  }

  /** Frobenius norm, the square root of the sum of squares. */
  norm(): number {
    let s = 0;
    for (let i = 0; i < this.data.length; i++) s += this.data[i] * this.data[i];
    return Math.sqrt(s);
  }

  /** `Matrix(rows, cols) [[…], …]`. */
  toString(): string {
    return `Matrix(${this.rows}, ${this.cols}) ${JSON.stringify(this.toArray())}`;
  }

  /** Elementwise `fn` with a same-shape matrix (checked, `op` names it) or a number. */
  private zip(other: Operand, op: string, fn: (a: number, b: number) => number): Matrix {
    const out = new Matrix(this.rows, this.cols);
    if (typeof other === "number") {
      for (let i = 0; i < this.data.length; i++) out.data[i] = fn(this.data[i], other);
      return out;
    }
    if (other.rows !== this.rows || other.cols !== this.cols) {
      throw new ShapeError(
        `${op} needs equal shapes. Got (${this.rows}, ${this.cols}) and (${other.rows}, ${other.cols}).`,
      );
    }
    for (let i = 0; i < this.data.length; i++) out.data[i] = fn(this.data[i], other.data[i]);
    return out;
  }
}

/** Dot product of two equal-length vectors. */
export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) {
    throw new ShapeError(`dot needs equal lengths. Got ${a.length} and ${b.length}.`);
  }
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}
