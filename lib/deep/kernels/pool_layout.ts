/**
 * The shared words through which pool.ts hands kernel calls to its worker threads (pool_worker.ts):
 * one Int32Array `control` over a SharedArrayBuffer, and per job four integers in `jobs` (Int32)
 * and up to `MAX_ARGS` arguments in `args` (Float64: every i32 and f32 value is exact in it).
 *
 * `control[NEXT]` packs a batch generation (high 20 bits) and the index of the next unclaimed job
 * (low 12 bits); a thread claims job i by a compare-exchange from (g, i) to (g, i + 1). Before it
 * rewrites a batch, the main thread stores (g + 1, `NOTHING`): every value a thread read before is
 * then stale, so no compare-exchange of a late thread can claim a job of the new batch before it
 * is written, nor a job of the old one.
 *
 * @module
 */

/** `control` index: (generation << 12) | next job index. */
export const NEXT = 0;
/** `control` index: the number of jobs in the current batch. */
export const NJOBS = 1;
/** `control` index: the number of jobs of the batch finished (the main thread waits on it). */
export const DONE = 2;
/** `control` index: 0, or 1 + the index of a job that threw in a worker. */
export const ERROR = 3;
/** `control` index: the number of kernel modules the batch may use (runtime.ts's kernelModules). */
export const NMODULES = 4;
/** `control` index: byte offset of thread 0's scratch (a job's `scratch` argument). */
export const SCRATCH_BASE = 5;
/** `control` index: bytes between one thread's scratch and the next one's. */
export const SCRATCH_STRIDE = 6;
/** `control` index of worker w's state (`STARTING`, `READY` or `CLOSED`): STATE + w. */
export const STATE = 8;

/** The most worker threads (setNumThreads accepts up to MAX_WORKERS + 1 threads). */
export const MAX_WORKERS = 63;
/** The most jobs in one batch (the low 12 bits of control[NEXT]; 4095 itself means none). */
export const MAX_JOBS = 4095;
/** The low 12 bits of control[NEXT] when no job can be claimed. */
export const NOTHING = 4095;
/** The most arguments of one kernel call. */
export const MAX_ARGS = 16;
/** Int32s per job in `jobs`: module index, export index, argument count, scratch argument (-1). */
export const JOB_INTS = 4;
/** `control` index of the number of calls thread t has run (pool.ts's threadCalls): RUNS + t. */
export const RUNS = STATE + MAX_WORKERS + 1;
/** Int32s of `control`. */
export const CONTROL_INTS = RUNS + MAX_WORKERS + 1;

/** A worker slot's state: no thread (never started, closed after idling, or terminated). */
export const CLOSED = 0;
/** A worker slot's state: spawned, instantiating the modules. */
export const STARTING = 1;
/** A worker slot's state: running batches (or waiting for one). */
export const READY = 2;

/** A worker closes itself after this long without a batch: a live Worker keeps Deno running. */
export const IDLE_MS = 200;
/** A worker watches for the next batch this long before it sleeps (see pool_worker.ts). */
export const SPIN_MS = 0.2;

/** What the main thread posts to a new worker. */
export interface WorkerInit {
  memory: WebAssembly.Memory;
  control: SharedArrayBuffer;
  jobs: SharedArrayBuffer;
  args: SharedArrayBuffer;
  /** The kernel modules' bytes (base64), in runtime.ts's order. */
  modules: string[];
  /** This worker's slot: thread index slot + 1 (the main thread is thread 0). */
  slot: number;
}

/**
 * Instantiates a kernel module (its bytes in base64) on `memory` and returns its exports: the one
 * way runtime.ts (main thread) and pool_worker.ts do it. Lives here, not in runtime.ts, because
 * runtime.ts loads tfjs and the workers must not.
 */
export function instantiate(base64: string, memory: WebAssembly.Memory): WebAssembly.Exports {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } }).exports;
}

// deno-lint-ignore no-explicit-any
type KernelFn = (...args: number[]) => any;

/**
 * Claims and runs jobs of the current batch until none is left; returns the `control[NEXT]`
 * value that showed none left (to Atomics.wait on), or null when the batch uses a module this
 * thread has not instantiated. Runs on the main thread and on
 * the workers alike: `fns[m][f]` is export f of module m, `thread` picks the scratch of a job's
 * `scratch` argument, `onError` hears what a job threw (the job still counts as done).
 */
export function drain(
  control: Int32Array,
  jobs: Int32Array,
  args: Float64Array,
  fns: KernelFn[][],
  thread: number,
  onError: (job: number, error: unknown) => void,
): number | null {
  for (;;) {
    const v = Atomics.load(control, NEXT), i = v & NOTHING;
    const n = Atomics.load(control, NJOBS);
    if (i >= n) return v;
    if (Atomics.load(control, NMODULES) > fns.length) return null;
    if (Atomics.compareExchange(control, NEXT, v, v + 1) !== v) continue;
    const j = i * JOB_INTS, count = jobs[j + 2], scratchArg = jobs[j + 3];
    const a: number[] = Array.from(args.subarray(i * MAX_ARGS, i * MAX_ARGS + count));
    if (scratchArg >= 0) {
      a[scratchArg] = control[SCRATCH_BASE] + thread * control[SCRATCH_STRIDE];
    }
    try {
      fns[jobs[j]][jobs[j + 1]](...a);
    } catch (e) {
      onError(i, e);
    }
    Atomics.add(control, RUNS + thread, 1);
    if (Atomics.add(control, DONE, 1) + 1 === n) Atomics.notify(control, DONE);
  }
}

/** Every export of each module's exports object, in `Object.keys` order (the same on all threads). */
export function exportTable(modules: object[]): KernelFn[][] {
  return modules.map((m) =>
    Object.values(m).map((f) => (typeof f === "function" ? f : () => {}) as KernelFn)
  );
}
