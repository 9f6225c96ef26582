/**
 * One layer and direction of an LSTM, a GRU or an Elman RNN on the WebAssembly kernels of
 * recurrent.c: the whole time loop forward in one call, and the whole back-propagation through
 * time in another. Per step the kernel runs one product h·W_hhᵀ (gemm.h) and the gates in SIMD
 * (its own exp); backward one product ∂z·W_hh per step and ∂W_hh as one product over all steps.
 *
 * The forward pass returns what the backward pass needs (activated gates, states) as copies in
 * JavaScript memory (`RecurrentTape`): scratch memory is released when a kernel call returns.
 *
 * @module
 */
import { ShapeError } from "../../core/errors.ts";
import { tf } from "../backend.ts";
import { recurrentWasm } from "./recurrent_wasm.ts";
import { floats, instantiateKernels, put, tensorAt, withScratch } from "./runtime.ts";

type Ptr = number;
interface RecurrentKernels {
  recurrent_work(): number;
  lstm_forward(
    B: number,
    T: number,
    H: number,
    xw: Ptr,
    whh: Ptr,
    h0: Ptr,
    c0: Ptr,
    reverse: number,
    whhT: Ptr,
    gates: Ptr,
    hs: Ptr,
    cs: Ptr,
    out: Ptr,
    work: Ptr,
  ): void;
  lstm_backward(
    B: number,
    T: number,
    H: number,
    dy: Ptr,
    whh: Ptr,
    gates: Ptr,
    hs: Ptr,
    cs: Ptr,
    reverse: number,
    dx: Ptr,
    dz: Ptr,
    dwhh: Ptr,
    dh: Ptr,
    dc: Ptr,
    work: Ptr,
  ): void;
  gru_forward(
    B: number,
    T: number,
    H: number,
    xw: Ptr,
    whh: Ptr,
    bhn: Ptr,
    h0: Ptr,
    reverse: number,
    whhT: Ptr,
    gates: Ptr,
    hs: Ptr,
    out: Ptr,
    work: Ptr,
  ): void;
  gru_backward(
    B: number,
    T: number,
    H: number,
    dy: Ptr,
    whh: Ptr,
    gates: Ptr,
    hs: Ptr,
    reverse: number,
    dx: Ptr,
    da: Ptr,
    dwhh: Ptr,
    dbhn: Ptr,
    dh: Ptr,
    work: Ptr,
  ): void;
  rnn_forward(
    B: number,
    T: number,
    H: number,
    xw: Ptr,
    whh: Ptr,
    h0: Ptr,
    relu: number,
    reverse: number,
    whhT: Ptr,
    hs: Ptr,
    out: Ptr,
    work: Ptr,
  ): void;
  rnn_backward(
    B: number,
    T: number,
    H: number,
    dy: Ptr,
    whh: Ptr,
    hs: Ptr,
    relu: number,
    reverse: number,
    dx: Ptr,
    da: Ptr,
    dwhh: Ptr,
    dh: Ptr,
    work: Ptr,
  ): void;
}

const k = instantiateKernels<RecurrentKernels>(recurrentWasm, "recurrent");
const WORK = k.recurrent_work();
/** Floats of padding after every buffer: a row's last 4-lane group may read 3 past its end. */
const PAD = 4;

/** The recurrences of recurrent.c, in PyTorch's `mode` names (lower case). */
export type RecurrentKind = "lstm" | "gru" | "rnn_tanh" | "rnn_relu";

/** Gates per hidden unit of each kind: W_ih and W_hh have gates · H rows. */
export const GATES: Readonly<Record<RecurrentKind, number>> = Object.freeze({
  lstm: 4,
  gru: 3,
  rnn_tanh: 1,
  rnn_relu: 1,
});

/** What a forward pass keeps for its backward pass (copies out of scratch memory). */
export interface RecurrentTape {
  readonly kind: RecurrentKind;
  readonly B: number;
  readonly T: number;
  readonly H: number;
  readonly reverse: boolean;
  /** W_hh (G, H). */
  readonly whh: Float32Array;
  /** Per processed step, activated gates (T, B, ·): LSTM i, f, g, o; GRU r, z, n, a_n + b_hn. */
  readonly gates: Float32Array | null;
  /** States (T + 1, B, H) in processing order, h0 first. */
  readonly hs: Float32Array;
  /** LSTM cell states (T + 1, B, H), c0 first. */
  readonly cs: Float32Array | null;
  /** Whether the GRU had b_hn (its gradient is then returned). */
  readonly hasBhn: boolean;
}

/** Checks the shapes shared by every kind; returns [B, T, H]. */
function dims(kind: RecurrentKind, xw: tf.Tensor3D, whh: tf.Tensor2D, h0: tf.Tensor2D) {
  const [B, T, G] = xw.shape, H = whh.shape[1], gates = GATES[kind];
  if (whh.shape[0] !== gates * H) {
    throw new ShapeError(
      `whh has shape [${whh.shape}], expected [${gates} · hidden, hidden] for ${kind}.`,
    );
  }
  if (G !== gates * H) {
    throw new ShapeError(`xw has shape [${xw.shape}], expected [batch, time, ${gates * H}].`);
  }
  if (h0.shape[0] !== B || h0.shape[1] !== H) {
    throw new ShapeError(`h0 has shape [${h0.shape}], expected [${B}, ${H}].`);
  }
  if (T === 0) throw new ShapeError("xw has 0 time steps; expected at least 1.");
  return [B, T, H];
}

