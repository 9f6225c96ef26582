/**
 * Makes danfojs DataFrames and Series display as HTML tables in Deno notebooks: a method for the
 * kernel's `Symbol.for("Jupyter.display")` protocol is put on their prototypes. `print()` and
 * `toString()` are left as they are.
 *
 * @module
 */
import { checkOptions } from "../core/options.ts";
import { DataFrame, Series } from "npm:danfojs@1.2.0";
import { TABLE_OPTION_NAMES, tableHTML, type TableOptions } from "./html.ts";

/** The Deno kernel's display protocol key. */
export const JUPYTER_DISPLAY: unique symbol = Symbol.for("Jupyter.display") as never;

/** What danfojs DataFrames and Series have in common, as far as display needs. */
export interface DanfoLike {
  readonly columns: readonly (string | number)[];
  readonly index: readonly (string | number)[];
  readonly values: readonly unknown[];
  readonly shape: readonly number[];
  toString(): string;
}

/**
 * The prototypes to patch. danfojs exports subclasses of its internal DataFrame and Series,
 * while its operations (`head`, `loc`, `column`, arithmetic, `groupby`...) build instances of
 * the internal classes, so the exported classes' parents are patched too (found by probing).
 */
function danfoPrototypes(): { frames: object[]; series: object[] } {
  const probe = new DataFrame({ a: [1] });
  const frames = new Set<object>([DataFrame.prototype, Object.getPrototypeOf(probe.head(1))]);
  const series = new Set<object>([Series.prototype, Object.getPrototypeOf(probe.column("a"))]);
  return { frames: [...frames], series: [...series] };
}

let prototypes: { frames: object[]; series: object[] } | undefined;

function isSeries(value: DanfoLike): boolean {
  prototypes ??= danfoPrototypes();
  return prototypes.series.some((p) => Object.prototype.isPrototypeOf.call(p, value));
}

/** The MIME bundle a table displays as. */
export interface TableBundle {
  /** The HTML table. */
  "text/html": string;
  /** danfojs's own text rendering. */
  "text/plain": string;
}

/**
 * The HTML table of a danfojs DataFrame or Series, pandas style (index, columns, head and tail
 * when past 60 rows, first and last 10 columns when past 20).
 * @example
 * ```ts
 * import { DataFrame, toHTML } from "./mod.ts";
 * import { assertStringIncludes } from "@std/assert";
 *
 * assertStringIncludes(toHTML(new DataFrame({ x: [1.5, 2.25] })), "<td>1.50</td>");
 * ```
 */
export function toHTML(df: DanfoLike, options: TableOptions = {}): string {
  checkOptions(options, TABLE_OPTION_NAMES, "toHTML");
  if (isSeries(df)) return seriesHTML(df as DanfoLike & { dtype: string }, options);
  const dtypes = (df as { dtypes?: readonly string[] }).dtypes;
  return tableHTML({
    columns: df.columns,
    index: df.index,
    values: df.values as unknown[][],
    dtypes,
  }, options);
}

function seriesHTML(s: DanfoLike & { dtype: string }, options: TableOptions): string {
  const name = s.columns[0] ?? "";
  const values = s.values;
  const truncated = values.length > (options.maxRows ?? 60);
  return tableHTML(
    { columns: [name], index: s.index, values: values.map((v) => [v]), dtypes: [s.dtype] },
    {
      ...options,
      footer: options.footer ??
        (truncated ? `Length: ${values.length}, dtype: ${s.dtype}` : `dtype: ${s.dtype}`),
    },
  );
}

/** The display bundle: the HTML table, and danfojs's own text table as plain text. */
export function tableBundle(df: DanfoLike): TableBundle {
  let text: string;
  try {
    text = df.toString();
  } catch {
    text = `${isSeries(df) ? "Series" : "DataFrame"}(shape ${JSON.stringify(df.shape)})`;
  }
  return { "text/html": toHTML(df), "text/plain": text };
}

/**
 * Puts the display method on DataFrame and Series (done once when lib/table is imported).
 * Safe to call again; returns whether the method is in place.
 */
export function installDisplay(): boolean {
  prototypes ??= danfoPrototypes();
  for (const proto of [...prototypes.frames, ...prototypes.series]) {
    Object.defineProperty(proto, JUPYTER_DISPLAY, {
      value: function (this: DanfoLike): TableBundle {
        return tableBundle(this);
      },
      writable: true,
      configurable: true,
      enumerable: false,
    });
  }
  return [...prototypes.frames, ...prototypes.series].every((p) =>
    typeof (p as Record<symbol, unknown>)[JUPYTER_DISPLAY] === "function"
  );
}
