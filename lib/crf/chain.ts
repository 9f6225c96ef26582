/**
 * Inference on a linear chain, in log space, from potentials: unary scores u_i(y) and transition
 * scores p_i(y', y) between positions i − 1 and i. With the book's notation (李航《统计学习方法》
 * §11.3) exp(u_i(y) + p_i(y', y)) is the entry M_i(y', y | x) of the matrix form (11.21), so
 *   forward  log α_i(y) = u_i(y) + log Σ_{y'} exp(log α_{i−1}(y') + p_i(y', y))        (11.32)
 *   backward log β_i(y') = log Σ_y exp(p_{i+1}(y', y) + u_{i+1}(y) + log β_{i+1}(y))   (11.33)
 *   Z(x) = Σ_y α_n(y),  P(y_i = y | x) = α_i(y) β_i(y) / Z                            (11.34)
 *   P(y_{i−1} = y', y_i = y | x) = α_{i−1}(y') M_i(y', y) β_i(y) / Z                    (11.35)
 * and Viterbi takes max instead of sum (算法11.3). Log space keeps long chains finite.
 *
 * @module
 */

/** Potentials of one sequence: n positions, m labels. */
export interface ChainPotentials {
  /** Number of positions. */
  n: number;
  /** Number of labels. */
  m: number;
  /** u_i(y), length n·m. */
  unary: Float64Array;
  /** p_i(y', y) for i = 1..n−1 (0-based), length (n − 1)·m·m, at ((i − 1)·m + y')·m + y. */
  pairwise: Float64Array;
}

function logSumExp(values: Float64Array | number[]): number {
  let max = -Infinity;
  for (const v of values) if (v > max) max = v;
  if (max === -Infinity) return -Infinity;
  let s = 0;
  for (const v of values) s += Math.exp(v - max);
  return max + Math.log(s);
}

/** log α, shape n × m (row-major). */
export function logForward({ n, m, unary, pairwise }: ChainPotentials): Float64Array {
  const alpha = new Float64Array(n * m), tmp = new Float64Array(m);
  for (let y = 0; y < m; y++) alpha[y] = unary[y];
  for (let i = 1; i < n; i++) {
    for (let y = 0; y < m; y++) {
      for (let yp = 0; yp < m; yp++) {
        tmp[yp] = alpha[(i - 1) * m + yp] + pairwise[((i - 1) * m + yp) * m + y];
      }
      alpha[i * m + y] = unary[i * m + y] + logSumExp(tmp);
    }
  }
  return alpha;
}

/** log β, shape n × m (β_n = 1). */
export function logBackward({ n, m, unary, pairwise }: ChainPotentials): Float64Array {
  const beta = new Float64Array(n * m), tmp = new Float64Array(m);
  for (let i = n - 2; i >= 0; i--) {
    for (let yp = 0; yp < m; yp++) {
      for (let y = 0; y < m; y++) {
        tmp[y] = pairwise[(i * m + yp) * m + y] + unary[(i + 1) * m + y] + beta[(i + 1) * m + y];
      }
      beta[i * m + yp] = logSumExp(tmp);
    }
  }
  return beta;
}

/** log Z(x). */
export function logPartition(c: ChainPotentials): number {
  const alpha = logForward(c);
  return logSumExp(alpha.subarray((c.n - 1) * c.m, c.n * c.m));
}

/** Marginals P(y_i = y | x) (n × m) and P(y_{i−1} = y', y_i = y | x) ((n − 1) × m × m), and log Z. */
export function marginals(
  c: ChainPotentials,
): { node: Float64Array; edge: Float64Array; logZ: number } {
  const { n, m, unary, pairwise } = c;
  const alpha = logForward(c), beta = logBackward(c);
  const logZ = logSumExp(alpha.subarray((n - 1) * m, n * m));
  const node = new Float64Array(n * m);
  for (let k = 0; k < n * m; k++) node[k] = Math.exp(alpha[k] + beta[k] - logZ);
  const edge = new Float64Array(Math.max(0, n - 1) * m * m);
  for (let i = 1; i < n; i++) {
    for (let yp = 0; yp < m; yp++) {
      for (let y = 0; y < m; y++) {
        const k = ((i - 1) * m + yp) * m + y;
        edge[k] = Math.exp(
          alpha[(i - 1) * m + yp] + pairwise[k] + unary[i * m + y] + beta[i * m + y] - logZ,
        );
      }
    }
  }
  return { node, edge, logZ };
}

/** Viterbi (算法11.3): the best label indices, their score, and the tables δ (n × m) and ψ. */
export function viterbiChain(
  { n, m, unary, pairwise }: ChainPotentials,
): { path: number[]; score: number; delta: Float64Array; psi: Int32Array } {
  const delta = new Float64Array(n * m), psi = new Int32Array(n * m);
  for (let y = 0; y < m; y++) delta[y] = unary[y];
  for (let i = 1; i < n; i++) {
    for (let y = 0; y < m; y++) {
      let best = -Infinity, arg = 0;
      for (let yp = 0; yp < m; yp++) {
        const v = delta[(i - 1) * m + yp] + pairwise[((i - 1) * m + yp) * m + y];
        if (v > best) [best, arg] = [v, yp];
      }
      delta[i * m + y] = best + unary[i * m + y];
      psi[i * m + y] = arg;
    }
  }
  let last = 0;
  for (let y = 1; y < m; y++) if (delta[(n - 1) * m + y] > delta[(n - 1) * m + last]) last = y;
  const path = new Array<number>(n);
  path[n - 1] = last;
  for (let i = n - 1; i > 0; i--) path[i - 1] = psi[i * m + path[i]];
  return { path, score: delta[(n - 1) * m + last], delta, psi };
}

/** Σᵢ u_i(y_i) + Σᵢ p_i(y_{i−1}, y_i): the unnormalised log-probability of a label path. */
export function pathScore(
  { n, m, unary, pairwise }: ChainPotentials,
  y: ArrayLike<number>,
): number {
  let s = unary[y[0]];
  for (let i = 1; i < n; i++) {
    s += pairwise[((i - 1) * m + y[i - 1]) * m + y[i]] + unary[i * m + y[i]];
  }
  return s;
}
