/**
 * Looking inside boosting, for the notebooks: the split-gain table of one feature computed from
 * per-sample gradients and hessians exactly as the tree grower scores splits (XGBoost's
 * tutorial, done by hand), and partial dependence of a model's output on one feature.
 *
 * @module
 */
import { ValueError } from "../core/errors.ts";
import { Random } from "../core/random.ts";
import type { BinnedData } from "./binning.ts";
import { leafGain, leafWeight, type SplitParams } from "./split.ts";

/** One candidate split "x < threshold" of a split-gain table. */
export interface SplitCandidate {
  /** Rows with x < threshold go left (halfway between neighbouring distinct values). */
  threshold: number;
  /** G_L: gradient sum of the left side. */
  gl: number;
  /** H_L: hessian sum of the left side. */
  hl: number;
  /** G_R: gradient sum of the right side. */
  gr: number;
  /** H_R: hessian sum of the right side. */
  hr: number;
  /** Best left leaf weight w_L = −G_L/(H_L+λ) (before the learning rate). */
  wl: number;
  /** Best right leaf weight w_R = −G_R/(H_R+λ). */
  wr: number;
  /** ½[G_L²/(H_L+λ) + G_R²/(H_R+λ) − (G_L+G_R)²/(H_L+H_R+λ)] − γ (the tutorial's gain). */
  gain: number;
}

/**
 * Every split of one feature with its gain, as in XGBoost's "Introduction to Boosted Trees":
 * sort by x, sweep left to right accumulating G_L and H_L, and score each cut with
 * ½[G_L²/(H_L+λ) + G_R²/(H_R+λ) − (G_L+G_R)²/(H_L+H_R+λ)] − γ.
 * @param x the feature's values, shape (n,) (no NaN)
 * @param grad g_i, shape (n,)
 * @param hess h_i, shape (n,)
 * @param options λ (`lambda`, default 1) and γ (`gamma`, default 0)
 * @example
 * ```ts
 * import { assertAlmostEquals, assertEquals } from "@std/assert";
 * import { splitCandidates } from "../mod.ts";
 * // squared loss at F = 0: g = −y, h = 1
 * const rows = splitCandidates([1, 2, 3, 4], [-1, -1, -3, -3], [1, 1, 1, 1], { lambda: 0 });
 * assertEquals(rows.map((r) => r.threshold), [1.5, 2.5, 3.5]);
 * assertAlmostEquals(rows[1].gain, 0.5 * (4 / 2 + 36 / 2 - 64 / 4), 1e-12); // = 2
 * ```
 */
export function splitCandidates(
  x: ArrayLike<number>,
  grad: ArrayLike<number>,
  hess: ArrayLike<number>,
  options: { lambda?: number; gamma?: number } = {},
): SplitCandidate[] {
  const { lambda = 1, gamma = 0 } = options;
  const n = x.length;
  if (grad.length !== n || hess.length !== n) {
    throw new ValueError(
      `x, grad and hess must have the same length. Got ${n}, ${grad.length} and ${hess.length}.`,
    );
  }
  const p: SplitParams = {
    lambda,
    alpha: 0,
    minChildWeight: 0,
    maxDeltaStep: 0,
    minDataInLeaf: 0,
    exactOrder: true,
  };
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => x[a] - x[b]);
  let g = 0, h = 0;
  for (let i = 0; i < n; i++) {
    g += grad[i];
    h += hess[i];
  }
  const parent = leafGain(p, g, h);
  const out: SplitCandidate[] = [];
  let gl = 0, hl = 0;
  for (let k = 0; k + 1 < n; k++) {
    const i = order[k];
    gl += grad[i];
    hl += hess[i];
    const next = x[order[k + 1]];
    if (next === x[i]) continue;
    const gr = g - gl, hr = h - hl;
    out.push({
      threshold: (x[i] + next) / 2,
      gl,
      hl,
      gr,
      hr,
      wl: leafWeight(p, gl, hl),
      wr: leafWeight(p, gr, hr),
      gain: 0.5 * (leafGain(p, gl, hl) + leafGain(p, gr, hr) - parent) - gamma,
    });
  }
  return out;
}

/**
 * Partial dependence of a model's output on feature j (Friedman 2001, ESL §10.13.2):
 * PD(v) = (1/n) Σ_i f(x_i with x_ij := v), at each grid value v.
 * @param predict the model's output for a batch of rows (e.g. `(rows) => model.predict(rows)`)
 * @param X the rows to average over, shape (n, nFeatures)
 * @param feature j
 * @param grid the values v; default: 20 evenly spaced values from the 5th to the 95th
 *   percentile of the feature
 * @returns the grid and the average output at each value
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { partialDependence } from "../mod.ts";
 * const f = (rows: number[][]) => rows.map((r) => 2 * r[0] + r[1]);
 * const pd = partialDependence(f, [[0, 1], [1, 3]], 0, [0, 1]);
 * assertEquals(pd.average, [2, 4]);
 * ```
 */
