/** RNN, GRU and LSTM (2 layers, and bidirectional) against PyTorch 1.13; names, shapes, bad input. */
import { assertAlmostEquals, assertEquals, assertThrows } from "@std/assert";
import { GRU, LSTM, RNN, ShapeError, tf } from "../../../lib/mod.ts";
import { checkAgainstTorch, loadCase } from "./torch_fixture.ts";

const opts = { inputSize: 4, hiddenSize: 6, numLayers: 2, batchFirst: true };

Deno.test("PyTorch parity: 2-layer LSTM, bidirectional LSTM, GRU, RNN", () => {
  for (const bidirectional of [false, true]) {
    const lstm = new LSTM({ ...opts, bidirectional });
    const err = checkAgainstTorch(lstm, loadCase(bidirectional ? "lstm_bi" : "lstm"), (i) => {
      const [out, [h_n, c_n]] = lstm.forward(i.x);
      return { out, h_n, c_n };
    });
    console.log(`lstm${bidirectional ? " bi" : ""} parity`, err);
  }
  const gru = new GRU(opts);
  console.log(
    "gru parity",
    checkAgainstTorch(gru, loadCase("gru"), (i) => {
      const [out, h_n] = gru.forward(i.x);
      return { out, h_n };
    }),
  );
  const rnn = new RNN(opts);
  console.log(
    "rnn parity",
    checkAgainstTorch(rnn, loadCase("rnn"), (i) => {
      const [out, h_n] = rnn.forward(i.x);
      return { out, h_n };
    }),
  );
});

Deno.test("PyTorch names and print; time-major default; bad shapes", () => {
  const lstm = new LSTM({ inputSize: 3, hiddenSize: 5, numLayers: 2 });
  assertEquals(lstm.namedParameters().map(([k]) => k).slice(0, 4), [
    "weight_ih_l0",
    "weight_hh_l0",
    "bias_ih_l0",
    "bias_hh_l0",
  ]);
  assertEquals(lstm.toString(), "LSTM(3, 5, num_layers=2)");
  assertEquals(lstm.numParameters(), 4 * 5 * (3 + 5 + 2) + 4 * 5 * (5 + 5 + 2));
  const [out] = lstm.forward(tf.ones([7, 2, 3]));
  assertEquals(out.shape, [7, 2, 5]);
  assertThrows(() => lstm.forward(tf.ones([7, 2, 4])), ShapeError, "input has last dimension 4");
  assertThrows(
    () => lstm.forward(tf.ones([7, 2, 3]), [tf.zeros([1, 2, 5]), tf.zeros([2, 2, 5])]),
    ShapeError,
    "h0 has shape [1,2,5], expected [2, 2, 5]",
  );
});

Deno.test("an LSTM training step leaks no tensors; h0/c0 gradients match finite differences", () => {
  const lstm = new LSTM({ inputSize: 3, hiddenSize: 4, numLayers: 2, bidirectional: true });
  const x = tf.randomNormal([5, 2, 3], 0, 1, "float32", 11);
  const h0 = tf.randomNormal([4, 2, 4], 0, 1, "float32", 12);
  const c0 = tf.randomNormal([4, 2, 4], 0, 1, "float32", 13);
  const loss = (h: tf.Tensor, c: tf.Tensor) => {
    const [out, [hN, cN]] = lstm.forward(x, [h, c]);
    return out.square().sum().add(hN.sum()).add(cN.mul(2).sum()) as tf.Scalar;
  };
  const step = () =>
    tf.tidy(() => {
      const { grads } = tf.variableGrads(() => loss(h0, c0), lstm.variables());
      Object.values(grads).forEach((g) => g.dataSync());
    });
  step();
  const before = tf.memory().numTensors;
  step();
  assertEquals(tf.memory().numTensors, before);
  // the fused op's state gradients against central differences, one entry each
  const [gh, gc] = tf.grads(loss)([h0, c0]);
  for (const [s0, g, other] of [[h0, gh, c0], [c0, gc, h0]] as const) {
    const e = tf.oneHot([[1 * 2 * 4 + 1 * 4 + 2]], 32).reshape([4, 2, 4]).mul(1e-2);
    const f = (d: tf.Tensor) =>
      (s0 === h0 ? loss(h0.add(d), other) : loss(other, c0.add(d))).dataSync()[0];
    const numeric = (f(e) - f(e.neg())) / 2e-2;
    const analytic = g.reshape([-1]).dataSync()[1 * 2 * 4 + 1 * 4 + 2];
    assertAlmostEquals(analytic, numeric, 2e-2 * Math.max(1, Math.abs(numeric)));
  }
});
