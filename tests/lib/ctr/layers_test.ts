import { assert, assertAlmostEquals, assertEquals } from "@std/assert";
import { CIN, CrossLayer, CrossLayerV2, FFMModel, fmPairwise, tf } from "../../../lib/mod.ts";

Deno.test("FM pairwise term: O(kn) identity equals the double sum", () => {
  const B = 3, F = 5, k = 4;
  const vals = Array.from({ length: B * F * k }, (_, i) => Math.sin(i * 1.7));
  const e = tf.tensor3d(vals, [B, F, k]);
  const got = fmPairwise(e).dataSync();
  for (let b = 0; b < B; b++) {
    let s = 0;
    for (let i = 0; i < F; i++) {
      for (let j = i + 1; j < F; j++) {
        for (let d = 0; d < k; d++) s += vals[(b * F + i) * k + d] * vals[(b * F + j) * k + d];
      }
    }
    assertAlmostEquals(got[b], s, 1e-4);
  }
  e.dispose();
});

Deno.test("DCN cross layer by hand: x0 (xlᵀw) + b + xl", () => {
  const layer = new CrossLayer(2);
  layer.weight.assign(tf.tensor2d([[0.5], [-1]]));
  layer.bias.assign(tf.tensor1d([0.1, 0.2]));
  const x0 = tf.tensor2d([[1, 2]]), xl = tf.tensor2d([[3, 4]]);
  // xlᵀw = 1.5 − 4 = −2.5 → x0·(−2.5) = [−2.5, −5]; + b + xl = [0.6, −0.8]
  const y = Array.from(layer.forward(x0, xl).dataSync());
  assertAlmostEquals(y[0], 0.6, 1e-6);
  assertAlmostEquals(y[1], -0.8, 1e-6);
});

Deno.test("DCN-V2 full cross layer by hand: x0 ⊙ (W xl + b) + xl; low-rank shapes", () => {
  const layer = new CrossLayerV2(2);
  layer.full!.weight.assign(tf.tensor2d([[1, 2], [0, -1]]));
  layer.bias.assign(tf.tensor1d([1, 0]));
  const y = Array.from(layer.forward(tf.tensor2d([[2, 3]]), tf.tensor2d([[1, 1]])).dataSync());
  // W xl + b = [3 + 1, −1] → x0 ⊙ = [8, −3] → + xl = [9, −2]
  assertEquals(y.map((v) => Math.round(v * 1e5) / 1e5), [9, -2]);
  const lr = new CrossLayerV2(6, { rank: 2, experts: 3 });
  assertEquals(lr.forward(tf.ones([4, 6]), tf.ones([4, 6])).shape, [4, 6]);
  assertEquals(lr.numParameters(), 3 * (6 * 2 + 2 * 2 + 2 * 6) + 6 * 3 + 3 + 6);
});

Deno.test("CIN on 2 fields by hand: X¹_h = Σ_ij W_hij (X⁰_i ∘ X⁰_j), sum-pooled", () => {
  const cin = new CIN(2, [1]);
  const W = [0.5, -1, 2, 0.25]; // (i, j) = (0,0), (0,1), (1,0), (1,1)
  cin.weights[0].assign(tf.tensor2d([W]));
  const x = [[1, 2, 3], [-1, 0.5, 2]];
  const got = cin.forward(tf.tensor3d([x])).dataSync()[0];
  let want = 0;
  for (let d = 0; d < 3; d++) {
    want += W[0] * x[0][d] * x[0][d] + W[1] * x[0][d] * x[1][d] + W[2] * x[1][d] * x[0][d] +
      W[3] * x[1][d] * x[1][d];
  }
  assertAlmostEquals(got, want, 1e-4);
});

Deno.test("FFM forward: Σ_{i<j} ⟨v_{x_i,f_j}, v_{x_j,f_i}⟩ by hand", () => {
  const m = new FFMModel({ numIds: 3, fields: 3, embedDim: 2 });
  const W = Array.from({ length: 3 * 3 * 2 }, (_, i) => (i % 5) - 2 + i / 10);
  m.ffm.weight.assign(tf.tensor2d(W, [3, 6]));
  const ids = [2, 0, 1];
  const v = (id: number, f: number) => [W[id * 6 + f * 2], W[id * 6 + f * 2 + 1]];
  let want = 0;
  for (let i = 0; i < 3; i++) {
    for (let j = i + 1; j < 3; j++) {
      const a = v(ids[i], j), b = v(ids[j], i);
      want += a[0] * b[0] + a[1] * b[1];
    }
  }
  const got = m.forward(tf.tensor2d([ids], [1, 3], "int32")).dataSync()[0];
  assertAlmostEquals(got, want, 1e-4);
  assert(m.numParameters() === 3 * 6 + 3 + 1);
});
