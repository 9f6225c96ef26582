/** The fused attention kernel (lib/deep/kernels/attention.ts) against the same math in tfjs ops. */
import { assert, assertEquals, assertThrows } from "@std/assert";
import {
  causalMask,
  manualSeed,
  MultiHeadAttention,
  setNumThreads,
  ShapeError,
  tf,
  ValueError,
} from "../../../lib/mod.ts";
import { threadCalls, threadsReady } from "../../../lib/deep/kernels/pool.ts";
import { attentionBias } from "../../../lib/deep/attention.ts";
import { dropout } from "../../../lib/deep/layers.ts";
import { fusedAttention, fusedSelfAttention } from "../../../lib/deep/kernels/attention.ts";

/** The split-heads formulation in tfjs ops (what MultiHeadAttention computed before the kernel). */
function reference(
  q: tf.Tensor,
  k: tf.Tensor,
  v: tf.Tensor,
  B: number,
  H: number,
  bias: tf.Tensor | null,
  mult: tf.Tensor | null,
  maskFrom: tf.Tensor | null = bias,
): tf.Tensor[] {
  const E = q.shape[1]!, hd = E / H, T = q.shape[0] / B, S = k.shape[0] / B;
  const split = (x: tf.Tensor, n: number) => x.reshape([B, n, H, hd]).transpose([0, 2, 1, 3]);
  let s = tf.matMul(split(q, T), split(k, S), false, true).mul(1 / Math.sqrt(hd));
  if (bias) s = s.add(bias);
  let p = tf.softmax(s);
  if (maskFrom) {
    // which queries have an open key, from a constant copy (tfjs has no gradient for `any`)
    const open = tf.tensor(maskFrom.dataSync(), maskFrom.shape).greater(-5e8).any(-1, true);
    p = tf.where(open.broadcastTo(p.shape), p, tf.zerosLike(p));
  }
  const w = mult ? p.mul(mult) : p;
  const ctx = tf.matMul(w, split(v, S)).transpose([0, 2, 1, 3]).reshape([B * T, E]);
  return [ctx, w];
}

function maxAbsDiff(a: tf.Tensor, b: tf.Tensor): number {
  return tf.tidy(() => a.sub(b).abs().max().dataSync()[0]);
}

interface Case {
  name: string;
  B: number;
  H: number;
  T: number;
  S: number;
  E: number;
  bias?: (B: number, H: number, T: number, S: number) => tf.Tensor;
  dropout?: boolean;
}

const padAndCausal = (B: number, _H: number, T: number, S: number) =>
  tf.tidy(() => {
    // example 0: the last two keys padded; example 1: no padding, but query 0 sees no key
    const pad = tf.tensor2d(
      Array.from({ length: B }, (_, b) =>
        Array.from({ length: S }, (_, s) => b === 0 && s >= S - 2 ? -1e9 : 0)),
    ).reshape([B, 1, 1, S]);
    const r = tf.range(0, S).reshape([1, S]), c = tf.range(0, T).reshape([T, 1]);
    const causal = r.greater(c).toFloat().mul(-1e9).reshape([1, 1, T, S]);
    const closed = tf.oneHot(tf.tensor1d([0], "int32"), T).reshape([1, 1, T, 1]).mul(-1e9);
    return pad.add(causal).add(closed.mul(
      tf.tensor(Array.from({ length: B }, (_, b) =>
        b === 1 ? 1 : 0)).reshape([B, 1, 1, 1]),
    ));
  });

const cases: Case[] = [
  { name: "no mask, tile-aligned", B: 2, H: 4, T: 8, S: 16, E: 32 },
  { name: "odd sizes (edge tiles)", B: 3, H: 3, T: 5, S: 7, E: 12 },
  {
    name: "padding + causal + a fully masked row",
    B: 2,
    H: 2,
    T: 6,
    S: 6,
    E: 8,
    bias: padAndCausal,
  },
  {
    name: "per-head float bias (B, h, T, S) and dropout",
    B: 2,
    H: 2,
    T: 5,
    S: 9,
    E: 6,
    bias: (B, H, T, S) => tf.randomNormal([B, H, T, S], 0, 1, "float32", 7),
    dropout: true,
  },
];

