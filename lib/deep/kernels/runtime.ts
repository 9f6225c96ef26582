/**
 * The runtime of lib/deep's WebAssembly kernels: one memory that every kernel module imports, a
 * scratch allocator on it, and the copies between tfjs tensors and that memory.
 *
 * The kernels (C in this folder, built by tools/build_kernels.ts) run where tfjs-backend-wasm is
 * slow: its batched and transposed products are scalar loops, and its 2-D product reaches about
 * two thirds of the speed of the 4 × 8 SIMD kernel in gemm.h. A kernel call copies its operands
 * into the scratch memory, runs, and copies the result into a new tensor: copies are linear in
 * the operands, the work they feed is not.
 *
 * The memory is shared (a SharedArrayBuffer), so worker threads can run the same code on it.
 *
 * @module
 */
import { tf } from "../backend.ts";
import { instantiate } from "./pool_layout.ts";

const PAGE = 65536;
/** The maximum the modules are linked with (tools/build_kernels.ts): 2 GiB. */
const MAX_PAGES = 32768;
/** Bytes below this belong to the modules (their globals); scratch starts here. */
const BASE = 65536;

/** The memory every kernel module imports. */
export const kernelMemory: WebAssembly.Memory = new WebAssembly.Memory({
  initial: 256,
  maximum: MAX_PAGES,
  shared: true,
});

/** A kernel module as instantiated on this thread: what worker threads need to do the same. */
export interface KernelModule {
  /** A name for messages ("dense"). */
  readonly name: string;
  /** The module's bytes, base64. */
  readonly base64: string;
  /** The instance's exports, as `instantiateKernels` returned them. */
  readonly exports: object;
}

/** Every module instantiated so far, in order: the worker threads of pool.ts instantiate them all. */
export const kernelModules: readonly KernelModule[] = [];

/**
 * Instantiates a kernel module (its bytes in base64) on the shared memory and records it (under
 * `name`) in `kernelModules`, so that the threads of pool.ts can run its exports too.
 */
export function instantiateKernels<T>(base64: string, name = `module${kernelModules.length}`): T {
  const exports = instantiate(base64, kernelMemory);
  (kernelModules as KernelModule[]).push({ name, base64, exports });
  return exports as T;
}

let top = BASE;

/** A float32 view of n numbers at byte offset ptr (views go stale when the memory grows). */
export function floats(ptr: number, n: number): Float32Array {
  return new Float32Array(kernelMemory.buffer, ptr, n);
}

/**
 * Scratch memory for one kernel call: `alloc(n)` returns the byte offset of n floats (64-byte
 * aligned); everything allocated inside `fn` is released when it returns.
 */
export function withScratch<T>(fn: (alloc: (n: number) => number) => T): T {
  const mark = top;
  try {
    return fn((n: number) => {
      const ptr = top;
      top = (top + 4 * n + 63) & ~63;
      if (top > kernelMemory.buffer.byteLength) {
        const pages = Math.ceil((top - kernelMemory.buffer.byteLength) / PAGE);
        if (kernelMemory.buffer.byteLength / PAGE + pages > MAX_PAGES) {
          throw new RangeError(`kernel scratch memory would exceed 2 GiB (${top} bytes asked)`);
        }
        kernelMemory.grow(pages);
      }
      return ptr;
    });
  } finally {
    top = mark;
  }
}

/**
 * Copies t's values (as float32) into n = t.size new scratch floats; returns their byte offset.
 * On wasm the values are read straight from tfjs's heap (`putInfo`).
 */
export function put(alloc: (n: number) => number, t: tf.Tensor): number {
  if (t.dtype !== "float32") return tf.tidy(() => put(alloc, t.toFloat()));
  return putInfo(alloc, tf.backend() as unknown as KernelBackend, t as unknown as TensorInfo);
}

/** A new tensor of the given shape holding the floats at ptr (copied). */
export function tensorAt<T extends tf.Tensor = tf.Tensor>(ptr: number, shape: number[]): T {
  const n = shape.reduce((a, b) => a * b, 1);
  const view = floats(ptr, n);
  // tfjs-wasm copies the values into its heap; the CPU backend would keep the view itself
  return tf.tensor(tf.getBackend() === "wasm" ? view : view.slice(), shape, "float32") as T;
}

