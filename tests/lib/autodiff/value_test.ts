import { assertAlmostEquals, assertEquals } from "@std/assert";
import { numericDerivative, topologicalOrder, Value } from "../../../lib/autodiff/mod.ts";
import { Random } from "../../../lib/core/mod.ts";
import { loadTf } from "../../support/tfjs.ts";

// micrograd's sanity check: y(x) at x = -4. By hand: z = 3x + 2 = -10 < 0, so relu(z) = 0 and
// y = z² + zx + zx², dy/dx = 6z + (3x + z) + (3x² + 2xz) = -60 - 22 + 128 = 46, y = -20.
function sanity(x: Value): Value {
  const z = x.mul(2).add(2).add(x);
  const q = z.relu().add(z.mul(x));
  const h = z.mul(z).relu();
  return h.add(q).add(q.mul(x));
}

Deno.test("Value: micrograd's sanity expression gives y = -20, dy/dx = 46", () => {
  const x = new Value(-4);
  const y = sanity(x);
  y.backward();
  assertEquals(y.data, -20);
  assertEquals(x.grad, 46);
});

// micrograd's second test: many ops on two inputs, compared here with tfjs and finite differences.
function moreOps(a: Value, b: Value): Value {
  let c = a.add(b);
  let d = a.mul(b).add(b.pow(3));
  c = c.add(c.add(1));
  c = c.add(c.add(1).add(a.neg()));
  d = d.add(d.mul(2).add(b.add(a).relu()));
  d = d.add(d.mul(3).add(b.sub(a).relu()));
  const e = c.sub(d);
  const f = e.pow(2);
  let g = f.div(2);
  g = g.add(new Value(10).div(f));
  return g;
}

Deno.test("Value: many ops agree with tfjs and with central differences", async () => {
  const tf = await loadTf();
  const a = new Value(-4), b = new Value(2);
  const g = moreOps(a, b);
  g.backward();
  const tfFn = (x: import("@tensorflow/tfjs").Scalar, y: import("@tensorflow/tfjs").Scalar) => {
    let c = x.add(y);
    let d = x.mul(y).add(y.pow(3));
    c = c.add(c.add(1));
    c = c.add(c.add(1).add(x.neg()));
    d = d.add(d.mul(2).add(y.add(x).relu()));
    d = d.add(d.mul(3).add(y.sub(x).relu()));
    const f = c.sub(d).pow(2);
    return f.div(2).add(tf.scalar(10).div(f));
  };
  const [ga, gb] = tf.grads(tfFn as never)([tf.scalar(-4), tf.scalar(2)]);
  assertAlmostEquals(g.data, tfFn(tf.scalar(-4), tf.scalar(2)).dataSync()[0], 1e-4 * g.data);
  assertAlmostEquals(a.grad, ga.dataSync()[0], 1e-4 * Math.abs(a.grad));
  assertAlmostEquals(b.grad, gb.dataSync()[0], 1e-4 * Math.abs(b.grad));
  assertAlmostEquals(a.grad, numericDerivative((t) => moreOps(new Value(t), b).data, -4), 1e-5);
  assertAlmostEquals(b.grad, numericDerivative((t) => moreOps(a, new Value(t)).data, 2), 1e-5);
});

const unary: [string, (v: Value) => Value, (x: number) => number, boolean][] = [
  ["exp", (v) => v.exp(), Math.exp, false],
  ["log", (v) => v.log(), Math.log, true],
  ["sin", (v) => v.sin(), Math.sin, false],
  ["cos", (v) => v.cos(), Math.cos, false],
  ["tanh", (v) => v.tanh(), Math.tanh, false],
  ["sigmoid", (v) => v.sigmoid(), (x) => 1 / (1 + Math.exp(-x)), false],
  ["relu", (v) => v.relu(), (x) => Math.max(0, x), false],
  ["pow 3", (v) => v.pow(3), (x) => x ** 3, false],
  ["pow -0.5", (v) => v.pow(-0.5), (x) => x ** -0.5, true],
  ["neg", (v) => v.neg(), (x) => -x, false],
  ["1/x", (v) => new Value(1).div(v), (x) => 1 / x, true],
];

for (const [name, op, f, positive] of unary) {
  Deno.test(`Value.${name}: forward is f(x), backward matches central differences`, () => {
    const rng = new Random(7);
    for (let k = 0; k < 20; k++) {
      const x0 = positive ? rng.uniform(0.2, 3) : rng.uniform(-3, 3);
      const x = new Value(x0);
      const y = op(x);
      y.backward();
      assertAlmostEquals(y.data, f(x0), 1e-12);
      assertAlmostEquals(x.grad, numericDerivative(f, x0), 1e-6 * Math.max(1, Math.abs(x.grad)));
    }
  });
}

Deno.test("Value: a node used twice accumulates both paths; backward twice is idempotent", () => {
  const x = new Value(3);
  const y = x.mul(x).add(x); // dy/dx = 2x + 1 = 7
  y.backward();
  assertEquals(x.grad, 7);
  y.backward();
  assertEquals(x.grad, 7);
});

Deno.test("Value.sigmoid is finite far in both tails", () => {
  for (const x0 of [-1000, 1000]) {
    const x = new Value(x0);
    const y = x.sigmoid();
    y.backward();
    assertEquals(y.data, x0 > 0 ? 1 : 0);
    assertEquals(x.grad, 0);
  }
});

Deno.test("topologicalOrder puts every node after its children and handles deep graphs", () => {
  const x = new Value(1);
  let y = x;
  for (let i = 0; i < 20000; i++) y = y.add(1);
  const order = topologicalOrder<Value>(y);
  assertEquals(order.length, 40001);
  assertEquals(order[0], x);
  assertEquals(order[order.length - 1], y);
  y.backward();
  assertEquals(x.grad, 1);
});