for (const c of cases) {
  Deno.test(`fused attention: values and gradients match tfjs ops, ${c.name}`, () => {
    const { B, H, T, S, E } = c;
    const q = tf.randomNormal([B * T, E], 0, 1, "float32", 1);
    const k = tf.randomNormal([B * S, E], 0, 1, "float32", 2);
    const v = tf.randomNormal([B * S, E], 0, 1, "float32", 3);
    const bias = c.bias ? c.bias(B, H, T, S) : null;
    const mult = c.dropout
      ? tf.randomUniform([B, H, T, S], 0, 1, "float32", 4).greaterEqual(0.3).toFloat().div(0.7)
      : null;
    const r1 = tf.randomNormal([B * T, E], 0, 1, "float32", 5);
    const r2 = tf.randomNormal([B, H, T, S], 0, 1, "float32", 6);
    const before = tf.memory().numTensors;
    const [ctx, w] = fusedAttention(q, k, v, { batch: B, heads: H, bias, dropoutMask: mult });
    const [rc, rw] = tf.tidy(() => reference(q, k, v, B, H, bias, mult));
    assert(maxAbsDiff(ctx, rc) < 1e-5, `context differs by ${maxAbsDiff(ctx, rc)}`);
    assert(maxAbsDiff(w!, rw) < 1e-6, `weights differ by ${maxAbsDiff(w!, rw)}`);
    tf.dispose([ctx, w!, rc, rw]);
    assertEquals(tf.memory().numTensors, before);
    // a loss through both outputs, so that the weights' own gradient is exercised too
    const loss = (f: typeof reference) => (qq: tf.Tensor, kk: tf.Tensor, vv: tf.Tensor) => {
      const [o, ww] = f(qq, kk, vv, B, H, bias, mult);
      return o.mul(r1).sum().add(ww.mul(r2).sum());
    };
    const fused: typeof reference = (qq, kk, vv) => {
      const [o, ww] = fusedAttention(qq, kk, vv, { batch: B, heads: H, bias, dropoutMask: mult });
      return [o, ww!];
    };
    const got = tf.grads(loss(fused))([q, k, v]);
    const want = tf.grads(loss(reference))([q, k, v]);
    for (let i = 0; i < 3; i++) {
      const d = maxAbsDiff(got[i], want[i]);
      assert(d < 1e-4, `gradient ${"qkv"[i]} differs by ${d}`);
    }
    // without the weights, through the context only
    const got2 = tf.grads((qq: tf.Tensor, kk: tf.Tensor, vv: tf.Tensor) =>
      fusedAttention(qq, kk, vv, {
        batch: B,
        heads: H,
        bias,
        dropoutMask: mult,
        needWeights: false,
      })[0]
        .mul(r1).sum()
    )([q, k, v]);
    const want2 = tf.grads((qq: tf.Tensor, kk: tf.Tensor, vv: tf.Tensor) =>
      reference(qq, kk, vv, B, H, bias, mult)[0].mul(r1).sum()
    )([q, k, v]);
    for (let i = 0; i < 3; i++) assert(maxAbsDiff(got2[i], want2[i]) < 1e-4);
    if (bias) {
      // the bias as a learned input: its gradient is that of the scores, summed to its shape
      const gb = tf.grad((bb: tf.Tensor) =>
        fusedAttention(q, k, v, { batch: B, heads: H, bias: bb, dropoutMask: mult })[0].mul(r1)
          .sum()
      )(bias);
      const wb = tf.grad((bb: tf.Tensor) => reference(q, k, v, B, H, bb, mult)[0].mul(r1).sum())(
        bias,
      );
      assertEquals(gb.shape, bias.shape);
      assert(maxAbsDiff(gb, wb) < 1e-4, `bias gradient differs by ${maxAbsDiff(gb, wb)}`);
      tf.dispose([gb, wb]);
    }
    tf.dispose([q, k, v, r1, r2, ...got, ...want, ...got2, ...want2]);
    tf.dispose([bias, mult].filter((t) => t !== null) as tf.Tensor[]);
  });
}

