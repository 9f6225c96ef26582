/**
 * A seeded generator of Criteo-shaped data whose click model is known: 13 count fields
 * (log-normal, some missing) and 26 categorical fields (Zipf-distributed values written as
 * 8-hex-digit hashes), with
 *
 *   logit p = b + Σ_f w_f(x_f) + Σ_(f,g) ⟨u_f^g(x_f), u_g^f(x_g)⟩ + Σ_(f,g,h) c a_f(x_f) a_g(x_g) a_h(x_h)
 *
 * linear terms on every field, planted 2nd-order interactions of rank 2 between chosen field
 * pairs and a few 3rd-order ones. The file stores p as a last, extra column, so the
 * Bayes-optimal AUC and logloss of the data are known.
 *
 * @module
 */
import { Random, ValueError } from "../core/mod.ts";
import { CRITEO_DENSE, CRITEO_SPARSE } from "./criteo.ts";

/** Options of the generator. */
export interface CriteoGeneratorOptions {
  /** Rows to write. */
  rows: number;
  /** Seed of the click model and of the rows (same seed → same model). @default 0 */
  seed?: number;
  /** Seed of the rows only (train and test files share `seed`, differ here). @default seed */
  rowSeed?: number;
  /** Zipf exponent of the categorical values. @default 1.2 */
  zipf?: number;
  /** Planted 2nd-order field pairs. @default 12 */
  pairs?: number;
  /** Planted 3rd-order field triples. @default 3 */
  triples?: number;
  /** Intercept b (sets the click rate). @default -1.6 */
  bias?: number;
}

/** The random source `draw` needs (a `Random` from lib/core). */
export interface RowRandom {
  /** U(0, 1). */
  uniform(): number;
  /** N(mean, std²). */
  normal(mean?: number, std?: number): number;
}

/** One generated row. */
export interface GeneratedRow {
  /** The 13 counts, NaN where missing. */
  dense: number[];
  /** The 26 categorical value indices, −1 where missing. */
  cats: number[];
  /** The true click probability. */
  p: number;
}

/** The highest level of an integer feature in the click model. */
export const DENSE_LEVELS = 23;

/** The level through which an integer count v ≥ 0 acts on the click model: ⌊2 ln(1 + v)⌋, capped. */
export function denseLevel(v: number): number {
  return Math.min(Math.floor(Math.log1p(v) * 2), DENSE_LEVELS);
}

/** The known click model: draws rows and their true probabilities. */
export class CriteoClickModel {
  /** Vocabulary size of each categorical field. */
  readonly vocab: number[];
  /** Planted pairs (indices into the 39 fields: 0-12 dense, 13-38 categorical). */
  readonly pairs: [number, number][];
  /** Planted triples. */
  readonly triples: [number, number, number][];
  readonly #zipfCdf: Float64Array[];
  readonly #w: Float64Array[];
  readonly #u: Map<string, Float64Array>;
  readonly #a: Map<number, Float64Array>;
  readonly #missing: number[];
  readonly #bias: number;

