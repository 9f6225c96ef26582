import { assertAlmostEquals, assertEquals, assertThrows } from "@std/assert";
import {
  cholesky,
  dot,
  eigSymmetric,
  inverse,
  lstsq,
  Matrix,
  ShapeError,
  solve,
  svd,
  ValueError,
} from "../../../lib/core/mod.ts";

const A = Matrix.from2D([[1, 2, 3], [4, 5, 6]]);

Deno.test("construction, views and copies", () => {
  assertEquals(A.shape, [2, 3]);
  assertEquals(A.get(1, 2), 6);
  assertEquals(Array.from(A.col(1)), [2, 5]);
  const row = A.clone().row(0);
  row[0] = 99; // a view: writes go through to its matrix, not to A
  assertEquals(A.get(0, 0), 1);
  assertEquals(Matrix.eye(2).toArray(), [[1, 0], [0, 1]]);
  assertEquals(Matrix.column([1, 2]).shape, [2, 1]);
  assertThrows(() => Matrix.from2D([[1, 2], [3]]), ShapeError, "Row 1 has 1");
  assertThrows(() => new Matrix(2, 2, new Float64Array(3)), ShapeError, "rows * cols = 4");
  assertThrows(() => new Matrix(-1, 2), ValueError);
});

Deno.test("matmul, matvec and transpose", () => {
  const B = Matrix.from2D([[1, 0], [0, 1], [1, 1]]);
  assertEquals(A.matmul(B).toArray(), [[4, 5], [10, 11]]);
  assertEquals(Array.from(A.matvec([1, 1, 1])), [6, 15]);
  assertEquals(A.transpose().toArray(), [[1, 4], [2, 5], [3, 6]]);
  assertThrows(() => A.matmul(A), ShapeError, "(2, 3) @ (2, 3)");
  assertThrows(() => A.matvec([1, 2]), ShapeError, "length 3");
  assertEquals(dot([1, 2, 3], [4, 5, 6]), 32);
  assertThrows(() => dot([1], [1, 2]), ShapeError);
});

Deno.test("elementwise ops, broadcasting and reductions", () => {
  assertEquals(A.add(1).toArray(), [[2, 3, 4], [5, 6, 7]]);
  assertEquals(A.sub(A).sum(), 0);
  assertEquals(A.mul(A).toArray(), [[1, 4, 9], [16, 25, 36]]);
  assertEquals(A.div(2).get(1, 1), 2.5);
  assertEquals(A.broadcastRow([1, 0, -1], (a, b) => a + b).toArray(), [[2, 2, 2], [5, 5, 5]]);
  assertEquals(Array.from(A.sum(0)), [5, 7, 9]);
  assertEquals(Array.from(A.sum(1)), [6, 15]);
  assertEquals(Array.from(A.mean(0)), [2.5, 3.5, 4.5]);
  assertEquals(A.mean(), 3.5);
  assertEquals(A.map((v, i, j) => v * (i + j)).toArray(), [[0, 2, 6], [4, 10, 18]]);
  assertThrows(() => A.add(Matrix.eye(2)), ShapeError, "add needs equal shapes");
  assertThrows(() => A.broadcastRow([1], (a, b) => a + b), ShapeError, "length 3");
  assertAlmostEquals(Matrix.from2D([[3, 4]]).norm(), 5);
});

Deno.test("row and column selection, stacking", () => {
  assertEquals(A.selectRows([1, 1, 0]).toArray(), [[4, 5, 6], [4, 5, 6], [1, 2, 3]]);
  assertEquals(A.selectCols([2, 0]).toArray(), [[3, 1], [6, 4]]);
  assertEquals(A.hstack(Matrix.column([7, 8])).toArray(), [[1, 2, 3, 7], [4, 5, 6, 8]]);
  assertThrows(() => A.selectRows([2]), ShapeError, "out of range");
  assertThrows(() => A.hstack(Matrix.eye(3)), ShapeError);
});

Deno.test("decompositions through ml-matrix", () => {
  const S = Matrix.from2D([[4, 2], [2, 3]]);
  const x = solve(S, Matrix.column([2, 1]));
  assertAlmostEquals(x.get(0, 0), 0.5, 1e-12);
  assertAlmostEquals(x.get(1, 0), 0, 1e-12);
  const L = cholesky(S);
  const LLt = L.matmul(L.transpose());
  for (let k = 0; k < 4; k++) assertAlmostEquals(LLt.data[k], S.data[k], 1e-12);
  const { values } = eigSymmetric(S);
  // Eigenvalues of [[4,2],[2,3]]: (7 ± √17) / 2
  assertAlmostEquals(values[0], (7 - Math.sqrt(17)) / 2, 1e-12);
  assertAlmostEquals(values[1], (7 + Math.sqrt(17)) / 2, 1e-12);
  const { s } = svd(A);
  // Singular values squared are the eigenvalues of A Aᵀ = [[14, 32], [32, 77]].
  assertAlmostEquals(s[0] ** 2 + s[1] ** 2, 91, 1e-9);
  assertAlmostEquals(s[0] ** 2 * s[1] ** 2, 14 * 77 - 32 * 32, 1e-8);
  assertAlmostEquals(inverse(S).matmul(S).get(0, 1), 0, 1e-12);
  assertThrows(() => solve(Matrix.from2D([[1, 2], [2, 4]]), Matrix.column([1, 1])), ValueError);
  assertThrows(() => cholesky(Matrix.from2D([[1, 2], [2, 1]])), ValueError, "positive-definite");
});

Deno.test("lstsq: overdetermined by QR, rank-deficient by minimum norm", () => {
  const X = Matrix.from2D([[1, 1], [1, 2], [1, 3]]);
  const w = lstsq(X, Matrix.column([1, 2, 2]));
  assertAlmostEquals(w.get(0, 0), 2 / 3, 1e-12);
  assertAlmostEquals(w.get(1, 0), 0.5, 1e-12);
  // Two identical columns: the minimum-norm solution splits the weight equally.
  const D = Matrix.from2D([[1, 1], [2, 2], [3, 3]]);
  const v = lstsq(D, Matrix.column([2, 4, 6]));
  assertAlmostEquals(v.get(0, 0), 1, 1e-10);
  assertAlmostEquals(v.get(1, 0), 1, 1e-10);
});
