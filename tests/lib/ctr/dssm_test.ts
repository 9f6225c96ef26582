import { assert, assertAlmostEquals, assertEquals } from "@std/assert";
import {
  DSSM,
  manualSeed,
  nearestItems,
  retrievalMetrics,
  tf,
  trainStep,
} from "../../../lib/mod.ts";

Deno.test("retrievalMetrics and nearestItems by hand", () => {
  const m = retrievalMetrics([[0, 1, 2], [2, 1, 0], [1, 0, 2]], [0, 0, 2], 2);
  assertAlmostEquals(m.recall, 1 / 3, 1e-12);
  assertAlmostEquals(m.ndcg, 1 / 3, 1e-12);
  const q = tf.tensor2d([[1, 0], [0, 1]]), items = tf.tensor2d([[0.9, 0.1], [0, 1], [-1, 0]]);
  assertEquals(nearestItems(q, items, 2), [[0, 1], [1, 0]]);
});

Deno.test("DSSM: in-batch softmax training raises recall@1 above chance, no leaks", () => {
  manualSeed(2);
  // 8 users, user u likes item u; each side has 2 fields (id, group)
  const users = tf.tensor2d(Array.from({ length: 8 }, (_, u) => [u, 8 + (u % 2)]), [8, 2], "int32");
  const items = tf.tensor2d(Array.from({ length: 8 }, (_, i) => [i, 8 + (i % 2)]), [8, 2], "int32");
  const model = new DSSM(
    { numIds: 10, fields: 2, embedDim: 8, hidden: [16], outDim: 8 },
    { numIds: 10, fields: 2, embedDim: 8, hidden: [16], outDim: 8 },
    0.1,
  );
  const opt = tf.train.adam(0.02);
  trainStep(model, opt, () => model.loss(users, items));
  const before = tf.memory().numTensors;
  let loss = 0;
  for (let s = 0; s < 60; s++) loss = trainStep(model, opt, () => model.loss(users, items));
  assertEquals(tf.memory().numTensors, before);
  assert(loss < 0.5, `loss ${loss}`);
  const ranked = tf.tidy(() =>
    nearestItems(model.user.forward(users), model.item.forward(items), 3)
  );
  const m = retrievalMetrics(ranked, [0, 1, 2, 3, 4, 5, 6, 7], 1);
  assert(m.recall >= 0.75, `recall@1 ${m.recall}`);
});
