/**
 * Maximum entropy over a finite set with linear expectation constraints, solved through its
 * Lagrangian dual: the problem of 李航《统计学习方法》例 6.1 (five outcomes A–E with
 * P(A) + P(B) = 3/10), in general form.
 *
 * Primal: maximise H(P) = −Σₒ P(o) log P(o) over distributions on outcomes o, subject to
 * Σₒ P(o) fᵢ(o) = bᵢ (i = 1..m) and Σₒ P(o) = 1.
 * Lagrangian, with w₀ for the normalisation:
 *   L(P, w) = −H(P) + w₀(1 − Σₒ P(o)) + Σᵢ wᵢ (bᵢ − Σₒ P(o) fᵢ(o)).
 * ∂L/∂P(o) = log P(o) + 1 − w₀ − Σᵢ wᵢ fᵢ(o) = 0 gives P(o) = exp(w₀ − 1 + Σᵢ wᵢ fᵢ(o)); the
 * normalisation fixes w₀ = 1 − log Z(w), Z(w) = Σₒ exp(Σᵢ wᵢ fᵢ(o)), leaving the dual
 *
 *   max_w Ψ(w) = Σᵢ wᵢ bᵢ − log Z(w),   equivalently   min_w Φ(w) = log Z(w) − Σᵢ wᵢ bᵢ,
 *
 * with ∇Φ = E_P(f) − b and ∇²Φ = Cov_P(f) ⪰ 0. At the optimum Φ(w*) = H(P*) (strong duality):
 * H(P) = −Σ P (w·f − log Z) = log Z − w·b.
 *
 * @module
 */
import { describe, ValueError } from "../core/errors.ts";
import { Matrix, type Vector } from "../core/matrix.ts";
import { minimizeNewton } from "../solvers/newton.ts";
import type { TwiceDifferentiableObjective } from "../solvers/types.ts";

/** One constraint E_P[feature] = expectation. */
export interface ExpectationConstraint<O> {
  /** fᵢ(o), a finite number for every outcome. */
  feature: (outcome: O) => number;
  /** The required expectation bᵢ. */
  expectation: number;
}

/** What {@link solveMaxEntDual} returns. */
export interface MaxEntDualResult {
  /** P*(o), in the order of the outcomes. */
  probabilities: Vector;
  /** The multipliers wᵢ of the constraints (P ∝ exp(Σ wᵢ fᵢ)). */
  weights: Vector;
  /** The normalisation multiplier w₀ = 1 − log Z(w) of the Lagrangian above. */
  w0: number;
  /** H(P*) in nats. */
  entropy: number;
  /** Φ(w*) = log Z − w·b, equal to the entropy at the optimum. */
  dualValue: number;
  /** max |E_P(fᵢ) − bᵢ| at the solution. */
  maxViolation: number;
  /** Newton iterations made. */
  nIter: number;
}

/**
 * The maximum-entropy distribution over `outcomes` meeting the expectation constraints, by
 * Newton's method on the dual Φ(w) = log Σₒ exp(Σᵢ wᵢ fᵢ(o)) − Σᵢ wᵢ bᵢ.
 * With no constraints the answer is the uniform distribution (only Σ P = 1 constrains it).
 * @param outcomes the finite set, any values (length ≥ 1)
 * @param constraints E_P[fᵢ] = bᵢ, satisfiable by some distribution. When they force some P(o) = 0
 *   (e.g. P(A) + P(B) = 1) the dual has no finite minimiser: the weights grow until the gradient
 *   meets `tol`, and those P(o) come out at about `tol` instead of 0.
 * @throws ValueError when no distribution meets the constraints
 * @example
 * ```ts
 * import { solveMaxEntDual } from "../mod.ts";
 * import { assertAlmostEquals } from "@std/assert";
 *
 * // 李航 例6.1: five outcomes, P(A) + P(B) = 3/10
 * const r = solveMaxEntDual(["A", "B", "C", "D", "E"], [
 *   { feature: (o) => (o === "A" || o === "B" ? 1 : 0), expectation: 3 / 10 },
 * ]);
 * assertAlmostEquals(r.probabilities[0], 3 / 20);
 * assertAlmostEquals(r.probabilities[4], 7 / 30);
 * ```
 */
