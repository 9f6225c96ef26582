/**
 * Growing one regression tree on binned data from gradients and hessians, depth by depth
 * (XGBoost's `depthwise`) or best leaf first (`lossguide`, LightGBM's leaf-wise growth with
 * `numLeaves`). The rows of a node are a contiguous range of one index array, partitioned in place
 * at each split; a node's histogram is built only for the smaller child, the larger child's is the
 * parent's minus it (the subtraction trick), so each level costs about half a pass over the data.
 *
 * @module
 */
import type { BoostedTree } from "./boosted_tree.ts";
import type { BinnedData } from "./binning.ts";
import { findBestSplit, leafWeight, type SplitInfo, type SplitParams } from "./split.ts";

/** Everything that shapes one tree. */
export interface GrowParams extends SplitParams {
  /** Minimum loss_chg for a split (XGBoost's `gamma`, `min_split_loss`). */
  gamma: number;
  /** Deepest level (root 0); 0 means no limit. */
  maxDepth: number;
  /** Leaf budget of `lossguide` growth (0: none). */
  numLeaves: number;
  growPolicy: "depthwise" | "lossguide";
  /** Shrinkage applied to every node value. */
  learningRate: number;
  /** γ removes finished subtrees bottom-up (XGBoost's `prune` after `exact`) rather than
   *  stopping splits as they are found (its `hist`). */
  postPrune: boolean;
  /** Keep per-node histograms (for subtraction) only up to this many bins. @default 2^20 */
  maxKeptBins?: number;
}

/** A grown tree plus where its training rows ended up. */
export interface GrownTree {
  tree: BoostedTree;
  /** Bin of each split (rows with bin ≤ splitBin go left); -2 on leaves. */
  splitBin: Int32Array;
  /** The rows of node k are idx[start[k] .. end[k]). */
  idx: Uint32Array;
  start: Int32Array;
  end: Int32Array;
}

interface Candidate {
  node: number;
  depth: number;
  /** The node's histogram, kept for the subtraction trick; null when histograms are too big
   *  to keep one per open node (exact on many distinct values). */
  hist: Float64Array | null;
  cnt: Float64Array | null;
  split: SplitInfo;
  /** The split's threshold, fixed while the node's histogram is at hand. */
  threshold: number;
}

/** Above this many bins (16 MB per histogram) nodes do not keep histograms. */
const KEEP_LIMIT = 1 << 20;

/** Σg, Σh per bin over rows idx[s..e): the hot loop of training. */
function buildHistogram(
  data: BinnedData,
  idx: Uint32Array,
  s: number,
  e: number,
  grad: Float64Array,
  hess: Float64Array,
  hist: Float64Array,
  cnt: Float64Array | null,
): void {
  hist.fill(0);
  const { bins, offsets } = data;
  const nf = data.nFeatures;
  for (let i = s; i < e; i++) {
    const r = idx[i];
    const g = grad[r], h = hess[r];
    const base = r * nf;
    for (let f = 0; f < nf; f++) {
      const k = (offsets[f] + bins[base + f]) << 1;
      hist[k] += g;
      hist[k + 1] += h;
    }
  }
  if (cnt) {
    cnt.fill(0);
    for (let i = s; i < e; i++) {
      const base = idx[i] * nf;
      for (let f = 0; f < nf; f++) cnt[offsets[f] + bins[base + f]]++;
    }
  }
}

/**
 * Grows one tree.
 * @param rows the rows this tree learns from (after subsampling / GOSS)
 * @param featureMask 1 for the features this tree may split on (column sampling), or null
 * @param pool spare histogram buffers, reused across trees (every buffer goes back at the end)
 */
