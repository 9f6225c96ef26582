/**
 * Least angle regression (ESL Algorithm 3.2, Efron et al. 2004) and its lasso modification
 * (Algorithm 3.2a): the whole piecewise-linear coefficient path in at most ~p steps.
 *
 * Each step moves the active coefficients along the equiangular direction, which keeps every
 * active |xⱼᵀr| tied at the largest correlation Ĉ while Ĉ falls, until an inactive variable's
 * correlation catches up (it joins) or — in lasso mode — an active coefficient hits zero
 * (it leaves). Like scikit-learn's `lars_path`, X and y are used as given: centre them first.
 *
 * @module
 */
import { ValueError } from "../core/errors.ts";
import { solve } from "../core/linalg.ts";
import { Matrix, type Vector } from "../core/matrix.ts";
import { checkOneOf, checkOptions } from "../core/options.ts";
import { type MatrixLike, toMatrix, toVector, type VectorLike } from "../core/validation.ts";

/** Options of {@link larsPath}. */
export interface LarsPathOptions {
  /** `"lar"`: plain least angle regression; `"lasso"`: drop a variable when its coefficient crosses 0. @default "lar" */
  method?: "lar" | "lasso";
}

/** The knots of a LAR / lasso path. */
export interface LarsPathResult {
  /** max |xⱼᵀr|/n at each knot, decreasing (scikit-learn's `alphas`; for the lasso, its α). */
  alphas: Vector;
  /** Active variables at the end, in the order they joined. */
  active: number[];
  /** Coefficients at the knots, shape (nFeatures, nKnots); the path is linear in between. */
  coefs: Matrix;
}

const EPS = 1e-12;

/**
 * LAR or lasso path by least angle regression.
 * @param X shape (nSamples, nFeatures), centred (and usually standardised)
 * @param y shape (nSamples,), centred
 * @example
 * ```ts
 * import { assertAlmostEquals, assertEquals } from "@std/assert";
 * import { larsPath } from "../mod.ts";
 * const X = [[1, 0], [0, 1], [-1, 0], [0, -1]];
 * const { active, coefs } = larsPath(X, [2, 1, -2, -1]);
 * assertEquals(active, [0, 1]); // x0 is more correlated with y, so it joins first
 * assertAlmostEquals(coefs.get(0, 2), 2); // the last knot is least squares: (2, 1)
 * assertAlmostEquals(coefs.get(1, 2), 1);
 * ```
 */
