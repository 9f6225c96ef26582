/**
 * Forward + backward of a Transformer encoder layer (d = 128, 4 heads, FFN 512, sequence 64,
 * batch 32, post-norm, dropout 0) and of a one-layer LSTM of the same size (input 128, hidden 128),
 * and a one-layer GRU of that size, on tfjs's wasm backend (SIMD, one thread), as
 * tools/bench_torch_deep.py times PyTorch on the CPU.
 * The loss is the mean of the output; gradients of every parameter are computed and freed.
 *
 *     npx deno bench -A bench/deep_bench.ts
 *     npx deno run -A bench/deep_bench.ts --report [N]   # best and median wall, mean CPU ms of N (10)
 *     npx deno run -A bench/deep_bench.ts --report 10 --threads 2   # the kernels on 2 threads
 */
import {
  deepBackend,
  GRU,
  LSTM,
  manualSeed,
  setNumThreads,
  tf,
  TransformerEncoderLayer,
} from "../lib/mod.ts";
import { threadsReady } from "../lib/deep/kernels/pool.ts";

const threads = Deno.args.includes("--threads")
  ? Number(Deno.args[Deno.args.indexOf("--threads") + 1])
  : 1;
setNumThreads(threads);
await threadsReady();
manualSeed(0);
const layer = new TransformerEncoderLayer({
  dModel: 128,
  nhead: 4,
  dimFeedforward: 512,
  dropout: 0,
});
const lstm = new LSTM({ inputSize: 128, hiddenSize: 128, batchFirst: true });
const gru = new GRU({ inputSize: 128, hiddenSize: 128, batchFirst: true });
const x = tf.randomNormal([32, 64, 128], 0, 1, "float32", 1);

function step(loss: () => tf.Scalar, vars: tf.Variable[]): void {
  tf.tidy(() => {
    const { value, grads } = tf.variableGrads(loss, vars);
    value.dataSync();
    for (const g of Object.values(grads)) g.dataSync();
  });
}
const encoderStep = () => step(() => layer.forward(x).mean() as tf.Scalar, layer.variables());
const lstmStep = () => step(() => lstm.forward(x)[0].mean() as tf.Scalar, lstm.variables());
const gruStep = () => step(() => gru.forward(x)[0].mean() as tf.Scalar, gru.variables());

if (Deno.args.includes("--report")) {
  const n = Number(Deno.args[Deno.args.indexOf("--report") + 1]) || 10;
  const load = () => Number(Deno.readTextFileSync("/proc/loadavg").split(" ")[0]);
  const loadBefore = load();
  // CPU time of this process (utime + stime, /proc/self/stat, 10 ms ticks), in ms
  const cpu = () => {
    const f = Deno.readTextFileSync("/proc/self/stat").split(") ")[1].split(" ");
    return (Number(f[11]) + Number(f[12])) * 10;
  };
  // best and median wall time of n runs, and mean CPU time per run (less sensitive to other jobs)
  const measure = (f: () => void) => {
    f();
    f();
    const walls: number[] = [];
    const c0 = cpu();
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      f();
      walls.push(performance.now() - t0);
    }
    walls.sort((a, b) => a - b);
    const median = (walls[(n - 1) >> 1] + walls[n >> 1]) / 2;
    return { best: round(walls[0]), median: round(median), cpu: round((cpu() - c0) / n) };
  };
  const round = (v: number) => Math.round(v * 10) / 10;
  const enc = measure(encoderStep), lstmT = measure(lstmStep), gruT = measure(gruStep);
  console.log(
    JSON.stringify({
      backend: deepBackend,
      threads,
      load_before: loadBefore,
      encoder_layer_ms: enc.best,
      encoder_layer_median_ms: enc.median,
      encoder_layer_cpu_ms: enc.cpu,
      lstm_ms: lstmT.best,
      lstm_median_ms: lstmT.median,
      lstm_cpu_ms: lstmT.cpu,
      gru_ms: gruT.best,
      gru_median_ms: gruT.median,
      gru_cpu_ms: gruT.cpu,
      load_after: load(),
    }),
  );
} else {
  Deno.bench(
    { name: `encoder layer fwd+bwd d128 h4 T64 B32 (${deepBackend})`, n: 5, warmup: 1 },
    encoderStep,
  );
  Deno.bench({ name: `LSTM fwd+bwd 128→128 T64 B32 (${deepBackend})`, n: 5, warmup: 1 }, lstmStep);
  Deno.bench({ name: `GRU fwd+bwd 128→128 T64 B32 (${deepBackend})`, n: 5, warmup: 1 }, gruStep);
}
