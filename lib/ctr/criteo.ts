/**
 * The Criteo display-advertising layout and a streaming reader for it.
 *
 * One example per line, tab-separated: the label (0 or 1), 13 integer fields I1..I13 and 26
 * hashed categorical fields C1..C26 (8 hex digits in the real data); an empty field is missing.
 * Files written by `writeCriteoData` carry one extra, last column: the true click probability
 * of the generating model, so the Bayes-optimal AUC and logloss are known. The reader accepts
 * both (40 or 41 columns, decided by the first line and then required of every line).
 *
 * @module
 */
import { ValueError } from "../core/mod.ts";

/** Number of integer (dense) fields I1..I13. */
export const CRITEO_DENSE = 13;
/** Number of categorical fields C1..C26. */
export const CRITEO_SPARSE = 26;

/** One batch of parsed rows, column blocks row-major. */
export interface CriteoBatch {
  /** Number of rows. */
  rows: number;
  /** 1-based line number of the first row in its file. */
  firstLine: number;
  /** Labels 0/1, length `rows`. */
  labels: Float32Array;
  /** Dense values, `rows × 13`, NaN where missing. */
  dense: Float64Array;
  /** Categorical strings, `rows × 26`, "" where missing. */
  categorical: string[];
  /** The true probabilities (generated files), or null for plain Criteo files. */
  probability: Float64Array | null;
  /**
   * `fnv1a` of each categorical value, `rows × 26`, NaN where `HashColumn` sees a missing value
   * ("" or "NaN"); filled by the readers so that hashing needs no strings.
   */
  categoricalHash?: Float64Array;
}

/** Options of `readCriteo` and `parseCriteo`. */
export interface CriteoReadOptions {
  /** Rows per batch. @default 65536 */
  batchSize?: number;
  /** Stop after this many rows. @default Infinity */
  maxRows?: number;
}

const TAB = 9, LF = 10, CR = 13, MINUS = 45, DOT = 46, ZERO = 48, NINE = 57;
const FNV_SEED = 0x811c9dc5;
const latin1 = new TextDecoder("latin1"), utf8 = new TextDecoder();

/** The text of bytes [a, b) (UTF-8, as a TextDecoder over the whole file would give). */
function text(buf: Uint8Array, a: number, b: number): string {
  for (let i = a; i < b; i++) if (buf[i] >= 0x80) return utf8.decode(buf.subarray(a, b));
  return latin1.decode(buf.subarray(a, b));
}

/**
 * A batch whose categorical strings are decoded on first use: the reader keeps their bytes and
 * their hashes, so a pipeline that only hashes never builds 26 strings per row.
 */
class ParsedBatch implements CriteoBatch {
  rows = 0;
  categoricalHash: Float64Array;
  #strings: string[] | null = null;
  constructor(
    public firstLine: number,
    public labels: Float32Array,
    public dense: Float64Array,
    public probability: Float64Array | null,
    hashes: Float64Array,
    /** Bytes of the categorical values, back to back. */
    public bytes: Uint8Array,
    /** Value v is bytes[ends[v − 1], ends[v]) (ends[−1] = 0). */
    readonly ends: Int32Array,
  ) {
    this.categoricalHash = hashes;
  }
  /** Categorical strings, `rows × 26`, "" where missing (decoded once, then kept). */
  get categorical(): string[] {
    if (this.#strings) return this.#strings;
    const n = this.rows * CRITEO_SPARSE, out = new Array<string>(n);
    let a = 0;
    for (let v = 0; v < n; v++) {
      const b = this.ends[v];
      out[v] = a === b ? "" : text(this.bytes, a, b);
      a = b;
    }
    return this.#strings = out;
  }
  set categorical(values: string[]) {
    this.#strings = values;
  }
}

/**
 * Parses lines given as bytes into batches, checking each line (file and line in every error):
 * fields are found by scanning for tabs, integers are read digit by digit (anything else goes
 * through `Number`, so values are those of `Number(field)`), categorical values are hashed
 * from their bytes (`fnv1a`, equal to hashing the string for ASCII; other values are decoded
 * first).
 */
class BatchBuilder {
  #columns = 0;
  #batch: ParsedBatch | null = null;
  #used = 0;
  readonly #starts = new Int32Array(64); // of the fields of the current line
  readonly #ends = new Int32Array(64);
  constructor(readonly file: string, readonly batchSize: number) {}

