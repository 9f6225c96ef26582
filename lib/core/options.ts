/**
 * Options objects, checked one way everywhere: `mergeOptions` (used by `Estimator`, `Optimizer`
 * and every public function taking options) refuses a non-object — `new KNeighborsClassifier(3)`
 * — and unknown keys, with a hint for scikit-learn's snake_case spelling ("n_neighbors: did you
 * mean nNeighbors?"); the `check*` helpers give scikit-learn-style messages for values:
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

/**
 * An integer in [min, max] (the one `checkInteger`: name first, then the value).
 * @example
 * ```ts
 * import { checkInteger } from "../mod.ts";
 * import { assertThrows } from "@std/assert";
 *
 * checkInteger("bins", 10, 1); // 10
 * assertThrows(() => checkInteger("bins", 0, 1), Error, "The 'bins' option must be an integer >= 1");
 * ```
 */
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

/** `n_neighbors` → `nNeighbors`. */
function camelCase(key: string): string {
  return key.replace(/_+([a-zA-Z0-9])/g, (_, c: string) => c.toUpperCase());
}

/**
 * The known option a misspelt key most likely meant: scikit-learn's snake_case, another letter
 * case, or (for keys of 4+ letters) one typing slip away (edit distance 1, e.g. `scale`).
 */
function suggestion(key: string, known: readonly string[]): string | undefined {
  const camel = camelCase(key);
  const folded = (k: string) => k.replace(/_/g, "").toLowerCase();
  return known.find((k) => k === camel) ??
    known.find((k) => folded(k) === folded(key)) ??
    (key.length >= 4 ? known.find((k) => editDistance(folded(k), folded(key)) === 1) : undefined);
}

/** Levenshtein distance (insertions, deletions, substitutions). */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length];
}

/**
 * Checks that `options` is a plain options object whose keys are all known, and returns it.
 * A number, string, array or other non-object is refused with an example of the object form;
 * an unknown key is refused with the known ones and, for scikit-learn's snake_case or a different
 * letter case, the camelCase name meant.
 * @param options what the caller passed (undefined means no options)
 * @param known the accepted keys
 * @param owner the class or function, for messages (e.g. "KNeighborsClassifier")
 * @returns the options (an empty object for undefined)
 * @example
 * ```ts
 * import { checkOptions } from "../mod.ts";
 * import { assertThrows } from "@std/assert";
 *
 * checkOptions({ testSize: 0.5 }, ["testSize", "seed"], "trainTestSplit"); // fine
 * assertThrows(
 *   () => checkOptions({ test_size: 0.5 }, ["testSize", "seed"], "trainTestSplit"),
 *   Error,
 *   "did you mean 'testSize'?",
 * );
 * ```
 */
export function checkOptions(
  options: unknown,
  known: readonly string[],
  owner: string,
): Record<string, unknown> {
  if (options === undefined) return {};
  if (
    options === null || typeof options !== "object" || Array.isArray(options) ||
    ArrayBuffer.isView(options)
  ) {
    const example = known.length ? `{ ${known[0]}: ... }` : "{}";
    throw new ValueError(
      `${owner} takes an options object such as ${example}, not positional arguments. ` +
        `Got ${describe(options)} instead.`,
    );
  }
  for (const key of Object.keys(options)) {
    if (known.includes(key)) continue;
    const meant = suggestion(key, known);
    throw new ValueError(
      `Unknown option '${key}' for ${owner}` +
        (meant ? `: did you mean '${meant}'?` : ".") +
        ` Known options: ${known.map((k) => `'${k}'`).join(", ")}.`,
    );
  }
  return options as Record<string, unknown>;
}

/**
 * Merges user options over defaults after {@link checkOptions}; undefined values keep the
 * default. The result is frozen.
 * @param defaults every option with its default value
 * @param options what the caller passed
 * @param owner the class or function, for messages
 * @example
 * ```ts
 * import { mergeOptions } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * const o = mergeOptions({ nNeighbors: 5, p: 2 }, { nNeighbors: 3 }, "KNeighborsClassifier");
 * assertEquals(o, { nNeighbors: 3, p: 2 });
 * ```
 */
export function mergeOptions<O extends object>(
  defaults: O,
  options: unknown,
  owner: string,
): Readonly<O> {
  const given = checkOptions(options, Object.keys(defaults), owner);
  const merged = { ...defaults } as Record<string, unknown>;
  for (const [k, v] of Object.entries(given)) if (v !== undefined) merged[k] = v;
  return Object.freeze(merged) as Readonly<O>;
}

/**
 * The names of an options type, written once as `{ name: true, ... }` so that TypeScript checks
 * the list against the type (a missing or extra name is a compile error); pass the result to
 * {@link checkOptions}.
 * @example
 * ```ts
 * import { checkOptions, optionNames } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * interface BlobOptions {
 *   nSamples?: number;
 *   seed?: number;
 * }
 * const NAMES = optionNames<BlobOptions>({ nSamples: true, seed: true });
 * assertEquals(NAMES, ["nSamples", "seed"]);
 * checkOptions({ seed: 1 }, NAMES, "makeBlobs");
 * ```
 */
export function optionNames<T>(names: { readonly [K in keyof Required<T>]: true }): string[] {
  return Object.keys(names);
}
