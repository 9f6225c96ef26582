/**
 * The error vocabulary of mlnotes. Every message names the argument, what was expected and
 * what came, in the manner of scikit-learn ("X has 3 features, but Ridge is expecting 4").
 *
 * @module
 */

/** A value is of the right kind but not acceptable: NaN, an option out of range, an unknown label. */
export class ValueError extends Error {
  /** "ValueError", as Python names it. */
  override name = "ValueError";
}

/** Arrays do not have the shape an operation needs: ragged rows, mismatched lengths, feature drift. */
export class ShapeError extends Error {
  /** "ShapeError". */
  override name = "ShapeError";
}

/** `predict`, `transform` or a learned field was used before `fit`. */
export class NotFittedError extends Error {
  /** "NotFittedError", as scikit-learn names it. */
  override name = "NotFittedError";

  /** scikit-learn's message, naming the estimator's class. */
  constructor(className: string) {
    super(
      `This ${className} instance is not fitted yet. Call 'fit' with appropriate arguments before using this estimator.`,
    );
  }
}

/** Formats a value for an error message: short, and shows NaN/Infinity as themselves. */
export function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  if (Array.isArray(value)) {
    const shown = value.slice(0, 5).map(describe).join(", ");
    return `[${shown}${value.length > 5 ? ", ..." : ""}]`;
  }
  if (value === null || value === undefined) return String(value);
  if (typeof value === "object") return value.constructor?.name ?? "object";
  return String(value);
}

/**
 * Throws a `ShapeError` unless two inputs that describe the same samples have the same length:
 * the one wording of "y has 3 values, but X has 4 samples; they must match." used everywhere.
 * @param name the argument checked (e.g. "y")
 * @param length its length
 * @param reference the argument it must agree with (e.g. "X")
 * @param expected the reference's length
 * @param unit what the reference counts ("samples", "rows", "values")
 * @example
 * ```ts
 * import { checkLengthsMatch, ShapeError } from "../mod.ts";
 * import { assertThrows } from "@std/assert";
 *
 * checkLengthsMatch("y", 4, "X", 4); // fine
 * assertThrows(
 *   () => checkLengthsMatch("y", 3, "X", 4),
 *   ShapeError,
 *   "y has 3 values, but X has 4 samples; they must match.",
 * );
 * ```
 */
export function checkLengthsMatch(
  name: string,
  length: number,
  reference: string,
  expected: number,
  unit = "samples",
): void {
  if (length !== expected) {
    throw new ShapeError(
      `${name} has ${length} values, but ${reference} has ${expected} ${unit}; they must match.`,
    );
  }
}
