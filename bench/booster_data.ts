/**
 * The booster benchmark's synthetic binary data, defined by an integer hash so that
 * tools/bench_xgboost.py draws the very same numbers in numpy: x_ij ~ N(0, 1) by Box-Muller on
 * two hashed uniforms, 5% of the cells missing (NaN), and
 * y = [x0 + 0.5·x1·x2 − 0.8·x3 + 0.5·sin(2·x4) + 0.3·x5² − 0.3 + 0.5·noise > 0].
 */

/** A 32-bit integer hash (lowbias32) of k, in [0, 1). */
function hashUniform(k: number): number {
  let x = k >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d) >>> 0;
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b) >>> 0;
  x ^= x >>> 16;
  return (x >>> 0) / 4294967296;
}

/** Row-major X (NaN for missing) and labels y of `rows` rows starting at row `first`. */
export function boosterData(
  rows: number,
  first = 0,
  nFeatures = 20,
  missing = 0.05,
): { X: Float64Array[]; y: Float64Array } {
  const X: Float64Array[] = [], y = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    const i = first + r, row = new Float64Array(nFeatures);
    for (let j = 0; j < nFeatures; j++) {
      const k = (i * (nFeatures + 1) + j) * 3;
      const u1 = hashUniform(k) || 1e-12, u2 = hashUniform(k + 1);
      row[j] = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
    const k = (i * (nFeatures + 1) + nFeatures) * 3;
    const noise = Math.sqrt(-2 * Math.log(hashUniform(k) || 1e-12)) *
      Math.cos(2 * Math.PI * hashUniform(k + 1));
    const s = row[0] + 0.5 * row[1] * row[2] - 0.8 * row[3] + 0.5 * Math.sin(2 * row[4]) +
      0.3 * row[5] * row[5] - 0.3 + 0.5 * noise;
    y[r] = s > 0 ? 1 : 0;
    for (let j = 0; j < nFeatures; j++) {
      if (hashUniform((i * (nFeatures + 1) + j) * 3 + 2) < missing) row[j] = NaN;
    }
    X.push(row);
  }
  return { X, y };
}
