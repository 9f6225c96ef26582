import { assertAlmostEquals, assertEquals, assertThrows } from "@std/assert";
import { Matrix, ShapeError, ValueError } from "../../../lib/core/mod.ts";
import { fittedLine, type Trace } from "../../../lib/plot/mod.ts";

const traces = (fig: { data: readonly unknown[] }) => fig.data as Trace[];
const X1 = [[1], [2], [3], [4]];
const y1 = [3, 5, 7, 9.5];

Deno.test("fittedLine, 1 feature: data points and the line over [min x, max x]", () => {
  const fig = fittedLine(X1, y1, { coef: [2], intercept: 1 }, {
    resolution: 4,
    title: "ŷ = 2x + 1",
  });
  const [points, line] = traces(fig);
  assertEquals(points.mode, "markers");
  assertEquals(points.x, [1, 2, 3, 4]);
  assertEquals(points.y, y1);
  assertEquals(line.mode, "lines");
  assertEquals(line.x, [1, 2, 3, 4]);
  assertEquals(line.y, [3, 5, 7, 9]);
  assertEquals(line.name, "fit");
  assertEquals(fig.layout.title, { text: "ŷ = 2x + 1" });
});

Deno.test("fittedLine accepts a 1-D X, a predict function, an estimator and a number coef", () => {
  const byCoef = fittedLine([1, 2, 3, 4], y1, { coef: 2, intercept: 1 });
  const seen: number[][][] = [];
  const byFn = fittedLine([1, 2, 3, 4], y1, (X) => {
    seen.push(X);
    return X.map(([x]) => 2 * x + 1);
  });
  const byModel = fittedLine(Float64Array.from([1, 2, 3, 4]), y1, {
    predict: (X: number[][]) => new Float64Array(X.map(([x]) => 2 * x + 1)),
  });
  assertEquals(seen.length, 1, "predict is called once, on the whole grid");
  assertEquals(seen[0].length, 100, "default resolution");
  assertEquals(seen[0][0], [1]);
  assertEquals(seen[0][99], [4]);
  for (const fig of [byFn, byModel]) assertEquals(traces(fig)[1].y, traces(byCoef)[1].y);
  // a nonlinear model draws a curve
  const curve = fittedLine([0, 1, 2], [0, 1, 4], (X) => X.map(([x]) => x * x), { resolution: 5 });
  assertEquals(traces(curve)[1].y, [0, 0.25, 1, 2.25, 4]);
});

Deno.test("fittedLine, 2 features: 3-D scatter and the fitted plane on a grid", () => {
  const X = Matrix.from2D([[0, 0], [1, 0], [0, 2], [1, 2]]);
  const y = [1, 3, 2, 4.5];
  const fig = fittedLine(X, y, { coef: [2, 0.5], intercept: 1 }, {
    resolution: 3,
    featureNames: ["面积", "房龄"],
    targetName: "价格",
  });
  const [points, plane] = traces(fig);
  assertEquals(points.type, "scatter3d");
  assertEquals([points.x, points.y, points.z], [[0, 1, 0, 1], [0, 0, 2, 2], y]);
  assertEquals(plane.type, "surface");
  assertEquals(plane.x, [0, 0.5, 1]);
  assertEquals(plane.y, [0, 1, 2]);
  const z = plane.z as number[][];
  assertEquals(z.length, 3);
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      // z[row = y index][column = x index] = 2·x1 + 0.5·x2 + 1
      assertAlmostEquals(
        z[i][j],
        2 * (plane.x as number[])[j] + 0.5 * (plane.y as number[])[i] + 1,
        1e-12,
      );
    }
  }
  const scene = fig.layout.scene as Record<string, { title: string }>;
  assertEquals([scene.xaxis.title, scene.yaxis.title, scene.zaxis.title], ["面积", "房龄", "价格"]);
});

Deno.test("fittedLine: bad input is reported", () => {
  assertThrows(
    () => fittedLine(X1, [1, 2, 3], { coef: [1] }),
    ShapeError,
    "y has 3 values, but X has 4 samples",
  );
  assertThrows(
    () => fittedLine([[1, 2, 3]], [1], { coef: [1, 1, 1] }),
    ShapeError,
    "fittedLine draws 1 or 2 features. X has 3 features",
  );
  assertThrows(
    () => fittedLine(X1, y1, { coef: [1, 2] }),
    ShapeError,
    "'coef' has 2 values, but the data has 1 feature",
  );
  assertThrows(
    () => fittedLine([[1, 2], [3]], [1, 2], { coef: [1, 1] }),
    ShapeError,
    "row 1 has 1",
  );
  assertThrows(
    () => fittedLine(X1, y1, (X) => X.slice(1).map(() => 0)),
    ShapeError,
    "predict returned 99 values for 100 rows",
  );
  assertThrows(() => fittedLine(X1, y1, () => [NaN]), ShapeError);
  assertThrows(
    () => fittedLine(X1, y1, (X) => X.map(() => NaN)),
    ValueError,
    "predict returned NaN for row 0",
  );
  assertThrows(
    () => fittedLine(X1, y1, {} as never),
    ValueError,
    "'model' must be a predict function",
  );
  assertThrows(
    () => fittedLine(X1, y1, { coef: [2] }, { resolution: 1 }),
    ValueError,
    "'resolution' option must be an integer >= 2",
  );
  assertThrows(
    () => fittedLine([[NaN]], [1], { coef: [1] }),
    ValueError,
    "'X[0][0]' must be a finite number",
  );
});
