import { assertEquals, assertThrows } from "@std/assert";
import {
  BatchNorm2d,
  Conv2d,
  Flatten,
  Linear,
  loadPaddleStateDict,
  manualSeed,
  MultiHeadAttention,
  paddleToTorchStateDict,
  ReLU,
  Sequential,
  tf,
} from "../../../lib/mod.ts";
import { maxAbsDiff } from "./torch_fixture.ts";

/** A conv + BN + two Linears net (every layout the notes' network has), 1 × 4 × 4 images. */
function small(): Sequential {
  return new Sequential(
    new Conv2d(1, 2, 3, { padding: 1 }),
    new BatchNorm2d(2),
    new ReLU(),
    new Flatten(),
    new Linear(32, 5),
    new ReLU(),
    new Linear(5, 3),
  );
}

/** What Paddle would save for `net`: Linear weights [in, out], BatchNorm `_mean`/`_variance`. */
function asPaddle(net: Sequential): Record<string, tf.Tensor> {
  const out: Record<string, tf.Tensor> = {};
  for (const [k, t] of Object.entries(net.stateDict())) {
    if (k.endsWith("num_batches_tracked")) continue; // Paddle has none
    const key = k.replace("running_mean", "_mean").replace("running_var", "_variance");
    out[key] = /^[46]\.weight$/.test(k) ? t.transpose() : t.clone();
  }
  return out;
}

Deno.test("loadPaddleStateDict: a Paddle-layout dict gives the same network (Linear transposed, BN renamed)", () => {
  manualSeed(1);
  const src = small();
  src.train();
  src.forward(tf.randomUniform([4, 1, 4, 4], 0, 1, "float32", 3)); // move the running stats
  src.eval();
  const paddle = asPaddle(src);
  assertEquals(paddle["4.weight"].shape, [32, 5]);
  manualSeed(2);
  const dst = small();
  dst.eval();
  const before = tf.memory().numTensors;
  const report = loadPaddleStateDict(dst, paddle);
  assertEquals(tf.memory().numTensors, before); // the transposed copies are freed
  assertEquals(report, { missing: [], unexpected: [], mismatched: [] });
  const x = tf.randomUniform([3, 1, 4, 4], 0, 1, "float32", 4);
  assertEquals(maxAbsDiff(dst.forward(x), src.forward(x), "paddle-loaded output") < 1e-6, true);
  // the input dict is untouched (still Paddle's layout)
  assertEquals(paddle["6.weight"].shape, [5, 3]);
});

Deno.test("paddleToTorchStateDict: square Linear weights (attention projections) are transposed too", () => {
  const mha = new MultiHeadAttention({ embedDim: 4, numHeads: 2 });
  const w = tf.tensor2d(Array.from({ length: 16 }, (_, i) => i), [4, 4]);
  const dict = paddleToTorchStateDict(mha, { "q_proj.weight": w, "q_proj.bias": tf.zeros([4]) });
  assertEquals(dict["q_proj.weight"].arraySync(), w.transpose().arraySync());
  assertEquals(Object.keys(dict).sort(), ["q_proj.bias", "q_proj.weight"]);
});

Deno.test("loadPaddleStateDict: PyTorch's layout, missing keys and wrong shapes are named", () => {
  const net = small();
  const torchLayout = net.stateDict();
  assertThrows(
    () => loadPaddleStateDict(net, torchLayout),
    Error,
    "4.weight has shape [5,32], PyTorch's [out, in] layout; Paddle's Linear stores [in, out] = [32,5]",
  );
  const paddle = asPaddle(net);
  delete paddle["6.bias"];
  assertThrows(() => loadPaddleStateDict(net, paddle), Error, "6.bias");
  paddle["6.bias"] = tf.zeros([3]);
  paddle["6.weight"] = tf.zeros([4, 3]);
  assertThrows(() => loadPaddleStateDict(net, paddle), Error, "6.weight");
  // non-strict: the good entries load, the bad one is reported
  const report = loadPaddleStateDict(net, paddle, { strict: false });
  assertEquals(report.mismatched, ["6.weight"]);
});
