/**
 * The functions notebooks/11_autodiff.ipynb uses, with micrograd's worked numbers:
 * L = (a·b + c)·f at a = 2, b = −3, c = 10, f = −2 is −8 with grads 6, −4, −2, 4; the neuron
 * tanh(x₁w₁ + x₂w₂ + b) at b = 6.8813735870195432 is 0.7071 with ∂o/∂x₁ = −1.5, ∂o/∂w₁ = 1,
 * ∂o/∂x₂ = 0.5, ∂o/∂w₂ = 0; and the two-layer network's gradients agree with tfjs.
 */
import { assertAlmostEquals, assertEquals, assertLess } from "@std/assert";
import {
  drawGraph,
  gradCheck,
  softmaxCrossEntropy,
  Tensor,
  topologicalOrder,
  traceGraph,
  Value,
} from "../../lib/autodiff/mod.ts";
import { Matrix, Random } from "../../lib/core/mod.ts";
import { assertAllClose, fromTf, loadTf, toTf } from "../support/tfjs.ts";

function expression() {
  const a = new Value(2).named("a"), b = new Value(-3).named("b");
  const c = new Value(10).named("c"), f = new Value(-2).named("f");
  const e = a.mul(b).named("e"), d = e.add(c).named("d");
  return { a, b, c, f, e, d, L: d.mul(f).named("L") };
}

Deno.test("micrograd's L = (a·b + c)·f: value −8, gradients 6, −4, −2, 4", () => {
  const { a, b, c, f, e, d, L } = expression();
  assertEquals(L.data, -8);
  L.backward();
  assertEquals([a.grad, b.grad, c.grad, f.grad, e.grad, d.grad, L.grad], [6, -4, -2, 4, -2, -2, 1]);
  assertEquals(topologicalOrder<Value>(L).map((n) => n.label), ["a", "b", "e", "c", "d", "f", "L"]);
  assertEquals(traceGraph(L).map((r) => r.op), ["input", "input", "*", "input", "+", "input", "*"]);
  const svg = drawGraph(L).svg;
  assertEquals((svg.match(/<rect/g) ?? []).length, 7);
  assertEquals((svg.match(/<circle/g) ?? []).length, 3);
});

Deno.test("micrograd's neuron, and the same gradients from tfjs", async () => {
  const x1 = new Value(2), x2 = new Value(0), w1 = new Value(-3), w2 = new Value(1);
  const b = new Value(6.8813735870195432);
  const o = x1.mul(w1).add(x2.mul(w2)).add(b).tanh();
  o.backward();
  assertAlmostEquals(o.data, Math.SQRT1_2, 1e-12);
  assertAlmostEquals(x1.grad, -1.5, 1e-12);
  assertAlmostEquals(w1.grad, 1, 1e-12);
  assertAlmostEquals(x2.grad, 0.5, 1e-12);
  assertEquals(w2.grad, 0);
  assertAlmostEquals(b.grad, 0.5, 1e-12);
  const tf = await loadTf();
  const neuron = (...v: import("@tensorflow/tfjs").Tensor[]) =>
    v[0].mul(v[2]).add(v[1].mul(v[3])).add(v[4]).tanh();
  const ours = [x1, x2, w1, w2, b];
  const theirs = tf.grads(neuron)(ours.map((v) => tf.scalar(v.data)));
  assertAllClose(ours.map((v) => v.grad), theirs.map((t) => t.dataSync()[0]), {
    rtol: 1e-5,
    atol: 1e-6,
  });
});

Deno.test("a value used twice: d(x·x + x)/dx = 2x + 1 = 7 at 3", () => {
  const x = new Value(3);
  x.mul(x).add(x).backward();
  assertEquals(x.grad, 7);
});

Deno.test("the notebook's two-layer network: gradients match tfjs and central differences", async () => {
  const tf = await loadTf();
  const rng = new Random(0);
  const X = new Matrix(6, 4, rng.normalArray(24)), labels = [0, 2, 1, 1, 0, 2];
  const shapes: [number, number][] = [[4, 5], [1, 5], [5, 3], [1, 3]];
  const init = shapes.map(([r, k]) => new Matrix(r, k, rng.normalArray(r * k, 0, 0.5)));
  const network = (W1: Tensor, b1: Tensor, W2: Tensor, b2: Tensor) =>
    softmaxCrossEntropy(Tensor.constant(X).matmul(W1).add(b1).tanh().matmul(W2).add(b2), labels);
  const params = init.map((m) => Tensor.from(m.clone()));
  const loss = network(params[0], params[1], params[2], params[3]);
  loss.backward();
  const tfNetwork = (...p: import("@tensorflow/tfjs").Tensor[]) =>
    tf.losses.softmaxCrossEntropy(
      tf.oneHot(tf.tensor1d(labels, "int32"), 3),
      tf.matMul(tf.matMul(toTf(X), p[0] as never).add(p[1]).tanh(), p[2] as never).add(p[3]),
    );
  const tfInputs = init.map(toTf);
  assertAllClose([loss.item()], fromTf(tfNetwork(...tfInputs)));
  tf.grads(tfNetwork)(tfInputs).forEach((g, k) =>
    assertAllClose(params[k].grad.data, fromTf(g), {}, `parameter ${k}`)
  );
  for (const r of gradCheck(network, init)) assertLess(r.maxRelError, 1e-8);
});
