/**
 * BERT's data side: the tokenizer (a BPE vocabulary trained on the corpus, character-level for
 * Chinese), sentence splitting, next-sentence pairs and the 15% / 80-10-10 masking of
 * the masked language model (Devlin et al. 2019, §3.1 and appendix A.1).
 *
 * @module
 */
import { Random, ValueError } from "../core/mod.ts";
import { BERT_SPECIAL_TOKENS, BPETokenizer, type BPETrainOptions } from "./tokenizer.ts";

export { BERT_SPECIAL_TOKENS } from "./tokenizer.ts";

/** An encoded input: token ids, segment (token type) ids, and the unpadded length. */
export interface BertEncoding {
  /** Token ids, `[CLS] a [SEP] (b [SEP])`, padded with `[PAD]` = 0 to maxLen. */
  ids: number[];
  /** 0 for `[CLS]`, a and its `[SEP]`; 1 for b and its `[SEP]`; 0 on padding. */
  segments: number[];
  /** Tokens before padding. */
  length: number;
}

/**
 * BERT's tokenizer on a `BPETokenizer` trained on the corpus (tokenizer.ts): `[PAD] [UNK] [CLS]
 * [SEP] [MASK]` are ids 0-4, then the corpus' characters, then the learnt merges. With the
 * default `chineseChars: true` every Han character is a token of its own, as in BERT's Chinese
 * vocabulary, so on a Chinese corpus the vocabulary is the characters by code point; words of
 * other scripts are split into learnt subwords (`##` marks a continuation). `chineseChars:
 * false` lets BPE merge frequent runs of Han characters too (「君子」, 「天下」).
 *
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { BertTokenizer } from "../mod.ts";
 *
 * const tok = new BertTokenizer(["上善若水", "道可道"]);
 * const e = tok.encodePair("上善", "道", 8);
 * assertEquals(tok.decode(e.ids), "[CLS] 上 善 [SEP] 道 [SEP]");
 * assertEquals(e.segments, [0, 0, 0, 0, 1, 1, 0, 0]);
 * const sub = new BertTokenizer(["lower lowest low low"], { vocabSize: 16 });
 * assertEquals(sub.decode(sub.encode("lowest slow")), "lowe ##s ##t [UNK] [UNK] ##ow");
 * ```
 */
export class BertTokenizer {
  /** The subword model underneath. */
  readonly bpe: BPETokenizer;

  /**
   * Trains the subword vocabulary on `texts` (options as `BPETokenizer.train`: `vocabSize`,
   * `minFrequency`, `chineseChars`), or wraps a trained `BPETokenizer`.
   */
  constructor(texts: Iterable<string> | BPETokenizer, options: BPETrainOptions = {}) {
    this.bpe = texts instanceof BPETokenizer ? texts : BPETokenizer.train(texts, options);
  }

  /** Every token by id. */
  get tokens(): readonly string[] {
    return this.bpe.tokens;
  }

  /** The number of tokens. */
  get size(): number {
    return this.bpe.size;
  }

  /** The id of a token (`[UNK]` = 1 if absent). */
  id(token: string): number {
    return this.bpe.id(token);
  }

  /** Ids of the pieces of `text` (whitespace dropped), no specials. */
  encode(text: string): number[] {
    return this.bpe.encode(text);
  }

  /** Tokens of ids joined by spaces, padding dropped (the model's view; `bpe.decode` gives text). */
  decode(ids: Iterable<number>): string {
    return [...ids].filter((i) => i !== 0).map((i) => this.tokens[i] ?? "[UNK]").join(" ");
  }

  /**
   * `[CLS] a [SEP]` or `[CLS] a [SEP] b [SEP]` padded to maxLen; the longer text is cut first
   * when the pair does not fit (BERT's `truncate_seq_pair`).
   */
  encodePair(a: string, b: string | null, maxLen: number): BertEncoding {
    const ta = this.encode(a), tb = b === null ? null : this.encode(b);
    const room = maxLen - (tb === null ? 2 : 3);
    if (room < 2) throw new ValueError(`maxLen = ${maxLen} is too short for a pair.`);
    while (ta.length + (tb?.length ?? 0) > room) {
      if (tb !== null && tb.length > ta.length) tb.pop();
      else ta.pop();
    }
    const ids = [2, ...ta, 3, ...(tb === null ? [] : [...tb, 3])];
    const segments = ids.map((_, i) => (i < ta.length + 2 ? 0 : 1));
    const length = ids.length;
    while (ids.length < maxLen) ids.push(0), segments.push(0);
    return { ids, segments, length };
  }
}

