/**
 * Character-level vocabulary with the special tokens sequence models need, and padding of id
 * sequences into int32 batches with their valid lengths (d2l §10.5).
 *
 * @module
 */
import { ValueError } from "../core/mod.ts";
import { tf } from "./backend.ts";

/** The special tokens, always ids 0-3 in this order. */
export const SPECIAL_TOKENS: readonly string[] = Object.freeze([
  "<pad>",
  "<bos>",
  "<eos>",
  "<unk>",
]);

/**
 * A character vocabulary: ids 0-3 are `<pad>`, `<bos>`, `<eos>`, `<unk>` (plus any `extra`
 * specials such as BERT's `[CLS]`, `[SEP]`, `[MASK]`), then the characters of the corpus sorted
 * by code point. Unknown characters map to `<unk>`.
 *
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { CharVocab } from "../mod.ts";
 *
 * const v = new CharVocab(["1979年5月3日"]);
 * assertEquals(v.decode(v.encode("1979年", { bos: true, eos: true })), "1979年");
 * assertEquals(v.encode("x"), [3]);
 * ```
 */
export class CharVocab {
  /** Every token by id. */
  readonly tokens: readonly string[];
  readonly #ids: Map<string, number>;

  /**
   * Creates a new CharVocab; see the class description.
   * @param texts the corpus; `extra` specials after the four standard ones
   */
  constructor(texts: Iterable<string>, { extra = [] }: { extra?: string[] } = {}) {
    const chars = new Set<string>();
    for (const t of texts) for (const ch of t) chars.add(ch);
    const specials = [...SPECIAL_TOKENS, ...extra];
    this.tokens = Object.freeze([
      ...specials,
      ...[...chars].filter((c) => !specials.includes(c)).sort(),
    ]);
    this.#ids = new Map(this.tokens.map((t, i) => [t, i]));
  }

  /** The number of tokens. */
  get size(): number {
    return this.tokens.length;
  }

  /** The id of a token (a character or a special), `<unk>` if absent. */
  id(token: string): number {
    return this.#ids.get(token) ?? 3;
  }

  /** Ids of the characters of `text`, optionally with `<bos>` first and `<eos>` last. */
  encode(
    text: string,
    { bos = false, eos = false }: { bos?: boolean; eos?: boolean } = {},
  ): number[] {
    const ids = [...text].map((c) => this.id(c));
    return [...(bos ? [1] : []), ...ids, ...(eos ? [2] : [])];
  }

  /** The text of ids, stopping at `<eos>` and dropping `<pad>`/`<bos>`. */
  decode(ids: Iterable<number>): string {
    let s = "";
    for (const i of ids) {
      if (i === 2) break;
      if (i === 0 || i === 1) continue;
      s += this.tokens[i] ?? "";
    }
    return s;
  }
}

/**
 * Pads (or truncates) id sequences to `length` with `padId` (default 0): an int32 (n, length)
 * tensor and each sequence's valid length.
 */
export function padSequences(
  seqs: number[][],
  length: number,
  padId = 0,
): { ids: tf.Tensor2D; validLens: number[] } {
  if (!(Number.isInteger(length) && length > 0)) {
    throw new ValueError(`length must be a positive integer. Got ${length} instead.`);
  }
  const data = new Int32Array(seqs.length * length).fill(padId);
  const validLens = seqs.map((s, r) => {
    const n = Math.min(s.length, length);
    for (let j = 0; j < n; j++) data[r * length + j] = s[j];
    return n;
  });
  return { ids: tf.tensor2d(data, [seqs.length, length], "int32"), validLens };
}
