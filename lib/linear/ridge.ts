/**
 * Ridge regression (ESL §3.4.1): minimise ‖y − Xw − b‖² + α‖w‖², the intercept unpenalised.
 * Solved through the SVD of the centred X = U D Vᵀ: w = V diag(dⱼ/(dⱼ² + α)) Uᵀ y, which also gives
 * the effective degrees of freedom df(α) = Σ dⱼ²/(dⱼ² + α) (ESL 3.50) used on Figure 3.8's x axis.
 *
 * @module
 */
import { ValueError } from "../core/errors.ts";
import { svd } from "../core/linalg.ts";
import { Matrix, type Vector } from "../core/matrix.ts";
import { checkBoolean, checkNumber, checkOptions } from "../core/options.ts";
import { type MatrixLike, toMatrix, toVector, type VectorLike } from "../core/validation.ts";
import { centre, interceptFrom } from "./center.ts";
import { LinearModel, type LinearModelState } from "./linear_model.ts";
import { type FitOptions, toSampleWeight } from "../core/sample_weight.ts";

/** Options of {@link Ridge}. */
export interface RidgeOptions {
  /** Penalty strength α ≥ 0 (ESL's λ); 0 is least squares. @default 1 */
  alpha: number;
  /** Learn an unpenalised intercept b (centre X and y first). @default true */
  fitIntercept: boolean;
}

/** What {@link Ridge} learns (saved by `toJSON`). */
export interface RidgeState extends LinearModelState {
  /** β̂ in the original feature units. */
  coef: Vector;
  /** The intercept (not penalised). */
  intercept: number;
  /** Effective degrees of freedom df(λ) = Σ d²ⱼ/(d²ⱼ + λ) (ESL 3.50). */
  df: number;
}

/** A thin SVD of centred data, reused across many penalties. */
interface Spectrum {
  s: Vector;
  v: Matrix;
  uty: Vector;
}

function spectrum(X: Matrix, y: Vector): Spectrum {
  const { u, s, v } = svd(X);
  const uty = new Float64Array(s.length);
  for (let k = 0; k < s.length; k++) {
    let t = 0;
    for (let i = 0; i < X.rows; i++) t += u.data[i * u.cols + k] * y[i];
    uty[k] = t;
  }
  return { s, v, uty };
}

function solveSpectrum({ s, v, uty }: Spectrum, alpha: number): Vector {
  const p = v.rows, w = new Float64Array(p);
  const tol = Math.max(...s, 0) * 1e-12 * Math.max(p, s.length);
  for (let k = 0; k < s.length; k++) {
    if (s[k] <= tol && alpha === 0) continue; // minimum-norm solution along null directions
    const f = s[k] / (s[k] * s[k] + alpha) * uty[k];
    for (let j = 0; j < p; j++) w[j] += v.data[j * v.cols + k] * f;
  }
  return w;
}

/** df(α) = Σ dⱼ²/(dⱼ² + α) for the singular values d of the centred X (ESL 3.50). */
export function ridgeDf(singularValues: ArrayLike<number>, alpha: number): number {
  let df = 0;
  for (const d of Array.from(singularValues)) df += d * d === 0 ? 0 : (d * d) / (d * d + alpha);
  return df;
}

/**
 * The α ≥ 0 whose ridge fit has `df` effective degrees of freedom (bisection on log α), used to
 * put ridge on the same complexity axis as subset size (ESL Figures 3.7-3.8).
 * @param singularValues singular values of the centred X
 * @param df target in [0, rank]; 0 returns Infinity
 */
export function ridgeAlphaForDf(singularValues: ArrayLike<number>, df: number): number {
  const rank = Array.from(singularValues).filter((d) => d > 0).length;
  if (!(df >= 0 && df <= rank)) {
    throw new ValueError(`df must be in [0, ${rank}] (the rank of X). Got ${df} instead.`);
  }
  if (df === 0) return Infinity;
  if (df === rank) return 0;
  let lo = -30, hi = 30; // log α
  for (let it = 0; it < 200; it++) {
    const mid = (lo + hi) / 2;
    if (ridgeDf(singularValues, Math.exp(mid)) > df) lo = mid;
    else hi = mid;
  }
  return Math.exp((lo + hi) / 2);
}

