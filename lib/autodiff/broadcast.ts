/**
 * Broadcasting for 2-D tensors, numpy's rule restricted to matrices: two shapes are compatible when
 * each dimension is equal or 1 in one of them, and a size-1 dimension is repeated. A (1, k) bias
 * row is added to every row of an (n, k) matrix; an (n, 1) column (a row maximum, a row sum) is
 * applied across every column. The backward pass undoes a repetition by summing over it.
 *
 * @module
 */
import { Matrix, ShapeError } from "../core/mod.ts";

/** The shape of `a op b` under broadcasting, or a ShapeError naming the op and both shapes. */
export function broadcastShape(a: Matrix, b: Matrix, op: string): [number, number] {
  const dim = (x: number, y: number) => (x === y || y === 1 ? x : x === 1 ? y : -1);
  const rows = dim(a.rows, b.rows), cols = dim(a.cols, b.cols);
  if (rows < 0 || cols < 0) {
    throw new ShapeError(
      `${op} cannot broadcast shapes (${a.rows}, ${a.cols}) and (${b.rows}, ${b.cols}): ` +
        `each dimension must be equal or 1.`,
    );
  }
  return [rows, cols];
}

/** out[i, j] = fn(a[i, j], b[i, j]) with size-1 dimensions of either operand repeated. */
export function broadcastZip(
  a: Matrix,
  b: Matrix,
  fn: (x: number, y: number) => number,
  op: string,
): Matrix {
  const [rows, cols] = broadcastShape(a, b, op);
  const out = new Matrix(rows, cols);
  if (a.rows === b.rows && a.cols === b.cols) {
    for (let i = 0; i < out.data.length; i++) out.data[i] = fn(a.data[i], b.data[i]);
    return out;
  }
  // Strides of 0 repeat a size-1 dimension without copying it.
  const ar = a.rows === 1 ? 0 : a.cols, ac = a.cols === 1 ? 0 : 1;
  const br = b.rows === 1 ? 0 : b.cols, bc = b.cols === 1 ? 0 : 1;
  for (let i = 0; i < rows; i++) {
    const o = i * cols, ao = i * ar, bo = i * br;
    for (let j = 0; j < cols; j++) out.data[o + j] = fn(a.data[ao + j * ac], b.data[bo + j * bc]);
  }
  return out;
}

/** Repeats a (1, c), (r, 1) or (1, 1) matrix up to (rows, cols). */
export function expand(m: Matrix, rows: number, cols: number): Matrix {
  return broadcastZip(new Matrix(rows, cols), m, (_, y) => y, "expand");
}

/**
 * Sums `grad` down to (rows, cols): the adjoint of broadcasting. If x of shape (1, k) was
 * repeated over n rows, each copy received a gradient, and ∂L/∂x is their sum over the rows.
 */
export function unbroadcast(grad: Matrix, rows: number, cols: number): Matrix {
  if (grad.rows === rows && grad.cols === cols) return grad;
  if ((rows !== 1 && rows !== grad.rows) || (cols !== 1 && cols !== grad.cols)) {
    throw new ShapeError(
      `Cannot reduce a gradient of shape (${grad.rows}, ${grad.cols}) to (${rows}, ${cols}).`,
    );
  }
  const out = new Matrix(rows, cols);
  for (let i = 0; i < grad.rows; i++) {
    const oi = rows === 1 ? 0 : i;
    for (let j = 0; j < grad.cols; j++) {
      out.data[oi * cols + (cols === 1 ? 0 : j)] += grad.data[i * grad.cols + j];
    }
  }
  return out;
}
