import { assert, assertEquals, assertStringIncludes } from "@std/assert";
import {
  DataFrame,
  formatColumn,
  formatFloatColumn,
  installDisplay,
  JUPYTER_DISPLAY,
  Series,
  tableBundle,
  tableHTML,
  toHTML,
} from "../../../lib/table/mod.ts";

/** Body rows of a table as [index, ...cells] text. */
function bodyRows(html: string): string[][] {
  const body = html.slice(html.indexOf("<tbody>"), html.indexOf("</tbody>"));
  return body.split("<tr>").slice(1).map((row) =>
    [...row.matchAll(/<t[hd]>(.*?)<\/t[hd]>/g)].map((m) => m[1])
  );
}

/** Header cells of a table. */
function headerCells(html: string): string[] {
  const head = html.slice(html.indexOf("<thead>"), html.indexOf("</thead>"));
  return [...head.matchAll(/<th>(.*?)<\/th>/g)].map((m) => m[1]);
}

const display = (value: unknown) =>
  (value as Record<symbol, () => { "text/html": string; "text/plain": string }>)[
    Symbol.for("Jupyter.display")
  ];

Deno.test("importing lib/table gives DataFrame and Series the Jupyter display method", () => {
  const df = new DataFrame({ a: [1.5, 2.25, 3], b: ["x", "y", "z"] });
  assertEquals(JUPYTER_DISPLAY, Symbol.for("Jupyter.display"));
  assertEquals(typeof display(df), "function");
  assertEquals(typeof display(new Series([1, 2])), "function");
  // frames and series that danfojs builds itself (internal classes) have it too
  for (
    const derived of [
      df.head(2),
      df.loc({ rows: [0] }),
      df.column("a"),
      df.column("a").add(1),
      new DataFrame({ x: [1, 2] }).add(1),
      df.describe(),
    ]
  ) {
    assertEquals(typeof display(derived), "function", derived.constructor.name);
  }
  assertEquals(installDisplay(), true, "installing again is harmless");
  const bundle = display(df).call(df);
  assertEquals(Object.keys(bundle).sort(), ["text/html", "text/plain"]);
  assertEquals(bundle["text/plain"], df.toString());
  assertEquals(bundle["text/html"], toHTML(df));
});

Deno.test("a DataFrame renders with its index, columns and pandas-style numbers", () => {
  const df = new DataFrame(
    { a: [1.5, 2.25, 3], n: [1, 2, 3], s: ["x", "y", "z"], t: [true, false, true] },
    { index: ["r1", "r2", "r3"] },
  );
  const html = toHTML(df);
  assertStringIncludes(html, '<table border="1" class="dataframe mlnotes-table">');
  assertEquals(headerCells(html), ["", "a", "n", "s", "t"]);
  assertEquals(bodyRows(html), [
    ["r1", "1.50", "1", "x", "true"],
    ["r2", "2.25", "2", "y", "false"],
    ["r3", "3.00", "3", "z", "true"],
  ]);
  assert(!html.includes("<p>"), "no shape caption for a frame shown whole");
});

Deno.test("cell text, column names and index labels are escaped", () => {
  const df = new DataFrame({ "<b>": ["<script>alert(1)</script>", "a & b"], q: ['"q"', "'s'"] }, {
    index: ["<i>", "&"],
  });
  const html = toHTML(df);
  assert(!html.includes("<script>alert"), "raw HTML leaked");
  assertEquals(headerCells(html), ["", "&lt;b&gt;", "q"]);
  assertEquals(bodyRows(html), [
    ["&lt;i&gt;", "&lt;script&gt;alert(1)&lt;/script&gt;", "&quot;q&quot;"],
    ["&amp;", "a &amp; b", "&#39;s&#39;"],
  ]);
});

Deno.test("long frames show head 5 and tail 5 past 60 rows, with the shape under the table", () => {
  const rows = (n: number) => new DataFrame({ x: Array.from({ length: n }, (_, i) => i * 0.5) });
  assertEquals(bodyRows(toHTML(rows(60))).length, 60, "60 rows are shown whole");
  const html = toHTML(rows(61));
  const body = bodyRows(html);
  assertEquals(body.length, 11);
  assertEquals(body.map((r) => r[0]), [
    "0",
    "1",
    "2",
    "3",
    "4",
    "...",
    "56",
    "57",
    "58",
    "59",
    "60",
  ]);
  assertEquals(body[5], ["...", "..."]);
  // floats are formatted over the rows shown: 0.0 ... 30.0
  assertEquals(body[0][1], "0.0");
  assertEquals(body[10][1], "30.0");
  assertStringIncludes(html, "<p>61 rows × 1 column</p>");
});

