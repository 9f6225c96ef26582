/**
 * The Gaussian mixture model fitted by EM, 李航《统计学习方法》§9.3 (算法9.2), as scikit-learn's
 * `GaussianMixture`: E step γᵢₖ = πₖ N(xᵢ | μₖ, Σₖ) / Σₗ πₗ N(xᵢ | μₗ, Σₗ) in log space, M step
 * in gaussian_params.ts, stop when the mean log-likelihood gains less than `tol`. EM never
 * lowers the likelihood (定理9.1), which `logLikelihoodHistory` lets one check.
 *
 * @module
 */
import {
  checkInteger,
  checkNumber,
  checkOneOf,
  convergenceMessage,
  ConvergenceWarning,
  Estimator,
  type EstimatorKind,
  type FittedState,
  inverse,
  Matrix,
  type MatrixLike,
  toMatrix,
  ValueError,
  warn,
} from "../core/mod.ts";
import {
  type CovarianceType,
  type GaussianParams,
  mStep,
  weightedLogProb,
} from "./gaussian_params.ts";
import { initialResponsibilities, type InitParams } from "./init.ts";
import { logSumExpRows } from "./logsumexp.ts";

/** Options of {@link GaussianMixture}. */
export interface GaussianMixtureOptions {
  /** Number of components K. @default 1 */
  nComponents: number;
  /** "full" (own Σₖ), "tied" (one Σ), "diag" (own diagonal Σₖ), "spherical" (σₖ² I). @default "full" */
  covarianceType: CovarianceType;
  /** Stop when the mean log-likelihood gains less than this. @default 1e-3 */
  tol: number;
  /** Added to the diagonal of every covariance. @default 1e-6 */
  regCovar: number;
  /** Most EM iterations. @default 100 */
  maxIter: number;
  /** Starting responsibilities when parameters are not given: "kmeans" (k-means++ then Lloyd), "k-means++", "random". @default "kmeans" */
  initParams: InitParams;
  /** Initial weights, length K. @default null */
  weightsInit: number[] | null;
  /** Initial means, shape (K, nFeatures). @default null */
  meansInit: number[][] | null;
  /** Initial precisions Σ⁻¹ in scikit-learn's shape for the covariance type (full: (K, d, d), tied: (d, d), diag: (K, d), spherical: (K,)). @default null */
  precisionsInit: number[] | number[][] | number[][][] | null;
  /** Seed of the initialisation. @default 0 */
  seed: number;
}

/** What {@link GaussianMixture} learns (saved by `toJSON`). */
export interface GaussianMixtureState extends FittedState {
  /** πₖ. */
  weights: Float64Array;
  /** μₖ, shape (K, d). */
  means: Matrix;
  /** Σₖ as full d × d matrices, whatever the covariance type. */
  cov: Matrix[];
  /** Mean log-likelihood at the start of each iteration. */
  history: number[];
  /** EM iterations run. */
  nIter: number;
  /** Whether `tol` was met. */
  converged: boolean;
}

const DEFAULTS: GaussianMixtureOptions = {
  nComponents: 1,
  covarianceType: "full",
  tol: 1e-3,
  regCovar: 1e-6,
  maxIter: 100,
  initParams: "kmeans",
  weightsInit: null,
  meansInit: null,
  precisionsInit: null,
  seed: 0,
};

/**
 * Gaussian mixture model (GMM) fitted by EM.
 * @example
 * ```ts
 * import { GaussianMixture } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * const X = [[-5.1], [-4.8], [-5.0], [-5.2], [4.9], [5.1], [5.0], [5.3]];
 * const gmm = new GaussianMixture({ nComponents: 2, seed: 0 }).fit(X);
 * assertEquals(Array.from(gmm.means.col(0), Math.round).sort((a, b) => a - b), [-5, 5]);
 * assertEquals(Array.from(gmm.weights, (w) => w.toFixed(2)), ["0.50", "0.50"]);
 * ```
 */
export class GaussianMixture extends Estimator<GaussianMixtureOptions, GaussianMixtureState> {
  /** Unsupervised: `fit(X)` only; `predict` gives component indices. */
  static override readonly estimatorKind: EstimatorKind = "clusterer";
  /** The class name used by `toJSON`/`fromJSON`. */
  readonly className = "GaussianMixture";

