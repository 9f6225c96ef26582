/**
 * lib/deep/kernels/pool.ts: products on two threads bit-identical to one thread (and the workers
 * really taking part), setNumThreads's errors, parallel's errors, workers closing when idle and
 * respawning, a script with threads on exiting promptly, and no tensor leaks.
 */
import { assert, assertEquals, assertThrows } from "@std/assert";
import { affine, getNumThreads, matMul2d, setNumThreads, tf } from "../../../lib/mod.ts";
import { denseWasm } from "../../../lib/deep/kernels/dense_wasm.ts";
import {
  parallel,
  readyWorkers,
  splitRange,
  threadCalls,
  threadsReady,
} from "../../../lib/deep/kernels/pool.ts";
import {
  floats,
  instantiateKernels,
  kernelModules,
  withScratch,
} from "../../../lib/deep/kernels/runtime.ts";
import { IDLE_MS, MAX_ARGS, MAX_WORKERS } from "../../../lib/deep/kernels/pool_layout.ts";

const workerCalls = () => threadCalls().slice(1).reduce((a, b) => a + b, 0);

/** Runs f on two threads until a worker has taken part (or 200 tries); returns its result. */
async function onTwoThreads<T>(f: () => T): Promise<T> {
  setNumThreads(2);
  try {
    assertEquals(await threadsReady(), 1, "the worker did not start");
    const before = workerCalls();
    let out = f();
    for (let i = 0; i < 200 && workerCalls() === before; i++) out = f();
    assert(workerCalls() > before, "the worker never took a call");
    return out;
  } finally {
    setNumThreads(1);
  }
}

const shapes: [number, number, number][] = [
  [300, 200, 40], // rows split (N ≤ M), rows not a multiple of 16
  [37, 700, 90], // columns split, columns not a multiple of 8
  [256, 256, 64],
];

for (const [tA, tB] of [[false, false], [false, true], [true, false], [true, true]]) {
  Deno.test(`pool: products on 2 threads equal 1 thread bit for bit, transpose ${tA}/${tB}`, async () => {
    const operands = shapes.map(([M, N, K], i) => [
      tf.randomNormal(tA ? [K, M] : [M, K], 0, 1, "float32", 2 * i) as tf.Tensor2D,
      tf.randomNormal(tB ? [N, K] : [K, N], 0, 1, "float32", 2 * i + 1) as tf.Tensor2D,
    ]);
    const products = () =>
      operands.map(([a, b]) => tf.tidy(() => matMul2d(a, b, tA, tB).dataSync().slice()));
    assertEquals(getNumThreads(), 1);
    const one = products(), two = await onTwoThreads(products);
    shapes.forEach(([M, N, K], i) => {
      assertEquals(two[i].length, M * N);
      assert(two[i].every((v, j) => Object.is(v, one[i][j])), `${M}×${N}×${K} differs`);
      // and the product is right: against tfjs's own
      const ref = tf.tidy(() => tf.matMul(operands[i][0], operands[i][1], tA, tB).dataSync());
      assert(one[i].every((v, j) => Math.abs(v - ref[j]) < 1e-3), `${M}×${N}×${K} wrong`);
    });
    tf.dispose(operands.flat());
  });
}

Deno.test("pool: a Linear training step on 2 threads: same gradients, no tensor leak", async () => {
  const x = tf.randomNormal([512, 96], 0, 1, "float32", 3) as tf.Tensor2D;
  const w = tf.variable(tf.randomNormal([200, 96], 0, 0.1, "float32", 4));
  const b = tf.variable(tf.randomNormal([200], 0, 0.1, "float32", 5));
  const step = () => {
    const { value, grads } = tf.variableGrads(
      () => affine(x, w as tf.Tensor2D, b as tf.Tensor1D).square().mean() as tf.Scalar,
      [w, b],
    );
    const out = [value, grads[w.name], grads[b.name]].map((t) => t.dataSync().slice());
    tf.dispose([value, grads[w.name], grads[b.name]]);
    return out;
  };
  const one = step();
  const tensors = tf.memory().numTensors;
  const two = await onTwoThreads(step);
  assertEquals(tf.memory().numTensors, tensors);
  one.forEach((v, i) => assert(v.every((u, j) => Object.is(u, two[i][j])), `output ${i}`));
  tf.dispose([x, w, b]);
});

