import {
  assertAlmostEquals,
  assertEquals,
  assertLess,
  assertNotEquals,
  assertThrows,
} from "@std/assert";
import { Random, trainTestSplit, ValueError } from "../../../lib/core/mod.ts";

function moments(xs: ArrayLike<number>) {
  let m = 0;
  for (let i = 0; i < xs.length; i++) m += xs[i];
  m /= xs.length;
  let v = 0;
  for (let i = 0; i < xs.length; i++) v += (xs[i] - m) ** 2;
  return { mean: m, variance: v / xs.length };
}

Deno.test("same seed, same stream; different seeds differ", () => {
  assertEquals(new Random(42).uniformArray(5), new Random(42).uniformArray(5));
  assertNotEquals(new Random(42).uniformArray(5), new Random(43).uniformArray(5));
  assertThrows(() => new Random(1.5), ValueError, "'seed'");
});

Deno.test("uniform and normal have the right moments", () => {
  const rng = new Random(1);
  const u = moments(rng.uniformArray(100_000, 2, 4));
  assertAlmostEquals(u.mean, 3, 0.01);
  assertAlmostEquals(u.variance, 4 / 12, 0.01);
  const z = moments(rng.normalArray(100_000, 1, 2));
  assertAlmostEquals(z.mean, 1, 0.02);
  assertAlmostEquals(z.variance, 4, 0.05);
  const g = moments(Array.from({ length: 50_000 }, () => rng.gamma(0.5, 2)));
  assertAlmostEquals(g.mean, 1, 0.03); // shape · scale
  assertAlmostEquals(g.variance, 2, 0.1); // shape · scale²
});

Deno.test("int is unbiased, permutation and choice are valid", () => {
  const rng = new Random(3);
  const counts = new Array(6).fill(0);
  for (let i = 0; i < 60_000; i++) counts[rng.int(6)]++;
  for (const c of counts) assertLess(Math.abs(c - 10_000), 400);
  assertEquals([...rng.permutation(10)].sort((a, b) => a - b), [...Array(10).keys()]);
  const noReplace = rng.choice(10, 10, { replace: false });
  assertEquals(new Set(noReplace).size, 10);
  const weighted = rng.choice(3, 30_000, { p: [0.2, 0, 0.8] });
  const freq = [0, 0, 0];
  for (const i of weighted) freq[i]++;
  assertEquals(freq[1], 0);
  assertAlmostEquals(freq[0] / 30_000, 0.2, 0.01);
  assertThrows(() => rng.choice(3, 4, { replace: false }), ValueError);
  assertThrows(() => rng.int(0), ValueError);
});

Deno.test("trainTestSplit: sizes, disjoint parts, seeded, stratified", () => {
  const X = Array.from({ length: 20 }, (_, i) => [i]);
  const y = Array.from({ length: 20 }, (_, i) => (i < 15 ? 0 : 1));
  const s = trainTestSplit(X, y, { testSize: 0.25, seed: 1 });
  assertEquals([s.XTrain.length, s.XTest.length], [15, 5]);
  const all = [...s.XTrain, ...s.XTest].map((r) => r[0]).sort((a, b) => a - b);
  assertEquals(all, [...Array(20).keys()]);
  assertEquals(trainTestSplit(X, y, { seed: 1 }), trainTestSplit(X, y, { seed: 1 }));
  const strat = trainTestSplit(X, y, { testSize: 0.2, seed: 2, stratify: y });
  assertEquals(strat.yTest.filter((v) => v === 1).length, 1);
  assertEquals(strat.yTest.length, 4);
  assertThrows(() => trainTestSplit(X, y.slice(1)), Error, "y has 19 values");
  assertThrows(() => trainTestSplit(X, y, { testSize: 1.5 }), ValueError, "'testSize'");
});