/**
 * Splits classical Chinese into clauses at 。？！；： and keeps only Han characters (punctuation
 * and quotation marks removed), dropping clauses shorter than `minLength`.
 *
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { splitSentences } from "../mod.ts";
 *
 * assertEquals(splitSentences("子曰：“巧言令色，鲜矣仁！”"), ["子曰", "巧言令色鲜矣仁"]);
 * ```
 */
export function splitSentences(text: string, minLength = 2): string[] {
  return text.split(/[。？！；：\n]/u)
    .map((s) => s.replace(/[^\p{Script=Han}]/gu, ""))
    .filter((s) => [...s].length >= minLength);
}

/** The result of `maskTokens`. */
export interface MaskedTokens {
  /** The model's input: chosen positions replaced by `[MASK]` (80%), a random token (10%) or kept (10%). */
  input: number[][];
  /** The original id at chosen positions, 0 (ignored) elsewhere. */
  labels: number[][];
}

/**
 * BERT's masked-LM corruption: every non-special token (id ≥ 5) is chosen with probability
 * `maskProb` (15%); a chosen token becomes `[MASK]` with probability 0.8, a uniformly random
 * non-special token with 0.1, and stays itself with 0.1. Labels hold the original ids at the
 * chosen positions (and 0, `[PAD]`, to be ignored by the loss, elsewhere). Seeded by `rng`.
 *
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { maskTokens, Random } from "../mod.ts";
 *
 * const { input, labels } = maskTokens([[2, 7, 8, 9, 3]], 10, new Random(0), { maskProb: 1 });
 * assertEquals(input[0][0], 2);
 * assertEquals(labels[0], [0, 7, 8, 9, 0]);
 * ```
 */
export function maskTokens(
  ids: readonly (readonly number[])[],
  vocabSize: number,
  rng: Random,
  { maskProb = 0.15 }: { maskProb?: number } = {},
): MaskedTokens {
  if (!(maskProb >= 0 && maskProb <= 1)) {
    throw new ValueError(`maskProb must be in [0, 1]. Got ${maskProb} instead.`);
  }
  if (!(vocabSize > BERT_SPECIAL_TOKENS.length)) {
    throw new ValueError(`vocabSize must exceed the ${BERT_SPECIAL_TOKENS.length} specials.`);
  }
  const first = BERT_SPECIAL_TOKENS.length;
  const input = ids.map((r) => [...r]);
  const labels = ids.map((r) => r.map(() => 0));
  input.forEach((row, b) => {
    for (let t = 0; t < row.length; t++) {
      if (row[t] < first || rng.uniform() >= maskProb) continue;
      labels[b][t] = row[t];
      const r = rng.uniform();
      if (r < 0.8) row[t] = 4;
      else if (r < 0.9) row[t] = first + rng.int(vocabSize - first);
    }
  });
  return { input, labels };
}

/** A sentence pair for next-sentence prediction. */
export interface SentencePair {
  /** First sentence. */
  a: string;
  /** Second sentence. */
  b: string;
  /** 0 = b follows a in the document (IsNext), 1 = b is a random sentence (NotNext), as Hugging Face. */
  label: 0 | 1;
}

/**
 * Next-sentence-prediction pairs: for a random sentence a of a document, b is the next sentence
 * of the same document with probability 1/2, else a random sentence of any document.
 */