Deno.test("setNumThreads: errors name the argument; getNumThreads reads it back", () => {
  assertEquals(getNumThreads(), 1);
  for (const bad of [0, -1, 1.5, MAX_WORKERS + 2, NaN, Infinity]) {
    assertThrows(() => setNumThreads(bad), RangeError, "'n' parameter must be an integer");
  }
  assertThrows(() => setNumThreads("2" as unknown as number), TypeError, "'n' parameter");
  assertEquals(getNumThreads(), 1);
  setNumThreads(3);
  assertEquals(getNumThreads(), 3);
  setNumThreads(MAX_WORKERS + 1);
  assertEquals(getNumThreads(), MAX_WORKERS + 1);
  setNumThreads(1);
  assertEquals(getNumThreads(), 1);
});

Deno.test("parallel: bad calls are refused, a failing call throws, the pool still works", async () => {
  const k = kernelModules.find((m) => m.name === "dense")!.exports;
  assertThrows(
    () => parallel([{ kernels: {}, fn: "gemm", args: [] }]),
    TypeError,
    "calls[0].kernels",
  );
  assertThrows(() => parallel([{ kernels: k, fn: "nope", args: [] }]), TypeError, "'nope'");
  assertThrows(
    () => parallel([{ kernels: k, fn: "gemm_work", args: new Array(MAX_ARGS + 1).fill(0) }]),
    RangeError,
    `${MAX_ARGS + 1} arguments, at most ${MAX_ARGS} allowed`,
  );
  assertThrows(
    () => parallel([{ kernels: k, fn: "fill_rows", args: [0, 0, 0, 0], scratch: 1 }]),
    TypeError,
    "no scratch",
  );
  await onTwoThreads(() => {
    // out of bounds of the 2 GiB memory: traps on whichever thread runs it
    const calls = Array.from({ length: 8 }, () => ({
      kernels: k,
      fn: "fill_rows",
      args: [2 ** 31 - 64, 1, 64, 0],
    }));
    assertThrows(() => parallel(calls));
    // and then works
    withScratch((alloc) => {
      const out = alloc(64), bias = alloc(1);
      floats(bias, 1)[0] = 7;
      parallel(
        Array.from({ length: 64 }, (_, i) => ({
          kernels: k,
          fn: "fill_rows",
          args: [out + 4 * i, 1, 1, bias],
        })),
      );
      assert(floats(out, 64).every((v) => v === 7));
    });
  });
});

Deno.test("pool: each thread gets its own scratch", async () => {
  const k = kernelModules.find((m) => m.name === "dense")!.exports;
  const n = 256;
  // every thread's scratch first gets its thread number + 1; job i copies the first float of the
  // running thread's scratch: fill_rows(out + 4 i, 1 row, 1 column, bias = scratch)
  const { seen, ran } = await onTwoThreads(() =>
    withScratch((alloc) => {
      const out = alloc(n), before = threadCalls();
      const calls = Array.from({ length: n }, (_, i) => ({
        kernels: k,
        fn: "fill_rows",
        args: [out + 4 * i, 1, 1, 0],
        scratch: 3,
      }));
      let allocs = 0;
      parallel(calls, {
        alloc: (m) => {
          const p = alloc(m), threads = getNumThreads(), stride = (4 * m) / threads;
          for (let t = 0; t < threads; t++) floats(p + stride * t, 1)[0] = t + 1;
          allocs++;
          return p;
        },
        floats: 1,
      });
      assertEquals(allocs, 1);
      // the threads that ran a job of this call, numbered as the scratch values
      const ran = new Set(threadCalls().flatMap((c, t) => c > before[t] ? [t + 1] : []));
      return { seen: new Set(floats(out, n)), ran };
    })
  );
  // onTwoThreads returns a call the worker took part in: had it used the main thread's scratch,
  // 2 would be missing
  assert(ran.has(2), `threads that ran: ${[...ran]}`);
  assertEquals(seen, ran);
});

