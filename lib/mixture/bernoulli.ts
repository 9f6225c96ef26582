/**
 * A mixture of multivariate Bernoulli distributions fitted by EM, 李航《统计学习方法》§9.1.
 * With one feature and two components it is the three-coin model of 例9.1: coin A (heads with
 * probability π) picks coin B (heads p) or coin C (heads q), and only the second toss y is seen;
 * weights = (π, 1 − π), means = (p, q).
 *
 *   E step: μᵢₖ = πₖ Πⱼ pₖⱼ^{yᵢⱼ}(1 − pₖⱼ)^{1−yᵢⱼ} / Σₗ (same for l)             (9.5)
 *   M step: πₖ = (1/n) Σᵢ μᵢₖ,   pₖⱼ = Σᵢ μᵢₖ yᵢⱼ / Σᵢ μᵢₖ                        (9.6)–(9.8)
 *
 * @module
 */
import {
  checkInteger,
  checkNumber,
  convergenceMessage,
  ConvergenceWarning,
  Estimator,
  type EstimatorKind,
  type FittedState,
  Matrix,
  type MatrixLike,
  Random,
  toMatrix,
  ValueError,
  warn,
} from "../core/mod.ts";
import { logSumExpRows } from "./logsumexp.ts";

/** Options of {@link BernoulliMixture}. */
export interface BernoulliMixtureOptions {
  /** Number of components K (2 for the three-coin model). @default 2 */
  nComponents: number;
  /** Initial weights (π₁, …, π_K), summing to 1; null: uniform. @default null */
  weightsInit: number[] | null;
  /** Initial means, shape (K, nFeatures) or, for one feature, (K,); null: seeded uniform draws in [0.25, 0.75]. @default null */
  meansInit: number[] | number[][] | null;
  /** Threshold mapping features to 0/1 (x > binarize → 1), as scikit-learn's BernoulliNB; null: X must already be 0/1. @default null */
  binarize: number | null;
  /** Seed of the random means when `meansInit` is null. @default 0 */
  seed: number;
  /** Most EM iterations. @default 100 */
  maxIter: number;
  /** Stop when the mean log-likelihood gains less than this. @default 1e-10 */
  tol: number;
}

/** The parameters after one EM iteration. */
export interface BernoulliMixtureStep {
  /** (π₁, …, π_K) after the step. */
  weights: number[];
  /** Heads probabilities after the step, shape (K, nFeatures). */
  means: number[][];
  /** Mean log-likelihood of the data under the parameters before this step. */
  logLikelihood: number;
}

/** What {@link BernoulliMixture} learns (saved by `toJSON`). */
export interface BernoulliMixtureState extends FittedState {
  /** πₖ. */
  weights: Float64Array;
  /** Heads probabilities, shape (K, d). */
  means: Matrix;
  /** The parameters after each iteration. */
  history: BernoulliMixtureStep[];
  /** EM iterations run. */
  nIter: number;
  /** Whether `tol` was met. */
  converged: boolean;
}

const DEFAULTS: BernoulliMixtureOptions = {
  nComponents: 2,
  weightsInit: null,
  meansInit: null,
  binarize: null,
  seed: 0,
  maxIter: 100,
  tol: 1e-10,
};

/**
 * Mixture of Bernoulli distributions (例9.1's three coins when K = 2 and one feature).
 * @example
 * ```ts
 * import { BernoulliMixture } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * const y = [1, 1, 0, 1, 0, 0, 1, 0, 1, 1].map((v) => [v]); // 例9.1
 * const em = new BernoulliMixture({ weightsInit: [0.4, 0.6], meansInit: [0.6, 0.7] }).fit(y);
 * assertEquals(em.weights[0].toFixed(4), "0.4064"); // π
 * assertEquals(Array.from(em.means.col(0), (v) => v.toFixed(4)), ["0.5368", "0.6432"]); // p, q
 * ```
 */
export class BernoulliMixture extends Estimator<BernoulliMixtureOptions, BernoulliMixtureState> {
  /** Unsupervised: `fit(X)` only; `predict` gives component indices. */
  static override readonly estimatorKind: EstimatorKind = "clusterer";
  /** The class name used by `toJSON`/`fromJSON`. */
  readonly className = "BernoulliMixture";

  /**
   * Stores the options.
   * @param options see {@link BernoulliMixtureOptions}
   */
  constructor(options: Partial<BernoulliMixtureOptions> = {}) {
    super(DEFAULTS, options);
    const o = this.options;
    checkInteger("nComponents", o.nComponents, 1);
    checkInteger("maxIter", o.maxIter, 1);
    checkNumber("tol", o.tol, { min: 0 });
    if (o.binarize !== null) checkNumber("binarize", o.binarize);
    checkInteger("seed", o.seed);
    if (o.weightsInit !== null) {
      if (!Array.isArray(o.weightsInit) || o.weightsInit.length !== o.nComponents) {
        throw new ValueError(
          `The 'weightsInit' option must hold nComponents = ${o.nComponents} weights. Got ${o.weightsInit}.`,
        );
      }
      const sum = o.weightsInit.reduce((a, b) => a + b, 0);
      if (o.weightsInit.some((w) => !(w >= 0)) || Math.abs(sum - 1) > 1e-8) {
        throw new ValueError(
          `The 'weightsInit' option must be non-negative and sum to 1. Got sum ${sum}.`,
        );
      }
    }
  }

