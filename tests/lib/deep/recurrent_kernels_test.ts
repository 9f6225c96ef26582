/**
 * The fused recurrences of lstm_steps.ts (WebAssembly, kernels/recurrent.c) against the same
 * equations composed step by step from tfjs ops: values, and gradients through tfjs's autodiff,
 * for every input, both directions, hidden widths with and without a partial 4-lane group. Also:
 * the kernel's tanh against Math.tanh over its whole range, no tensor leaks, bad shapes.
 */
import { assert, assertEquals, assertThrows } from "@std/assert";
import { GRU, RNN, ShapeError, tf } from "../../../lib/mod.ts";
import { gruLayer, lstmLayer, rnnLayer } from "../../../lib/deep/lstm_steps.ts";
import { recurrentForward } from "../../../lib/deep/kernels/recurrent.ts";

type Kind = "lstm" | "gru" | "rnn_tanh" | "rnn_relu";
const GATES = { lstm: 4, gru: 3, rnn_tanh: 1, rnn_relu: 1 };

/** The reference: PyTorch's equations, one tfjs op at a time; returns outputs (B, T, H) and h, c. */
function stepByStep(
  kind: Kind,
  xw: tf.Tensor3D,
  whh: tf.Tensor2D,
  h0: tf.Tensor2D,
  extra: tf.Tensor | null,
  reverse: boolean,
): tf.Tensor[] {
  const T = xw.shape[1];
  let h: tf.Tensor = h0, c: tf.Tensor = kind === "lstm" ? extra! : h0;
  const ys: tf.Tensor[] = new Array(T);
  for (let s = 0; s < T; s++) {
    const t = reverse ? T - 1 - s : s;
    const x = xw.slice([0, t, 0], [-1, 1, -1]).squeeze([1]);
    const a = tf.matMul(h, whh, false, true);
    if (kind === "lstm") {
      const [i, f, g, o] = tf.split(x.add(a), 4, 1);
      c = tf.sigmoid(f).mul(c).add(tf.sigmoid(i).mul(tf.tanh(g)));
      h = tf.sigmoid(o).mul(tf.tanh(c));
    } else if (kind === "gru") {
      const [xr, xz, xn] = tf.split(x, 3, 1), [ar, az, an] = tf.split(a, 3, 1);
      const r = tf.sigmoid(xr.add(ar)), z = tf.sigmoid(xz.add(az));
      const n = tf.tanh(xn.add(r.mul(extra ? an.add(extra) : an)));
      h = n.add(z.mul(h.sub(n)));
    } else {
      h = kind === "rnn_relu" ? tf.relu(x.add(a)) : tf.tanh(x.add(a));
    }
    ys[t] = h;
  }
  return [tf.stack(ys, 1), h, c];
}

function fused(
  kind: Kind,
  xw: tf.Tensor3D,
  whh: tf.Tensor2D,
  h0: tf.Tensor2D,
  extra: tf.Tensor | null,
  reverse: boolean,
): tf.Tensor[] {
  if (kind === "lstm") {
    const r = lstmLayer(xw, whh, h0, extra as tf.Tensor2D, reverse);
    return [r.out, r.h, r.c];
  }
  const r = kind === "gru"
    ? gruLayer(xw, whh, extra as tf.Tensor1D | null, h0, reverse)
    : rnnLayer(xw, whh, h0, kind === "rnn_relu", reverse);
  return [r.out, r.h, h0];
}

function maxDiff(a: tf.Tensor, b: tf.Tensor): number {
  return tf.tidy(() => a.sub(b).abs().max().dataSync()[0]);
}