export function solveMaxEntDual<O>(
  outcomes: readonly O[],
  constraints: readonly ExpectationConstraint<O>[],
  { tol = 1e-13, maxIter = 200 }: { tol?: number; maxIter?: number } = {},
): MaxEntDualResult {
  if (!Array.isArray(outcomes) || outcomes.length === 0) {
    throw new ValueError(`outcomes must be a non-empty array. Got ${describe(outcomes)}.`);
  }
  const k = outcomes.length, m = constraints.length;
  const F = new Matrix(k, m);
  const b = new Float64Array(m);
  constraints.forEach((c, i) => {
    if (typeof c?.feature !== "function" || !Number.isFinite(c.expectation)) {
      throw new ValueError(
        `constraints[${i}] must be { feature: (o) => number, expectation: finite number }.`,
      );
    }
    b[i] = c.expectation;
    outcomes.forEach((o, r) => {
      const v = c.feature(o);
      if (typeof v !== "number" || !Number.isFinite(v)) {
        throw new ValueError(`constraints[${i}].feature returned ${describe(v)} for outcome ${r}.`);
      }
      F.data[r * m + i] = v;
    });
  });
  const dual = new FiniteDual(F, b);
  const result = minimizeNewton(dual, new Float64Array(m), { maxIter, tol });
  const p = new Float64Array(k);
  const logZ = dual.distribution(result.x, p);
  const maxViolation = result.gradMaxNorm;
  if (!(maxViolation <= 1e-8)) {
    throw new ValueError(
      `The constraints cannot be met by any distribution over the outcomes (largest violation ` +
        `|E_P(fᵢ) − bᵢ| = ${maxViolation.toExponential(2)} after ${result.nIter} Newton steps).`,
    );
  }
  let entropy = 0;
  for (const q of p) if (q > 0) entropy -= q * Math.log(q);
  return {
    probabilities: p,
    weights: result.x,
    w0: 1 - logZ,
    entropy,
    dualValue: result.value,
    maxViolation,
    nIter: result.nIter,
  };
}

/** Φ(w) = log Z(w) − w·b with gradient E_P(f) − b and Hessian Cov_P(f). */
class FiniteDual implements TwiceDifferentiableObjective {
  readonly size: number;
  private readonly p: Vector;

  constructor(readonly F: Matrix, readonly b: Vector) {
    this.size = F.cols;
    this.p = new Float64Array(F.rows);
  }

  /** Writes P_w into `p` and returns log Z(w). */
  distribution(w: Vector, p: Vector): number {
    const z = this.F.matvec(w);
    let max = -Infinity;
    for (const v of z) max = Math.max(max, v);
    let sum = 0;
    for (let r = 0; r < z.length; r++) sum += Math.exp(z[r] - max);
    const logZ = max + Math.log(sum);
    for (let r = 0; r < z.length; r++) p[r] = Math.exp(z[r] - logZ);
    return logZ;
  }

  valueAndGradient(w: Vector, grad: Vector): number {
    const logZ = this.distribution(w, this.p);
    const { rows: k, cols: m, data } = this.F;
    let value = logZ;
    for (let i = 0; i < m; i++) {
      let e = 0;
      for (let r = 0; r < k; r++) e += this.p[r] * data[r * m + i];
      grad[i] = e - this.b[i];
      value -= w[i] * this.b[i];
    }
    return value;
  }

  hessian(w: Vector): Matrix {
    this.distribution(w, this.p);
    const { rows: k, cols: m, data } = this.F;
    const mean = new Float64Array(m);
    for (let r = 0; r < k; r++) for (let i = 0; i < m; i++) mean[i] += this.p[r] * data[r * m + i];
    const H = new Matrix(m, m);
    for (let r = 0; r < k; r++) {
      for (let i = 0; i < m; i++) {
        const di = this.p[r] * (data[r * m + i] - mean[i]);
        for (let j = i; j < m; j++) H.data[i * m + j] += di * (data[r * m + j] - mean[j]);
      }
    }
    // Mirror the upper triangle: Cholesky wants an exactly symmetric matrix.
    for (let i = 0; i < m; i++) for (let j = 0; j < i; j++) H.data[i * m + j] = H.data[j * m + i];
    return H;
  }
}
