/**
 * Sequential minimal optimisation (SMO) for the soft-margin dual, 李航《统计学习方法》§7.4:
 *
 *   min_α ½ Σᵢ Σⱼ αᵢ αⱼ yᵢ yⱼ K(xᵢ, xⱼ) − Σᵢ αᵢ   s.t.  Σᵢ αᵢ yᵢ = 0,  0 ≤ αᵢ ≤ C   (7.98)–(7.100)
 *
 * Each step solves the two-variable subproblem in closed form (定理7.6: unclipped
 * α₂ + y₂(E₁ − E₂)/η, clipped to [L, H]). Two ways to choose the pair:
 * - "book": §7.4.2 (Platt's heuristic): α₁ violates the KKT conditions (7.111)–(7.113) most,
 *   first among 0 < α < C; α₂ maximises |E₁ − E₂|; b from (7.115)–(7.116).
 * - "wss3": libsvm's second-order rule (Fan, Chen & Lin 2005): i maximises −yᵢ∇ᵢf over I_up,
 *   j minimises −b²ᵢⱼ/aᵢⱼ over I_low, i.e. the pair with the largest guaranteed decrease;
 *   stop when the maximal violation m(α) − M(α) ≤ tol; b as libsvm's mean over free vectors.
 * C may be Infinity (hard margin, §7.1).
 *
 * @module
 */
import { type KernelSpec, kernelValue } from "./kernels.ts";

/** The result of one binary SMO run. */
export interface SmoResult {
  /** αᵢ, one per training point of the subproblem. */
  alpha: Float64Array;
  /** b of f(x) = Σ αᵢ yᵢ K(xᵢ, x) + b. */
  b: number;
  /** Pair updates done. */
  nIter: number;
  /** Whether the stopping test held before `maxIter`. */
  converged: boolean;
}

/** Kernel rows K(xᵢ, ·) of the subproblem, computed on demand and cached. */
class KernelRows {
  private readonly cache = new Map<number, Float64Array>();
  private readonly capacity: number;
  readonly diag: Float64Array;

  constructor(
    private readonly spec: KernelSpec,
    private readonly x: Float64Array,
    private readonly n: number,
    private readonly d: number,
  ) {
    this.capacity = Math.max(2, Math.floor(2 ** 26 / (8 * Math.max(n, 1))));
    this.diag = new Float64Array(n);
    for (let i = 0; i < n; i++) this.diag[i] = kernelValue(spec, x, i, x, i, d);
  }

  row(i: number): Float64Array {
    let r = this.cache.get(i);
    if (r) return r;
    r = new Float64Array(this.n);
    for (let j = 0; j < this.n; j++) r[j] = kernelValue(this.spec, this.x, i, this.x, j, this.d);
    if (this.cache.size >= this.capacity) {
      this.cache.delete(this.cache.keys().next().value as number);
    }
    this.cache.set(i, r);
    return r;
  }
}

/** Inputs of {@link smo}: rows x (n × d, row-major), labels y ∈ {−1, +1}. */
export interface SmoProblem {
  x: Float64Array;
  y: Float64Array;
  d: number;
  spec: KernelSpec;
  C: number;
  tol: number;
  maxIter: number;
  selection: "wss3" | "book";
}

/** Trains one binary SVM by SMO; see the module comment for the two pair-selection rules. */
export function smo(p: SmoProblem): SmoResult {
  return p.selection === "book" ? smoBook(p) : smoWss3(p);
}

const TAU = 1e-12;

