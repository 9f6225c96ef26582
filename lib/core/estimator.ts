/**
 * The estimator protocol shared by every model (scikit-learn's, in camelCase):
 * hyperparameters in an options object merged over documented defaults; `fit(X, y)` returns
 * `this`; learned values live in a separate `state` read through getters; predicting before
 * fitting throws `NotFittedError`; `toJSON()`/`fromJSON()` round-trip with a class-name check.
 *
 * @module
 */
import { describe, NotFittedError, ShapeError, ValueError } from "./errors.ts";
import { Matrix } from "./matrix.ts";
import { mergeOptions } from "./options.ts";
import { type MatrixLike, toMatrix } from "./validation.ts";

/** What `toJSON()` returns: plain JSON, typed arrays and matrices tagged so they revive exactly. */
export interface EstimatorJSON {
  /** The estimator's `className`, checked by `fromJSON`. */
  className: string;
  /** The layout of this envelope ({@link FORMAT_VERSION}); absent in models saved before it. */
  formatVersion?: number;
  /** The options after merging over the defaults. */
  options: Record<string, unknown>;
  /** The learned state (null before `fit`), typed arrays and matrices tagged. */
  state: unknown;
}

/** The version of the `toJSON()` envelope this library writes and reads. */
export const FORMAT_VERSION = 1;

/**
 * What an estimator does, scikit-learn's `_estimator_type`. Generic tools read it (the shared
 * check suite, tests/estimator_checks.ts, picks its data and checks from it):
 * - "classifier": `fit(X, y)` with labels; `predict` returns labels (`classes` lists them);
 * - "regressor": `fit(X, y)` with real targets; `predict` returns numbers;
 * - "transformer": `fit(X)`, then `transform(X)`;
 * - "clusterer": `fit(X)`, then `predict(X)` returns a component/cluster index per row.
 */
export type EstimatorKind = "classifier" | "regressor" | "transformer" | "clusterer";

/**
 * Checks a saved model's envelope before anything reads it: an object (or its JSON text) with a
 * string `className` equal to `expected` when given, an `options` object, a `state`, and a
 * `formatVersion` this library reads. One helper for every `fromJSON`, so `null`, garbage and
 * another class's model all get a `ValueError` that says what came.
 * @param json what was passed to `fromJSON`
 * @param expected the class restoring it
 * @example
 * ```ts
 * import { readEstimatorJSON } from "./estimator.ts";
 * import { assertThrows } from "@std/assert";
 *
 * assertThrows(
 *   () => readEstimatorJSON({ className: "MultinomialNB", options: {}, state: null }, "MaxEnt"),
 *   Error,
 *   "this is a MultinomialNB model, not a MaxEnt model",
 * );
 * ```
 */
export function readEstimatorJSON(json: unknown, expected?: string): EstimatorJSON {
  const who = expected ?? "an estimator";
  let parsed = json;
  if (typeof json === "string") {
    try {
      parsed = JSON.parse(json);
    } catch {
      throw new ValueError(
        `${who}.fromJSON expects the object returned by toJSON() or its JSON text. Got a string that is not JSON: ${
          describe(json.slice(0, 40))
        }.`,
      );
    }
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new ValueError(
      `${who}.fromJSON expects the object returned by toJSON() (with className, options and state). Got ${
        describe(parsed)
      }.`,
    );
  }
  const p = parsed as Record<string, unknown>;
  if (typeof p.className !== "string") {
    throw new ValueError(
      `${who}.fromJSON expects a saved model with a string 'className'. Got ${
        describe(p.className)
      }.`,
    );
  }
  if (expected !== undefined && p.className !== expected) {
    throw new ValueError(
      `Cannot restore with ${expected}.fromJSON: this is a ${p.className} model, not a ${expected} model. Use ${p.className}.fromJSON.`,
    );
  }
  if (p.options === null || typeof p.options !== "object" || Array.isArray(p.options)) {
    throw new ValueError(
      `The saved ${p.className} has no 'options' object. Got ${describe(p.options)}.`,
    );
  }
  if (!("state" in p)) throw new ValueError(`The saved ${p.className} has no 'state'.`);
  const version = p.formatVersion ?? FORMAT_VERSION;
  if (version !== FORMAT_VERSION) {
    throw new ValueError(
      `The saved ${p.className} has formatVersion ${
        describe(version)
      }; this library reads version ${FORMAT_VERSION}.`,
    );
  }
  return p as unknown as EstimatorJSON;
}

/** Learned state always records the feature count seen in `fit`, to catch drift later. */
export interface FittedState {
  /** The number of columns of X in `fit`. */
  nFeaturesIn: number;
}

/**
 * Base class for estimators.
 * @typeParam O the options type (all fields required after merging with defaults)
 * @typeParam S the learned state
 */
export abstract class Estimator<O extends object, S extends FittedState> {
  /**
   * What this estimator does (see {@link EstimatorKind}). Set it on each concrete class or on a
   * family's base class: `static override readonly estimatorKind: EstimatorKind = "classifier";`.
   * The shared check suite infers it from `classes`/`predict`/`transform` when it is absent.
   */
  static readonly estimatorKind: EstimatorKind | undefined = undefined;

