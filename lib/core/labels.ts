/**
 * Class labels, the one implementation every classifier and metric shares: checking them
 * (`toLabels`), their sorted distinct values (`uniqueLabels`, scikit-learn's `classes_` order) and
 * the encoding a classifier trains on (`encodeLabels`: classes, each sample's class index, counts).
 * As scikit-learn, it refuses labels that mix numbers and strings, and refuses a continuous float
 * target for a classifier ("Unknown label type: continuous").
 *
 * @module
 */
import { checkLengthsMatch, describe, ValueError } from "./errors.ts";
import { isFrameLike, type LabelLike } from "./validation.ts";

/** A class label as users give it: a number or a string. */
export type Label = number | string;

/**
 * Converts labels (numbers or strings) to a plain array, rejecting NaN, ±Infinity, other kinds
 * and an empty input; with `expectedLength`, checks there is one label per sample of X.
 * @param y shape (nSamples,): an array, a typed array or a danfojs Series
 * @param name the argument's name, used in error messages
 * @param expectedLength the number of rows of X, when known
 * @returns a fresh plain array (never aliases y)
 * @example
 * ```ts
 * import { toLabels } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * assertEquals(toLabels(Int32Array.from([1, 0, 1])), [1, 0, 1]);
 * ```
 */
export function toLabels<T extends Label = Label>(
  y: LabelLike,
  name = "y",
  expectedLength?: number,
): T[] {
  const raw = isFrameLike(y) ? [...(y.values as unknown[])] : copyToArray(y as ArrayLike<unknown>);
  for (let i = 0; i < raw.length; i++) {
    const v = raw[i];
    const ok = typeof v === "string" || (typeof v === "number" && Number.isFinite(v));
    if (!ok) {
      throw new ValueError(
        `${name} must contain finite numbers or strings. Got ${describe(v)} at index ${i}.`,
      );
    }
  }
  if (expectedLength !== undefined) checkLengthsMatch(name, raw.length, "X", expectedLength);
  if (raw.length === 0) throw new ValueError(`${name} must not be empty.`);
  return raw as T[];
}

/**
 * A plain-array copy of an array-like. A preallocated loop: `Array.from` on a typed array goes
 * through the iterator protocol, about 15× slower at 10⁶ labels. Strings and values without a
 * numeric length keep `Array.from`'s reading (code points; an empty array).
 */
function copyToArray(values: ArrayLike<unknown>): unknown[] {
  const n = values?.length;
  if (typeof n !== "number" || typeof values === "string") return Array.from(values ?? []);
  const out = new Array<unknown>(n);
  for (let i = 0; i < n; i++) out[i] = values[i];
  return out;
}

/**
 * Sorted distinct labels of one or more lists (scikit-learn's `unique_labels`): numbers ascending,
 * strings in code-point order. Numbers and strings together are refused, as scikit-learn's
 * "Mix of label input types (string and number)".
 * @param lists label arrays (e.g. yTrue and yPred)
 * @example
 * ```ts
 * import { uniqueLabels } from "../mod.ts";
 * import { assertEquals, assertThrows } from "@std/assert";
 *
 * assertEquals(uniqueLabels([10, 9, 10], [2]), [2, 9, 10]);
 * assertThrows(() => uniqueLabels([0, 1, "2"]), Error, "Mix of label input types");
 * ```
 */
