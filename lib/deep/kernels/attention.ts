/**
 * The core of multi-head attention as one differentiable op on the WebAssembly kernels of
 * attention.c: per example and head, P = softmax(scale · Q Kᵀ + bias), the context (P ⊙ M) V with
 * a dropout multiplier M, and the backward pass, reading the heads out of the projections' (B·T, E)
 * outputs through strides.
 *
 * tfjs-backend-wasm 4.22 runs the batched products of the split-heads formulation
 * ((B, h, T, hd) · (B, h, hd, S) and back) as scalar loops, and the split, transposes, softmax,
 * mask and dropout are each a pass over the data; here forward and backward are one kernel call
 * each on the 4 × 8 SIMD GEMM of gemm.h.
 *
 * The op has two outputs (the context, and P when the weights are asked for), which
 * `tf.customGrad` cannot express, so it is a kernel of its own (`tf.registerKernel`, for the wasm
 * and CPU backends) with its gradient (`tf.registerGradient`), run through `tf.engine().runKernel`.
 * The backward pass computes P again from the saved q, k (and bias) rather than keeping it, as
 * FlashAttention does. The B·h blocks are split across the threads of pool.ts (`setNumThreads`).
 *
 * @module
 */
import { ShapeError, ValueError } from "../../core/mod.ts";
import { tf } from "../backend.ts";
import { attentionWasm } from "./attention_wasm.ts";
import { getNumThreads, parallel, splitRange } from "./pool.ts";
import {
  floats,
  instantiateKernels,
  kernelMemory,
  type KernelOp,
  outputInfo,
  put,
  putInfo,
  registerKernelOp,
  tensorAt,
  type TensorInfo,
  withScratch,
} from "./runtime.ts";

type Ptr = number;
interface AttentionKernels {
  gemm_work(): number;
  /** blocks (b·H + j) in [r0, r1); args: an `Attention` struct (see `FIELDS`) */
  attention_forward(args: Ptr, r0: number, r1: number, scratch: Ptr): void;
  attention_backward(args: Ptr, r0: number, r1: number, scratch: Ptr): void;
}

/** The fields of attention.c's `Attention` struct, 4 bytes each, in order. */
// deno-fmt-ignore
const FIELDS = [
  "B", "H", "T", "S", "E", "q", "k", "v", "ldq", "ldk", "ldv", "scale", "closed",
  "bias", "bb", "bh", "bt", "bs", "mult", "p", "ctx", "dctx", "dp", "dq", "dk", "dv", "dx", "dxAll",
] as const;
type Args = Partial<Record<(typeof FIELDS)[number], number>>;

/** Writes the struct into scratch memory (absent fields 0); returns its byte offset. */
function writeArgs(alloc: (n: number) => number, args: Args): Ptr {
  const ptr = alloc(FIELDS.length);
  const ints = new Int32Array(kernelMemory.buffer, ptr, FIELDS.length);
  const reals = floats(ptr, FIELDS.length);
  FIELDS.forEach((f, i) => {
    if (f === "scale" || f === "closed") reals[i] = args[f] ?? 0;
    else ints[i] = args[f] ?? 0;
  });
  return ptr;
}

/**
 * Runs a kernel over the B·H blocks: split across the threads of pool.ts when there is enough
 * work (each block's outputs are written by one call, so any split gives the same bits).
 */
function runBlocks(
  alloc: (n: number) => number,
  fn: "attention_forward" | "attention_backward",
  args: Args,
): void {
  const { B = 0, H = 0, T = 0, S = 0, E = 0 } = args;
  const work = B * T * S * E, parts = work >= MIN_PARALLEL ? getNumThreads() : 1;
  const argPtr = writeArgs(alloc, args);
  parallel(
    splitRange(B * H, parts).map(([r0, r1]) => ({
      kernels: kern,
      fn,
      args: [argPtr, r0, r1, 0],
      scratch: 3,
    })),
    { alloc, floats: WORK + 3 * T * S },
  );
}

const kern = instantiateKernels<AttentionKernels>(attentionWasm, "attention");
const WORK = kern.gemm_work();
/** B·T·S·E from which the blocks are split across threads (a quarter of the flops of one pass). */
const MIN_PARALLEL = 1 << 20;

/** A bias at or below this closes its key; a query with every key closed gets zero weights. */
const CLOSED = -5e8;

// ---- the registered kernel: tensor infos in and out of the backend, without tfjs tensors ----

/** Row-major strides of a (1|B, 1|H, 1|T, 1|S) bias, 0 along its broadcast axes. */
function biasStrides(shape: number[]): number[] {
  const strides = [0, 0, 0, 0];
  let s = 1;
  for (let i = 3; i >= 0; i--) {
    strides[i] = shape[i] === 1 ? 0 : s;
    s *= shape[i];
  }
  return strides;
}

