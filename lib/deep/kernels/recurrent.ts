/**
 * One layer and direction of an LSTM, a GRU or an Elman RNN on the WebAssembly kernels of
 * recurrent.c. Forward: the input projection x W_ihᵀ + b of every step as one product, then the
 * whole time loop in one kernel call (per step one product h·W_hhᵀ on gemm.h and the gates in
 * SIMD, with the kernels' own exp). Backward: the whole back-propagation through time in one call
 * (per step the gates' derivatives and ∂h = ∂z·W_hh), then ∂W_hh, ∂W_ih and ∂b as products over
 * all steps at once, and ∂x = ∂xw W_ih when asked.
 *
 * The products over all steps are dense.ts's (`affineInto`, `gemmInto`). With threads on (pool.ts
 * `setNumThreads`) they split by output blocks, and the time loops by batch rows (which never
 * meet), each thread running all steps of its rows: the results are bit-identical to one thread.
 *
 * Scratch memory is released when a kernel call returns, so what the backward pass needs
 * (activated gates, states) leaves the forward call as tensors (`RecurrentTape`), for the caller
 * to keep as tfjs keeps saved tensors; the backward pass copies them back in.
 *
 * @module
 */
import { ShapeError } from "../../core/errors.ts";
import { tf } from "../backend.ts";
import { recurrentWasm } from "./recurrent_wasm.ts";
import { affineInto, columnSumsInto, gemmInto, PARALLEL_MIN_WORK, type Stored } from "./dense.ts";
import { getNumThreads, parallel, splitRange } from "./pool.ts";
import { floats, instantiateKernels, put, tensorAt, withScratch } from "./runtime.ts";

type Ptr = number;
/** A kernel of recurrent.c: integers (sizes, flags, byte offsets) in, see the C for the order. */
type Kernel = (...args: number[]) => void;
interface RecurrentKernels {
  recurrent_work(): number;
  transpose: Kernel;
  lstm_forward: Kernel;
  lstm_backward: Kernel;
  gru_forward: Kernel;
  gru_backward: Kernel;
  rnn_forward: Kernel;
  rnn_backward: Kernel;
}

const k = instantiateKernels<RecurrentKernels>(recurrentWasm, "recurrent");
const WORK = k.recurrent_work();

/**
 * Runs a recurrence kernel (`args(b0, b1)` its arguments but the GEMM work buffer) on blocks of
 * batch rows, one per thread when threads are on (pool.ts) and the work is large (`madds`
 * multiply-adds): the rows never meet, so the result is the same, and each block repacks W_hh
 * every step, so fewer, larger blocks (multiples of 4 rows) are faster.
 */
function byBatch(
  alloc: (n: number) => number,
  fn: Exclude<keyof RecurrentKernels, "recurrent_work">,
  B: number,
  madds: number,
  args: (b0: number, b1: number) => number[],
): void {
  const threads = getNumThreads();
  const ranges = threads > 1 && madds >= PARALLEL_MIN_WORK ? splitRange(B, threads, 4) : [[0, B]];
  const calls = ranges.map(([b0, b1]) => {
    const a = args(b0, b1);
    return { kernels: k, fn, args: [...a, 0], scratch: a.length };
  });
  parallel(calls, { alloc, floats: WORK });
}

/** A matrix of scratch memory, for dense.ts's products. */
const stored = (ptr: number, rows: number, cols: number): Stored => ({ ptr, rows, cols });

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

/** The tensors of one layer and direction (G = gates · H rows in the weights). */
export interface RecurrentInputs {
  /** The layer's input (B, T, F), batch first. */
  x: tf.Tensor3D;
  /** W_ih (G, F). */
  wih: tf.Tensor2D;
  /** The biases added to x W_ihᵀ (G): b_ih + b_hh, for the GRU all of b_hh but b_hn; or null. */
  bias: tf.Tensor1D | null;
  /** W_hh (G, H). */
  whh: tf.Tensor2D;
  /** The initial state (B, H). */
  h0: tf.Tensor2D;
  /** The LSTM's initial cell state (B, H). */
  c0?: tf.Tensor2D | null;
  /** The GRU's b_hn (H), inside r ⊙ (h W_hnᵀ + b_hn), or null. */
  bhn?: tf.Tensor1D | null;
}

