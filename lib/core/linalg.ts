/**
 * Dense decompositions, delegated to ml-matrix (we do not hand-write LAPACK) and returned as
 * our own `Matrix`/`Vector` types, so algorithms never see ml-matrix directly.
 *
 * @module
 */
import {
  type AbstractMatrix,
  CholeskyDecomposition,
  EigenvalueDecomposition,
  Matrix as MlMatrix,
  QrDecomposition,
  SingularValueDecomposition,
  WrapperMatrix1D,
} from "npm:ml-matrix@6.15.1";
import { ShapeError, ValueError } from "./errors.ts";
import { Matrix, type Vector } from "./matrix.ts";

/**
 * A zero-copy ml-matrix view of our row-major `Float64Array`. The decompositions and `solve`s
 * used here only read their inputs (each first clones or transposes it into its own storage),
 * so the view never lets ml-matrix write into our data.
 */
class MlView extends WrapperMatrix1D {
  /**
   * ml-matrix's `clone()` calls `this.constructor.copy`, whose default walks a generator of
   * [row, column, value] triples (one array per entry); this copies with plain loops instead.
   */
  static override copy<M extends AbstractMatrix>(from: AbstractMatrix, to: M): M {
    const rows = from.rows, cols = from.columns;
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) to.set(i, j, from.get(i, j));
    }
    return to;
  }
}

function toMl(a: Matrix): AbstractMatrix {
  // WrapperMatrix1D infers the column count from rows, so it cannot describe 0 rows.
  return a.rows === 0 ? new MlMatrix(0, a.cols) : new MlView(a.data, { rows: a.rows });
}

/**
 * A right-hand side for ml-matrix's `solve` methods. At run time they take any AbstractMatrix
 * (through `Matrix.checkMatrix`) and only read it; their type declarations ask for a Matrix.
 */
function rhsMl(b: Matrix): MlMatrix {
  return toMl(b) as MlMatrix;
}

function fromMl(m: AbstractMatrix): Matrix {
  const rows = m.rows, cols = m.columns;
  const out = new Matrix(rows, cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) out.data[i * cols + j] = m.get(i, j);
  }
  return out;
}

function requireSquare(a: Matrix, what: string): void {
  if (a.rows !== a.cols) {
    throw new ShapeError(`${what} needs a square matrix. Got (${a.rows}, ${a.cols}).`);
  }
}

/** Solves the square system A X = B. */
export function solve(a: Matrix, b: Matrix): Matrix {
  requireSquare(a, "solve");
  if (b.rows !== a.rows) {
    throw new ShapeError(`solve needs B with ${a.rows} rows. Got ${b.rows}.`);
  }
  const qr = new QrDecomposition(toMl(a));
  if (!hasFullRank(qr, a)) throw new ValueError("solve: the matrix A is singular.");
  return fromMl(qr.solve(rhsMl(b)));
}

/**
 * Least squares: argmin_x ||A x - b||². Householder QR when A has full column rank (the stable
 * route); otherwise the minimum-norm solution through the SVD, as LAPACK's gelsd gives.
 */
export function lstsq(a: Matrix, b: Matrix): Matrix {
  if (b.rows !== a.rows) {
    throw new ShapeError(`lstsq needs b with ${a.rows} rows. Got ${b.rows}.`);
  }
  const A = toMl(a), B = rhsMl(b);
  if (a.rows >= a.cols) {
    const qr = new QrDecomposition(A);
    if (hasFullRank(qr, a)) return fromMl(qr.solve(B));
  }
  const svd = new SingularValueDecomposition(A, { autoTranspose: true });
  return fromMl(svd.solve(B));
}

/** Numerical rank test on R's diagonal, with LAPACK's usual tolerance max(m, n) · ε · max|Rᵢᵢ|. */
function hasFullRank(qr: QrDecomposition, a: Matrix): boolean {
  const R = qr.upperTriangularMatrix;
  let max = 0;
  for (let i = 0; i < a.cols; i++) max = Math.max(max, Math.abs(R.get(i, i)));
  const tol = Math.max(a.rows, a.cols) * Number.EPSILON * max;
  for (let i = 0; i < a.cols; i++) if (!(Math.abs(R.get(i, i)) > tol)) return false;
  return true;
}

/** Lower-triangular L with A = L Lᵀ, for symmetric positive-definite A. */
export function cholesky(a: Matrix): Matrix {
  requireSquare(a, "cholesky");
  const chol = new CholeskyDecomposition(toMl(a));
  if (!chol.isPositiveDefinite()) {
    throw new ValueError("cholesky: the matrix is not symmetric positive-definite.");
  }
  return fromMl(chol.lowerTriangularMatrix);
}

/** Thin SVD A = U diag(s) Vᵀ with singular values in decreasing order. */
export function svd(a: Matrix): { u: Matrix; s: Vector; v: Matrix } {
  const d = new SingularValueDecomposition(toMl(a), { autoTranspose: true });
  return {
    u: fromMl(d.leftSingularVectors),
    s: Float64Array.from(d.diagonal),
    v: fromMl(d.rightSingularVectors),
  };
}

/** Eigen-decomposition of a symmetric matrix: values ascending, vectors as columns. */
export function eigSymmetric(a: Matrix): { values: Vector; vectors: Matrix } {
  requireSquare(a, "eigSymmetric");
  const e = new EigenvalueDecomposition(toMl(a), { assumeSymmetric: true });
  return { values: Float64Array.from(e.realEigenvalues), vectors: fromMl(e.eigenvectorMatrix) };
}

/** Inverse of a square non-singular matrix. */
export function inverse(a: Matrix): Matrix {
  return solve(a, Matrix.eye(a.rows));
}
