/**
 * Checks for option values, with scikit-learn-style messages:
 * "The 'maxIter' option must be an integer >= 1. Got 0 instead."
 *
 * @module
 */
import { describe, ValueError } from "./errors.ts";

function fail(name: string, expected: string, value: unknown): never {
  throw new ValueError(`The '${name}' option must be ${expected}. Got ${describe(value)} instead.`);
}

function range(min?: number, max?: number, exclusiveMin = false): string {
  const lo = min === undefined ? "" : ` ${exclusiveMin ? ">" : ">="} ${min}`;
  const hi = max === undefined ? "" : `${lo ? " and" : ""} <= ${max}`;
  return lo + hi;
}

/** An integer in [min, max]. */
export function checkInteger(name: string, value: unknown, min?: number, max?: number): number {
  if (
    typeof value !== "number" || !Number.isInteger(value) ||
    (min !== undefined && value < min) || (max !== undefined && value > max)
  ) fail(name, `an integer${range(min, max)}`, value);
  return value;
}

/** A finite number in [min, max] (or (min, max] with `exclusiveMin`). */
export function checkNumber(
  name: string,
  value: unknown,
  { min, max, exclusiveMin = false }: { min?: number; max?: number; exclusiveMin?: boolean } = {},
): number {
  if (
    typeof value !== "number" || !Number.isFinite(value) ||
    (min !== undefined && (exclusiveMin ? value <= min : value < min)) ||
    (max !== undefined && value > max)
  ) fail(name, `a number${range(min, max, exclusiveMin)}`, value);
  return value;
}

/** One of the listed values. */
export function checkOneOf<T extends string | number | boolean>(
  name: string,
  value: unknown,
  allowed: readonly T[],
): T {
  if (!allowed.includes(value as T)) {
    fail(name, `one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}`, value);
  }
  return value as T;
}

/** A boolean. */
export function checkBoolean(name: string, value: unknown): boolean {
  if (typeof value !== "boolean") fail(name, "a boolean", value);
  return value;
}
