/**
 * A small RFC 4180 CSV reader: quoted fields (with `""` escapes, delimiters and line breaks
 * inside), `\n` or `\r\n` line ends, blank lines skipped. Errors name the source and the line.
 *
 * @module
 */
import { checkOptions, optionNames } from "../core/options.ts";
import { ShapeError, ValueError } from "../core/errors.ts";

const CSV_OPTION_NAMES = optionNames<CsvOptions>({ delimiter: true, header: true, source: true });

/** Options of {@link parseCsv}. */
export interface CsvOptions {
  /** Field separator, a single character. @default "," */
  delimiter?: string;
  /** Whether the first record holds the column names. @default true */
  header?: boolean;
  /** What to call the input in error messages, e.g. a file path. @default "CSV input" */
  source?: string;
}

/** A parsed CSV: column names, the data records, and the 1-based line each record starts on. */
export interface CsvTable {
  /** The column names (the first record, or "0", "1", ... without a header). */
  header: string[];
  /** The data records, fields as text. */
  rows: string[][];
  /** The 1-based line each record starts on, for error messages. */
  lines: number[];
}

/**
 * Splits CSV text into records of string fields, checking that every record has as many fields
 * as the header (or, without a header, as the first record).
 *
 * @param text the CSV text
 * @example
 * ```ts
 * import { parseCsv } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * const { header, rows } = parseCsv('a,b\n1,"x, y"\n');
 * assertEquals([header, rows], [["a", "b"], [["1", "x, y"]]]);
 * ```
 */
export function parseCsv(text: string, options: CsvOptions = {}): CsvTable {
  checkOptions(options, CSV_OPTION_NAMES, "parseCsv");
  const { delimiter = ",", header = true, source = "CSV input" } = options;
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === "\n" || delimiter === "\r") {
    throw new ValueError(
      `The 'delimiter' option must be one character other than a quote or line break. Got ${
        JSON.stringify(delimiter)
      } instead.`,
    );
  }
  const records: string[][] = [];
  const starts: number[] = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false; // the current field was quoted, so it exists even when empty
  let line = 1;
  let recordLine = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // skip a byte-order mark
  const n = text.length;

  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && field === "" && !quoted)) { // a blank line is no record
      records.push(fields);
      starts.push(recordLine);
    }
    fields = [];
    field = "";
    quoted = false;
  };

  while (i < n) {
    const c = text[i];
    if (c === '"' && field === "" && !quoted) {
      const openLine = line;
      i++;
      for (;;) {
        if (i >= n) {
          throw new ValueError(`${source} line ${openLine}: a quoted field is never closed.`);
        }
        const d = text[i];
        if (d === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (d === "\n") line++;
        field += d;
        i++;
      }
      quoted = true;
      if (i < n && text[i] !== delimiter && text[i] !== "\n" && text[i] !== "\r") {
        throw new ValueError(
          `${source} line ${line}: expected a delimiter or line end after a closing quote, got ${
            JSON.stringify(text[i])
          }.`,
        );
      }
    } else if (c === delimiter) {
      fields.push(field);
      field = "";
      quoted = false;
      i++;
    } else if (c === "\n" || c === "\r") {
      endRecord();
      i += c === "\r" && text[i + 1] === "\n" ? 2 : 1;
      line++;
      recordLine = line;
    } else if (c === '"') {
      throw new ValueError(
        `${source} line ${line}: a quote inside an unquoted field; quote the whole field and ` +
          `double the inner quotes ("").`,
      );
    } else {
      // Copy the run of ordinary characters in one slice rather than char by char.
      let j = i + 1;
      while (j < n) {
        const d = text[j];
        if (d === delimiter || d === "\n" || d === "\r" || d === '"') break;
        j++;
      }
      field += text.slice(i, j);
      i = j;
    }
  }
  if (fields.length > 0 || field !== "" || quoted) endRecord();

  if (header && records.length === 0) {
    throw new ValueError(`${source} is empty: expected a header row.`);
  }
  const names = header ? records[0] : [];
  const rows = header ? records.slice(1) : records;
  const lines = header ? starts.slice(1) : starts;
  const width = header ? names.length : rows[0]?.length;
  for (let r = 0; r < rows.length; r++) {
    if (rows[r].length !== width) {
      throw new ShapeError(
        `${source} line ${lines[r]} has ${rows[r].length} fields, but the ${
          header ? "header" : "first row"
        } has ${width}.`,
      );
    }
  }
  return { header: names, rows, lines };
}

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Parses one decimal number (surrounding spaces allowed). Unlike `Number()`, rejects the empty
 * string, hex, `Infinity` and `NaN`, naming `where` in the error.
 *
 * @param text the field
 * @param where the location for the error message, e.g. `data/iris.csv line 3, column "x"`
 * @example
 * ```ts
 * import { parseNumber } from "../mod.ts";
 * import { assertEquals, assertThrows } from "@std/assert";
 *
 * assertEquals(parseNumber(" -1.5e3", "input"), -1500);
 * assertThrows(() => parseNumber("1,5", 'data.csv line 3, column "x"'), Error, "line 3");
 * ```
 */
export function parseNumber(text: string, where: string): number {
  const t = text.trim();
  if (!DECIMAL.test(t)) {
    throw new ValueError(`${where}: expected a number, got ${JSON.stringify(text)}.`);
  }
  return Number(t);
}

/** A CSV whose fields are all numbers. */
export interface NumericTable {
  /** The column names. */
  header: string[];
  /** shape (nRows, nColumns) */
  values: number[][];
}

/**
 * Parses a CSV in which every data field is a decimal number.
 *
 * @example
 * ```ts
 * import { parseNumericCsv } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * assertEquals(parseNumericCsv("x,y\n1,2\n3,4\n").values, [[1, 2], [3, 4]]);
 * ```
 */
export function parseNumericCsv(text: string, options: CsvOptions = {}): NumericTable {
  checkOptions(options, CSV_OPTION_NAMES, "parseNumericCsv");
  const source = options.source ?? "CSV input";
  const table = parseCsv(text, options);
  const values = table.rows.map((row, r) =>
    row.map((field, c) =>
      parseNumber(field, `${source} line ${table.lines[r]}, ${columnLabel(table.header, c)}`)
    )
  );
  return { header: table.header, values };
}

/** `column "name"` when there is a header, else `column 3` (1-based). */
export function columnLabel(header: string[], c: number): string {
  return header.length > c ? `column ${JSON.stringify(header[c])}` : `column ${c + 1}`;
}
