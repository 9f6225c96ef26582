/**
 * Input checks for the information measures: probability vectors and joint tables, and the
 * logarithm base. Messages name the argument and what was wrong with it.
 *
 * @module
 */
import { checkLengthsMatch } from "../core/errors.ts";
import { describe, ValueError } from "../core/errors.ts";
import type { Matrix } from "../core/matrix.ts";
import { type MatrixLike, toMatrix } from "../core/validation.ts";

/** How far a distribution's total may stray from 1. */
export const SUM_TOLERANCE = 1e-8;

/** Options shared by every information measure. */
export interface InfoOptions {
  /**
   * The logarithm base: Math.E gives nats, 2 gives bits (shannons), 10 gives hartleys.
   * @default Math.E
   */
  base?: number;
}

/** 1 / log(base): multiplying a value in nats by it converts to the requested unit. */
export function unitFactor(options: InfoOptions = {}): number {
  const { base = Math.E } = options;
  if (typeof base !== "number" || !Number.isFinite(base) || base <= 0 || base === 1) {
    throw new ValueError(
      `The 'base' option must be a finite number > 0 other than 1. Got ${describe(base)} instead.`,
    );
  }
  return base === Math.E ? 1 : 1 / Math.log(base);
}

/** A probability vector: entries in [0, 1] summing to 1 (within {@link SUM_TOLERANCE}), copied. */
export function toDistribution(p: ArrayLike<number>, name: string): Float64Array {
  if (p === null || typeof p !== "object" || typeof p.length !== "number") {
    throw new ValueError(`${name} must be an array of probabilities. Got ${describe(p)}.`);
  }
  if (p.length === 0) throw new ValueError(`${name} must not be empty.`);
  const out = Float64Array.from(p);
  checkProbabilities(out, name, (i) => `index ${i}`);
  return out;
}

/** Two probability vectors of the same length. */
export function toDistributionPair(
  p: ArrayLike<number>,
  q: ArrayLike<number>,
): [Float64Array, Float64Array] {
  const a = toDistribution(p, "p"), b = toDistribution(q, "q");
  checkLengthsMatch("q", b.length, "p", a.length, "values");
  return [a, b];
}

/** A joint distribution table P(X = i, Y = j), rows indexing X: entries in [0, 1] summing to 1. */
export function toJointTable(joint: MatrixLike, name = "joint"): Matrix {
  const m = toMatrix(joint, name);
  checkProbabilities(m.data, name, (k) => `row ${Math.floor(k / m.cols)}, column ${k % m.cols}`);
  return m;
}

function checkProbabilities(
  values: Float64Array,
  name: string,
  where: (i: number) => string,
): void {
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!(v >= 0 && v <= 1)) {
      throw new ValueError(
        `${name} must contain probabilities in [0, 1]. Got ${describe(v)} at ${where(i)}.`,
      );
    }
    sum += v;
  }
  if (Math.abs(sum - 1) > SUM_TOLERANCE) {
    throw new ValueError(
      `${name} must sum to 1 (within ${SUM_TOLERANCE}). Got a sum of ${sum}; ` +
        `divide counts by their total first.`,
    );
  }
}
