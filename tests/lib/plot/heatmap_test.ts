import { assertEquals, assertThrows } from "@std/assert";
import { Matrix, ShapeError, ValueError } from "../../../lib/core/mod.ts";
import { heatmap, type Trace } from "../../../lib/plot/mod.ts";

interface Annotation {
  x: string;
  y: string;
  text: string;
  showarrow: boolean;
  font: { color: string };
}

Deno.test("heatmap of a confusion matrix: category axes, row 0 on top, counts written in cells", () => {
  const fig = heatmap([[5, 1], [2, 7]], {
    x: ["pred -1", "pred 1"],
    y: ["true -1", "true 1"],
    title: "混淆矩阵 (confusion matrix)",
  });
  const [t] = fig.data as Trace[];
  assertEquals(t.type, "heatmap");
  assertEquals(t.z, [[5, 1], [2, 7]]);
  assertEquals([t.x, t.y], [["pred -1", "pred 1"], ["true -1", "true 1"]]);
  assertEquals(fig.layout.xaxis, { type: "category" });
  assertEquals(fig.layout.yaxis, { type: "category", autorange: "reversed" });
  const notes = fig.layout.annotations as Annotation[];
  assertEquals(notes.map((a) => [a.y, a.x, a.text]), [
    ["true -1", "pred -1", "5"],
    ["true -1", "pred 1", "1"],
    ["true 1", "pred -1", "2"],
    ["true 1", "pred 1", "7"],
  ]);
  // dark (high) cells get white text: (v - 1) / (7 - 1) > 0.5
  assertEquals(notes.map((a) => a.font.color), ["#fff", "#222", "#222", "#fff"]);
  assertEquals(notes.every((a) => a.showarrow === false), true);
});

Deno.test("heatmap: default labels, 2-decimal text for fractions, custom format, no annotations", () => {
  const fig = heatmap(Matrix.from2D([[0.125, 1], [0.5, 0.25]]), {
    reverseY: false,
    showScale: false,
  });
  const [t] = fig.data as Trace[];
  assertEquals([t.x, t.y], [["0", "1"], ["0", "1"]]);
  assertEquals(t.showscale, false);
  assertEquals(fig.layout.yaxis, { type: "category" });
  assertEquals((fig.layout.annotations as Annotation[]).map((a) => a.text), [
    "0.13",
    "1.00",
    "0.50",
    "0.25",
  ]);
  const pct = heatmap([[0.5]], { format: (v) => `${v * 100}%` });
  assertEquals((pct.layout.annotations as Annotation[])[0].text, "50%");
  assertEquals(heatmap([[1, 2]], { annotate: false }).layout.annotations, undefined);
  // more than 400 cells: no annotations unless asked
  const big = Array.from({ length: 21 }, () => Array.from({ length: 20 }, () => 1));
  assertEquals(heatmap(big).layout.annotations, undefined);
  assertEquals((heatmap(big, { annotate: true }).layout.annotations as Annotation[]).length, 420);
});

Deno.test("heatmap: bad input is reported", () => {
  assertThrows(() => heatmap([[1, 2], [3]]), ShapeError, "row 1 has 1");
  assertThrows(
    () => heatmap([[1, 2]], { x: ["a"] }),
    ValueError,
    "The 'x' option must have 2 labels. Got 1",
  );
  assertThrows(() => heatmap([[1], [2]], { y: ["a", "a"] }), ValueError, "must not repeat labels");
  assertThrows(() => heatmap([]), ShapeError, "'z' must have at least 1 row");
});
