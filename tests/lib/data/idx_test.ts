import { assertEquals, assertRejects, assertThrows } from "@std/assert";
import { ShapeError, ValueError } from "../../../lib/core/errors.ts";
import {
  FASHION_MNIST_CLASSES,
  gunzip,
  loadFashionMnist,
  parseIdx,
  readIdxFile,
} from "../../../lib/data/mod.ts";

const SIZES: Record<number, number> = { 0x08: 1, 0x09: 1, 0x0b: 2, 0x0c: 4, 0x0d: 4, 0x0e: 8 };

/** Writes IDX bytes by the format's definition: magic, big-endian dims, big-endian values. */
function idx(typeCode: number, dims: number[], values: number[]): Uint8Array {
  const size = SIZES[typeCode];
  const bytes = new Uint8Array(4 + 4 * dims.length + size * values.length);
  const view = new DataView(bytes.buffer);
  bytes[2] = typeCode;
  bytes[3] = dims.length;
  dims.forEach((d, i) => view.setUint32(4 + 4 * i, d, false));
  const at = 4 + 4 * dims.length;
  values.forEach((v, i) => {
    const o = at + size * i;
    if (typeCode === 0x08) view.setUint8(o, v);
    else if (typeCode === 0x09) view.setInt8(o, v);
    else if (typeCode === 0x0b) view.setInt16(o, v, false);
    else if (typeCode === 0x0c) view.setInt32(o, v, false);
    else if (typeCode === 0x0d) view.setFloat32(o, v, false);
    else view.setFloat64(o, v, false);
  });
  return bytes;
}

async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream()
    .pipeThrough(new CompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

Deno.test("parseIdx reads label (0x801) and image (0x803) files", () => {
  const labels = parseIdx(idx(0x08, [4], [9, 0, 3, 255]));
  assertEquals(labels.dims, [4]);
  assertEquals(labels.type, "ubyte");
  assertEquals([...labels.data], [9, 0, 3, 255]);
  const pixels = Array.from({ length: 2 * 3 * 2 }, (_, i) => i * 20);
  const images = parseIdx(idx(0x08, [2, 3, 2], pixels));
  assertEquals(images.dims, [2, 3, 2]);
  assertEquals([...images.data], pixels);
  assertEquals(images.data instanceof Uint8Array, true);
});

Deno.test("parseIdx decodes every IDX element type big-endian", () => {
  const cases: [number, string, number[]][] = [
    [0x09, "byte", [-128, -1, 0, 127]],
    [0x0b, "short", [-32768, -2, 258, 32767]],
    [0x0c, "int", [-2147483648, -3, 16909060, 2147483647]],
    [0x0d, "float", [-1.5, 0, 0.25, 3e38]],
    [0x0e, "double", [-Math.PI, 0, 1e-300, 1.7976931348623157e308]],
  ];
  for (const [code, type, values] of cases) {
    const parsed = parseIdx(idx(code, [2, 2], values));
    assertEquals(parsed.type, type);
    assertEquals(parsed.dims, [2, 2]);
    assertEquals([...parsed.data], code === 0x0d ? values.map(Math.fround) : values);
  }
});

Deno.test("parseIdx works on a view into a larger buffer", () => {
  const inner = idx(0x08, [3], [7, 8, 9]);
  const outer = new Uint8Array(inner.length + 5);
  outer.set(inner, 5);
  assertEquals([...parseIdx(outer.subarray(5)).data], [7, 8, 9]);
});

Deno.test("parseIdx rejects wrong magic numbers, naming what it saw", () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]);
  assertThrows(
    () => parseIdx(png, "img.png"),
    ValueError,
    "img.png is not an IDX file: magic number 0x89504e47",
  );
  const unknownType = idx(0x08, [1], [1]);
  unknownType[2] = 0x0a;
  assertThrows(() => parseIdx(unknownType), ValueError, "magic number 0x00000a01");
  assertThrows(() => parseIdx(new Uint8Array([0, 0, 8, 0])), ValueError, "0x00000800");
  const gz = new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0]);
  assertThrows(() => parseIdx(gz), ValueError, "must be decompressed first");
});

Deno.test("parseIdx rejects truncated headers, truncated data and trailing bytes", () => {
  assertThrows(() => parseIdx(new Uint8Array([0, 0, 8])), ShapeError, "fewer than the 4-byte");
  assertThrows(
    () => parseIdx(idx(0x08, [2, 2, 2], new Array(8).fill(1)).slice(0, 10), "x"),
    ShapeError,
    "x is truncated: the header declares 3 dimensions (16 bytes), but the file has 10 bytes.",
  );
  const full = idx(0x08, [60, 28, 28], new Array(60 * 784).fill(0));
  assertThrows(
    () => parseIdx(full.slice(0, full.length - 1), "train-images"),
    ShapeError,
    "train-images is truncated: dims 60×28×28 of ubyte need 47056 bytes in all, but it has 47055.",
  );
  const longer = new Uint8Array(full.length + 2);
  longer.set(full);
  assertThrows(() => parseIdx(longer), ShapeError, "has trailing bytes");
  assertThrows(
    () => parseIdx(idx(0x0e, [2], [1, 2]).slice(0, 20)),
    ShapeError,
    "dims 2 of double need 24 bytes",
  );
});

