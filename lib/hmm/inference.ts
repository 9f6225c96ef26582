/**
 * Inference in a hidden Markov model, 李航《统计学习方法》§10.2 and §10.4:
 * - forward  α_t(i) = P(o₁..o_t, i_t = q_i | λ):  α₁(i) = πᵢ bᵢ(o₁), α_{t+1}(i) = [Σⱼ α_t(j) aⱼᵢ] bᵢ(o_{t+1})  (算法10.2)
 * - backward β_t(i) = P(o_{t+1}..o_T | i_t = q_i, λ): β_T = 1, β_t(i) = Σⱼ aᵢⱼ bⱼ(o_{t+1}) β_{t+1}(j)         (算法10.3)
 * - posteriors γ_t(i) ∝ α_t(i)β_t(i) (10.24), ξ_t(i, j) ∝ α_t(i) aᵢⱼ bⱼ(o_{t+1}) β_{t+1}(j) (10.26)
 * - Viterbi δ_t(i) = max over paths ending in i, with back-pointers ψ (算法10.5), in log space.
 * The scaled recursions normalise α̂_t to sum 1 with factors c_t, so log P(O|λ) = Σ log c_t and
 * sequences of any length stay within floating point (Rabiner 1989, §V.A).
 *
 * @module
 */
import { Matrix } from "../core/mod.ts";
import type { HmmParams } from "./params.ts";

/** Scaled forward pass: α̂ (T × N, rows sum to 1) and the scale factors c_t. */
export function forwardScaled(
  p: HmmParams,
  obs: Int32Array,
): { alpha: Matrix; scale: Float64Array } {
  const N = p.startProb.length, T = obs.length, A = p.transmat.data, B = p.emissionProb.data;
  const M = p.emissionProb.cols;
  const alpha = new Matrix(T, N), scale = new Float64Array(T);
  for (let t = 0; t < T; t++) {
    let c = 0;
    for (let i = 0; i < N; i++) {
      let s = 0;
      if (t === 0) s = p.startProb[i];
      else for (let j = 0; j < N; j++) s += alpha.data[(t - 1) * N + j] * A[j * N + i];
      s *= B[i * M + obs[t]];
      alpha.data[t * N + i] = s;
      c += s;
    }
    scale[t] = c;
    if (c > 0) { for (let i = 0; i < N; i++) alpha.data[t * N + i] /= c; }
  }
  return { alpha, scale };
}

/** Scaled backward pass with the forward scale factors: β̂_t = β_t / Π_{s>t} c_s. */
export function backwardScaled(p: HmmParams, obs: Int32Array, scale: Float64Array): Matrix {
  const N = p.startProb.length, T = obs.length, A = p.transmat.data, B = p.emissionProb.data;
  const M = p.emissionProb.cols;
  const beta = new Matrix(T, N);
  for (let i = 0; i < N; i++) beta.data[(T - 1) * N + i] = 1;
  for (let t = T - 2; t >= 0; t--) {
    for (let i = 0; i < N; i++) {
      let s = 0;
      for (let j = 0; j < N; j++) {
        s += A[i * N + j] * B[j * M + obs[t + 1]] * beta.data[(t + 1) * N + j];
      }
      beta.data[t * N + i] = scale[t + 1] > 0 ? s / scale[t + 1] : 0;
    }
  }
  return beta;
}

/** log P(O|λ) by the backward algorithm alone (its own scaling): Σᵢ πᵢ bᵢ(o₁) β₁(i). */
export function backwardLogProbability(p: HmmParams, obs: Int32Array): number {
  const N = p.startProb.length, T = obs.length, A = p.transmat.data, B = p.emissionProb.data;
  const M = p.emissionProb.cols;
  let beta = new Float64Array(N).fill(1), logScale = 0;
  for (let t = T - 2; t >= 0; t--) {
    const next = new Float64Array(N);
    let c = 0;
    for (let i = 0; i < N; i++) {
      for (let j = 0; j < N; j++) next[i] += A[i * N + j] * B[j * M + obs[t + 1]] * beta[j];
      c += next[i];
    }
    if (c === 0) return -Infinity;
    for (let i = 0; i < N; i++) next[i] /= c;
    logScale += Math.log(c);
    beta = next;
  }
  let s = 0;
  for (let i = 0; i < N; i++) s += p.startProb[i] * B[i * M + obs[0]] * beta[i];
  return Math.log(s) + logScale;
}