/** A tfjs tensor info, as kernels receive and return them. */
export type TensorInfo = { dataId: object; shape: number[]; dtype: "float32" | "int32" | "bool" };

/** What a registered kernel needs of its backend (wasm, or the CPU fallback). */
export type KernelBackend = {
  typedArrayFromHeap?(info: TensorInfo): Float32Array;
  makeOutput?(shape: number[], dtype: "float32"): TensorInfo;
  readSync(dataId: object): unknown;
  write(values: Float32Array, shape: number[], dtype: "float32"): object;
};

/** In a registered kernel: copies an input's values into new scratch floats; their byte offset. */
export function putInfo(
  alloc: (n: number) => number,
  backend: KernelBackend,
  info: TensorInfo,
): number {
  const n = info.shape.reduce((a, b) => a * b, 1), ptr = alloc(n);
  const values = backend.typedArrayFromHeap
    ? backend.typedArrayFromHeap(info)
    : backend.readSync(info.dataId) as Float32Array;
  floats(ptr, n).set(values);
  return ptr;
}

/** In a registered kernel: an output of the given shape holding the floats at ptr (copied). */
export function outputInfo(backend: KernelBackend, ptr: number, shape: number[]): TensorInfo {
  const n = shape.reduce((a, b) => a * b, 1);
  if (backend.makeOutput && backend.typedArrayFromHeap) {
    const info = backend.makeOutput(shape, "float32");
    backend.typedArrayFromHeap(info).set(floats(ptr, n));
    return info;
  }
  const values = new Float32Array(n);
  values.set(floats(ptr, n));
  return { dataId: backend.write(values, shape, "float32"), shape, dtype: "float32" };
}

/** A kernel-backed tfjs op: its forward on tensor infos, and its gradient one input at a time. */
export interface KernelOp {
  /** The kernel's name, for `tf.engine().runKernel`. */
  name: string;
  /** The forward pass: inputs by name, the attributes given to runKernel, the backend. */
  forward: (
    inputs: Record<string, TensorInfo>,
    attrs: Record<string, unknown>,
    backend: KernelBackend,
  ) => TensorInfo | TensorInfo[];
  /** The inputs (by name, in order) and outputs the gradient reads, as tfjs saves them. */
  inputsToSave?: string[];
  outputsToSave?: boolean[];
  /** ∂L/∂input for each input name, as functions: tfjs calls only those on the path. */
  gradient: (
    dy: tf.Tensor | tf.Tensor[],
    saved: tf.Tensor[],
    attrs: Record<string, unknown>,
  ) => Record<string, () => tf.Tensor>;
}

type KernelOutput = ReturnType<Parameters<typeof tf.registerKernel>[0]["kernelFunc"]>;

/**
 * Registers an op as a tfjs kernel for the wasm and CPU backends, with its gradient. Unlike
 * `tf.customGrad`, which computes the gradients of all inputs at once and returns one tensor, a
 * registered kernel may return several outputs, and tfjs asks for the gradient of each input
 * only when that input is on the path to what is differentiated (no ∂x for a model's input).
 */
export function registerKernelOp(op: KernelOp): void {
  for (const backendName of ["wasm", "cpu"]) {
    if (tf.getKernel(op.name, backendName)) continue;
    tf.registerKernel({
      kernelName: op.name,
      backendName,
      kernelFunc: ({ inputs, backend, attrs }) =>
        op.forward(
          inputs as unknown as Record<string, TensorInfo>,
          (attrs ?? {}) as Record<string, unknown>,
          backend as unknown as KernelBackend,
        ) as unknown as KernelOutput,
    });
  }
  if (tf.getGradient(op.name)) return;
  tf.registerGradient({
    kernelName: op.name,
    inputsToSave: op.inputsToSave,
    outputsToSave: op.outputsToSave,
    gradFunc: (dy, saved, attrs) =>
      op.gradient(dy, saved, (attrs ?? {}) as Record<string, unknown>),
  });
}