/** The gradients of one layer and direction; null where the input was null or absent. */
export interface RecurrentGradients {
  wih: tf.Tensor2D;
  bias: tf.Tensor1D | null;
  whh: tf.Tensor2D;
  h0: tf.Tensor2D;
  c0: tf.Tensor2D | null;
  bhn: tf.Tensor1D | null;
}

/**
 * What the backward pass needs: the sizes, and the tensors x (B, T, F), W_ih, W_hh, the states
 * (T + 1, B, H) in processing order (h0 first), the activated gates (T, B, ·) of the LSTM (i, f,
 * g, o) and the GRU (r, z, n, a_n + b_hn), and the LSTM's cell states (T + 1, B, H).
 */
export interface RecurrentTape {
  readonly kind: RecurrentKind;
  readonly reverse: boolean;
  readonly hasBias: boolean;
  readonly hasBhn: boolean;
  readonly x: tf.Tensor3D;
  readonly wih: tf.Tensor2D;
  readonly whh: tf.Tensor2D;
  readonly hs: tf.Tensor;
  readonly gates: tf.Tensor | null;
  readonly cs: tf.Tensor | null;
}

/** The tape's tensors as a list (to save), and back. */
export function tapeTensors(t: RecurrentTape): tf.Tensor[] {
  return [t.x, t.wih, t.whh, t.hs, ...(t.gates ? [t.gates] : []), ...(t.cs ? [t.cs] : [])];
}

/** A tape with its tensors replaced by `saved` (the list `tapeTensors` gave, as tfjs kept it). */
export function tapeFrom(t: RecurrentTape, saved: tf.Tensor[]): RecurrentTape {
  const [x, wih, whh, hs, ...rest] = saved;
  const gates = t.gates ? rest.shift()! : null, cs = t.cs ? rest.shift()! : null;
  return {
    ...t,
    x: x as tf.Tensor3D,
    wih: wih as tf.Tensor2D,
    whh: whh as tf.Tensor2D,
    hs,
    gates,
    cs,
  };
}

/** Throws a ShapeError naming `name` unless t has the expected shape. */
function expectShape(name: string, t: tf.Tensor, expected: number[], note = ""): void {
  if (t.shape.length !== expected.length || t.shape.some((n, i) => n !== expected[i])) {
    throw new ShapeError(
      `${name} has shape [${t.shape}], expected [${expected.join(", ")}]${note}.`,
    );
  }
}

/** Checks every shape against x's and W_hh's; returns [B, T, F, H]. */
function dims(kind: RecurrentKind, i: RecurrentInputs): number[] {
  if (i.x.rank !== 3) throw new ShapeError(`x has shape [${i.x.shape}], expected rank 3.`);
  const [B, T, F] = i.x.shape, H = i.whh.shape[1], G = GATES[kind] * H;
  if (T === 0) throw new ShapeError("x has 0 time steps; expected at least 1.");
  expectShape("whh", i.whh, [G, H], ` (${GATES[kind]} · hidden rows for ${kind})`);
  expectShape("wih", i.wih, [G, F]);
  if (i.bias) expectShape("bias", i.bias, [G]);
  expectShape("h0", i.h0, [B, H]);
  if (kind === "lstm") {
    if (!i.c0) throw new ShapeError(`c0 is missing; an LSTM needs it, shape [${B}, ${H}].`);
    expectShape("c0", i.c0, [B, H]);
  }
  if (i.bhn) {
    if (kind !== "gru") throw new ShapeError(`bhn is given for ${kind}; only a GRU has it.`);
    expectShape("bhn", i.bhn, [H]);
  }
  return [B, T, F, H];
}

/** n + PAD floats of scratch; with `src`, holding a copy of it. */
function buffer(alloc: (n: number) => number, n: number, src?: Float32Array): Ptr {
  const ptr = alloc(n + PAD);
  if (src) floats(ptr, n).set(src);
  return ptr;
}

/** n floats at ptr copied into a new array (set, not slice: slicing a shared buffer is slow). */
function copyOut(ptr: Ptr, n: number): Float32Array {
  const a = new Float32Array(n);
  a.set(floats(ptr, n));
  return a;
}

