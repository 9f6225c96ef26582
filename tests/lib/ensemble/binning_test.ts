/** binData: bins, thresholds and the missing-value bin; the Uint8Array storage. */
import { assertEquals } from "@std/assert";
import { binData } from "../../../lib/ensemble/mod.ts";

Deno.test("exact: one bin per distinct value, float32 midpoints, NaN in its own last bin", () => {
  const data = Float64Array.of(3, 1, NaN, 2, 1, 0.5);
  const b = binData(data, 6, 1, "exact");
  assertEquals(Array.from(b.edges[0]), [0.5, 1, 2, 3]);
  assertEquals(Array.from(b.bins), [3, 1, 4, 2, 1, 0]);
  assertEquals(Array.from(b.thresholds[0].subarray(0, 3)), [0.75, 1.5, 2.5]);
  assertEquals([b.nBins[0], b.hasMissing[0], b.offsets[1]], [4, 1, 5]);
  assertEquals(b.bins instanceof Uint8Array, true);
});

Deno.test("hist: at most maxBin bins counting the missing one; threshold = next bin's lower edge", () => {
  const n = 1000, data = new Float64Array(n);
  for (let i = 0; i < n; i++) data[i] = i % 10 === 0 ? NaN : i;
  const b = binData(data, n, 1, "hist", 16);
  assertEquals(b.nBins[0], 15);
  const counts = new Array(16).fill(0);
  for (const v of b.bins) counts[v]++;
  assertEquals(counts[15], 100);
  for (let k = 0; k < 15; k++) {
    if (counts[k] < 50 || counts[k] > 70) throw new Error(`bin ${k}: ${counts[k]}`);
  }
  // every present value lies in [edge_b, threshold_b)
  for (let i = 0; i < n; i++) {
    const v = data[i], bin = b.bins[i];
    if (v !== v) continue;
    if (!(v >= b.edges[0][bin] && v < b.thresholds[0][bin])) throw new Error(`${v} in bin ${bin}`);
  }
});

Deno.test("a feature with more than 255 distinct values and maxBin 1024 needs Uint16Array", () => {
  const data = Float64Array.from({ length: 600 }, (_, i) => i);
  assertEquals(binData(data, 600, 1, "hist", 1024).bins instanceof Uint16Array, true);
  assertEquals(binData(data, 600, 1, "hist", 256).bins instanceof Uint8Array, true);
});
