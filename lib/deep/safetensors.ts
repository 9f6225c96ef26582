/**
 * The safetensors format of Hugging Face and PyTorch: an unsigned 64-bit little-endian header
 * length N, N bytes of JSON `{ name: { dtype, shape, data_offsets: [begin, end] }, "__metadata__":
 * {...} }`, then the raw little-endian buffers (offsets count from the end of the header).
 *
 * @module
 */
import { ValueError } from "../core/mod.ts";
import { tf } from "./backend.ts";

/** The element types read and written. tfjs holds floats as float32 and integers as int32. */
export type SafetensorsDtype =
  | "F64"
  | "F32"
  | "F16"
  | "BF16"
  | "I64"
  | "I32"
  | "I16"
  | "I8"
  | "U8"
  | "BOOL";

const ITEM_SIZE: Record<SafetensorsDtype, number> = {
  F64: 8,
  F32: 4,
  F16: 2,
  BF16: 2,
  I64: 8,
  I32: 4,
  I16: 2,
  I8: 1,
  U8: 1,
  BOOL: 1,
};

/** One tensor's entry in the header. */
export interface SafetensorsEntry {
  /** The stored element type. */
  dtype: SafetensorsDtype;
  /** The shape. */
  shape: number[];
  /** [begin, end) byte offsets into the data section. */
  data_offsets: [number, number];
}

/** The parsed header: the entries by name, and the free-form string metadata. */
export interface SafetensorsHeader {
  /** Entries by tensor name. */
  tensors: Record<string, SafetensorsEntry>;
  /** `__metadata__`, string to string. */
  metadata: Record<string, string>;
  /** Byte offset of the data section in the file (8 + N). */
  dataStart: number;
}

/**
 * Parses and checks a safetensors header: the file must be long enough for the length field and
 * the header, each entry's byte range must equal its shape × item size and lie inside the file.
 */
export function readSafetensorsHeader(bytes: Uint8Array): SafetensorsHeader {
  if (!(bytes instanceof Uint8Array)) {
    throw new ValueError(`bytes must be a Uint8Array. Got ${typeof bytes} instead.`);
  }
  if (bytes.length < 8) {
    throw new ValueError(
      `safetensors file truncated: ${bytes.length} bytes, fewer than the 8-byte header length.`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = Number(view.getBigUint64(0, true));
  if (8 + n > bytes.length) {
    throw new ValueError(
      `safetensors file truncated: the header claims ${n} bytes but only ${
        bytes.length - 8
      } follow the length field.`,
    );
  }
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + n)));
  } catch (e) {
    throw new ValueError(`safetensors header is not valid JSON: ${(e as Error).message}`);
  }
  const dataStart = 8 + n, dataLength = bytes.length - dataStart;
  const tensors: Record<string, SafetensorsEntry> = {};
  let metadata: Record<string, string> = {};
  for (const [name, raw] of Object.entries(json)) {
    if (name === "__metadata__") {
      metadata = raw as Record<string, string>;
      continue;
    }
    const e = raw as SafetensorsEntry;
    if (!(e.dtype in ITEM_SIZE)) {
      throw new ValueError(`safetensors tensor '${name}' has unsupported dtype ${e.dtype}.`);
    }
    const numel = e.shape.reduce((a, b) => a * b, 1);
    const [begin, end] = e.data_offsets;
    if (end - begin !== numel * ITEM_SIZE[e.dtype]) {
      throw new ValueError(
        `safetensors header lies about '${name}': shape [${e.shape}] of ${e.dtype} needs ${
          numel * ITEM_SIZE[e.dtype]
        } bytes, data_offsets [${begin}, ${end}] give ${end - begin}.`,
      );
    }
    if (begin < 0 || end > dataLength) {
      throw new ValueError(
        `safetensors file truncated: '${name}' ends at byte ${end} of the data, which has ${dataLength} bytes.`,
      );
    }
    tensors[name] = e;
  }
  return { tensors, metadata, dataStart };
}

/**
 * Reads a safetensors file into tfjs tensors: F64/F32/F16/BF16 become float32, integers int32
 * (I64 values outside ±2³¹ are an error), BOOL bool. The caller owns (and disposes) the tensors.
 *
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { readSafetensors, tf, writeSafetensors } from "../mod.ts";
 *
 * const bytes = writeSafetensors({ w: tf.tensor2d([[1, 2], [3, 4]]) }, { dtype: "BF16" });
 * const back = readSafetensors(bytes);
 * assertEquals(back.w.arraySync(), [[1, 2], [3, 4]]);
 * ```
 */
