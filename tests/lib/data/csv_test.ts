import { assertEquals, assertThrows } from "@std/assert";
import { ShapeError, ValueError } from "../../../lib/core/errors.ts";
import { parseCsv, parseNumber, parseNumericCsv } from "../../../lib/data/mod.ts";

Deno.test("parseCsv splits a plain table and records line numbers", () => {
  const table = parseCsv("a,b,c\n1,2,3\n4,5,6\n");
  assertEquals(table.header, ["a", "b", "c"]);
  assertEquals(table.rows, [["1", "2", "3"], ["4", "5", "6"]]);
  assertEquals(table.lines, [2, 3]);
});

Deno.test("parseCsv handles quoted fields with delimiters, escaped quotes and line breaks", () => {
  const text = 'name,note\n"Smith, J.","said ""hi"""\n"two\nlines",""\nlast,x';
  const table = parseCsv(text);
  assertEquals(table.rows, [
    ["Smith, J.", 'said "hi"'],
    ["two\nlines", ""],
    ["last", "x"],
  ]);
  assertEquals(table.lines, [2, 3, 5]);
});

Deno.test("parseCsv accepts CRLF, a byte-order mark, blank lines and a missing final newline", () => {
  const table = parseCsv("\ufeffx,y\r\n1,2\r\n\r\n\n3,4");
  assertEquals(table.header, ["x", "y"]);
  assertEquals(table.rows, [["1", "2"], ["3", "4"]]);
  assertEquals(table.lines, [2, 5]);
});

Deno.test("parseCsv keeps empty fields, and an empty quoted one-column row", () => {
  assertEquals(parseCsv("a,b\n,\n").rows, [["", ""]]);
  assertEquals(parseCsv('a\n""\n').rows, [[""]]);
});

Deno.test("parseCsv supports other delimiters and headerless input", () => {
  const table = parseCsv("1\t 2\n3\t4\n", { delimiter: "\t", header: false });
  assertEquals(table.header, []);
  assertEquals(table.rows, [["1", " 2"], ["3", "4"]]);
});

Deno.test("parseCsv names the line of a ragged row", () => {
  assertThrows(
    () => parseCsv('a,b\n1,2\n"multi\nline",3\n4,5,6\n', { source: "t.csv" }),
    ShapeError,
    "t.csv line 5 has 3 fields, but the header has 2.",
  );
  assertThrows(
    () => parseCsv("1,2\n3\n", { header: false }),
    ShapeError,
    "line 2 has 1 fields, but the first row has 2.",
  );
});

Deno.test("parseCsv rejects malformed quoting with the line", () => {
  assertThrows(
    () => parseCsv('a,b\n1,"open\n2,3\n', { source: "q.csv" }),
    ValueError,
    "q.csv line 2: a quoted field is never closed.",
  );
  assertThrows(() => parseCsv('a,b\n1,x"y\n'), ValueError, "line 2: a quote inside an unquoted");
  assertThrows(
    () => parseCsv('a,b\n1,"x"y\n'),
    ValueError,
    'line 2: expected a delimiter or line end after a closing quote, got "y".',
  );
});

Deno.test("parseCsv rejects empty input and bad delimiters", () => {
  assertThrows(() => parseCsv("\n\n", { source: "e.csv" }), ValueError, "e.csv is empty");
  assertThrows(() => parseCsv("a", { delimiter: ";;" }), ValueError, "'delimiter' option");
  assertThrows(() => parseCsv("a", { delimiter: '"' }), ValueError, "'delimiter' option");
});

Deno.test("parseNumber accepts decimal forms and rejects what Number() would let through", () => {
  assertEquals(parseNumber(" -1.5e3 ", "x"), -1500);
  assertEquals(parseNumber(".5", "x"), 0.5);
  assertEquals(parseNumber("5.", "x"), 5);
  assertEquals(Object.is(parseNumber("-0", "x"), -0), true);
  assertEquals(parseNumber("0.1", "x"), 0.1);
  for (const bad of ["", " ", "0x10", "Infinity", "NaN", "1,2", "1e", "--1", "abc"]) {
    assertThrows(() => parseNumber(bad, "here"), ValueError, `here: expected a number, got`);
  }
});

Deno.test("parseNumericCsv converts every field and names line and column on a bad one", () => {
  assertEquals(parseNumericCsv("x,y\n1,2\n3.5,-4e-2\n"), {
    header: ["x", "y"],
    values: [[1, 2], [3.5, -0.04]],
  });
  assertThrows(
    () => parseNumericCsv("x,y\n1,2\n3,oops\n", { source: "n.csv" }),
    ValueError,
    'n.csv line 3, column "y": expected a number, got "oops".',
  );
  assertThrows(
    () => parseNumericCsv("1,2\n3,\n", { header: false }),
    ValueError,
    'line 2, column 2: expected a number, got "".',
  );
});
