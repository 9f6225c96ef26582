/**
 * Chinese word segmentation as sequence labelling: each character is tagged B (begins a word),
 * M (middle), E (ends) or S (a single-character word); the CRF learns the tags from character
 * n-gram attributes, and the words are read back from the tags.
 *
 * @module
 */

/** BMES tags of a segmented sentence. */
export function wordsToTags(words: readonly string[]): string[] {
  return words.flatMap((w) => {
    const chars = [...w];
    if (chars.length === 1) return ["S"];
    return chars.map((_, k) => (k === 0 ? "B" : k === chars.length - 1 ? "E" : "M"));
  });
}

/** The words of a sentence from its characters and BMES tags (an ill-formed tag run still ends a word at E/S). */
export function tagsToWords(sentence: string, tags: readonly string[]): string[] {
  const chars = [...sentence], words: string[] = [];
  let current = "";
  chars.forEach((c, i) => {
    current += c;
    if (
      tags[i] === "E" || tags[i] === "S" || i === chars.length - 1 || tags[i + 1] === "B" ||
      tags[i + 1] === "S"
    ) {
      words.push(current);
      current = "";
    }
  });
  return words;
}

/** Character attributes per position: unigrams c₋₂..c₂, bigrams c₋₁c₀ and c₀c₁, and a bias. */
export function segmentationFeatures(sentence: string): string[][] {
  const chars = [...sentence];
  const at = (i: number) => (i < 0 ? "<s>" : i >= chars.length ? "</s>" : chars[i]);
  return chars.map((_, i) => [
    "bias",
    `c-2=${at(i - 2)}`,
    `c-1=${at(i - 1)}`,
    `c0=${at(i)}`,
    `c1=${at(i + 1)}`,
    `c2=${at(i + 2)}`,
    `c-1c0=${at(i - 1)}${at(i)}`,
    `c0c1=${at(i)}${at(i + 1)}`,
    `c-1c1=${at(i - 1)}${at(i + 1)}`,
  ]);
}

/** Word-level precision, recall and F1 of predicted segmentations against gold ones (by character spans). */
export function segmentationScores(
  gold: readonly (readonly string[])[],
  predicted: readonly (readonly string[])[],
): { precision: number; recall: number; f1: number } {
  const spans = (words: readonly string[]) => {
    const out = new Set<string>();
    let start = 0;
    for (const w of words) {
      const end = start + [...w].length;
      out.add(`${start}:${end}`);
      start = end;
    }
    return out;
  };
  let correct = 0, nGold = 0, nPred = 0;
  gold.forEach((g, s) => {
    const a = spans(g), b = spans(predicted[s]);
    nGold += a.size;
    nPred += b.size;
    for (const span of b) if (a.has(span)) correct++;
  });
  const precision = nPred ? correct / nPred : 0, recall = nGold ? correct / nGold : 0;
  return {
    precision,
    recall,
    f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0,
  };
}

/** Sentences of a segmented text: one sentence per line, words separated by spaces; blank lines and `#` comments skipped. */
export function parseSegmentedText(text: string): string[][] {
  return text.split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#")).map((l) =>
    l.split(/\s+/)
  );
}
