/**
 * Parameter checks shared by the distributions, with messages that name the parameter:
 * "The 'std' parameter must be > 0. Got -1 instead."
 *
 * @module
 */
import { describe, ShapeError, ValueError } from "../core/errors.ts";
import { Random } from "../core/random.ts";

/** How far a probability vector's sum may stray from 1 (floating-point sums of p₁…p_K). */
export const SUM_TOLERANCE = 1e-8;

function fail(name: string, expected: string, value: unknown): never {
  failWith(name, expected, describe(value));
}

/** Like `fail`, with what was found already written out ("0 at index 1"). */
function failWith(name: string, expected: string, found: string): never {
  throw new ValueError(`The '${name}' parameter must be ${expected}. Got ${found} instead.`);
}

/** A finite number. */
export function checkFinite(name: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value)) fail(name, "a finite number", value);
  return value;
}

/** A finite number > 0. */
export function checkPositive(name: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) fail(name, "> 0", value);
  return value;
}

/** A probability in [0, 1]. */
export function checkProbability(name: string, value: unknown): number {
  if (typeof value !== "number" || !(value >= 0 && value <= 1)) fail(name, "in [0, 1]", value);
  return value;
}

/** An integer ≥ 0. */
export function checkCount(name: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
    fail(name, "an integer >= 0", value);
  }
  return value;
}

/** A vector of at least `minLength` finite numbers > 0 (Dirichlet's α), copied. */
export function checkPositiveVector(
  name: string,
  values: ArrayLike<number>,
  minLength = 1,
): Float64Array {
  const out = toArray(name, values, minLength);
  for (let i = 0; i < out.length; i++) {
    if (!Number.isFinite(out[i]) || out[i] <= 0) {
      failWith(name, "all > 0", `${describe(values[i])} at index ${i}`);
    }
  }
  return out;
}

/** A probability vector: entries in [0, 1] summing to 1 within {@link SUM_TOLERANCE}, copied. */
export function checkProbabilities(name: string, values: ArrayLike<number>): Float64Array {
  const out = toArray(name, values, 1);
  let sum = 0;
  for (let i = 0; i < out.length; i++) {
    if (!(out[i] >= 0 && out[i] <= 1)) {
      failWith(name, "probabilities in [0, 1]", `${describe(values[i])} at index ${i}`);
    }
    sum += out[i];
  }
  if (Math.abs(sum - 1) > SUM_TOLERANCE) {
    failWith(name, `probabilities summing to 1 (within ${SUM_TOLERANCE})`, `a sum of ${sum}`);
  }
  return out;
}

function toArray(name: string, values: ArrayLike<number>, minLength: number): Float64Array {
  if (values === null || typeof values !== "object" || typeof values.length !== "number") {
    fail(name, "an array of numbers", values);
  }
  if (values.length < minLength) {
    throw new ShapeError(
      `The '${name}' parameter must have at least ${minLength} entries. Got ${values.length}.`,
    );
  }
  return Float64Array.from(values);
}

/** The size argument of `sample`: an integer ≥ 0. */
export function checkSampleSize(n: unknown): number {
  if (typeof n !== "number" || !Number.isInteger(n) || n < 0) {
    throw new ValueError(
      `The 'n' argument of sample must be an integer >= 0. Got ${describe(n)} instead.`,
    );
  }
  return n;
}

/** A seeded generator from either a `Random` (shared, advanced in place) or a seed. */
export function toRandom(random: Random | number): Random {
  return random instanceof Random ? random : new Random(random);
}

/** A point of a K-dimensional distribution, checked for length; entries may be any number. */
export function checkPoint(x: ArrayLike<number>, dimension: number, what: string): Float64Array {
  if (x === null || typeof x !== "object" || typeof x.length !== "number") {
    throw new ValueError(
      `${what} expects x as an array of ${dimension} numbers. Got ${describe(x)}.`,
    );
  }
  if (x.length !== dimension) {
    throw new ShapeError(`${what} expects x with ${dimension} entries. Got ${x.length}.`);
  }
  return Float64Array.from(x);
}

/** a·log x with the convention 0·log 0 = 0: an exponent a - 1 = 0 contributes nothing at x = 0. */
export function xlogy(a: number, x: number): number {
  return a === 0 ? 0 : a * Math.log(x);
}