Deno.test("packed self-attention: qkv (B·T, 3E) read in place equals q, k, v apart; packed gradient", () => {
  const B = 2, H = 2, T = 5, E = 6;
  const qkv = tf.randomNormal([B * T, 3 * E], 0, 1, "float32", 11);
  const bias = padAndCausal(B, H, T, T);
  const mult = tf.randomUniform([B, H, T, T], 0, 1, "float32", 12).greaterEqual(0.2).toFloat()
    .div(0.8);
  const r1 = tf.randomNormal([B * T, E], 0, 1, "float32", 13);
  const r2 = tf.randomNormal([B, H, T, T], 0, 1, "float32", 14);
  const opts = { batch: B, heads: H, bias, dropoutMask: mult };
  const packed = (x: tf.Tensor) => {
    const [o, w] = fusedSelfAttention(x, opts);
    return o.mul(r1).sum().add(w!.mul(r2).sum());
  };
  const apart = (x: tf.Tensor) => {
    const [q, k, v] = tf.split(x, 3, 1);
    const [o, w] = fusedAttention(q, k, v, opts);
    return o.mul(r1).sum().add(w!.mul(r2).sum());
  };
  const [o1, w1] = fusedSelfAttention(qkv, opts);
  const [o2, w2] = fusedAttention(
    ...(tf.split(qkv, 3, 1) as [tf.Tensor, tf.Tensor, tf.Tensor]),
    opts,
  );
  assertEquals(maxAbsDiff(o1, o2), 0);
  assertEquals(maxAbsDiff(w1!, w2!), 0);
  const g1 = tf.grad(packed)(qkv), g2 = tf.grad(apart)(qkv);
  assertEquals(g1.shape, [B * T, 3 * E]);
  assertEquals(maxAbsDiff(g1, g2), 0);
  const want = tf.grad((x: tf.Tensor) => {
    const [q, k, v] = tf.split(x, 3, 1);
    const [o, w] = reference(q, k, v, B, H, bias, mult);
    return o.mul(r1).sum().add(w.mul(r2).sum());
  })(qkv);
  assert(maxAbsDiff(g1, want) < 1e-4);
  assertThrows(() => fusedSelfAttention(tf.zeros([10, 8]), opts), ShapeError, "3E columns");
});

Deno.test("fused attention on 2 threads: the same bits as on 1, forward and backward", async () => {
  // B·T·S·E = 2^20: just enough work to be split
  const B = 8, H = 4, T = 32, E = 128;
  const qkv = tf.randomNormal([B * T, 3 * E], 0, 1, "float32", 21);
  const bias = padAndCausal(B, H, T, T);
  const mult = tf.randomUniform([B, H, T, T], 0, 1, "float32", 22).greaterEqual(0.1).toFloat()
    .div(0.9);
  const r1 = tf.randomNormal([B * T, E], 0, 1, "float32", 23);
  const run = () =>
    tf.tidy(() => {
      const opts = { batch: B, heads: H, bias, dropoutMask: mult };
      const [o, w] = fusedSelfAttention(qkv, opts);
      const g = tf.grad((x: tf.Tensor) => fusedSelfAttention(x, opts)[0].mul(r1).sum())(qkv);
      return [o, w!, g].map((t) => t.dataSync().slice());
    });
  const one = run();
  const workerCalls = () => threadCalls().slice(1).reduce((a, b) => a + b, 0);
  setNumThreads(2);
  try {
    assertEquals(await threadsReady(), 1, "the worker did not start");
    const before = workerCalls();
    let two = run();
    for (let i = 0; i < 50 && workerCalls() === before; i++) two = run();
    assert(workerCalls() > before, "the worker never took a call");
    one.forEach((a, i) =>
      assert(a.every((v, j) => Object.is(v, two[i][j])), `output ${i} differs`)
    );
  } finally {
    setNumThreads(1);
  }
  tf.dispose([qkv, bias, mult, r1]);
});

