import { assertEquals, assertNotEquals, assertThrows } from "@std/assert";
import { augmentBatch, type AugmentDraw, Random } from "../../../lib/mod.ts";

const C = 2, H = 5, W = 6;
/** n images with distinct values: x[k, c, i, j] = 1000k + 100c + 10i + j + 1 (no zeros). */
function batch(n: number): Float32Array {
  const x = new Float32Array(n * C * H * W);
  for (let k = 0; k < n; k++) {
    for (let c = 0; c < C; c++) {
      for (let i = 0; i < H; i++) {
        for (let j = 0; j < W; j++) {
          x[((k * C + c) * H + i) * W + j] = 1000 * k + 100 * c + 10 * i + j + 1;
        }
      }
    }
  }
  return x;
}
const at = (x: Float32Array, k: number, c: number, i: number, j: number) =>
  x[((k * C + c) * H + i) * W + j];

Deno.test("augmentBatch: same seed, same batch; another seed, another batch; input untouched", () => {
  const x = batch(16), copy = x.slice();
  const a = augmentBatch(x, [C, H, W], new Random(3), { padding: 2 });
  const b = augmentBatch(x, [C, H, W], new Random(3), { padding: 2 });
  const c = augmentBatch(x, [C, H, W], new Random(4), { padding: 2 });
  assertEquals(a, b);
  assertNotEquals(a, c);
  assertEquals(x, copy);
  assertEquals(a.length, x.length);
});

Deno.test("augmentBatch: each crop is the padded image's window at the drawn offset, flips mirror it", () => {
  const n = 40, p = 2, x = batch(n);
  const draws: AugmentDraw[] = [];
  const y = augmentBatch(x, [C, H, W], new Random(0), { padding: p, flip: true }, draws);
  assertEquals(draws.length, n);
  // all 25 offsets and both flips are possible; 40 draws should show several of each
  assertEquals(new Set(draws.map((d) => `${d.dy},${d.dx}`)).size > 10, true);
  assertEquals(draws.some((d) => d.flip) && draws.some((d) => !d.flip), true);
  for (let k = 0; k < n; k++) {
    const { dy, dx, flip } = draws[k];
    for (let c = 0; c < C; c++) {
      // build the zero-padded image explicitly, cut the H × W window at (dy, dx), then mirror it
      const padded = Array.from({ length: H + 2 * p }, () => new Array(W + 2 * p).fill(0));
      for (let i = 0; i < H; i++) {
        for (let j = 0; j < W; j++) padded[i + p][j + p] = at(x, k, c, i, j);
      }
      const window = padded.slice(dy, dy + H).map((r) => r.slice(dx, dx + W));
      const want = flip ? window.map((r) => r.reverse()) : window;
      const got = Array.from(
        { length: H },
        (_, i) => Array.from({ length: W }, (_, j) => at(y, k, c, i, j)),
      );
      assertEquals(got, want, `image ${k} (${dy}, ${dx}, flip ${flip}), channel ${c}`);
    }
  }
});

Deno.test("augmentBatch: a flip alone reverses every row; padding 0 and no flip is the identity", () => {
  const x = batch(3);
  const draws: AugmentDraw[] = [];
  const y = augmentBatch(x, [C, H, W], new Random(1), { padding: 0 }, draws);
  for (let k = 0; k < 3; k++) {
    const row = Array.from({ length: W }, (_, j) => at(x, k, 1, 2, j));
    const got = Array.from({ length: W }, (_, j) => at(y, k, 1, 2, j));
    assertEquals(got, draws[k].flip ? row.reverse() : row);
  }
  assertEquals(augmentBatch(x, [C, H, W], new Random(1), { padding: 0, flip: false }), x);
});

Deno.test("augmentBatch: a centred crop keeps the image; a shift by one moves it by one pixel", () => {
  // with padding 1 the offset (1, 1) is the identity and (2, 1) moves content up one row
  const x = batch(1);
  let found = 0;
  for (let seed = 0; seed < 200 && found < 2; seed++) {
    const draws: AugmentDraw[] = [];
    const y = augmentBatch(x, [C, H, W], new Random(seed), { padding: 1, flip: false }, draws);
    const { dy, dx } = draws[0];
    if (dy === 1 && dx === 1) {
      assertEquals(y, x);
      found++;
    }
    if (dy === 2 && dx === 1) {
      assertEquals(at(y, 0, 0, 0, 3), at(x, 0, 0, 1, 3));
      assertEquals(at(y, 0, 0, H - 1, 3), 0); // the padded bottom row
      found++;
    }
  }
  assertEquals(found >= 1, true);
});

Deno.test("augmentBatch: bad shapes and options name the argument", () => {
  assertThrows(
    () => augmentBatch(new Float32Array(7), [1, 2, 2], new Random(0)),
    Error,
    "not a multiple of C·H·W = 4",
  );
  assertThrows(
    () => augmentBatch(new Float32Array(4), [1, 2, 2], new Random(0), { padding: -1 }),
    Error,
    "padding must be an integer >= 0",
  );
  assertThrows(() => augmentBatch(new Float32Array(4), [0, 2, 2], new Random(0)), Error, "shape");
});
