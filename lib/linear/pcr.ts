/**
 * Principal components regression (ESL §3.5.1): regress y on the first M principal components
 * zₘ = Xvₘ of the centred inputs. The zₘ are orthogonal, so ŷ = ȳ + Σₘ (⟨zₘ, y⟩/⟨zₘ, zₘ⟩) zₘ and
 * the coefficients are β = Σₘ θₘ vₘ. With M = p it is least squares; like ridge it shrinks along
 * the low-variance directions, but discards them outright (ESL Figure 3.17). Standardise X first.
 *
 * @module
 */
import { RegressorEstimator } from "../core/classifier.ts";
import type { FittedState } from "../core/estimator.ts";
import { ValueError } from "../core/errors.ts";
import { svd } from "../core/linalg.ts";
import { Matrix, type Vector } from "../core/matrix.ts";
import { checkInteger } from "../core/options.ts";
import { type MatrixLike, toMatrix, toVector, type VectorLike } from "../core/validation.ts";
import { centre, interceptFrom, linearPredict } from "./center.ts";

/** Options of {@link PCR}. */
export interface PCROptions {
  /** Number of principal components M (0 fits the mean only). @default 2 */
  nComponents: number;
}

/** What {@link PCR} learns (saved by `toJSON`). */
export interface PCRState extends FittedState {
  /** β in the original feature units. */
  coef: Vector;
  /** The intercept. */
  intercept: number;
  /** x̄, the column means of X. */
  xMean: Vector;
  /** The principal directions kept, one per row. */
  components: Matrix;
  /** The singular values of centred X for those directions. */
  singularValues: Vector;
}

/**
 * Principal components regression on centred X.
 *
 * @example
 * ```ts
 * import { assertAlmostEquals } from "@std/assert";
 * import { PCR } from "../mod.ts";
 * const X = [[2, 0], [0, 0.1], [-2, 0], [0, -0.1]];
 * const pcr = new PCR({ nComponents: 1 }).fit(X, [4, 1, -4, -1]);
 * // the low-variance second direction is dropped, though y depends on it
 * assertAlmostEquals(pcr.coef[0], 2);
 * assertAlmostEquals(pcr.coef[1], 0);
 * ```
 */
export class PCR extends RegressorEstimator<PCROptions, PCRState> {
  /** "PCR": the name `toJSON` writes and `fromJSON` checks. */
  readonly className = "PCR";

  /**
   * Stores the options (see {@link PCROptions}); nothing is learned until `fit`.
   * @param options see {@link PCROptions}
   */
  constructor(options: Partial<PCROptions> = {}) {
    super({ nComponents: 2 }, options);
    checkInteger("nComponents", this.options.nComponents, 0);
  }

  /**
   * Fits the first `nComponents` principal directions of the centred X and regresses y on them.
   * @param X shape (nSamples, nFeatures)
   * @param y shape (nSamples,)
   * @returns this, fitted
   */
  fit(X: MatrixLike, y: VectorLike): this {
    const m = toMatrix(X, "X");
    const c = centre(m, toVector(y, "y", m.rows), true);
    const M = this.options.nComponents, p = m.cols;
    if (M > Math.min(p, m.rows)) {
      throw new ValueError(
        `The 'nComponents' option must be <= min(nSamples, nFeatures) = ${
          Math.min(p, m.rows)
        }. Got ${M}.`,
      );
    }
    const { u, s, v } = svd(c.X);
    const coef = new Float64Array(p);
    const components = new Matrix(M, p);
    for (let k = 0; k < M; k++) {
      // θₖ = ⟨zₖ, y⟩/⟨zₖ, zₖ⟩ with zₖ = dₖuₖ, so θₖ = uₖᵀy/dₖ.
      let uty = 0;
      for (let i = 0; i < m.rows; i++) uty += u.data[i * u.cols + k] * c.y[i];
      const theta = s[k] > 1e-12 * s[0] ? uty / s[k] : 0; // a null direction adds nothing
      for (let j = 0; j < p; j++) {
        coef[j] += theta * v.data[j * v.cols + k];
        components.data[k * p + j] = v.data[j * v.cols + k];
      }
    }
    this.state = {
      nFeaturesIn: p,
      coef,
      intercept: interceptFrom(c, coef),
      xMean: c.xMean,
      components,
      singularValues: s.slice(0, M),
    };
    return this;
  }

  /** ŷ = Xw + b. @param X shape (nSamples, nFeatures) */
  predict(X: MatrixLike): Vector {
    const { coef, intercept } = this.fitted();
    return linearPredict(this.checkPredictX(X), coef, intercept);
  }

  /** The principal-component scores (X − x̄)Vₘ, shape (nSamples, nComponents). */
  transform(X: MatrixLike): Matrix {
    const { xMean, components } = this.fitted();
    const Z = this.checkPredictX(X).broadcastRow(xMean, (a, b) => a - b);
    return Z.matmul(components.transpose());
  }

  /** Coefficients β = Σₘ θₘvₘ, one per feature. */
  get coef(): Vector {
    return this.fitted().coef.slice();
  }

  /** Intercept b = ȳ − x̄·β. */
  get intercept(): number {
    return this.fitted().intercept;
  }

  /** Principal directions vₘ as rows, shape (nComponents, nFeatures). */
  get components(): Matrix {
    return this.fitted().components.clone();
  }
}
