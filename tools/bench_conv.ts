/**
 * Conv2d forward + backward, batch 64, 28×28, 32 → 32 channels, 3×3, padding 1 (the issue's
 * benchmark), median of 5 after 2 warm-ups. The PyTorch side: tools/bench_conv_torch.py.
 * Run: ./node_modules/.bin/deno run -A tools/bench_conv.ts
 */
import { tf } from "../lib/deep/backend.ts";
import { Conv2d } from "../lib/deep/conv.ts";

const conv = new Conv2d(32, 32, 3, { padding: 1 });
const x = tf.randomUniform([64, 32, 28, 28]);
const times: number[] = [];
for (let i = 0; i < 7; i++) {
  const t = performance.now();
  const { grads } = tf.variableGrads(
    () => conv.forward(x).square().mean() as tf.Scalar,
    conv.variables(),
  );
  for (const g of Object.values(grads)) g.dataSync();
  tf.dispose(grads);
  if (i >= 2) times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
console.log(
  JSON.stringify({ backend: tf.getBackend(), minMs: times[0], medianMs: times[2], times }),
);
