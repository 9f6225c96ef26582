/**
 * The lasso (ESL §3.4.2): minimise (1/2n)‖y − Xw − b‖² + α‖w‖₁ (scikit-learn's `Lasso`), by
 * coordinate descent; and `lassoPath`, the solutions along a decreasing grid of α with warm
 * starts (ESL §3.8.6, scikit-learn's `lasso_path`).
 *
 * @module
 */
import { Matrix, type Vector } from "../core/matrix.ts";
import {
  checkBoolean,
  checkInteger,
  checkNumber,
  checkOptions,
  optionNames,
} from "../core/options.ts";
import { type MatrixLike, toMatrix, toVector, type VectorLike } from "../core/validation.ts";
import { centre, interceptFrom } from "./center.ts";
import { LinearModel, type LinearModelState } from "./linear_model.ts";
import { type FitOptions, toSampleWeight } from "../core/sample_weight.ts";
import { convergenceMessage, ConvergenceWarning, warn } from "../core/warnings.ts";
import { lassoCoordinateDescent } from "./coordinate_descent.ts";

/** Options of {@link Lasso}. */
export interface LassoOptions {
  /** Penalty α ≥ 0 on (1/2n)‖y − Xw − b‖² + α‖w‖₁. @default 1 */
  alpha: number;
  /** Learn an unpenalised intercept b. @default true */
  fitIntercept: boolean;
  /** Maximum number of coordinate sweeps. @default 1000 */
  maxIter: number;
  /** Stop when the duality gap ≤ tol·‖y − ȳ‖² (scikit-learn's test). @default 1e-4 */
  tol: number;
}

/** What {@link Lasso} learns (saved by `toJSON`). */
export interface LassoState extends LinearModelState {
  /** β̂ in the original feature units (exact zeros for dropped features). */
  coef: Vector;
  /** The intercept (not penalised). */
  intercept: number;
  /** Coordinate-descent sweeps made. */
  nIter: number;
  /** The duality gap at the end (the stopping test). */
  dualGap: number;
  /** True when the gap met the `tol` test before `maxIter`. */
  converged: boolean;
}

/**
 * Lasso regression by cyclic coordinate descent with soft thresholding.
 *
 * @example
 * ```ts
 * import { assertAlmostEquals } from "@std/assert";
 * import { Lasso } from "../mod.ts";
 * const model = new Lasso({ alpha: 0.1 }).fit([[0], [1], [2], [3]], [0, 1, 2, 3]);
 * // one centred feature: w = S(Σx꜀y꜀/n, α)/(Σx꜀²/n) = (1.25 − 0.1)/1.25
 * assertAlmostEquals(model.coef[0], 0.92);
 * ```
 */
export class Lasso extends LinearModel<LassoOptions, LassoState> {
  /** "Lasso": the name `toJSON` writes and `fromJSON` checks. */
  readonly className = "Lasso";

  /**
   * Stores the options (see {@link LassoOptions}); nothing is learned until `fit`.
   * @param options see {@link LassoOptions}
   */
  constructor(options: Partial<LassoOptions> = {}) {
    super({ alpha: 1, fitIntercept: true, maxIter: 1000, tol: 1e-4 }, options);
    const o = this.options;
    checkNumber("alpha", o.alpha, { min: 0 });
    checkBoolean("fitIntercept", o.fitIntercept);
    checkInteger("maxIter", o.maxIter, 1);
    checkNumber("tol", o.tol, { min: 0 });
  }

  /**
   * Fits w by coordinate descent on the centred data, then b = ȳ − x̄·w.
   * @param X shape (nSamples, nFeatures)
   * @param y shape (nSamples,)
   * @param fitOptions `sampleWeight`, shape (nSamples,): (1/2Σw)Σ wᵢ(yᵢ − ŷᵢ)² + α‖w‖₁, as scikit-learn
   * @returns this, fitted
   */
  fit(X: MatrixLike, y: VectorLike, fitOptions: FitOptions = {}): this {
    const m = toMatrix(X, "X");
    const yv = toVector(y, "y", m.rows);
    checkOptions(fitOptions, ["sampleWeight"], `${this.className}.fit`);
    const w = toSampleWeight(fitOptions.sampleWeight, m.rows);
    const c = centre(m, yv, this.options.fitIntercept, w);
    const { alpha, maxIter, tol } = this.options;
    const total = w ? w.reduce((s, v) => s + v, 0) : m.rows; // (1/2Σw)Σwᵢrᵢ² + α‖β‖₁, as scikit-learn
    const r = lassoCoordinateDescent(
      c.X,
      c.y,
      alpha * total,
      new Float64Array(m.cols),
      maxIter,
      tol,
    );
    if (!r.converged) warn(new ConvergenceWarning(convergenceMessage(this.className, maxIter)));
    this.state = {
      nFeaturesIn: m.cols,
      coef: r.coef,
      intercept: interceptFrom(c, r.coef),
      nIter: r.nIter,
      dualGap: r.gap,
      converged: r.converged,
    };
    return this;
  }

