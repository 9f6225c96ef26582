import { assert, assertAlmostEquals, assertEquals, assertLess, assertThrows } from "@std/assert";
import {
  chanceCurve,
  DSSM,
  makeInteractions,
  manualSeed,
  Matrix,
  nearestItems,
  plantedVectors,
  relevantRanks,
  retrievalCurve,
  retrievalMetrics,
  tf,
  towerVectors,
  trainDSSM,
  trainStep,
  ValueError,
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

Deno.test("makeInteractions: planted groups, distinct items, held-out item unseen, seeded", () => {
  const d = makeInteractions({ seed: 3 });
  assertEquals([d.users, d.items, d.groups, d.userIdSpace, d.itemIdSpace], [800, 400, 8, 808, 404]);
  assertEquals(d.train.user.length, 800 * 11);
  let inGroup = 0;
  for (let u = 0; u < d.users; u++) {
    const all = new Set([...d.seen[u], d.test.item[u]]);
    assertEquals(all.size, 12, `user ${u} items distinct`);
    assert(!d.seen[u].includes(d.test.item[u]));
    for (const j of d.seen[u]) if (d.itemGroup[j] === d.userGroup[u]) inGroup++;
  }
  // at most 0.8 + 0.2/8 = 0.825 (repeats of popular in-group items are redrawn); chance is 1/8
  const share = inGroup / d.train.item.length;
  assert(share > 0.7 && share < 0.825, `in-group share ${share}`);
  for (let j = 0; j < d.items; j++) {
    assertEquals(d.itemCategory[j], d.itemGroup[j] >> 1);
    assertEquals(d.itemFeatures[2 * j + 1], 400 + d.itemCategory[j]);
  }
  const again = makeInteractions({ seed: 3 });
  assertEquals(again.test.item, d.test.item);
  assert(makeInteractions({ seed: 4 }).test.item.some((j, u) => j !== d.test.item[u]));
  assertThrows(
    () => makeInteractions({ items: 40, perUser: 12 }),
    ValueError,
    "perUser must be <= items per group (5)",
  );
  assertThrows(
    () => makeInteractions({ affinity: 1.5 }),
    ValueError,
    "affinity must be in [0, 1]. Got 1.5",
  );
  assertThrows(
    () => makeInteractions({ categories: 9 }),
    ValueError,
    "categories must be <= groups (8)",
  );
});

Deno.test("plantedVectors: ⟨q_u, v_j⟩ is P(j | u), a distribution over items", () => {
  const d = makeInteractions({ users: 5, items: 40, groups: 4, categories: 2, perUser: 3 });
  const { users, items } = plantedVectors(d);
  const dot = (u: number, j: number) => {
    let s = 0;
    for (let c = 0; c < users.cols; c++) s += users.get(u, c) * items.get(j, c);
    return s;
  };
  for (let u = 0; u < 5; u++) {
    let total = 0;
    for (let j = 0; j < 40; j++) {
      const p = (d.itemGroup[j] === d.userGroup[u] ? 0.8 * d.itemPopularity[j] : 0) + 0.2 / 40;
      assertAlmostEquals(dot(u, j), p, 1e-12);
      total += dot(u, j);
    }
    assertAlmostEquals(total, 1, 1e-12);
  }
});

Deno.test("relevantRanks, retrievalCurve and chanceCurve by hand", () => {
  const q = Matrix.from2D([[1, 0], [0, 1]]);
  const items = Matrix.from2D([[3, 0], [2, 1], [2, 5], [1, 1]]);
  // query 0 scores 3, 2, 2, 1: item 2 ties item 1 (lower index first) → rank 2; without item 0 → 1
  assertEquals(Array.from(relevantRanks(q, items, [2, 3])), [2, 2]);
  assertEquals(Array.from(relevantRanks(q, items, [2, 3], [[0], [2, 3]])), [1, 1]);
  const curve = retrievalCurve([2, 0, 1], [1, 2, 3]);
  assertEquals(curve.map((p) => p.recall), [1 / 3, 2 / 3, 1]);
  assertAlmostEquals(curve[2].ndcg, (1 / Math.log2(4) + 1 + 1 / Math.log2(3)) / 3, 1e-12);
  // retrievalCurve agrees with retrievalMetrics on nearestItems' lists
  const ranked = nearestItems(q, items, 2);
  const m = retrievalMetrics(ranked, [1, 2], 2);
  const [at2] = retrievalCurve(relevantRanks(q, items, [1, 2]), [2]);
  assertAlmostEquals(at2.recall, m.recall, 1e-12);
  assertAlmostEquals(at2.ndcg, m.ndcg, 1e-7);
  const [c1, c4] = chanceCurve([4, 2], [1, 4]);
  assertAlmostEquals(c1.recall, (1 / 4 + 1 / 2) / 2, 1e-12);
  assertAlmostEquals(c4.recall, 1, 1e-12);
  assertAlmostEquals(c1.ndcg, c1.recall, 1e-12);
  assertThrows(
    () => relevantRanks(q, items, [0, 4]),
    ValueError,
    "relevant[1] must be an item index in [0, 4). Got 4",
  );
  assertThrows(() => retrievalCurve([], [1]), ValueError, "ranks is empty");
});

Deno.test("trainDSSM: logQ correction, recall@10 far above popularity, no leaks", () => {
  const d = makeInteractions({ users: 300, items: 160, perUser: 10, seed: 1 });
  const counts = new Float64Array(d.items);
  for (const j of d.train.item) counts[j]++;
  const pop = retrievalCurve(
    relevantRanks(Matrix.ones(d.users, 1), new Matrix(d.items, 1, counts), d.test.item, d.seen),
    [10],
  )[0].recall;
  const recall = (logQCorrection: boolean) => {
    manualSeed(0);
    const tower = { embedDim: 8, hidden: [32], outDim: 16, fields: 2 };
    const model = new DSSM(
      { ...tower, numIds: d.userIdSpace },
      { ...tower, numIds: d.itemIdSpace },
      0.1,
    );
    const before = tf.memory().numTensors;
    const history = trainDSSM(model, d, { epochs: 4, batchSize: 128, logQCorrection });
    assertEquals(tf.memory().numTensors, before);
    assertEquals(history.map((r) => r.epoch), [1, 2, 3, 4]);
    assertLess(history[3].loss, history[0].loss);
    const U = towerVectors(model.user, d.userFeatures),
      V = towerVectors(model.item, d.itemFeatures);
    for (let i = 0; i < V.rows; i++) {
      assertAlmostEquals(V.row(i).reduce((s, x) => s + x * x, 0), 1, 1e-4);
    }
    assertEquals(towerVectors(model.item, d.itemFeatures, 7).data, V.data);
    const r = retrievalCurve(relevantRanks(U, V, d.test.item, d.seen), [10])[0].recall;
    model.dispose();
    return r;
  };
  const plain = recall(false), corrected = recall(true);
  assert(
    plain > 2 * pop && corrected > 2 * pop,
    `recall@10 ${plain}, with logQ ${corrected}; popularity ${pop}`,
  );
  assertThrows(
    () =>
      trainDSSM(new DSSM({ numIds: 4, fields: 1 }, { numIds: 4, fields: 1 }), d, { batchSize: 1 }),
    ValueError,
    "batchSize must be an integer >= 2",
  );
});