export function larsPath(
  X: MatrixLike,
  y: VectorLike,
  options: LarsPathOptions = {},
): LarsPathResult {
  checkOptions(options, ["method"], "larsPath");
  const method = checkOneOf("method", options.method ?? "lar", ["lar", "lasso"] as const);
  const m = toMatrix(X, "X");
  const yv = toVector(y, "y", m.rows);
  const n = m.rows, p = m.cols, x = m.data;
  const maxActive = Math.min(p, n - 1 > 0 ? n - 1 : n);
  const beta = new Float64Array(p);
  const knots: Vector[] = [beta.slice()];
  const alphas: number[] = [];
  const active: number[] = [];
  const correlations = () => {
    const r = yv.slice();
    for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) r[i] -= x[i * p + j] * beta[j];
    const c = new Float64Array(p);
    for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) c[j] += x[i * p + j] * r[i];
    return c;
  };
  let c = correlations();
  let cMax = Math.max(...c.map(Math.abs));
  alphas.push(cMax / n);
  let dropped = -1;
  for (let step = 0; step < 8 * p + 8 && cMax / n > EPS; step++) {
    if (dropped < 0) {
      // the inactive variable with the largest |correlation| joins
      let best = -1;
      for (let j = 0; j < p; j++) {
        if (!active.includes(j) && (best < 0 || Math.abs(c[j]) > Math.abs(c[best]))) best = j;
      }
      if (best < 0 || active.length >= maxActive) break;
      active.push(best);
    }
    const s = active.map((j) => Math.sign(c[j]) || 1);
    const k = active.length;
    const G = new Matrix(k, k);
    for (let a = 0; a < k; a++) {
      for (let b = 0; b < k; b++) {
        let g = 0;
        for (let i = 0; i < n; i++) g += x[i * p + active[a]] * x[i * p + active[b]];
        G.data[a * k + b] = g * s[a] * s[b];
      }
    }
    let g1: Vector;
    try {
      g1 = solve(G, Matrix.full(k, 1, 1)).data;
    } catch {
      throw new ValueError(
        `larsPath: the active columns ${active.join(", ")} are linearly dependent (collinear X).`,
      );
    }
    const AA = 1 / Math.sqrt(g1.reduce((t, v) => t + v, 0));
    const d = active.map((_, a) => AA * g1[a] * s[a]); // coefficient direction
    const u = new Float64Array(n); // equiangular vector
    for (let i = 0; i < n; i++) {
      for (let a = 0; a < k; a++) u[i] += x[i * p + active[a]] * d[a];
    }
    let gamma = cMax / AA; // all the way to least squares on the active set
    if (k < maxActive) {
      for (let j = 0; j < p; j++) {
        if (active.includes(j)) continue;
        let aj = 0;
        for (let i = 0; i < n; i++) aj += x[i * p + j] * u[i];
        // A variable that just left is still tied at Ĉ: its zero step is not a re-entry.
        const floor = j === dropped ? 1e-9 * gamma : EPS;
        for (const g of [(cMax - c[j]) / (AA - aj), (cMax + c[j]) / (AA + aj)]) {
          if (g > floor && g < gamma) gamma = g;
        }
      }
    }
    dropped = -1;
    if (method === "lasso") {
      for (let a = 0; a < k; a++) {
        const g = -beta[active[a]] / d[a];
        if (g > EPS && g < gamma) {
          gamma = g;
          dropped = active[a];
        }
      }
    }
    for (let a = 0; a < k; a++) beta[active[a]] += gamma * d[a];
    if (dropped >= 0) {
      beta[dropped] = 0;
      active.splice(active.indexOf(dropped), 1);
    }
    c = correlations();
    cMax = Math.max(cMax - gamma * AA, 0);
    knots.push(beta.slice());
    alphas.push(cMax / n);
    if (dropped < 0 && k === maxActive) break;
  }
  const coefs = new Matrix(p, knots.length);
  knots.forEach((b, t) => b.forEach((v, j) => (coefs.data[j * knots.length + t] = v)));
  return { alphas: Float64Array.from(alphas), active, coefs };
}

/**
 * The lasso coefficients at shrinkage factor s = ‖β‖₁/‖β̂_LS‖₁ ∈ [0, 1] (ESL Figure 3.10's
 * x axis), by linear interpolation between the knots of a lasso path that ends at least squares.
 * @param path a {@link larsPath} result with `method: "lasso"`
 * @param s the shrinkage factor
 */
export function lassoAtShrinkage(path: LarsPathResult, s: number): Vector {
  if (!(s >= 0 && s <= 1)) throw new ValueError(`s must be in [0, 1]. Got ${s} instead.`);
  const { coefs } = path;
  const T = coefs.cols, p = coefs.rows;
  const l1 = Array.from({ length: T }, (_, t) => {
    let a = 0;
    for (let j = 0; j < p; j++) a += Math.abs(coefs.data[j * T + t]);
    return a;
  });
  const target = s * l1[T - 1];
  let t = 1;
  while (t < T - 1 && l1[t] < target) t++;
  const span = l1[t] - l1[t - 1];
  const f = span > 0 ? Math.min(1, Math.max(0, (target - l1[t - 1]) / span)) : 1;
  return Float64Array.from(
    { length: p },
    (_, j) => (1 - f) * coefs.data[j * T + t - 1] + f * coefs.data[j * T + t],
  );
}

/** ‖β‖₁/‖β_last‖₁ at each knot of a path: the shrinkage factor s of ESL Figure 3.10. */
export function shrinkageFactors(path: LarsPathResult): Vector {
  const { coefs } = path;
  const T = coefs.cols, p = coefs.rows;
  const l1 = Float64Array.from({ length: T }, (_, t) => {
    let a = 0;
    for (let j = 0; j < p; j++) a += Math.abs(coefs.data[j * T + t]);
    return a;
  });
  const last = l1[T - 1];
  return l1.map((v) => (last > 0 ? v / last : 0));
}