export function sentencePairs(
  docs: readonly (readonly string[])[],
  n: number,
  rng: Random,
): SentencePair[] {
  const all = docs.flat();
  const starts = docs.flatMap((d, i) => d.slice(0, -1).map((_, j) => [i, j] as const));
  if (starts.length === 0) throw new ValueError("docs need a document of at least two sentences.");
  return Array.from({ length: n }, () => {
    const [i, j] = starts[rng.int(starts.length)];
    const a = docs[i][j];
    if (rng.uniform() < 0.5) return { a, b: docs[i][j + 1], label: 0 as const };
    return { a, b: all[rng.int(all.length)], label: 1 as const };
  });
}

/** A labelled sentence: its text and the index of the book it comes from. */
export interface BookSentence {
  /** The sentence (Han characters only). */
  text: string;
  /** Index of its book in the input. */
  label: number;
}

/**
 * A small classification task made from several books: every clause of `splitSentences(book,
 * minLength)` labelled with its book's index, shuffled with `seed` and split into train and test
 * (the first `testFraction` of the shuffle).
 *
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { bookClassification } from "../mod.ts";
 *
 * const { train, test } = bookClassification(["上善若水。天长地久。", "学而时习之。巧言令色。"], { testFraction: 0.5 });
 * assertEquals([train.length, test.length], [2, 2]);
 * ```
 */
export function bookClassification(
  books: readonly string[],
  { testFraction = 0.3, seed = 0, minLength = 3 }: SentenceTaskOptions = {},
): { train: BookSentence[]; test: BookSentence[] } {
  checkTestFraction(testFraction);
  const all = books.flatMap((b, label) =>
    splitSentences(b, minLength).map((text) => ({ text, label }))
  );
  return shuffleSplit(all, new Random(seed), testFraction);
}

/**
 * A word-order task made from clauses: each clause of at least `minLength` characters appears
 * once, as written (label 0) or with its characters shuffled into a different order (label 1),
 * each with probability 1/2; shuffled with `seed` and split into train and test (the first
 * `testFraction`). Both classes have the same characters, so the task cannot be solved from
 * character counts: it needs the order, which is what masked-LM pre-training can learn without
 * labels.
 *
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { orderTask } from "../mod.ts";
 *
 * const { train, test } = orderTask(["道可道非常道", "名可名非常名", "天长地久"], { testFraction: 0.34 });
 * assertEquals([train.length, test.length], [2, 1]);
 * for (const d of [...train, ...test]) assertEquals(d.text.length >= 4 && (d.label === 0 || d.label === 1), true);
 * ```
 */
export function orderTask(
  clauses: readonly string[],
  { testFraction = 0.3, seed = 0, minLength = 4 }: SentenceTaskOptions = {},
): { train: BookSentence[]; test: BookSentence[] } {
  checkTestFraction(testFraction);
  const rng = new Random(seed);
  const all = clauses.filter((c) => new Set(c).size >= 2 && [...c].length >= minLength).map(
    (text) => {
      if (rng.uniform() < 0.5) return { text, label: 0 };
      const chars = [...text];
      let out = text;
      while (out === text) out = [...rng.permutation(chars.length)].map((i) => chars[i]).join("");
      return { text: out, label: 1 };
    },
  );
  return shuffleSplit(all, rng, testFraction);
}

/** Options of the sentence tasks (`bookClassification`, `orderTask`). */
export interface SentenceTaskOptions {
  /** Share of the sentences held out for test, in (0, 1); default 0.3. */
  testFraction?: number;
  /** Seed of the shuffle (and of `orderTask`'s word orders); default 0. */
  seed?: number;
  /** Shortest sentence kept, in characters. */
  minLength?: number;
}

function checkTestFraction(testFraction: number): void {
  if (!(testFraction > 0 && testFraction < 1)) {
    throw new ValueError(`testFraction must be in (0, 1). Got ${testFraction} instead.`);
  }
}

/** Shuffles the labelled sentences with `rng`; the first `testFraction` of them are the test set. */
function shuffleSplit(
  all: BookSentence[],
  rng: Random,
  testFraction: number,
): { train: BookSentence[]; test: BookSentence[] } {
  const order = [...rng.permutation(all.length)].map((i) => all[i]);
  const nTest = Math.round(all.length * testFraction);
  return { train: order.slice(nTest), test: order.slice(0, nTest) };
}
