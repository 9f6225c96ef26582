/**
 * The recurrences of the LSTM, the GRU and the Elman RNN as differentiable ops, one per layer and
 * direction, whose time loop and back-propagation through time run in WebAssembly
 * (kernels/recurrent.c).
 *
 * Built from tfjs ops, each time step costs a dozen small kernels forward and more backward; on
 * tfjs-backend-wasm every kernel call has a fixed cost, so 64 steps of a 32 × 128 LSTM took 1-4 s.
 * Here one layer and direction is one op of two kernel calls. Forward: the input projection
 * x W_ihᵀ + b of every step as one product, then per step the product h·W_hhᵀ and the gates.
 * Backward: per step the gates' derivatives and ∂h = ∂z·W_hh, then ∂W_hh = Σ_t ∂z_tᵀ h_{t−1},
 * ∂W_ih = Σ_t ∂z_tᵀ x_t and ∂b = Σ_t ∂z_t over all steps at once; ∂x = ∂z W_ih only when x needs
 * it (`inputTag`).
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
import {
  recurrentBackward,
  recurrentForward,
  recurrentInputGradient,
  type RecurrentInputs,
  type RecurrentKind,
  tapeFrom,
  tapeTensors,
} from "./kernels/recurrent.ts";

/** What the main op's backward pass leaves for `inputTag`'s: ∂(x W_ihᵀ + b) (B·T, G) and W_ih. */
interface Pending {
  dxw?: tf.Tensor2D;
  wih?: tf.Tensor2D;
  /** The last state h_T and (LSTM) cell state c_T (B·H), from the forward pass, for `lastState`. */
  hLast?: Float32Array;
  cLast?: Float32Array | null;
  /** Their gradients, from `lastState`'s backward passes (which run first) for the main op's. */
  dhLast?: Float32Array;
  dcLast?: Float32Array;
}

/**
 * The op's stand-in for x: a scalar 0 whose gradient function returns x's gradient, from what the
 * main op's backward pass left in `pending` (tensors of the same backward pass, which frees them
 * at its end). tfjs calls an op's gradient only when one of its inputs leads back to what is
 * differentiated, but computes every input's gradient of a `customGrad` op at once; routing x
 * through this op skips ∂x = ∂(x W_ihᵀ) W_ih, a product as large as the projection, when x needs
 * no gradient (a model's input), as PyTorch does.
 */
function inputTag(x: tf.Tensor3D, pending: Pending): tf.Scalar {
  const [B, T] = x.shape;
  const op = tf.customGrad((_x) => ({
    value: tf.scalar(0),
    gradFunc: () => recurrentInputGradient(pending.dxw!, pending.wih!, B, T),
  })) as (x: tf.Tensor) => tf.Scalar;
  return op(x);
}

/**
 * The last state h_T or cell state c_T (B, H) as an op of the outputs (B, T, H). A customGrad op
 * has one output, so the main op passes them here through `pending`, and this op's gradient
 * function passes ∂h_T or ∂c_T back the same way (it runs before the main op's, which precedes it
 * in the graph); its gradient with respect to the outputs is 0. When a state is not
 * differentiated, its gradient stays 0. (Slicing h_T out of the outputs would cost more: tfjs-wasm
 * reads the whole tensor back for any slice.)
 */
function lastState(out: tf.Tensor3D, pending: Pending, which: "h" | "c"): tf.Tensor2D {
  const [B, T, H] = out.shape;
  const op = tf.customGrad((_out) => ({
    value: tf.tensor2d(which === "h" ? pending.hLast! : pending.cLast!, [B, H]),
    gradFunc: (dy) => {
      const d = (dy as tf.Tensor).dataSync() as Float32Array;
      if (which === "h") pending.dhLast = d;
      else pending.dcLast = d;
      return tf.zeros([B, T, H]);
    },
  })) as (out: tf.Tensor) => tf.Tensor2D;
  return op(out);
}

/**
 * One layer and direction of an LSTM, a GRU or an RNN (`kind`) on a batch-first input: x (B, T, F)
 * and the weights as `RecurrentInputs` describes them. Returns the outputs (B, T, H) in input
 * order (also when `reverse`), the final h (B, H) and, for the LSTM only, the final c (B, H), all
 * differentiable in every input (see the module comment).
 *
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { tf } from "./backend.ts";
 * import { recurrentLayer } from "./lstm_steps.ts";
 *
 * const [B, T, F, H] = [2, 4, 5, 3];
 * const r = recurrentLayer("gru", {
 *   x: tf.ones([B, T, F]),
 *   wih: tf.ones([3 * H, F]), // rows r, z, n
 *   bias: null,
 *   whh: tf.zeros([3 * H, H]),
 *   h0: tf.zeros([B, H]),
 * });
 * assertEquals([r.out.shape, r.h.shape, r.c], [[B, T, H], [B, H], undefined]);
 * ```
 */
export function recurrentLayer(
  kind: RecurrentKind,
  inputs: RecurrentInputs,
  reverse = false,
): { out: tf.Tensor3D; h: tf.Tensor2D; c?: tf.Tensor2D } {
  return tf.tidy((): { out: tf.Tensor3D; h: tf.Tensor2D; c?: tf.Tensor2D } => {
    const pending: Pending = {};
    // the gates and states are copied out of the kernel only when tfjs records a tape
    const keep = tf.engine().isTapeOn();
    const names = (["wih", "bias", "whh", "h0", "c0", "bhn"] as const).filter((k) => inputs[k]);
    // customGrad's callback is variadic (the inputs, then `save`); it reads them from `inputs`
    const op = tf.customGrad((...args) => {
      const { out, hLast, cLast, tape } = recurrentForward(kind, inputs, reverse, keep);
      pending.hLast = hLast;
      pending.cLast = cLast;
      if (tape) (args[args.length - 1] as unknown as tf.GradSaveFunc)(tapeTensors(tape));
      return {
        value: out,
        gradFunc: (dy, saved) => {
          const t = tapeFrom(tape!, saved);
          const dhLast = pending.dhLast ?? null, dcLast = pending.dcLast ?? null;
          const g = recurrentBackward(t, dy as tf.Tensor3D, dhLast, dcLast);
          pending.dxw = g.dxw;
          pending.wih = t.wih;
          return [tf.scalar(0), ...names.map((k) => g[k]!)];
        },
      };
    }) as (...t: tf.Tensor[]) => tf.Tensor3D;
    const out = op(inputTag(inputs.x, pending), ...names.map((k) => inputs[k]!));
    const h = lastState(out, pending, "h");
    return kind === "lstm" ? { out, h, c: lastState(out, pending, "c") } : { out, h };
  });
}