/** A tensor's values in padded scratch. */
function padded(alloc: (n: number) => number, t: tf.Tensor): Ptr {
  const ptr = put(alloc, t);
  alloc(PAD);
  return ptr;
}

/**
 * Runs one layer and direction forward: the input projection x W_ihᵀ + bias of every step, then
 * the recurrence. Returns the outputs (B, T, H) in input order, also when `reverse`; the last
 * state h_T and for the LSTM the last cell state c_T (B·H each) as values; and, when `keep`, the
 * tape for the backward pass (its new tensors are the caller's to dispose; x and the weights are
 * the inputs themselves).
 */
export function recurrentForward(
  kind: RecurrentKind,
  inputs: RecurrentInputs,
  reverse: boolean,
  keep = true,
): {
  out: tf.Tensor3D;
  hLast: Float32Array;
  cLast: Float32Array | null;
  tape: RecurrentTape | null;
} {
  const [B, T, F, H] = dims(kind, inputs);
  const G = GATES[kind] * H, BH = B * H, states = (T + 1) * BH, n = B * T;
  return withScratch((alloc) => {
    const x = padded(alloc, inputs.x), wih = padded(alloc, inputs.wih);
    const w = padded(alloc, inputs.whh), h = padded(alloc, inputs.h0);
    const whhT = buffer(alloc, G * H), hs = buffer(alloc, states);
    const xw = buffer(alloc, n * G), bias = inputs.bias ? padded(alloc, inputs.bias) : 0;
    affineInto(alloc, stored(x, n, F), stored(wih, G, F), bias, false, xw);
    k.transpose(w, G, H, whhT);
    const rev = reverse ? 1 : 0, madds = n * G * H;
    let gates = 0, cs = 0;
    const out = buffer(alloc, B * T * H);
    if (kind === "lstm") {
      gates = buffer(alloc, T * B * G);
      cs = buffer(alloc, states);
      const c = padded(alloc, inputs.c0!);
      byBatch(
        alloc,
        "lstm_forward",
        B,
        madds,
        (b0, b1) => [B, T, H, b0, b1, xw, whhT, h, c, rev, gates, hs, cs, out],
      );
    } else if (kind === "gru") {
      gates = buffer(alloc, T * B * 4 * H);
      const b = inputs.bhn ? padded(alloc, inputs.bhn) : 0;
      byBatch(
        alloc,
        "gru_forward",
        B,
        madds,
        (b0, b1) => [B, T, H, b0, b1, xw, whhT, b, h, rev, gates, hs, out],
      );
    } else {
      const relu = kind === "rnn_relu" ? 1 : 0;
      byBatch(
        alloc,
        "rnn_forward",
        B,
        madds,
        (b0, b1) => [B, T, H, b0, b1, xw, whhT, h, relu, rev, hs, out],
      );
    }
    const tape: RecurrentTape | null = keep
      ? {
        kind,
        reverse,
        hasBias: inputs.bias !== null,
        hasBhn: (inputs.bhn ?? null) !== null,
        x: inputs.x,
        wih: inputs.wih,
        whh: inputs.whh,
        hs: tensorAt(hs, [T + 1, B, H]),
        gates: gates ? tensorAt(gates, [T, B, kind === "gru" ? 4 * H : G]) : null,
        cs: cs ? tensorAt(cs, [T + 1, B, H]) : null,
      }
      : null;
    // the last states, hs[T] and cs[T] (B·H numbers each)
    const last = (p: Ptr) => copyOut(p + 4 * T * BH, BH);
    const cLast = cs ? last(cs) : null;
    return { out: tensorAt<tf.Tensor3D>(out, [B, T, H]), hLast: last(hs), cLast, tape };
  });
}

/**
 * The gradients of `recurrentForward` for `dy` (B, T, H) and `dhLast`, `dcLast` (B·H), those of
 * the last state and cell state (null: 0), and ∂xw (B·T, G), the gradient of x W_ihᵀ + bias, from
 * which `recurrentInputGradient` makes x's when it is needed.
 */