  /** Coordinate sweeps run. */
  get nIter(): number {
    return this.fitted().nIter;
  }

  /** Final duality gap of the unscaled problem ½‖·‖² + αn‖w‖₁. */
  get dualGap(): number {
    return this.fitted().dualGap;
  }

  /** Whether the gap test passed within `maxIter`. */
  get converged(): boolean {
    return this.fitted().converged;
  }
}

/** Options of {@link lassoPath}. */
export interface LassoPathOptions {
  /** The penalties, used in decreasing order. @default nAlphas values log-spaced down from αmax */
  alphas?: ArrayLike<number>;
  /** Grid size when `alphas` is not given. @default 100 */
  nAlphas?: number;
  /** αmin = eps·αmax, αmax = max|Xᵀy|/n the smallest α with w = 0. @default 1e-3 */
  eps?: number;
  /** Sweeps per α. @default 1000 */
  maxIter?: number;
  /** Gap tolerance (see {@link LassoOptions}). @default 1e-4 */
  tol?: number;
}

const LASSO_PATH_OPTIONS = optionNames<LassoPathOptions>({
  alphas: true,
  nAlphas: true,
  eps: true,
  maxIter: true,
  tol: true,
});

/** Lasso solutions along a grid of penalties. */
export interface LassoPathResult {
  /** The penalties, decreasing. */
  alphas: Vector;
  /** Coefficients, shape (nFeatures, nAlphas): row j is feature j's profile. */
  coefs: Matrix;
}

/**
 * Lasso path by coordinate descent with warm starts, as scikit-learn's `lasso_path`: like it,
 * X and y are used as given (no intercept; centre them first).
 * @param X shape (nSamples, nFeatures)
 * @param y shape (nSamples,)
 * @example
 * ```ts
 * import { assertAlmostEquals, assertEquals } from "@std/assert";
 * import { lassoPath } from "../mod.ts";
 * const { alphas, coefs } = lassoPath([[-1], [0], [1]], [-2, 0, 2], { nAlphas: 3 });
 * assertAlmostEquals(alphas[0], 4 / 3); // αmax = max|Xᵀy|/n
 * assertEquals(coefs.get(0, 0), 0); // where w is still 0
 * ```
 */
export function lassoPath(
  X: MatrixLike,
  y: VectorLike,
  options: LassoPathOptions = {},
): LassoPathResult {
  checkOptions(options, LASSO_PATH_OPTIONS, "lassoPath");
  const m = toMatrix(X, "X");
  const yv = toVector(y, "y", m.rows);
  const n = m.rows, p = m.cols;
  const maxIter = checkInteger("maxIter", options.maxIter ?? 1000, 1);
  const tol = checkNumber("tol", options.tol ?? 1e-4, { min: 0 });
  let alphas: Vector;
  if (options.alphas !== undefined) {
    alphas = Float64Array.from(options.alphas).sort().reverse();
    alphas.forEach((a, k) => checkNumber(`alphas[${k}]`, a, { min: 0 }));
  } else {
    const nAlphas = checkInteger("nAlphas", options.nAlphas ?? 100, 1);
    const eps = checkNumber("eps", options.eps ?? 1e-3, { min: 0, exclusiveMin: true });
    const xty = m.transpose().matvec(yv);
    const aMax = Math.max(...xty.map(Math.abs)) / n;
    alphas = new Float64Array(nAlphas);
    for (let k = 0; k < nAlphas; k++) {
      const t = nAlphas === 1 ? 0 : k / (nAlphas - 1);
      alphas[k] = 10 ** (Math.log10(aMax) + t * (Math.log10(aMax * eps) - Math.log10(aMax)));
    }
  }
  const coefs = new Matrix(p, alphas.length);
  let w: Vector = new Float64Array(p);
  alphas.forEach((a, k) => {
    w = lassoCoordinateDescent(m, yv, a * n, w, maxIter, tol).coef;
    for (let j = 0; j < p; j++) coefs.data[j * alphas.length + k] = w[j];
  });
  return { alphas, coefs };
}
