/**
 * HTML tables for DataFrame-like data, laid out like pandas in a notebook: index in the first
 * column, long frames cut to head and tail, wide frames cut to the first and last columns.
 *
 * @module
 */
import { checkOptions, optionNames } from "../core/options.ts";
import { formatColumn, formatValue } from "./format.ts";

/** The keys of {@link TableOptions}, for `checkOptions`. */
export const TABLE_OPTION_NAMES: string[] = optionNames<TableOptions>({
  maxRows: true,
  minRows: true,
  maxColumns: true,
  footer: true,
});

/** What a table needs: column names, row labels and rows of values (danfojs DataFrame fits). */
export interface TableData {
  readonly columns: readonly (string | number)[];
  readonly index: readonly (string | number)[];
  readonly values: readonly (readonly unknown[])[];
  readonly dtypes?: readonly string[];
}

/** Truncation limits, pandas' defaults. */
export interface TableOptions {
  /** More rows than this are cut to head and tail. @default 60 (pandas display.max_rows) */
  maxRows?: number;
  /** Rows shown when cut: half at the head, half at the tail. @default 10 (pandas display.min_rows) */
  minRows?: number;
  /** More columns than this are cut to the first and last ones. @default 20 (pandas display.max_columns) */
  maxColumns?: number;
  /** Caption under the table, e.g. "Name: x, dtype: float32". @default the shape when cut */
  footer?: string;
}

/** Escapes text for HTML element content. */
export function escapeHTML(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** Positions kept when `n` items exceed `max`: head and tail of `keep` in all, -1 marks the gap. */
export function visiblePositions(n: number, max: number, keep: number): number[] {
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  const head = Math.ceil(keep / 2);
  const tail = Math.floor(keep / 2);
  return [
    ...Array.from({ length: head }, (_, i) => i),
    -1,
    ...Array.from({ length: tail }, (_, i) => n - tail + i),
  ];
}

const STYLE = "<style scoped>\n" +
  "  .mlnotes-table { border-collapse: collapse; font-size: 12px; }\n" +
  "  .mlnotes-table th, .mlnotes-table td { padding: 0.25em 0.6em; text-align: right; }\n" +
  "  .mlnotes-table thead th { border-bottom: 1px solid #999; vertical-align: bottom; }\n" +
  "  .mlnotes-table tbody th { font-weight: bold; vertical-align: top; }\n" +
  "  .mlnotes-table tbody tr:nth-child(odd) { background: #f5f5f5; }\n" +
  "</style>\n";

/**
 * The HTML of a table: a header row of column names, then one row per index label.
 * Cells are formatted a column at a time (see `formatColumn`) and escaped.
 * @example
 * ```ts
 * import { tableHTML } from "./mod.ts";
 * import { assertStringIncludes } from "@std/assert";
 *
 * const html = tableHTML({ columns: ["x"], index: [0, 1], values: [[1.5], [2.25]] });
 * assertStringIncludes(html, "<td>1.50</td>"); // one float format per column
 * assertStringIncludes(html, "<td>2.25</td>");
 * ```
 */
export function tableHTML(table: TableData, options: TableOptions = {}): string {
  checkOptions(options, TABLE_OPTION_NAMES, "tableHTML");
  const { maxRows = 60, minRows = 10, maxColumns = 20 } = options;
  const nRows = table.index.length;
  const nCols = table.columns.length;
  const rows = visiblePositions(nRows, maxRows, minRows);
  const cols = visiblePositions(nCols, maxColumns, maxColumns);
  // Format only what is shown, a column at a time so a column shares one float format.
  const shownRows = rows.filter((r) => r >= 0);
  const text = new Map<number, string[]>();
  for (const c of cols) {
    if (c < 0) continue;
    text.set(c, formatColumn(shownRows.map((r) => table.values[r]?.[c]), table.dtypes?.[c]));
  }
  const out: string[] = ["<div>\n", STYLE, '<table border="1" class="dataframe mlnotes-table">\n'];
  out.push("  <thead>\n    <tr>\n      <th></th>\n");
  for (const c of cols) {
    out.push(
      "      <th>" + (c < 0 ? "..." : escapeHTML(formatValue(table.columns[c]))) + "</th>\n",
    );
  }
  out.push("    </tr>\n  </thead>\n  <tbody>\n");
  let k = 0;
  for (const r of rows) {
    out.push(
      "    <tr>\n      <th>" + (r < 0 ? "..." : escapeHTML(formatValue(table.index[r]))) +
        "</th>\n",
    );
    for (const c of cols) {
      const cell = r < 0 || c < 0 ? "..." : escapeHTML(text.get(c)![k]);
      out.push("      <td>" + cell + "</td>\n");
    }
    out.push("    </tr>\n");
    if (r >= 0) k++;
  }
  out.push("  </tbody>\n</table>\n");
  const truncated = nRows > maxRows || nCols > maxColumns;
  const footer = options.footer ??
    (truncated ? `${nRows} rows × ${nCols} column${nCols === 1 ? "" : "s"}` : undefined);
  if (footer !== undefined) out.push("<p>" + escapeHTML(footer) + "</p>\n");
  out.push("</div>");
  return out.join("");
}