function smoWss3({ x, y, d, spec, C, tol, maxIter }: SmoProblem): SmoResult {
  const n = y.length, K = new KernelRows(spec, x, n, d);
  const alpha = new Float64Array(n);
  const G = new Float64Array(n).fill(-1); // ∇f(α) = Qα − e, Q = yyᵀ∘K
  const up = (t: number) => (y[t] > 0 ? alpha[t] < C : alpha[t] > 0);
  const low = (t: number) => (y[t] > 0 ? alpha[t] > 0 : alpha[t] < C);
  let nIter = 0, converged = false;
  while (nIter < maxIter) {
    let gMax = -Infinity, i = -1;
    for (let t = 0; t < n; t++) {
      if (up(t) && -y[t] * G[t] >= gMax) {
        gMax = -y[t] * G[t];
        i = t;
      }
    }
    let gMax2 = -Infinity, j = -1, best = Infinity;
    const Ki = i >= 0 ? K.row(i) : null;
    for (let t = 0; t < n; t++) {
      if (!low(t)) continue;
      gMax2 = Math.max(gMax2, y[t] * G[t]);
      const bit = gMax + y[t] * G[t];
      if (Ki && bit > 0) {
        const a = K.diag[i] + K.diag[t] - 2 * Ki[t];
        const obj = -(bit * bit) / (a > 0 ? a : TAU);
        if (obj <= best) {
          best = obj;
          j = t;
        }
      }
    }
    if (gMax + gMax2 < tol || i < 0 || j < 0) {
      converged = true;
      break;
    }
    nIter++;
    updatePair(i, j, alpha, G, y, K, C);
  }
  return { alpha, b: -libsvmRho(alpha, G, y, C), nIter, converged };
}

/** libsvm's two-variable update on the gradient form, then ∇f refreshed for every point. */
function updatePair(
  i: number,
  j: number,
  alpha: Float64Array,
  G: Float64Array,
  y: Float64Array,
  K: KernelRows,
  C: number,
): void {
  const Ki = K.row(i), Kj = K.row(j);
  const oldI = alpha[i], oldJ = alpha[j];
  const quad0 = K.diag[i] + K.diag[j] - 2 * Ki[j];
  const quad = quad0 > 0 ? quad0 : TAU;
  if (y[i] !== y[j]) {
    const delta = (-G[i] - G[j]) / quad, diff = oldI - oldJ;
    alpha[i] += delta;
    alpha[j] += delta;
    if (diff > 0) {
      if (alpha[j] < 0) [alpha[j], alpha[i]] = [0, diff];
    } else if (alpha[i] < 0) [alpha[i], alpha[j]] = [0, -diff];
    if (diff > 0) {
      if (alpha[i] > C) [alpha[i], alpha[j]] = [C, C - diff];
    } else if (alpha[j] > C) [alpha[j], alpha[i]] = [C, C + diff];
  } else {
    const delta = (G[i] - G[j]) / quad, sum = oldI + oldJ;
    alpha[i] -= delta;
    alpha[j] += delta;
    if (sum > C) {
      if (alpha[i] > C) [alpha[i], alpha[j]] = [C, sum - C];
    } else if (alpha[j] < 0) [alpha[j], alpha[i]] = [0, sum];
    if (sum > C) {
      if (alpha[j] > C) [alpha[j], alpha[i]] = [C, sum - C];
    } else if (alpha[i] < 0) [alpha[i], alpha[j]] = [0, sum];
  }
  const dI = (alpha[i] - oldI) * y[i], dJ = (alpha[j] - oldJ) * y[j];
  for (let t = 0; t < G.length; t++) G[t] += y[t] * (Ki[t] * dI + Kj[t] * dJ);
}

/** libsvm's ρ = −b: the mean of yᵢ∇ᵢf over free αᵢ, else the middle of the feasible interval. */
function libsvmRho(alpha: Float64Array, G: Float64Array, y: Float64Array, C: number): number {
  let ub = Infinity, lb = -Infinity, nFree = 0, sumFree = 0;
  for (let t = 0; t < y.length; t++) {
    const yG = y[t] * G[t];
    if (alpha[t] >= C) {
      if (y[t] < 0) ub = Math.min(ub, yG);
      else lb = Math.max(lb, yG);
    } else if (alpha[t] <= 0) {
      if (y[t] > 0) ub = Math.min(ub, yG);
      else lb = Math.max(lb, yG);
    } else {
      nFree++;
      sumFree += yG;
    }
  }
  return nFree > 0 ? sumFree / nFree : (ub + lb) / 2;
}

