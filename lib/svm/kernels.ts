/**
 * Kernel functions of 李航《统计学习方法》§7.3 (and libsvm's four): K(x, z) is an inner product
 * in a feature space, so the dual and the decision function need only K, never the feature map.
 *
 * @module
 */
import { ValueError } from "../core/errors.ts";
import type { Matrix } from "../core/matrix.ts";
import { eigSymmetric } from "../core/linalg.ts";
import { Matrix as M } from "../core/matrix.ts";

/** The kernels of scikit-learn's `SVC`. */
export type KernelName = "linear" | "poly" | "rbf" | "sigmoid";

/** A kernel with its resolved parameters (gamma is a number here, not "scale"/"auto"). */
export interface KernelSpec {
  /** Which kernel. */
  kernel: KernelName;
  /** γ of poly, rbf and sigmoid. */
  gamma: number;
  /** Degree of poly. */
  degree: number;
  /** The constant of poly and sigmoid. */
  coef0: number;
}

/**
 * Resolves scikit-learn's gamma: "scale" = 1 / (nFeatures · Var(X)) over all entries,
 * "auto" = 1 / nFeatures, or the number given.
 */
export function resolveGamma(gamma: number | "scale" | "auto", X: Matrix): number {
  if (typeof gamma === "number") return gamma;
  if (gamma === "auto") return 1 / X.cols;
  let mean = 0;
  for (const v of X.data) mean += v;
  mean /= X.data.length;
  let variance = 0;
  for (const v of X.data) variance += (v - mean) ** 2;
  variance /= X.data.length;
  return variance > 0 ? 1 / (X.cols * variance) : 1;
}

/** K(a[i], b[j]) for rows of two row-major matrices with d columns. */
export function kernelValue(
  spec: KernelSpec,
  a: Float64Array,
  i: number,
  b: Float64Array,
  j: number,
  d: number,
): number {
  const oi = i * d, oj = j * d;
  if (spec.kernel === "rbf") {
    let s = 0;
    for (let l = 0; l < d; l++) {
      const t = a[oi + l] - b[oj + l];
      s += t * t;
    }
    return Math.exp(-spec.gamma * s);
  }
  let dot = 0;
  for (let l = 0; l < d; l++) dot += a[oi + l] * b[oj + l];
  if (spec.kernel === "linear") return dot;
  if (spec.kernel === "poly") return (spec.gamma * dot + spec.coef0) ** spec.degree;
  return Math.tanh(spec.gamma * dot + spec.coef0);
}

/**
 * The Gram matrix K(aᵢ, bⱼ), shape (a.rows, b.rows): the matrix form of a kernel (定理7.5).
 * @example
 * ```ts
 * import { kernelMatrix, Matrix } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * const X = Matrix.from2D([[3, 3], [4, 3], [1, 1]]);
 * const G = kernelMatrix({ kernel: "linear", gamma: 1, degree: 3, coef0: 0 }, X, X);
 * assertEquals(G.toArray(), [[18, 21, 6], [21, 25, 7], [6, 7, 2]]); // the Gram matrix of 例2.2
 * ```
 */
export function kernelMatrix(spec: KernelSpec, A: Matrix, B: Matrix): Matrix {
  const out = new M(A.rows, B.rows);
  for (let i = 0; i < A.rows; i++) {
    for (let j = 0; j < B.rows; j++) {
      out.data[i * B.rows + j] = kernelValue(spec, A.data, i, B.data, j, A.cols);
    }
  }
  return out;
}

/**
 * Throws when the kernel's Gram matrix on X has a clearly negative eigenvalue (定理7.5: a
 * positive definite kernel has PSD Gram matrices). Only the sigmoid kernel can fail this; it
 * matters for the hard margin, whose dual is then unbounded below.
 */
export function checkPositiveSemiDefinite(spec: KernelSpec, X: Matrix, why: string): void {
  const G = kernelMatrix(spec, X, X);
  const { values } = eigSymmetric(G);
  let min = Infinity, scale = 0;
  for (const v of values) {
    min = Math.min(min, v);
    scale = Math.max(scale, Math.abs(v));
  }
  if (min < -1e-10 * Math.max(scale, 1)) {
    throw new ValueError(
      `The ${spec.kernel} kernel (gamma=${spec.gamma}, coef0=${spec.coef0}) is not positive ` +
        `semi-definite on X: the smallest eigenvalue of its Gram matrix is ${
          min.toPrecision(4)
        }. ` +
        `${why}`,
    );
  }
}
