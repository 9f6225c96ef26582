/**
 * The parameters λ = (A, B, π) of a hidden Markov model with N states and M observation symbols
 * (李航《统计学习方法》§10.1), checked at the door: every row a probability distribution.
 *
 * @module
 */
import { Matrix, ValueError } from "../core/mod.ts";

/** λ = (A, B, π): transitions A (N × N), emissions B (N × M), initial distribution π (N). */
export interface HmmParams {
  startProb: Float64Array;
  transmat: Matrix;
  emissionProb: Matrix;
}

/** Row-stochastic check with a message naming the argument, the row and its sum. */
function checkDistribution(values: ArrayLike<number>, what: string): void {
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!(Number.isFinite(v) && v >= 0)) {
      throw new ValueError(`${what} must hold probabilities >= 0. Got ${v} at position ${i}.`);
    }
    sum += v;
  }
  if (Math.abs(sum - 1) > 1e-8) {
    throw new ValueError(`${what} must sum to 1. Got ${Number(sum.toPrecision(12))}.`);
  }
}

/** Converts and checks (π, A, B): shapes agree and every row sums to 1. */
export function checkParams(
  startProb: ArrayLike<number>,
  transmat: ArrayLike<ArrayLike<number>> | Matrix,
  emissionProb: ArrayLike<ArrayLike<number>> | Matrix,
): HmmParams {
  const pi = Float64Array.from(startProb);
  const A = transmat instanceof Matrix ? transmat.clone() : Matrix.from2D(transmat);
  const B = emissionProb instanceof Matrix ? emissionProb.clone() : Matrix.from2D(emissionProb);
  const N = pi.length;
  if (N === 0) throw new ValueError("startProb must have at least one state.");
  if (A.rows !== N || A.cols !== N) {
    throw new ValueError(
      `transmat must have shape (${N}, ${N}) for ${N} states. Got (${A.rows}, ${A.cols}).`,
    );
  }
  if (B.rows !== N || B.cols === 0) {
    throw new ValueError(
      `emissionProb must have shape (${N}, nSymbols). Got (${B.rows}, ${B.cols}).`,
    );
  }
  checkDistribution(pi, "startProb");
  for (let i = 0; i < N; i++) checkDistribution(A.row(i), `transmat row ${i}`);
  for (let i = 0; i < N; i++) checkDistribution(B.row(i), `emissionProb row ${i}`);
  return { startProb: pi, transmat: A, emissionProb: B };
}

/** Checks an observation sequence: non-empty integers in 0..M−1. */
export function checkObservations(
  obs: ArrayLike<number>,
  nSymbols: number,
  name = "obs",
): Int32Array {
  if (!obs || typeof obs !== "object" || typeof obs.length !== "number") {
    throw new ValueError(`${name} must be an array of symbol indices. Got ${obs}.`);
  }
  if (obs.length === 0) throw new ValueError(`${name} must not be empty.`);
  const out = new Int32Array(obs.length);
  for (let t = 0; t < obs.length; t++) {
    const o = obs[t];
    if (!Number.isInteger(o) || o < 0 || o >= nSymbols) {
      throw new ValueError(
        `${name}[${t}] = ${o} is not a symbol: emissionProb has ${nSymbols} columns, so symbols are 0..${
          nSymbols - 1
        }.`,
      );
    }
    out[t] = o;
  }
  return out;
}
