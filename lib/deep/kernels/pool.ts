/**
 * An opt-in pool of worker threads for lib/deep's WebAssembly kernels, like
 * `torch.set_num_threads`: `setNumThreads(2)` lets the kernel ops split their work across two
 * cores; the default is one thread, where every op runs on the main thread as before.
 *
 * The kernels run on one shared memory (runtime.ts) and never touch the shadow stack, so several
 * threads can run them at once. Each worker (pool_worker.ts) instantiates every module of
 * runtime.ts's `kernelModules` on that memory. `parallel(calls)` is synchronous: the main thread
 * writes the calls into shared arrays (pool_layout.ts), wakes the workers with Atomics.notify,
 * claims and runs calls itself like any worker, then sleeps in Atomics.wait until the last one is
 * done. Calls are claimed one at a time by whichever thread is free, so a batch may hold more
 * calls than there are threads, and it completes even when no worker takes part.
 *
 * Workers start asynchronously (about 50 ms) and nothing ever waits for them: until one reports
 * ready, `parallel` runs everything on the main thread. A worker closes itself after `IDLE_MS`
 * (200 ms) without a batch, since a live Worker keeps Deno from exiting; the next call spawns it
 * again. `setNumThreads(1)` terminates the workers at once.
 *
 * How an op splits its work (dense.ts's `gemmInto` does this for large products): give the C
 * kernel a range argument, e.g. `void attention_heads(..., int h0, int h1, f32* work)` working on
 * heads (or batch rows) [h0, h1) and writing only their outputs, then (a sketch)
 *
 *     withScratch((alloc) => {
 *       // ... put the operands, allocate the outputs ...
 *       parallel(
 *         splitRange(batch * heads, 2 * getNumThreads()).map(([h0, h1]) => ({
 *           kernels: k, fn: "attention_heads", args: [q, kv, out, h0, h1, 0], scratch: 5,
 *         })),
 *         { alloc, floats: WORK_PER_THREAD },
 *       );
 *     });
 *
 * Two or more ranges per thread let a thread that other processes slow down take fewer of them.
 *
 * `scratch: 5` puts the byte offset of the running thread's own `floats` of scratch in argument 5
 * (a GEMM needs `GEMM_WORK` floats of its own). Calls of one batch must not write the same bytes;
 * when each output element is computed by one call, in the same order as the one-thread path,
 * the result is bit-identical for any number of threads. A reduction over the split dimension
 * (∂γ of LayerNorm over rows, say) needs per-range partial sums added afterwards, and is then only
 * equal up to rounding.
 *
 * @module
 */
import { kernelMemory, kernelModules } from "./runtime.ts";
import {
  CLOSED,
  CONTROL_INTS,
  DONE,
  drain,
  ERROR,
  exportTable,
  JOB_INTS,
  MAX_ARGS,
  MAX_JOBS,
  MAX_WORKERS,
  NEXT,
  NJOBS,
  NMODULES,
  NOTHING,
  READY,
  RUNS,
  SCRATCH_BASE,
  SCRATCH_STRIDE,
  SPIN_MS,
  STARTING,
  STATE,
  type WorkerInit,
} from "./pool_layout.ts";

/** One kernel call for `parallel`. */
export interface KernelCall {
  /** The exports of a kernel module, as `instantiateKernels` returned them. */
  kernels: object;
  /** The name of the exported function. */
  fn: string;
  /** Its arguments: integers (pointers, sizes) and floats, at most 16. */
  args: readonly number[];
  /** The index of an argument to replace by the byte offset of the running thread's scratch. */
  scratch?: number;
}

/** Scratch for `parallel`: `floats` per thread, allocated with `alloc` (see `withScratch`). */
export interface ThreadScratch {
  alloc: (n: number) => number;
  floats: number;
}

let numThreads = 1;
const control = new Int32Array(new SharedArrayBuffer(CONTROL_INTS * 4));
const jobsBuffer = new SharedArrayBuffer(MAX_JOBS * JOB_INTS * 4);
const argsBuffer = new SharedArrayBuffer(MAX_JOBS * MAX_ARGS * 8);
const jobs = new Int32Array(jobsBuffer), args = new Float64Array(argsBuffer);
const workers: (Worker | null)[] = new Array(MAX_WORKERS).fill(null);
/** The number of kernel modules each worker instantiated. */
const workerModules: number[] = new Array(MAX_WORKERS).fill(0);
let generation = 0, running = false;
/** Why a worker could not start (then everything runs on the main thread). */
let spawnError: string | null = null;

