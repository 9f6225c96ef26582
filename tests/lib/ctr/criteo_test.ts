import { assert, assertAlmostEquals, assertEquals, assertThrows } from "@std/assert";
import {
  concatBatches,
  type CriteoBatch,
  FeatureSpace,
  HashColumn,
  makeCriteoLines,
  MultiValuedColumn,
  NumericColumn,
  parseCriteo,
  readCriteo,
  VocabularyColumn,
  writeCriteoData,
} from "../../../lib/ctr/mod.ts";
import { referenceParse } from "./criteo_reference.ts";

const row = (label: string, extra: string[] = []) =>
  [label, "3", ...Array(12).fill(""), "abc", ...Array(25).fill("z"), ...extra].join("\t");

Deno.test("parseCriteo reads labels, missing dense as NaN, strings, optional probability", () => {
  const [b] = parseCriteo(row("1") + "\n" + row("0") + "\n", "t.txt");
  assertEquals(b.rows, 2);
  assertEquals(Array.from(b.labels), [1, 0]);
  assertEquals(b.dense[0], 3);
  assert(Number.isNaN(b.dense[1]));
  assertEquals(b.categorical[0], "abc");
  assertEquals(b.probability, null);
  const [c] = parseCriteo(row("1", ["0.25"]), "p.txt");
  assertEquals(c.probability![0], 0.25);
});

Deno.test("bad rows name the file and line and never shift columns", () => {
  const good = row("1");
  assertThrows(() => parseCriteo(good + "\n" + good.slice(0, -2), "f.txt"), Error, "f.txt:2");
  assertThrows(() => parseCriteo(good + "\nx\t1", "f.txt"), Error, "expected 40 tab-separated");
  assertThrows(
    () => parseCriteo(row("2"), "f.txt"),
    Error,
    'f.txt:1: the label must be 0 or 1. Got "2"',
  );
  assertThrows(
    () => parseCriteo(good.replace("\t3\t", "\tab\t"), "f.txt"),
    Error,
    'I1 must be a number. Got "ab"',
  );
  assertThrows(() => parseCriteo("\n\n", "empty.txt"), Error, "empty.txt: the file has no rows");
  assertThrows(
    () => parseCriteo(row("1", ["1.5"]), "f.txt"),
    Error,
    "probability must be in [0, 1]",
  );
});

Deno.test("readCriteo streams batches equal to the in-memory parse; empty file errors", async () => {
  const path = await Deno.makeTempFile();
  await writeCriteoData(path, { rows: 257, seed: 3 });
  const batches = [];
  for await (const b of readCriteo(path, { batchSize: 100 })) batches.push(b);
  assertEquals(batches.map((b) => b.rows), [100, 100, 57]);
  assertEquals(batches[1].firstLine, 101);
  const all = concatBatches(batches);
  const ref = parseCriteo(await Deno.readTextFile(path), "x")[0];
  assertEquals(all.categorical, ref.categorical);
  assertEquals(Array.from(all.probability!), Array.from(ref.probability!));
  await Deno.writeTextFile(path, "");
  await assertRejectsMsg(async () => {
    for await (const _ of readCriteo(path)) { /* nothing */ }
  }, "the file has no rows");
  await Deno.remove(path);
});

async function assertRejectsMsg(f: () => Promise<unknown>, msg: string) {
  try {
    await f();
  } catch (e) {
    assert((e as Error).message.includes(msg), (e as Error).message);
    return;
  }
  throw new Error("did not throw");
}

Deno.test("the generator is seeded; its probabilities are calibrated", () => {
  const a = makeCriteoLines({ rows: 2000, seed: 5 }), b = makeCriteoLines({ rows: 2000, seed: 5 });
  assertEquals(a, b);
  const [batch] = parseCriteo(a.join("\n"), "gen");
  let ps = 0, ys = 0;
  for (let i = 0; i < batch.rows; i++) {
    ps += batch.probability![i];
    ys += batch.labels[i];
  }
  assertAlmostEquals(ys / batch.rows, ps / batch.rows, 0.03);
  assert(makeCriteoLines({ rows: 5, seed: 5, rowSeed: 6 })[0] !== a[0]);
});

Deno.test("columns: hashing, vocabulary with OOV, log-square buckets, boundaries, multi-valued", () => {
  const h = new HashColumn("C1", 10);
  for (const s of ["a", "b", "68fd1e64"]) assert(h.id(s) >= 1 && h.id(s) < 10);
  const v = VocabularyColumn.fit("C2", ["x", "y", "x", ""], { minCount: 1 });
  assertEquals([v.id("x"), v.id("y"), v.id("new"), v.id("")], [2, 3, 1, 0]);
  const n = new NumericColumn("I1", { size: 10 });
  assertEquals([n.id(1), n.id(3), n.id(1e9)], [3, 2 + Math.floor(Math.log(3) ** 2), 9]);
  const b = new NumericColumn("I2", { boundaries: [0, 10] });
  assertEquals([b.id(-1), b.id(0), b.id(5), b.id(10), b.id(NaN), b.size], [2, 3, 3, 4, 0, 5]);
  assertEquals(Array.from(new MultiValuedColumn("t", 5, { maxValues: 2 }).ids("")), [0, 0]);
  assertThrows(() => new HashColumn("C", 1), Error, "buckets must be an integer >= 2");
});

