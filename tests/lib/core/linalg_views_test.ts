/**
 * lib/core/linalg.ts hands ml-matrix zero-copy views of our `Float64Array`s. These tests check
 * the results are bit-for-bit those of ml-matrix on copied 2-D arrays (the former conversion),
 * and that no decomposition writes into its inputs.
 */
import { assertEquals } from "@std/assert";
import {
  CholeskyDecomposition,
  EigenvalueDecomposition,
  Matrix as MlMatrix,
  QrDecomposition,
  SingularValueDecomposition,
} from "ml-matrix";
import {
  cholesky,
  eigSymmetric,
  inverse,
  lstsq,
  Matrix,
  Random,
  solve,
  svd,
} from "../../../lib/core/mod.ts";

function randomMatrix(rng: Random, rows: number, cols: number): Matrix {
  const m = new Matrix(rows, cols);
  for (let k = 0; k < m.data.length; k++) m.data[k] = rng.normal();
  return m;
}

/** The former path: copy into ml-matrix through 2-D arrays, and back. */
const ml = (a: Matrix) => new MlMatrix(a.toArray());
const back = (m: MlMatrix) => Matrix.from2D(m.to2DArray());

/** Calls `f`, and checks it left every input's data unchanged. */
function untouched<T>(inputs: Matrix[], f: () => T): T {
  const before = inputs.map((m) => Float64Array.from(m.data));
  const out = f();
  inputs.forEach((m, k) => assertEquals(m.data, before[k]));
  return out;
}

Deno.test("lstsq: the QR and SVD routes give ml-matrix's bits and leave A and b alone", () => {
  const rng = new Random(3);
  const A = randomMatrix(rng, 60, 7), B = randomMatrix(rng, 60, 3);
  const x = untouched([A, B], () => lstsq(A, B));
  assertEquals(x.data, back(new QrDecomposition(ml(A)).solve(ml(B))).data);
  // A repeated column makes A rank-deficient: the minimum-norm route (SVD).
  const D = Matrix.from2D(A.toArray().map((row) => [...row, row[0]]));
  const y = untouched([D, B], () => lstsq(D, B));
  const reference = new SingularValueDecomposition(ml(D), { autoTranspose: true }).solve(ml(B));
  assertEquals(y.data, back(reference).data);
  // Wide A (fewer rows than columns) goes to the SVD directly.
  const W = randomMatrix(rng, 4, 9), c = randomMatrix(rng, 4, 1);
  const z = untouched([W, c], () => lstsq(W, c));
  const wide = new SingularValueDecomposition(ml(W), { autoTranspose: true }).solve(ml(c));
  assertEquals(z.data, back(wide).data);
});

Deno.test("solve, inverse, cholesky, svd, eigSymmetric: ml-matrix's bits, inputs untouched", () => {
  const rng = new Random(5);
  const M = randomMatrix(rng, 6, 6), B = randomMatrix(rng, 6, 2);
  const S = M.transpose().matmul(M).add(Matrix.eye(6)); // symmetric positive-definite
  assertEquals(
    untouched([M, B], () => solve(M, B)).data,
    back(new QrDecomposition(ml(M)).solve(ml(B))).data,
  );
  assertEquals(untouched([M], () => inverse(M)).matmul(M).rows, 6);
  assertEquals(
    untouched([S], () => cholesky(S)).data,
    back(new CholeskyDecomposition(ml(S)).lowerTriangularMatrix).data,
  );
  const A = randomMatrix(rng, 9, 4);
  const d = untouched([A], () => svd(A));
  const ref = new SingularValueDecomposition(ml(A), { autoTranspose: true });
  assertEquals(d.u.data, back(ref.leftSingularVectors).data);
  assertEquals(d.s, Float64Array.from(ref.diagonal));
  assertEquals(d.v.data, back(ref.rightSingularVectors).data);
  const e = untouched([S], () => eigSymmetric(S));
  const eig = new EigenvalueDecomposition(ml(S), { assumeSymmetric: true });
  assertEquals(e.values, Float64Array.from(eig.realEigenvalues));
  assertEquals(e.vectors.data, back(eig.eigenvectorMatrix).data);
});
