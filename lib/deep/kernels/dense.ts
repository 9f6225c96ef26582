/**
 * Dense-layer ops on the WebAssembly kernels of dense.c: the matrix product with any transpose,
 * the affine map of `Linear` forward and backward, and LayerNorm forward and backward. Values in
 * and out are tfjs tensors; see runtime.ts for the copies.
 *
 * @module
 */
import { tf } from "../backend.ts";
import { denseWasm } from "./dense_wasm.ts";
import { getNumThreads, type KernelCall, parallel, splitRange } from "./pool.ts";
import {
  floats,
  instantiateKernels,
  type KernelBackend,
  outputInfo,
  put,
  putInfo,
  tensorAt,
  type TensorInfo,
  withScratch,
} from "./runtime.ts";

type Ptr = number;
interface DenseKernels {
  gemm(
    M: number,
    N: number,
    K: number,
    a: Ptr,
    ars: number,
    acs: number,
    b: Ptr,
    brs: number,
    bcs: number,
    c: Ptr,
    ldc: number,
    acc: number,
    work: Ptr,
  ): void;
  gemm_work(): number;
  col_sums(g: Ptr, n: number, m: number, lda: number, out: Ptr): void;
  fill_rows(c: Ptr, n: number, m: number, bias: Ptr): void;
  relu(y: Ptr, n: number): void;
  exp_array(x: Ptr, n: number, y: Ptr): void;
  gelu(x: Ptr, n: number, y: Ptr): void;
  gelu_backward(dy: Ptr, x: Ptr, n: number, dx: Ptr): void;
  relu_mask(g: Ptr, y: Ptr, n: number): void;
  layer_norm(
    x: Ptr,
    n: number,
    d: number,
    gamma: Ptr,
    beta: Ptr,
    eps: number,
    y: Ptr,
    mean: Ptr,
    rstd: Ptr,
  ): void;
  layer_norm_backward(
    dy: Ptr,
    x: Ptr,
    n: number,
    d: number,
    mean: Ptr,
    rstd: Ptr,
    gamma: Ptr,
    dx: Ptr,
    dgamma: Ptr,
    dbeta: Ptr,
  ): void;
}

const k = instantiateKernels<DenseKernels>(denseWasm, "dense");
const WORK = k.gemm_work();
/**
 * Products of at least this many multiply-adds (M·N·K) are split across the threads of pool.ts:
 * at 38 GFLOP/s that is about 100 µs of work, against some 10-50 µs to wake a worker.
 */
export const PARALLEL_MIN_WORK = 2_000_000;
/** A split product has up to two blocks per thread, each of at least this many multiply-adds. */
const BLOCK_MIN_WORK = 1_000_000;

/** A matrix in scratch memory: its rows and columns as stored, and its byte offset. */
export interface Stored {
  ptr: Ptr;
  rows: number;
  cols: number;
}

/**
 * C (= or +=) op(A)·op(B) into c (row stride ldc), op transposing when asked. A large product is
 * split into blocks of C's rows (when B is the smaller operand, which every thread then packs
 * whole) or of its columns, one per thread: each element of C is still computed by the same
 * sequence of operations, so the result is bit-identical to the one-thread product.
 */