/** n + PAD floats of scratch; with `src`, holding a copy of it. */
function buffer(alloc: (n: number) => number, n: number, src?: Float32Array): Ptr {
  const ptr = alloc(n + PAD);
  if (src) floats(ptr, n).set(src);
  return ptr;
}

/** A tensor's values in padded scratch. */
function padded(alloc: (n: number) => number, t: tf.Tensor): Ptr {
  const ptr = put(alloc, t);
  alloc(PAD);
  return ptr;
}

/**
 * Runs one layer and direction forward. `xw` (B, T, G·H) is the input projection with the
 * biases folded in (for the GRU all but b_hn, passed as `bhn`), `whh` is W_hh (G·H, H), `h0` and
 * for the LSTM `c0` are (B, H). Returns the outputs (B, T, H) in input order, also when
 * `reverse` (for the LSTM (B, T + 1, H), the last cell state at index T), and the tape.
 */
export function recurrentForward(
  kind: RecurrentKind,
  xw: tf.Tensor3D,
  whh: tf.Tensor2D,
  h0: tf.Tensor2D,
  c0: tf.Tensor2D | null,
  bhn: tf.Tensor1D | null,
  reverse: boolean,
): { out: tf.Tensor3D; tape: RecurrentTape } {
  const [B, T, H] = dims(kind, xw, whh, h0);
  const G = GATES[kind] * H, BH = B * H, states = (T + 1) * BH;
  if (kind === "lstm" && (!c0 || c0.shape[0] !== B || c0.shape[1] !== H)) {
    throw new ShapeError(`c0 has shape [${c0?.shape}], expected [${B}, ${H}].`);
  }
  if (bhn && (kind !== "gru" || bhn.shape[0] !== H)) {
    throw new ShapeError(`bhn has shape [${bhn.shape}], expected [${H}] and a GRU.`);
  }
  return withScratch((alloc) => {
    const x = padded(alloc, xw), w = padded(alloc, whh), h = padded(alloc, h0);
    const whhT = buffer(alloc, G * H), hs = buffer(alloc, states), work = alloc(WORK);
    const rev = reverse ? 1 : 0;
    let gates = 0, cs = 0, out: Ptr, outShape: number[];
    if (kind === "lstm") {
      gates = buffer(alloc, T * B * G);
      cs = buffer(alloc, states);
      out = buffer(alloc, B * (T + 1) * H);
      outShape = [B, T + 1, H];
      k.lstm_forward(B, T, H, x, w, h, padded(alloc, c0!), rev, whhT, gates, hs, cs, out, work);
    } else {
      out = buffer(alloc, B * T * H);
      outShape = [B, T, H];
      if (kind === "gru") {
        gates = buffer(alloc, T * B * 4 * H);
        const b = bhn ? padded(alloc, bhn) : 0;
        k.gru_forward(B, T, H, x, w, b, h, rev, whhT, gates, hs, out, work);
      } else {
        k.rnn_forward(B, T, H, x, w, h, kind === "rnn_relu" ? 1 : 0, rev, whhT, hs, out, work);
      }
    }
    const copy = (ptr: Ptr, n: number) => floats(ptr, n).slice();
    const tape: RecurrentTape = {
      kind,
      B,
      T,
      H,
      reverse,
      whh: copy(w, G * H),
      gates: gates ? copy(gates, kind === "gru" ? T * B * 4 * H : T * B * G) : null,
      hs: copy(hs, states),
      cs: cs ? copy(cs, states) : null,
      hasBhn: bhn !== null,
    };
    return { out: tensorAt<tf.Tensor3D>(out, outShape), tape };
  });
}

/**
 * The gradients of `recurrentForward` for `dy` (the outputs' shape): [∂xw (B, T, G·H),
 * ∂W_hh (G·H, H), ∂h0 (B, H)], then ∂c0 (B, H) for the LSTM, or ∂b_hn (H) for a GRU with it.
 */
export function recurrentBackward(tape: RecurrentTape, dy: tf.Tensor3D): tf.Tensor[] {
  const { kind, B, T, H } = tape, G = GATES[kind] * H, BH = B * H;
  return withScratch((alloc) => {
    const g = padded(alloc, dy), w = buffer(alloc, G * H, tape.whh);
    const hs = buffer(alloc, tape.hs.length, tape.hs), work = alloc(WORK);
    const dx = buffer(alloc, B * T * G), dz = buffer(alloc, T * B * G), dw = buffer(alloc, G * H);
    const dh = buffer(alloc, BH), rev = tape.reverse ? 1 : 0;
    const grads: tf.Tensor[] = [];
    const result = () => [tensorAt(dx, [B, T, G]), tensorAt(dw, [G, H]), tensorAt(dh, [B, H])];
    if (kind === "lstm") {
      const gates = buffer(alloc, tape.gates!.length, tape.gates!);
      const cs = buffer(alloc, tape.cs!.length, tape.cs!), dc = buffer(alloc, BH);
      k.lstm_backward(B, T, H, g, w, gates, hs, cs, rev, dx, dz, dw, dh, dc, work);
      grads.push(...result(), tensorAt(dc, [B, H]));
    } else if (kind === "gru") {
      const gates = buffer(alloc, tape.gates!.length, tape.gates!);
      const db = tape.hasBhn ? buffer(alloc, H) : 0;
      k.gru_backward(B, T, H, g, w, gates, hs, rev, dx, dz, dw, db, dh, work);
      grads.push(...result());
      if (db) grads.push(tensorAt(db, [H]));
    } else {
      k.rnn_backward(B, T, H, g, w, hs, kind === "rnn_relu" ? 1 : 0, rev, dx, dz, dw, dh, work);
      grads.push(...result());
    }
    return grads;
  });
}
