/**
 * Data sets of *The Elements of Statistical Learning* (Hastie, Tibshirani & Friedman), read
 * from a local copy or downloaded once from the book's website. They are not committed here.
 *
 * Lookup order without a `cacheDir` option: `../shared/data/esl/` next to the repository (a
 * read-only shared copy, when it exists), then `~/.cache/mlnotes/esl/`, then a download into
 * the latter. Both the website's format (`train` as T/F, `famhist` as Present/Absent) and the
 * 0/1-coded copies are accepted.
 *
 * @module
 */
import { checkOptions, optionNames } from "../core/options.ts";
import { ValueError } from "../core/errors.ts";
import { type DirLike, readCachedText, userCacheDir } from "./cache.ts";
import { columnLabel, parseCsv, parseNumber } from "./csv.ts";
import type { Dataset } from "./types.ts";

const ESL_OPTION_NAMES = optionNames<EslOptions>({ cacheDir: true, baseUrl: true, download: true });

/** Where the book's website keeps the data files. */
export const ESL_BASE_URL = "https://hastie.su.domains/ElemStatLearn/datasets/";

const SHARED_ESL_DIR = new URL("../../../shared/data/esl/", import.meta.url);

/** Options of {@link loadProstate} and {@link loadSAHeart}. */
export interface EslOptions {
  /**
   * Directory to read the file from and download it into; when given, no other place is
   * searched. @default `../shared/data/esl/` if it has the file, else `~/.cache/mlnotes/esl/`
   */
  cacheDir?: DirLike;
  /** Base URL of the downloads. @default ESL_BASE_URL */
  baseUrl?: string;
  /** Download the file when no local copy exists. @default true */
  download?: boolean;
}

/** Prostate cancer data: a {@link Dataset} plus the book's train/test split and row ids. */
export interface ProstateData extends Dataset {
  /** `true` for the 67 training rows of ESL Table 3.2, `false` for the 30 test rows. */
  train: boolean[];
  /** The row ids of the file (1..97). */
  ids: number[];
}

/** South African heart disease data: a {@link Dataset} plus the file's row ids. */
export interface SAHeartData extends Dataset {
  /** The row ids of the file (`row.names`, 1..463 with gaps). */
  ids: number[];
}

const PROSTATE_FEATURES = ["lcavol", "lweight", "age", "lbph", "svi", "lcp", "gleason", "pgg45"];
const SAHEART_FEATURES = [
  "sbp",
  "tobacco",
  "ldl",
  "adiposity",
  "famhist",
  "typea",
  "obesity",
  "alcohol",
  "age",
];

/** Reads one coded column: each accepted spelling maps to its number. */
function coded(field: string, codes: Map<string, number>, where: string): number {
  const code = codes.get(field.trim());
  if (code === undefined) {
    throw new ValueError(
      `${where}: expected one of ${[...codes.keys()].join(", ")}, got ${JSON.stringify(field)}.`,
    );
  }
  return code;
}

function indexOf(header: string[], name: string, source: string): number {
  const i = header.findIndex((h) => h.trim() === name);
  if (i < 0) {
    throw new ValueError(`${source} has no column ${JSON.stringify(name)} in its header.`);
  }
  return i;
}

/**
 * Parses `prostate.data` (tab-separated, unnamed id column first; Stamey et al., 1989).
 *
 * @param text the file's contents
 * @param source name for error messages
 * @example
 * ```ts
 * import { parseProstate } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * const text = "\tlcavol\tlweight\tage\tlbph\tsvi\tlcp\tgleason\tpgg45\tlpsa\ttrain\n" +
 *   "1\t-0.58\t2.77\t50\t-1.39\t0\t-1.39\t6\t0\t-0.43\tT\n" +
 *   "2\t-0.99\t3.32\t58\t-1.39\t0\t-1.39\t6\t0\t-0.16\tF\n";
 * const data = parseProstate(text);
 * assertEquals(data.X[1].slice(0, 3), [-0.99, 3.32, 58]);
 * assertEquals([data.y, data.train, data.ids], [[-0.43, -0.16], [true, false], [1, 2]]);
 * ```
 */
export function parseProstate(text: string, source = "prostate.data"): ProstateData {
  const { header, rows, lines } = parseCsv(text, { delimiter: "\t", source });
  const featureCols = PROSTATE_FEATURES.map((name) => indexOf(header, name, source));
  const lpsa = indexOf(header, "lpsa", source);
  const train = indexOf(header, "train", source);
  const at = (r: number, c: number) => `${source} line ${lines[r]}, ${columnLabel(header, c)}`;
  const trainCodes = new Map([["T", 1], ["TRUE", 1], ["1", 1], ["F", 0], ["FALSE", 0], ["0", 0]]);
  return {
    X: rows.map((row, r) => featureCols.map((c) => parseNumber(row[c], at(r, c)))),
    y: rows.map((row, r) => parseNumber(row[lpsa], at(r, lpsa))),
    featureNames: [...PROSTATE_FEATURES],
    targetNames: [],
    description: "Prostate cancer (Stamey et al., 1989): 8 clinical measures of 97 men " +
      "before radical prostatectomy; target lpsa = log(prostate-specific antigen). ESL §3.2.",
    train: rows.map((row, r) => coded(row[train], trainCodes, at(r, train)) === 1),
    ids: rows.map((row, r) => parseNumber(row[0], at(r, 0))),
  };
}

