/**
 * The estimator protocol shared by every model (scikit-learn's, in camelCase):
 * hyperparameters in an options object merged over documented defaults; `fit(X, y)` returns
 * `this`; learned values live in a separate `state` read through getters; predicting before
 * fitting throws `NotFittedError`; `toJSON()`/`fromJSON()` round-trip with a class-name check.
 *
 * @module
 */
import { NotFittedError, ShapeError, ValueError } from "./errors.ts";
import { Matrix } from "./matrix.ts";
import { type MatrixLike, toMatrix } from "./validation.ts";

/** What `toJSON()` returns: plain JSON, typed arrays and matrices tagged so they revive exactly. */
export interface EstimatorJSON {
  className: string;
  options: Record<string, unknown>;
  state: unknown;
}

/** Learned state always records the feature count seen in `fit`, to catch drift later. */
export interface FittedState {
  nFeaturesIn: number;
}

/**
 * Base class for estimators.
 * @typeParam O the options type (all fields required after merging with defaults)
 * @typeParam S the learned state
 */
export abstract class Estimator<O extends object, S extends FittedState> {
  /** An explicit name (bundlers minify `constructor.name`); used by `fromJSON` and in errors. */
  abstract readonly className: string;
  /** The options after merging over the defaults, frozen. */
  readonly options: Readonly<O>;
  protected state: S | undefined;

  protected constructor(defaults: O, options: Partial<O> = {}) {
    const known = Object.keys(defaults);
    for (const key of Object.keys(options)) {
      if (!known.includes(key)) {
        throw new ValueError(
          `Unknown option '${key}'. Known options: ${known.map((k) => `'${k}'`).join(", ")}.`,
        );
      }
    }
    const merged = { ...defaults } as O;
    for (const [k, v] of Object.entries(options)) {
      if (v !== undefined) (merged as Record<string, unknown>)[k] = v;
    }
    this.options = Object.freeze(merged);
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

  toJSON(): EstimatorJSON {
    return {
      className: this.className,
      options: encode(this.options) as Record<string, unknown>,
      state: encode(this.state ?? null),
    };
  }

  /**
   * Restores an estimator saved with `toJSON()` (also accepts the JSON string).
   * @example const model = LinearRegression.fromJSON(JSON.parse(text));
   */
  static fromJSON<T extends Estimator<object, FittedState>>(
    this: new (options?: never) => T,
    json: EstimatorJSON | string,
  ): T {
    const parsed: EstimatorJSON = typeof json === "string" ? JSON.parse(json) : json;
    const model = new this(decode(parsed.options) as never);
    if (parsed.className !== model.className) {
      throw new ValueError(
        `Cannot restore a ${parsed.className} as a ${model.className}: the class names differ.`,
      );
    }
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
