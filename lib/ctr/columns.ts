/**
 * Feature columns for CTR models: every field becomes a small integer id in its own block of a
 * shared id space (the "one-hot" index of the notes' 特征构造), so one embedding table serves all
 * fields. Sparse categorical fields use a vocabulary (with an out-of-vocabulary bucket) or the
 * hashing trick (a fixed bucket count); dense numeric fields are log-transformed and bucketized
 * as the Criteo winners did; multi-valued fields give several ids pooled by `EmbeddingBag`.
 * Id 0 of every column is "missing".
 *
 * @module
 */
import { ValueError } from "../core/mod.ts";
import { CRITEO_DENSE, CRITEO_SPARSE, type CriteoBatch } from "./criteo.ts";

/**
 * FNV-1a, 32 bits: the hashing trick's hash (fast, well spread for short keys).
 *
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { fnv1a } from "../mod.ts";
 *
 * assertEquals(fnv1a("a"), 0xe40c292c);
 * ```
 */
export function fnv1a(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A column that maps one raw value to an id in [0, size). */
export interface FeatureColumn {
  /** The field's name (I1, C7, ...). */
  readonly name: string;
  /** Number of ids, including 0 = missing. */
  readonly size: number;
  /** The id of a raw value ("" or NaN = missing → 0). */
  id(value: string | number): number;
}

function checkSize(size: number, name: string, min: number): void {
  if (!(Number.isInteger(size) && size >= min)) {
    throw new ValueError(`${name} must be an integer >= ${min}. Got ${size} instead.`);
  }
}

/**
 * The hashing trick: id = 1 + hash(value) mod (buckets − 1), so unseen values need no
 * vocabulary (collisions share a weight).
 *
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { HashColumn } from "../mod.ts";
 *
 * const c = new HashColumn("C1", 100);
 * assertEquals(c.id(""), 0);
 * assertEquals(c.id("68fd1e64"), c.id("68fd1e64"));
 * ```
 */
export class HashColumn implements FeatureColumn {
  /** The field's name. */
  readonly name: string;
  /** Number of ids, including 0 = missing. */
  readonly buckets: number;
  /**
   * Builds the instance.
   * @param buckets number of ids, including 0 = missing (at least 2)
   */
  constructor(name: string, buckets: number) {
    checkSize(buckets, "buckets", 2);
    this.name = name;
    this.buckets = buckets;
  }
  /** Same as `buckets`. */
  get size(): number {
    return this.buckets;
  }
  /** 0 for missing, else 1 + hash mod (buckets − 1). */
  id(value: string | number): number {
    const s = String(value);
    if (s === "" || s === "NaN") return 0;
    return 1 + fnv1a(s) % (this.buckets - 1);
  }
  /** The id of a value given by its `fnv1a` hash (NaN = missing), as `CriteoBatch.categoricalHash`. */
  idOfHash(hash: number): number {
    return Number.isNaN(hash) ? 0 : 1 + hash % (this.buckets - 1);
  }
}

/**
 * A vocabulary learned from counts: values seen at least `minCount` times get their own id
 * (from 2, most frequent first), every other value shares the out-of-vocabulary id 1.
 *
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { VocabularyColumn } from "../mod.ts";
 *
 * const c = VocabularyColumn.fit("C1", ["a", "b", "a", "c", "a", "b"], { minCount: 2 });
 * assertEquals([c.id("a"), c.id("b"), c.id("c"), c.id(""), c.size], [2, 3, 1, 0, 4]);
 * ```
 */
export class VocabularyColumn implements FeatureColumn {
  readonly #index: Map<string, number>;
  /** The field's name. */
  readonly name: string;
  /**
   * Builds the instance.
   * @param vocabulary the known values, in id order from 2
   */
  constructor(name: string, vocabulary: readonly string[]) {
    this.name = name;
    this.#index = new Map(vocabulary.map((v, i) => [v, i + 2]));
  }
  /** Counts values (skipping missing "") and keeps those seen `minCount` times, capped at `maxSize`. */
  static fit(
    name: string,
    values: Iterable<string>,
    { minCount = 1, maxSize = Infinity }: { minCount?: number; maxSize?: number } = {},
  ): VocabularyColumn {
    const counts = new Map<string, number>();
    for (const v of values) if (v !== "") counts.set(v, (counts.get(v) ?? 0) + 1);
    const kept = [...counts].filter(([, c]) => c >= minCount)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, maxSize).map(([v]) => v);
    return new VocabularyColumn(name, kept);
  }
  /** Missing + OOV + the vocabulary. */
  get size(): number {
    return this.#index.size + 2;
  }
  /** 0 missing, 1 out of vocabulary, else the value's id. */
  id(value: string | number): number {
    const s = String(value);
    if (s === "") return 0;
    return this.#index.get(s) ?? 1;
  }
}