export function gemmInto(
  alloc: (n: number) => number,
  a: Stored,
  transposeA: boolean,
  b: Stored,
  transposeB: boolean,
  c: Ptr,
  accumulate = false,
): void {
  const [M, K] = transposeA ? [a.cols, a.rows] : [a.rows, a.cols];
  const N = transposeB ? b.rows : b.cols;
  const [ars, acs] = transposeA ? [1, a.cols] : [a.cols, 1];
  const [brs, bcs] = transposeB ? [1, b.cols] : [b.cols, 1];
  const acc = accumulate ? 1 : 0, threads = getNumThreads();
  if (threads === 1 || M * N * K < PARALLEL_MIN_WORK) {
    k.gemm(M, N, K, a.ptr, ars, acs, b.ptr, brs, bcs, c, N, acc, alloc(WORK));
    return;
  }
  // whole 4 × 8 tiles of the kernel in every block but the last; two blocks per thread, claimed
  // by whichever thread is free, even out a thread slowed by other processes
  const byRows = N <= M;
  const parts = Math.max(threads, Math.min(2 * threads, Math.floor((M * N * K) / BLOCK_MIN_WORK)));
  const calls: KernelCall[] = splitRange(byRows ? M : N, parts, byRows ? 16 : 8).map((
    [s, e],
  ) => ({
    kernels: k,
    fn: "gemm",
    args: byRows
      ? [e - s, N, K, a.ptr + 4 * s * ars, ars, acs, b.ptr, brs, bcs, c + 4 * s * N, N, acc, 0]
      : [M, e - s, K, a.ptr, ars, acs, b.ptr + 4 * s * bcs, brs, bcs, c + 4 * s, N, acc, 0],
    scratch: 12,
  }));
  parallel(calls, { alloc, floats: WORK });
}

function store(alloc: (n: number) => number, t: tf.Tensor2D): Stored {
  return { ptr: put(alloc, t), rows: t.shape[0], cols: t.shape[1] };
}

/** op(a)·op(b) for 2-D tensors: `tf.matMul(a, b, transposeA, transposeB)` on the SIMD kernel. */
export function gemmProduct(
  a: tf.Tensor2D,
  b: tf.Tensor2D,
  transposeA = false,
  transposeB = false,
): tf.Tensor2D {
  return withScratch((alloc) => {
    const M = transposeA ? a.shape[1] : a.shape[0], N = transposeB ? b.shape[0] : b.shape[1];
    const c = alloc(M * N);
    gemmInto(alloc, store(alloc, a), transposeA, store(alloc, b), transposeB, c);
    return tensorAt<tf.Tensor2D>(c, [M, N]);
  });
}

/**
 * y (n, out) = x Wᵀ + b for x (n, in) and W (out, in) already in scratch memory, b a pointer to
 * out floats or 0; then max(y, 0) when `relu`.
 */
export function affineInto(
  alloc: (n: number) => number,
  x: Stored,
  w: Stored,
  b: Ptr,
  relu: boolean,
  y: Ptr,
): void {
  const n = x.rows, out = w.rows;
  if (b) k.fill_rows(y, n, out, b);
  gemmInto(alloc, x, false, w, true, y, b !== 0);
  if (relu) k.relu(y, n * out);
}

/** y = x Wᵀ + b for x (n, in), W (out, in), b (out) or null; then max(y, 0) when `relu`. */
export function affineForward(
  x: tf.Tensor2D,
  w: tf.Tensor2D,
  b: tf.Tensor1D | null,
  relu = false,
): tf.Tensor2D {
  return withScratch((alloc) => {
    const y = alloc(x.shape[0] * w.shape[0]);
    affineInto(alloc, store(alloc, x), store(alloc, w), b ? put(alloc, b) : 0, relu, y);
    return tensorAt<tf.Tensor2D>(y, [x.shape[0], w.shape[0]]);
  });
}

/**
 * One gradient of y = x Wᵀ + b for ∂y (n, out): "x" is ∂y W (`other` = W), "w" is ∂yᵀ x
 * (`other` = x), "b" is Σ_rows ∂y. With `reluOutput` (the forward's output after its ReLU), ∂y is
 * first masked by [y > 0]. One part at a time, so that tfjs asks only for the gradients it needs
 * (no ∂x for a model's input).
 */
export function affineGradient(
  part: "x" | "w" | "b",
  dy: tf.Tensor2D,
  other: tf.Tensor2D | null,
  reluOutput: tf.Tensor2D | null,
): tf.Tensor {
  return withScratch((alloc) => {
    const [n, out] = dy.shape, gs = store(alloc, dy);
    if (reluOutput) k.relu_mask(gs.ptr, put(alloc, reluOutput), n * out);
    if (part === "b") {
      const db = alloc(out);
      k.col_sums(gs.ptr, n, out, out, db);
      return tensorAt(db, [out]);
    }
    const o = store(alloc, other!), inF = o.cols;
    const [rows, g] = part === "x" ? [n, alloc(n * inF)] : [out, alloc(out * inF)];
    gemmInto(alloc, gs, part === "w", o, false, g);
    return tensorAt(g, [rows, inF]);
  });
}

