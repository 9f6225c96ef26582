/**
 * The functions notebooks/10_calculus.ipynb uses, with d2l §2.4-2.5's numbers: f(x) = 3x² − 4x
 * has difference quotients 2.3, 2.03, 2.003, ... at x = 1 and f′(1) = 2 (tangent y = 2x − 3);
 * y = 2xᵀx at x = [0, 1, 2, 3] has gradient 4x = [0, 4, 8, 12].
 */
import { assertAlmostEquals, assertEquals, assertLess } from "@std/assert";
import { numericDerivative, numericGradient, Tensor, Value } from "../../lib/autodiff/mod.ts";
import { dot, Matrix, Random } from "../../lib/core/mod.ts";

const f = (x: number) => 3 * x ** 2 - 4 * x;

Deno.test("d2l §2.4: difference quotients of 3x² − 4x at 1 are 2 + 3h", () => {
  const d2l = [2.3, 2.03, 2.003, 2.0003, 2.00003];
  [0.1, 0.01, 0.001, 0.0001, 0.00001].forEach((h, i) =>
    assertAlmostEquals((f(1 + h) - f(1)) / h, d2l[i], 1e-9)
  );
  assertAlmostEquals(numericDerivative(f, 1), 2, 1e-9);
  // The tangent at 1 is y = 2x − 3.
  assertAlmostEquals(numericDerivative(f, 1) * (0 - 1) + f(1), -3, 1e-9);
});

Deno.test("central differences beat forward differences: O(h²) against O(h)", () => {
  for (const h of [1e-2, 1e-3, 1e-4]) {
    const forward = Math.abs((Math.exp(1 + h) - Math.exp(1)) / h - Math.E);
    const central = Math.abs(numericDerivative(Math.exp, 1, h) - Math.E);
    assertAlmostEquals(forward / h, Math.E / 2, 0.02 * Math.E); // error ≈ h f″/2
    assertAlmostEquals(central / h ** 2, Math.E / 6, 0.02 * Math.E); // error ≈ h² f‴/6
  }
  // Too small an h: rounding error dominates and the central difference gets worse again.
  const best = Math.abs(numericDerivative(Math.exp, 1, 1e-5) - Math.E);
  const tiny = Math.abs(numericDerivative(Math.exp, 1, 1e-12) - Math.E);
  assertLess(best * 1000, tiny);
});

Deno.test("gradient rules: ∇aᵀx = a, ∇xᵀAx = (A + Aᵀ)x, ∇‖x‖² = 2x numerically", () => {
  const rng = new Random(0);
  const A = new Matrix(3, 3, rng.normalArray(9)), a = rng.normalArray(3), x0 = rng.normalArray(3);
  const cases: [(x: Float64Array) => number, ArrayLike<number>][] = [
    [(x) => dot(a, x), a],
    [(x) => dot(x, A.matvec(x)), A.add(A.transpose()).matvec(x0)],
    [(x) => dot(x, x), x0.map((v) => 2 * v)],
  ];
  for (const [fn, analytic] of cases) {
    const numeric = numericGradient(fn, x0);
    for (let i = 0; i < 3; i++) assertAlmostEquals(numeric[i], analytic[i], 1e-8);
  }
  const g = numericGradient((x) => x[0] ** 2 + 3 * x[0] * x[1], [1, 2]);
  assertAlmostEquals(g[0], 8, 1e-8);
  assertAlmostEquals(g[1], 3, 1e-8);
});

Deno.test("chain rule through Value: d sin(x²)/dx = 2x cos(x²)", () => {
  const x = new Value(1.5);
  const u = x.pow(2);
  u.sin().backward();
  assertAlmostEquals(u.grad, Math.cos(2.25), 1e-15);
  assertAlmostEquals(x.grad, 3 * Math.cos(2.25), 1e-15);
});

Deno.test("d2l §2.5: y = 2xᵀx gives 4x; y = Σx gives ones; detached u gives u", () => {
  const x = Tensor.from([[0, 1, 2, 3]]);
  const y = x.mul(x).sum().mul(2);
  y.backward();
  assertEquals(y.item(), 28);
  assertEquals(Array.from(x.grad.data), [0, 4, 8, 12]);
  x.sum().backward();
  assertEquals(Array.from(x.grad.data), [1, 1, 1, 1]);
  const u = Tensor.constant(x.mul(x).data);
  x.mul(u).sum().backward();
  assertEquals(Array.from(x.grad.data), [0, 1, 4, 9]);
});

Deno.test("d2l §2.5 control flow: ∂d/∂a = d/a whatever the path", () => {
  function controlFlow(a: Value): Value {
    let b = a.mul(2);
    while (Math.abs(b.data) < 1000) b = b.mul(2);
    return b.data > 0 ? b : b.mul(100);
  }
  for (const seed of [1, 2, 3, 4]) {
    const a = new Value(new Random(seed).normal());
    const d = controlFlow(a);
    d.backward();
    assertAlmostEquals(a.grad, d.data / a.data, 1e-9 * Math.abs(a.grad));
  }
});

Deno.test("the notebook's table: autodiff equals the formula and central differences", () => {
  const x0 = 0.7, sig = (t: number) => 1 / (1 + Math.exp(-t));
  const rows: [(v: Value) => Value, (t: number) => number, number][] = [
    [(v) => v.pow(3), (t) => t ** 3, 3 * x0 ** 2],
    [(v) => v.exp(), Math.exp, Math.exp(x0)],
    [(v) => v.log(), Math.log, 1 / x0],
    [(v) => v.sin(), Math.sin, Math.cos(x0)],
    [(v) => v.tanh(), Math.tanh, 1 - Math.tanh(x0) ** 2],
    [(v) => v.sigmoid(), sig, sig(x0) * (1 - sig(x0))],
    [(v) => v.relu(), (t) => Math.max(0, t), 1],
    [
      (v) => v.mul(v.exp()).mul(v.sin()),
      (t) => t * Math.exp(t) * Math.sin(t),
      Math.exp(x0) * (Math.sin(x0) + x0 * Math.sin(x0) + x0 * Math.cos(x0)),
    ],
  ];
  for (const [op, fn, analytic] of rows) {
    const v = new Value(x0);
    op(v).backward();
    assertAlmostEquals(v.grad, analytic, 1e-14);
    assertAlmostEquals(numericDerivative(fn, x0), analytic, 1e-9);
  }
});
