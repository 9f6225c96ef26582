/**
 * Baum-Welch learning (李航《统计学习方法》§10.3.2, 算法10.4): EM for the HMM. The E step computes
 * γ and ξ for every sequence by the scaled forward-backward passes; the M step re-estimates
 *   πᵢ = E[γ₁(i)],  aᵢⱼ = Σ_t ξ_t(i, j) / Σ_{t<T} γ_t(i),  bⱼ(k) = Σ_{t: o_t = k} γ_t(j) / Σ_t γ_t(j)
 * (10.37)–(10.39), summed over all sequences. The log-likelihood never decreases (定理9.1).
 *
 * @module
 */
import { Matrix } from "../core/mod.ts";
import { posteriors } from "./inference.ts";
import type { HmmParams } from "./params.ts";

/** One EM iteration over all sequences: the new λ and log P(all sequences | old λ). */
export function baumWelchStep(
  p: HmmParams,
  sequences: Int32Array[],
): { next: HmmParams; logProb: number } {
  const N = p.startProb.length, M = p.emissionProb.cols;
  const pi = new Float64Array(N), xiSum = new Matrix(N, N), gammaFrom = new Float64Array(N);
  const emit = new Matrix(N, M), gammaAll = new Float64Array(N);
  let logProb = 0;
  for (const obs of sequences) {
    const { gamma, xi, logProb: lp } = posteriors(p, obs);
    logProb += lp;
    const T = obs.length;
    for (let i = 0; i < N; i++) pi[i] += gamma.data[i];
    for (let t = 0; t < T; t++) {
      for (let i = 0; i < N; i++) {
        const g = gamma.data[t * N + i];
        gammaAll[i] += g;
        emit.data[i * M + obs[t]] += g;
        if (t < T - 1) gammaFrom[i] += g;
      }
    }
    for (const x of xi) for (let k = 0; k < N * N; k++) xiSum.data[k] += x.data[k];
  }
  const startProb = pi.map((v) => v / sequences.length);
  const transmat = new Matrix(N, N), emissionProb = new Matrix(N, M);
  for (let i = 0; i < N; i++) {
    // A state never left (or never seen) keeps its old row rather than dividing by zero.
    for (let j = 0; j < N; j++) {
      transmat.data[i * N + j] = gammaFrom[i] > 0
        ? xiSum.data[i * N + j] / gammaFrom[i]
        : p.transmat.data[i * N + j];
    }
    for (let k = 0; k < M; k++) {
      emissionProb.data[i * M + k] = gammaAll[i] > 0
        ? emit.data[i * M + k] / gammaAll[i]
        : p.emissionProb.data[i * M + k];
    }
  }
  return { next: { startProb, transmat, emissionProb }, logProb };
}
