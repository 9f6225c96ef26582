/**
 * A byte-pair-encoding (BPE) subword tokenizer, trained on a corpus (Sennrich et al. 2016), with
 * BERT's special tokens and WordPiece's `##` mark for pieces that continue a word.
 *
 * Pre-tokenisation follows BERT's basic tokenizer: text splits at whitespace, every punctuation
 * mark or symbol is a word of its own, and with `chineseChars` (the default) so is every Han
 * character — BERT's Chinese vocabulary is character-level, and on a Chinese corpus this
 * tokenizer then learns no merges. Within a word the first character is a symbol as it is and
 * the others carry `##` ("low" → l ##o ##w); training repeatedly merges the most frequent
 * adjacent pair of symbols (counted over word frequencies; ties go to the pair whose "a b" text
 * sorts first) into one symbol, until the vocabulary has `vocabSize` tokens or no pair occurs
 * `minFrequency` times. Encoding applies the learnt merges in the order they were learnt;
 * a character never seen in training becomes `[UNK]`.
 *
 * @module
 */
import { ValueError } from "../core/mod.ts";

/** BERT's special tokens, ids 0-4 in this order (the order of BERT's own vocab.txt). */
export const BERT_SPECIAL_TOKENS: readonly string[] = Object.freeze([
  "[PAD]",
  "[UNK]",
  "[CLS]",
  "[SEP]",
  "[MASK]",
]);

/** The mark of a piece that continues a word (WordPiece's). */
export const CONTINUATION = "##";

/** Options of `BPETokenizer.train`. */
export interface BPETrainOptions {
  /** Stop when the vocabulary (specials + characters + merges) reaches this size. @default 1000 */
  vocabSize?: number;
  /** Stop when the most frequent pair occurs fewer times. @default 2 */
  minFrequency?: number;
  /** Every Han character is a word of its own (BERT's Chinese handling). @default true */
  chineseChars?: boolean;
}

const HAN = /\p{Script=Han}/u;

/** Words of `text` (see the module comment). */
export function preTokenize(text: string, chineseChars = true): string[] {
  const re = chineseChars
    ? /\p{Script=Han}|[\p{P}\p{S}]|[^\s\p{P}\p{S}\p{Script=Han}]+/gu
    : /[\p{P}\p{S}]|[^\s\p{P}\p{S}]+/gu;
  return text.match(re) ?? [];
}

/** A word's initial symbols: the first character, then `##` + each following character. */
function symbolsOf(word: string): string[] {
  return [...word].map((c, i) => (i === 0 ? c : CONTINUATION + c));
}

/** a followed by b as one symbol: b's `##` mark goes. */
function join(a: string, b: string): string {
  return a + b.slice(CONTINUATION.length);
}

/**
 * A trained BPE tokenizer: `tokens` are BERT's specials (ids 0-4), the base symbols seen in
 * training sorted by their text (so `##` forms come before letters), then one token per merge in
 * the order learnt.
 *
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { BPETokenizer } from "../mod.ts";
 *
 * const corpus = ["hug ".repeat(10), "pug ".repeat(5), "pun ".repeat(12), "bun ".repeat(4), "hugs ".repeat(5)];
 * const bpe = BPETokenizer.train(corpus, { vocabSize: 17 });
 * assertEquals(bpe.merges.slice(0, 3), [["##u", "##g"], ["##u", "##n"], ["h", "##ug"]]);
 * assertEquals(bpe.tokenize("hugs bug"), ["hugs", "b", "##ug"]);
 * assertEquals(bpe.decode(bpe.encode("hugs bug")), "hugs bug");
 * ```
 */
export class BPETokenizer {
  /** Every token by id. */
  readonly tokens: readonly string[];
  /** The learnt merges, in order: [a, b] makes the token join(a, b). */
  readonly merges: readonly (readonly [string, string])[];
  /** Whether Han characters are words of their own. */
  readonly chineseChars: boolean;
  readonly #ids: Map<string, number>;
  readonly #rank: Map<string, number>;
  readonly #cache = new Map<string, string[]>();

  /**
   * A tokenizer from its parts (use `BPETokenizer.train` to learn them): the base symbols and
   * the merges, in order.
   */
  constructor(
    alphabet: Iterable<string>,
    merges: Iterable<readonly [string, string]>,
    { chineseChars = true }: { chineseChars?: boolean } = {},
  ) {
    this.merges = Object.freeze([...merges].map(([a, b]) => Object.freeze([a, b] as const)));
    this.chineseChars = chineseChars;
    const base = [...new Set(alphabet)].filter((t) => !BERT_SPECIAL_TOKENS.includes(t)).sort();
    const seen = new Set([...BERT_SPECIAL_TOKENS, ...base]);
    const merged = this.merges.map(([a, b]) => join(a, b)).filter((t) => {
      const fresh = !seen.has(t);
      seen.add(t);
      return fresh;
    });
    this.tokens = Object.freeze([...BERT_SPECIAL_TOKENS, ...base, ...merged]);
    this.#ids = new Map(this.tokens.map((t, i) => [t, i]));
    this.#rank = new Map(this.merges.map(([a, b], i) => [`${a} ${b}`, i]));
  }