/**
 * Sets the number of threads the kernel ops may use (the main thread and n − 1 workers), like
 * `torch.set_num_threads`. Lowering it terminates the extra workers at once.
 *
 * @param n an integer in [1, 64]; the default is 1
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { getNumThreads, matMul2d, setNumThreads, tf } from "../mod.ts";
 *
 * setNumThreads(2); // the next products start a worker; until it is ready they run on one thread
 * assertEquals(getNumThreads(), 2);
 * const a = tf.ones([256, 256]) as tf.Tensor2D;
 * assertEquals(matMul2d(a, a).dataSync()[0], 256);
 * setNumThreads(1); // stops the worker now (idle, it would close itself after 200 ms)
 * ```
 */
export function setNumThreads(n: number): void {
  if (typeof n !== "number") {
    throw new TypeError(`setNumThreads: the 'n' parameter must be a number. Got ${typeof n}.`);
  }
  if (!Number.isInteger(n) || n < 1 || n > MAX_WORKERS + 1) {
    throw new RangeError(
      `setNumThreads: the 'n' parameter must be an integer in the range [1, ${
        MAX_WORKERS + 1
      }]. Got ${n} instead.`,
    );
  }
  numThreads = n;
  for (let w = n - 1; w < MAX_WORKERS; w++) stopWorker(w);
}

/** The number of threads the kernel ops may use (`setNumThreads`; 1 by default). */
export function getNumThreads(): number {
  return numThreads;
}

/**
 * How many kernel calls of `parallel` batches each thread has run since the process started:
 * `[main thread, worker 0, worker 1, ...]` for the current `getNumThreads()` (calls run in order
 * on the main thread alone are not counted).
 */
export function threadCalls(): number[] {
  return Array.from({ length: numThreads }, (_, t) => Atomics.load(control, RUNS + t));
}

/** The workers ready to take calls now (at most `getNumThreads() - 1`). */
export function readyWorkers(): number {
  let ready = 0;
  for (let w = 0; w < numThreads - 1; w++) {
    if (Atomics.load(control, STATE + w) === READY) ready++;
  }
  return ready;
}

/**
 * Spawns the missing workers and resolves with the number ready once all `getNumThreads() - 1`
 * are, or after `timeoutMs` with fewer: for benchmarks and tests, which want every thread from
 * the first call (ops never wait; they run on the threads that are ready).
 */
