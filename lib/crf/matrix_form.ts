/**
 * The matrix form of the linear-chain CRF (李航《统计学习方法》§11.2.4): with a start state y₀ and a
 * stop state y_{n+1}, the unnormalised probability of a path is the product
 * M₁(y₀, y₁) M₂(y₁, y₂) ⋯ M_{n+1}(y_n, y_{n+1}), and the normaliser is the (start, stop) entry
 * of the matrix product Z = (M₁ M₂ ⋯ M_{n+1})_{start, stop} (11.22). Used by 例11.2 and 习题11.4,
 * where the matrices are given directly.
 *
 * @module
 */
import { ValueError } from "../core/mod.ts";

/** One path through the matrices and its unnormalised and normalised probability. */
export interface MatrixPath {
  /** y₁ … y_n as row/column indices (0-based). */
  path: number[];
  /** Π M_i(y_{i−1}, y_i), with y₀ = start and y_{n+1} = stop. */
  unnormalized: number;
  /** unnormalized / Z. */
  probability: number;
}

function check(Ms: number[][][]): number {
  if (!Array.isArray(Ms) || Ms.length < 2) {
    throw new ValueError("The matrix form needs at least two matrices M₁ … M_{n+1}.");
  }
  const m = Ms[0].length;
  Ms.forEach((M, i) => {
    if (M.length !== m || M.some((r) => r.length !== m)) {
      throw new ValueError(`M${i + 1} must be ${m} × ${m} like M1.`);
    }
  });
  return m;
}

/**
 * Z = (M₁ M₂ ⋯ M_{n+1})_{start, stop}.
 * @param Ms the n + 1 square matrices M_i[y_{i−1}][y_i]
 * @param start row of y₀ in M₁ (0-based)
 * @param stop column of y_{n+1} in M_{n+1} (0-based)
 * @example
 * ```ts
 * import { matrixFormNormalizer } from "../mod.ts";
 * import { assertAlmostEquals } from "@std/assert";
 *
 * const Ms = [[[0, 0], [0.5, 0.5]], [[0.3, 0.7], [0.7, 0.3]], [[0.5, 0.5], [0.6, 0.4]], [[0, 1], [0, 1]]];
 * assertAlmostEquals(matrixFormNormalizer(Ms, 1, 1), 1, 1e-12); // 习题11.4
 * ```
 */
export function matrixFormNormalizer(Ms: number[][][], start: number, stop: number): number {
  const m = check(Ms);
  let row = Ms[0][start].slice();
  for (let i = 1; i < Ms.length; i++) {
    const next = new Array<number>(m).fill(0);
    for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) next[b] += row[a] * Ms[i][a][b];
    row = next;
  }
  return row[stop];
}

/**
 * Every path y₁ … y_n from `start` to `stop` with its unnormalised probability and P(y | x),
 * most probable first.
 * @param Ms the n + 1 square matrices
 * @param start row of y₀ in M₁
 * @param stop column of y_{n+1} in M_{n+1}
 */
export function matrixFormPaths(Ms: number[][][], start: number, stop: number): MatrixPath[] {
  const m = check(Ms), n = Ms.length - 1;
  const Z = matrixFormNormalizer(Ms, start, stop);
  const out: MatrixPath[] = [];
  for (let code = 0; code < m ** n; code++) {
    const path = Array.from({ length: n }, (_, i) => Math.floor(code / m ** (n - 1 - i)) % m);
    let p = Ms[0][start][path[0]];
    for (let i = 1; i < n; i++) p *= Ms[i][path[i - 1]][path[i]];
    p *= Ms[n][path[n - 1]][stop];
    out.push({ path, unnormalized: p, probability: p / Z });
  }
  return out.sort((a, b) => b.unnormalized - a.unnormalized);
}
