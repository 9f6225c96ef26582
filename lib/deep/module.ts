/**
 * A small module system shaped like PyTorch's `nn.Module`, on tfjs.
 *
 * A module's children and parameters are the `Module`, `ModuleParameter` and `ModuleBuffer` values held
 * in its own properties, found in property order (JavaScript keeps the order in which properties
 * were first defined: class fields in declaration order, then constructor assignments). Property
 * names starting with `_` are private and skipped. The dotted paths of these properties are the
 * state-dict keys (`encoder.layers.0.self_attn.q_proj.weight`), so modules that mirror a PyTorch
 * or Paddle model use the same snake_case property names as the original.
 *
 * @module
 */
import { ShapeError, ValueError } from "../core/mod.ts";
import { tf } from "./backend.ts";
import { type Initializer, initialTensor } from "./init.ts";

let shapeOnlyDepth = 0;

/**
 * Builds modules without allocating their weights: parameters keep only their shapes, so a
 * network of hundreds of millions of parameters can be printed and counted. Calling `forward`
 * or reading a parameter's value on such a module throws.
 *
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { buildShapeOnly, Embedding } from "../mod.ts";
 *
 * const words = buildShapeOnly(() => new Embedding(250002, 768));
 * assertEquals(words.numParameters(), 192001536);
 * ```
 */
export function buildShapeOnly<T>(build: () => T): T {
  shapeOnlyDepth++;
  try {
    return build();
  } finally {
    shapeOnlyDepth--;
  }
}

/** A trainable tensor of a module (PyTorch's `nn.ModuleParameter`), held as a `tf.Variable`. */
export class ModuleParameter {
  /** The shape, known even when the parameter was built shape-only. */
  readonly shape: readonly number[];
  /** Whether optimizers update it (`variables()` lists only these). */
  readonly requiresGrad: boolean;
  #value: tf.Variable | undefined;

  /**
   * Creates a new ModuleParameter; see the class description.
   * @param shape the tensor's shape
   * @param init how to draw the first values (seeded by `manualSeed`), or a tensor to copy
   * @param options `requiresGrad` (default true)
   */
  constructor(
    shape: readonly number[],
    init: Initializer | tf.Tensor,
    { requiresGrad = true }: { requiresGrad?: boolean } = {},
  ) {
    this.shape = Object.freeze([...shape]);
    this.requiresGrad = requiresGrad;
    if (shapeOnlyDepth > 0) return;
    if (init instanceof tf.Tensor) {
      checkShape(init.shape, shape, "init");
      this.#value = tf.variable(init.toFloat(), requiresGrad);
    } else {
      const t = initialTensor([...shape], init);
      this.#value = tf.variable(t, requiresGrad);
      t.dispose();
    }
  }

  /** The values; throws for a parameter built by `buildShapeOnly`. */
  get value(): tf.Variable {
    if (this.#value === undefined) {
      throw new ValueError(
        `This parameter of shape [${this.shape}] was built shape-only (buildShapeOnly): it has no values.`,
      );
    }
    return this.#value;
  }

  /** Whether values were allocated (false for shape-only builds). */
  get allocated(): boolean {
    return this.#value !== undefined;
  }

  /** The number of entries, the product of the shape. */
  get size(): number {
    return this.shape.reduce((a, b) => a * b, 1);
  }

  /** Copies `t` (same shape) into the parameter. */
  assign(t: tf.Tensor, name = "value"): void {
    checkShape(t.shape, this.shape, name);
    tf.tidy(() => this.value.assign(t.dtype === "float32" ? t : t.toFloat()));
  }

  /** Frees the variable. */
  dispose(): void {
    this.#value?.dispose();
    this.#value = undefined;
  }
}

/**
 * A non-trainable tensor that belongs to a module's state (PyTorch's registered buffer), such as
 * BatchNorm's `running_mean`. Persistent buffers are saved in the state dict.
 */
export class ModuleBuffer {
  /** The shape. */
  readonly shape: readonly number[];
  /** Whether `stateDict()` includes it. */
  readonly persistent: boolean;
  /** The data type ("float32" or "int32"). */
  readonly dtype: "float32" | "int32";
  #value: tf.Tensor | undefined;

