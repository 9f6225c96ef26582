/**
 * Iteratively reweighted least squares for binary logistic regression (ESL §4.4.1, (4.26)-(4.28)):
 * each Newton step is a weighted least-squares fit of the adjusted response
 *
 *   z = X̃β + W⁻¹(y − p),   β_new = argmin_β (z − X̃β)ᵀW(z − X̃β),   W = diag(pᵢ(1 − pᵢ)),
 *
 * solved by QR on √W X̃ (never forming X̃ᵀWX̃). An L2 penalty (n·α/2)‖w‖² adds the rows √(nα)·eⱼ
 * with target 0 (the intercept is not penalised). A step that raises the objective is halved.
 * The objective, gradient and the returned fields are those of `BinaryLogisticObjective`'s J, so
 * `solver: "irls"` reports like the other solvers.
 *
 * @module
 */
import { lstsq } from "../core/linalg.ts";
import { Matrix } from "../core/matrix.ts";
import type { Vector } from "../core/matrix.ts";
import { type MinimizeResult, minimizeResult } from "../solvers/types.ts";
import type { BinaryLogisticObjective } from "./logistic_objective.ts";
import { sigmoid } from "./softmax.ts";

/** Options of {@link minimizeIrls}. */
export interface IrlsOptions {
  /** Maximum number of reweighted least-squares steps. @default 100 */
  maxIter: number;
  /** Stop when max |∂J/∂θ| ≤ tol. @default 1e-8 */
  tol: number;
}

/**
 * Minimises a binary logistic objective by IRLS from θ₀ (layout [w₁ … w_p, b]).
 * @param objective the objective J (its X, intercept flag and α are used for the steps)
 * @param x0 the start, usually zeros
 */
export function minimizeIrls(
  objective: BinaryLogisticObjective,
  x0: Vector,
  { maxIter = 100, tol = 1e-8 }: Partial<IrlsOptions> = {},
): MinimizeResult {
  const { X, fitIntercept, alpha } = objective.problem;
  const y = objective.y;
  const n = X.rows, p = X.cols, q = objective.size;
  const penaltyRows = alpha > 0 ? p : 0;
  let theta: Vector = x0.slice();
  const grad = new Float64Array(q);
  let value = objective.valueAndGradient(theta, grad);
  const history = [value];
  let nEval = 1, it = 0;
  const gradMax = () => grad.reduce((m, g) => Math.max(m, Math.abs(g)), 0);
  while (it < maxIter && gradMax() > tol) {
    const A = new Matrix(n + penaltyRows, q);
    const b = new Matrix(n + penaltyRows, 1);
    for (let i = 0; i < n; i++) {
      let eta = fitIntercept ? theta[p] : 0;
      for (let j = 0; j < p; j++) eta += theta[j] * X.data[i * p + j];
      const mu = sigmoid(eta);
      const w = Math.max(mu * (1 - mu), 1e-12);
      const sw = Math.sqrt(w);
      for (let j = 0; j < p; j++) A.data[i * q + j] = sw * X.data[i * p + j];
      if (fitIntercept) A.data[i * q + p] = sw;
      b.data[i] = sw * (eta + (y[i] - mu) / w); // √W z
    }
    const s = Math.sqrt(n * alpha);
    for (let j = 0; j < penaltyRows; j++) A.data[(n + j) * q + j] = s;
    const next = lstsq(A, b).data;
    // β_new − β is the Newton direction; halve it until J does not rise.
    let step = 1,
      trial: Vector = next,
      trialGrad: Vector = new Float64Array(q),
      trialValue = Infinity;
    for (let halvings = 0; halvings < 30; halvings++) {
      trial = theta.map((t, j) => t + step * (next[j] - t));
      trialGrad = new Float64Array(q);
      trialValue = objective.valueAndGradient(trial, trialGrad);
      nEval++;
      if (trialValue <= value + 1e-14 * Math.abs(value)) break;
      step /= 2;
    }
    it++;
    const stalled = trialValue >= value;
    if (!stalled) {
      theta = trial;
      value = trialValue;
      grad.set(trialGrad);
    }
    history.push(value);
    if (stalled) break;
  }
  return minimizeResult(theta, value, grad, tol, it, history, nEval);
}