export function uniqueLabels<T extends Label>(...lists: readonly (readonly T[])[]): T[] {
  const seen = new Set<T>();
  for (const list of lists) for (const v of list) seen.add(v);
  const unique = [...seen];
  checkLabelKinds(unique);
  return typeof unique[0] === "number"
    ? (unique as number[]).sort((a, b) => a - b) as T[]
    : unique.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function checkLabelKinds(labels: readonly Label[]): void {
  const isNumber = typeof labels[0] === "number";
  const other = labels.find((v) => (typeof v === "number") !== isNumber);
  if (other !== undefined) {
    throw new ValueError(
      `Mix of label input types (string and number): got ${describe(labels[0])} and ` +
        `${describe(other)}. Labels must be all numbers or all strings.`,
    );
  }
}

/** Sorted classes, each sample's class index and the number of samples of each class. */
export interface EncodedLabels {
  /** The sorted distinct labels (scikit-learn's `classes_`). */
  classes: Label[];
  /** Each sample's index into `classes`, length nSamples. */
  indices: Int32Array;
  /** Samples per class, N_c, length nClasses. */
  counts: Float64Array;
}

/** Options of {@link encodeLabels}. */
export interface EncodeLabelsOptions {
  /** The number of rows of X: y must have one label per row. */
  nSamples?: number;
  /** Fewer distinct labels than this is an error. @default 2 */
  minClasses?: number;
  /** The classifier's name, for messages. @default "This classifier" */
  estimator?: string;
  /** The regressor suggested for a continuous target. @default "LinearRegression" */
  regressor?: string;
}

/**
 * Checks a classifier's target and encodes it as indices into its sorted classes. Refuses mixed
 * label kinds, a float target with non-integer values (a regression target) and fewer than
 * `minClasses` classes.
 * @param y labels, shape (nSamples,)
 * @param options see {@link EncodeLabelsOptions}
 * @example
 * ```ts
 * import { encodeLabels } from "../mod.ts";
 * import { assertEquals, assertThrows } from "@std/assert";
 *
 * const { classes, indices, counts } = encodeLabels(["b", "a", "b"]);
 * assertEquals(classes, ["a", "b"]);
 * assertEquals([...indices], [1, 0, 1]);
 * assertEquals([...counts], [1, 2]);
 * assertThrows(() => encodeLabels([0.5, 1.5, 2.5]), Error, "Unknown label type: continuous");
 * ```
 */
export function encodeLabels(y: LabelLike, options: EncodeLabelsOptions = {}): EncodedLabels {
  const {
    nSamples,
    minClasses = 2,
    estimator = "This classifier",
    regressor = "LinearRegression",
  } = options;
  const labels = toLabels(y, "y", nSamples);
  const classes = uniqueLabels(labels);
  const continuous = classes.findIndex((c) => typeof c === "number" && !Number.isInteger(c));
  if (continuous >= 0) {
    throw new ValueError(
      `Unknown label type: continuous. y holds non-integer numbers such as ${
        describe(classes[continuous])
      }, but ${estimator} is a classifier, which expects discrete classes; for a continuous ` +
        `target use a regressor such as ${regressor}.`,
    );
  }
  if (classes.length < minClasses) {
    throw new ValueError(
      `${estimator} needs samples of at least ${minClasses} classes in the data, but the data ` +
        `contains ${
          classes.length === 1
            ? `only one class: ${describe(classes[0])}`
            : `${classes.length} classes: ${describe(classes)}`
        }.`,
    );
  }
  const index = new Map<Label, number>(classes.map((c, k) => [c, k]));
  const indices = new Int32Array(labels.length);
  const counts = new Float64Array(classes.length);
  for (let i = 0; i < labels.length; i++) {
    const k = index.get(labels[i])!;
    indices[i] = k;
    counts[k]++;
  }
  return { classes, indices, counts };
}

/**
 * Class indices of `y` within known `classes` (e.g. to score a fitted classifier); a label not
 * seen in `fit` is an error.
 * @param y labels, shape (nSamples,)
 * @param classes the classes seen in `fit`
 * @param nSamples the number of rows of X, when known
 * @example
 * ```ts
 * import { labelIndices } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * assertEquals([...labelIndices(["b", "a"], ["a", "b"])], [1, 0]);
 * ```
 */
export function labelIndices(
  y: LabelLike,
  classes: readonly Label[],
  nSamples?: number,
): Int32Array {
  const labels = toLabels(y, "y", nSamples);
  const index = new Map<Label, number>(classes.map((c, k) => [c, k]));
  return Int32Array.from(labels, (l, i) => {
    const k = index.get(l);
    if (k === undefined) {
      throw new ValueError(
        `y contains a label not seen in fit: ${describe(l)} at index ${i}. ` +
          `Known classes: ${describe(classes)}.`,
      );
    }
    return k;
  });
}

/**
 * Index of the largest entry of each row of a row-major (n, K) array (the first one on ties):
 * scores or probabilities to class indices.
 * @param data row-major values, length n·K
 * @param n rows
 * @param K columns (classes)
 * @example
 * ```ts
 * import { argmaxRows } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * assertEquals([...argmaxRows([0.2, 0.8, 0.5, 0.5], 2, 2)], [1, 0]);
 * ```
 */
export function argmaxRows(data: ArrayLike<number>, n: number, K: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let k = 1; k < K; k++) if (data[i * K + k] > data[i * K + best]) best = k;
    out[i] = best;
  }
  return out;
}
