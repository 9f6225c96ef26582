import { assert, assertLess } from "@std/assert";
import { cholesky, Matrix, solve } from "../../../lib/core/mod.ts";
import { minimizeQuasiNewton } from "../../../lib/maxent/mod.ts";
import type { DifferentiableObjective } from "../../../lib/solvers/mod.ts";
import { maxDiff } from "./helpers.ts";

// f(x) = ½ xᵀAx − bᵀx with an ill-conditioned SPD A (condition number ≈ 1e4).
const A = Matrix.from2D([
  [4, 1, 0, 0],
  [1, 3, 0.5, 0],
  [0, 0.5, 2, 0.01],
  [0, 0, 0.01, 4e-4],
]);
const b = Float64Array.of(1, -2, 0.5, 0.01);
const quadratic: DifferentiableObjective = {
  size: 4,
  valueAndGradient(x, grad) {
    const Ax = A.matvec(x);
    let f = 0;
    for (let i = 0; i < 4; i++) {
      grad[i] = Ax[i] - b[i];
      f += 0.5 * x[i] * Ax[i] - b[i] * x[i];
    }
    return f;
  },
};

const rosenbrock: DifferentiableObjective = {
  size: 2,
  valueAndGradient([x, y], grad) {
    grad[0] = -2 * (1 - x) - 400 * x * (y - x * x);
    grad[1] = 200 * (y - x * x);
    return (1 - x) ** 2 + 100 * (y - x * x) ** 2;
  },
};

for (const update of ["bfgs", "dfp"] as const) {
  Deno.test(`${update}: minimises an ill-conditioned quadratic to A⁻¹b`, () => {
    assert(cholesky(A).rows === 4); // A is positive definite
    const r = minimizeQuasiNewton(quadratic, new Float64Array(4), {
      maxIter: 200,
      tol: 1e-10,
      update,
    });
    assert(r.converged, `${update} stopped with gradient ${r.gradMaxNorm}`);
    const exact = solve(A, Matrix.column(b)).data;
    assertLess(maxDiff(r.x, exact), 1e-6);
    assertLess(r.nIter, 60);
    for (let k = 1; k < r.history.length; k++) assert(r.history[k] <= r.history[k - 1]);
  });

  Deno.test(`${update}: finds the Rosenbrock minimum (1, 1) from (−1.2, 1)`, () => {
    const r = minimizeQuasiNewton(rosenbrock, Float64Array.of(-1.2, 1), {
      maxIter: 500,
      tol: 1e-6,
      update,
    });
    assert(r.converged, `${update}: gradient ${r.gradMaxNorm} after ${r.nIter}`);
    assertLess(maxDiff(r.x, [1, 1]), 1e-6);
  });
}

Deno.test("dfp with a loose line search (c₂ = 0.9) is far slower than bfgs: why DFP defaults to c₂ = 0.1", () => {
  const opts = { maxIter: 60, tol: 1e-10 };
  const loose = minimizeQuasiNewton(quadratic, new Float64Array(4), {
    ...opts,
    update: "dfp",
    curvature: 0.9,
  });
  const bfgs = minimizeQuasiNewton(quadratic, new Float64Array(4), {
    ...opts,
    update: "bfgs",
    curvature: 0.9,
  });
  assert(!loose.converged && bfgs.converged);
});