export function growTree(
  data: BinnedData,
  grad: Float64Array,
  hess: Float64Array,
  rows: Uint32Array,
  featureMask: Uint8Array | null,
  p: GrowParams,
  pool: Float64Array[] = [],
): GrownTree {
  const totalBins = data.offsets[data.nFeatures];
  const useCnt = p.minDataInLeaf > 0;
  const keep = totalBins <= (p.maxKeptBins ?? KEEP_LIMIT);
  const alloc = () => pool.pop() ?? new Float64Array(2 * totalBins);
  const idx = rows.slice();
  const tmp = new Uint32Array(idx.length);
  const left: number[] = [], right: number[] = [], feature: number[] = [], splitBin: number[] = [];
  const threshold: number[] = [], defaultLeft: number[] = [], value: number[] = [];
  const gain: number[] = [], cover: number[] = [], start: number[] = [], end: number[] = [];
  const G: number[] = [], H: number[] = [];
  const addNode = (s: number, e: number, g: number, h: number): number => {
    left.push(-1), right.push(-1), feature.push(-1), splitBin.push(-2), threshold.push(0);
    defaultLeft.push(0), gain.push(0), cover.push(h), start.push(s), end.push(e);
    G.push(g), H.push(h), value.push(p.learningRate * leafWeight(p, g, h));
    return left.length - 1;
  };
  const evaluate = (node: number, depth: number, hist: Float64Array, cnt: Float64Array | null) => {
    const split = findBestSplit(
      data,
      hist,
      cnt,
      G[node],
      H[node],
      end[node] - start[node],
      featureMask,
      p,
    );
    const f = split.feature, b = split.bin;
    const threshold = f < 0
      ? 0
      : b < 0
      ? data.lowest[f]
      : data.method === "exact"
      ? exactThreshold(data, hist, f, b)
      : data.thresholds[f][b];
    return { node, depth, hist: keep ? hist : null, cnt, split, threshold } as Candidate;
  };
  const canSplit = (c: Candidate) =>
    c.split.feature >= 0 && c.split.gain > 1e-6 && (p.postPrune || c.split.gain >= p.gamma) &&
    (p.maxDepth <= 0 || c.depth < p.maxDepth);

  // Splits a candidate: partitions its rows, makes both children and their histograms.
  const expand = (c: Candidate): Candidate[] => {
    const { node, split } = c;
    const f = split.feature, b = split.bin, nf = data.nFeatures;
    const missingBin = data.nBins[f], dl = split.defaultLeft;
    const s = start[node], e = end[node];
    let l = s, t = 0;
    for (let i = s; i < e; i++) {
      const r = idx[i], bin = data.bins[r * nf + f];
      if (bin === missingBin ? dl : bin <= b) idx[l++] = r;
      else tmp[t++] = r;
    }
    idx.set(tmp.subarray(0, t), l);
    feature[node] = f;
    splitBin[node] = b;
    threshold[node] = c.threshold;
    defaultLeft[node] = dl ? 1 : 0;
    gain[node] = split.gain;
    const ln = addNode(s, l, split.gl, split.hl);
    const rn = addNode(l, e, G[node] - split.gl, H[node] - split.hl);
    left[node] = ln;
    right[node] = rn;
    if (!c.hist) {
      // No kept histogram: build each child's in turn into one buffer and score it at once.
      const scratch = alloc();
      const cnt = useCnt ? new Float64Array(totalBins) : null;
      buildHistogram(data, idx, s, l, grad, hess, scratch, cnt);
      const lc = evaluate(ln, c.depth + 1, scratch, cnt);
      buildHistogram(data, idx, l, e, grad, hess, scratch, cnt);
      const rc = evaluate(rn, c.depth + 1, scratch, cnt);
      pool.push(scratch);
      return [lc, rc];
    }
    // The smaller child gets a fresh histogram; the parent's becomes the larger child's.
    const smallIsLeft = l - s <= e - l;
    const small = alloc();
    const smallCnt = useCnt ? new Float64Array(totalBins) : null;
    buildHistogram(
      data,
      idx,
      smallIsLeft ? s : l,
      smallIsLeft ? l : e,
      grad,
      hess,
      small,
      smallCnt,
    );
    const big: Float64Array = c.hist, bigCnt = c.cnt;
    for (let k = 0; k < big.length; k++) big[k] -= small[k];
    if (bigCnt && smallCnt) { for (let k = 0; k < bigCnt.length; k++) bigCnt[k] -= smallCnt[k]; }
    const lc = evaluate(
      ln,
      c.depth + 1,
      smallIsLeft ? small : big,
      smallIsLeft ? smallCnt : bigCnt,
    );
    const rc = evaluate(
      rn,
      c.depth + 1,
      smallIsLeft ? big : small,
      smallIsLeft ? bigCnt : smallCnt,
    );
    return [lc, rc];
  };

  let g0 = 0, h0 = 0;
  for (let i = 0; i < idx.length; i++) {
    g0 += grad[idx[i]];
    h0 += hess[idx[i]];
  }
  addNode(0, idx.length, g0, h0);
  const rootHist = alloc();
  const rootCnt = useCnt ? new Float64Array(totalBins) : null;
  buildHistogram(data, idx, 0, idx.length, grad, hess, rootHist, rootCnt);
  const root = evaluate(0, 0, rootHist, rootCnt);
  if (!keep) pool.push(rootHist);

  if (p.growPolicy === "depthwise") {
    let level = [root];
    while (level.length) {
      const next: Candidate[] = [];
      for (const c of level) {
        if (canSplit(c)) next.push(...expand(c));
        else if (c.hist) pool.push(c.hist);
      }
      level = next;
    }
  } else {
    const open = [root];
    let leaves = 1;
    while (open.length && (p.numLeaves <= 0 || leaves < p.numLeaves)) {
      // Best gain first; on ties the older node (XGBoost's timestamp order).
      let bi = 0;
      for (let i = 1; i < open.length; i++) {
        const a = open[i].split.gain, b = open[bi].split.gain;
        if (a > b || (a === b && open[i].node < open[bi].node)) bi = i;
      }
      const c = open.splice(bi, 1)[0];
      if (!canSplit(c)) {
        if (c.hist) pool.push(c.hist);
        continue;
      }
      open.push(...expand(c));
      leaves++;
    }
    for (const c of open) if (c.hist) pool.push(c.hist);
  }
  if (p.postPrune && p.gamma > 0) prune(0, left, right, gain, p.gamma);
  return compact({
    left,
    right,
    feature,
    threshold,
    defaultLeft,
    value,
    gain,
    cover,
    splitBin,
    start,
    end,
  }, idx);
}

