/**
 * The BPE tokenizer: merges on a hand-worked corpus, encoding by merge rank, round trips, unknown
 * characters, Chinese handled character by character, and BertTokenizer on top of it.
 */
import { assert, assertEquals, assertThrows } from "@std/assert";
import {
  BertTokenizer,
  BPETokenizer,
  preTokenize,
  splitSentences,
  ValueError,
} from "../../../lib/mod.ts";

// hug ×10, pug ×5, pun ×12, bun ×4, hugs ×5. Worked by hand, pairs weighted by word counts:
// 1. ##u ##g: 10 + 5 + 5 = 20 (h ##u 15, p ##u 17, ##u ##n 16) → ##ug
// 2. ##u ##n: 12 + 4 = 16 (h ##ug 15, p ##u 12) → ##un
// 3. h ##ug: 10 + 5 = 15 → hug      4. p ##un: 12 → pun
// 5. p ##ug 5 and hug ##s 5 tie; "hug ##s" < "p ##ug" → hugs      6. p ##ug → pug      7. b ##un 4 → bun
const corpus = [
  "hug ".repeat(10),
  "pug ".repeat(5),
  "pun ".repeat(12),
  "bun ".repeat(4),
  "hugs ".repeat(5),
];

Deno.test("BPE merges on the hand-worked corpus, exactly and in order", () => {
  const bpe = BPETokenizer.train(corpus, { vocabSize: 100 });
  assertEquals(bpe.merges, [
    ["##u", "##g"],
    ["##u", "##n"],
    ["h", "##ug"],
    ["p", "##un"],
    ["hug", "##s"],
    ["p", "##ug"],
    ["b", "##un"],
  ]);
  assertEquals(bpe.tokens, [
    "[PAD]",
    "[UNK]",
    "[CLS]",
    "[SEP]",
    "[MASK]",
    "##g",
    "##n",
    "##s",
    "##u",
    "b",
    "h",
    "p",
    "##ug",
    "##un",
    "hug",
    "pun",
    "hugs",
    "pug",
    "bun",
  ]);
  // vocabSize stops early; minFrequency stops at pairs seen fewer times
  assertEquals(BPETokenizer.train(corpus, { vocabSize: 14 }).merges.length, 2);
  assertEquals(BPETokenizer.train(corpus, { minFrequency: 6 }).merges.length, 4);
});

Deno.test("encoding applies merges by rank; round trips; unknown characters become [UNK]", () => {
  const bpe = BPETokenizer.train(corpus, { vocabSize: 15 }); // merges 1-3 only
  assertEquals(bpe.tokenize("hugs pun bug"), ["hug", "##s", "p", "##un", "b", "##ug"]);
  const text = "hugs pun bug";
  assertEquals(bpe.decode(bpe.encode(text)), text);
  const withComma = BPETokenizer.train([...corpus, "hug, pug"]);
  assertEquals(withComma.decode(withComma.encode("pun, hugs")), "pun, hugs");
  // characters never seen: "m" and "!" (a continuation "##x" is unknown even if "x" is known)
  assertEquals(bpe.tokenize("mugs!"), ["[UNK]", "##ug", "##s", "[UNK]"]);
  assertEquals(bpe.tokenize("uh"), ["[UNK]", "[UNK]"]);
  assertEquals(bpe.encode("mug")[0], 1);
  assertEquals(bpe.decode([2, ...bpe.encode("hug"), 3, 0, 0]), "[CLS] hug [SEP]");
  assertThrows(() => BPETokenizer.train(corpus, { vocabSize: 5 }), ValueError, "vocabSize must be");
  assertThrows(() => BPETokenizer.train(corpus, { minFrequency: 0 }), ValueError, "minFrequency");
});

Deno.test("Chinese: one token per Han character by default; merges across characters when asked", () => {
  assertEquals(preTokenize("子曰：“学而时习之”abc"), [
    "子",
    "曰",
    "：",
    "“",
    "学",
    "而",
    "时",
    "习",
    "之",
    "”",
    "abc",
  ]);
  assertEquals(preTokenize("君子务本，本立", false), ["君子务本", "，", "本立"]);
  const text = "君子务本，本立而道生。君子不重则不威。君子食无求饱。";
  const chars = BPETokenizer.train([text]);
  assertEquals(chars.merges.length, 0);
  assertEquals(chars.decode(chars.encode(text)), text);
  const words = BPETokenizer.train([text], { chineseChars: false });
  assertEquals(words.merges[0], ["君", "##子"]);
  assertEquals(words.tokenize("君子"), ["君子"]);
  assertEquals(words.decode(words.encode(text)), text);
});

Deno.test("BertTokenizer keeps the character vocabulary of the classics (committed weights load)", () => {
  const root = new URL("../../../", import.meta.url);
  const books = ["daodejing", "lunyu_xueer"].map((b) =>
    Deno.readTextFileSync(new URL(`data/classics/${b}.txt`, root))
  );
  const tok = new BertTokenizer(books);
  const chars = [...new Set(books.join("").replace(/\s/g, ""))].sort();
  assertEquals(tok.tokens, ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", ...chars]);
  const s = splitSentences(books[1])[0];
  assertEquals(tok.encode(s).length, [...s].length);
  const sub = new BertTokenizer(books, { chineseChars: false, vocabSize: 600 });
  assertEquals(sub.size, 600);
  // frequent pairs of the classics become tokens: fewer pieces per clause
  assert(sub.encode(s).length < [...s].length, `${sub.bpe.tokenize(s)}`);
});
