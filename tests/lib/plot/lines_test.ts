import { assertEquals, assertThrows } from "@std/assert";
import { ShapeError, ValueError } from "../../../lib/core/mod.ts";
import { linePlot, lossCurve, PALETTE, scatter, type Trace } from "../../../lib/plot/mod.ts";

const traces = (fig: { data: readonly unknown[] }) => fig.data as Trace[];

Deno.test("linePlot: one series, x defaults to 0..n-1, typed arrays become plain arrays", () => {
  const fig = linePlot(null, new Float32Array([1, 4, 9]), { title: "squares", xTitle: "n" });
  const [t] = traces(fig);
  assertEquals(t.type, "scatter");
  assertEquals(t.mode, "lines");
  assertEquals(t.x, [0, 1, 2]);
  assertEquals(t.y, [1, 4, 9]);
  assertEquals(Array.isArray(t.y), true);
  assertEquals(fig.layout.showlegend, false);
  assertEquals(fig.layout.title, { text: "squares" });
  assertEquals(fig.layout.xaxis, { title: { text: "n" } });
});

Deno.test("linePlot: several series share x, with names, modes and palette colours", () => {
  const x = [0, 1, 2];
  const fig = linePlot(x, [[0, 1, 4], [0, 1, 8]], {
    names: ["square", "cube"],
    mode: ["lines", "lines+markers"],
    logY: false,
  });
  const ts = traces(fig);
  assertEquals(ts.map((t) => t.name), ["square", "cube"]);
  assertEquals(ts.map((t) => t.mode), ["lines", "lines+markers"]);
  assertEquals(ts.map((t) => t.x), [x, x]);
  assertEquals(ts.map((t) => t.line?.color), [PALETTE[0], PALETTE[1]]);
  assertEquals(fig.layout.showlegend, true);
});

Deno.test("linePlot: NaN leaves a gap; logY sets a log axis and rejects values <= 0", () => {
  const gap = linePlot([1, 2, 3], [1, NaN, 3]);
  assertEquals(gap.toJSON().data[0], { ...gap.toJSON().data[0] as object, y: [1, null, 3] });
  const log = linePlot([1, 2], [10, 100], { logY: true, yTitle: "v" });
  assertEquals(log.layout.yaxis, { title: { text: "v" }, type: "log" });
  assertThrows(
    () => linePlot([1, 2], [1, 0], { logY: true }),
    ValueError,
    "must be > 0 for a log axis",
  );
});

Deno.test("linePlot: mismatched lengths and option counts are reported", () => {
  assertThrows(
    () => linePlot([1, 2, 3], [1, 2]),
    ShapeError,
    "y has 2 values, but x has 3 values; they must match.",
  );
  assertThrows(
    () => linePlot([1, 2], [[1, 2], [1]]),
    ShapeError,
    "y[1] has 1 values, but x has 2 values",
  );
  assertThrows(
    () => linePlot([1], [[1], [2]], { names: ["a"] }),
    ValueError,
    "one name per series (2). Got 1",
  );
  assertThrows(() => linePlot([1], [[1], [2]], { mode: ["lines"] }), ValueError, "'mode' option");
  assertThrows(() => linePlot([1, Infinity], [1, 2]), ValueError, "'x[1]' must be a finite number");
  assertThrows(() => linePlot([1, 2], ["a", 2] as never), ValueError, "'y[0]' must be a number");
});

Deno.test("scatter: one trace, or one per group in sorted label order", () => {
  const single = scatter([1, 2, 3], [3, 2, 1]);
  assertEquals(traces(single).length, 1);
  assertEquals(traces(single)[0].mode, "markers");
  const fig = scatter([1, 2, 3, 4], [5, 6, 7, 8], {
    groups: [1, -1, 1, -1],
    names: ["neg", "pos"],
  });
  const ts = traces(fig);
  assertEquals(ts.map((t) => t.name), ["neg", "pos"]);
  assertEquals(ts.map((t) => [t.x, t.y]), [[[2, 4], [6, 8]], [[1, 3], [5, 7]]]);
  const strings = scatter([1, 2, 3], [1, 2, 3], { groups: ["b", "a", "b"] });
  assertEquals(traces(strings).map((t) => t.name), ["a", "b"]);
  assertThrows(() => scatter([1, 2], [1, 2, 3]), ShapeError, "y has 3 values, but x has 2 values");
  assertThrows(
    () => scatter([1, 2], [1, 2], { groups: [1] }),
    ShapeError,
    "groups has 1 values, but x has 2 values",
  );
  assertThrows(
    () => scatter([1, 2], [1, 2], { groups: [0, 1], names: ["only one"] }),
    ValueError,
    "one name per group (2)",
  );
});

Deno.test("lossCurve: x = 1..n for each series; single array; logY", () => {
  const one = lossCurve([0.9, 0.5, 0.3, 0.2]);
  const [t] = traces(one);
  assertEquals(t.x, [1, 2, 3, 4]);
  assertEquals(t.y, [0.9, 0.5, 0.3, 0.2]);
  assertEquals(t.name, "loss");
  assertEquals(one.layout.xaxis, { title: { text: "epoch" } });
  assertEquals(one.layout.title, { text: "Loss" });
  const two = lossCurve({ train: [1, 0.5, 0.25], test: new Float64Array([1.2, 0.8]) }, {
    logY: true,
    title: "训练曲线",
  });
  assertEquals(traces(two).map((s) => [s.name, s.x]), [["train", [1, 2, 3]], ["test", [1, 2]]]);
  assertEquals(two.layout.yaxis, { title: { text: "loss" }, type: "log" });
  assertEquals(two.layout.showlegend, true);
  assertEquals(two.layout.title, { text: "训练曲线" });
});

Deno.test("lossCurve: bad history is reported", () => {
  assertThrows(() => lossCurve({}), ValueError, "at least one series");
  assertThrows(() => lossCurve([]), ShapeError, "'history' must have at least 1 value");
  assertThrows(() => lossCurve({ train: [1, -1] }, { logY: true }), ValueError, "Got -1");
  assertThrows(() => lossCurve({ train: [1, "x"] } as never), ValueError, "'history.train[1]'");
});