const cases: [Kind, boolean][] = [
  ["lstm", false],
  ["gru", true],
  ["gru", false],
  ["rnn_tanh", false],
  ["rnn_relu", false],
];
for (const [kind, extraInput] of cases) {
  for (const H of [6, 8]) {
    Deno.test(`${kind}${kind === "gru" && !extraInput ? " without b_hn" : ""} H=${H}: values and gradients vs tfjs step by step`, () => {
      tf.tidy(() => {
        const B = 3, T = 5, G = GATES[kind] * H;
        const xw = tf.randomNormal([B, T, G], 0, 1, "float32", 1) as tf.Tensor3D;
        const whh = tf.randomNormal([G, H], 0, 0.5, "float32", 2) as tf.Tensor2D;
        const h0 = tf.randomNormal([B, H], 0, 1, "float32", 3) as tf.Tensor2D;
        const extra = kind === "lstm"
          ? tf.randomNormal([B, H], 0, 1, "float32", 4)
          : kind === "gru" && extraInput
          ? tf.randomNormal([H], 0, 1, "float32", 5)
          : null;
        // weights on every output, so each one's gradient path is checked
        const wOut = tf.randomNormal([B, T, H], 0, 1, "float32", 6);
        const wH = tf.randomNormal([B, H], 0, 1, "float32", 7);
        const wC = tf.randomNormal([B, H], 0, 1, "float32", 8);
        for (const reverse of [false, true]) {
          const loss = (f: typeof fused) => (...t: tf.Tensor[]) => {
            const [out, h, c] = f(
              kind,
              t[0] as tf.Tensor3D,
              t[1] as tf.Tensor2D,
              t[2] as tf.Tensor2D,
              t[3] ?? null,
              reverse,
            );
            const l = out.mul(wOut).sum().add(h.mul(wH).sum());
            return (kind === "lstm" ? l.add(c.mul(wC).sum()) : l) as tf.Scalar;
          };
          const inputs = extra ? [xw, whh, h0, extra] : [xw, whh, h0];
          const ours = fused(kind, xw, whh, h0, extra, reverse);
          const ref = stepByStep(kind, xw, whh, h0, extra, reverse);
          ours.forEach((o, i) =>
            assert(maxDiff(o, ref[i]) < 1e-5, `value ${i}, reverse=${reverse}`)
          );
          const g = tf.grads(loss(fused))(inputs), gRef = tf.grads(loss(stepByStep))(inputs);
          assertEquals(g.length, inputs.length);
          g.forEach((d, i) => {
            assertEquals(d.shape, inputs[i].shape);
            const scale = Math.max(1, gRef[i].abs().max().dataSync()[0]);
            assert(maxDiff(d, gRef[i]) < 1e-5 * scale, `gradient ${i}, reverse=${reverse}`);
          });
        }
      });
    });
  }
}

Deno.test("the kernel's tanh (its own exp) against Math.tanh on [-50, 50]", () => {
  tf.tidy(() => {
    const n = 4001, H = 1;
    const v = Float32Array.from({ length: n }, (_, i) => -50 + i * 0.025);
    const out = rnnLayer(
      tf.tensor3d(v, [n, 1, H]),
      tf.zeros([H, H]) as tf.Tensor2D,
      tf.zeros([n, H]) as tf.Tensor2D,
    ).out.dataSync();
    let err = 0;
    for (let i = 0; i < n; i++) err = Math.max(err, Math.abs(out[i] - Math.tanh(v[i])));
    assert(err < 3e-7, `max |error| ${err}`);
  });
});

Deno.test("GRU and RNN training steps leak no tensors; 2 layers, bidirectional", () => {
  for (
    const m of [
      new GRU({ inputSize: 3, hiddenSize: 5, numLayers: 2, bidirectional: true }),
      new RNN({
        inputSize: 3,
        hiddenSize: 5,
        numLayers: 2,
        bidirectional: true,
        nonlinearity: "relu",
      }),
    ]
  ) {
    const x = tf.randomNormal([4, 2, 3], 0, 1, "float32", 11);
    const h0 = tf.randomNormal([4, 2, 5], 0, 1, "float32", 12);
    const step = () =>
      tf.tidy(() => {
        const { grads } = tf.variableGrads(() => {
          const [out, hN] = m.forward(x, h0);
          return out.square().sum().add(hN.sum()) as tf.Scalar;
        }, m.variables());
        assertEquals(Object.keys(grads).length, m.variables().length);
        Object.values(grads).forEach((g) => g.dataSync());
      });
    step();
    const before = tf.memory().numTensors;
    step();
    assertEquals(tf.memory().numTensors, before);
  }
});

Deno.test("bad shapes name the argument", () => {
  tf.tidy(() => {
    const xw = tf.zeros([2, 3, 12]) as tf.Tensor3D, h0 = tf.zeros([2, 4]) as tf.Tensor2D;
    assertThrows(
      () => recurrentForward("gru", xw, tf.zeros([16, 4]) as tf.Tensor2D, h0, null, null, false),
      ShapeError,
      "whh has shape [16,4], expected [3 · hidden, hidden]",
    );
    assertThrows(
      () => recurrentForward("lstm", xw, tf.zeros([16, 4]) as tf.Tensor2D, h0, null, null, false),
      ShapeError,
      "xw has shape [2,3,12], expected [batch, time, 16]",
    );
    assertThrows(
      () =>
        recurrentForward(
          "gru",
          xw,
          tf.zeros([12, 4]) as tf.Tensor2D,
          tf.zeros([3, 4]) as tf.Tensor2D,
          null,
          null,
          false,
        ),
      ShapeError,
      "h0 has shape [3,4], expected [2, 4]",
    );
  });
});
