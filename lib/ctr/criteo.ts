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
}

/** Options of `readCriteo` and `parseCriteo`. */
export interface CriteoReadOptions {
  /** Rows per batch. @default 65536 */
  batchSize?: number;
  /** Stop after this many rows. @default Infinity */
  maxRows?: number;
}

/** Accumulates parsed lines into batches, checking each line (file and line in every error). */
class BatchBuilder {
  #columns = 0;
  #batch: CriteoBatch | null = null;
  constructor(readonly file: string, readonly batchSize: number) {}

  #fresh(line: number): CriteoBatch {
    const n = this.batchSize;
    return {
      rows: 0,
      firstLine: line,
      labels: new Float32Array(n),
      dense: new Float64Array(n * CRITEO_DENSE),
      categorical: new Array<string>(n * CRITEO_SPARSE),
      probability: this.#columns === 41 ? new Float64Array(n) : null,
    };
  }

  /** Adds one line; returns a full batch when one is complete. */
  add(text: string, line: number): CriteoBatch | null {
    const f = text.split("\t");
    const where = `${this.file}:${line}`;
    if (this.#columns === 0) {
      if (f.length !== 40 && f.length !== 41) {
        throw new ValueError(
          `${where}: expected 40 tab-separated fields (label, I1..I13, C1..C26) or 41 (plus the true probability). Got ${f.length} instead.`,
        );
      }
      this.#columns = f.length;
    } else if (f.length !== this.#columns) {
      throw new ValueError(
        `${where}: expected ${this.#columns} tab-separated fields like the first line. Got ${f.length} instead.`,
      );
    }
    const b = this.#batch ??= this.#fresh(line);
    const r = b.rows;
    const label = f[0];
    if (label !== "0" && label !== "1") {
      throw new ValueError(`${where}: the label must be 0 or 1. Got "${label}" instead.`);
    }
    b.labels[r] = label === "1" ? 1 : 0;
    for (let j = 0; j < CRITEO_DENSE; j++) {
      const s = f[1 + j];
      if (s === "") b.dense[r * CRITEO_DENSE + j] = NaN;
      else {
        const v = Number(s);
        if (!Number.isFinite(v)) {
          throw new ValueError(`${where}: I${j + 1} must be a number. Got "${s}" instead.`);
        }
        b.dense[r * CRITEO_DENSE + j] = v;
      }
    }
    for (let j = 0; j < CRITEO_SPARSE; j++) b.categorical[r * CRITEO_SPARSE + j] = f[14 + j];
    if (b.probability) {
      const p = Number(f[40]);
      if (!(p >= 0 && p <= 1) || f[40] === "") {
        throw new ValueError(
          `${where}: the probability must be in [0, 1]. Got "${f[40]}" instead.`,
        );
      }
      b.probability[r] = p;
    }
    b.rows++;
    if (b.rows === this.batchSize) {
      this.#batch = null;
      return b;
    }
    return null;
  }

  /** The last, partial batch (trimmed), or null. */
  flush(): CriteoBatch | null {
    const b = this.#batch;
    this.#batch = null;
    if (!b || b.rows === 0) return null;
    const n = b.rows;
    return {
      rows: n,
      firstLine: b.firstLine,
      labels: b.labels.slice(0, n),
      dense: b.dense.slice(0, n * CRITEO_DENSE),
      categorical: b.categorical.slice(0, n * CRITEO_SPARSE),
      probability: b.probability ? b.probability.slice(0, n) : null,
    };
  }
}

function checkBatchSize(batchSize: number): void {
  if (!(Number.isInteger(batchSize) && batchSize >= 1)) {
    throw new ValueError(`batchSize must be a positive integer. Got ${batchSize} instead.`);
  }
}

/**
 * Streams a Criteo-layout file in batches: the file is read in 1 MiB chunks, so memory holds one
 * batch whatever the file's size. Empty lines are skipped; an empty file is an error.
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
  const decoder = new TextDecoder();
  const buf = new Uint8Array(1 << 20);
  let rest = "", line = 0, rows = 0;
  try {
    while (rows < maxRows) {
      const n = await file.read(buf);
      const text = n === null
        ? rest + decoder.decode()
        : rest + decoder.decode(buf.subarray(0, n), { stream: true });
      const parts = text.split("\n");
      rest = n === null ? "" : parts.pop()!;
      for (const p of parts) {
        line++;
        const s = p.endsWith("\r") ? p.slice(0, -1) : p;
        if (s === "") continue;
        if (rows >= maxRows) break;
        rows++;
        const full = builder.add(s, line);
        if (full) yield full;
      }
      if (n === null) break;
    }
  } finally {
    file.close();
  }
  const last = builder.flush();
  if (last) yield last;
  if (rows === 0) throw new ValueError(`${path}: the file has no rows.`);
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
  const out: CriteoBatch[] = [];
  const lines = text.split("\n");
  let rows = 0;
  for (let i = 0; i < lines.length && rows < maxRows; i++) {
    const s = lines[i].endsWith("\r") ? lines[i].slice(0, -1) : lines[i];
    if (s === "") continue;
    rows++;
    const full = builder.add(s, i + 1);
    if (full) out.push(full);
  }
  const last = builder.flush();
  if (last) out.push(last);
  if (rows === 0) throw new ValueError(`${name}: the file has no rows.`);
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
  let r = 0;
  for (const b of batches) {
    out.labels.set(b.labels, r);
    out.dense.set(b.dense, r * CRITEO_DENSE);
    for (const s of b.categorical) out.categorical.push(s);
    if (out.probability && b.probability) out.probability.set(b.probability, r);
    r += b.rows;
  }
  return out;
}