/**
 * A dense numeric field made categorical. Default transform (Criteo winners, "3 idiots"):
 * v ≤ 2 keeps its integer value, larger v becomes ⌊ln(v)²⌋; ids: 0 missing, 1 negative, then
 * 2 + transformed value, capped at size − 1. With `boundaries`, id = 2 + the number of
 * boundaries ≤ v instead (plain bucketization).
 *
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { NumericColumn } from "../mod.ts";
 *
 * const c = new NumericColumn("I1");
 * assertEquals([c.id(NaN), c.id(-3), c.id(0), c.id(2), c.id(100)], [0, 1, 2, 4, 2 + 21]);
 * ```
 */
export class NumericColumn implements FeatureColumn {
  /** Number of ids. */
  readonly size: number;
  /** The field's name. */
  readonly name: string;
  readonly #boundaries: Float64Array | null;
  /**
   * Builds the instance.
   * @param options `size` (log transform, default 64) or sorted `boundaries`
   */
  constructor(
    name: string,
    { size = 64, boundaries }: { size?: number; boundaries?: readonly number[] } = {},
  ) {
    this.name = name;
    if (boundaries) {
      for (let i = 1; i < boundaries.length; i++) {
        if (!(boundaries[i] > boundaries[i - 1])) {
          throw new ValueError(`boundaries must increase. Got [${boundaries}] instead.`);
        }
      }
      this.#boundaries = Float64Array.from(boundaries);
      this.size = boundaries.length + 3;
    } else {
      checkSize(size, "size", 3);
      this.#boundaries = null;
      this.size = size;
    }
  }
  /** The log-square transform of a non-negative value. */
  static logSquare(v: number): number {
    return v <= 2 ? Math.floor(v) : Math.floor(Math.log(v) ** 2);
  }
  /** 0 missing, 1 negative (log transform), else the bucket's id. */
  id(value: string | number): number {
    const v = typeof value === "number" ? value : value === "" ? NaN : Number(value);
    if (Number.isNaN(v)) return 0;
    const b = this.#boundaries;
    if (b) {
      let lo = 0, hi = b.length;
      while (lo < hi) {
        const m = (lo + hi) >> 1;
        if (b[m] <= v) lo = m + 1;
        else hi = m;
      }
      return 2 + lo;
    }
    if (v < 0) return 1;
    return Math.min(2 + NumericColumn.logSquare(v), this.size - 1);
  }
}

/**
 * A multi-valued field ("tag1|tag2|tag3"): each value hashed like `HashColumn`, padded with the
 * missing id 0 to `maxValues`; `EmbeddingBag` pools the vectors (mean or sum over non-zero ids).
 *
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { MultiValuedColumn } from "../mod.ts";
 *
 * const c = new MultiValuedColumn("tags", 50, { maxValues: 3 });
 * const ids = c.ids("x|y");
 * assertEquals([ids.length, ids[2]], [3, 0]);
 * ```
 */
export class MultiValuedColumn {
  /** Ids kept per row. */
  readonly maxValues: number;
  /** Between values. */
  readonly separator: string;
  /** The field's name. */
  readonly name: string;
  /** Hash buckets. */
  readonly buckets: number;
  readonly #hash: HashColumn;
  /**
   * Builds the instance.
   * @param options `maxValues` kept per row (default 8), `separator` (default "|")
   */
  constructor(
    name: string,
    buckets: number,
    { maxValues = 8, separator = "|" }: { maxValues?: number; separator?: string } = {},
  ) {
    checkSize(maxValues, "maxValues", 1);
    this.#hash = new HashColumn(name, buckets);
    this.name = name;
    this.buckets = buckets;
    this.maxValues = maxValues;
    this.separator = separator;
  }
  /** The ids of a row's values, padded with 0 to `maxValues` (extra values are dropped). */
  ids(value: string): Int32Array {
    const out = new Int32Array(this.maxValues);
    if (value === "") return out;
    const parts = value.split(this.separator);
    for (let i = 0; i < Math.min(parts.length, this.maxValues); i++) {
      out[i] = this.#hash.id(parts[i]);
    }
    return out;
  }
}