/** Ridge coefficients along a grid of penalties, with each one's degrees of freedom. */
export interface RidgePath {
  /** The penalties, as given. */
  alphas: Vector;
  /** df(α) for each penalty. */
  df: Vector;
  /** Coefficients, shape (nFeatures, nAlphas): row j is feature j's profile. */
  coefs: Matrix;
  /** Intercepts, one per penalty. */
  intercepts: Vector;
}

/**
 * Ridge profiles of ESL Figure 3.8: one SVD, then w(α) for every α.
 * @param X shape (nSamples, nFeatures)
 * @param y shape (nSamples,)
 * @param alphas penalties α ≥ 0 (Infinity gives w = 0)
 * @example
 * ```ts
 * import { assertAlmostEquals } from "@std/assert";
 * import { ridgePath } from "../mod.ts";
 * const path = ridgePath([[1, 0], [0, 1], [1, 1], [2, 1]], [1, 2, 3, 4], [0, 1e6]);
 * assertAlmostEquals(path.df[0], 2); // least squares: df = p
 * assertAlmostEquals(path.df[1], 0, 1e-5); // a huge penalty: almost no freedom left
 * ```
 */
export function ridgePath(
  X: MatrixLike,
  y: VectorLike,
  alphas: ArrayLike<number>,
  fitIntercept = true,
): RidgePath {
  const m = toMatrix(X, "X");
  const c = centre(m, toVector(y, "y", m.rows), fitIntercept);
  const sp = spectrum(c.X, c.y);
  const a = Float64Array.from(alphas);
  const coefs = new Matrix(m.cols, a.length);
  const intercepts = new Float64Array(a.length);
  a.forEach((alpha, k) => {
    checkNumber(`alphas[${k}]`, alpha === Infinity ? 0 : alpha, { min: 0 });
    const w = alpha === Infinity ? new Float64Array(m.cols) : solveSpectrum(sp, alpha);
    for (let j = 0; j < m.cols; j++) coefs.data[j * a.length + k] = w[j];
    intercepts[k] = interceptFrom(c, w);
  });
  return { alphas: a, df: a.map((alpha) => ridgeDf(sp.s, alpha)), coefs, intercepts };
}

/**
 * Ridge regression, scikit-learn's `Ridge` objective ‖y − Xw − b‖² + α‖w‖² (ESL 3.41).
 *
 * @example
 * ```ts
 * import { assertAlmostEquals } from "@std/assert";
 * import { Ridge } from "../mod.ts";
 * const model = new Ridge({ alpha: 1 }).fit([[0], [1], [2]], [0, 1, 2]);
 * assertAlmostEquals(model.coef[0], 2 / 3); // Σx꜀y꜀ / (Σx꜀² + α) = 2 / (2 + 1)
 * ```
 */
export class Ridge extends LinearModel<RidgeOptions, RidgeState> {
  /** "Ridge": the name `toJSON` writes and `fromJSON` checks. */
  readonly className = "Ridge";

  /**
   * Stores the options (see {@link RidgeOptions}); nothing is learned until `fit`.
   * @param options see {@link RidgeOptions}
   */
  constructor(options: Partial<RidgeOptions> = {}) {
    super({ alpha: 1, fitIntercept: true }, options);
    checkNumber("alpha", this.options.alpha, { min: 0 });
    checkBoolean("fitIntercept", this.options.fitIntercept);
  }

  /**
   * Fits w and b in closed form through the SVD of the centred X.
   * @param X shape (nSamples, nFeatures)
   * @param y shape (nSamples,)
   * @param fitOptions `sampleWeight`, shape (nSamples,): minimise Σ wᵢ(yᵢ − ŷᵢ)² + α‖w‖² (scikit-learn's `sample_weight`)
   * @returns this, fitted
   */
  fit(X: MatrixLike, y: VectorLike, fitOptions: FitOptions = {}): this {
    const m = toMatrix(X, "X");
    const yv = toVector(y, "y", m.rows);
    checkOptions(fitOptions, ["sampleWeight"], `${this.className}.fit`);
    const c = centre(
      m,
      yv,
      this.options.fitIntercept,
      toSampleWeight(fitOptions.sampleWeight, m.rows),
    );
    const sp = spectrum(c.X, c.y);
    const coef = solveSpectrum(sp, this.options.alpha);
    this.state = {
      nFeaturesIn: m.cols,
      coef,
      intercept: interceptFrom(c, coef),
      df: ridgeDf(sp.s, this.options.alpha),
    };
    return this;
  }

  /** Effective degrees of freedom df(α) of the fit (ESL 3.50). */
  get df(): number {
    return this.fitted().df;
  }
}
