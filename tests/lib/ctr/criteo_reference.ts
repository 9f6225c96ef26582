/**
 * The first Criteo line parser of lib/ctr (split on tabs, `Number` per field), kept as the
 * reference that the byte-level reader must reproduce value for value.
 */
export interface ReferenceRows {
  labels: number[];
  dense: number[];
  categorical: string[];
  probability: number[] | null;
}

export function referenceParse(text: string): ReferenceRows {
  const out: ReferenceRows = { labels: [], dense: [], categorical: [], probability: null };
  for (const raw of text.split("\n")) {
    const s = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (s === "") continue;
    const f = s.split("\t");
    if (f.length === 41) out.probability ??= [];
    out.labels.push(f[0] === "1" ? 1 : 0);
    for (let j = 0; j < 13; j++) out.dense.push(f[1 + j] === "" ? NaN : Number(f[1 + j]));
    for (let j = 0; j < 26; j++) out.categorical.push(f[14 + j]);
    if (out.probability) out.probability.push(Number(f[40]));
  }
  return out;
}