/**
 * The columns of a data set side by side: column f's ids are shifted by `offsets[f]` into one
 * id space of `totalSize`, and `encode` turns a Criteo batch into a rows × fields id matrix.
 *
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { FeatureSpace } from "../mod.ts";
 *
 * const space = FeatureSpace.criteo({ hashBuckets: 100, denseSize: 10 });
 * assertEquals([space.fields, space.totalSize], [39, 13 * 10 + 26 * 100]);
 * ```
 */
export class FeatureSpace {
  /** Where each column's block starts. */
  readonly offsets: Int32Array;
  /** The size of the shared id space. */
  readonly totalSize: number;
  /** The columns, in field order. */
  readonly columns: readonly FeatureColumn[];
  /**
   * Builds the instance.
   * @param columns the columns, in field order
   */
  constructor(columns: readonly FeatureColumn[]) {
    this.columns = columns;
    if (columns.length === 0) throw new ValueError("FeatureSpace needs at least one column.");
    this.offsets = new Int32Array(columns.length);
    let o = 0;
    columns.forEach((c, i) => {
      this.offsets[i] = o;
      o += c.size;
    });
    this.totalSize = o;
  }
  /**
   * The Criteo columns: 13 `NumericColumn`s (log-square buckets of `denseSize`, or the given
   * `denseBoundaries`) then 26 `HashColumn`s.
   */
  static criteo(
    { hashBuckets = 1000, denseSize = 64, denseBoundaries }: {
      hashBuckets?: number;
      denseSize?: number;
      denseBoundaries?: readonly number[];
    } = {},
  ): FeatureSpace {
    const cols: FeatureColumn[] = [];
    const dense = denseBoundaries ? { boundaries: denseBoundaries } : { size: denseSize };
    for (let j = 1; j <= CRITEO_DENSE; j++) cols.push(new NumericColumn(`I${j}`, dense));
    for (let j = 1; j <= CRITEO_SPARSE; j++) cols.push(new HashColumn(`C${j}`, hashBuckets));
    return new FeatureSpace(cols);
  }
  /** Number of fields. */
  get fields(): number {
    return this.columns.length;
  }
  /** The column index of a field name; an unknown name is an error listing the known ones. */
  field(name: string): number {
    const i = this.columns.findIndex((c) => c.name === name);
    if (i < 0) {
      throw new ValueError(
        `Unknown field "${name}": the columns are ${this.columns.map((c) => c.name).join(", ")}.`,
      );
    }
    return i;
  }
  /** Ids of a Criteo batch (the columns must be the 39 Criteo fields), rows × 39. */
  encode(batch: CriteoBatch): Int32Array {
    const F = this.fields;
    if (F !== CRITEO_DENSE + CRITEO_SPARSE) {
      throw new ValueError(`encode needs the 39 Criteo columns. This space has ${F}.`);
    }
    const out = new Int32Array(batch.rows * F);
    const cols = this.columns, off = this.offsets;
    // hash columns read the reader's hashes (no strings); others read the strings
    const hashes = batch.categoricalHash;
    const byHash = cols.map((c) => hashes !== undefined && c instanceof HashColumn);
    const strings = byHash.slice(CRITEO_DENSE).every((h) => h) ? null : batch.categorical;
    for (let r = 0; r < batch.rows; r++) {
      const o = r * F;
      for (let j = 0; j < CRITEO_DENSE; j++) {
        out[o + j] = off[j] + cols[j].id(batch.dense[r * CRITEO_DENSE + j]);
      }
      for (let j = 0; j < CRITEO_SPARSE; j++) {
        const f = CRITEO_DENSE + j, v = r * CRITEO_SPARSE + j;
        out[o + f] = off[f] +
          (byHash[f] ? (cols[f] as HashColumn).idOfHash(hashes![v]) : cols[f].id(strings![v]));
      }
    }
    return out;
  }
  /** Ids of rows given as records { field: value }; every key must be a known field. */
  encodeRecords(rows: readonly Record<string, string | number>[]): Int32Array {
    const F = this.fields;
    const out = new Int32Array(rows.length * F);
    rows.forEach((row, r) => {
      for (const k of Object.keys(row)) this.field(k);
      this.columns.forEach((c, f) => {
        const v = row[c.name];
        out[r * F + f] = this.offsets[f] + (v === undefined ? 0 : c.id(v));
      });
    });
    return out;
  }
}
