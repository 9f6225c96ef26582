/**
 * lib/table: danfojs DataFrames and Series render as HTML tables in Deno notebooks, like pandas.
 * Importing this module installs the display method; a cell ending with a DataFrame shows a table.
 * danfojs is heavy to load (~0.8 s), so lib/table is imported on its own, not through lib/mod.ts.
 *
 * @example
 * ```ts
 * import { DataFrame, JUPYTER_DISPLAY } from "./mod.ts"; // in a notebook: "../lib/table/mod.ts"
 * import { assertStringIncludes } from "@std/assert";
 *
 * const df = new DataFrame({ x: [1.5, 2.25], y: ["a", "b"] }); // a cell ending in df: a table
 * const bundle = (df as unknown as Record<symbol, () => { "text/html": string }>)[JUPYTER_DISPLAY]();
 * assertStringIncludes(bundle["text/html"], "<td>2.25</td>");
 * ```
 *
 * @module
 */
import { installDisplay } from "./display.ts";

export {
  installDisplay,
  JUPYTER_DISPLAY,
  type TableBundle,
  tableBundle,
  toHTML,
} from "./display.ts";
export { escapeHTML, type TableData, tableHTML, type TableOptions } from "./html.ts";
export { formatColumn, formatFloatColumn, formatValue } from "./format.ts";
/** danfojs's classes, re-exported so that a notebook gets them with the display installed. */
export { DataFrame, Series } from "npm:danfojs@1.2.0";

installDisplay();
