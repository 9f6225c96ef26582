/**
 * The fused recurrences of lstm_steps.ts (WebAssembly, kernels/recurrent.c) against the same
 * equations composed step by step from tfjs ops: values, and gradients through tfjs's autodiff,
 * for every input, both directions, hidden widths with and without a partial 4-lane group. Also:
 * the kernels' tanh against Math's over its whole range, no tensor leaks, bad shapes,
 * the same bits on two threads.
 */
import { assert, assertEquals, assertThrows } from "@std/assert";
import { GRU, LSTM, RNN, setNumThreads, ShapeError, tf } from "../../../lib/mod.ts";
import { threadCalls, threadsReady } from "../../../lib/deep/kernels/pool.ts";
import { PARALLEL_MIN_WORK } from "../../../lib/deep/kernels/dense.ts";
import { recurrentLayer } from "../../../lib/deep/lstm_steps.ts";
import {
  GATES,
  recurrentForward,
  type RecurrentKind as Kind,
} from "../../../lib/deep/kernels/recurrent.ts";

/** The inputs as a list: x, W_ih, bias, W_hh, h0, then c0 (LSTM) or b_hn (GRU) when given. */
type Inputs = tf.Tensor[];

/** The reference: PyTorch's equations, one tfjs op at a time; returns outputs (B, T, H), h, c. */
function stepByStep(kind: Kind, [x, wih, bias, whh, h0, extra]: Inputs, reverse: boolean) {
  const [B, T, F] = x.shape;
  const xw = x.reshape([B * T, F]).matMul(wih, false, true).add(bias).reshape([B, T, -1]);
  let h: tf.Tensor = h0, c: tf.Tensor = kind === "lstm" ? extra : h0;
  const ys: tf.Tensor[] = new Array(T);
  for (let s = 0; s < T; s++) {
    const t = reverse ? T - 1 - s : s;
    const xt = xw.slice([0, t, 0], [-1, 1, -1]).squeeze([1]);
    const a = tf.matMul(h, whh, false, true);
    if (kind === "lstm") {
      const [i, f, g, o] = tf.split(xt.add(a), 4, 1);
      c = tf.sigmoid(f).mul(c).add(tf.sigmoid(i).mul(tf.tanh(g)));
      h = tf.sigmoid(o).mul(tf.tanh(c));
    } else if (kind === "gru") {
      const [xr, xz, xn] = tf.split(xt, 3, 1), [ar, az, an] = tf.split(a, 3, 1);
      const r = tf.sigmoid(xr.add(ar)), z = tf.sigmoid(xz.add(az));
      const n = tf.tanh(xn.add(r.mul(extra ? an.add(extra) : an)));
      h = n.add(z.mul(h.sub(n)));
    } else {
      h = kind === "rnn_relu" ? tf.relu(xt.add(a)) : tf.tanh(xt.add(a));
    }
    ys[t] = h;
  }
  return [tf.stack(ys, 1), h, c];
}

function fused(kind: Kind, [x, wih, bias, whh, h0, extra]: Inputs, reverse: boolean) {
  const r = recurrentLayer(kind, {
    x: x as tf.Tensor3D,
    wih: wih as tf.Tensor2D,
    bias: bias as tf.Tensor1D,
    whh: whh as tf.Tensor2D,
    h0: h0 as tf.Tensor2D,
    c0: kind === "lstm" ? extra as tf.Tensor2D : null,
    bhn: kind === "gru" ? (extra ?? null) as tf.Tensor1D | null : null,
  }, reverse);
  return [r.out, r.h, r.c ?? h0];
}

function maxDiff(a: tf.Tensor, b: tf.Tensor): number {
  return tf.tidy(() => a.sub(b).abs().max().dataSync()[0]);
}

const cases: [Kind, boolean][] = [
  ["lstm", true],
  ["gru", true],
  ["gru", false],
  ["rnn_tanh", false],
  ["rnn_relu", false],
];
for (const [kind, withExtra] of cases) {
  for (const H of [6, 8]) {
    const name = `${kind}${kind === "gru" && !withExtra ? " without b_hn" : ""} H=${H}`;
    Deno.test(`${name}: values and gradients of every input vs tfjs step by step`, () => {
      tf.tidy(() => {
        const B = 3, T = 5, F = 7, G = GATES[kind] * H;
        const inputs: Inputs = [
          tf.randomNormal([B, T, F], 0, 1, "float32", 1),
          tf.randomNormal([G, F], 0, 0.5, "float32", 2),
          tf.randomNormal([G], 0, 0.5, "float32", 3),
          tf.randomNormal([G, H], 0, 0.5, "float32", 4),
          tf.randomNormal([B, H], 0, 1, "float32", 5),
        ];
        if (kind === "lstm") inputs.push(tf.randomNormal([B, H], 0, 1, "float32", 6));
        if (kind === "gru" && withExtra) inputs.push(tf.randomNormal([H], 0, 1, "float32", 7));
        // weights on every output, so each one's gradient path is checked
        const wOut = tf.randomNormal([B, T, H], 0, 1, "float32", 8);
        const wH = tf.randomNormal([B, H], 0, 1, "float32", 9);
        const wC = tf.randomNormal([B, H], 0, 1, "float32", 10);
        for (const reverse of [false, true]) {
          const loss = (f: typeof fused) => (...t: tf.Tensor[]) => {
            const [out, h, c] = f(kind, t, reverse);
            const l = out.mul(wOut).sum().add(h.mul(wH).sum());
            return (kind === "lstm" ? l.add(c.mul(wC).sum()) : l) as tf.Scalar;
          };
          const ours = fused(kind, inputs, reverse), ref = stepByStep(kind, inputs, reverse);
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
          // the outputs alone (for the LSTM, no gradient reaches the last cell state)
          const outOnly = (f: typeof fused) => (...t: tf.Tensor[]) =>
            f(kind, t, reverse)[0].mul(wOut).sum() as tf.Scalar;
          const o1 = tf.grads(outOnly(fused))(inputs), o2 = tf.grads(outOnly(stepByStep))(inputs);
          o1.forEach((d, i) => assert(maxDiff(d, o2[i]) < 1e-5, `outputs only: gradient ${i}`));
          // without x among the differentiated inputs its gradient is skipped, the rest unchanged
          const some = tf.grads((...t: tf.Tensor[]) => loss(fused)(inputs[0], ...t))(
            inputs.slice(1),
          );
          some.forEach((d, i) =>
            assert(maxDiff(d, g[i + 1]) < 1e-6, `gradient ${i + 1} without x`)
          );
        }
      });
    });
  }
}

