/**
 * The penalised negative log-likelihood of logistic regression, with gradient and Hessian derived
 * by hand, in the two forms scikit-learn uses: binary (one weight vector, sigmoid) and
 * multinomial (one weight vector per class, softmax).
 *
 * Parameters θ are stored row-major as (K', q): row k is [wₖ₁ … wₖₚ, bₖ] (the intercept bₖ
 * last, present only with `fitIntercept`); K' = 1 for the binary model. Writing x̃ = [x, 1]
 * (or x̃ = x without intercept), the score is zₖ = θₖ·x̃.
 *
 * The objective is scikit-learn's C·Σᵢ ℓᵢ + ½‖w‖² divided by C·n, which has the same minimiser
 * but a scale independent of n and C, so tolerances and learning rates keep their meaning:
 *
 *   J(θ) = (1/n) Σᵢ ℓᵢ(θ) + (α/2) Σₖ ‖wₖ‖²,   α = 1 / (C·n)   (α = 0 without penalty).
 *
 * With sample weights (scikit-learn's C·Σᵢ wᵢ ℓᵢ + ½‖w‖²), n becomes Σᵢ wᵢ and each ℓᵢ, its
 * gradient and Hessian term are multiplied by wᵢ.
 *
 * Intercepts are not penalised. 李航《统计学习方法》§6.1.3 maximises the same likelihood
 * without the penalty; ESL §4.4.1 derives the Newton (IRLS) step.
 *
 * @module
 */
import { Matrix, type Vector } from "../core/matrix.ts";
import type { TwiceDifferentiableObjective } from "../solvers/types.ts";
import { sigmoid, softmaxRowInto, softplus } from "./softmax.ts";

/** What both objectives are built from. */
export interface LogisticProblem {
  /** Features, shape (n, p). */
  X: Matrix;
  /** Whether θ has an intercept column. */
  fitIntercept: boolean;
  /** Penalty strength α = 1/(C·n) (1/(C·Σw) with weights); 0 for no penalty. */
  alpha: number;
  /**
   * Row weights wᵢ ≥ 0 (scikit-learn's `sample_weight`), length n: the data term becomes
   * (1/Σw) Σᵢ wᵢ ℓᵢ, so integer weights equal repeated rows. All 1 when absent.
   */
  sampleWeight?: Vector;
}

/** Σ wᵢ, or n without weights. */
function totalWeight(problem: LogisticProblem): number {
  const w = problem.sampleWeight;
  if (!w) return problem.X.rows;
  let s = 0;
  for (let i = 0; i < w.length; i++) s += w[i];
  return s;
}

/**
 * Binary logistic loss, labels yᵢ ∈ {0, 1}, P(y = 1 | x) = σ(z), z = wᵀx + b.
 *
 * Loss of one sample (cross-entropy of the Bernoulli likelihood):
 *   ℓᵢ = −yᵢ log σ(zᵢ) − (1 − yᵢ) log(1 − σ(zᵢ)) = log(1 + e^zᵢ) − yᵢ zᵢ
 * using log σ(z) = z − log(1 + eᶻ) and log(1 − σ(z)) = −log(1 + eᶻ).
 *
 * Derivatives in z, since d/dz log(1 + eᶻ) = σ(z) and σ'(z) = σ(z)(1 − σ(z)):
 *   ∂ℓᵢ/∂zᵢ = σ(zᵢ) − yᵢ,   ∂²ℓᵢ/∂zᵢ² = σ(zᵢ)(1 − σ(zᵢ)).
 * Chain rule with ∂zᵢ/∂θ = x̃ᵢ:
 *   ∇J = (1/n) X̃ᵀ(σ − y) + α D θ,   ∇²J = (1/n) X̃ᵀ S X̃ + α D,
 * S = diag(σᵢ(1 − σᵢ)), D = diag(1, …, 1, 0) (the 0 for the unpenalised intercept). S ≻ 0, so
 * ∇²J is positive semi-definite: J is convex, and strictly so with α > 0.
 *
 * @example
 * ```ts
 * import { BinaryLogisticObjective, Matrix } from "../mod.ts";
 * import { assertAlmostEquals } from "@std/assert";
 *
 * const X = Matrix.from2D([[0], [1], [2], [3]]), y01 = Float64Array.of(0, 0, 1, 1), n = 4;
 * const f = new BinaryLogisticObjective({ X, fitIntercept: true, alpha: 1 / n }, y01);
 * const g = new Float64Array(f.size);
 * const value = f.valueAndGradient(new Float64Array(f.size), g);
 * assertAlmostEquals(value, Math.log(2)); // every probability is ½ at θ = 0
 * ```
 */
export class BinaryLogisticObjective implements TwiceDifferentiableObjective {
  readonly size: number;
  private readonly q: number;