  /**
   * Creates a new ModuleBuffer; see the class description.
   * @param value the initial tensor (kept, not copied); `persistent` defaults to true
   */
  constructor(
    value: tf.Tensor | { shape: readonly number[]; dtype?: "float32" | "int32" },
    { persistent = true }: { persistent?: boolean } = {},
  ) {
    this.persistent = persistent;
    if (value instanceof tf.Tensor) {
      this.shape = Object.freeze([...value.shape]);
      this.dtype = value.dtype === "int32" ? "int32" : "float32";
      this.#value = shapeOnlyDepth > 0 ? undefined : tf.keep(value);
      if (shapeOnlyDepth > 0) value.dispose();
    } else {
      this.shape = Object.freeze([...value.shape]);
      this.dtype = value.dtype ?? "float32";
      if (shapeOnlyDepth === 0) this.#value = tf.keep(tf.zeros([...value.shape], this.dtype));
    }
  }

  /** The current tensor. */
  get value(): tf.Tensor {
    if (this.#value === undefined) {
      throw new ValueError(
        `This buffer of shape [${this.shape}] was built shape-only: it has no values.`,
      );
    }
    return this.#value;
  }

  /** Replaces the tensor (the old one is disposed; the new one is kept out of `tf.tidy`). */
  set(t: tf.Tensor, name = "value"): void {
    checkShape(t.shape, this.shape, name);
    const old = this.#value;
    this.#value = tf.keep(t.dtype === this.dtype ? t.clone() : t.cast(this.dtype));
    old?.dispose();
  }

  /** Frees the tensor. */
  dispose(): void {
    this.#value?.dispose();
    this.#value = undefined;
  }
}

/** What `loadStateDict` found: keys it expected but did not get, and keys it did not expect. */
export interface LoadReport {
  /** Keys of the module absent from the dict. */
  missing: string[];
  /** Keys of the dict that the module does not have. */
  unexpected: string[];
  /** Keys present on both sides with different shapes. */
  mismatched: string[];
}

/**
 * The base of every layer and model (PyTorch's `nn.Module`): `forward`, named children,
 * parameters, train/eval mode, state dicts and a printed tree.
 *
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { Linear, Module, ReLU, tf } from "../mod.ts";
 *
 * class Net extends Module {
 *   fc1 = new Linear(4, 8);
 *   act = new ReLU();
 *   fc2 = new Linear(8, 2);
 *   forward(x: tf.Tensor): tf.Tensor {
 *     return this.fc2.forward(this.act.forward(this.fc1.forward(x)));
 *   }
 * }
 * const net = new Net();
 * assertEquals(net.numParameters(), 4 * 8 + 8 + 8 * 2 + 2);
 * assertEquals(net.namedParameters().map(([k]) => k), ["fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias"]);
 * assertEquals(net.forward(tf.ones([3, 4])).shape, [3, 2]);
 * ```
 */
export abstract class Module {
  /** True in training mode (dropout active), false after `eval()`. */
  training = true;
  #typeName: string | undefined;

  /** Computes the module's output. */
  abstract forward(...args: never[]): unknown;

  /** The name printed by `toString()`: `baseName` unless set by `withTypeName`. */
  get typeName(): string {
    return this.#typeName ?? this.baseName;
  }

  /** The type's own printed name (the class name by default; layers set it explicitly). */
  protected get baseName(): string {
    return this.constructor.name;
  }

  /** Sets the printed type name (e.g. Paddle's "LayerList" for a `ModuleList`) and returns this. */
  withTypeName(name: string): this {
    this.#typeName = name;
    return this;
  }

  /** The direct children in registration order, as [name, module]. */
  namedChildren(): [string, Module][] {
    return Object.entries(this).filter(([k, v]) => !k.startsWith("_") && v instanceof Module);
  }

  /** The parameters held directly by this module (not its children), as [name, parameter]. */
  namedDirectParameters(): [string, ModuleParameter][] {
    return Object.entries(this).filter(([k, v]) =>
      !k.startsWith("_") && v instanceof ModuleParameter
    );
  }