export async function threadsReady(timeoutMs = 5000): Promise<number> {
  const t0 = performance.now();
  for (;;) {
    spawnWorkers();
    const ready = readyWorkers();
    if (ready === numThreads - 1 || spawnError || performance.now() - t0 > timeoutMs) return ready;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/**
 * Splits [0, n) into at most `parts` ranges [start, end) of about equal length, each a multiple of
 * `align` long except the last: the ranges of work that the threads of `parallel` share.
 *
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { splitRange } from "./pool.ts";
 *
 * assertEquals(splitRange(10, 3), [[0, 3], [3, 7], [7, 10]]);
 * assertEquals(splitRange(20, 2, 8), [[0, 16], [16, 20]]);
 * ```
 */
export function splitRange(n: number, parts: number, align = 1): [number, number][] {
  const blocks = Math.ceil(n / align), k = Math.max(1, Math.min(parts, blocks));
  const ranges: [number, number][] = [];
  for (let p = 0, start = 0; p < k; p++) {
    const end = Math.min(n, Math.round((blocks * (p + 1)) / k) * align);
    if (end > start) ranges.push([start, end]);
    start = end;
  }
  return ranges;
}

/**
 * Runs kernel calls on the main thread and the ready workers, and returns when all are done. With
 * one thread (or one call, or no worker ready yet) it runs them in order on the main thread. Throws
 * what a call threw on the main thread, or an Error naming a call that failed on a worker, after
 * every call has finished. Not reentrant.
 *
 * @param calls the calls; they must not write the same bytes
 * @param scratch per-thread scratch for calls that set `scratch`
 */
export function parallel(calls: readonly KernelCall[], scratch?: ThreadScratch): void {
  const ids = calls.map(callId);
  const ready = numThreads > 1 && calls.length > 1 ? spawnWorkers() : 0;
  const threads = ready > 0 ? numThreads : 1;
  let base = 0, stride = 0;
  if (calls.some((c) => c.scratch !== undefined)) {
    if (!scratch) throw new TypeError("parallel: a call sets 'scratch' but no scratch was given");
    stride = Math.ceil(scratch.floats / 16) * 64;
    base = scratch.alloc((stride / 4) * threads);
  }
  if (threads === 1) {
    for (const c of calls) {
      const a = [...c.args];
      if (c.scratch !== undefined) a[c.scratch] = base;
      (c.kernels as Record<string, (...a: number[]) => unknown>)[c.fn](...a);
    }
    return;
  }
  if (running) throw new Error("parallel: called from inside a parallel call");
  running = true;
  try {
    for (let start = 0; start < calls.length; start += MAX_JOBS) {
      runBatch(calls, ids, start, Math.min(calls.length, start + MAX_JOBS), base, stride);
    }
  } finally {
    running = false;
  }
}

/** Thread 0's table of every module's exports (rebuilt when a module is added). */
let mainFns = exportTable([]);
const idCache = new WeakMap<object, { module: number; fns: Map<string, number> }>();

function callId(c: KernelCall, i: number): [number, number] {
  let entry = idCache.get(c.kernels);
  if (!entry) {
    const module = kernelModules.findIndex((m) => m.exports === c.kernels);
    if (module < 0) {
      throw new TypeError(
        `parallel: calls[${i}].kernels is not a module made by instantiateKernels`,
      );
    }
    entry = { module, fns: new Map(Object.keys(c.kernels).map((name, f) => [name, f])) };
    idCache.set(c.kernels, entry);
  }
  const f = entry.fns.get(c.fn);
  if (f === undefined || typeof (c.kernels as Record<string, unknown>)[c.fn] !== "function") {
    throw new TypeError(
      `parallel: calls[${i}].fn '${c.fn}' is not a function of module ${
        kernelModules[entry.module].name
      }`,
    );
  }
  if (c.args.length > MAX_ARGS) {
    throw new RangeError(
      `parallel: calls[${i}].args has ${c.args.length} arguments, at most ${MAX_ARGS} allowed`,
    );
  }
  if (c.scratch !== undefined && !(c.scratch >= 0 && c.scratch < c.args.length)) {
    throw new RangeError(`parallel: calls[${i}].scratch ${c.scratch} is not an argument index`);
  }
  return [entry.module, f];
}

function runBatch(
  calls: readonly KernelCall[],
  ids: [number, number][],
  start: number,
  end: number,
  base: number,
  stride: number,
): void {
  const n = end - start;
  if (mainFns.length !== kernelModules.length) {
    mainFns = exportTable(kernelModules.map((m) => m.exports));
  }
  generation = (generation + 1) & 0xfffff;
  // first make every NEXT value a thread may have read stale, then rewrite the batch
  Atomics.store(control, NEXT, (generation << 12) | NOTHING);
  for (let i = 0; i < n; i++) {
    const c = calls[start + i], j = i * JOB_INTS;
    jobs[j] = ids[start + i][0];
    jobs[j + 1] = ids[start + i][1];
    jobs[j + 2] = c.args.length;
    jobs[j + 3] = c.scratch ?? -1;
    args.set(c.args, i * MAX_ARGS);
  }
  Atomics.store(control, NJOBS, n);
  Atomics.store(control, DONE, 0);
  Atomics.store(control, ERROR, 0);
  Atomics.store(control, NMODULES, kernelModules.length);
  Atomics.store(control, SCRATCH_BASE, base);
  Atomics.store(control, SCRATCH_STRIDE, stride);
  Atomics.store(control, NEXT, generation << 12);
  Atomics.notify(control, NEXT);
  let mainError: { error: unknown } | null = null;
  drain(control, jobs, args, mainFns, 0, (_, error) => {
    mainError ??= { error };
  });
  // the workers' last calls usually end within microseconds of the main thread's: watch first
  const t0 = performance.now();
  for (let i = 1, d; (d = Atomics.load(control, DONE)) < n; i++) {
    if ((i & 255) === 0 && performance.now() - t0 > SPIN_MS) Atomics.wait(control, DONE, d);
  }
  if (mainError) throw (mainError as { error: unknown }).error;
  const failed = Atomics.load(control, ERROR);
  if (failed) {
    const c = calls[start + failed - 1];
    throw new Error(
      `parallel: kernel call ${c.fn} (calls[${start + failed - 1}]) failed on a worker`,
    );
  }
}

/** Spawns a worker in every free slot below getNumThreads() − 1; returns the number ready. */
function spawnWorkers(): number {
  let ready = 0;
  for (let w = 0; w < numThreads - 1 && !spawnError; w++) {
    const state = Atomics.load(control, STATE + w);
    if (state !== CLOSED && workerModules[w] < kernelModules.length) {
      stopWorker(w); // it lacks a module added since it started
    } else if (state === READY) {
      ready++;
      continue;
    } else if (state === STARTING) continue;
    spawn(w);
  }
  return ready;
}

function spawn(w: number): void {
  workers[w]?.terminate();
  Atomics.store(control, STATE + w, STARTING);
  const worker = new Worker(new URL("./pool_worker.ts", import.meta.url).href, { type: "module" });
  worker.onerror = (e) => {
    e.preventDefault();
    spawnError = e.message;
    stopWorker(w);
  };
  const init: WorkerInit = {
    memory: kernelMemory,
    control: control.buffer as SharedArrayBuffer,
    jobs: jobsBuffer,
    args: argsBuffer,
    modules: kernelModules.map((m) => m.base64),
    slot: w,
  };
  worker.postMessage(init);
  workers[w] = worker;
  workerModules[w] = kernelModules.length;
}

function stopWorker(w: number): void {
  workers[w]?.terminate();
  workers[w] = null;
  Atomics.store(control, STATE + w, CLOSED);
}
