/**
 * A worker thread of pool.ts: instantiates every kernel module on the shared memory, then runs
 * the jobs of each batch it sees (see `drain` in pool_layout.ts) and sleeps in Atomics.wait in
 * between. After `IDLE_MS` without a batch, or when the batch needs a module it lacks, it marks
 * its slot `CLOSED` and closes itself: a live Worker would keep Deno from exiting, and the main
 * thread spawns a new one on next use.
 *
 * @module
 */
import {
  CLOSED,
  drain,
  ERROR,
  exportTable,
  IDLE_MS,
  instantiate,
  NEXT,
  READY,
  SPIN_MS,
  STARTING,
  STATE,
  type WorkerInit,
} from "./pool_layout.ts";

declare const self: {
  onmessage: ((e: MessageEvent<WorkerInit>) => void) | null;
  close(): void;
};

self.onmessage = (e: MessageEvent<WorkerInit>) => {
  self.onmessage = null;
  const { memory, modules, slot } = e.data;
  const control = new Int32Array(e.data.control), jobs = new Int32Array(e.data.jobs);
  const args = new Float64Array(e.data.args);
  const state = STATE + slot;
  const fns = exportTable(modules.map((base64) => instantiate(base64, memory)));
  if (Atomics.compareExchange(control, state, STARTING, READY) !== STARTING) return self.close();
  const onError = (job: number) => void Atomics.compareExchange(control, ERROR, 0, job + 1);
  for (;;) {
    // the main thread stops a worker by terminate(), or may reuse the slot once it is CLOSED
    if (Atomics.load(control, state) !== READY) break;
    const seen = drain(control, jobs, args, fns, slot + 1, onError);
    if (seen === null) {
      Atomics.compareExchange(control, state, READY, CLOSED);
      break;
    }
    if (spinFor(control, seen)) continue;
    if (Atomics.wait(control, NEXT, seen, IDLE_MS) === "timed-out") {
      if (Atomics.load(control, NEXT) !== seen) continue;
      if (Atomics.compareExchange(control, state, READY, CLOSED) === READY) break;
    }
  }
  self.close();
};

/**
 * Watches control[NEXT] for `SPIN_MS` before the worker sleeps: waking from Atomics.wait takes
 * some 50 µs here, the time of a 64 × 512 × 128 product, and a training step issues its products
 * a few tens of µs apart. Returns whether a new batch came.
 */
function spinFor(control: Int32Array, seen: number): boolean {
  const t0 = performance.now();
  for (let i = 1;; i++) {
    if (Atomics.load(control, NEXT) !== seen) return true;
    if ((i & 255) === 0 && performance.now() - t0 > SPIN_MS) return false;
  }
}