/** The unscaled tables α or β of the book (they underflow for long sequences). */
export function unscaled(p: HmmParams, obs: Int32Array, which: "alpha" | "beta"): Matrix {
  const { alpha, scale } = forwardScaled(p, obs);
  const T = obs.length, N = p.startProb.length;
  if (which === "alpha") {
    let prod = 1;
    for (let t = 0; t < T; t++) {
      prod *= scale[t];
      for (let i = 0; i < N; i++) alpha.data[t * N + i] *= prod;
    }
    return alpha;
  }
  const beta = backwardScaled(p, obs, scale);
  let prod = 1;
  for (let t = T - 1; t >= 0; t--) {
    for (let i = 0; i < N; i++) beta.data[t * N + i] *= prod;
    prod *= scale[t];
  }
  return beta;
}

/** γ (T × N) and ξ (T − 1 matrices N × N) from the scaled passes; also log P(O|λ). */
export function posteriors(
  p: HmmParams,
  obs: Int32Array,
): { gamma: Matrix; xi: Matrix[]; logProb: number } {
  const N = p.startProb.length, T = obs.length, A = p.transmat.data, B = p.emissionProb.data;
  const M = p.emissionProb.cols;
  const { alpha, scale } = forwardScaled(p, obs);
  const beta = backwardScaled(p, obs, scale);
  const gamma = new Matrix(T, N);
  for (let t = 0; t < T; t++) {
    let s = 0;
    for (let i = 0; i < N; i++) {
      s += gamma.data[t * N + i] = alpha.data[t * N + i] * beta.data[t * N + i];
    }
    for (let i = 0; i < N; i++) gamma.data[t * N + i] /= s;
  }
  const xi: Matrix[] = [];
  for (let t = 0; t < T - 1; t++) {
    const x = new Matrix(N, N);
    let s = 0;
    for (let i = 0; i < N; i++) {
      for (let j = 0; j < N; j++) {
        s += x.data[i * N + j] = alpha.data[t * N + i] * A[i * N + j] * B[j * M + obs[t + 1]] *
          beta.data[(t + 1) * N + j];
      }
    }
    for (let k = 0; k < N * N; k++) x.data[k] /= s;
    xi.push(x);
  }
  let logProb = 0;
  for (const c of scale) logProb += Math.log(c);
  return { gamma, xi, logProb };
}

/** Viterbi in log space: the best path, its log probability, and the tables δ (as log) and ψ. */
export function viterbi(
  p: HmmParams,
  obs: Int32Array,
): { path: number[]; logProb: number; logDelta: Matrix; psi: Int32Array[] } {
  const N = p.startProb.length, T = obs.length, M = p.emissionProb.cols;
  const logA = p.transmat.data.map(Math.log), logB = p.emissionProb.data.map(Math.log);
  const logDelta = new Matrix(T, N);
  const psi: Int32Array[] = [new Int32Array(N)];
  for (let i = 0; i < N; i++) logDelta.data[i] = Math.log(p.startProb[i]) + logB[i * M + obs[0]];
  for (let t = 1; t < T; t++) {
    const back = new Int32Array(N);
    for (let i = 0; i < N; i++) {
      let best = -Infinity, arg = 0;
      for (let j = 0; j < N; j++) {
        const v = logDelta.data[(t - 1) * N + j] + logA[j * N + i];
        if (v > best) [best, arg] = [v, j];
      }
      logDelta.data[t * N + i] = best + logB[i * M + obs[t]];
      back[i] = arg;
    }
    psi.push(back);
  }
  let last = 0;
  for (let i = 1; i < N; i++) {
    if (logDelta.data[(T - 1) * N + i] > logDelta.data[(T - 1) * N + last]) last = i;
  }
  const path = new Array<number>(T);
  path[T - 1] = last;
  for (let t = T - 1; t > 0; t--) path[t - 1] = psi[t][path[t]];
  return { path, logProb: logDelta.data[(T - 1) * N + last], logDelta, psi };
}
