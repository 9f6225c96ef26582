/**
 * Seeded synthetic data for the chapters' experiments and plots: d2l's linear-regression data,
 * Gaussian blobs, two Gaussian classes, and scikit-learn's two moons. Same seed, same data.
 *
 * @module
 */
import { checkOptions, optionNames } from "../core/options.ts";
import { describe, ShapeError, ValueError } from "../core/errors.ts";
import { checkInteger, checkNumber } from "../core/options.ts";
import { Random } from "../core/random.ts";

const MAKE_BLOBS_OPTION_NAMES = optionNames<MakeBlobsOptions>({
  nSamples: true,
  nFeatures: true,
  centers: true,
  clusterStd: true,
  centerBox: true,
  shuffle: true,
  seed: true,
});

const MAKE_TWO_GAUSSIANS_OPTION_NAMES = optionNames<MakeTwoGaussiansOptions>({
  nSamples: true,
  nFeatures: true,
  classSep: true,
  std: true,
  shuffle: true,
  seed: true,
});

const MAKE_MOONS_OPTION_NAMES = optionNames<MakeMoonsOptions>({
  nSamples: true,
  noise: true,
  shuffle: true,
  seed: true,
});

/** Throws unless every entry of `values` is a finite number. */
function checkFiniteArray(name: string, values: ArrayLike<number>): void {
  for (let i = 0; i < values.length; i++) {
    if (typeof values[i] !== "number" || !Number.isFinite(values[i])) {
      throw new ValueError(
        `${name} must contain only finite numbers. Got ${describe(values[i])} at index ${i}.`,
      );
    }
  }
}

/** Features and targets without names. */
export interface XY {
  /** shape (nSamples, nFeatures) */
  X: number[][];
  /** length nSamples */
  y: number[];
}

/** Options of {@link syntheticData}. */
export interface SyntheticDataOptions {
  /** Standard deviation σ of the additive noise ε. @default 0.01 */
  noise?: number;
  /** Seed of the generator. @default 0 */
  seed?: number;
}

/**
 * d2l §3.3's linear-regression data: y = X w + b + ε, X_ij ~ N(0, 1), ε ~ N(0, σ²).
 *
 * @param w true weights, length nFeatures
 * @param b true bias
 * @param n number of samples
 * @returns X of shape (n, w.length) and y of length n
 * @example
 * ```ts
 * import { syntheticData } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * // d2l §3.4: y = Xw + b + ε with w = [2, −3.4], b = 4.2
 * const { X, y } = syntheticData([2, -3.4], 4.2, 1000, { seed: 0 });
 * assertEquals([X.length, X[0].length, y.length], [1000, 2, 1000]);
 * ```
 */
export function syntheticData(
  w: ArrayLike<number>,
  b: number,
  n: number,
  { noise = 0.01, seed = 0 }: SyntheticDataOptions = {},
): XY {
  if (w.length === 0) throw new ShapeError("w must have at least one weight. Got an empty array.");
  checkFiniteArray("w", w);
  checkFiniteArray("b", [b]);
  checkInteger("n", n, 1);
  checkNumber("noise", noise, { min: 0 });
  const rng = new Random(seed);
  const d = w.length;
  const X: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = Array.from({ length: d }, () => rng.normal());
    let t = b;
    for (let j = 0; j < d; j++) t += x[j] * w[j];
    X.push(x);
    y.push(t);
  }
  // Noise is drawn after all of X, so the features do not depend on the noise level.
  for (let i = 0; i < n; i++) y[i] += rng.normal(0, noise);
  return { X, y };
}

/** Reorders X and y by one seeded permutation (in place). */
function shuffleTogether(X: number[][], y: number[], rng: Random): void {
  const order = rng.permutation(X.length);
  const X0 = X.slice(), y0 = y.slice();
  for (let i = 0; i < order.length; i++) {
    X[i] = X0[order[i]];
    y[i] = y0[order[i]];
  }
}

