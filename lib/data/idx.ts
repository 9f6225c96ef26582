/**
 * The IDX binary format of MNIST and Fashion-MNIST (LeCun et al.): a 4-byte magic number
 * `0x00 0x00 <type> <ndims>`, then ndims big-endian uint32 sizes, then the values row-major,
 * big-endian. Labels are `0x00000801` (ubyte, 1-D), images `0x00000803` (ubyte, 3-D).
 *
 * @module
 */
import { ShapeError, ValueError } from "../core/errors.ts";

/** The element types IDX can declare, by type code. */
const TYPES = {
  0x08: { name: "ubyte", size: 1 },
  0x09: { name: "byte", size: 1 },
  0x0b: { name: "short", size: 2 },
  0x0c: { name: "int", size: 4 },
  0x0d: { name: "float", size: 4 },
  0x0e: { name: "double", size: 8 },
} as const;

/** The typed array matching each IDX element type. */
export type IdxData =
  | Uint8Array
  | Int8Array
  | Int16Array
  | Int32Array
  | Float32Array
  | Float64Array;

/** A parsed IDX file: its dimensions and its values in row-major order. */
export interface IdxArray {
  /** e.g. [60000, 28, 28] for the training images */
  dims: number[];
  /** Element type name: ubyte, byte, short, int, float or double. */
  type: string;
  /** product(dims) values, row-major */
  data: IdxData;
}

function hex(n: number): string {
  return `0x${n.toString(16).padStart(8, "0")}`;
}

/**
 * Parses IDX bytes (already decompressed).
 *
 * @param bytes the whole file
 * @param source what to call it in error messages
 * @example
 * ```ts
 * import { parseIdx } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * // magic 0x00000801 (ubyte, 1-D), dimension 3 (big-endian), then the values
 * const labels = parseIdx(new Uint8Array([0, 0, 8, 1, 0, 0, 0, 3, 7, 2, 1]));
 * assertEquals([labels.type, labels.dims, Array.from(labels.data)], ["ubyte", [3], [7, 2, 1]]);
 * ```
 */
export function parseIdx(bytes: Uint8Array, source = "IDX data"): IdxArray {
  if (bytes.length < 4) {
    throw new ShapeError(
      `${source} is truncated: ${bytes.length} bytes, fewer than the 4-byte magic number.`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = view.getUint32(0, false);
  const typeCode = bytes[2], ndims = bytes[3];
  const type = TYPES[typeCode as keyof typeof TYPES];
  if (bytes[0] !== 0 || bytes[1] !== 0 || type === undefined || ndims === 0) {
    throw new ValueError(
      `${source} is not an IDX file: magic number ${hex(magic)}, expected 0x000008NN (labels ` +
        `0x00000801, images 0x00000803) or another IDX type 0x09/0x0B/0x0C/0x0D/0x0E with ` +
        `1..255 dimensions. A gzip file must be decompressed first (readIdxFile does that).`,
    );
  }
  const headerBytes = 4 + 4 * ndims;
  if (bytes.length < headerBytes) {
    throw new ShapeError(
      `${source} is truncated: the header declares ${ndims} dimensions (${headerBytes} bytes), ` +
        `but the file has ${bytes.length} bytes.`,
    );
  }
  const dims = Array.from({ length: ndims }, (_, i) => view.getUint32(4 + 4 * i, false));
  const count = dims.reduce((a, b) => a * b, 1);
  const expected = headerBytes + count * type.size;
  if (bytes.length !== expected) {
    throw new ShapeError(
      `${source} ${bytes.length < expected ? "is truncated" : "has trailing bytes"}: dims ` +
        `${
          dims.join("×")
        } of ${type.name} need ${expected} bytes in all, but it has ${bytes.length}.`,
    );
  }
  return { dims, type: type.name, data: readValues(view, headerBytes, count, typeCode) };
}

function readValues(view: DataView, offset: number, count: number, typeCode: number): IdxData {
  switch (typeCode) {
    case 0x08:
      return new Uint8Array(
        view.buffer.slice(view.byteOffset + offset, view.byteOffset + offset + count),
      );
    case 0x09:
      return new Int8Array(
        view.buffer.slice(view.byteOffset + offset, view.byteOffset + offset + count),
      );
    case 0x0b: {
      const out = new Int16Array(count);
      for (let i = 0; i < count; i++) out[i] = view.getInt16(offset + 2 * i, false);
      return out;
    }
    case 0x0c: {
      const out = new Int32Array(count);
      for (let i = 0; i < count; i++) out[i] = view.getInt32(offset + 4 * i, false);
      return out;
    }
    case 0x0d: {
      const out = new Float32Array(count);
      for (let i = 0; i < count; i++) out[i] = view.getFloat32(offset + 4 * i, false);
      return out;
    }
    default: {
      const out = new Float64Array(count);
      for (let i = 0; i < count; i++) out[i] = view.getFloat64(offset + 8 * i, false);
      return out;
    }
  }
}

/** Whether the bytes start with the gzip magic number 1f 8b. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Decompresses gzip bytes with the web-standard `DecompressionStream`. */
export async function gunzip(bytes: Uint8Array, source = "gzip data"): Promise<Uint8Array> {
  try {
    const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream()
      .pipeThrough(new DecompressionStream("gzip"));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch (error) {
    throw new ValueError(`${source} is not valid gzip: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/**
 * Reads an IDX file from disk, gunzipping it first when it is gzip-compressed (`.gz`).
 *
 * @example
 * ```ts
 * import { readIdxFile } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * // a gzipped 2×2 ubyte image (magic 0x00000803 would be 3-D; 0x00000802 is 2-D)
 * const raw = new Uint8Array([0, 0, 8, 2, 0, 0, 0, 2, 0, 0, 0, 2, 0, 64, 128, 255]);
 * const gz = await new Response(
 *   new Blob([raw]).stream().pipeThrough(new CompressionStream("gzip")),
 * ).bytes();
 * const path = await Deno.makeTempFile({ suffix: ".gz" });
 * await Deno.writeFile(path, gz);
 * const image = await readIdxFile(path); // gzip is detected from the bytes
 * assertEquals([image.dims, Array.from(image.data)], [[2, 2], [0, 64, 128, 255]]);
 * await Deno.remove(path);
 * ```
 */
export async function readIdxFile(path: string | URL): Promise<IdxArray> {
  const source = String(path);
  let bytes: Uint8Array = await Deno.readFile(path);
  if (isGzip(bytes)) bytes = await gunzip(bytes, source);
  return parseIdx(bytes, source);
}
