/**
 * Derivatives by central finite differences, the reference every hand-written backward rule is
 * checked against:  f′(x) ≈ (f(x + h) − f(x − h)) / 2h,  whose error is O(h²) (the forward
 * difference (f(x + h) − f(x)) / h is only O(h)). Too small an h loses digits to cancellation:
 * in float64, h ≈ 1e-5 balances the two errors for smooth f of moderate size.
 *
 * d2l §2.4 "Calculus".
 *
 * @module
 */
import { Matrix, ShapeError, ValueError } from "../core/mod.ts";
import { Tensor } from "./tensor.ts";

function checkStep(h: number): void {
  if (!(h > 0) || !Number.isFinite(h)) {
    throw new ValueError(`The step 'h' must be a finite number > 0. Got ${h} instead.`);
  }
}

/**
 * f′(x) by the central difference (f(x + h) − f(x − h)) / 2h.
 * @example
 * ```ts
 * import { numericDerivative } from "../mod.ts";
 * import { assertAlmostEquals } from "@std/assert";
 *
 * // f(x) = 3x² − 4x, f′(1) = 2 (d2l §2.4)
 * assertAlmostEquals(numericDerivative((x) => 3 * x ** 2 - 4 * x, 1), 2, 1e-8);
 * ```
 */
export function numericDerivative(f: (x: number) => number, x: number, h = 1e-5): number {
  checkStep(h);
  return (f(x + h) - f(x - h)) / (2 * h);
}

/**
 * ∇f(x) by central differences, one coordinate at a time: ∂f/∂xᵢ ≈ (f(x + h eᵢ) − f(x − h eᵢ)) / 2h.
 * `x` is not modified (f receives a perturbed copy).
 * @param f a scalar function of a vector
 * @param x shape (n,)
 * @returns shape (n,)
 * @example
 * ```ts
 * import { numericGradient } from "../mod.ts";
 * import { assertAlmostEquals } from "@std/assert";
 *
 * const [g0, g1] = numericGradient((x) => x[0] ** 2 + 3 * x[1], [1, 2]);
 * assertAlmostEquals(g0, 2, 1e-8);
 * assertAlmostEquals(g1, 3, 1e-8);
 * ```
 */
export function numericGradient(
  f: (x: Float64Array) => number,
  x: ArrayLike<number>,
  h = 1e-5,
): Float64Array {
  checkStep(h);
  const point = Float64Array.from(x);
  const grad = new Float64Array(point.length);
  for (let i = 0; i < point.length; i++) {
    const xi = point[i];
    point[i] = xi + h;
    const up = f(point);
    point[i] = xi - h;
    const down = f(point);
    point[i] = xi;
    grad[i] = (up - down) / (2 * h);
  }
  return grad;
}

/** One input's analytic and numeric gradients and their largest relative difference. */
export interface GradCheckResult {
  /** The gradient from `backward()`. */
  analytic: Matrix;
  /** The central-difference gradient. */
  numeric: Matrix;
  /** max |a − n| / max(1, |a|, |n|) over the entries. */
  maxRelError: number;
}

/**
 * Compares the gradients `backward()` computes with central differences, for a function of
 * tensors with a (1, 1) output (a loss).
 * @param f builds the output from fresh leaf tensors holding the inputs
 * @param inputs the points at which to differentiate (not modified)
 * @returns one result per input
 * @example
 * ```ts
 * import { gradCheck, Matrix } from "../mod.ts";
 * import { assertLess } from "@std/assert";
 *
 * const [r] = gradCheck((x) => x.tanh().sum(), [Matrix.from2D([[0.5, -1]])]);
 * assertLess(r.maxRelError, 1e-8);
 * ```
 */
export function gradCheck(
  f: (...inputs: Tensor[]) => Tensor,
  inputs: readonly Matrix[],
  h = 1e-5,
): GradCheckResult[] {
  const leaves = inputs.map((m) => Tensor.from(m.clone()));
  const out = f(...leaves);
  if (out.data.data.length !== 1) {
    throw new ShapeError(
      `gradCheck needs f to return a (1, 1) tensor. Got (${out.rows}, ${out.cols}).`,
    );
  }
  out.backward();
  return inputs.map((m, k) => {
    const numeric = new Matrix(
      m.rows,
      m.cols,
      numericGradient(
        (v) => {
          const args = inputs.map((other, j) =>
            Tensor.from(j === k ? new Matrix(m.rows, m.cols, v.slice()) : other.clone())
          );
          return f(...args).item();
        },
        m.data,
        h,
      ),
    );
    const analytic = leaves[k].grad.clone();
    let maxRelError = 0;
    for (let i = 0; i < analytic.data.length; i++) {
      const a = analytic.data[i], n = numeric.data[i];
      maxRelError = Math.max(maxRelError, Math.abs(a - n) / Math.max(1, Math.abs(a), Math.abs(n)));
    }
    return { analytic, numeric, maxRelError };
  });
}
