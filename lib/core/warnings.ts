/**
 * Warnings, in the spirit of Python's `warnings` module: an iterative solver that stops at its
 * iteration limit calls `warn(new ConvergenceWarning(...))` once per fit. By default a warning is
 * printed to stderr (`console.warn`, shown under the cell in a notebook) the first time its text
 * appears; `filterWarnings` changes that ("ignore", "always", "error"), and `catchWarnings` runs
 * code and returns the warnings it raised, for tests to assert (or to silence them).
 *
 * @module
 */

/** Base class of every warning (Python's `Warning`). */
export class Warning extends Error {
  /** "Warning", as Python names it. */
  override name = "Warning";
}

/**
 * An iterative solver stopped before meeting its tolerance (scikit-learn's `ConvergenceWarning`).
 * Raise `maxIter`, scale the features, or loosen `tol`.
 */
export class ConvergenceWarning extends Warning {
  /** "ConvergenceWarning", as scikit-learn names it. */
  override name = "ConvergenceWarning";
}

/**
 * What happens to a warning: `"default"` prints the first occurrence of each text, `"always"`
 * prints every one, `"ignore"` drops it, `"error"` throws it.
 */
export type WarningAction = "default" | "always" | "ignore" | "error";

/** A warning class (`ConvergenceWarning`, or `Warning` for all). */
export type WarningCategory = abstract new (...args: never[]) => Warning;

interface Filter {
  action: WarningAction;
  category: WarningCategory;
}

let filters: Filter[] = [];
const shown = new Set<string>();
const recorders: Warning[][] = [];

/**
 * Reports a warning: recorded when inside {@link catchWarnings}, otherwise handled by the first
 * matching filter (`"default"` without one).
 * @param warning the warning to report
 * @example
 * ```ts
 * import { catchWarnings, ConvergenceWarning, warn } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * const { warnings } = catchWarnings(() => warn(new ConvergenceWarning("stopped at maxIter")));
 * assertEquals(warnings.map((w) => w.message), ["stopped at maxIter"]);
 * ```
 */
export function warn(warning: Warning): void {
  const action = filters.find((f) => warning instanceof f.category)?.action ?? "default";
  if (action === "ignore") return;
  if (action === "error") throw warning;
  const recorder = recorders.at(-1);
  if (recorder) {
    recorder.push(warning);
    return;
  }
  const text = `${warning.name}: ${warning.message}`;
  if (action === "default" && shown.has(text)) return;
  shown.add(text);
  console.warn(text);
}

/**
 * Sets what happens to warnings of a category from now on (Python's `simplefilter`); the newest
 * filter wins. `filterWarnings("ignore")` silences everything, e.g. in a test or a notebook cell.
 * @param action see {@link WarningAction}
 * @param category the warning class it applies to (subclasses included) @default Warning
 * @example
 * ```ts
 * import { ConvergenceWarning, filterWarnings, resetWarnings, warn } from "../mod.ts";
 * import { assertThrows } from "@std/assert";
 *
 * filterWarnings("error", ConvergenceWarning);
 * assertThrows(() => warn(new ConvergenceWarning("no")), ConvergenceWarning);
 * resetWarnings();
 * ```
 */
export function filterWarnings(action: WarningAction, category: WarningCategory = Warning): void {
  if (!["default", "always", "ignore", "error"].includes(action)) {
    throw new TypeError(
      `filterWarnings: action must be "default", "always", "ignore" or "error". Got ${action}.`,
    );
  }
  filters = [{ action, category }, ...filters];
}

/** Removes every filter and forgets which warnings were already shown. */
export function resetWarnings(): void {
  filters = [];
  shown.clear();
}

/** The value `fn` returned and the warnings it raised, in order. */
export interface CaughtWarnings<T> {
  /** What `fn` returned. */
  result: T;
  /** The warnings raised while it ran (none printed). */
  warnings: Warning[];
}

/**
 * Runs `fn` and returns the warnings it raised instead of printing them (Python's
 * `catch_warnings(record=True)`); filters set inside `fn` are undone afterwards. Use it to assert
 * a warning in a test, or to keep a cell quiet. Synchronous code only: warnings raised after an
 * `await` inside `fn` are not caught.
 * @param fn the code to run
 * @example
 * ```ts
 * import { catchWarnings, ConvergenceWarning, LogisticRegression } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * const X = [[0], [1], [2], [3]], y = [0, 0, 1, 1];
 * const { warnings } = catchWarnings(() => new LogisticRegression({ maxIter: 1 }).fit(X, y));
 * assertEquals(warnings.length, 1);
 * assertEquals(warnings[0] instanceof ConvergenceWarning, true);
 * ```
 */
export function catchWarnings<T>(fn: () => T): CaughtWarnings<T> {
  const saved = filters;
  const recorded: Warning[] = [];
  recorders.push(recorded);
  try {
    return { result: fn(), warnings: recorded };
  } finally {
    recorders.pop();
    filters = saved;
  }
}

/**
 * The message of a {@link ConvergenceWarning} for a solver that used all its iterations, in
 * scikit-learn's words.
 * @param estimator the class name
 * @param maxIter the iteration limit reached
 * @param option the option to raise
 * @example
 * ```ts
 * import { convergenceMessage } from "../mod.ts";
 * import { assertStringIncludes } from "@std/assert";
 *
 * assertStringIncludes(convergenceMessage("MaxEnt", 100), "MaxEnt failed to converge");
 * ```
 */
export function convergenceMessage(estimator: string, maxIter: number, option = "maxIter"): string {
  return `${estimator} failed to converge after ${maxIter} iterations (the ${option} limit). ` +
    `Increase ${option}, scale the features (e.g. StandardScaler) or loosen tol.`;
}