/** Options of {@link makeBlobs}. */
export interface MakeBlobsOptions {
  /** Total number of points, shared as evenly as possible (earlier blobs get the extra). @default 100 */
  nSamples?: number;
  /** Dimension of each point (ignored when `centers` is an array). @default 2 */
  nFeatures?: number;
  /** Number of blobs with centres drawn from U(centerBox), or the centres themselves. @default 3 */
  centers?: number | number[][];
  /** Standard deviation of every blob, or one per blob. @default 1 */
  clusterStd?: number | number[];
  /** Range [low, high) of random centres. @default [-10, 10] */
  centerBox?: [number, number];
  /** Shuffle the points (else blob 0's points come first). @default true */
  shuffle?: boolean;
  /** Seed of the `Random` generator: same seed, same data. @default 0 */
  seed?: number;
}

/**
 * Isotropic Gaussian blobs, like scikit-learn's `make_blobs`: point i of blob k is
 * x = c_k + σ_k z with z ~ N(0, I).
 *
 * @returns X (nSamples, nFeatures), y the blob index, and the centres (nCenters, nFeatures)
 * @example
 * ```ts
 * import { makeBlobs } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * const { X, y, centers } = makeBlobs({ nSamples: 150, centers: 3, seed: 42 });
 * assertEquals([X.length, centers.length, new Set(y).size], [150, 3, 3]);
 * ```
 */
export function makeBlobs(options: MakeBlobsOptions = {}): XY & { centers: number[][] } {
  checkOptions(options, MAKE_BLOBS_OPTION_NAMES, "makeBlobs");
  const { nSamples = 100, clusterStd = 1, centerBox = [-10, 10], shuffle = true, seed = 0 } =
    options;
  let { nFeatures = 2, centers = 3 } = options;
  checkInteger("nSamples", nSamples, 1);
  const rng = new Random(seed);
  if (typeof centers === "number") {
    checkInteger("centers", centers, 1);
    checkInteger("nFeatures", nFeatures, 1);
    checkFiniteArray("centerBox", centerBox);
    const [low, high] = centerBox;
    const k = centers;
    centers = Array.from(
      { length: k },
      () => Array.from({ length: nFeatures }, () => rng.uniform(low, high)),
    );
  } else {
    if (centers.length === 0) throw new ShapeError("centers must hold at least one centre.");
    nFeatures = centers[0].length;
    centers.forEach((c, k) => {
      if (c.length !== nFeatures) {
        throw new ShapeError(
          `centers[${k}] has ${c.length} values, but centers[0] has ${nFeatures}.`,
        );
      }
      checkFiniteArray(`centers[${k}]`, c);
    });
    centers = centers.map((c) => [...c]);
  }
  const k = centers.length;
  const stds = typeof clusterStd === "number" ? new Array<number>(k).fill(clusterStd) : clusterStd;
  if (stds.length !== k) {
    throw new ShapeError(`clusterStd has ${stds.length} values, but there are ${k} centres.`);
  }
  stds.forEach((s) => checkNumber("clusterStd", s, { min: 0 }));
  const X: number[][] = [];
  const y: number[] = [];
  for (let c = 0; c < k; c++) {
    const count = Math.floor(nSamples / k) + (c < nSamples % k ? 1 : 0);
    for (let i = 0; i < count; i++) {
      X.push(centers[c].map((m) => rng.normal(m, stds[c])));
      y.push(c);
    }
  }
  if (shuffle) shuffleTogether(X, y, rng);
  return { X, y, centers };
}

/** Options of {@link makeTwoGaussians}. */
export interface MakeTwoGaussiansOptions {
  /** Total points; class 0 gets ⌊n/2⌋, class 1 the rest. @default 100 */
  nSamples?: number;
  /** Dimension d of each point. @default 2 */
  nFeatures?: number;
  /** Distance between the two class means. @default 2 */
  classSep?: number;
  /** Standard deviation within each class (isotropic). @default 1 */
  std?: number;
  /** Shuffle the points (else class 0's points come first). @default true */
  shuffle?: boolean;
  /** Seed of the `Random` generator: same seed, same data. @default 0 */
  seed?: number;
}

/**
 * Two Gaussian classes, a simple stand-in for scikit-learn's `make_classification`: class k has
 * mean μ_k = (k − ½)·classSep·u with u = (1, …, 1)/√d, and covariance std²·I. With classSep
 * large against std the classes are (almost surely) linearly separable, as the perceptron wants.
 *
 * @returns X (nSamples, nFeatures), y in {0, 1}, and the two means
 * @example
 * ```ts
 * import { makeTwoGaussians } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * const { X, y } = makeTwoGaussians({ nSamples: 200, classSep: 4, seed: 1 });
 * assertEquals([X.length, y.filter((c) => c === 1).length], [200, 100]);
 * ```
 */