/**
 * Exact greedy splits halfway between the two values of THIS node that the split separates
 * (XGBoost's colmaker, in float32), not between neighbours in the whole data set.
 */
function exactThreshold(data: BinnedData, hist: Float64Array, f: number, b: number): number {
  const off = data.offsets[f], nb = data.nBins[f], edges = data.edges[f];
  let lo = b, hi = b + 1;
  while (lo > 0 && hist[2 * (off + lo) + 1] <= 0) lo--;
  while (hi < nb && hist[2 * (off + hi) + 1] <= 0) hi++;
  if (hi >= nb) return data.thresholds[f][nb - 1];
  return Math.fround(Math.fround(edges[lo] + edges[hi]) * 0.5);
}

/** XGBoost's pruner: a split whose children are leaves and whose gain is below γ is undone. */
function prune(node: number, left: number[], right: number[], gain: number[], gamma: number) {
  if (left[node] === -1) return;
  prune(left[node], left, right, gain, gamma);
  prune(right[node], left, right, gain, gamma);
  const l = left[node], r = right[node];
  if (left[l] === -1 && left[r] === -1 && gain[node] < gamma) {
    left[node] = right[node] = -1;
    gain[node] = 0;
  }
}

/** Typed arrays of the reachable nodes, renumbered in breadth-first order of creation. */
function compact(a: Record<string, number[]>, idx: Uint32Array): GrownTree {
  const n = a.left.length;
  const keep: number[] = [];
  const newId = new Int32Array(n).fill(-1);
  // Creation order is kept: children always come after their parent.
  const reachable = new Uint8Array(n);
  reachable[0] = 1;
  for (let k = 0; k < n; k++) {
    if (!reachable[k]) continue;
    newId[k] = keep.length;
    keep.push(k);
    if (a.left[k] !== -1) reachable[a.left[k]] = reachable[a.right[k]] = 1;
  }
  const pick = (name: string) => keep.map((k) => a[name][k]);
  const tree: BoostedTree = {
    left: Int32Array.from(keep, (k) => (a.left[k] === -1 ? -1 : newId[a.left[k]])),
    right: Int32Array.from(keep, (k) => (a.left[k] === -1 ? -1 : newId[a.right[k]])),
    feature: Int32Array.from(keep, (k) => (a.left[k] === -1 ? -1 : a.feature[k])),
    threshold: Float64Array.from(keep, (k) => (a.left[k] === -1 ? 0 : a.threshold[k])),
    defaultLeft: Uint8Array.from(keep, (k) => (a.left[k] === -1 ? 0 : a.defaultLeft[k])),
    value: Float64Array.from(pick("value")),
    gain: Float64Array.from(keep, (k) => (a.left[k] === -1 ? 0 : a.gain[k])),
    cover: Float64Array.from(pick("cover")),
  };
  return {
    tree,
    splitBin: Int32Array.from(keep, (k) => (a.left[k] === -1 ? -2 : a.splitBin[k])),
    idx,
    start: Int32Array.from(pick("start")),
    end: Int32Array.from(pick("end")),
  };
}