interface Attrs {
  batch: number;
  heads: number;
  scale: number;
  /** the kernel's flags: see `kernelName` */
  packed: boolean;
  hasBias: boolean;
  dropout: boolean;
  weights: boolean;
  /** the bias's shape, or [] */
  biasShape: number[];
}

type NamedAttrMap = Parameters<Parameters<typeof tf.registerGradient>[0]["gradFunc"]>[2];

/**
 * One registered kernel per combination of: packed qkv or separate q, k, v; a bias or none; a
 * dropout multiplier or none (tfjs saves a fixed list of named inputs for the gradient: these);
 * the weights P as a second output or the context alone (an output nobody uses would cost a
 * (B, H, T, S) array of zeros as its gradient).
 */
const kernelName = ({ packed, hasBias, dropout, weights }: Attrs) =>
  `Mlnotes${packed ? "SelfAttention" : "Attention"}${hasBias ? "Bias" : ""}` +
  `${dropout ? "Dropout" : ""}${weights ? "Weights" : ""}`;

/** Where q, k and v are in scratch memory, and their row strides. */
interface Operands {
  q: Ptr;
  k: Ptr;
  v: Ptr;
  ld: number;
  E: number;
}

/** q, k, v put in scratch memory, or qkv once with the three at column offsets 0, E, 2E. */
function operands<I extends { shape: number[] }>(
  put1: (t: I) => Ptr,
  inputs: Record<string, I | undefined>,
): Operands {
  const { qkv, q, k, v } = inputs;
  if (qkv) {
    const ptr = put1(qkv), E = qkv.shape[1] / 3;
    return { q: ptr, k: ptr + 4 * E, v: ptr + 8 * E, ld: 3 * E, E };
  }
  return { q: put1(q!), k: put1(k!), v: put1(v!), ld: q!.shape[1], E: q!.shape[1] };
}

/** The kernel's arguments shared by both passes: sizes, operands, scale, bias, multiplier. */
function common<I extends { shape: number[] }>(
  put1: (t: I) => Ptr,
  inputs: Record<string, I | undefined>,
  attrs: Attrs,
): Args & { B: number; H: number; T: number; S: number; E: number } {
  const { bias, mult } = inputs, rows = (inputs.qkv ?? inputs.q)!.shape[0];
  const { batch: B, heads: H, scale } = attrs;
  const T = rows / B, S = (inputs.k ?? inputs.qkv)!.shape[0] / B;
  const { q, k, v, ld, E } = operands(put1, inputs);
  const [bb, bh, bt, bs] = bias ? biasStrides(bias.shape) : [0, 0, 0, 0];
  // deno-fmt-ignore
  return {
    B, H, T, S, E, q, k, v, ldq: ld, ldk: ld, ldv: ld, scale, closed: CLOSED,
    bias: bias ? put1(bias) : 0, bb, bh, bt, bs, mult: mult ? put1(mult) : 0,
  };
}

const forwardKernel: KernelOp["forward"] = (inputs, attrs, be) => {
  const a = attrs as unknown as Attrs;
  return withScratch((alloc) => {
    const args = common((t) => putInfo(alloc, be, t), inputs, a);
    const { B, H, T, S, E } = args;
    const ctx = alloc(B * T * E), p = a.weights ? alloc(B * H * T * S) : 0;
    runBlocks(alloc, "attention_forward", { ...args, p, ctx });
    // tensor infos, not tensors: tfjs makes the tensors
    const out = [outputInfo(be, ctx, [B * T, E])];
    if (a.weights) out.push(outputInfo(be, p, [B, H, T, S]));
    return out;
  });
};

/** The saved inputs (`inputsToSave` of the kernel) by name. */
function savedInputs(saved: tf.Tensor[], a: Attrs): Record<string, tf.Tensor> {
  const names = [...(a.packed ? ["qkv"] : ["q", "k", "v"]), ...(a.hasBias ? ["bias"] : [])];
  if (a.dropout) names.push("mult");
  return Object.fromEntries(names.map((n, i) => [n, saved[i]]));
}

/**
 * The backward kernel: the gradients of the inputs ([∂q, ∂k, ∂v], or [∂qkv] when packed), then
 * ∂X (B, H, T, S), the gradient of the scores plus bias, when `withScores`.
 */