  /** The buffers held directly by this module, as [name, buffer]. */
  namedDirectBuffers(): [string, ModuleBuffer][] {
    return Object.entries(this).filter(([k, v]) => !k.startsWith("_") && v instanceof ModuleBuffer);
  }

  /** This module and all its descendants with dotted paths ("" for this one), each once. */
  namedModules(prefix = "", seen: Set<Module> = new Set()): [string, Module][] {
    if (seen.has(this)) return [];
    seen.add(this);
    const out: [string, Module][] = [[prefix, this]];
    for (const [name, child] of this.namedChildren()) {
      out.push(...child.namedModules(prefix ? `${prefix}.${name}` : name, seen));
    }
    return out;
  }

  /** Every parameter with its dotted path, each parameter once (shared weights keep their first name). */
  namedParameters(): [string, ModuleParameter][] {
    const seen = new Set<ModuleParameter>();
    const out: [string, ModuleParameter][] = [];
    for (const [path, m] of this.namedModules()) {
      for (const [name, p] of m.namedDirectParameters()) {
        if (seen.has(p)) continue;
        seen.add(p);
        out.push([path ? `${path}.${name}` : name, p]);
      }
    }
    return out;
  }

  /** Every buffer with its dotted path. */
  namedBuffers(): [string, ModuleBuffer][] {
    const out: [string, ModuleBuffer][] = [];
    for (const [path, m] of this.namedModules()) {
      for (const [name, b] of m.namedDirectBuffers()) {
        out.push([path ? `${path}.${name}` : name, b]);
      }
    }
    return out;
  }

  /** Every parameter, each once. */
  parameters(): ModuleParameter[] {
    return this.namedParameters().map(([, p]) => p);
  }

  /** The trainable parameters' variables: the `varList` for a tfjs optimizer or `tf.variableGrads`. */
  variables(): tf.Variable[] {
    return this.parameters().filter((p) => p.requiresGrad).map((p) => p.value);
  }

  /** The number of parameter entries (shared parameters counted once); works on shape-only builds. */
  numParameters(): number {
    return this.parameters().reduce((s, p) => s + p.size, 0);
  }

  /** Sets training mode (dropout on) on this module and every descendant; returns this. */
  train(mode = true): this {
    for (const [, m] of this.namedModules()) m.training = mode;
    return this;
  }

  /** Sets evaluation mode (dropout off); returns this. */
  eval(): this {
    return this.train(false);
  }

  /**
   * The parameters and persistent buffers by dotted name. The tensors are the module's own (not
   * copies): do not dispose them; pass them to `writeSafetensors` or clone them.
   */
  stateDict(): Record<string, tf.Tensor> {
    const out: Record<string, tf.Tensor> = {};
    for (const [k, p] of this.namedParameters()) out[k] = p.value;
    for (const [k, b] of this.namedBuffers()) if (b.persistent) out[k] = b.value;
    return out;
  }

  /**
   * Copies tensors into the parameters and buffers by dotted name. PyTorch's names and layouts
   * are accepted where they differ from ours (each module rewrites its own keys in
   * `adaptStateDict`: e.g. `MultiHeadAttention` splits `in_proj_weight`). Strict by default: any
   * missing or unexpected key or shape mismatch throws one error that lists them all, and nothing
   * is loaded. With `strict: false`, matching entries are loaded and the rest reported.
   */
  loadStateDict(
    dict: Record<string, tf.Tensor>,
    { strict = true }: { strict?: boolean } = {},
  ): LoadReport {
    return tf.tidy(() => {
      const entries = new Map(Object.entries(dict));
      for (const [path, m] of this.namedModules()) {
        m.adaptStateDict(entries, path ? `${path}.` : "");
      }
      const targets = new Map<string, ModuleParameter | ModuleBuffer>();
      for (const [k, p] of this.namedParameters()) targets.set(k, p);
      for (const [k, b] of this.namedBuffers()) if (b.persistent) targets.set(k, b);
      const missing = [...targets.keys()].filter((k) => !entries.has(k));
      const unexpected = [...entries.keys()].filter((k) => !targets.has(k));
      const mismatched: string[] = [];
      for (const [k, t] of entries) {
        const target = targets.get(k);
        if (target && !sameShape(t.shape, target.shape)) {
          mismatched.push(`${k}: expected [${target.shape}], got [${t.shape}]`);
        }
      }
      if (strict && missing.length + unexpected.length + mismatched.length > 0) {
        const parts = [];
        if (missing.length) parts.push(`missing keys: ${missing.join(", ")}`);
        if (unexpected.length) parts.push(`unexpected keys: ${unexpected.join(", ")}`);
        if (mismatched.length) parts.push(`shape mismatches: ${mismatched.join("; ")}`);
        throw new ValueError(`loadStateDict(dict) for ${this.typeName}: ${parts.join(". ")}.`);
      }
      for (const [k, t] of entries) {
        const target = targets.get(k);
        if (!target || !sameShape(t.shape, target.shape)) continue;
        if (target instanceof ModuleParameter) target.assign(t, k);
        else target.set(t, k);
      }
      return { missing, unexpected, mismatched: mismatched.map((s) => s.split(":")[0]) };
    });
  }