/** MultiHeadAttention.forward as it was before the kernel: split heads, tfjs products and softmax. */
function mhaReference(
  mha: MultiHeadAttention,
  query: tf.Tensor,
  key: tf.Tensor,
  value: tf.Tensor,
  keyPaddingMask: tf.Tensor | null,
  attnMask: tf.Tensor | null,
): tf.Tensor[] {
  const { embedDim: E, numHeads: h, dropout: p } = mha.options;
  const [b, T, S] = [query.shape[0], query.shape[1]!, key.shape[1]!];
  const bias = attentionBias(keyPaddingMask, attnMask, b, h, T, S);
  const hd = E / h;
  const split = (x: tf.Tensor, n: number) => x.reshape([b, n, h, hd]).transpose([0, 2, 1, 3]);
  const q = split(mha.q_proj.forward(query), T).div(Math.sqrt(hd));
  const k = split(mha.k_proj.forward(key), S), v = split(mha.v_proj.forward(value), S);
  let scores = tf.matMul(q, k, false, true);
  if (bias) scores = scores.add(bias);
  let w = tf.softmax(scores);
  if (bias) {
    const open = bias.greater(-5e8).any(-1, true);
    w = tf.where(open.broadcastTo(w.shape), w, tf.zerosLike(w));
  }
  const wd = dropout(w, p, mha.training);
  const ctx = tf.matMul(wd, v).transpose([0, 2, 1, 3]).reshape([b, T, E]);
  return [mha.out_proj.forward(ctx), wd];
}

Deno.test("MultiHeadAttention on the kernel equals the split-heads ops: kdim/vdim, masks, seeded dropout", () => {
  const b = 3, T = 5, S = 7, E = 8;
  const cases: [string, ConstructorParameters<typeof MultiHeadAttention>[0], boolean][] = [
    ["cross-attention, kdim 6, vdim 10", { embedDim: E, numHeads: 2, kdim: 6, vdim: 10 }, false],
    ["self-attention, dropout 0.3, no bias", {
      embedDim: E,
      numHeads: 4,
      dropout: 0.3,
      bias: false,
    }, true],
  ];
  for (const [name, options, self] of cases) {
    manualSeed(5);
    const mha = new MultiHeadAttention(options);
    const x = tf.randomNormal([b, T, E], 0, 1, "float32", 31);
    const key = self ? x : tf.randomNormal([b, S, options.kdim!], 0, 1, "float32", 32);
    const value = self ? x : tf.randomNormal([b, S, options.vdim!], 0, 1, "float32", 33);
    const n = key.shape[1]!;
    const pad = tf.tensor2d(
      Array.from({ length: b }, (_, i) => Array.from({ length: n }, (_, j) => i === 2 && j > 1)),
    ).cast("bool");
    const masks = { keyPaddingMask: pad, attnMask: self ? causalMask(T) : null };
    const loss = (f: () => tf.Tensor[]) => () => {
      const [o, w] = f();
      return o.square().sum().add(w.mul(tf.range(0, w.size).reshape(w.shape).div(w.size)).sum());
    };
    const fused = () => {
      const [o, w] = mha.forward(x, key, value, { ...masks, averageAttnWeights: false });
      return [o, w!];
    };
    const ref = () => mhaReference(mha, x, key, value, masks.keyPaddingMask, masks.attnMask);
    for (const training of [false, true]) {
      if (training) mha.train();
      else mha.eval();
      manualSeed(9);
      const got = tf.variableGrads(loss(fused) as () => tf.Scalar, mha.variables());
      manualSeed(9);
      const want = tf.variableGrads(loss(ref) as () => tf.Scalar, mha.variables());
      const d = Math.abs(got.value.dataSync()[0] - want.value.dataSync()[0]);
      assert(
        d < 1e-4 * Math.abs(want.value.dataSync()[0]),
        `${name}, training ${training}: loss ${d}`,
      );
      for (const k of Object.keys(want.grads)) {
        const e = maxAbsDiff(got.grads[k], want.grads[k]);
        assert(e < 1e-4, `${name}, training ${training}: gradient of ${k} differs by ${e}`);
      }
      tf.dispose([
        got.value,
        want.value,
        ...Object.values(got.grads),
        ...Object.values(want.grads),
      ]);
    }
  }
});