  /**
   * Stores the options.
   * @param options see {@link GaussianMixtureOptions}
   */
  constructor(options: Partial<GaussianMixtureOptions> = {}) {
    super(DEFAULTS, options);
    const o = this.options;
    checkInteger("nComponents", o.nComponents, 1);
    checkOneOf("covarianceType", o.covarianceType, ["full", "tied", "diag", "spherical"] as const);
    checkNumber("tol", o.tol, { min: 0 });
    checkNumber("regCovar", o.regCovar, { min: 0 });
    checkInteger("maxIter", o.maxIter, 1);
    checkOneOf("initParams", o.initParams, ["kmeans", "k-means++", "random"] as const);
    checkInteger("seed", o.seed);
  }

  /**
   * Runs EM (算法9.2) from the initialisation until the mean log-likelihood gains less than `tol`.
   * @param X shape (nSamples, nFeatures), at least nComponents rows
   */
  fit(X: MatrixLike): this {
    const m = toMatrix(X, "X");
    const o = this.options, K = o.nComponents;
    if (m.rows < K) {
      throw new ValueError(
        `GaussianMixture needs at least nComponents = ${K} samples. Got ${m.rows}.`,
      );
    }
    let params = this.initialParams(m);
    const history: number[] = [];
    let previous = -Infinity, converged = false, nIter = 0;
    while (nIter < o.maxIter) {
      const { logResp, logLikelihood } = logSumExpRows(weightedLogProb(m, params));
      params = mStep(m, logResp.map(Math.exp), o.covarianceType, o.regCovar);
      nIter++;
      history.push(logLikelihood);
      if (Math.abs(logLikelihood - previous) < o.tol) {
        converged = true;
        break;
      }
      previous = logLikelihood;
    }
    if (!converged) warn(new ConvergenceWarning(convergenceMessage(this.className, o.maxIter)));
    this.state = { ...params, history, nIter, converged, nFeaturesIn: m.cols };
    return this;
  }

  /** πₖ, length K (`weights_`). */
  get weights(): Float64Array {
    return this.fitted().weights.slice();
  }

  /** μₖ, shape (K, nFeatures) (`means_`). */
  get means(): Matrix {
    return this.fitted().means.clone();
  }

  /**
   * The covariances in scikit-learn's shape for the type (`covariances_`): full → K matrices
   * (d × d), tied → one matrix, diag → (K, d), spherical → length K.
   */
  get covariances(): Matrix[] | Matrix | Float64Array {
    const { cov } = this.fitted();
    const d = cov[0].rows;
    switch (this.options.covarianceType) {
      case "full":
        return cov.map((c) => c.clone());
      case "tied":
        return cov[0].clone();
      case "diag":
        return Matrix.from2D(cov.map((c) => Array.from({ length: d }, (_, a) => c.get(a, a))));
      default:
        return Float64Array.from(cov, (c) => c.get(0, 0));
    }
  }

  /** Every component's full covariance matrix Σₖ (d × d), whatever the type, e.g. for plotting. */
  get covarianceMatrices(): Matrix[] {
    return this.fitted().cov.map((c) => c.clone());
  }

  /** The mean log-likelihood at the start of each EM iteration (the last is `lowerBound`). */
  get logLikelihoodHistory(): Float64Array {
    return Float64Array.from(this.fitted().history);
  }

  /** The last value of `logLikelihoodHistory` (`lower_bound_`). */
  get lowerBound(): number {
    return this.fitted().history.at(-1)!;
  }

  /** EM iterations run (`n_iter_`). */
  get nIter(): number {
    return this.fitted().nIter;
  }

  /** Whether EM met `tol` within `maxIter` (`converged_`). */
  get converged(): boolean {
    return this.fitted().converged;
  }

  /**
   * log p(xᵢ) = log Σₖ πₖ N(xᵢ | μₖ, Σₖ) per row.
   * @param X shape (nSamples, nFeatures)
   */
  scoreSamples(X: MatrixLike): Float64Array {
    const logJoint = weightedLogProb(this.checkPredictX(X), this.fitted());
    const { logResp } = logSumExpRows(logJoint);
    return Float64Array.from(
      { length: logJoint.rows },
      (_, i) => logJoint.get(i, 0) - logResp.get(i, 0),
    );
  }

  /**
   * Mean log-likelihood of X (scikit-learn's `score`).
   * @param X shape (nSamples, nFeatures)
   */
  score(X: MatrixLike): number {
    return logSumExpRows(weightedLogProb(this.checkPredictX(X), this.fitted())).logLikelihood;
  }

