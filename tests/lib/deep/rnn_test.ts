/** RNN, GRU and LSTM (2 layers, and bidirectional) against PyTorch 1.13; names, shapes, bad input. */
import { assertEquals, assertThrows } from "@std/assert";
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