  /** Draws the model's weights from `seed`. */
  constructor(
    { seed = 0, zipf = 1.2, pairs = 12, triples = 3, bias = -1.6 }: Omit<
      CriteoGeneratorOptions,
      "rows"
    > = {},
  ) {
    const rng = new Random(seed * 7919 + 17);
    const F = CRITEO_DENSE + CRITEO_SPARSE;
    // a field's "levels": dense fields by their ⌊ln(1+x)·2⌋ level, categorical fields by value index
    this.vocab = Array.from({ length: CRITEO_SPARSE }, () => [4, 8, 16, 32, 100][rng.int(5)]);
    const levels = (f: number): number => f < CRITEO_DENSE ? 24 : this.vocab[f - CRITEO_DENSE];
    this.#zipfCdf = this.vocab.map((V) => {
      const c = new Float64Array(V);
      let s = 0;
      for (let i = 0; i < V; i++) c[i] = s += 1 / (i + 1) ** zipf;
      for (let i = 0; i < V; i++) c[i] /= s;
      return c;
    });
    this.#missing = Array.from({ length: F }, () => rng.uniform() < 0.3 ? 0.2 * rng.uniform() : 0);
    this.#w = Array.from({ length: F }, (_, f) => rng.normalArray(levels(f), 0, 0.3));
    const all = [...Array(F).keys()];
    const used = new Set<string>();
    this.pairs = [];
    while (this.pairs.length < pairs) {
      const f = all[rng.int(F)], g = all[rng.int(F)];
      const key = `${Math.min(f, g)},${Math.max(f, g)}`;
      if (f === g || used.has(key)) continue;
      used.add(key);
      this.pairs.push([Math.min(f, g), Math.max(f, g)]);
    }
    this.#u = new Map();
    for (const [f, g] of this.pairs) {
      this.#u.set(`${f}>${g}`, rng.normalArray(levels(f) * 2, 0, 0.5));
      this.#u.set(`${g}>${f}`, rng.normalArray(levels(g) * 2, 0, 0.5));
    }
    this.triples = [];
    while (this.triples.length < triples) {
      const t = [rng.int(F), rng.int(F), rng.int(F)].sort((a, b) => a - b) as [
        number,
        number,
        number,
      ];
      if (t[0] !== t[1] && t[1] !== t[2]) this.triples.push(t);
    }
    this.#a = new Map();
    for (const t of this.triples) {
      for (const f of t) if (!this.#a.has(f)) this.#a.set(f, rng.normalArray(levels(f), 0, 0.9));
    }
    this.#bias = bias;
  }

  /** Draws one row: dense counts (NaN missing), categorical level indices (−1 missing), p. */
  draw(rng: RowRandom): GeneratedRow {
    const F = CRITEO_DENSE + CRITEO_SPARSE;
    const level = new Int32Array(F);
    const dense: number[] = [];
    for (let j = 0; j < CRITEO_DENSE; j++) {
      if (rng.uniform() < this.#missing[j]) {
        dense.push(NaN);
        level[j] = -1;
      } else {
        const v = Math.floor(Math.exp(rng.normal(1 + 0.3 * j, 1.5)) - 0.5);
        dense.push(Math.max(v, 0));
        level[j] = denseLevel(Math.max(v, 0));
      }
    }
    const cats: number[] = [];
    for (let j = 0; j < CRITEO_SPARSE; j++) {
      const f = CRITEO_DENSE + j;
      if (rng.uniform() < this.#missing[f]) {
        cats.push(-1);
        level[f] = -1;
        continue;
      }
      const c = this.#zipfCdf[j], r = rng.uniform();
      let lo = 0, hi = c.length - 1;
      while (lo < hi) {
        const m = (lo + hi) >> 1;
        if (c[m] < r) lo = m + 1;
        else hi = m;
      }
      cats.push(lo);
      level[f] = lo;
    }
    let z = this.#bias;
    for (let f = 0; f < F; f++) if (level[f] >= 0) z += this.#w[f][level[f]];
    for (const [f, g] of this.pairs) {
      if (level[f] < 0 || level[g] < 0) continue;
      const uf = this.#u.get(`${f}>${g}`)!, ug = this.#u.get(`${g}>${f}`)!;
      const i = level[f] * 2, k = level[g] * 2;
      z += uf[i] * ug[k] + uf[i + 1] * ug[k + 1];
    }
    for (const t of this.triples) {
      if (t.some((f) => level[f] < 0)) continue;
      z += 0.8 * t.reduce((s, f) => s * this.#a.get(f)![level[f]], 1);
    }
    return { dense, cats, p: 1 / (1 + Math.exp(-z)) };
  }
}

/** The string written for value `i` of categorical field `j` (8 hex digits, like Criteo's). */
export function categoricalToken(j: number, i: number): string {
  let h = Math.imul(j + 1, 0x9e3779b1) ^ Math.imul(i + 1, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  h ^= h >>> 13;
  return (h >>> 0).toString(16).padStart(8, "0");
}

/**
 * Generates rows in Criteo layout plus the true-probability column, as lines of text.
 *
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { makeCriteoLines } from "../mod.ts";
 *
 * const lines = makeCriteoLines({ rows: 3, seed: 1 });
 * assertEquals(lines[0].split("\t").length, 41);
 * ```
 */
export function makeCriteoLines(options: CriteoGeneratorOptions): string[] {
  const out: string[] = [];
  for (const chunk of criteoChunks(options, Infinity)) for (const l of chunk) out.push(l);
  return out;
}

function* criteoChunks(options: CriteoGeneratorOptions, chunk: number): Generator<string[]> {
  const { rows, seed = 0, rowSeed = seed } = options;
  if (!(Number.isInteger(rows) && rows >= 1)) {
    throw new ValueError(`rows must be a positive integer. Got ${rows} instead.`);
  }
  const model = new CriteoClickModel(options);
  const rng = new Random(rowSeed * 104729 + 3);
  let lines: string[] = [];
  for (let r = 0; r < rows; r++) {
    const { dense, cats, p } = model.draw(rng);
    const y = rng.uniform() < p ? "1" : "0";
    const f = [y];
    for (const v of dense) f.push(Number.isNaN(v) ? "" : String(v));
    cats.forEach((c, j) => f.push(c < 0 ? "" : categoricalToken(j, c)));
    f.push(p.toFixed(6));
    lines.push(f.join("\t"));
    if (lines.length >= chunk) {
      yield lines;
      lines = [];
    }
  }
  if (lines.length) yield lines;
}

/**
 * Writes generated rows to `path` (Criteo layout, 41 columns: the last is the true probability),
 * streaming in chunks so that any size fits in memory.
 */
export async function writeCriteoData(
  path: string,
  options: CriteoGeneratorOptions,
): Promise<void> {
  const file = await Deno.open(path, { write: true, create: true, truncate: true });
  const enc = new TextEncoder();
  try {
    for (const lines of criteoChunks(options, 20000)) {
      const bytes = enc.encode(lines.join("\n") + "\n");
      let off = 0;
      while (off < bytes.length) off += await file.write(bytes.subarray(off));
    }
  } finally {
    file.close();
  }
}
