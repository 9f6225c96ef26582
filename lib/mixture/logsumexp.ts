/**
 * The normalisation shared by the mixtures' E steps, in log space so that tiny likelihoods
 * (many features, long data) do not underflow.
 *
 * @module
 */
import { Matrix } from "../core/mod.ts";

/**
 * Row-wise log Σₖ exp(aᵢₖ): returns log responsibilities aᵢₖ − log Σₖ exp(aᵢₖ) and the mean of
 * the row normalisers (the mean log-likelihood when aᵢₖ = log πₖ + log p(xᵢ | k)).
 */
export function logSumExpRows(logJoint: Matrix): { logResp: Matrix; logLikelihood: number } {
  const n = logJoint.rows, K = logJoint.cols;
  const logResp = new Matrix(n, K);
  let total = 0;
  for (let i = 0; i < n; i++) {
    let max = -Infinity;
    for (let k = 0; k < K; k++) max = Math.max(max, logJoint.data[i * K + k]);
    let s = 0;
    for (let k = 0; k < K; k++) s += Math.exp(logJoint.data[i * K + k] - max);
    const norm = max + Math.log(s);
    total += norm;
    for (let k = 0; k < K; k++) logResp.data[i * K + k] = logJoint.data[i * K + k] - norm;
  }
  return { logResp, logLikelihood: total / n };
}