/**
 * Parses `SAheart.data` (comma-separated with a header; Rousseauw et al., 1983).
 * `famhist` becomes 1 = Present, 0 = Absent.
 *
 * @param text the file's contents
 * @param source name for error messages
 */
export function parseSAHeart(text: string, source = "SAheart.data"): SAHeartData {
  const { header, rows, lines } = parseCsv(text, { source });
  const featureCols = SAHEART_FEATURES.map((name) => indexOf(header, name, source));
  const chd = indexOf(header, "chd", source);
  const id = indexOf(header, "row.names", source);
  const at = (r: number, c: number) => `${source} line ${lines[r]}, ${columnLabel(header, c)}`;
  const famhist = featureCols[SAHEART_FEATURES.indexOf("famhist")];
  const famhistCodes = new Map([["Present", 1], ["Absent", 0], ["1", 1], ["0", 0]]);
  return {
    X: rows.map((row, r) =>
      featureCols.map((c) =>
        c === famhist ? coded(row[c], famhistCodes, at(r, c)) : parseNumber(row[c], at(r, c))
      )
    ),
    y: rows.map((row, r) => coded(row[chd], CHD_CODES, at(r, chd))),
    featureNames: [...SAHEART_FEATURES],
    targetNames: ["no chd", "chd"],
    description: "South African heart disease (Rousseauw et al., 1983): 9 risk factors of 462 " +
      "men from a high-risk region of the Western Cape; target chd = coronary heart disease. " +
      "ESL §4.4.2.",
    ids: rows.map((row, r) => parseNumber(row[id], at(r, id))),
  };
}

const CHD_CODES = new Map([["0", 0], ["1", 1]]);

function fileOptions(options: EslOptions, validate: (text: string, source: string) => void) {
  return {
    searchDirs: options.cacheDir === undefined ? [SHARED_ESL_DIR] : [],
    cacheDir: options.cacheDir ?? userCacheDir("esl"),
    baseUrl: options.baseUrl ?? ESL_BASE_URL,
    download: options.download ?? true,
    validate,
  };
}

/**
 * Prostate cancer data of ESL §3.2 (97 × 8, target lpsa, `train` marks the 67 training rows).
 *
 * @example
 * ```ts
 * import { loadProstate } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * // `await loadProstate()` reads the 97 rows (67 train rows for ESL Table 3.2), downloading the
 * // file once; here a folder of our own holds a two-row copy and nothing is downloaded
 * const cacheDir = await Deno.makeTempDir();
 * await Deno.writeTextFile(
 *   `${cacheDir}/prostate.data`,
 *   "\tlcavol\tlweight\tage\tlbph\tsvi\tlcp\tgleason\tpgg45\tlpsa\ttrain\n" +
 *     "1\t-0.58\t2.77\t50\t-1.39\t0\t-1.39\t6\t0\t-0.43\tT\n" +
 *     "2\t-0.99\t3.32\t58\t-1.39\t0\t-1.39\t6\t0\t-0.16\tF\n",
 * );
 * const { X, train } = await loadProstate({ cacheDir, download: false });
 * assertEquals(X.filter((_, i) => train[i]).length, 1);
 * await Deno.remove(cacheDir, { recursive: true });
 * ```
 */
export async function loadProstate(options: EslOptions = {}): Promise<ProstateData> {
  checkOptions(options, ESL_OPTION_NAMES, "loadProstate");
  const text = await readCachedText("prostate.data", fileOptions(options, parseProstate));
  return parseProstate(text);
}

/**
 * South African heart disease data of ESL §4.4.2 (462 × 9, target chd with 160 cases).
 *
 * @example
 * ```ts
 * import { loadSAHeart } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * // `await loadSAHeart()` reads the 462 rows, downloading the file once; here a folder of our
 * // own holds a two-row copy and nothing is downloaded
 * const cacheDir = await Deno.makeTempDir();
 * await Deno.writeTextFile(
 *   `${cacheDir}/SAheart.data`,
 *   "row.names,sbp,tobacco,ldl,adiposity,famhist,typea,obesity,alcohol,age,chd\n" +
 *     "1,160,12.00,5.73,23.11,Present,49,25.30,97.20,52,1\n" +
 *     "2,144,0.01,4.41,28.61,Absent,55,28.87,2.06,63,1\n",
 * );
 * const { X, y, featureNames } = await loadSAHeart({ cacheDir, download: false });
 * assertEquals(featureNames[4], "famhist");
 * assertEquals([X[0][4], X[1][4], y[0]], [1, 0, 1]); // Present = 1, Absent = 0
 * await Deno.remove(cacheDir, { recursive: true });
 * ```
 */
export async function loadSAHeart(options: EslOptions = {}): Promise<SAHeartData> {
  checkOptions(options, ESL_OPTION_NAMES, "loadSAHeart");
  const text = await readCachedText("SAheart.data", fileOptions(options, parseSAHeart));
  return parseSAHeart(text);
}