/** §7.4.2: Platt's choice of the pair and the book's b update. */
function smoBook({ x, y, d, spec, C, tol, maxIter }: SmoProblem): SmoResult {
  const n = y.length, K = new KernelRows(spec, x, n, d);
  const alpha = new Float64Array(n);
  const f = new Float64Array(n); // Σⱼ αⱼ yⱼ K(xⱼ, xᵢ), so g(xᵢ) = fᵢ + b and Eᵢ = g(xᵢ) − yᵢ
  let b = 0, nIter = 0, converged = false;
  const E = (t: number) => f[t] + b - y[t];
  /** How far αₜ is from its KKT condition (7.111)–(7.113). */
  const violation = (t: number) => {
    const m = y[t] * (f[t] + b);
    if (alpha[t] <= 0) return Math.max(0, 1 - m);
    if (alpha[t] >= C) return Math.max(0, m - 1);
    return Math.abs(m - 1);
  };
  while (nIter < maxIter) {
    // α₁: the worst violator, first among the free vectors (the "outer loop").
    const order: number[] = [];
    for (const freeOnly of [true, false]) {
      const cands: [number, number][] = [];
      for (let t = 0; t < n; t++) {
        const free = alpha[t] > 0 && alpha[t] < C;
        if (freeOnly !== free) continue;
        const v = violation(t);
        if (v > tol) cands.push([v, t]);
      }
      cands.sort((a, b) => b[0] - a[0]);
      order.push(...cands.map((c) => c[1]));
    }
    if (order.length === 0) {
      converged = true;
      break;
    }
    let progressed = false;
    for (const i of order) {
      // α₂: largest |E₁ − E₂| first; fall back to the next candidates if the step is empty.
      const Ei = E(i);
      const js = Array.from({ length: n }, (_, t) => t).filter((t) => t !== i)
        .sort((a, c) => Math.abs(Ei - E(c)) - Math.abs(Ei - E(a)));
      for (const j of js) {
        const step = bookStep(i, j, alpha, f, y, K, C, b);
        if (step === null) continue;
        b = step;
        progressed = true;
        break;
      }
      if (progressed) break;
    }
    if (!progressed) break;
    nIter++;
  }
  return { alpha, b, nIter, converged };
}

/** One update of (α₁, α₂) = (αᵢ, αⱼ) by 定理7.6 and (7.115)–(7.116); null if it cannot move. */
function bookStep(
  i: number,
  j: number,
  alpha: Float64Array,
  f: Float64Array,
  y: Float64Array,
  K: KernelRows,
  C: number,
  b: number,
): number | null {
  const Ki = K.row(i), Kj = K.row(j);
  const E1 = f[i] + b - y[i], E2 = f[j] + b - y[j];
  const a1 = alpha[i], a2 = alpha[j];
  const [L, H] = y[i] !== y[j]
    ? [Math.max(0, a2 - a1), Math.min(C, C + a2 - a1)]
    : [Math.max(0, a2 + a1 - C), Math.min(C, a2 + a1)];
  const eta = K.diag[i] + K.diag[j] - 2 * Ki[j];
  if (!(H > L) || eta <= 0) return null;
  const a2New = Math.min(H, Math.max(L, a2 + y[j] * (E1 - E2) / eta));
  if (Math.abs(a2New - a2) < 1e-12 * (a2New + a2 + 1e-12)) return null;
  const a1New = a1 + y[i] * y[j] * (a2 - a2New);
  const d1 = y[i] * (a1New - a1), d2 = y[j] * (a2New - a2);
  const b1 = -E1 - d1 * K.diag[i] - d2 * Ki[j] + b;
  const b2 = -E2 - d1 * Ki[j] - d2 * K.diag[j] + b;
  alpha[i] = a1New;
  alpha[j] = a2New;
  for (let t = 0; t < f.length; t++) f[t] += d1 * Ki[t] + d2 * Kj[t];
  if (a1New > 0 && a1New < C) return b1;
  if (a2New > 0 && a2New < C) return b2;
  return (b1 + b2) / 2;
}