  /** An explicit name (bundlers minify `constructor.name`); used by `fromJSON` and in errors. */
  abstract readonly className: string;
  /** The options after merging over the defaults, frozen. */
  readonly options: Readonly<O>;
  /** What `fit` learned; undefined before it (read it through `fitted()`). */
  protected state: S | undefined;

  /**
   * Merges `options` over `defaults` through `mergeOptions`: a non-object (`new Model(3)`) or an
   * unknown key (`n_neighbors`, with its camelCase hint) is a `ValueError`.
   */
  protected constructor(defaults: O, options: Partial<O> = {}) {
    this.options = mergeOptions(defaults, options, new.target.name);
  }

  /** True once `fit` has run (or the model was restored from JSON). */
  get isFitted(): boolean {
    return this.state !== undefined;
  }

  /** Number of features seen during `fit`. */
  get nFeaturesIn(): number {
    return this.fitted().nFeaturesIn;
  }

  /** The learned state, or `NotFittedError`. */
  protected fitted(): S {
    if (!this.state) throw new NotFittedError(this.className);
    return this.state;
  }

  /** Converts X at predict time and checks the feature count against `fit`. */
  protected checkPredictX(X: MatrixLike, name = "X"): Matrix {
    const { nFeaturesIn } = this.fitted();
    const m = toMatrix(X, name);
    if (m.cols !== nFeaturesIn) {
      throw new ShapeError(
        `${name} has ${m.cols} features, but ${this.className} is expecting ${nFeaturesIn} features as input.`,
      );
    }
    return m;
  }

  /**
   * The model as plain JSON (options and learned state) for `JSON.stringify`; restore it with
   * the class's `fromJSON`.
   */
  toJSON(): EstimatorJSON {
    return {
      className: this.className,
      formatVersion: FORMAT_VERSION,
      options: encode(this.options) as Record<string, unknown>,
      state: encode(this.state ?? null),
    };
  }

  /**
   * Restores an estimator saved with `toJSON()` (also accepts the JSON string). The envelope is
   * checked first ({@link readEstimatorJSON}): garbage, `null` or another class's model is a
   * `ValueError` naming what came.
   * @example
   * ```ts
   * import { LinearRegression } from "../mod.ts";
   * import { assertEquals } from "@std/assert";
   *
   * const model = new LinearRegression().fit([[0], [1], [2]], [1, 3, 5]);
   * const text = JSON.stringify(model);
   * const restored = LinearRegression.fromJSON(JSON.parse(text));
   * assertEquals(restored.predict([[3]]), model.predict([[3]]));
   * ```
   */
  static fromJSON<T extends Estimator<object, FittedState>>(
    this: new (options?: never) => T,
    json: EstimatorJSON | string,
  ): T {
    let expected: string | undefined;
    try {
      expected = new this().className;
    } catch {
      expected = undefined; // a class whose constructor needs options: checked after building
    }
    const parsed = readEstimatorJSON(json, expected);
    const model = new this(decode(parsed.options) as never);
    if (parsed.className !== model.className) readEstimatorJSON(parsed, model.className);
    model.state = (decode(parsed.state) ?? undefined) as typeof model.state;
    return model;
  }
}

/** Tags Float64Array/Int32Array/... and Matrix so `JSON.stringify` keeps their type. */
export function encode(value: unknown): unknown {
  if (value instanceof Matrix) {
    return { $matrix: [value.rows, value.cols], data: Array.from(value.data) };
  }
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return { $typed: value.constructor.name, data: Array.from(value as unknown as number[]) };
  }
  if (Array.isArray(value)) return value.map(encode);
  if (value instanceof Map) return { $map: [...value].map(([k, v]) => [encode(k), encode(v)]) };
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encode(v)]));
  }
  if (typeof value === "number" && !Number.isFinite(value)) return { $number: String(value) };
  return value;
}

const TYPED: Record<string, { from(data: number[]): ArrayBufferView }> = {
  Float64Array,
  Float32Array,
  Int32Array,
  Uint32Array,
  Int16Array,
  Uint16Array,
  Int8Array,
  Uint8Array,
};

/** Inverse of `encode`. */
export function decode(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decode);
  if (value && typeof value === "object") {
    const v = value as Record<string, unknown>;
    if ("$matrix" in v) {
      const [rows, cols] = v.$matrix as [number, number];
      return new Matrix(rows, cols, Float64Array.from(v.data as number[]));
    }
    if ("$typed" in v) {
      const ctor = TYPED[v.$typed as string];
      if (!ctor) throw new ValueError(`Unknown typed array '${v.$typed}' in saved model.`);
      return ctor.from(v.data as number[]);
    }
    if ("$map" in v) {
      return new Map((v.$map as [unknown, unknown][]).map(([k, x]) => [decode(k), decode(x)]));
    }
    if ("$number" in v) return Number(v.$number);
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, decode(x)]));
  }
  return value;
}