  #fresh(line: number): ParsedBatch {
    const n = this.batchSize;
    this.#used = 0;
    return new ParsedBatch(
      line,
      new Float32Array(n),
      new Float64Array(n * CRITEO_DENSE),
      this.#columns === 41 ? new Float64Array(n) : null,
      new Float64Array(n * CRITEO_SPARSE),
      new Uint8Array(Math.min(n * 256, 1 << 24) + 256), // ≈ Criteo's 26 × 9 bytes a row
      new Int32Array(n * CRITEO_SPARSE),
    );
  }

  /** Adds the line buf[a, b) (no line break); returns a full batch when one is complete. */
  add(buf: Uint8Array, a: number, b: number, line: number): CriteoBatch | null {
    const starts = this.#starts, ends = this.#ends;
    let f = 0;
    starts[0] = a;
    for (let i = a; i < b; i++) {
      if (buf[i] === TAB) {
        if (f < 63) {
          ends[f] = i;
          starts[f + 1] = i + 1;
        }
        f++;
      }
    }
    if (f < 64) ends[f] = b;
    f++;
    const where = `${this.file}:${line}`;
    if (this.#columns === 0) {
      if (f !== 40 && f !== 41) {
        throw new ValueError(
          `${where}: expected 40 tab-separated fields (label, I1..I13, C1..C26) or 41 (plus the true probability). Got ${f} instead.`,
        );
      }
      this.#columns = f;
    } else if (f !== this.#columns) {
      throw new ValueError(
        `${where}: expected ${this.#columns} tab-separated fields like the first line. Got ${f} instead.`,
      );
    }
    const batch = this.#batch ??= this.#fresh(line);
    const r = batch.rows;
    if (!(ends[0] - a === 1 && (buf[a] === ZERO || buf[a] === ZERO + 1))) {
      throw new ValueError(
        `${where}: the label must be 0 or 1. Got "${text(buf, a, ends[0])}" instead.`,
      );
    }
    batch.labels[r] = buf[a] - ZERO;
    for (let j = 0; j < CRITEO_DENSE; j++) {
      batch.dense[r * CRITEO_DENSE + j] = denseValue(buf, starts[1 + j], ends[1 + j], where, j);
    }
    const c0 = starts[14], c1 = ends[39];
    if (this.#used + (c1 - c0) > batch.bytes.length) { // grow the batch's byte store
      const grown = new Uint8Array(Math.max(batch.bytes.length * 2, this.#used + (c1 - c0)));
      grown.set(batch.bytes.subarray(0, this.#used));
      batch.bytes = grown;
    }
    const bytes = batch.bytes, hashes = batch.categoricalHash, valueEnds = batch.ends;
    let used = this.#used;
    for (let j = 0; j < CRITEO_SPARSE; j++) {
      const s = starts[14 + j], e = ends[14 + j], v = r * CRITEO_SPARSE + j;
      let h = FNV_SEED, ascii = true;
      for (let i = s; i < e; i++) {
        const c = buf[i];
        bytes[used++] = c;
        h = Math.imul(h ^ c, 0x01000193);
        if (c >= 0x80) ascii = false;
      }
      valueEnds[v] = used;
      const nanText = e - s === 3 && buf[s] === 78 && buf[s + 1] === 97 && buf[s + 2] === 78;
      hashes[v] = s === e || nanText ? NaN : ascii ? h >>> 0 : fnv1aText(text(buf, s, e));
    }
    this.#used = used;
    if (batch.probability) {
      const s = starts[40], e = ends[40];
      const p = s === e ? NaN : decimal(buf, s, e);
      if (!(p >= 0 && p <= 1)) {
        throw new ValueError(
          `${where}: the probability must be in [0, 1]. Got "${text(buf, s, e)}" instead.`,
        );
      }
      batch.probability[r] = p;
    }
    batch.rows++;
    if (batch.rows === this.batchSize) {
      this.#batch = null;
      return batch;
    }
    return null;
  }

  /** The last, partial batch (trimmed), or null. */
  flush(): CriteoBatch | null {
    const b = this.#batch;
    this.#batch = null;
    if (!b || b.rows === 0) return null;
    const n = b.rows;
    const out = new ParsedBatch(
      b.firstLine,
      b.labels.slice(0, n),
      b.dense.slice(0, n * CRITEO_DENSE),
      b.probability ? b.probability.slice(0, n) : null,
      b.categoricalHash.slice(0, n * CRITEO_SPARSE),
      b.bytes.slice(0, this.#used),
      b.ends.slice(0, n * CRITEO_SPARSE),
    );
    out.rows = n;
    return out;
  }
}

/** A dense field: NaN when empty, an integer parsed by hand, else `Number` (checked). */
function denseValue(buf: Uint8Array, s: number, e: number, where: string, j: number): number {
  if (s === e) return NaN;
  let i = s, neg = false;
  if (buf[i] === MINUS) {
    neg = true;
    i++;
  }
  const digits = e - i;
  if (digits > 0 && digits <= 15) {
    let v = 0;
    for (; i < e; i++) {
      const c = buf[i];
      if (c < ZERO || c > NINE) break;
      v = v * 10 + (c - ZERO);
    }
    if (i === e) return neg ? -v : v;
  }
  const t = text(buf, s, e), x = Number(t);
  if (!Number.isFinite(x)) {
    throw new ValueError(`${where}: I${j + 1} must be a number. Got "${t}" instead.`);
  }
  return x;
}

/** `fnv1a` of a string (as `HashColumn` hashes it). */
function fnv1aText(s: string): number {
  let h = FNV_SEED;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * `Number` of a decimal field: "d…d.d…d" with at most 15 digits is (its digits) / 10^k, one
 * correctly rounded division of two exact doubles, so the same double as `Number`; any other
 * form goes through `Number`.
 */
function decimal(buf: Uint8Array, s: number, e: number): number {
  let v = 0, scale = 1, seenDot = false, digits = 0;
  for (let i = s; i < e; i++) {
    const c = buf[i];
    if (c === DOT && !seenDot) seenDot = true;
    else if (c >= ZERO && c <= NINE) {
      v = v * 10 + (c - ZERO);
      if (seenDot) scale *= 10;
      digits++;
    } else return Number(text(buf, s, e));
  }
  if (digits === 0 || digits > 15) return Number(text(buf, s, e));
  return v / scale;
}

function checkBatchSize(batchSize: number): void {
  if (!(Number.isInteger(batchSize) && batchSize >= 1)) {
    throw new ValueError(`batchSize must be a positive integer. Got ${batchSize} instead.`);
  }
}

/** Where the lines of a stream are (shared across chunks). */
interface LineState {
  line: number;
  rows: number;
  maxRows: number;
}

/**
 * Feeds the complete lines of buf[0, n) to the builder (the last line too when `final`);
 * returns where the unfinished last line starts.
 */
function* lines(
  buf: Uint8Array,
  n: number,
  final: boolean,
  state: LineState,
  builder: BatchBuilder,
): Generator<CriteoBatch, number> {
  let a = 0;
  while (a < n) {
    let b = buf.indexOf(LF, a);
    if (b < 0 || b >= n) {
      if (!final) return a;
      b = n;
    }
    state.line++;
    const e = b > a && buf[b - 1] === CR ? b - 1 : b;
    if (e > a) {
      if (state.rows >= state.maxRows) return n;
      state.rows++;
      const full = builder.add(buf, a, e, state.line);
      if (full) yield full;
    }
    a = b + 1;
  }
  return n;
}

/**
 * Streams a Criteo-layout file in batches: the file is read in 1 MiB chunks and parsed as
 * bytes, so memory holds one batch whatever the file's size. Empty lines are skipped; an empty
 * file is an error.
 *
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { readCriteo, writeCriteoData } from "../mod.ts";
 *
 * const path = await Deno.makeTempFile({ suffix: ".txt" });
 * await writeCriteoData(path, { rows: 100, seed: 1 });
 * let rows = 0;
 * for await (const batch of readCriteo(path, { batchSize: 32 })) rows += batch.rows;
 * assertEquals(rows, 100);
 * await Deno.remove(path);
 * ```
 */
export async function* readCriteo(
  path: string,
  { batchSize = 65536, maxRows = Infinity }: CriteoReadOptions = {},
): AsyncGenerator<CriteoBatch> {
  checkBatchSize(batchSize);
  const builder = new BatchBuilder(path, batchSize);
  const file = await Deno.open(path, { read: true });
  let buf = new Uint8Array(1 << 20);
  let kept = 0, first = true;
  const state: LineState = { line: 0, rows: 0, maxRows };
  try {
    while (state.rows < maxRows) {
      if (kept === buf.length) { // a line longer than the buffer
        const grown = new Uint8Array(buf.length * 2);
        grown.set(buf);
        buf = grown;
      }
      const got = await file.read(buf.subarray(kept));
      let n = kept + (got ?? 0), from = 0;
      // a UTF-8 byte-order mark is dropped, as TextDecoder drops it
      if (first && n >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) from = 3;
      first = false;
      if (from) {
        buf.copyWithin(0, from, n);
        n -= from;
      }
      const it = lines(buf, n, got === null, state, builder);
      let r = it.next();
      while (!r.done) {
        yield r.value;
        r = it.next();
      }
      buf.copyWithin(0, r.value, n);
      kept = n - r.value;
      if (got === null) break;
    }
  } finally {
    file.close();
  }
  const last = builder.flush();
  if (last) yield last;
  if (state.rows === 0) throw new ValueError(`${path}: the file has no rows.`);
}

/**
 * Parses Criteo-layout text held in memory (small files, tests); `name` appears in errors.
 *
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { parseCriteo } from "../mod.ts";
 *
 * const line = ["1", "5", ...Array(12).fill(""), "68fd1e64", ...Array(25).fill("")].join("\t");
 * const [batch] = parseCriteo(line + "\n", "inline");
 * assertEquals([batch.rows, batch.labels[0], batch.dense[0], batch.categorical[0]], [1, 1, 5, "68fd1e64"]);
 * ```
 */
export function parseCriteo(
  text: string,
  name: string,
  { batchSize = 65536, maxRows = Infinity }: CriteoReadOptions = {},
): CriteoBatch[] {
  checkBatchSize(batchSize);
  const builder = new BatchBuilder(name, batchSize);
  const bytes = new TextEncoder().encode(text);
  const state: LineState = { line: 0, rows: 0, maxRows };
  const out = [...lines(bytes, bytes.length, true, state, builder)];
  const last = builder.flush();
  if (last) out.push(last);
  if (state.rows === 0) throw new ValueError(`${name}: the file has no rows.`);
  return out;
}

/** Concatenates batches into one (for data sets that fit in memory). */
export function concatBatches(batches: readonly CriteoBatch[]): CriteoBatch {
  if (batches.length === 0) throw new ValueError("concatBatches needs at least one batch.");
  const n = batches.reduce((s, b) => s + b.rows, 0);
  const out: CriteoBatch = {
    rows: n,
    firstLine: batches[0].firstLine,
    labels: new Float32Array(n),
    dense: new Float64Array(n * CRITEO_DENSE),
    categorical: [],
    probability: batches[0].probability ? new Float64Array(n) : null,
  };
  const hashed = batches.every((b) => b.categoricalHash);
  if (hashed) out.categoricalHash = new Float64Array(n * CRITEO_SPARSE);
  let r = 0;
  for (const b of batches) {
    out.labels.set(b.labels, r);
    out.dense.set(b.dense, r * CRITEO_DENSE);
    for (const s of b.categorical) out.categorical.push(s);
    if (out.probability && b.probability) out.probability.set(b.probability, r);
    if (hashed) out.categoricalHash!.set(b.categoricalHash!, r * CRITEO_SPARSE);
    r += b.rows;
  }
  return out;
}
