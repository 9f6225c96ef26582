/**
 * Probabilities from SVM decision values. Platt scaling fits P(y = 1 | f) = 1 / (1 + exp(A f + B))
 * by regularised maximum likelihood (Platt 1999, with the Newton method and backtracking of
 * Lin, Lin & Weng 2007, as libsvm); several classes are coupled from the pairwise probabilities
 * by Wu, Lin & Weng (2004), method 2, as libsvm.
 *
 * @module
 */

/** Fitted sigmoid parameters (A, B). */
export interface PlattSigmoid {
  /** Slope A of P = 1 / (1 + exp(A f + B)). */
  A: number;
  /** Offset B. */
  B: number;
}

/**
 * Fits (A, B) to decision values `f` with labels `y` ∈ {−1, +1}; targets are Platt's smoothed
 * (N₊ + 1)/(N₊ + 2) and 1/(N₋ + 2) instead of 1 and 0, to keep the fit from overconfidence.
 */
export function fitSigmoid(f: ArrayLike<number>, y: ArrayLike<number>): PlattSigmoid {
  const n = f.length;
  let prior1 = 0;
  for (let i = 0; i < n; i++) if (y[i] > 0) prior1++;
  const prior0 = n - prior1;
  const hi = (prior1 + 1) / (prior1 + 2), lo = 1 / (prior0 + 2);
  const t = Float64Array.from({ length: n }, (_, i) => (y[i] > 0 ? hi : lo));
  const value = (A: number, B: number) => {
    let v = 0;
    for (let i = 0; i < n; i++) {
      const z = f[i] * A + B;
      v += z >= 0 ? t[i] * z + Math.log1p(Math.exp(-z)) : (t[i] - 1) * z + Math.log1p(Math.exp(z));
    }
    return v;
  };
  let A = 0, B = Math.log((prior0 + 1) / (prior1 + 1));
  let fval = value(A, B);
  for (let iter = 0; iter < 100; iter++) {
    let h11 = 1e-12, h22 = 1e-12, h21 = 0, g1 = 0, g2 = 0;
    for (let i = 0; i < n; i++) {
      const z = f[i] * A + B;
      const [p, q] = z >= 0
        ? [Math.exp(-z) / (1 + Math.exp(-z)), 1 / (1 + Math.exp(-z))]
        : [1 / (1 + Math.exp(z)), Math.exp(z) / (1 + Math.exp(z))];
      const d2 = p * q;
      h11 += f[i] * f[i] * d2;
      h22 += d2;
      h21 += f[i] * d2;
      const d1 = t[i] - p;
      g1 += f[i] * d1;
      g2 += d1;
    }
    if (Math.abs(g1) < 1e-5 && Math.abs(g2) < 1e-5) break;
    const det = h11 * h22 - h21 * h21;
    const dA = -(h22 * g1 - h21 * g2) / det, dB = -(-h21 * g1 + h11 * g2) / det;
    const gd = g1 * dA + g2 * dB;
    let step = 1;
    while (step >= 1e-10) {
      const v = value(A + step * dA, B + step * dB);
      if (v < fval + 1e-4 * step * gd) {
        A += step * dA;
        B += step * dB;
        fval = v;
        break;
      }
      step /= 2;
    }
    if (step < 1e-10) break;
  }
  return { A, B };
}

/** P(y = 1 | f) under the fitted sigmoid, computed without overflow. */
export function sigmoidProbability({ A, B }: PlattSigmoid, f: number): number {
  const z = f * A + B;
  return z >= 0 ? Math.exp(-z) / (1 + Math.exp(-z)) : 1 / (1 + Math.exp(z));
}

/**
 * Class probabilities p from pairwise ones r[i][j] ≈ P(y = i | y ∈ {i, j}): minimises
 * Σᵢ Σⱼ≠ᵢ (rⱼᵢ pᵢ − rᵢⱼ pⱼ)² subject to Σ p = 1 (Wu, Lin & Weng 2004, method 2).
 */
export function couplePairwise(r: number[][]): Float64Array {
  const k = r.length;
  const Q = Array.from({ length: k }, () => new Float64Array(k));
  for (let t = 0; t < k; t++) {
    for (let j = 0; j < k; j++) {
      if (j === t) continue;
      Q[t][t] += r[j][t] * r[j][t];
      Q[t][j] = -r[j][t] * r[t][j];
    }
  }
  const p = new Float64Array(k).fill(1 / k), Qp = new Float64Array(k);
  const eps = 0.005 / k;
  for (let iter = 0; iter < Math.max(100, k); iter++) {
    let pQp = 0;
    for (let t = 0; t < k; t++) {
      Qp[t] = 0;
      for (let j = 0; j < k; j++) Qp[t] += Q[t][j] * p[j];
      pQp += p[t] * Qp[t];
    }
    let maxErr = 0;
    for (let t = 0; t < k; t++) maxErr = Math.max(maxErr, Math.abs(Qp[t] - pQp));
    if (maxErr < eps) break;
    for (let t = 0; t < k; t++) {
      const diff = (-Qp[t] + pQp) / Q[t][t];
      p[t] += diff;
      pQp = (pQp + diff * (diff * Q[t][t] + 2 * Qp[t])) / (1 + diff) / (1 + diff);
      for (let j = 0; j < k; j++) {
        Qp[j] = (Qp[j] + diff * Q[t][j]) / (1 + diff);
        p[j] /= 1 + diff;
      }
    }
  }
  return p;
}
