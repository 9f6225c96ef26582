/**
 * The Gram matrix of the perceptron's dual form, 李航《统计学习方法》§2.3.3 (式 2.8 后):
 * G = [xᵢ · xⱼ]_{N×N}.
 *
 * @module
 */
import { Matrix } from "../core/matrix.ts";
import { type MatrixLike, toMatrix } from "../core/validation.ts";

/**
 * Inner products of all pairs of rows, G = X Xᵀ.
 * @param X shape (nSamples, nFeatures)
 * @returns shape (nSamples, nSamples), symmetric
 * @example
 * ```ts
 * import { gramMatrix } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * const G = gramMatrix([[3, 3], [4, 3], [1, 1]]); // 例2.2
 * assertEquals(G.toArray(), [[18, 21, 6], [21, 25, 7], [6, 7, 2]]);
 * ```
 */
export function gramMatrix(X: MatrixLike): Matrix {
  const m = toMatrix(X, "X");
  const n = m.rows, d = m.cols, x = m.data;
  const g = new Matrix(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      let s = 0;
      for (let l = 0; l < d; l++) s += x[i * d + l] * x[j * d + l];
      g.data[i * n + j] = s;
      g.data[j * n + i] = s;
    }
  }
  return g;
}