function backward(
  saved: tf.Tensor[],
  dctx: tf.Tensor,
  dp: tf.Tensor | null,
  a: Attrs,
  withScores: boolean,
): tf.Tensor[] {
  return withScratch((alloc) => {
    const args = common<tf.Tensor>((t) => put(alloc, t), savedInputs(saved, a), a);
    const { B, H, T, S, E } = args;
    const d = a.packed
      ? [alloc(B * T * 3 * E)]
      : [alloc(B * T * E), alloc(B * S * E), alloc(B * S * E)];
    const [dq, dk, dv] = a.packed ? [d[0], d[0] + 4 * E, d[0] + 8 * E] : d;
    const dx = withScores ? alloc(B * H * T * S) : 0;
    const [dctxPtr, dpPtr] = [put(alloc, dctx), dp ? put(alloc, dp) : 0];
    // deno-fmt-ignore
    runBlocks(alloc, "attention_backward", {
      ...args, dctx: dctxPtr, dp: dpPtr, dq, dk, dv, dx, dxAll: withScores ? 1 : 0,
    });
    const grads = a.packed
      ? [tensorAt(d[0], [B * T, 3 * E])]
      : [tensorAt(dq, [B * T, E]), tensorAt(dk, [B * S, E]), tensorAt(dv, [B * S, E])];
    if (withScores) grads.push(tensorAt(dx, [B, H, T, S]));
    return grads;
  });
}

const gradFunc: KernelOp["gradient"] = (dy, saved, attrs) => {
  const a = attrs as unknown as Attrs;
  const [dctx, dp] = a.weights ? dy as tf.Tensor[] : [dy as tf.Tensor, null];
  // tfjs then asks for each input's gradient in a scope of its own: one kernel call gives all
  // of them now (in the scope of the whole backward pass, which frees whatever is not used)
  const grads = backward(saved, dctx, dp, a, false);
  const named: Record<string, () => tf.Tensor> = a.packed
    ? { qkv: () => grads[0] }
    : { q: () => grads[0], k: () => grads[1], v: () => grads[2] };
  return {
    ...named,
    // rare (a learned float attnMask): the backward runs again, keeping ∂X, summed to bias's shape
    bias: () => {
      const all = backward(saved, dctx, dp, a, true);
      const dx = all.at(-1)!, full = dx.shape;
      const axes = a.biasShape.flatMap((n, i) => n === 1 && full[i] !== 1 ? [i] : []);
      return axes.length ? dx.sum(axes, true) : dx;
    },
    // the multiplier is drawn at random, never learned: a zero gradient
    mult: () => tf.zerosLike(savedInputs(saved, a).mult),
  };
};

for (const packed of [false, true]) {
  for (const hasBias of [false, true]) {
    for (const dropout of [false, true]) {
      for (const weights of [false, true]) {
        const name = kernelName({ packed, hasBias, dropout, weights } as Attrs);
        const inputsToSave = packed ? ["qkv"] : ["q", "k", "v"];
        if (hasBias) inputsToSave.push("bias");
        if (dropout) inputsToSave.push("mult");
        registerKernelOp({ name, forward: forwardKernel, inputsToSave, gradient: gradFunc });
      }
    }
  }
}

/** Options of `fusedAttention`. */
export interface FusedAttentionOptions {
  /** The batch size B (q has B·T rows, k and v B·S). */
  batch: number;
  /** The number of heads h; E must be divisible by h. */
  heads: number;
  /** The factor on Q Kᵀ. @default 1/√(E/h) */
  scale?: number;
  /**
   * Added to the scaled scores, of rank 4 and broadcastable to (B, h, T, S) (as `attentionBias`
   * builds it); a bias ≤ −5e8 masks its key, and a query whose every key is masked gets all-zero
   * weights. @default null
   */
  bias?: tf.Tensor | null;
  /** The dropout multiplier M (B, h, T, S), 0 or 1/(1 − p) (see `dropout`). @default null */
  dropoutMask?: tf.Tensor | null;
  /** Return the weights (else null, and their gradient is not computed). @default true */
  needWeights?: boolean;
}

/**
 * The attention core of `MultiHeadAttention` as one op: for each example b and head j (the
 * columns j·hd..(j+1)·hd of q, k, v, hd = E/h),
 *
 *     P = softmax(scale · Q Kᵀ + bias),  W = P ⊙ M,  O = W V,
 *
 * returning [O (B·T, E), heads side by side as the output projection takes them; W (B, h, T, S),
 * or null without `needWeights`]. Gradients reach q, k, v (and a float bias); the backward pass is
 * ∂V = Wᵀ ∂O, G = (∂O Vᵀ) ⊙ M + ∂P, ∂X = P ⊙ (G − rowsum(P ⊙ G)), ∂Q = scale ∂X K,
 * ∂K = scale ∂Xᵀ Q, where ∂P is the gradient reaching the returned weights (times M).
 *
 * @param q queries (B·T, E), as the query projection produces them
 * @param k keys (B·S, E)
 * @param v values (B·S, E)
 * @param options see `FusedAttentionOptions`
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { tf } from "../../mod.ts";
 * import { fusedAttention } from "./attention.ts";
 *
 * const q = tf.ones([2 * 3, 8]), kv = tf.randomNormal([2 * 5, 8]);
 * const [out, w] = fusedAttention(q, kv, kv, { batch: 2, heads: 2 });
 * assertEquals(out.shape, [6, 8]);
 * assertEquals(w!.shape, [2, 2, 3, 5]);
 * ```
 */