export function readSafetensors(bytes: Uint8Array): Record<string, tf.Tensor> {
  const { tensors, dataStart } = readSafetensorsHeader(bytes);
  const out: Record<string, tf.Tensor> = {};
  for (const [name, e] of Object.entries(tensors)) {
    const start = dataStart + e.data_offsets[0];
    const raw = bytes.slice(start, dataStart + e.data_offsets[1]);
    const view = new DataView(raw.buffer);
    const numel = e.shape.reduce((a, b) => a * b, 1);
    let values: Float32Array | Int32Array | Uint8Array;
    switch (e.dtype) {
      case "F32":
        values = new Float32Array(numel);
        for (let i = 0; i < numel; i++) values[i] = view.getFloat32(4 * i, true);
        break;
      case "F64":
        values = new Float32Array(numel);
        for (let i = 0; i < numel; i++) values[i] = view.getFloat64(8 * i, true);
        break;
      case "F16":
        values = new Float32Array(numel);
        for (let i = 0; i < numel; i++) values[i] = halfToFloat(view.getUint16(2 * i, true));
        break;
      case "BF16": {
        values = new Float32Array(numel);
        const bits = new Uint32Array(values.buffer);
        for (let i = 0; i < numel; i++) bits[i] = view.getUint16(2 * i, true) << 16;
        break;
      }
      case "I64":
        values = new Int32Array(numel);
        for (let i = 0; i < numel; i++) {
          const v = view.getBigInt64(8 * i, true);
          if (v > 2147483647n || v < -2147483648n) {
            throw new ValueError(
              `safetensors tensor '${name}' holds ${v}, outside int32 (tfjs has no int64).`,
            );
          }
          values[i] = Number(v);
        }
        break;
      case "I32":
        values = new Int32Array(numel);
        for (let i = 0; i < numel; i++) values[i] = view.getInt32(4 * i, true);
        break;
      case "I16":
        values = new Int32Array(numel);
        for (let i = 0; i < numel; i++) values[i] = view.getInt16(2 * i, true);
        break;
      case "I8":
        values = Int32Array.from(new Int8Array(raw.buffer));
        break;
      case "U8":
        values = Int32Array.from(raw);
        break;
      case "BOOL":
        values = raw;
        break;
    }
    const dtype = values instanceof Float32Array
      ? "float32"
      : e.dtype === "BOOL"
      ? "bool"
      : "int32";
    out[name] = tf.tensor(values, e.shape, dtype);
  }
  return out;
}

/** Options of `writeSafetensors`. */
export interface WriteSafetensorsOptions {
  /** How float tensors are stored. @default "F32" */
  dtype?: "F32" | "F16" | "BF16";
  /** How int32 tensors are stored (PyTorch's integer tensors are usually I64). @default "I64" */
  intDtype?: "I64" | "I32";
  /** Free-form string metadata (`__metadata__`). */
  metadata?: Record<string, string>;
}

/**
 * Writes tensors as a safetensors file (keys sorted; the data section starts 8-byte aligned).
 * Reads each tensor's values synchronously; disposes nothing.
 */
export function writeSafetensors(
  tensors: Record<string, tf.Tensor>,
  { dtype = "F32", intDtype = "I64", metadata }: WriteSafetensorsOptions = {},
): Uint8Array {
  const names = Object.keys(tensors).sort();
  const header: Record<string, unknown> = {};
  if (metadata) header.__metadata__ = metadata;
  const chunks: Uint8Array[] = [];
  let offset = 0;
  for (const name of names) {
    const t = tensors[name];
    const st: SafetensorsDtype = t.dtype === "float32"
      ? dtype
      : t.dtype === "bool"
      ? "BOOL"
      : intDtype;
    const values = t.dataSync();
    const buf = new Uint8Array(values.length * ITEM_SIZE[st]);
    const view = new DataView(buf.buffer);
    for (let i = 0; i < values.length; i++) {
      const v = Number(values[i]);
      if (st === "F32") view.setFloat32(4 * i, v, true);
      else if (st === "F16") view.setUint16(2 * i, floatToHalf(v), true);
      else if (st === "BF16") view.setUint16(2 * i, floatToBfloat(v), true);
      else if (st === "I64") view.setBigInt64(8 * i, BigInt(v), true);
      else if (st === "I32") view.setInt32(4 * i, v, true);
      else buf[i] = v ? 1 : 0;
    }
    header[name] = { dtype: st, shape: t.shape, data_offsets: [offset, offset + buf.length] };
    offset += buf.length;
    chunks.push(buf);
  }
  let json = JSON.stringify(header);
  while ((8 + new TextEncoder().encode(json).length) % 8 !== 0) json += " ";
  const head = new TextEncoder().encode(json);
  const out = new Uint8Array(8 + head.length + offset);
  new DataView(out.buffer).setBigUint64(0, BigInt(head.length), true);
  out.set(head, 8);
  let at = 8 + head.length;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** IEEE half (binary16) bits → number. */
function halfToFloat(h: number): number {
  const s = h & 0x8000 ? -1 : 1, e = (h >> 10) & 0x1f, m = h & 0x3ff;
  if (e === 0) return s * m * 2 ** -24;
  if (e === 31) return m ? NaN : s * Infinity;
  return s * (1 + m / 1024) * 2 ** (e - 15);
}

/** number → IEEE half bits, rounding to nearest even. */
function floatToHalf(x: number): number {
  f32[0] = x;
  const b = u32[0], sign = (b >>> 16) & 0x8000;
  const e = (b >>> 23) & 0xff, m = b & 0x7fffff;
  if (e === 0xff) return sign | 0x7c00 | (m ? 0x200 : 0);
  const he = e - 127 + 15;
  if (he >= 31) return sign | 0x7c00;
  if (he <= 0) {
    if (he < -10) return sign;
    const mm = m | 0x800000, shift = 14 - he;
    let hm = mm >>> shift;
    const rem = mm & ((1 << shift) - 1), half = 1 << (shift - 1);
    if (rem > half || (rem === half && (hm & 1))) hm++;
    return sign | hm;
  }
  const hm = m >>> 13, rem = m & 0x1fff;
  const out = sign | (he << 10) | hm;
  // a carry out of the mantissa correctly bumps the exponent
  return rem > 0x1000 || (rem === 0x1000 && (hm & 1)) ? out + 1 : out;
}

/** number → bfloat16 bits (the top half of float32), rounding to nearest even. */
function floatToBfloat(x: number): number {
  f32[0] = x;
  const b = u32[0];
  if ((b & 0x7f800000) === 0x7f800000 && (b & 0x7fffff)) return (b >>> 16) | 0x40;
  return ((b + 0x7fff + ((b >>> 16) & 1)) >>> 16) & 0xffff;
}
