/**
 * Every Tensor op: forward values and gradients against tfjs's autodiff, and gradients against
 * central differences, on seeded random inputs. The scalar tested is L = Σ op(x) ⊙ R with a
 * random R, so the whole vector-Jacobian product is exercised, not just a sum.
 */
import type * as tfType from "@tensorflow/tfjs";
import { assert, assertEquals, assertLess } from "@std/assert";
import {
  gradCheck,
  halfMseLoss,
  mseLoss,
  softmaxCrossEntropy,
  Tensor,
} from "../../../lib/autodiff/mod.ts";
import { Matrix, Random } from "../../../lib/core/mod.ts";
import { assertAllClose, fromTf, loadTf, toTf } from "../../support/tfjs.ts";

type Tf = typeof tfType;
type TfT = tfType.Tensor;

interface OpCase {
  name: string;
  shapes: [number, number][];
  ours: (...xs: Tensor[]) => Tensor;
  theirs: (tf: Tf, ...xs: TfT[]) => TfT;
  /** Inputs drawn from [0.5, 2] instead of N(0, 1) (log, division, fractional powers). */
  positive?: boolean;
}

const LABELS = [2, 0, 1];
const oneHotTf = (tf: Tf) => tf.oneHot(tf.tensor1d(LABELS, "int32"), 4);

const CASES: OpCase[] = [
  {
    name: "add",
    shapes: [[3, 4], [3, 4]],
    ours: (a, b) => a.add(b),
    theirs: (_, a, b) => a.add(b),
  },
  {
    name: "add bias row",
    shapes: [[3, 4], [1, 4]],
    ours: (a, b) => a.add(b),
    theirs: (_, a, b) => a.add(b),
  },
  {
    name: "add column",
    shapes: [[3, 4], [3, 1]],
    ours: (a, b) => a.add(b),
    theirs: (_, a, b) => a.add(b),
  },
  {
    name: "add scalar",
    shapes: [[1, 1], [3, 4]],
    ours: (a, b) => a.add(b),
    theirs: (_, a, b) => a.add(b),
  },
  {
    name: "sub",
    shapes: [[3, 4], [1, 4]],
    ours: (a, b) => a.sub(b),
    theirs: (_, a, b) => a.sub(b),
  },
  {
    name: "mul",
    shapes: [[3, 4], [3, 4]],
    ours: (a, b) => a.mul(b),
    theirs: (_, a, b) => a.mul(b),
  },
  {
    name: "mul broadcast",
    shapes: [[3, 1], [1, 4]],
    ours: (a, b) => a.mul(b),
    theirs: (_, a, b) => a.mul(b),
  },
  {
    name: "div",
    shapes: [[3, 4], [1, 4]],
    ours: (a, b) => a.div(b),
    theirs: (_, a, b) => a.div(b),
    positive: true,
  },
  { name: "neg", shapes: [[3, 4]], ours: (a) => a.neg(), theirs: (_, a) => a.neg() },
  { name: "pow 2", shapes: [[3, 4]], ours: (a) => a.pow(2), theirs: (_, a) => a.pow(2) },
  { name: "pow 3", shapes: [[3, 4]], ours: (a) => a.pow(3), theirs: (_, a) => a.pow(3) },
  {
    name: "pow 0.5",
    shapes: [[3, 4]],
    ours: (a) => a.pow(0.5),
    theirs: (_, a) => a.pow(0.5),
    positive: true,
  },
  {
    name: "pow -1",
    shapes: [[3, 4]],
    ours: (a) => a.pow(-1),
    theirs: (_, a) => a.pow(-1),
    positive: true,
  },
  {
    name: "matmul",
    shapes: [[3, 4], [4, 2]],
    ours: (a, b) => a.matmul(b),
    theirs: (tf, a, b) => tf.matMul(a, b),
  },
  {
    name: "transpose",
    shapes: [[3, 4]],
    ours: (a) => a.transpose(),
    theirs: (tf, a) => tf.transpose(a),
  },
  { name: "exp", shapes: [[3, 4]], ours: (a) => a.exp(), theirs: (_, a) => a.exp() },
  {
    name: "log",
    shapes: [[3, 4]],
    ours: (a) => a.log(),
    theirs: (_, a) => a.log(),
    positive: true,
  },
  { name: "relu", shapes: [[3, 4]], ours: (a) => a.relu(), theirs: (_, a) => a.relu() },
  { name: "sigmoid", shapes: [[3, 4]], ours: (a) => a.sigmoid(), theirs: (_, a) => a.sigmoid() },
  { name: "tanh", shapes: [[3, 4]], ours: (a) => a.tanh(), theirs: (_, a) => a.tanh() },
  {
    name: "sum",
    shapes: [[3, 4]],
    ours: (a) => a.sum(),
    theirs: (_, a) => a.sum().reshape([1, 1]),
  },
  { name: "sum axis 0", shapes: [[3, 4]], ours: (a) => a.sum(0), theirs: (_, a) => a.sum(0, true) },
  { name: "sum axis 1", shapes: [[3, 4]], ours: (a) => a.sum(1), theirs: (_, a) => a.sum(1, true) },
  {
    name: "mean",
    shapes: [[3, 4]],
    ours: (a) => a.mean(),
    theirs: (_, a) => a.mean().reshape([1, 1]),
  },
  {
    name: "mean axis 0",
    shapes: [[3, 4]],
    ours: (a) => a.mean(0),
    theirs: (_, a) => a.mean(0, true),
  },
  {
    name: "mean axis 1",
    shapes: [[3, 4]],
    ours: (a) => a.mean(1),
    theirs: (_, a) => a.mean(1, true),
  },
  {
    name: "logSumExp 1",
    shapes: [[3, 4]],
    ours: (a) => a.logSumExp(1),
    theirs: (tf, a) => tf.logSumExp(a, 1, true),
  },
  {
    name: "logSumExp 0",
    shapes: [[3, 4]],
    ours: (a) => a.logSumExp(0),
    theirs: (tf, a) => tf.logSumExp(a, 0, true),
  },
  {
    name: "logSoftmax",
    shapes: [[3, 4]],
    ours: (a) => a.logSoftmax(),
    theirs: (tf, a) => tf.logSoftmax(a),
  },
  { name: "softmax", shapes: [[3, 4]], ours: (a) => a.softmax(), theirs: (tf, a) => tf.softmax(a) },
  {
    name: "softmaxCrossEntropy",
    shapes: [[3, 4]],
    ours: (a) => softmaxCrossEntropy(a, LABELS),
    theirs: (tf, a) => tf.losses.softmaxCrossEntropy(oneHotTf(tf), a).reshape([1, 1]),
  },
  {
    name: "mseLoss",
    shapes: [[3, 2], [3, 2]],
    ours: (a, b) => mseLoss(a, b),
    theirs: (tf, a, b) => tf.losses.meanSquaredError(b, a).reshape([1, 1]),
  },
  {
    name: "halfMseLoss",
    shapes: [[3, 2], [3, 2]],
    ours: (a, b) => halfMseLoss(a, b),
    theirs: (tf, a, b) => tf.losses.meanSquaredError(b, a).mul(0.5).reshape([1, 1]),
  },
  {
    name: "two-layer network",
    shapes: [[3, 5], [5, 6], [1, 6], [6, 4], [1, 4]],
    ours: (X, W1, b1, W2, b2) =>
      softmaxCrossEntropy(X.matmul(W1).add(b1).tanh().matmul(W2).add(b2), LABELS),
    theirs: (tf, X, W1, b1, W2, b2) =>
      tf.losses.softmaxCrossEntropy(
        oneHotTf(tf),
        tf.matMul(tf.matMul(X, W1).add(b1).tanh(), W2).add(b2),
      )
        .reshape([1, 1]),
  },
];

