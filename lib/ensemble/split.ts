/**
 * The regularised split search of XGBoost ("Introduction to Boosted Trees"). With G, H the sums
 * of gradients and hessians in a leaf, the best leaf weight and its structure score are
 *   w* = −G / (H + λ),   score = G² / (H + λ),
 * and splitting a leaf into L and R changes the objective by
 *   gain = ½ [G_L²/(H_L+λ) + G_R²/(H_R+λ) − (G_L+G_R)²/(H_L+H_R+λ)] − γ.
 * As in XGBoost's code the stored gain is the bracket without the ½ (its `loss_chg`), compared
 * with γ (`minSplitLoss`) as is. L1 `alpha` soft-thresholds G; `maxDeltaStep` clips w.
 *
 * @module
 */
import type { BinnedData } from "./binning.ts";

/** Regularisation and size limits shared by the split search and the leaf values. */
export interface SplitParams {
  /** L2 penalty λ on leaf weights. */
  lambda: number;
  /** L1 penalty α on leaf weights. */
  alpha: number;
  /** Minimum hessian sum in a child. */
  minChildWeight: number;
  /** Largest |w| a leaf may take (0: no limit). */
  maxDeltaStep: number;
  /** Minimum number of rows in a child (0: no limit). */
  minDataInLeaf: number;
  /** XGBoost's exact scan order (missing-left pass only when there are missing values) and
   *  tie-breaking; false: its hist order. */
  exactOrder: boolean;
}

/** The best split found for one node. */
export interface SplitInfo {
  /** Split feature, -1 when no split improves the objective. */
  feature: number;
  /** Bins ≤ bin go left (-1: only the missing values go left). */
  bin: number;
  defaultLeft: boolean;
  /** loss_chg: the bracket of the gain formula (no ½, no γ). */
  gain: number;
  gl: number;
  hl: number;
  cl: number;
}

/** sign(G) · max(|G| − α, 0). */
function thresholdL1(g: number, alpha: number): number {
  if (g > alpha) return g - alpha;
  if (g < -alpha) return g + alpha;
  return 0;
}

/** The leaf weight w = −T_α(G) / (H + λ), clipped to ±maxDeltaStep; 0 below minChildWeight. */
export function leafWeight(p: SplitParams, g: number, h: number): number {
  if (h < p.minChildWeight || h <= 0) return 0;
  let w = -thresholdL1(g, p.alpha) / (h + p.lambda);
  if (p.maxDeltaStep !== 0 && Math.abs(w) > p.maxDeltaStep) {
    w = Math.sign(w) * p.maxDeltaStep;
  }
  return w;
}

/** Structure score of a leaf: T_α(G)²/(H + λ), or −(2Gw + (H+λ)w²) − 2α|w| with a clipped w. */
export function leafGain(p: SplitParams, g: number, h: number): number {
  if (h < p.minChildWeight || h <= 0) return 0;
  if (p.maxDeltaStep === 0) {
    const t = thresholdL1(g, p.alpha);
    return (t * t) / (h + p.lambda);
  }
  const w = leafWeight(p, g, h);
  return -(2 * g * w + (h + p.lambda) * w * w) - 2 * p.alpha * Math.abs(w);
}

/**
 * Scans the histogram of one node for its best split over the allowed features.
 * @param hist per-bin [Σg, Σh] pairs, laid out by `data.offsets`
 * @param cnt per-bin row counts (only needed with minDataInLeaf), or null
 * @param g, h, c the node's sums of gradients, hessians and rows
 */
export function findBestSplit(
  data: BinnedData,
  hist: Float64Array,
  cnt: Float64Array | null,
  g: number,
  h: number,
  c: number,
  featureMask: Uint8Array | null,
  p: SplitParams,
): SplitInfo {
  const parentGain = leafGain(p, g, h);
  const mcw = p.minChildWeight, mdl = p.minDataInLeaf, lambda = p.lambda;
  // Plain L2 (no α, no max step): the score is G²/(H + λ), inlined in the scan.
  const plain = p.alpha === 0 && p.maxDeltaStep === 0;
  let bestGain = 0, bestF = -1, bestBin = 0, bestDl = false, bestGl = 0, bestHl = 0, bestCl = 0;
  for (let f = 0; f < data.nFeatures; f++) {
    if (featureMask && !featureMask[f]) continue;
    const off = data.offsets[f], nb = data.nBins[f], mi = off + nb;
    const hm = hist[2 * mi + 1];
    const miss = hm > 0 || (cnt !== null && cnt[mi] > 0);
    // XGBoost's exact scans forward only for columns with missing values anywhere in the data.
    if (!p.exactOrder || data.hasMissing[f]) {
      // Forward: left = bins 0..b, missing values go right.
      let gl = 0, hl = 0, cl = 0;
      const last = miss ? nb : nb - 1;
      for (let b = 0; b < last; b++) {
        const k = off + b;
        gl += hist[2 * k];
        hl += hist[2 * k + 1];
        if (cnt) cl += cnt[k];
        const hr = h - hl;
        if (hl < mcw || hr < mcw || hl <= 0 || hr <= 0) continue;
        if (mdl > 0 && (cl < mdl || c - cl < mdl)) continue;
        const gr = g - gl;
        const gain = (plain
          ? (gl * gl) / (hl + lambda) + (gr * gr) / (hr + lambda)
          : leafGain(p, gl, hl) + leafGain(p, gr, hr)) - parentGain;
        if (gain > bestGain) {
          [bestGain, bestF, bestBin, bestDl, bestGl, bestHl, bestCl] = [
            gain,
            f,
            b,
            false,
            gl,
            hl,
            cl,
          ];
        }
      }
    }
    if (p.exactOrder || miss) {
      // Backward: right = bins b..nb−1, left = the rest with the missing values.
      let gr = 0, hr = 0, cr = 0;
      for (let b = nb - 1; b >= (miss ? 0 : 1); b--) {
        const k = off + b;
        gr += hist[2 * k];
        hr += hist[2 * k + 1];
        if (cnt) cr += cnt[k];
        const hl = h - hr;
        if (hl < mcw || hr < mcw || hl <= 0 || hr <= 0) continue;
        if (mdl > 0 && (c - cr < mdl || cr < mdl)) continue;
        const gl = g - gr;
        const gain = (plain
          ? (gl * gl) / (hl + lambda) + (gr * gr) / (hr + lambda)
          : leafGain(p, gl, hl) + leafGain(p, gr, hr)) - parentGain;
        if (gain > bestGain) {
          [bestGain, bestF, bestBin, bestDl, bestGl, bestHl, bestCl] = [
            gain,
            f,
            b - 1,
            true,
            g - gr,
            hl,
            c - cr,
          ];
        }
      }
    }
  }
  return {
    feature: bestF,
    bin: bestBin,
    defaultLeft: bestDl,
    gain: bestGain,
    gl: bestGl,
    hl: bestHl,
    cl: cnt ? bestCl : 0,
  };
}