  /**
   * A state dict in another framework's names and layouts (PyTorch's `in_proj_weight`, ...)
   * rewritten into this module's own names, as `loadStateDict` sees it. Tensors that had to be
   * rebuilt are new (dispose them); the others are the caller's.
   */
  convertStateDict(dict: Record<string, tf.Tensor>): Record<string, tf.Tensor> {
    const inputs = new Set(Object.values(dict));
    const out = Object.fromEntries(this.#adapted(dict));
    for (const t of Object.values(out)) if (!inputs.has(t)) tf.keep(t);
    return out;
  }

  #adapted(dict: Record<string, tf.Tensor>): Map<string, tf.Tensor> {
    const entries = new Map(Object.entries(dict));
    for (const [path, m] of this.namedModules()) m.adaptStateDict(entries, path ? `${path}.` : "");
    return entries;
  }

  /**
   * Rewrites, in place, the entries of a state dict under `prefix` that use another framework's
   * names or layouts into this module's own (the default does nothing). Runs inside `tf.tidy`.
   */
  adaptStateDict(_dict: Map<string, tf.Tensor>, _prefix: string): void {}

  /** The arguments shown after the type name, e.g. "in_features=768, out_features=768, dtype=float32". */
  extraRepr(): string {
    return "";
  }

  /** The module tree in PyTorch/Paddle notation, one child per line. */
  toString(): string {
    const lines: string[] = [];
    const extra = this.extraRepr();
    if (extra) lines.push(...extra.split("\n"));
    for (const [name, child] of this.namedChildren()) {
      lines.push(`(${name}): ${indent(child.toString())}`);
    }
    const head = this.typeName + "(";
    if (lines.length === 0) return head + ")";
    if (lines.length === 1 && !extra.includes("\n") && this.namedChildren().length === 0) {
      return head + lines[0] + ")";
    }
    return head + "\n" + lines.map((l) => "  " + l).join("\n") + "\n)";
  }

  /** Frees every parameter and buffer. */
  dispose(): void {
    for (const p of this.parameters()) p.dispose();
    for (const [, b] of this.namedBuffers()) b.dispose();
  }
}

/**
 * The number of parameter entries of a module (shared parameters counted once).
 *
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { countParameters, Linear } from "../mod.ts";
 *
 * assertEquals(countParameters(new Linear(768, 3072)), 768 * 3072 + 3072);
 * ```
 */
export function countParameters(module: Module): number {
  return module.numParameters();
}

function indent(s: string): string {
  return s.split("\n").join("\n  ");
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function checkShape(actual: readonly number[], expected: readonly number[], name: string): void {
  if (!sameShape(actual, expected)) {
    throw new ShapeError(`${name} has shape [${actual}], expected [${expected}].`);
  }
}

/** Formats a number as Python's repr does (1e-05, 0.1, 768), for printed module trees. */
export function pyNumber(x: number): string {
  if (x !== 0 && Math.abs(x) < 1e-4) {
    return x.toExponential().replace(/e([+-])(\d)$/, "e$10$2");
  }
  return String(x);
}