export function partialDependence(
  predict: (rows: number[][]) => ArrayLike<number>,
  X: ArrayLike<ArrayLike<number>>,
  feature: number,
  grid?: readonly number[],
): { grid: number[]; average: number[] } {
  const rows = Array.from(X, (r) => Array.from(r));
  if (rows.length === 0) throw new ValueError("X must have at least one row.");
  if (!(Number.isInteger(feature) && feature >= 0 && feature < rows[0].length)) {
    throw new ValueError(`feature must be an index in [0, ${rows[0].length}). Got ${feature}.`);
  }
  let values = grid ? [...grid] : undefined;
  if (!values) {
    const col = rows.map((r) => r[feature]).filter((v) => v === v).sort((a, b) => a - b);
    const lo = col[Math.floor(0.05 * (col.length - 1))];
    const hi = col[Math.ceil(0.95 * (col.length - 1))];
    values = Array.from({ length: 20 }, (_, k) => lo + ((hi - lo) * k) / 19);
  }
  const average = values.map((v) => {
    const batch = rows.map((r) => {
      const c = r.slice();
      c[feature] = v;
      return c;
    });
    const out = predict(batch);
    let s = 0;
    for (let i = 0; i < out.length; i++) s += out[i];
    return s / out.length;
  });
  return { grid: values, average };
}

/**
 * Σg, Σh and the row count per bin of one feature over some rows: the histogram the hist grower
 * scans for a split (the last entry is the missing-value bin). A child's histogram is its
 * parent's minus its sibling's, which is why the grower builds only the smaller child's.
 * @param data binned features from `binData`
 * @param rows the rows of the node
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { binData, featureHistogram } from "../mod.ts";
 * const data = binData(Float64Array.of(1, 2, 2, NaN), 4, 1, "hist", 8);
 * const hist = featureHistogram(data, 0, [0, 1, 2, 3], [1, 2, 3, 4], [1, 1, 1, 1]);
 * assertEquals([Array.from(hist.grad), Array.from(hist.count)], [[1, 5, 4], [1, 2, 1]]);
 * ```
 */
export function featureHistogram(
  data: BinnedData,
  feature: number,
  rows: ArrayLike<number>,
  grad: ArrayLike<number>,
  hess: ArrayLike<number>,
): { grad: Float64Array; hess: Float64Array; count: Float64Array } {
  const size = data.nBins[feature] + 1;
  const out = {
    grad: new Float64Array(size),
    hess: new Float64Array(size),
    count: new Float64Array(size),
  };
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k], b = data.bins[r * data.nFeatures + feature];
    out.grad[b] += grad[r];
    out.hess[b] += hess[r];
    out.count[b]++;
  }
  return out;
}

/**
 * A synthetic binary task for the boosting notebooks: x ~ N(0, I), y = [x0 + x1·x2 − 0.8·x3 +
 * 0.5·sin(2·x4) + 0.5·noise > 0], the other features pure noise, a share of cells missing.
 * @param n rows
 * @param options `nFeatures` (default 10), `missing` share of NaN cells (default 0), `seed`
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { makeBoostingClassification } from "../mod.ts";
 * const { X, y } = makeBoostingClassification(5, { seed: 1 });
 * assertEquals([X.length, X[0].length, y.length], [5, 10, 5]);
 * ```
 */
export function makeBoostingClassification(
  n: number,
  options: { nFeatures?: number; missing?: number; seed?: number } = {},
): { X: number[][]; y: number[] } {
  const { nFeatures = 10, missing = 0, seed = 0 } = options;
  if (nFeatures < 5) throw new ValueError(`nFeatures must be at least 5. Got ${nFeatures}.`);
  const rng = new Random(seed);
  const X: number[][] = [], y: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = Array.from({ length: nFeatures }, () => rng.normal());
    const s = x[0] + x[1] * x[2] - 0.8 * x[3] + 0.5 * Math.sin(2 * x[4]) + 0.5 * rng.normal();
    y.push(s > 0 ? 1 : 0);
    X.push(x.map((v) => (rng.uniform() < missing ? NaN : v)));
  }
  return { X, y };
}

/**
 * A synthetic learning-to-rank set for the notebooks: each query has `itemsPerQuery` items with
 * features x ~ N(0, I); the relevance grade (0-3) comes from x0 + 0.6·x1 − 0.4·x2 plus noise.
 * Rows of one query are consecutive; `group` holds the query sizes.
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { makeRankingData } from "../mod.ts";
 * const { X, y, group } = makeRankingData(3, 4, { seed: 1 });
 * assertEquals([X.length, y.length, group], [12, 12, [4, 4, 4]]);
 * ```
 */
export function makeRankingData(
  nQueries: number,
  itemsPerQuery: number,
  options: { nFeatures?: number; seed?: number } = {},
): { X: number[][]; y: number[]; group: number[] } {
  const { nFeatures = 6, seed = 0 } = options;
  if (nFeatures < 3) throw new ValueError(`nFeatures must be at least 3. Got ${nFeatures}.`);
  const rng = new Random(seed);
  const X: number[][] = [], y: number[] = [];
  for (let q = 0; q < nQueries * itemsPerQuery; q++) {
    const x = Array.from({ length: nFeatures }, () => rng.normal());
    const s = x[0] + 0.6 * x[1] - 0.4 * x[2] + 0.5 * rng.normal();
    X.push(x);
    y.push(s > 1.5 ? 3 : s > 0.7 ? 2 : s > 0 ? 1 : 0);
  }
  return { X, y, group: new Array(nQueries).fill(itemsPerQuery) };
}