Deno.test("wide frames show the first and last 10 of more than 20 columns", () => {
  const columns = Array.from({ length: 25 }, (_, j) => `c${j}`);
  const df = new DataFrame([columns.map((_, j) => j)], { columns });
  const html = toHTML(df);
  assertEquals(headerCells(html), [
    "",
    ...columns.slice(0, 10),
    "...",
    ...columns.slice(15),
  ]);
  assertEquals(bodyRows(html)[0][11], "...");
  assertStringIncludes(html, "<p>1 rows × 25 columns</p>");
});

Deno.test("a Series renders as one named column with its dtype", () => {
  const df = new DataFrame({ price: [10.5, NaN, 12] }, { index: ["a", "b", "c"] });
  const html = toHTML(df.column("price"));
  assertEquals(headerCells(html), ["", "price"]);
  assertEquals(bodyRows(html), [["a", "10.5"], ["b", "NaN"], ["c", "12.0"]]);
  assertStringIncludes(html, "<p>dtype: float32</p>");
  const long = new Series(Array.from({ length: 100 }, (_, i) => i));
  assertStringIncludes(toHTML(long), "<p>Length: 100, dtype: int32</p>");
  assertEquals(tableBundle(long)["text/plain"], long.toString());
});

Deno.test("number formats follow pandas: shared decimals, scientific for tiny or huge values", () => {
  assertEquals(formatFloatColumn([1.5, 2.25, 3]), ["1.50", "2.25", "3.00"]);
  assertEquals(formatFloatColumn([0.1234567]), ["0.123457"]);
  assertEquals(formatFloatColumn([-1.5, 2]), ["-1.5", "2.0"]);
  assertEquals(formatFloatColumn([1.5, NaN, Infinity, -Infinity]), ["1.5", "NaN", "inf", "-inf"]);
  assertEquals(formatFloatColumn([1e-8, 2.5]), ["1.000000e-08", "2.500000e+00"]);
  // past 1e6 and longer than 12 characters once trailing zeros are trimmed: scientific
  assertEquals(formatFloatColumn([12345678901.5, 0.5]), ["1.234568e+10", "5.000000e-01"]);
  assertEquals(formatFloatColumn([123456789.5, 0.5]), ["123456789.5", "0.5"]);
  assertEquals(formatFloatColumn([1234567.25]), ["1234567.25"]);
  assertEquals(formatFloatColumn([1e120, 0.5]), ["1.000000e+120", "5.000000e-01"]);
  assertEquals(formatColumn([1, 2, 3], "int32"), ["1", "2", "3"]);
  assertEquals(formatColumn([1, 2], "float32"), ["1.0", "2.0"]);
  assertEquals(formatColumn([1, null, 3], "float32"), ["1.0", "NaN", "3.0"]);
  assertEquals(formatColumn(["a", null, undefined, true]), ["a", "null", "undefined", "true"]);
  assertEquals(formatColumn([{ k: 1 }, new Date(0)]), ['{"k":1}', "1970-01-01T00:00:00.000Z"]);
});

Deno.test("tableHTML works on plain data: empty frames, a custom footer", () => {
  const empty = tableHTML({ columns: [], index: [], values: [] });
  assertEquals(headerCells(empty), [""]);
  assertEquals(bodyRows(empty), []);
  const html = tableHTML({ columns: ["x"], index: [0], values: [[1]] }, { footer: "note <1>" });
  assertStringIncludes(html, "<p>note &lt;1&gt;</p>");
});

Deno.test("print() still writes danfojs's text table", () => {
  const df = new DataFrame({ a: [1, 2] });
  const logged: unknown[] = [];
  const original = console.log;
  console.log = (...args: unknown[]) => logged.push(...args);
  try {
    df.print();
  } finally {
    console.log = original;
  }
  assertEquals(logged.length, 1);
  assertEquals(logged[0], df.toString());
});
