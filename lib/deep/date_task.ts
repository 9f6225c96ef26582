/**
 * A sequence-to-sequence task made here: dates written in many forms ("3 May 1979",
 * "May 3, 1979", "1979年5月3日", "03.05.1979", "Thursday, 3 May 1979", ...) to ISO 8601
 * ("1979-05-03"). Small enough to train in seconds, hard enough to need attention to the right
 * characters (month names, day order, weekday words to skip).
 *
 * @module
 */
import { Random } from "../core/mod.ts";

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const CN_DIGITS = "〇一二三四五六七八九";

const pad2 = (n: number) => String(n).padStart(2, "0");
const ordinal = (d: number) =>
  d +
  (d % 10 === 1 && d !== 11
    ? "st"
    : d % 10 === 2 && d !== 12
    ? "nd"
    : d % 10 === 3 && d !== 13
    ? "rd"
    : "th");

/** The written forms, each a function of (year, month 1-12, day, weekday 0-6). */
export const DATE_FORMATS: readonly ((y: number, m: number, d: number, w: number) => string)[] =
  Object.freeze([
    (y, m, d) => `${d} ${MONTHS[m - 1]} ${y}`,
    (y, m, d) => `${MONTHS[m - 1]} ${d}, ${y}`,
    (y, m, d) => `${d} ${MONTHS[m - 1].slice(0, 3)} ${y}`,
    (y, m, d) => `${MONTHS[m - 1].slice(0, 3).toUpperCase()} ${pad2(d)} ${y}`,
    (y, m, d) => `${y}年${m}月${d}日`,
    (y, m, d) => `${[...String(y)].map((c) => CN_DIGITS[+c]).join("")}年${m}月${d}日`,
    (y, m, d) => `${pad2(d)}.${pad2(m)}.${y}`,
    (y, m, d) => `${y}/${pad2(m)}/${pad2(d)}`,
    (y, m, d) => `the ${ordinal(d)} of ${MONTHS[m - 1]} ${y}`,
    (y, m, d, w) => `${DAYS[w]}, ${d} ${MONTHS[m - 1]} ${y}`,
    (y, m, d, w) => `${DAYS[w].slice(0, 3)} ${MONTHS[m - 1].slice(0, 3)} ${d} ${y}`,
  ]);

/** One example: the written date and its ISO form. */
export interface DatePair {
  /** As written, e.g. "3 May 1979". */
  source: string;
  /** ISO 8601, e.g. "1979-05-03". */
  target: string;
}

/**
 * `n` random dates between 1950-01-01 and 2049-12-31, each in a random written form, with the
 * ISO target. Seeded: the same seed gives the same pairs. `formats` picks indices of
 * `DATE_FORMATS` (default all).
 *
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { makeDatePairs } from "../mod.ts";
 *
 * const pairs = makeDatePairs({ n: 3, seed: 1 });
 * assertEquals(pairs.length, 3);
 * assertEquals(/^\d{4}-\d{2}-\d{2}$/.test(pairs[0].target), true);
 * ```
 */
export function makeDatePairs(
  { n, seed = 0, formats }: { n: number; seed?: number; formats?: number[] },
): DatePair[] {
  const use = formats ?? DATE_FORMATS.map((_, i) => i);
  const rng = new Random(seed);
  const start = Date.UTC(1950, 0, 1), days = Math.round((Date.UTC(2050, 0, 1) - start) / 86400000);
  const out: DatePair[] = [];
  for (let i = 0; i < n; i++) {
    const date = new Date(start + rng.int(days) * 86400000);
    const [y, m, d, w] = [
      date.getUTCFullYear(),
      date.getUTCMonth() + 1,
      date.getUTCDate(),
      date.getUTCDay(),
    ];
    const f = DATE_FORMATS[use[rng.int(use.length)]];
    out.push({ source: f(y, m, d, w), target: `${y}-${pad2(m)}-${pad2(d)}` });
  }
  return out;
}