export function fusedAttention(
  q: tf.Tensor,
  k: tf.Tensor,
  v: tf.Tensor,
  options: FusedAttentionOptions,
): [tf.Tensor2D, tf.Tensor4D | null] {
  const B = checkCounts(options);
  for (const [t, name] of [[q, "q"], [k, "k"], [v, "v"]] as const) checkRows(t, name, B);
  const E = q.shape[1] as number;
  if (
    E % options.heads !== 0 || k.shape[1] !== E || v.shape[1] !== E || v.shape[0] !== k.shape[0]
  ) {
    throw new ShapeError(
      `q, k and v must have E columns divisible by heads ${options.heads}, k and v the same rows: got [${q.shape}], [${k.shape}], [${v.shape}].`,
    );
  }
  return run({ q, k, v }, false, E, q.shape[0] / B, k.shape[0] / B, options);
}

/**
 * `fusedAttention` for self-attention with the three projections packed in one: qkv (B·T, 3E)
 * holds q, k and v in its column blocks [0, E), [E, 2E), [2E, 3E) (one product x W_qkvᵀ makes it,
 * as PyTorch's `in_proj_weight` does), read in place; its gradient comes back packed the same way.
 *
 * @param qkv (B·T, 3E)
 * @param options see `FusedAttentionOptions`; S = T
 */
export function fusedSelfAttention(
  qkv: tf.Tensor,
  options: FusedAttentionOptions,
): [tf.Tensor2D, tf.Tensor4D | null] {
  const B = checkCounts(options);
  checkRows(qkv, "qkv", B);
  const E = (qkv.shape[1] as number) / 3, T = qkv.shape[0] / B;
  if (!Number.isInteger(E) || E % options.heads !== 0) {
    throw new ShapeError(
      `qkv has shape [${qkv.shape}], expected 3E columns with E divisible by heads ${options.heads}.`,
    );
  }
  return run({ qkv }, true, E, T, T, options);
}

function checkCounts({ batch, heads }: FusedAttentionOptions): number {
  if (!(Number.isInteger(batch) && batch > 0)) {
    throw new ValueError(`batch must be a positive integer. Got ${batch} instead.`);
  }
  if (!(Number.isInteger(heads) && heads > 0)) {
    throw new ValueError(`heads must be a positive integer. Got ${heads} instead.`);
  }
  return batch;
}

function checkRows(t: tf.Tensor, name: string, B: number): void {
  if (t.rank !== 2 || t.shape[0] % B !== 0) {
    throw new ShapeError(
      `${name} has shape [${t.shape}], expected 2-D with rows a multiple of batch ${B}.`,
    );
  }
}

/** Checks the bias and the multiplier, and runs the kernel. */
function run(
  tensors: Record<string, tf.Tensor>,
  packed: boolean,
  E: number,
  T: number,
  S: number,
  options: FusedAttentionOptions,
): [tf.Tensor2D, tf.Tensor4D | null] {
  const { batch: B, heads: H, bias = null, dropoutMask = null, needWeights = true } = options;
  const scale = options.scale ?? 1 / Math.sqrt(E / H);
  const full = [B, H, T, S];
  if (bias && (bias.rank !== 4 || bias.shape.some((n, i) => n !== 1 && n !== full[i]))) {
    throw new ShapeError(
      `bias has shape [${bias.shape}], expected rank 4 broadcastable to [${full}] (batch, heads, target, source).`,
    );
  }
  if (dropoutMask && dropoutMask.shape.join() !== full.join()) {
    throw new ShapeError(`dropoutMask has shape [${dropoutMask.shape}], expected [${full}].`);
  }
  const [ctx, weights] = tf.tidy(() => {
    const f32 = (t: tf.Tensor) => t.dtype === "float32" ? t : t.toFloat();
    const inputs: tf.NamedTensorMap = {};
    for (const [name, t] of Object.entries(tensors)) inputs[name] = f32(t);
    if (bias) inputs.bias = f32(bias);
    if (dropoutMask) inputs.mult = f32(dropoutMask);
    const attrs: Attrs = {
      batch: B,
      heads: H,
      scale,
      packed,
      hasBias: bias !== null,
      dropout: dropoutMask !== null,
      weights: needWeights,
      biasShape: bias ? bias.shape : [],
    };
    const [ctx, p] = tf.engine().runKernel(
      kernelName(attrs),
      inputs,
      attrs as unknown as NamedAttrMap,
    ) as tf.Tensor[];
    return needWeights ? [ctx, dropoutMask ? p.mul(inputs.mult) : p] : [ctx];
  });
  return [ctx as tf.Tensor2D, (weights ?? null) as tf.Tensor4D | null];
}
