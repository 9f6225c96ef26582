/**
 * `trainBooster`, in the spirit of `xgboost.train` / `lightgbm.train`: gradient boosting as
 * gradient descent in function space. Each round computes every row's gradient g and hessian h
 * of the loss at the current margin F, grows a tree that minimises Σ g f + ½ h f² + ½ λ‖w‖² + γT
 * (see `split.ts`), and adds it shrunk by η: F ← F + η f. Boosting modes: gbdt (plain), goss
 * (gradient-based one-side sampling), dart (dropout of trees), rf (bagged trees, averaged).
 *
 * @module
 */
import { ShapeError, ValueError } from "../core/errors.ts";
import { Random } from "../core/random.ts";
import { toVector, type VectorLike } from "../core/validation.ts";
import type { MatrixLike } from "../core/validation.ts";
import { type BoostedTree, leafIndexAt } from "./boosted_tree.ts";
import { Booster } from "./booster.ts";
import { binData, type BinnedData } from "./binning.ts";
import { checkMetrics, defaultMetric, evalMetric, higherIsBetter } from "./eval_metrics.ts";
import { type GrownTree, type GrowParams, growTree } from "./grow.ts";
import { toMatrixWithMissing } from "./input.ts";
import {
  baseScoreToMargin,
  checkLabels,
  initialMargin,
  pointwiseGradients,
  weightedMedian,
} from "./objectives.ts";
import { type BoosterParams, resolveParams } from "./params.ts";
import { groupOffsets, rankingGradients } from "./ranking_objectives.ts";
import { dartDrop, gossSample, sampleFeatures, sampleRows } from "./sampling.ts";

/** A data set whose metrics are logged after every round. */
export interface EvalSet {
  /** Name in the log and in `evalsResult`, e.g. "train" or "valid". */
  name: string;
  /** Features, shape (nSamples, nFeatures); NaN or null marks a missing value. */
  X: MatrixLike | ArrayLike<ArrayLike<number | null>>;
  /** Labels, shape (nSamples,). */
  y: VectorLike;
  /** Query group sizes (ranking). */
  group?: ArrayLike<number>;
}

/** What the per-round callback receives. */
export interface RoundInfo {
  /** 0-based round. */
  round: number;
  /** metrics[evalName][metricName] after this round. */
  metrics: Record<string, Record<string, number>>;
  /** DART: indices of the trees dropped this round. */
  dropped: number[];
}

/** Options of `trainBooster` (the data-side arguments of `xgboost.train`). */
export interface TrainOptions {
  /** Boosting rounds. @default 10 */
  numBoostRound?: number;
  /** Data sets to evaluate each round; early stopping watches the last metric of the last. */
  evals?: EvalSet[];
  /** Stop when the watched metric has not improved for this many rounds. */
  earlyStoppingRounds?: number;
  /** Query group sizes of the training rows (ranking objectives). */
  group?: ArrayLike<number>;
  /** One non-negative weight per training row. */
  sampleWeight?: VectorLike;
  /** Print "[round] valid-logloss:..." lines. @default false */
  verboseEval?: boolean;
  /** Called after every round with its metrics (and DART's dropped trees). */
  callback?: (info: RoundInfo) => void;
  /** Names of the features, stored in the model (and its files). */
  featureNames?: string[];
}

interface EvalState {
  name: string;
  data: Float64Array;
  nf: number;
  y: Float64Array;
  offsets: Uint32Array | undefined;
  margin: Float64Array;
}

/** The leaf a training row reaches, read from its bins (the same partition as the thresholds). */
function leafByBins(g: GrownTree, data: BinnedData, r: number): number {
  const { left, right, feature, defaultLeft } = g.tree;
  const nf = data.nFeatures;
  let node = 0;
  while (left[node] !== -1) {
    const f = feature[node], b = data.bins[r * nf + f];
    const goLeft = b === data.nBins[f] ? defaultLeft[node] === 1 : b <= g.splitBin[node];
    node = goLeft ? left[node] : right[node];
  }
  return node;
}

/** A tree's output on every training row. */
function treeOnTrain(g: GrownTree, data: BinnedData, fullSample: boolean): Float64Array {
  const out = new Float64Array(data.nRows);
  const { left, value } = g.tree;
  if (fullSample) {
    for (let k = 0; k < left.length; k++) {
      if (left[k] !== -1) continue;
      for (let i = g.start[k]; i < g.end[k]; i++) out[g.idx[i]] = value[k];
    }
  } else {
    for (let r = 0; r < data.nRows; r++) out[r] = value[leafByBins(g, data, r)];
  }
  return out;
}

function treeOnEval(tree: BoostedTree, e: EvalState): Float64Array {
  const n = e.y.length, out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = tree.value[leafIndexAt(tree, e.data, i * e.nf)];
  return out;
}

function checkWeights(w: VectorLike | undefined, n: number): Float64Array | undefined {
  if (w === undefined) return undefined;
  const v = toVector(w, "sampleWeight", n);
  const bad = v.findIndex((x) => x < 0);
  if (bad >= 0) throw new ValueError(`sampleWeight must be >= 0. Got ${v[bad]} at index ${bad}.`);
  return v;
}

