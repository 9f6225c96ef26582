import { assertAlmostEquals, assertEquals, assertThrows } from "@std/assert";
import { ShapeError, ValueError } from "../../../lib/core/mod.ts";
import { contour, decisionSurface, type Trace } from "../../../lib/plot/mod.ts";

const traces = (fig: { data: readonly unknown[] }) => fig.data as Trace[];

// 李航 例 2.1: positive x1 = (3, 3), x2 = (4, 3); negative x3 = (1, 1); the learned separating
// line is x⁽¹⁾ + x⁽²⁾ − 3 = 0.
const X = [[3, 3], [4, 3], [1, 1]];
const y = [1, 1, -1];
const perceptron = (G: number[][]) => G.map(([a, b]) => (a + b - 3 > 0 ? 1 : -1));

Deno.test("decisionSurface evaluates predict once on a resolution² grid over the padded data", () => {
  const calls: number[][][] = [];
  const fig = decisionSurface(
    (G) => {
      calls.push(G);
      return perceptron(G);
    },
    X,
    y,
    { resolution: 7, padding: 0.5 },
  );
  assertEquals(calls.length, 1);
  assertEquals(calls[0].length, 49);
  const [regions] = traces(fig);
  // x1 spans [1, 4] (width 3) padded by 1.5 on each side; x2 spans [1, 3] padded by 1
  const xs = regions.x as number[];
  const ys = regions.y as number[];
  assertEquals(xs.length, 7);
  assertEquals(ys.length, 7);
  assertEquals([xs[0], xs[6]], [-0.5, 5.5]);
  assertEquals([ys[0], ys[6]], [0, 4]);
  assertAlmostEquals(xs[1] - xs[0], 1, 1e-12);
  // the grid is row-major with y outer: point k is (xs[k % 7], ys[floor(k / 7)])
  calls[0].forEach((p, k) => assertEquals(p, [xs[k % 7], ys[Math.floor(k / 7)]]));
});

Deno.test("decisionSurface: z holds the class index of the prediction at each grid point", () => {
  const fig = decisionSurface(perceptron, X, y, { resolution: 5, padding: 0 });
  const [regions, neg, pos] = traces(fig);
  assertEquals(regions.type, "heatmap");
  const xs = regions.x as number[];
  const ys = regions.y as number[];
  assertEquals(xs, [1, 1.75, 2.5, 3.25, 4]);
  assertEquals(ys, [1, 1.5, 2, 2.5, 3]);
  const z = regions.z as number[][];
  assertEquals(z.length, 5);
  for (let i = 0; i < 5; i++) {
    for (let j = 0; j < 5; j++) {
      // classes sorted [-1, 1] → index 0, 1
      assertEquals(z[i][j], xs[j] + ys[i] - 3 > 0 ? 1 : 0, `z[${i}][${j}]`);
    }
  }
  assertEquals([regions.zmin, regions.zmax], [-0.5, 1.5]);
  assertEquals(regions.showscale, false);
  // one scatter per class, points where the labels say
  assertEquals([neg.name, neg.x, neg.y], ["-1", [1], [1]]);
  assertEquals([pos.name, pos.x, pos.y], ["1", [3, 4], [3, 3]]);
});

Deno.test("decisionSurface: string labels, an estimator, class names, a class only predicted", () => {
  const model = {
    predict: (G: number[][]) =>
      G.map(([a]) => (a < 2 ? "setosa" : a < 3 ? "versicolor" : "virginica")),
  };
  const fig = decisionSurface(
    model,
    [[1, 0], [2.5, 1], [4, 0]],
    ["setosa", "versicolor", "setosa"],
    {
      resolution: 4,
      padding: 0,
      classNames: ["山鸢尾", "杂色鸢尾", "维吉尼亚鸢尾"],
    },
  );
  const [regions, ...points] = traces(fig);
  // xs = [1, 2, 3, 4]: setosa below 2, versicolor in [2, 3), virginica from 3
  assertEquals((regions.z as number[][])[0], [0, 1, 2, 2]);
  // "virginica" is only predicted: it has a region and a name, but no scatter trace
  assertEquals(points.map((t) => t.name), ["山鸢尾", "杂色鸢尾"]);
  assertEquals(points[0].x, [1, 4]);
});

Deno.test("decisionSurface: bad input is reported", () => {
  assertThrows(
    () => decisionSurface(perceptron, [[1, 2, 3]], [1]),
    ShapeError,
    "needs X with 2 features",
  );
  assertThrows(
    () => decisionSurface(perceptron, X, [1, 1]),
    ShapeError,
    "y has 2 values, but X has 3 samples",
  );
  assertThrows(
    () => decisionSurface(perceptron, X, [1, 1, NaN]),
    ValueError,
    "y must contain finite numbers or strings. Got NaN at index 2.",
  );
  assertThrows(
    () => decisionSurface(perceptron, [1, 2, 3] as never, y),
    ShapeError,
    "Got a 1-D array of length 3",
  );
  assertThrows(
    () => decisionSurface(perceptron, X, y, { classNames: ["a"] }),
    ValueError,
    "one name per class (2: -1, 1)",
  );
  assertThrows(() => decisionSurface(perceptron, X, y, { padding: -1 }), ValueError, "'padding'");
  assertThrows(
    () => decisionSurface(() => [1], X, y, { resolution: 3 }),
    ShapeError,
    "predict returned 1 values for 9 rows",
  );
});

Deno.test("contour: z = f(x, y) on the grid, with explicit levels", () => {
  const f = (x: number, y: number) => (x - 1) ** 2 + 2 * y ** 2;
  const fig = contour(f, [-1, 3], [-2, 2], {
    resolution: 5,
    levels: { start: 0, end: 8, size: 2 },
  });
  const [t] = traces(fig);
  assertEquals(t.type, "contour");
  assertEquals(t.x, [-1, 0, 1, 2, 3]);
  assertEquals(t.y, [-2, -1, 0, 1, 2]);
  const z = t.z as number[][];
  for (let i = 0; i < 5; i++) {
    for (let j = 0; j < 5; j++) {
      assertEquals(z[i][j], f((t.x as number[])[j], (t.y as number[])[i]));
    }
  }
  assertEquals(t.contours, { coloring: "fill", showlabels: false, start: 0, end: 8, size: 2 });
  assertEquals(t.autocontour, false);
  const lines = contour(f, [0, 1], [0, 1], { fill: false, showLabels: true });
  assertEquals(traces(lines)[0].contours, { coloring: "lines", showlabels: true });
  assertEquals((traces(lines)[0].z as number[][]).length, 50);
});

Deno.test("contour: bad ranges and functions are reported", () => {
  const f = (x: number, y: number) => x + y;
  assertThrows(() => contour(f, [1, 0], [0, 1]), ValueError, "low < high");
  assertThrows(() => contour(f, [0, 1, 2] as never, [0, 1]), ValueError, "low < high");
  assertThrows(() => contour(() => NaN, [0, 1], [0, 1]), ValueError, "f(0, 0) returned NaN");
  assertThrows(() => contour("f" as never, [0, 1], [0, 1]), ValueError, "'f' must be a function");
  assertThrows(
    () => contour(f, [0, 1], [0, 1], { resolution: 2.5 }),
    ValueError,
    "Got 2.5 instead",
  );
});
