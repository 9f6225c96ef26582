import { assertAlmostEquals, assertEquals, assertThrows } from "@std/assert";
import { ShapeError, ValueError } from "../../../lib/core/mod.ts";
import { histogram, histogramBins, type Trace } from "../../../lib/plot/mod.ts";

interface HistogramCase {
  name: string;
  values: number[];
  bins: number | number[] | null;
  edges: number[];
  counts: number[];
  density: number[];
}
interface Curve {
  x: number[];
  pdf: number[];
}
const fixture: {
  cases: HistogramCase[];
  curves: {
    values: number[];
    bins: number;
    kde: Curve & { bandwidth: number };
    normal: Curve & { mean: number; std: number };
  };
} = JSON.parse(
  Deno.readTextFileSync(new URL("../../fixtures/plot_histogram.json", import.meta.url)),
);

const traces = (fig: { data: readonly unknown[] }) => fig.data as Trace[];

function assertClose(actual: number[], expected: number[], tol: number, what: string) {
  assertEquals(actual.length, expected.length, `${what}: length`);
  actual.forEach((v, i) =>
    assertAlmostEquals(v, expected[i], tol * Math.max(1, Math.abs(expected[i])), `${what}[${i}]`)
  );
}

for (const c of fixture.cases) {
  Deno.test(`histogramBins matches numpy.histogram: ${c.name}`, () => {
    const { edges, counts } = histogramBins(c.values, c.bins ?? undefined);
    assertClose(edges, c.edges, 1e-12, "edges");
    assertEquals(counts, c.counts);
  });
}

Deno.test("histogram bars: centres, widths, counts; density matches numpy (density=True)", () => {
  const c = fixture.cases.find((k) => k.name.startsWith("gamma"))!;
  const counts = traces(histogram(c.values, { bins: c.bins as number }))[0];
  assertEquals(counts.type, "bar");
  assertEquals(counts.y, c.counts);
  const widths = counts.width as number[];
  const centres = counts.x as number[];
  centres.forEach((x, i) => assertAlmostEquals(x, (c.edges[i] + c.edges[i + 1]) / 2, 1e-12));
  widths.forEach((w, i) => assertAlmostEquals(w, c.edges[i + 1] - c.edges[i], 1e-12));
  const fig = histogram(c.values, { bins: c.bins as number, density: true });
  assertClose(traces(fig)[0].y as number[], c.density, 1e-12, "density");
  assertEquals(fig.layout.yaxis, { title: { text: "density" } });
  assertEquals(fig.layout.bargap, 0);
  // explicit edges, values outside them ignored (as numpy)
  const e = fixture.cases.find((k) => k.name.startsWith("integers"))!;
  assertClose(
    traces(histogram(e.values, { bins: e.bins as number[], density: true }))[0].y as number[],
    e.density,
    1e-12,
    "edges density",
  );
});

Deno.test("histogram curves: Gaussian KDE (Scott) and the normal MLE fit match SciPy", () => {
  const { values, bins, kde, normal } = fixture.curves;
  const withKde = traces(histogram(values, { bins, curve: "kde" }));
  assertEquals(withKde.length, 2);
  assertClose(withKde[1].x as number[], kde.x, 1e-12, "kde x");
  assertClose(withKde[1].y as number[], kde.pdf, 1e-10, "kde pdf");
  assertEquals(withKde[1].name, `KDE (h=${kde.bandwidth.toPrecision(3)})`);
  const withNormal = traces(histogram(values, { bins, curve: "normal" }));
  assertClose(withNormal[1].x as number[], normal.x, 1e-12, "normal x");
  assertClose(withNormal[1].y as number[], normal.pdf, 1e-10, "normal pdf");
  assertEquals(
    withNormal[1].name,
    `normal (μ=${normal.mean.toPrecision(4)}, σ=${normal.std.toPrecision(4)})`,
  );
  // a curve turns the bars into densities, so areas match
  const bars = withNormal[0];
  const area = (bars.y as number[]).reduce((s, h, i) => s + h * (bars.width as number[])[i], 0);
  assertAlmostEquals(area, 1, 1e-12);
});

Deno.test("histogram with a custom pdf draws it on 200 points over the bins", () => {
  const pdf = (x: number) => (x >= 0 && x <= 1 ? 1 : 0);
  const fig = histogram([0, 0.25, 0.5, 0.75, 1], { bins: 4, curve: pdf, name: "uniform" });
  const [bars, curve] = traces(fig);
  assertEquals(bars.name, "uniform");
  // counts [1, 1, 1, 2] (the last bin is closed) over n·width = 5 · 0.25
  assertEquals(bars.y, [0.8, 0.8, 0.8, 1.6]);
  assertEquals((curve.x as number[]).length, 200);
  assertEquals([(curve.x as number[])[0], (curve.x as number[])[199]], [0, 1]);
  assertEquals((curve.y as number[]).every((v) => v === 1), true);
});

Deno.test("histogram: bad input is reported", () => {
  assertThrows(() => histogram([]), ShapeError, "'values' must have at least 1 value");
  assertThrows(() => histogram([1, NaN]), ValueError, "'values[1]' must be a finite number");
  assertThrows(
    () => histogram([1, 2], { bins: 0 }),
    ValueError,
    "'bins' option must be an integer >= 1",
  );
  assertThrows(() => histogram([1, 2], { bins: [0, 1, 1] }), ValueError, "edges must increase");
  assertThrows(() => histogram([1, 1], { curve: "normal" }), ValueError, "not all equal");
  assertThrows(() => histogram([1], { curve: "kde" }), ShapeError, "at least 2 values");
  assertThrows(
    () => histogram([1, 2], { curve: "gamma" as never }),
    ValueError,
    "The 'curve' option",
  );
});