export function makeTwoGaussians(
  options: MakeTwoGaussiansOptions = {},
): XY & { means: number[][] } {
  checkOptions(options, MAKE_TWO_GAUSSIANS_OPTION_NAMES, "makeTwoGaussians");
  const { nSamples = 100, nFeatures = 2, classSep = 2, std = 1, shuffle = true, seed = 0 } =
    options;
  checkInteger("nSamples", nSamples, 2);
  checkInteger("nFeatures", nFeatures, 1);
  checkNumber("classSep", classSep, { min: 0 });
  checkNumber("std", std, { min: 0 });
  const half = classSep / 2 / Math.sqrt(nFeatures);
  const means = [new Array<number>(nFeatures).fill(-half), new Array<number>(nFeatures).fill(half)];
  const rng = new Random(seed);
  const n0 = Math.floor(nSamples / 2);
  const X: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < nSamples; i++) {
    const label = i < n0 ? 0 : 1;
    X.push(means[label].map((m) => rng.normal(m, std)));
    y.push(label);
  }
  if (shuffle) shuffleTogether(X, y, rng);
  return { X, y, means };
}

/** Options of {@link makeMoons}. */
export interface MakeMoonsOptions {
  /** Total points (outer moon gets ⌊n/2⌋), or [nOuter, nInner]. @default 100 */
  nSamples?: number | [number, number];
  /** Standard deviation of Gaussian noise added to every coordinate. @default 0 */
  noise?: number;
  /** Shuffle the points (else class 0's points come first). @default true */
  shuffle?: boolean;
  /** Seed of the `Random` generator: same seed, same data. @default 0 */
  seed?: number;
}

/**
 * Two interleaving half circles, as scikit-learn's `make_moons`: the outer moon
 * (cos t, sin t) and the inner moon (1 − cos t, ½ − sin t) for t evenly spaced in [0, π].
 * Not linearly separable, the classic case for kernels and hidden layers.
 *
 * @returns X (nSamples, 2) and y (0 = outer, 1 = inner)
 * @example
 * ```ts
 * import { makeMoons } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * const { X, y } = makeMoons({ nSamples: 200, noise: 0.1, seed: 0 });
 * assertEquals([X.length, X[0].length, y.filter((c) => c === 0).length], [200, 2, 100]);
 * ```
 */
export function makeMoons(options: MakeMoonsOptions = {}): XY {
  checkOptions(options, MAKE_MOONS_OPTION_NAMES, "makeMoons");
  const { nSamples = 100, noise = 0, shuffle = true, seed = 0 } = options;
  let nOut: number, nIn: number;
  if (typeof nSamples === "number") {
    checkInteger("nSamples", nSamples, 2);
    nOut = Math.floor(nSamples / 2);
    nIn = nSamples - nOut;
  } else {
    [nOut, nIn] = nSamples;
    checkInteger("nSamples[0]", nOut, 1);
    checkInteger("nSamples[1]", nIn, 1);
  }
  checkNumber("noise", noise, { min: 0 });
  // numpy's linspace: i·π/(m−1), with the last point exactly π.
  const angles = (m: number) =>
    Array.from(
      { length: m },
      (_, i) => (i === m - 1 && m > 1 ? Math.PI : i * (Math.PI / (m - 1 || 1))),
    );
  const X: number[][] = [];
  const y: number[] = [];
  for (const t of angles(nOut)) {
    X.push([Math.cos(t), Math.sin(t)]);
    y.push(0);
  }
  for (const t of angles(nIn)) {
    X.push([1 - Math.cos(t), 1 - Math.sin(t) - 0.5]);
    y.push(1);
  }
  const rng = new Random(seed);
  if (shuffle) shuffleTogether(X, y, rng);
  if (noise > 0) { for (const x of X) for (let j = 0; j < 2; j++) x[j] += rng.normal(0, noise); }
  return { X, y };
}
