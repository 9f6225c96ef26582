/**
 * The Gaussian mixture's M step and log densities for scikit-learn's four covariance types,
 * 李航《统计学习方法》§9.3.2 (算法9.2) generalised to d dimensions:
 *   nₖ = Σᵢ γᵢₖ,  πₖ = nₖ/n,  μₖ = Σᵢ γᵢₖ xᵢ / nₖ,  Σₖ = Σᵢ γᵢₖ (xᵢ − μₖ)(xᵢ − μₖ)ᵀ / nₖ,
 * with "tied" one Σ for all, "diag" only the variances, "spherical" one variance per component,
 * and `regCovar` added to the diagonal (scikit-learn's reg_covar) to keep every Σ invertible.
 *
 * @module
 */
import { Matrix, ValueError } from "../core/mod.ts";

/** scikit-learn's covariance types. */
export type CovarianceType = "full" | "tied" | "diag" | "spherical";

/** Mixture parameters; `cov` always holds K full (d × d) matrices (tied: K references to one). */
export interface GaussianParams {
  weights: Float64Array;
  means: Matrix;
  cov: Matrix[];
}

/** The M step from responsibilities `resp` (n × K). */
export function mStep(
  X: Matrix,
  resp: Matrix,
  type: CovarianceType,
  regCovar: number,
): GaussianParams {
  const n = X.rows, d = X.cols, K = resp.cols;
  const nk = new Float64Array(K).fill(10 * Number.EPSILON);
  const means = new Matrix(K, d);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < K; k++) {
      const r = resp.data[i * K + k];
      nk[k] += r;
      for (let j = 0; j < d; j++) means.data[k * d + j] += r * X.data[i * d + j];
    }
  }
  for (let k = 0; k < K; k++) for (let j = 0; j < d; j++) means.data[k * d + j] /= nk[k];
  const cov: Matrix[] = [];
  if (type === "tied") {
    // (Σᵢ xᵢxᵢᵀ − Σₖ nₖ μₖμₖᵀ) / n
    const c = new Matrix(d, d);
    for (let i = 0; i < n; i++) {
      for (let a = 0; a < d; a++) {
        for (let b = 0; b < d; b++) c.data[a * d + b] += X.data[i * d + a] * X.data[i * d + b];
      }
    }
    let total = 0;
    for (let k = 0; k < K; k++) {
      total += nk[k];
      for (let a = 0; a < d; a++) {
        for (let b = 0; b < d; b++) {
          c.data[a * d + b] -= nk[k] * means.data[k * d + a] * means.data[k * d + b];
        }
      }
    }
    for (let t = 0; t < d * d; t++) c.data[t] /= total;
    for (let a = 0; a < d; a++) c.data[a * d + a] += regCovar;
    for (let k = 0; k < K; k++) cov.push(c);
  } else {
    for (let k = 0; k < K; k++) {
      const c = new Matrix(d, d);
      for (let i = 0; i < n; i++) {
        const r = resp.data[i * K + k];
        for (let a = 0; a < d; a++) {
          const da = X.data[i * d + a] - means.data[k * d + a];
          if (type === "full") {
            for (let b = 0; b < d; b++) {
              c.data[a * d + b] += r * da * (X.data[i * d + b] - means.data[k * d + b]);
            }
          } else c.data[a * d + a] += r * da * da;
        }
      }
      for (let t = 0; t < d * d; t++) c.data[t] /= nk[k];
      if (type === "spherical") {
        let mean = 0;
        for (let a = 0; a < d; a++) mean += c.data[a * d + a];
        mean = mean / d + regCovar;
        for (let a = 0; a < d; a++) c.data[a * d + a] = mean;
      } else for (let a = 0; a < d; a++) c.data[a * d + a] += regCovar;
      cov.push(c);
    }
  }
  let wsum = 0;
  for (let k = 0; k < K; k++) wsum += nk[k];
  const weights = Float64Array.from(nk, (v) => v / wsum);
  return { weights, means, cov };
}

/** Lower Cholesky factor L (Σ = LLᵀ), or a ValueError naming the component. */
export function choleskyLower(S: Matrix, component: number): Matrix {
  const d = S.rows, L = new Matrix(d, d);
  for (let j = 0; j < d; j++) {
    let s = S.data[j * d + j];
    for (let k = 0; k < j; k++) s -= L.data[j * d + k] ** 2;
    if (!(s > 0)) {
      throw new ValueError(
        `The covariance of component ${component} is not positive definite (a component collapsed ` +
          `onto too few points). Increase regCovar or change the initialisation.`,
      );
    }
    const ljj = Math.sqrt(s);
    L.data[j * d + j] = ljj;
    for (let i = j + 1; i < d; i++) {
      let t = S.data[i * d + j];
      for (let k = 0; k < j; k++) t -= L.data[i * d + k] * L.data[j * d + k];
      L.data[i * d + j] = t / ljj;
    }
  }
  return L;
}

/** log πₖ + log N(xᵢ | μₖ, Σₖ), shape (n, K). */
export function weightedLogProb(X: Matrix, p: GaussianParams): Matrix {
  const n = X.rows, d = X.cols, K = p.weights.length;
  const out = new Matrix(n, K);
  const z = new Float64Array(d);
  for (let k = 0; k < K; k++) {
    const L = choleskyLower(p.cov[k], k);
    let logDet = 0;
    for (let a = 0; a < d; a++) logDet += 2 * Math.log(L.data[a * d + a]);
    const base = Math.log(p.weights[k]) - 0.5 * (d * Math.log(2 * Math.PI) + logDet);
    for (let i = 0; i < n; i++) {
      // solve L z = x − μ by forward substitution; the Mahalanobis distance is ‖z‖².
      let q = 0;
      for (let a = 0; a < d; a++) {
        let t = X.data[i * d + a] - p.means.data[k * d + a];
        for (let b = 0; b < a; b++) t -= L.data[a * d + b] * z[b];
        z[a] = t / L.data[a * d + a];
        q += z[a] * z[a];
      }
      out.data[i * K + k] = base - 0.5 * q;
    }
  }
  return out;
}
