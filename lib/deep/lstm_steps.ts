/**
 * The recurrences of the LSTM, the GRU and the Elman RNN as differentiable ops, one per layer and
 * direction, whose time loop and back-propagation through time run in WebAssembly
 * (kernels/recurrent.c).
 *
 * Built from tfjs ops, each time step costs a dozen small kernels forward and more backward; on
 * tfjs-backend-wasm every kernel call has a fixed cost, so 64 steps of a 32 × 128 LSTM took 1-4 s.
 * Here the input projection x W_ihᵀ + b of every step is one product before the op (`affine` in
 * rnn.ts), and the op is two kernel calls: forward, per step the product h·W_hhᵀ and the gates;
 * backward, per step the gates' derivatives and ∂h = ∂z·W_hh, then ∂W_hh = Σ_t ∂z_tᵀ h_{t−1} as
 * one product over all steps.
 *
 * Equations (PyTorch's), with z = x W_ihᵀ + h W_hhᵀ + biases:
 * - LSTM, gates i, f, g, o: i = σ(z_i), f = σ(z_f), g = tanh(z_g), o = σ(z_o), c' = f c + i g,
 *   h' = o tanh(c'). Backward from ∂h', ∂c' (∂c' += ∂h' o (1 − tanh²c')):
 *   ∂z_o = ∂h' tanh(c') o(1−o), ∂z_i = ∂c' g i(1−i), ∂z_g = ∂c' i (1−g²), ∂z_f = ∂c' c f(1−f),
 *   ∂c = ∂c' f.
 * - GRU, gates r, z, n, with a = h W_hhᵀ: r = σ(x_r + a_r), z = σ(x_z + a_z),
 *   n = tanh(x_n + r (a_n + b_hn)), h' = (1 − z) n + z h. Backward:
 *   ∂x_n = ∂h' (1−z)(1−n²), ∂x_z = ∂h' (h−n) z(1−z), ∂x_r = ∂x_n (a_n + b_hn) r(1−r),
 *   ∂a_n = ∂b_hn = ∂x_n r, ∂h = ∂h' z + ∂a W_hh.
 * - RNN: h' = tanh(z) or max(0, z); ∂z = ∂h' (1 − h'²) or ∂h' [h' > 0].
 *
 * @module
 */
import { tf } from "./backend.ts";
import { recurrentBackward, recurrentForward, type RecurrentKind } from "./kernels/recurrent.ts";

/**
 * One fused recurrence: xw (B, T, G·H), whh (G·H, H), h0 (B, H), and `extra`, c0 (B, H) for the
 * LSTM or b_hn (H) for a GRU with biases. Differentiable in every tensor input.
 */
function recurrence(
  kind: RecurrentKind,
  xw: tf.Tensor3D,
  whh: tf.Tensor2D,
  h0: tf.Tensor2D,
  extra: tf.Tensor | null,
  reverse: boolean,
): tf.Tensor3D {
  const inputs = extra ? [xw, whh, h0, extra] : [xw, whh, h0];
  // customGrad's callback is variadic (the inputs, then `save`), hence the casts
  const op = tf.customGrad((...args) => {
    const [x, w, h] = args as tf.Tensor[], e = extra ? args[3] as tf.Tensor : null;
    const { out, tape } = recurrentForward(
      kind,
      x as tf.Tensor3D,
      w as tf.Tensor2D,
      h as tf.Tensor2D,
      kind === "lstm" ? e as tf.Tensor2D : null,
      kind === "gru" ? e as tf.Tensor1D | null : null,
      reverse,
    );
    return { value: out, gradFunc: (dy) => recurrentBackward(tape, dy as tf.Tensor3D) };
  }) as (...t: tf.Tensor[]) => tf.Tensor3D;
  return op(...inputs);
}

/** The last output of a (B, T, H) sequence in processing order: t = T − 1, or 0 when reverse. */
function lastState(out: tf.Tensor3D, reverse: boolean): tf.Tensor2D {
  const [B, T, H] = out.shape;
  return out.slice([0, reverse ? 0 : T - 1, 0], [B, 1, H]).reshape([B, H]);
}

/**
 * One layer and direction of an LSTM on batch-first pre-projected inputs: `xw` (B, T, 4H) =
 * x W_ihᵀ + b_ih + b_hh, `whh` = W_hh (4H, H), initial states (B, H). Returns the outputs
 * (B, T, H) in input order (also when `reverse`) and the final h and c (B, H), all
 * differentiable (see the module comment).
 */
export function lstmLayer(
  xw: tf.Tensor3D,
  whh: tf.Tensor2D,
  h0: tf.Tensor2D,
  c0: tf.Tensor2D,
  reverse = false,
): { out: tf.Tensor3D; h: tf.Tensor2D; c: tf.Tensor2D } {
  return tf.tidy(() => {
    const [B, T] = xw.shape, H = whh.shape[1];
    // the op's output is (B, T + 1, H): the outputs, then the last cell state at index T
    const packed = recurrence("lstm", xw, whh, h0, c0, reverse);
    const out = packed.slice([0, 0, 0], [B, T, H]);
    return {
      out,
      h: lastState(out, reverse),
      c: packed.slice([0, T, 0], [B, 1, H]).reshape([B, H]) as tf.Tensor2D,
    };
  });
}

/**
 * One layer and direction of a GRU: `xw` (B, T, 3H) = x W_ihᵀ + b_ih + [b_hr, b_hz, 0],
 * `whh` = W_hh (3H, H), `bhn` = b_hn (H) or null (no biases), `h0` (B, H). Returns the outputs
 * (B, T, H) in input order and the final h (B, H).
 */
export function gruLayer(
  xw: tf.Tensor3D,
  whh: tf.Tensor2D,
  bhn: tf.Tensor1D | null,
  h0: tf.Tensor2D,
  reverse = false,
): { out: tf.Tensor3D; h: tf.Tensor2D } {
  return tf.tidy(() => {
    const out = recurrence("gru", xw, whh, h0, bhn, reverse);
    return { out, h: lastState(out, reverse) };
  });
}

/**
 * One layer and direction of an Elman RNN: `xw` (B, T, H) = x W_ihᵀ + b_ih + b_hh, `whh` = W_hh
 * (H, H), `h0` (B, H), tanh or (`relu`) max(0, ·). Returns the outputs (B, T, H) in input order
 * and the final h (B, H).
 */
export function rnnLayer(
  xw: tf.Tensor3D,
  whh: tf.Tensor2D,
  h0: tf.Tensor2D,
  relu = false,
  reverse = false,
): { out: tf.Tensor3D; h: tf.Tensor2D } {
  return tf.tidy(() => {
    const out = recurrence(relu ? "rnn_relu" : "rnn_tanh", xw, whh, h0, null, reverse);
    return { out, h: lastState(out, reverse) };
  });
}