function randomInputs(c: OpCase, rng: Random): Matrix[] {
  return c.shapes.map(([r, k]) =>
    new Matrix(r, k, c.positive ? rng.uniformArray(r * k, 0.5, 2) : rng.normalArray(r * k))
  );
}

for (const c of CASES) {
  Deno.test(`Tensor ${c.name}: value and gradients match tfjs`, async () => {
    const tf = await loadTf();
    const rng = new Random(42);
    const inputs = randomInputs(c, rng);
    const leaves = inputs.map((m) => Tensor.from(m.clone()));
    const out = c.ours(...leaves);
    const R = new Matrix(out.rows, out.cols, rng.normalArray(out.rows * out.cols));
    out.mul(R).sum().backward();

    const tfInputs = inputs.map(toTf);
    const tfOut = c.theirs(tf, ...tfInputs);
    assertEquals(tfOut.shape, [out.rows, out.cols]);
    assertAllClose(out.data.data, fromTf(tfOut), {}, `${c.name} forward`);
    const tfR = toTf(R);
    const grads = tf.grads((...xs: TfT[]) => c.theirs(tf, ...xs).mul(tfR).sum())(tfInputs);
    grads.forEach((g, k) =>
      assertAllClose(leaves[k].grad.data, fromTf(g), {}, `${c.name} grad ${k}`)
    );
  });

  Deno.test(`Tensor ${c.name}: gradients match central differences`, () => {
    const rng = new Random(3);
    const inputs = randomInputs(c, rng);
    const probe = c.ours(...inputs.map((m) => Tensor.from(m)));
    const R = new Matrix(probe.rows, probe.cols, rng.normalArray(probe.rows * probe.cols));
    for (const { maxRelError } of gradCheck((...xs) => c.ours(...xs).mul(R).sum(), inputs)) {
      assertLess(maxRelError, 1e-7);
    }
  });
}

Deno.test("logSoftmax and softmaxCrossEntropy stay finite for logits of 1000", () => {
  const logits = Tensor.from([[1000, 0, -1000], [0, 1000, 0]]);
  const loss = softmaxCrossEntropy(logits, [1, 1]);
  loss.backward();
  // Row 0 puts all mass on class 0, so -log p(1) = 1000; row 1 is certain and right: 0.
  assertEquals(loss.item(), 500);
  assert(logits.grad.data.every(Number.isFinite));
  assertAllClose(logits.grad.data, [0.5, -0.5, 0, 0, 0, 0], { atol: 1e-12, rtol: 0 });
});

Deno.test("a tensor used twice accumulates both paths; constants get no gradient", () => {
  const x = Tensor.from([[1, 2], [3, 4]]);
  const c = Tensor.constant([[10, 10], [10, 10]]);
  const y = x.mul(x).add(x).add(c).sum(); // ∂y/∂x = 2x + 1
  y.backward();
  assertEquals(Array.from(x.grad.data), [3, 5, 7, 9]);
  assertEquals(Array.from(c.grad.data), [0, 0, 0, 0]);
  y.backward();
  assertEquals(Array.from(x.grad.data), [3, 5, 7, 9]);
  assertEquals(c.add(1).requiresGrad, false);
});

Deno.test("backward with an explicit seed gives a vector-Jacobian product", () => {
  const x = Tensor.from([[1, 2, 3]]);
  const y = x.pow(2); // J = diag(2x)
  y.backward(Matrix.from2D([[1, 0, -1]]));
  assertEquals(Array.from(x.grad.data), [2, 0, -6]);
});
