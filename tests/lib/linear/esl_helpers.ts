/** Shared by the ESL linear-method tests: the scikit-learn fixture and the book's design. */
import { loadProstate, type ProstateDesign, prostateDesign } from "../../../lib/mod.ts";

// deno-lint-ignore no-explicit-any
export const FIXTURE: any = JSON.parse(
  Deno.readTextFileSync(new URL("../../fixtures/esl_linear.json", import.meta.url)),
);

let design: ProstateDesign | undefined;
/** ESL §3.2's standardised prostate design, from ../shared/data/esl (loaded once). */
export async function prostate(): Promise<ProstateDesign> {
  design ??= prostateDesign(await loadProstate({ download: false }));
  return design;
}

/** max |aᵢ − bᵢ| over (possibly nested) arrays of numbers. */
export function maxDiff(a: unknown, b: unknown): number {
  const fa = flat(a), fb = flat(b);
  if (fa.length !== fb.length) throw new Error(`length ${fa.length} vs ${fb.length}`);
  return fa.reduce((m, v, i) => Math.max(m, Math.abs(v - fb[i])), 0);
}

function flat(x: unknown): number[] {
  if (typeof x === "number") return [x];
  if (x && typeof x === "object" && "toArray" in x) {
    return flat((x as { toArray(): unknown }).toArray());
  }
  return Array.from(x as ArrayLike<unknown>).flatMap(flat);
}
