/**
 * Colours and the layout every helper starts from.
 *
 * @module
 */
import type { CommonOptions, Layout } from "./types.ts";

/** plotly.js's default colourway (the D3 category-10 colours). */
export const PALETTE: readonly string[] = [
  "#1f77b4",
  "#ff7f0e",
  "#2ca02c",
  "#d62728",
  "#9467bd",
  "#8c564b",
  "#e377c2",
  "#7f7f7f",
  "#bcbd22",
  "#17becf",
];

/** The i-th palette colour, cycling. */
export function colorAt(i: number): string {
  return PALETTE[i % PALETTE.length];
}

/** Light tints of the palette, for decision regions behind the points. */
export function tintAt(i: number, amount = 0.75): string {
  const hex = colorAt(i);
  const channel = (k: number) => {
    const c = parseInt(hex.slice(1 + 2 * k, 3 + 2 * k), 16);
    return Math.round(c + (255 - c) * amount);
  };
  return "rgb(" + channel(0) + "," + channel(1) + "," + channel(2) + ")";
}

/** Merges layouts left to right; object values (axes, scene, legend...) merge one level deep. */
export function mergeLayouts(...layouts: Layout[]): Layout {
  const out: Record<string, unknown> = {};
  for (const layout of layouts) {
    for (const [key, value] of Object.entries(layout)) {
      if (value === undefined) continue;
      const prev = out[key];
      const bothObjects = typeof prev === "object" && prev !== null && !Array.isArray(prev) &&
        typeof value === "object" && value !== null && !Array.isArray(value);
      out[key] = bothObjects ? { ...prev, ...value } : value;
    }
  }
  return out as Layout;
}

/** The layout from the common options: title, axis titles, size, compact margins. */
export function baseLayout(options: CommonOptions, extra: Layout = {}): Layout {
  const layout: Layout = { margin: { l: 60, r: 30, t: options.title ? 50 : 20, b: 50 } };
  if (options.title) layout.title = { text: options.title };
  if (options.xTitle) layout.xaxis = { title: { text: options.xTitle } };
  if (options.yTitle) layout.yaxis = { title: { text: options.yTitle } };
  if (options.width !== undefined) layout.width = options.width;
  if (options.height !== undefined) layout.height = options.height;
  return mergeLayouts(layout, extra);
}