Deno.test("pool: workers close after idling and are spawned again on next use", async () => {
  setNumThreads(2);
  try {
    assertEquals(await threadsReady(), 1);
    await new Promise((r) => setTimeout(r, IDLE_MS * 3));
    assertEquals(readyWorkers(), 0, "the idle worker is still open");
    // the next product runs at once on the main thread and spawns the worker again
    const a = tf.ones([256, 256]) as tf.Tensor2D;
    tf.tidy(() => matMul2d(a, a).dataSync());
    assertEquals(await threadsReady(), 1);
    a.dispose();
  } finally {
    setNumThreads(1);
  }
  assertEquals(readyWorkers(), 0);
});

Deno.test("pool: a module instantiated after the workers started: they are replaced", async () => {
  setNumThreads(2);
  try {
    assertEquals(await threadsReady(), 1);
    const k2 = instantiateKernels<object>(denseWasm, "dense (second copy)");
    const before = workerCalls();
    for (let i = 0; i < 200 && workerCalls() === before; i++) {
      await threadsReady();
      withScratch((alloc) => {
        const out = alloc(64), bias = alloc(1);
        floats(bias, 1)[0] = i + 1;
        const calls = Array.from({ length: 64 }, (_, j) => ({
          kernels: k2,
          fn: "fill_rows",
          args: [out + 4 * j, 1, 1, bias],
        }));
        parallel(calls);
        assert(floats(out, 64).every((v) => v === i + 1));
      });
    }
    assert(workerCalls() > before, "the new worker never ran the new module");
  } finally {
    setNumThreads(1);
  }
});

Deno.test("pool: a script with threads on exits promptly", async () => {
  const script = `
    import { matMul2d, setNumThreads, tf } from "${new URL(
    "../../../lib/mod.ts",
    import.meta.url,
  )}";
    import { threadsReady } from "${new URL("../../../lib/deep/kernels/pool.ts", import.meta.url)}";
    setNumThreads(2);
    console.log(await threadsReady());
    const a = tf.ones([512, 512]);
    console.log(matMul2d(a, a).dataSync()[0]);
    console.log(performance.now());
    globalThis.addEventListener("unload", () => console.log(performance.now()));
  `;
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", "-"],
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const writer = out.stdin.getWriter();
  await writer.write(new TextEncoder().encode(script));
  await writer.close();
  const { success, stdout, stderr } = await out.output();
  const lines = new TextDecoder().decode(stdout).trim().split("\n");
  assert(success, new TextDecoder().decode(stderr));
  assertEquals(lines.slice(0, 2), ["1", "512"]);
  // the event loop emptied (the worker closed) IDLE_MS after the last product, give or take
  const [last, exit] = lines.slice(2).map(Number);
  assert(exit - last >= IDLE_MS * 0.9 && exit - last < IDLE_MS + 1000, `${exit - last} ms`);
});

Deno.test("splitRange: covers [0, n) in aligned, balanced ranges", () => {
  assertEquals(splitRange(10, 3), [[0, 3], [3, 7], [7, 10]]);
  assertEquals(splitRange(20, 2, 8), [[0, 16], [16, 20]]);
  assertEquals(splitRange(5, 8), [[0, 1], [1, 2], [2, 3], [3, 4], [4, 5]]);
  assertEquals(splitRange(0, 2), []);
  for (const [n, parts, align] of [[1000, 3, 16], [777, 2, 8], [64, 4, 16]]) {
    const r = splitRange(n, parts, align);
    assertEquals(r[0][0], 0);
    assertEquals(r.at(-1)![1], n);
    r.slice(1).forEach(([s], i) => assertEquals(s, r[i][1]));
    r.slice(0, -1).forEach(([s, e]) => assertEquals((e - s) % align, 0));
  }
});
