import { assertEquals, assertLess, assertNotEquals, assertThrows } from "@std/assert";
import { ValueError } from "../../../lib/core/mod.ts";
import { weightDecayExperiment } from "../../../lib/nn/mod.ts";

Deno.test("weightDecayExperiment is deterministic per seed and honours its options", () => {
  const small = { nTrain: 10, nTest: 20, nInputs: 30, epochs: 15 };
  const a = weightDecayExperiment({ ...small, lambda: 1 });
  const b = weightDecayExperiment({ ...small, lambda: 1 });
  assertEquals(Array.from(a.w), Array.from(b.w));
  assertEquals([a.trainLoss.length, a.testLoss.length, a.w.length], [15, 15, 30]);
  assertNotEquals(weightDecayExperiment({ ...small, lambda: 1, seed: 1 }).wNorm, a.wNorm);
  // More decay, smaller weights.
  assertLess(weightDecayExperiment({ ...small, lambda: 10 }).wNorm, a.wNorm);
});

Deno.test("with enough data and no noise, SGD recovers the true weights (the sanity case)", () => {
  const r = weightDecayExperiment({
    nTrain: 400,
    nInputs: 5,
    epochs: 60,
    learningRate: 0.03,
    noise: 0,
    trueW: 0.5,
    trueB: -1,
  });
  for (const w of r.w) assertLess(Math.abs(w - 0.5), 1e-3);
  assertLess(Math.abs(r.b + 1), 1e-3);
});

Deno.test("weightDecayExperiment rejects bad options", () => {
  assertThrows(
    () => weightDecayExperiment({ lambda: -1 }),
    ValueError,
    "The 'lambda' option must be a number >= 0. Got -1 instead.",
  );
  assertThrows(() => weightDecayExperiment({ batchSize: 0 }), ValueError, "'batchSize'");
  assertThrows(() => weightDecayExperiment({ dropout: 2 }), ValueError, "'dropout'");
});