/** out (m floats) = Σ over the n rows of the matrix at g whose rows are lda floats apart. */
export function columnSumsInto(g: Ptr, n: number, m: number, lda: number, out: Ptr): void {
  k.col_sums(g, n, m, lda, out);
}

/** Σ over the rows of g (n, m). */
export function columnSums(g: tf.Tensor2D): tf.Tensor1D {
  return withScratch((alloc) => {
    const db = alloc(g.shape[1]);
    k.col_sums(put(alloc, g), g.shape[0], g.shape[1], g.shape[1], db);
    return tensorAt<tf.Tensor1D>(db, [g.shape[1]]);
  });
}

/** e^x of every number by the kernels' own SIMD exp (simd_math.h), for tests. */
export function kernelExp(x: Float32Array): Float32Array {
  return withScratch((alloc) => {
    const xp = alloc(x.length), y = alloc(x.length);
    floats(xp, x.length).set(x);
    k.exp_array(xp, x.length, y);
    const out = new Float32Array(x.length);
    out.set(floats(y, x.length));
    return out;
  });
}

/** GELU(x) = x Φ(x) elementwise (PyTorch's exact GELU, erf to 1.5e-7). */
export function geluForward(x: tf.Tensor): tf.Tensor {
  return withScratch((alloc) => {
    const y = alloc(x.size);
    k.gelu(put(alloc, x), x.size, y);
    return tensorAt(y, x.shape);
  });
}

/** ∂x = ∂y · GELU'(x) = ∂y (Φ(x) + x φ(x)). */
export function geluBackward(dy: tf.Tensor, x: tf.Tensor): tf.Tensor {
  return withScratch((alloc) => {
    const dx = alloc(x.size);
    k.gelu_backward(put(alloc, dy), put(alloc, x), x.size, dx);
    return tensorAt(dx, x.shape);
  });
}

/**
 * LayerNorm over the last axis of x (n, d), as a kernel's forward: inputs x and, with affine
 * parameters, gamma and beta; outputs [y, mean (n), 1/√(σ²+ε) (n)].
 */
export function layerNormForward(
  { x, gamma, beta }: Record<string, TensorInfo>,
  eps: number,
  backend: KernelBackend,
): TensorInfo[] {
  return withScratch((alloc) => {
    const [n, d] = x.shape;
    const xp = putInfo(alloc, backend, x);
    const g = gamma ? putInfo(alloc, backend, gamma) : 0;
    const b = beta ? putInfo(alloc, backend, beta) : 0;
    const y = alloc(n * d), mean = alloc(n), rstd = alloc(n);
    k.layer_norm(xp, n, d, g, b, eps, y, mean, rstd);
    return [y, mean, rstd].map((p, i) => outputInfo(backend, p, i === 0 ? [n, d] : [n]));
  });
}

/** The gradients of `layerNormForward`: [∂x, ∂γ, ∂β] (the last two when gamma is given). */
export function layerNormBackward(
  dy: tf.Tensor,
  x: tf.Tensor,
  mean: tf.Tensor,
  rstd: tf.Tensor,
  gamma: tf.Tensor | null,
): tf.Tensor[] {
  return withScratch((alloc) => {
    const [n, d] = x.shape;
    const g = gamma ? put(alloc, gamma) : 0;
    const dx = alloc(n * d), dg = alloc(d), db = alloc(d);
    k.layer_norm_backward(
      put(alloc, dy),
      put(alloc, x),
      n,
      d,
      put(alloc, mean),
      put(alloc, rstd),
      g,
      dx,
      gamma ? dg : 0,
      gamma ? db : 0,
    );
    const out: tf.Tensor[] = [tensorAt(dx, [n, d])];
    if (gamma) out.push(tensorAt(dg, [d]), tensorAt(db, [d]));
    return out;
  });
}