  /**
   * The objective of binary logistic regression on `problem` with targets y.
   * @param problem X (n, p), intercept flag, penalty strength α
   * @param y targets in {0, 1}, length n
   */
  constructor(readonly problem: LogisticProblem, readonly y: Vector) {
    this.q = problem.X.cols + (problem.fitIntercept ? 1 : 0);
    this.size = this.q;
    this.total = totalWeight(problem);
  }

  /** Σ wᵢ (n without weights): the data term's normaliser. */
  private readonly total: number;

  valueAndGradient(theta: Vector, grad: Vector): number {
    const { X, alpha, sampleWeight: sw } = this.problem;
    const { rows: n, cols: p, data } = X;
    const y = this.y;
    const b = this.q > p ? theta[p] : 0;
    grad.fill(0);
    let loss = 0;
    for (let i = 0; i < n; i++) {
      const o = i * p;
      let z = b;
      for (let j = 0; j < p; j++) z += theta[j] * data[o + j];
      const wi = sw ? sw[i] : 1;
      loss += wi * (softplus(z) - y[i] * z);
      const r = wi * (sigmoid(z) - y[i]);
      for (let j = 0; j < p; j++) grad[j] += r * data[o + j];
      if (this.q > p) grad[p] += r;
    }
    let penalty = 0;
    for (let j = 0; j < this.q; j++) grad[j] /= this.total;
    for (let j = 0; j < p; j++) {
      penalty += theta[j] * theta[j];
      grad[j] += alpha * theta[j];
    }
    return loss / this.total + 0.5 * alpha * penalty;
  }

  hessian(theta: Vector): Matrix {
    const { X, alpha, sampleWeight: sw } = this.problem;
    const { rows: n, cols: p, data } = X;
    const q = this.q;
    const H = new Matrix(q, q);
    const h = H.data;
    const xt = new Float64Array(q);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < p; j++) xt[j] = data[i * p + j];
      if (q > p) xt[p] = 1;
      let z = 0;
      for (let j = 0; j < q; j++) z += theta[j] * xt[j];
      const s = sigmoid(z);
      const w = (sw ? sw[i] : 1) * s * (1 - s);
      for (let a = 0; a < q; a++) {
        const wa = w * xt[a];
        for (let c = a; c < q; c++) h[a * q + c] += wa * xt[c];
      }
    }
    symmetrize(H, 1 / this.total);
    for (let j = 0; j < p; j++) h[j * q + j] += alpha;
    return H;
  }
}

/**
 * Multinomial logistic (softmax) loss, labels yᵢ ∈ {0, …, K−1}, P(y = k | x) = softmax(z)ₖ.
 *
 * Loss of one sample, with Yᵢₖ = [yᵢ = k] one-hot and pᵢ = softmax(zᵢ):
 *   ℓᵢ = −log pᵢ,yᵢ = log Σⱼ e^zᵢⱼ − zᵢ,yᵢ.
 * Derivatives in z, from ∂/∂zₖ log Σⱼ e^zⱼ = pₖ and ∂pₖ/∂zₗ = pₖ(δₖₗ − pₗ):
 *   ∂ℓᵢ/∂zᵢₖ = pᵢₖ − Yᵢₖ,   ∂²ℓᵢ/∂zᵢₖ∂zᵢₗ = pᵢₖ(δₖₗ − pᵢₗ).
 * Chain rule with ∂zᵢₖ/∂θₖ = x̃ᵢ:
 *   ∇_θₖ J = (1/n) Σᵢ (pᵢₖ − Yᵢₖ) x̃ᵢ + α D θₖ,
 *   ∇²_θₖθₗ J = (1/n) Σᵢ pᵢₖ(δₖₗ − pᵢₗ) x̃ᵢ x̃ᵢᵀ + δₖₗ α D.
 *
 * Softmax is unchanged when the same vector is added to every θₖ, so the loss part of the Hessian
 * is singular along those directions; the penalty removes that for the weights but never for the
 * (unpenalised) intercepts. `hessian` therefore adds μ·P, P the projector onto "equal across
 * classes" for the unpenalised coordinates. The gradient is orthogonal to that subspace
 * (Σₖ (pᵢₖ − Yᵢₖ) = 0), so the Newton step is unchanged; the solver merely sees an invertible
 * matrix. Fitted parameters are then centred across classes, as gradient-based solvers started
 * at 0 leave them.
 */
export class MultinomialLogisticObjective implements TwiceDifferentiableObjective {
  readonly size: number;
  private readonly q: number;