/**
 * Trains a gradient-boosted tree ensemble (xgboost.train / lightgbm.train).
 * @param params objective, boosting mode, tree shape and regularisation (`BoosterParams`)
 * @param X shape (nSamples, nFeatures); NaN or null marks a missing value
 * @param y labels, shape (nSamples,): targets, 0/1, class indices or relevance grades
 * @returns a `Booster` whose `model.evalsResult` holds the per-round metrics
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { trainBooster } from "../mod.ts";
 * const X = [[1], [2], [3], [4], [5], [6]];
 * const y = [0, 0, 0, 1, 1, 1];
 * const booster = trainBooster({ objective: "binary", maxDepth: 1, learningRate: 1, minChildWeight: 0 }, X, y, {
 *   numBoostRound: 5,
 * });
 * const p = booster.predict([[2], [5]]) as Float64Array;
 * assertEquals([p[0] < 0.1, p[1] > 0.9], [true, true]);
 * ```
 */
export function trainBooster(
  params: BoosterParams,
  X: MatrixLike | ArrayLike<ArrayLike<number | null>>,
  y: VectorLike,
  options: TrainOptions = {},
): Booster {
  const p = resolveParams(params);
  const { numBoostRound = 10, evals = [], earlyStoppingRounds } = options;
  if (!(Number.isInteger(numBoostRound) && numBoostRound >= 1)) {
    throw new ValueError(`numBoostRound must be an integer >= 1. Got ${numBoostRound} instead.`);
  }
  const m = toMatrixWithMissing(X, "X");
  const n = m.rows, nf = m.cols;
  const yv = toVector(y, "y", n);
  const w = checkWeights(options.sampleWeight, n);
  const obj = p.objective;
  const ranking = obj === "lambdarank" || obj === "rank:pairwise";
  if (ranking && !options.group) {
    throw new ValueError(`Objective '${obj}' needs the query group sizes: pass options.group.`);
  }
  const offsets = options.group ? groupOffsets(options.group, n) : undefined;
  const K = checkLabels(obj, yv, p.numClass);
  const metrics = p.evalMetric ?? [defaultMetric(obj)];
  checkMetrics(metrics);
  const data = binData(m.data, n, nf, p.treeMethod, p.maxBin);
  const base = p.baseScore !== undefined
    ? baseScoreToMargin(obj, p.baseScore)
    : initialMargin(obj, yv, w);
  const rf = p.boosting === "rf";
  const grow: GrowParams = {
    ...p,
    learningRate: rf ? 1 : p.learningRate,
    exactOrder: p.treeMethod === "exact",
    postPrune: p.treeMethod === "exact",
  };

  const margin = new Float64Array(n * K).fill(base);
  const grad = new Float64Array(n * K), hess = new Float64Array(n * K);
  const evalStates: EvalState[] = evals.map((e) => {
    const em = toMatrixWithMissing(e.X, `evals '${e.name}' X`, nf, "the training data");
    const ey = toVector(e.y, `evals '${e.name}' y`, em.rows);
    checkLabels(obj, ey, K > 1 ? K : undefined);
    return {
      name: e.name,
      data: em.data,
      nf,
      y: ey,
      offsets: e.group ? groupOffsets(e.group, em.rows) : undefined,
      margin: new Float64Array(em.rows * K).fill(base),
    };
  });
  if (earlyStoppingRounds !== undefined && evalStates.length === 0) {
    throw new ValueError("earlyStoppingRounds needs at least one eval set in options.evals.");
  }
  const rng = new Random(p.seed);
  const trees: BoostedTree[] = [], treeGroup: number[] = [], treeWeight: number[] = [];
  const grown: GrownTree[] = [];
  const pool: Float64Array[] = [];
  const evalsResult: Record<string, Record<string, number[]>> = {};
  for (const e of evalStates) evalsResult[e.name] = Object.fromEntries(metrics.map((x) => [x, []]));
  const watched = metrics[metrics.length - 1];
  let best = NaN, bestRound = 0;

  const gradients = (at: Float64Array) => {
    if (ranking) {
      rankingGradients(at, yv, offsets!, w, grad, hess, obj === "rank:pairwise", {
        truncationLevel: p.lambdarankTruncationLevel,
        norm: p.lambdarankNorm,
      });
    } else pointwiseGradients(obj, at, yv, w, grad, hess, K, p.huberDelta);
  };
  if (rf) gradients(margin);

  for (let round = 0; round < numBoostRound; round++) {
    // DART: gradients at the margin without the dropped trees.
    const dropped = p.boosting === "dart" ? dartDrop(treeWeight, p, rng) : [];
    const droppedTrain = new Float64Array(n * K);
    const droppedEval = evalStates.map((e) => new Float64Array(e.y.length * K));
    for (const t of dropped) {
      const off = treeGroup[t] * n, onTrain = treeOnTrain(grown[t], data, false);
      for (let i = 0; i < n; i++) droppedTrain[off + i] += treeWeight[t] * onTrain[i];
      evalStates.forEach((e, j) => {
        const ne = e.y.length, pred = treeOnEval(trees[t], e);
        for (let i = 0; i < ne; i++) {
          droppedEval[j][treeGroup[t] * ne + i] += treeWeight[t] * pred[i];
        }
      });
    }
    if (!rf) {
      const at = dropped.length ? margin.map((v, i) => v - droppedTrain[i]) : margin;
      gradients(at);
    }
    const g = rf ? grad.slice() : grad, h = rf ? hess.slice() : hess;
    let rows: Uint32Array;
    if (p.boosting === "goss" && round >= Math.floor(1 / p.learningRate)) {
      rows = gossSample(g, h, n, K, p.topRate, p.otherRate, rng);
    } else rows = sampleRows(n, p.subsample, rng);
    const mask = sampleFeatures(nf, p.colsampleByTree, rng);
    const full = rows.length === n;

    // DART's normalisation: new trees weigh 1/(k + η) and dropped ones k/(k + η) ("tree"), or
    // 1/(1 + η) both ("forest"); no drop, weight 1.
    const k = dropped.length, eta = p.learningRate;
    const newWeight = k === 0 ? 1 : p.normalizeType === "tree" ? 1 / (k + eta) : 1 / (1 + eta);
    const dropFactor = k === 0 ? 1 : p.normalizeType === "tree" ? k / (k + eta) : 1 / (1 + eta);
    for (const t of dropped) treeWeight[t] *= dropFactor;
    for (let i = 0; i < n * K; i++) margin[i] -= (1 - dropFactor) * droppedTrain[i];
    evalStates.forEach((e, j) => {
      for (let i = 0; i < e.margin.length; i++) e.margin[i] -= (1 - dropFactor) * droppedEval[j][i];
    });

    for (let c = 0; c < K; c++) {
      const gc = g.subarray(c * n, (c + 1) * n), hc = h.subarray(c * n, (c + 1) * n);
      const gt = growTree(data, gc, hc, rows, mask, grow, pool);
      if (obj === "regression_l1") renewL1(gt, yv, margin.subarray(c * n), w, grow.learningRate);
      const onTrain = treeOnTrain(gt, data, full);
      for (let i = 0; i < n; i++) margin[c * n + i] += newWeight * onTrain[i];
      for (const e of evalStates) {
        const ne = e.y.length, pred = treeOnEval(gt.tree, e);
        for (let i = 0; i < ne; i++) e.margin[c * ne + i] += newWeight * pred[i];
      }
      trees.push(gt.tree);
      grown.push(gt);
      treeGroup.push(c);
      treeWeight.push(newWeight);
    }

    const info: RoundInfo = { round, metrics: {}, dropped };
    for (const e of evalStates) {
      const at = rf ? e.margin.map((v) => base + (v - base) / (round + 1)) : e.margin;
      info.metrics[e.name] = {};
      for (const name of metrics) {
        const v = evalMetric(name, at, e.y, K, e.offsets);
        evalsResult[e.name][name].push(v);
        info.metrics[e.name][name] = v;
      }
    }
    if (options.verboseEval && evalStates.length) {
      const parts = evalStates.flatMap((e) =>
        metrics.map((x) => `${e.name}-${x}:${info.metrics[e.name][x].toFixed(5)}`)
      );
      console.log(`[${round}]\t${parts.join("\t")}`);
    }
    options.callback?.(info);
    if (evalStates.length) {
      const v = info.metrics[evalStates[evalStates.length - 1].name][watched];
      const better = higherIsBetter(watched) ? v > best : v < best;
      if (round === 0 || better) [best, bestRound] = [v, round];
      if (earlyStoppingRounds !== undefined && round - bestRound >= earlyStoppingRounds) break;
    }
  }
  if (options.featureNames && options.featureNames.length !== nf) {
    throw new ShapeError(
      `featureNames has ${options.featureNames.length} names, but X has ${nf} features.`,
    );
  }
  return new Booster({
    objective: obj,
    numClass: K,
    numFeature: nf,
    baseScore: new Array(K).fill(base),
    trees,
    treeGroup: Int32Array.from(treeGroup),
    treeWeight: Float64Array.from(treeWeight),
    averageOutput: rf,
    boosting: p.boosting,
    featureNames: options.featureNames,
    bestIteration: evalStates.length ? bestRound : undefined,
    evalsResult,
    params: { ...params, numBoostRound },
  });
}

/** L1 leaves: each leaf's value becomes η · the weighted median of its rows' residuals y − F. */
function renewL1(
  gt: GrownTree,
  y: Float64Array,
  margin: Float64Array,
  w: Float64Array | undefined,
  eta: number,
): void {
  const residual = new Float64Array(y.length);
  for (let i = 0; i < y.length; i++) residual[i] = y[i] - margin[i];
  const { left, value } = gt.tree;
  for (let k = 0; k < left.length; k++) {
    if (left[k] === -1 && gt.end[k] > gt.start[k]) {
      value[k] = eta * weightedMedian(residual, w, gt.idx, gt.start[k], gt.end[k]);
    }
  }
}