Deno.test("FeatureSpace.encode offsets each field; unknown fields are errors", () => {
  const space = FeatureSpace.criteo({ hashBuckets: 20, denseSize: 8 });
  const [b] = parseCriteo(row("1"), "r");
  const ids = space.encode(b);
  assertEquals(ids.length, 39);
  assertEquals(ids[0], 0 + new NumericColumn("I1", { size: 8 }).id(3));
  assertEquals(ids[1], 8); // I2 missing → its block's id 0
  assertEquals(ids[13], 13 * 8 + new HashColumn("C1", 20).id("abc"));
  assertThrows(() => space.encodeRecords([{ I1: 1, C99: "x" }]), Error, 'Unknown field "C99"');
});

// edge cases of the byte-level parser: negative, decimal, exponent and padded integers, CRLF,
// blank lines, a byte-order mark, non-ASCII and "NaN" categorical values
function edgeText(): string {
  const line = (label: string, dense: string[], cats: string[], p: string) =>
    [label, ...dense, ...cats, p].join("\t");
  const dense = [
    "-3",
    "1.5",
    "1e3",
    " 7",
    "0",
    "",
    "123456789012345678",
    "-0",
    "4",
    "",
    "9",
    "8",
    "7",
  ];
  const cats = ["é", "NaN", "", "68fd1e64", "ab\u4e2dc", ...Array(21).fill("z")];
  return "\ufeff" + line("1", dense, cats, "0.123457") + "\r\n\n" +
    line("0", dense.slice().reverse(), cats.slice().reverse(), "1") + "\n" +
    line("0", dense, cats, "0.000001") + "\n" + line("1", dense, cats, "1.000000");
}

function sameRows(batches: CriteoBatch[], text: string): void {
  const ref = referenceParse(text.replace(/^\ufeff/, ""));
  const all = concatBatches(batches);
  assertEquals(Array.from(all.labels), ref.labels);
  assertEquals(all.dense.length, ref.dense.length);
  for (let i = 0; i < ref.dense.length; i++) {
    assert(Object.is(all.dense[i], ref.dense[i]), `dense ${i}: ${all.dense[i]} vs ${ref.dense[i]}`);
  }
  assertEquals(all.categorical, ref.categorical);
  if (ref.probability) {
    for (let i = 0; i < ref.probability.length; i++) {
      assert(Object.is(all.probability![i], ref.probability[i]), `probability ${i}`);
    }
  }
  // hashing from the reader's hashes gives the ids that hashing the strings gives
  const space = FeatureSpace.criteo({ hashBuckets: 997 });
  const { categoricalHash: _, ...plain } = all;
  assertEquals(space.encode(all), space.encode({ ...plain, categorical: all.categorical }));
}

Deno.test("the byte-level reader gives the reference parser's values on edge cases", async () => {
  const text = edgeText(); // a file's byte-order mark is dropped; in a string it is text
  sameRows(parseCriteo(text.slice(1), "edge"), text);
  const path = await Deno.makeTempFile();
  await Deno.writeTextFile(path, text);
  const batches = [];
  for await (const b of readCriteo(path, { batchSize: 3 })) batches.push(b);
  sameRows(batches, text);
  await Deno.remove(path);
});

Deno.test("readCriteo over several 1 MiB chunks equals the reference; memory stays bounded", async () => {
  const path = await Deno.makeTempFile();
  await writeCriteoData(path, { rows: 12000, seed: 5 }); // ≈ 3.6 MB: lines cross chunk ends
  const text = await Deno.readTextFile(path);
  const batches = [];
  for await (const b of readCriteo(path, { batchSize: 5000 })) batches.push(b);
  assertEquals(batches.map((b) => b.rows), [5000, 5000, 2000]);
  sameRows(batches, text);
  // 60 000 rows (≈ 16 MB) read batch by batch without keeping them: the heap grows by less than
  // what the parsed rows take (hashes 12.5 MB + ids, dense values and bytes ≈ 39 MB in all)
  await writeCriteoData(path, { rows: 60000, seed: 6 });
  const start = Deno.memoryUsage().heapUsed;
  let peak = 0, rows = 0;
  for await (const b of readCriteo(path, { batchSize: 4096 })) {
    rows += b.rows;
    peak = Math.max(peak, Deno.memoryUsage().heapUsed - start);
  }
  assertEquals(rows, 60000);
  assert(peak < 24e6, `heap grew by ${peak} bytes`);
  await Deno.remove(path);
});