  /**
   * The objective of multinomial (softmax) logistic regression on `problem` with targets y.
   * @param problem X (n, p), intercept flag, penalty strength α
   * @param y class indices in 0..nClasses−1, length n
   * @param nClasses K
   */
  constructor(
    readonly problem: LogisticProblem,
    readonly y: Int32Array,
    readonly nClasses: number,
  ) {
    this.q = problem.X.cols + (problem.fitIntercept ? 1 : 0);
    this.size = this.q * nClasses;
    this.total = totalWeight(problem);
  }

  /** Σ wᵢ (n without weights): the data term's normaliser. */
  private readonly total: number;

  valueAndGradient(theta: Vector, grad: Vector): number {
    const { X, alpha, sampleWeight: sw } = this.problem;
    const { rows: n, cols: p, data } = X;
    const K = this.nClasses, q = this.q;
    const z = new Float64Array(K), prob = new Float64Array(K);
    grad.fill(0);
    let loss = 0;
    for (let i = 0; i < n; i++) {
      const o = i * p;
      for (let k = 0; k < K; k++) {
        const t = k * q;
        let s = q > p ? theta[t + p] : 0;
        for (let j = 0; j < p; j++) s += theta[t + j] * data[o + j];
        z[k] = s;
      }
      const lse = softmaxRowInto(z, prob);
      const yi = this.y[i], wi = sw ? sw[i] : 1;
      loss += wi * (lse - z[yi]);
      prob[yi] -= 1; // now pᵢₖ − Yᵢₖ
      for (let k = 0; k < K; k++) {
        const r = wi * prob[k], t = k * q;
        for (let j = 0; j < p; j++) grad[t + j] += r * data[o + j];
        if (q > p) grad[t + p] += r;
      }
    }
    let penalty = 0;
    for (let k = 0; k < K; k++) {
      const t = k * q;
      for (let j = 0; j < q; j++) grad[t + j] /= this.total;
      for (let j = 0; j < p; j++) {
        penalty += theta[t + j] * theta[t + j];
        grad[t + j] += alpha * theta[t + j];
      }
    }
    return loss / this.total + 0.5 * alpha * penalty;
  }

  hessian(theta: Vector): Matrix {
    const { X, alpha, sampleWeight: sw } = this.problem;
    const { rows: n, cols: p, data } = X;
    const K = this.nClasses, q = this.q, size = this.size;
    const H = new Matrix(size, size);
    const h = H.data;
    const xt = new Float64Array(q), z = new Float64Array(K), prob = new Float64Array(K);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < p; j++) xt[j] = data[i * p + j];
      if (q > p) xt[p] = 1;
      for (let k = 0; k < K; k++) {
        let s = 0;
        for (let j = 0; j < q; j++) s += theta[k * q + j] * xt[j];
        z[k] = s;
      }
      softmaxRowInto(z, prob);
      const wi = sw ? sw[i] : 1;
      for (let k = 0; k < K; k++) {
        for (let l = k; l < K; l++) {
          const w = wi * prob[k] * ((k === l ? 1 : 0) - prob[l]);
          for (let a = 0; a < q; a++) {
            const wa = w * xt[a];
            const row = (k * q + a) * size + l * q;
            // Diagonal blocks are symmetric: fill their upper triangle only.
            for (let c = k === l ? a : 0; c < q; c++) h[row + c] += wa * xt[c];
          }
        }
      }
    }
    symmetrize(H, 1 / this.total);
    // μ·P on the coordinates that are unpenalised, P = (1/K) 11ᵀ across classes.
    let mu = 0;
    for (let d = 0; d < size; d++) mu = Math.max(mu, h[d * size + d]);
    mu = Math.max(mu, 1e-12);
    for (let a = 0; a < q; a++) {
      const penalised = a < p && alpha > 0;
      for (let k = 0; k < K; k++) {
        const r = k * q + a;
        if (penalised) h[r * size + r] += alpha;
        else for (let l = 0; l < K; l++) h[r * size + l * q + a] += mu / K;
      }
    }
    return H;
  }

  /** Centres the unpenalised coordinates across classes (the minimum-norm optimum). */
  centre(theta: Vector): void {
    const { X, alpha } = this.problem;
    const p = X.cols, K = this.nClasses, q = this.q;
    for (let a = 0; a < q; a++) {
      if (a < p && alpha > 0) continue;
      let mean = 0;
      for (let k = 0; k < K; k++) mean += theta[k * q + a];
      mean /= K;
      for (let k = 0; k < K; k++) theta[k * q + a] -= mean;
    }
  }
}

/** Copies the upper triangle to the lower one and scales the whole matrix. */
function symmetrize(H: Matrix, scale: number): void {
  const n = H.rows, h = H.data;
  for (let a = 0; a < n; a++) {
    h[a * n + a] *= scale;
    for (let c = a + 1; c < n; c++) {
      h[a * n + c] *= scale;
      h[c * n + a] = h[a * n + c];
    }
  }
}
