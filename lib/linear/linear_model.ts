/**
 * What the penalised linear regressors share once fitted: a weight vector w and an intercept b,
 * predictions ŷ = Xw + b, and read-only copies of both. Each model keeps its own `fit`.
 *
 * @module
 */
import { RegressorEstimator } from "../core/classifier.ts";
import type { FittedState } from "../core/estimator.ts";
import type { Vector } from "../core/matrix.ts";
import type { MatrixLike } from "../core/validation.ts";
import { linearPredict } from "./center.ts";

/** The learned state every {@link LinearModel} has. */
export interface LinearModelState extends FittedState {
  /** w in the original feature units. */
  coef: Vector;
  /** b (not penalised). */
  intercept: number;
}

/** Base of Ridge and Lasso: predict and the coef / intercept getters. */
export abstract class LinearModel<O extends object, S extends LinearModelState>
  extends RegressorEstimator<O, S> {
  /** ŷ = Xw + b. @param X shape (nSamples, nFeatures) */
  predict(X: MatrixLike): Vector {
    const { coef, intercept } = this.fitted();
    return linearPredict(this.checkPredictX(X), coef, intercept);
  }

  /** Weights w, one per feature (a copy; the lasso's dropped features are exact zeros). */
  get coef(): Vector {
    return this.fitted().coef.slice();
  }

  /** Intercept b. */
  get intercept(): number {
    return this.fitted().intercept;
  }
}