  /**
   * Runs EM from the given start until the mean log-likelihood stops rising.
   * @param X 0/1 observations, shape (nSamples, nFeatures)
   */
  fit(X: MatrixLike): this {
    const m = this.binary(toMatrix(X, "X"));
    const K = this.options.nComponents, n = m.rows, d = m.cols, o = this.options;
    const weights = Float64Array.from(o.weightsInit ?? new Array(K).fill(1 / K));
    const means = initialMeans(o.meansInit, K, d, o.seed);
    const history: BernoulliMixtureStep[] = [];
    let previous = -Infinity, converged = false, nIter = 0;
    while (nIter < o.maxIter) {
      const { logResp, logLikelihood } = eStep(m, weights, means);
      nIter++;
      // M step (9.6)–(9.8): responsibility-weighted frequencies.
      const nk = new Float64Array(K);
      const sums = new Matrix(K, d);
      for (let i = 0; i < n; i++) {
        for (let k = 0; k < K; k++) {
          const r = Math.exp(logResp.data[i * K + k]);
          nk[k] += r;
          for (let j = 0; j < d; j++) sums.data[k * d + j] += r * m.data[i * d + j];
        }
      }
      for (let k = 0; k < K; k++) {
        weights[k] = nk[k] / n;
        for (let j = 0; j < d; j++) {
          means.data[k * d + j] = nk[k] > 0 ? sums.data[k * d + j] / nk[k] : means.data[k * d + j];
        }
      }
      history.push({ weights: Array.from(weights), means: means.toArray(), logLikelihood });
      if (Math.abs(logLikelihood - previous) < o.tol) {
        converged = true;
        break;
      }
      previous = logLikelihood;
    }
    if (!converged) warn(new ConvergenceWarning(convergenceMessage(this.className, o.maxIter)));
    this.state = { weights, means, history, nIter, converged, nFeaturesIn: d };
    return this;
  }

  /** (π₁, …, π_K): the mixing weights (`weights_`). */
  get weights(): Float64Array {
    return this.fitted().weights.slice();
  }

  /** Heads probabilities per component and feature, shape (K, nFeatures) (`means_`). */
  get means(): Matrix {
    return this.fitted().means.clone();
  }

  /** The parameters after each EM iteration, with the log-likelihood before it. */
  get history(): BernoulliMixtureStep[] {
    return this.fitted().history.map((h) => ({
      ...h,
      weights: [...h.weights],
      means: h.means.map((r) => [...r]),
    }));
  }

  /** EM iterations run. */
  get nIter(): number {
    return this.fitted().nIter;
  }

  /** Whether the log-likelihood gain fell below `tol`. */
  get converged(): boolean {
    return this.fitted().converged;
  }

  /**
   * The responsibilities μᵢₖ = P(component k | xᵢ) (9.5), shape (nSamples, K).
   * @param X 0/1 observations, shape (nSamples, nFeatures)
   */
  predictProba(X: MatrixLike): Matrix {
    const { weights, means } = this.fitted();
    const { logResp } = eStep(this.binary(this.checkPredictX(X)), weights, means);
    return logResp.map((v) => Math.exp(v));
  }

  /**
   * The most responsible component of each row.
   * @param X 0/1 observations, shape (nSamples, nFeatures)
   */
  predict(X: MatrixLike): number[] {
    const P = this.predictProba(X);
    return Array.from({ length: P.rows }, (_, i) => {
      const row = P.row(i);
      return row.indexOf(Math.max(...row));
    });
  }

  /**
   * Mean log-likelihood (1/n) Σᵢ log Σₖ πₖ P(xᵢ | k).
   * @param X 0/1 observations, shape (nSamples, nFeatures)
   */
  score(X: MatrixLike): number {
    const { weights, means } = this.fitted();
    return eStep(this.binary(this.checkPredictX(X)), weights, means).logLikelihood;
  }

  /** X thresholded by `binarize`, or checked to be 0/1 already. */
  private binary(m: Matrix): Matrix {
    const t = this.options.binarize;
    if (t !== null) return m.map((v) => (v > t ? 1 : 0));
    const bad = m.data.findIndex((v) => v !== 0 && v !== 1);
    if (bad >= 0) {
      throw new ValueError(
        `BernoulliMixture needs 0/1 observations (or the binarize option). Got ${m.data[bad]} at ` +
          `row ${Math.floor(bad / m.cols)}, column ${bad % m.cols}.`,
      );
    }
    return m;
  }
}

function initialMeans(
  init: number[] | number[][] | null,
  K: number,
  d: number,
  seed: number,
): Matrix {
  if (init === null) {
    const rng = new Random(seed);
    return new Matrix(K, d, rng.uniformArray(K * d, 0.25, 0.75));
  }
  const rows = (init as unknown[]).map((r) => (Array.isArray(r) ? r : [r])) as number[][];
  if (rows.length !== K || rows.some((r) => r.length !== d)) {
    throw new ValueError(
      `The 'meansInit' option must have shape (${K}, ${d}). Got ${JSON.stringify(init)}.`,
    );
  }
  if (rows.flat().some((v) => !(v >= 0 && v <= 1))) {
    throw new ValueError(
      `The 'meansInit' option must hold probabilities in [0, 1]. Got ${JSON.stringify(init)}.`,
    );
  }
  return Matrix.from2D(rows);
}

/** log μᵢₖ and the mean log-likelihood, computed in log space. */
function eStep(
  X: Matrix,
  weights: Float64Array,
  means: Matrix,
): { logResp: Matrix; logLikelihood: number } {
  const n = X.rows, d = X.cols, K = weights.length;
  const logJoint = new Matrix(n, K);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < K; k++) {
      let s = Math.log(weights[k]);
      for (let j = 0; j < d; j++) {
        const p = means.data[k * d + j];
        s += Math.log(X.data[i * d + j] === 1 ? p : 1 - p);
      }
      logJoint.data[i * K + k] = s;
    }
  }
  return logSumExpRows(logJoint);
}
