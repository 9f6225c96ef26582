import { assert, assertAlmostEquals, assertEquals, assertLess } from "@std/assert";
import { Matrix } from "../../../lib/core/mod.ts";
import {
  minimizeGradientDescent,
  minimizeLbfgs,
  minimizeNewton,
  type TwiceDifferentiableObjective,
  wolfeLineSearch,
} from "../../../lib/solvers/mod.ts";

/** Rosenbrock f(x, y) = (1 − x)² + 100 (y − x²)², minimum 0 at (1, 1), a curved narrow valley. */
const rosenbrock: TwiceDifferentiableObjective = {
  size: 2,
  valueAndGradient(v, g) {
    const [x, y] = v;
    g[0] = -2 * (1 - x) - 400 * x * (y - x * x);
    g[1] = 200 * (y - x * x);
    return (1 - x) ** 2 + 100 * (y - x * x) ** 2;
  },
  hessian(v) {
    const [x, y] = v;
    return Matrix.from2D([[2 - 400 * y + 1200 * x * x, -400 * x], [-400 * x, 200]]);
  },
};

/** f(x) = ½ xᵀAx − bᵀx with A = diag(1, 10, 100): minimum A⁻¹b, condition number 100. */
function quadratic(): TwiceDifferentiableObjective {
  const a = [1, 10, 100], b = [1, 2, 3];
  return {
    size: 3,
    valueAndGradient(x, g) {
      let f = 0;
      for (let i = 0; i < 3; i++) {
        g[i] = a[i] * x[i] - b[i];
        f += 0.5 * a[i] * x[i] * x[i] - b[i] * x[i];
      }
      return f;
    },
    hessian: () => Matrix.from2D([[1, 0, 0], [0, 10, 0], [0, 0, 100]]),
  };
}

Deno.test("L-BFGS: Rosenbrock from the textbook start (−1.2, 1) reaches (1, 1)", () => {
  const r = minimizeLbfgs(rosenbrock, Float64Array.from([-1.2, 1]), { maxIter: 200, tol: 1e-8 });
  assert(r.converged, `gradient ${r.gradMaxNorm} after ${r.nIter} iterations`);
  assertAlmostEquals(r.x[0], 1, 1e-7);
  assertAlmostEquals(r.x[1], 1, 1e-7);
  assertLess(r.nIter, 60);
  assertEquals(r.history.length, r.nIter + 1);
  // Every accepted step satisfies Armijo, so the value history never goes up.
  for (let k = 1; k < r.history.length; k++) assert(r.history[k] <= r.history[k - 1]);
});

Deno.test("Newton: Rosenbrock converges quadratically; a quadratic in one step", () => {
  const r = minimizeNewton(rosenbrock, Float64Array.from([-1.2, 1]), { maxIter: 100, tol: 1e-10 });
  assert(r.converged);
  assertAlmostEquals(r.x[0], 1, 1e-9);
  const q = minimizeNewton(quadratic(), new Float64Array(3), { maxIter: 10, tol: 1e-12 });
  assertEquals(q.nIter, 1);
  [1, 0.2, 0.03].forEach((v, i) => assertAlmostEquals(q.x[i], v, 1e-15));
});

Deno.test("gradient descent: linear convergence on a quadratic with η < 2/L, divergence above", () => {
  const f = quadratic();
  const ok = minimizeGradientDescent(f, new Float64Array(3), {
    maxIter: 5000,
    tol: 1e-10,
    learningRate: 0.019, // L = 100: stable below 0.02
  });
  assert(ok.converged);
  assertAlmostEquals(ok.x[0], 1, 1e-8);
  assertAlmostEquals(ok.x[2], 0.03, 1e-10);
  const bad = minimizeGradientDescent(f, new Float64Array(3), {
    maxIter: 100,
    tol: 1e-10,
    learningRate: 0.021,
  });
  assert(!bad.converged);
  assert(bad.history[100] > bad.history[0]);
});

Deno.test("L-BFGS on the ill-conditioned quadratic: few iterations, exact minimiser", () => {
  const r = minimizeLbfgs(quadratic(), new Float64Array(3), { maxIter: 100, tol: 1e-12 });
  assert(r.converged);
  assertLess(r.nIter, 15);
  [1, 0.2, 0.03].forEach((v, i) => assertAlmostEquals(r.x[i], v, 1e-12));
});

Deno.test("strong-Wolfe line search: returned step satisfies both conditions", () => {
  const x0 = Float64Array.from([-1.2, 1]);
  const g0 = new Float64Array(2);
  const f0 = rosenbrock.valueAndGradient(x0, g0);
  const d = g0.map((v) => -v);
  for (const alpha0 of [1, 1e-4, 1e-2]) {
    const r = wolfeLineSearch(rosenbrock, x0, f0, g0, d, alpha0);
    assert(r.ok);
    const slope0 = g0[0] * d[0] + g0[1] * d[1];
    const slope = r.grad[0] * d[0] + r.grad[1] * d[1];
    assert(r.value <= f0 + 1e-4 * r.alpha * slope0, "sufficient decrease");
    assert(Math.abs(slope) <= 0.9 * Math.abs(slope0), "curvature");
    // The returned gradient is the gradient at the returned point.
    const g = new Float64Array(2);
    assertEquals(rosenbrock.valueAndGradient(r.x, g), r.value);
    assertEquals(Array.from(g), Array.from(r.grad));
  }
});