Deno.test("readIdxFile and gunzip handle gzip-compressed files", async () => {
  const raw = idx(0x08, [3, 2, 2], Array.from({ length: 12 }, (_, i) => i));
  const dir = await Deno.makeTempDir();
  try {
    await Deno.writeFile(`${dir}/a.gz`, await gzip(raw));
    await Deno.writeFile(`${dir}/a`, raw);
    assertEquals(await readIdxFile(`${dir}/a.gz`), await readIdxFile(`${dir}/a`));
    const broken = (await gzip(raw)).slice(0, 15);
    await assertRejects(() => gunzip(broken, "bad.gz"), ValueError, "bad.gz is not valid gzip");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

/** A fake Fashion-MNIST split of n 4×3 images whose pixels encode (image, position). */
async function writeSplit(dir: string, prefix: string, n: number, gz: boolean) {
  const labels = Array.from({ length: n }, (_, i) => (i * 7) % 10);
  const pixels = Array.from({ length: n * 12 }, (_, i) => (Math.floor(i / 12) * 16 + i % 12) % 256);
  const write = async (name: string, bytes: Uint8Array) =>
    gz
      ? await Deno.writeFile(`${dir}/${name}.gz`, await gzip(bytes))
      : await Deno.writeFile(`${dir}/${name}`, bytes);
  await write(`${prefix}-labels-idx1-ubyte`, idx(0x08, [n], labels));
  await write(`${prefix}-images-idx3-ubyte`, idx(0x08, [n, 4, 3], pixels));
  return { labels, pixels };
}

Deno.test("loadFashionMnist reads both splits, gzipped or not, and honours limit", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const train = await writeSplit(dir, "train", 6, true);
    const test = await writeSplit(dir, "t10k", 3, false);
    const data = await loadFashionMnist(dir);
    assertEquals([data.nSamples, data.height, data.width], [6, 4, 3]);
    assertEquals([...data.labels], train.labels);
    assertEquals([...data.images], train.pixels);
    assertEquals(data.classNames, [...FASHION_MNIST_CLASSES]);
    assertEquals(data.classNames[9], "ankle boot");

    const first = await loadFashionMnist(dir, { limit: 2 });
    assertEquals(first.nSamples, 2);
    assertEquals([...first.images], train.pixels.slice(0, 24));
    assertEquals([...first.labels], train.labels.slice(0, 2));

    const t = await loadFashionMnist(dir, { split: "test", limit: 100 });
    assertEquals(t.nSamples, 3);
    assertEquals([...t.labels], test.labels);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("loadFashionMnist explains missing files and rejects inconsistent ones", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await assertRejects(
      () => loadFashionMnist(dir),
      ValueError,
      `train-labels-idx1-ubyte(.gz) is not in ${dir}. Download the Fashion-MNIST files ` +
        "(train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz, " +
        "t10k-labels-idx1-ubyte.gz) from https://github.com/zalandoresearch/fashion-mnist",
    );
    await assertRejects(() => loadFashionMnist(dir, { limit: 0 }), ValueError, "'limit' option");
    await assertRejects(
      // deno-lint-ignore no-explicit-any
      () => loadFashionMnist(dir, { split: "valid" as any }),
      ValueError,
      `The 'split' option must be one of "train", "test". Got "valid" instead.`,
    );

    await Deno.writeFile(`${dir}/train-labels-idx1-ubyte`, idx(0x08, [5], [0, 1, 2, 3, 4]));
    await Deno.writeFile(`${dir}/train-images-idx3-ubyte`, idx(0x08, [4, 1, 1], [0, 0, 0, 0]));
    await assertRejects(
      () => loadFashionMnist(dir),
      ShapeError,
      "train-labels-idx1-ubyte has 5 labels, but train-images-idx3-ubyte has 4 images.",
    );
    await Deno.writeFile(`${dir}/train-images-idx3-ubyte`, idx(0x08, [5], [0, 0, 0, 0, 0]));
    await assertRejects(
      () => loadFashionMnist(dir),
      ValueError,
      "train-images-idx3-ubyte must be 3-D ubyte images (magic 0x00000803). Got 1-D ubyte.",
    );
    await Deno.writeFile(`${dir}/train-images-idx3-ubyte`, idx(0x08, [5, 1, 1], [0, 0, 0, 0, 0]));
    await Deno.writeFile(`${dir}/train-labels-idx1-ubyte`, idx(0x08, [5], [0, 1, 12, 3, 4]));
    await assertRejects(
      () => loadFashionMnist(dir),
      ValueError,
      "label 12 at index 2 is not 0..9.",
    );
    await Deno.writeFile(`${dir}/train-labels-idx1-ubyte`, idx(0x0c, [5], [0, 1, 2, 3, 4]));
    await assertRejects(
      () => loadFashionMnist(dir),
      ValueError,
      "must be 1-D ubyte labels (magic 0x00000801). Got 1-D int.",
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
