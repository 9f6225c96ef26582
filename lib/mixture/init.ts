/**
 * Starting responsibilities for EM: k-means++ seeding (Arthur & Vassilvitskii 2007) followed by
 * Lloyd's k-means (scikit-learn's default "kmeans"), the k-means++ centres alone
 * ("k-means++": each component starts from one point), or random soft assignments ("random").
 *
 * @module
 */
import { Matrix, Random } from "../core/mod.ts";

/** How EM starts when no initial parameters are given. */
export type InitParams = "kmeans" | "k-means++" | "random";

/** k-means++: the first centre uniformly, each next one with probability ∝ D(x)². */
export function kmeansPlusPlus(X: Matrix, K: number, rng: Random): number[] {
  const n = X.rows, d = X.cols;
  const chosen = [rng.int(n)];
  const dist = new Float64Array(n).fill(Infinity);
  while (chosen.length < K) {
    const c = chosen[chosen.length - 1];
    let total = 0;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += (X.data[i * d + j] - X.data[c * d + j]) ** 2;
      dist[i] = Math.min(dist[i], s);
      total += dist[i];
    }
    let u = rng.uniform() * total, next = n - 1;
    for (let i = 0; i < n; i++) {
      u -= dist[i];
      if (u < 0) {
        next = i;
        break;
      }
    }
    chosen.push(next);
  }
  return chosen;
}

/** Initial responsibilities (n × K) for the chosen scheme. */
export function initialResponsibilities(
  X: Matrix,
  K: number,
  how: InitParams,
  seed: number,
): Matrix {
  const n = X.rows, d = X.cols, rng = new Random(seed);
  const resp = new Matrix(n, K);
  if (how === "random") {
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let k = 0; k < K; k++) s += resp.data[i * K + k] = rng.uniform();
      for (let k = 0; k < K; k++) resp.data[i * K + k] /= s;
    }
    return resp;
  }
  const seeds = kmeansPlusPlus(X, K, rng);
  if (how === "k-means++") {
    seeds.forEach((i, k) => resp.set(i, k, 1));
    return resp;
  }
  const centres = X.selectRows(seeds);
  const label = new Int32Array(n).fill(-1);
  for (let iter = 0; iter < 300; iter++) {
    let changed = false;
    for (let i = 0; i < n; i++) {
      let best = 0, bestD = Infinity;
      for (let k = 0; k < K; k++) {
        let s = 0;
        for (let j = 0; j < d; j++) s += (X.data[i * d + j] - centres.data[k * d + j]) ** 2;
        if (s < bestD) [best, bestD] = [k, s];
      }
      if (label[i] !== best) [label[i], changed] = [best, true];
    }
    if (!changed) break;
    const count = new Float64Array(K);
    centres.data.fill(0);
    for (let i = 0; i < n; i++) {
      count[label[i]]++;
      for (let j = 0; j < d; j++) centres.data[label[i] * d + j] += X.data[i * d + j];
    }
    for (let k = 0; k < K; k++) {
      for (let j = 0; j < d; j++) {
        centres.data[k * d + j] = count[k] > 0
          ? centres.data[k * d + j] / count[k]
          : X.data[seeds[k] * d + j];
      }
    }
  }
  for (let i = 0; i < n; i++) resp.set(i, label[i], 1);
  return resp;
}
