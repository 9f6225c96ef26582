/**
 * Feature binning for the tree growers. Every feature's values are replaced by small integer bin
 * indices once, before boosting; a split "bin ≤ b goes left" is then found from per-bin sums of
 * gradients and hessians (a histogram) instead of from sorted values.
 * - `"exact"`: one bin per distinct value, so the scan sees every split exact greedy sees
 *   (XGBoost's `exact`: thresholds halfway between neighbours, in float32 as XGBoost does).
 * - `"hist"`: at most `maxBin` bins at quantiles of the values (XGBoost's and LightGBM's `hist`);
 *   the threshold is the lower edge of the next bin.
 * NaN gets its own bin (index nBins[f], after the real ones): its direction is learned per split.
 *
 * @module
 */
import { argsortStable } from "../metrics/argsort.ts";

/** Binned training data, bins stored row-major as `Uint8Array` when every feature fits. */
export interface BinnedData {
  /** Number of rows. */
  nRows: number;
  /** Number of features. */
  nFeatures: number;
  /** Bin of row i, feature f at i·nFeatures + f. */
  bins: Uint8Array | Uint16Array | Uint32Array;
  /** Real (non-missing) bins per feature; bin nBins[f] is the feature's missing-value bin. */
  nBins: Uint32Array;
  /** Start of feature f's bins (nBins[f] + 1 of them) in a histogram; length nFeatures + 1. */
  offsets: Uint32Array;
  /** thresholds[f][b]: a row goes left of the split "bins ≤ b" when x < thresholds[f][b];
   *  b = nBins − 1 (all present values left) has a threshold above the maximum. */
  thresholds: Float64Array[];
  /** The lowest threshold of feature f: below every present value (the split "missing only"). */
  lowest: Float64Array;
  /** 1 when the feature has missing values in the training data. */
  hasMissing: Uint8Array;
  /** edges[f][b]: the smallest value of bin b (for "exact", the value itself). */
  edges: Float64Array[];
  /** The rule the edges came from. */
  method: BinMethod;
}

/** Bin-edge rule. */
export type BinMethod = "exact" | "hist";

/** The distinct present values of a sorted column, with their counts. */
function distinct(sorted: Float64Array): { values: Float64Array; counts: Float64Array } {
  const values = new Float64Array(sorted.length), counts = new Float64Array(sorted.length);
  let u = -1;
  for (let i = 0; i < sorted.length; i++) {
    if (u >= 0 && sorted[i] === values[u]) counts[u]++;
    else {
      values[++u] = sorted[i];
      counts[u] = 1;
    }
  }
  return { values: values.slice(0, u + 1), counts: counts.slice(0, u + 1) };
}

/**
 * Lower edges of at most `maxBins` bins holding about equal numbers of values: a new bin starts
 * at the first distinct value whose cumulative count passes the next quantile.
 */
function quantileEdges(values: Float64Array, counts: Float64Array, maxBins: number): Float64Array {
  if (values.length <= maxBins) return values;
  let total = 0;
  for (const c of counts) total += c;
  const edges = [values[0]];
  let acc = counts[0], next = 1;
  for (let u = 1; u < values.length && edges.length < maxBins; u++) {
    if (acc >= (next * total) / maxBins) {
      edges.push(values[u]);
      while (next * total / maxBins <= acc) next++;
    }
    acc += counts[u];
  }
  return Float64Array.from(edges);
}

/**
 * Bins every column of a row-major matrix (NaN = missing).
 * @param data row-major values, nRows × nFeatures
 * @param maxBin at most this many bins per feature, counting the missing bin ("hist" only)
 */
export function binData(
  data: Float64Array,
  nRows: number,
  nFeatures: number,
  method: BinMethod,
  maxBin = 256,
): BinnedData {
  const nBins = new Uint32Array(nFeatures);
  const offsets = new Uint32Array(nFeatures + 1);
  const hasMissing = new Uint8Array(nFeatures);
  const lowest = new Float64Array(nFeatures);
  const thresholds: Float64Array[] = [];
  const allEdges: Float64Array[] = [];
  const column = new Float64Array(nRows), rowOf = new Uint32Array(nRows);
  // Bins go to a wide buffer first; narrowed to Uint8Array when every feature fits.
  const wide = (method === "exact" ? nRows + 1 : maxBin) <= 65536
    ? new Uint16Array(nRows * nFeatures)
    : new Uint32Array(nRows * nFeatures);
  for (let f = 0; f < nFeatures; f++) {
    let m = 0;
    for (let i = 0; i < nRows; i++) {
      const v = data[i * nFeatures + f];
      if (v === v) {
        column[m] = v;
        rowOf[m++] = i;
      } else hasMissing[f] = 1;
    }
    // One sort (a radix sort on large columns) gives the cuts and every row's bin.
    const present = column.subarray(0, m);
    const order = argsortStable(present);
    const sorted = new Float64Array(m);
    for (let i = 0; i < m; i++) sorted[i] = present[order[i]];
    const { values, counts } = distinct(sorted);
    const edges = method === "exact"
      ? values
      : quantileEdges(values, counts, Math.max(1, maxBin - hasMissing[f]));
    const nb = Math.max(edges.length, 1);
    nBins[f] = nb;
    offsets[f + 1] = offsets[f] + nb + 1;
    const thr = new Float64Array(nb);
    for (let b = 0; b + 1 < edges.length; b++) {
      // XGBoost's exact splits halfway between neighbouring values, computed in float32.
      thr[b] = method === "exact"
        ? Math.fround(Math.fround(edges[b] + edges[b + 1]) * 0.5)
        : edges[b + 1];
    }
    const max = edges.length ? edges[edges.length - 1] : 0;
    thr[nb - 1] = max + Math.abs(max) + 1e-5;
    lowest[f] = edges.length ? edges[0] : 0;
    thresholds.push(thr);
    allEdges.push(edges.length ? edges : Float64Array.of(0));
    let e = 0;
    for (let i = 0; i < m; i++) {
      const v = sorted[i];
      while (e + 1 < edges.length && edges[e + 1] <= v) e++;
      wide[rowOf[order[i]] * nFeatures + f] = e;
    }
    if (hasMissing[f]) {
      for (let i = 0; i < nRows; i++) {
        if (data[i * nFeatures + f] !== data[i * nFeatures + f]) wide[i * nFeatures + f] = nb;
      }
    }
  }
  let widest = 0;
  for (let f = 0; f < nFeatures; f++) widest = Math.max(widest, nBins[f] + hasMissing[f]);
  const bins = widest <= 256 ? new Uint8Array(wide) : wide;
  return {
    nRows,
    nFeatures,
    bins,
    nBins,
    offsets,
    thresholds,
    lowest,
    hasMissing,
    edges: allEdges,
    method,
  };
}