  /**
   * Learns the merges from `texts` (see the module comment).
   * @param texts the corpus
   * @param options `vocabSize` (default 1000), `minFrequency` (default 2), `chineseChars` (default true)
   */
  static train(
    texts: Iterable<string>,
    { vocabSize = 1000, minFrequency = 2, chineseChars = true }: BPETrainOptions = {},
  ): BPETokenizer {
    if (!(Number.isInteger(minFrequency) && minFrequency >= 1)) {
      throw new ValueError(`minFrequency must be an integer >= 1. Got ${minFrequency} instead.`);
    }
    const counts = new Map<string, number>();
    for (const t of texts) {
      for (const w of preTokenize(t, chineseChars)) counts.set(w, (counts.get(w) ?? 0) + 1);
    }
    const words = [...counts].map(([w, n]) => ({ symbols: symbolsOf(w), n }));
    const alphabet = new Set(words.flatMap((w) => w.symbols));
    const nBase = BERT_SPECIAL_TOKENS.length + alphabet.size;
    if (!(Number.isInteger(vocabSize) && vocabSize >= nBase)) {
      throw new ValueError(
        `vocabSize must be an integer >= ${nBase} (5 specials + ${alphabet.size} characters). Got ${vocabSize} instead.`,
      );
    }
    const merges: [string, string][] = [];
    const vocab = new Set(alphabet);
    while (BERT_SPECIAL_TOKENS.length + vocab.size < vocabSize) {
      const pairs = new Map<string, number>();
      for (const { symbols, n } of words) {
        for (let i = 0; i + 1 < symbols.length; i++) {
          const key = `${symbols[i]} ${symbols[i + 1]}`;
          pairs.set(key, (pairs.get(key) ?? 0) + n);
        }
      }
      let best: string | null = null, bestN = 0;
      for (const [key, n] of pairs) {
        if (n > bestN || (n === bestN && best !== null && key < best)) [best, bestN] = [key, n];
      }
      if (best === null || bestN < minFrequency) break;
      const [a, b] = best.split(" ");
      merges.push([a, b]);
      vocab.add(join(a, b));
      for (const w of words) w.symbols = mergePair(w.symbols, a, b);
    }
    return new BPETokenizer(alphabet, merges, { chineseChars });
  }

  /** The number of tokens. */
  get size(): number {
    return this.tokens.length;
  }

  /** The id of a token, `[UNK]` (1) if absent. */
  id(token: string): number {
    return this.#ids.get(token) ?? 1;
  }

  /** The pieces of one word: its symbols merged by rank, unknown characters as `[UNK]`. */
  #pieces(word: string): string[] {
    const hit = this.#cache.get(word);
    if (hit) return hit;
    let symbols = symbolsOf(word);
    while (symbols.length > 1) {
      let best = -1, at = Infinity;
      for (let i = 0; i + 1 < symbols.length; i++) {
        const r = this.#rank.get(`${symbols[i]} ${symbols[i + 1]}`);
        if (r !== undefined && r < at) [best, at] = [i, r];
      }
      if (best < 0) break;
      symbols = mergePair(symbols, ...this.merges[at]);
    }
    const out = symbols.map((s) => (this.#ids.has(s) ? s : "[UNK]"));
    this.#cache.set(word, out);
    return out;
  }

  /** The token strings of `text`. */
  tokenize(text: string): string[] {
    return preTokenize(text, this.chineseChars).flatMap((w) => this.#pieces(w));
  }

  /** The ids of `text` (no specials added). */
  encode(text: string): number[] {
    return this.tokenize(text).map((t) => this.id(t));
  }

  /**
   * Text from ids: `##` pieces glue to the previous token, words are separated by one space
   * except between two Han characters or before punctuation; `[PAD]` is dropped, other specials
   * are kept as words.
   */
  decode(ids: Iterable<number>): string {
    let out = "", prev = "";
    for (const i of ids) {
      if (i === 0) continue;
      const t = this.tokens[i] ?? "[UNK]";
      if (t.startsWith(CONTINUATION) && out !== "") {
        out += t.slice(CONTINUATION.length);
      } else {
        const tight = out === "" || (HAN.test(prev) && HAN.test(t[0])) ||
          /^[\p{P}\p{S}]$/u.test(t) || (/[\p{P}\p{S}]/u.test(prev) && HAN.test(t[0]));
        out += (tight ? "" : " ") + t;
      }
      prev = out.slice(-1);
    }
    return out;
  }
}

/** Every adjacent (a, b) in `symbols` merged, left to right. */
function mergePair(symbols: string[], a: string, b: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < symbols.length; i++) {
    if (i + 1 < symbols.length && symbols[i] === a && symbols[i + 1] === b) {
      out.push(join(a, b));
      i++;
    } else out.push(symbols[i]);
  }
  return out;
}