export function recurrentBackward(
  tape: RecurrentTape,
  dy: tf.Tensor3D,
  dhLast: Float32Array | null = null,
  dcLast: Float32Array | null = null,
): RecurrentGradients & { dxw: tf.Tensor2D } {
  const { kind } = tape, [B, T, F] = tape.x.shape, H = tape.whh.shape[1] as number;
  const G = GATES[kind] * H, BH = B * H, n = B * T;
  return withScratch((alloc) => {
    const g = padded(alloc, dy), w = padded(alloc, tape.whh), hs = padded(alloc, tape.hs);
    const dx = buffer(alloc, n * G), dz = buffer(alloc, T * B * G);
    // ∂h_T (and ∂c_T) in, ∂h0 (and ∂c0) out
    const state = (d: Float32Array | null) => {
      const p = buffer(alloc, BH);
      if (d) floats(p, BH).set(d);
      else floats(p, BH).fill(0);
      return p;
    };
    const dh = state(dhLast), rev = tape.reverse ? 1 : 0, madds = n * G * H;
    let dc = 0, dbhn = 0;
    if (kind === "lstm") {
      const gates = padded(alloc, tape.gates!), cs = padded(alloc, tape.cs!);
      dc = state(dcLast);
      byBatch(
        alloc,
        "lstm_backward",
        B,
        madds,
        (b0, b1) => [B, T, H, b0, b1, g, w, gates, hs, cs, rev, dx, dz, dh, dc],
      );
    } else if (kind === "gru") {
      const gates = padded(alloc, tape.gates!);
      byBatch(
        alloc,
        "gru_backward",
        B,
        madds,
        (b0, b1) => [B, T, H, b0, b1, g, w, gates, hs, rev, dx, dz, dh],
      );
      // ∂b_hn = Σ ∂a_n: the n block of the step-major gradient of h W_hhᵀ
      if (tape.hasBhn) {
        dbhn = buffer(alloc, H);
        columnSumsInto(dz + 4 * 2 * H, n, H, G, dbhn);
      }
    } else {
      const relu = kind === "rnn_relu" ? 1 : 0;
      byBatch(
        alloc,
        "rnn_backward",
        B,
        madds,
        (b0, b1) => [B, T, H, b0, b1, g, w, hs, relu, rev, dx, dz, dh],
      );
    }
    // ∂W_hh = Σ ∂zᵀ h and ∂W_ih = Σ ∂xwᵀ x over all steps, by blocks of their rows
    const dw = buffer(alloc, G * H), dwih = buffer(alloc, G * F), xs = padded(alloc, tape.x);
    gemmInto(alloc, stored(dz, n, G), true, stored(hs, n, H), false, dw);
    gemmInto(alloc, stored(dx, n, G), true, stored(xs, n, F), false, dwih);
    const dbias = tape.hasBias ? buffer(alloc, G) : 0;
    if (dbias) columnSumsInto(dx, n, G, G, dbias);
    return {
      wih: tensorAt<tf.Tensor2D>(dwih, [G, F]),
      bias: dbias ? tensorAt<tf.Tensor1D>(dbias, [G]) : null,
      whh: tensorAt<tf.Tensor2D>(dw, [G, H]),
      h0: tensorAt<tf.Tensor2D>(dh, [B, H]),
      c0: dc ? tensorAt<tf.Tensor2D>(dc, [B, H]) : null,
      bhn: dbhn ? tensorAt<tf.Tensor1D>(dbhn, [H]) : null,
      dxw: tensorAt<tf.Tensor2D>(dx, [n, G]),
    };
  });
}

/** ∂x (B, T, F) = ∂xw W_ih, for ∂xw (B·T, G) from `recurrentBackward` and W_ih (G, F). */
export function recurrentInputGradient(
  dxw: tf.Tensor2D,
  wih: tf.Tensor2D,
  B: number,
  T: number,
): tf.Tensor3D {
  const [n, G] = dxw.shape, F = wih.shape[1];
  return withScratch((alloc) => {
    const dx = buffer(alloc, n * F);
    const d = put(alloc, dxw), w = put(alloc, wih);
    gemmInto(alloc, stored(d, n, G), false, stored(w, G, F), false, dx);
    return tensorAt<tf.Tensor3D>(dx, [B, T, F]);
  });
}