  /**
   * Responsibilities γᵢₖ, shape (nSamples, K).
   * @param X shape (nSamples, nFeatures)
   */
  predictProba(X: MatrixLike): Matrix {
    return logSumExpRows(weightedLogProb(this.checkPredictX(X), this.fitted())).logResp.map(
      Math.exp,
    );
  }

  /**
   * The most responsible component of each row.
   * @param X shape (nSamples, nFeatures)
   */
  predict(X: MatrixLike): number[] {
    const P = this.predictProba(X);
    return Array.from({ length: P.rows }, (_, i) => {
      const row = P.row(i);
      return row.indexOf(Math.max(...row));
    });
  }

  /**
   * Bayesian information criterion −2 n ℓ + p log n (lower is better).
   * @param X shape (nSamples, nFeatures)
   */
  bic(X: MatrixLike): number {
    const m = this.checkPredictX(X);
    return -2 * this.score(m) * m.rows + this.nParameters() * Math.log(m.rows);
  }

  /**
   * Akaike information criterion −2 n ℓ + 2p.
   * @param X shape (nSamples, nFeatures)
   */
  aic(X: MatrixLike): number {
    const m = this.checkPredictX(X);
    return -2 * this.score(m) * m.rows + 2 * this.nParameters();
  }

  /** Free parameters: K − 1 weights, K·d means and the covariance entries of the type. */
  private nParameters(): number {
    const K = this.options.nComponents, d = this.fitted().nFeaturesIn;
    const cov = { full: K * d * (d + 1) / 2, tied: d * (d + 1) / 2, diag: K * d, spherical: K }[
      this.options.covarianceType
    ];
    return cov + K * d + K - 1;
  }

  /** Parameters from the initial responsibilities, overridden by any given *Init option. */
  private initialParams(X: Matrix): GaussianParams {
    const o = this.options, K = o.nComponents, d = X.cols;
    const resp = initialResponsibilities(X, K, o.initParams, o.seed);
    const p = mStep(X, resp, o.covarianceType, o.regCovar);
    if (o.weightsInit !== null) {
      const w = o.weightsInit;
      if (
        w.length !== K || w.some((v) => !(v >= 0)) ||
        Math.abs(w.reduce((a, b) => a + b, 0) - 1) > 1e-8
      ) {
        throw new ValueError(
          `The 'weightsInit' option must be ${K} non-negative weights summing to 1. Got ${w}.`,
        );
      }
      p.weights = Float64Array.from(w);
    }
    if (o.meansInit !== null) {
      if (o.meansInit.length !== K || o.meansInit.some((r) => r.length !== d)) {
        throw new ValueError(`The 'meansInit' option must have shape (${K}, ${d}).`);
      }
      p.means = Matrix.from2D(o.meansInit);
    }
    if (o.precisionsInit !== null) {
      p.cov = covariancesFromPrecisions(o.precisionsInit, o.covarianceType, K, d);
    }
    return p;
  }
}

/** Σₖ = (Σₖ⁻¹)⁻¹ from scikit-learn-shaped precisions. */
function covariancesFromPrecisions(
  init: number[] | number[][] | number[][][],
  type: CovarianceType,
  K: number,
  d: number,
): Matrix[] {
  const bad = () =>
    new ValueError(`The 'precisionsInit' option has the wrong shape for covarianceType "${type}".`);
  if (type === "full") {
    const a = init as number[][][];
    if (a.length !== K || a.some((P) => P.length !== d || P.some((r) => r.length !== d))) {
      throw bad();
    }
    return a.map((P) => inverse(Matrix.from2D(P)));
  }
  if (type === "tied") {
    const a = init as number[][];
    if (a.length !== d || a.some((r) => !Array.isArray(r) || r.length !== d)) throw bad();
    const c = inverse(Matrix.from2D(a));
    return Array.from({ length: K }, () => c);
  }
  if (type === "diag") {
    const a = init as number[][];
    if (a.length !== K || a.some((r) => r.length !== d)) throw bad();
    return a.map((r) => {
      const c = new Matrix(d, d);
      r.forEach((v, j) => c.set(j, j, 1 / v));
      return c;
    });
  }
  const a = init as number[];
  if (a.length !== K) throw bad();
  return a.map((v) => {
    const c = new Matrix(d, d);
    for (let j = 0; j < d; j++) c.set(j, j, 1 / v);
    return c;
  });
}
