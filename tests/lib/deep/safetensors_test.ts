/** safetensors: PyTorch-written files of every dtype, round trips, truncated and lying files. */
import { assertEquals, assertThrows } from "@std/assert";
import {
  readSafetensors,
  readSafetensorsHeader,
  tf,
  ValueError,
  writeSafetensors,
} from "../../../lib/mod.ts";

const fixture = (name: string) =>
  Deno.readFileSync(new URL(`../../fixtures/deep/${name}.safetensors`, import.meta.url));

Deno.test("reads PyTorch's F32, F16, BF16, F64, I64 and U8 tensors", () => {
  const bytes = fixture("dtypes");
  const h = readSafetensorsHeader(bytes);
  assertEquals(h.metadata, { format: "pt" });
  assertEquals(h.tensors.bf16.dtype, "BF16");
  const t = readSafetensors(bytes);
  const vals = [[0.5, -1.25, 3], [1024, -0.0078125, 65504]];
  assertEquals(t.f32.arraySync(), vals);
  assertEquals(t.f16.arraySync(), vals);
  assertEquals(t.f64.arraySync(), vals);
  assertEquals(t.bf16.arraySync(), [[0.5, -1.25, 3], [1024, -0.0078125, 256]]);
  assertEquals(t.i64.dtype, "int32");
  assertEquals(t.i64.arraySync(), [[1, -2, 3], [2147483647, -2147483648, 0]]);
  assertEquals(t.u8.arraySync(), [0, 7, 255]);
  Object.values(t).forEach((x) => x.dispose());
});

Deno.test("write then read: F32 exact, F16/BF16 rounded to nearest, ints as I64, metadata kept", () => {
  const x = tf.tensor2d([[1 / 3, -2.5e-3], [7, 70000]]);
  const ids = tf.tensor1d([3, -4], "int32");
  const back = readSafetensors(writeSafetensors({ x, ids }));
  assertEquals(back.x.dataSync(), x.dataSync());
  assertEquals(back.ids.arraySync(), [3, -4]);
  const bytes = writeSafetensors({ x, ids }, { dtype: "F16", metadata: { a: "b" } });
  const h = readSafetensorsHeader(bytes);
  assertEquals(h.dataStart % 8, 0);
  assertEquals([h.tensors.x.dtype, h.tensors.ids.dtype, h.metadata.a], ["F16", "I64", "b"]);
  // 1/3 in binary16 is 0.333251953125; 70000 overflows to Infinity
  assertEquals(Array.from(readSafetensors(bytes).x.dataSync()), [
    0.333251953125,
    -0.0025005340576171875,
    7,
    Infinity,
  ]);
  // values from torch.tensor([1/3, -2.5e-3, 7, 70000.]).bfloat16() and .half()
  const bf = readSafetensors(writeSafetensors({ x }, { dtype: "BF16" })).x.dataSync();
  assertEquals(Array.from(bf), [0.333984375, -0.00250244140625, 7, 70144]);
});

Deno.test("bad files: truncated, header lying about sizes, not JSON, int64 out of range", () => {
  const good = writeSafetensors({ w: tf.ones([4]) });
  assertThrows(
    () => readSafetensors(good.subarray(0, 5)),
    ValueError,
    "fewer than the 8-byte header length",
  );
  assertThrows(
    () => readSafetensors(good.subarray(0, 20)),
    ValueError,
    "truncated: the header claims",
  );
  assertThrows(
    () => readSafetensors(good.subarray(0, good.length - 4)),
    ValueError,
    "ends at byte 16 of the data, which has 12",
  );
  const lie = (header: string) => {
    const h = new TextEncoder().encode(header);
    const b = new Uint8Array(8 + h.length + 16);
    new DataView(b.buffer).setBigUint64(0, BigInt(h.length), true);
    b.set(h, 8);
    return b;
  };
  assertThrows(
    () => readSafetensors(lie('{"w":{"dtype":"F32","shape":[5],"data_offsets":[0,16]}}')),
    ValueError,
    "header lies about 'w': shape [5] of F32 needs 20 bytes",
  );
  assertThrows(() => readSafetensors(lie("{nope")), ValueError, "not valid JSON");
  const big = lie('{"i":{"dtype":"I64","shape":[1],"data_offsets":[0,8]}}');
  new DataView(big.buffer).setBigInt64(big.length - 16, 1n << 40n, true);
  assertThrows(() => readSafetensors(big), ValueError, "outside int32");
});