Deno.test("fused attention: a fully masked query gets zero weights and sends no gradient", () => {
  const B = 1, H = 1, T = 2, S = 3, E = 4;
  const q = tf.randomNormal([B * T, E], 0, 1, "float32", 1);
  const k = tf.randomNormal([B * S, E], 0, 1, "float32", 2);
  const v = tf.randomNormal([B * S, E], 0, 1, "float32", 3);
  const bias = tf.tensor4d([[[[0, -1e9, 0], [-1e9, -Infinity, -1e9]]]]);
  const [ctx, w] = fusedAttention(q, k, v, { batch: B, heads: H, bias });
  const wv = w!.arraySync() as number[][][][];
  assertEquals(wv[0][0][1], [0, 0, 0]);
  assertEquals(wv[0][0][0][2] > 0, true);
  assertEquals((ctx.arraySync() as number[][])[1], [0, 0, 0, 0]);
  const dq = tf.grad((qq: tf.Tensor) =>
    fusedAttention(qq, k, v, { batch: B, heads: H, bias })[0].sum()
  )(q);
  assertEquals((dq.arraySync() as number[][])[1], [0, 0, 0, 0]);
  assert((dq.arraySync() as number[][])[0].every(Number.isFinite));
});

Deno.test("fused attention: a training step leaks no tensor", () => {
  const B = 2, H = 2, T = 4, S = 4, E = 8;
  const q = tf.variable(tf.randomNormal([B * T, E], 0, 1, "float32", 1));
  const kv = tf.variable(tf.randomNormal([B * S, E], 0, 1, "float32", 2));
  const mult = tf.randomUniform([B, H, T, S], 0, 1, "float32", 4).greaterEqual(0.5).toFloat().mul(
    2,
  );
  const bias = tf.zeros([B, 1, 1, S]);
  const step = () =>
    tf.tidy(() => {
      const { grads } = tf.variableGrads(() => {
        const [o, w] = fusedAttention(q, kv, kv, { batch: B, heads: H, bias, dropoutMask: mult });
        return o.sum().add(w!.sum()) as tf.Scalar;
      }, [q, kv]);
      Object.values(grads).forEach((g) => g.dataSync());
    });
  step();
  const before = tf.memory().numTensors;
  step();
  assertEquals(tf.memory().numTensors, before);
  tf.dispose([q, kv, mult, bias]);
});

Deno.test("fused attention: bad arguments are named", () => {
  const q = tf.zeros([6, 8]), k = tf.zeros([10, 8]);
  assertThrows(() => fusedAttention(q, k, k, { batch: 0, heads: 2 }), ValueError, "batch");
  assertThrows(() => fusedAttention(q, k, k, { batch: 2, heads: 1.5 }), ValueError, "heads");
  assertThrows(
    () => fusedAttention(q, k, k, { batch: 4, heads: 2 }),
    ShapeError,
    "q has shape [6,8]",
  );
  assertThrows(
    () => fusedAttention(q, k, k, { batch: 2, heads: 3 }),
    ShapeError,
    "divisible by heads 3",
  );
  assertThrows(
    () => fusedAttention(q, k, k, { batch: 2, heads: 2, bias: tf.zeros([2, 1, 5]) }),
    ShapeError,
    "bias has shape [2,1,5]",
  );
  assertThrows(
    () => fusedAttention(q, k, k, { batch: 2, heads: 2, dropoutMask: tf.zeros([2, 2, 3, 4]) }),
    ShapeError,
    "dropoutMask has shape [2,2,3,4], expected [2,2,3,5]",
  );
});