Deno.test("the kernel's tanh (its own exp) against Math.tanh on [-50, 50]", () => {
  tf.tidy(() => {
    const n = 4001, H = 1;
    const v = Float32Array.from({ length: n }, (_, i) => -50 + i * 0.025);
    const out = recurrentLayer("rnn_tanh", {
      x: tf.tensor3d(v, [n, 1, H]),
      wih: tf.ones([H, H]),
      bias: null,
      whh: tf.zeros([H, H]),
      h0: tf.zeros([n, H]),
    }).out.dataSync();
    let err = 0;
    for (let i = 0; i < n; i++) err = Math.max(err, Math.abs(out[i] - Math.tanh(v[i])));
    assert(err < 3e-7, `max |error| ${err}`);
  });
});

Deno.test("GRU and RNN training steps and inference leak no tensors; 2 layers, bidirectional", () => {
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
    // inference: no tape, nothing kept
    tf.tidy(() => m.forward(x, h0)[0].dataSync());
    assertEquals(tf.memory().numTensors, before);
  }
});

Deno.test("bad shapes name the argument", () => {
  tf.tidy(() => {
    const x = tf.zeros([2, 3, 5]) as tf.Tensor3D, h0 = tf.zeros([2, 4]) as tf.Tensor2D;
    const wih = tf.zeros([12, 5]) as tf.Tensor2D, whh = tf.zeros([12, 4]) as tf.Tensor2D;
    const ok = { x, wih, bias: null, whh, h0 };
    const bad = (kind: Kind, change: object, message: string) =>
      assertThrows(() => recurrentForward(kind, { ...ok, ...change }, false), ShapeError, message);
    bad("gru", { whh: tf.zeros([16, 4]) }, "whh has shape [16,4], expected [12, 4] (3 · hidden");
    bad("gru", { wih: tf.zeros([12, 6]) }, "wih has shape [12,6], expected [12, 5]");
    bad("gru", { h0: tf.zeros([3, 4]) }, "h0 has shape [3,4], expected [2, 4]");
    bad("gru", { bias: tf.zeros([4]) }, "bias has shape [4], expected [12]");
    bad(
      "rnn_tanh",
      { wih: tf.zeros([4, 5]), whh: tf.zeros([4, 4]), bhn: tf.zeros([4]) },
      "bhn is given",
    );
    bad("lstm", { wih: tf.zeros([16, 5]), whh: tf.zeros([16, 4]) }, "c0 is missing");
    bad("gru", { x: tf.zeros([2, 0, 5]) }, "x has 0 time steps");
  });
});

Deno.test("on 2 threads: outputs and gradients equal 1 thread bit for bit", async () => {
  const opts = { inputSize: 64, hiddenSize: 64, batchFirst: true };
  const models = [new LSTM(opts), new GRU(opts), new RNN({ ...opts, bidirectional: true })];
  const x = tf.randomNormal([16, 32, 64], 0, 1, "float32", 21);
  // x differentiated too, so the input gradient's product runs as well
  const run = () =>
    models.flatMap((m) =>
      tf.tidy(() => {
        const f = (xIn: tf.Tensor) => m.forward(xIn)[0].square().mean() as tf.Scalar;
        const { grads } = tf.variableGrads(() => f(x), m.variables());
        const all = [m.forward(x)[0], ...Object.values(grads), tf.grad(f)(x)];
        return all.map((g) => g.dataSync().slice());
      })
    );
  const one = run();
  setNumThreads(2);
  try {
    assertEquals(await threadsReady(), 1, "the worker did not start");
    const calls = () => threadCalls().slice(1).reduce((a, b) => a + b, 0), before = calls();
    let two = run();
    for (let i = 0; i < 100 && calls() === before; i++) two = run();
    assert(calls() > before, "the worker never took a call");
    assertEquals(two.length, one.length);
    two.forEach((g, i) => assert(g.every((v, j) => Object.is(v, one[i][j])), `output ${i}`));
    // the time loop itself splits by batch rows: one input feature keeps the input projection
    // (B·T·4H·1 multiply-adds) under the products' threshold, the recurrence (B·T·4H·H) over it
    const B = 16, T = 32, H = 64;
    assert(B * T * 4 * H < PARALLEL_MIN_WORK && B * T * 4 * H * H >= PARALLEL_MIN_WORK);
    const narrow = new LSTM({ inputSize: 1, hiddenSize: H, batchFirst: true });
    const xn = tf.randomNormal([B, T, 1], 0, 1, "float32", 22);
    const loopBefore = calls();
    for (let i = 0; i < 100 && calls() === loopBefore; i++) {
      tf.dispose(tf.tidy(() => narrow.forward(xn)));
    }
    assert(calls() > loopBefore, "the recurrence never ran on the worker");
    xn.dispose();
  } finally {
    setNumThreads(1);
  }
});
