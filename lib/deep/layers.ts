/**
 * The basic layers, with PyTorch's constructor arguments, parameter names and layouts, printed in
 * the notation of the notes' network (Paddle's): `Linear(in_features=768, out_features=768,
 * dtype=float32)`, `LayerNorm(normalized_shape=[768], epsilon=1e-05)`, ...
 *
 * @module
 */
import { ShapeError, ValueError } from "../core/mod.ts";
import { tf } from "./backend.ts";
import { fanInUniform, nextSeed } from "./init.ts";
import { geluBackward, geluForward } from "./kernels/dense.ts";
import { layerNorm2d } from "./layer_norm_op.ts";
import { affine } from "./matmul.ts";
import { Module, ModuleParameter, pyNumber } from "./module.ts";

/** Checks that `x` has at least `minRank` dimensions and, if given, the last dimension `last`. */
export function checkInput(x: tf.Tensor, name: string, last?: number, minRank = 1): void {
  if (!(x instanceof tf.Tensor)) {
    throw new ValueError(`${name} must be a tf.Tensor. Got ${typeof x} instead.`);
  }
  if (x.rank < minRank) {
    throw new ShapeError(`${name} must have rank >= ${minRank}. Got shape [${x.shape}].`);
  }
  if (last !== undefined && x.shape[x.rank - 1] !== last) {
    throw new ShapeError(
      `${name} has last dimension ${x.shape[x.rank - 1]} (shape [${x.shape}]), expected ${last}.`,
    );
  }
}

/**
 * Affine map y = x Wᵀ + b (PyTorch's `nn.Linear`): `weight` is [outFeatures, inFeatures], and
 * both are drawn from U(±1/√inFeatures). Input (..., inFeatures) → (..., outFeatures).
 *
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { Linear, tf } from "../mod.ts";
 *
 * const fc = new Linear(768, 768);
 * assertEquals(fc.toString(), "Linear(in_features=768, out_features=768, dtype=float32)");
 * assertEquals(fc.forward(tf.zeros([2, 5, 768])).shape, [2, 5, 768]);
 * ```
 */
export class Linear extends Module {
  /** [outFeatures, inFeatures]. */
  readonly weight: ModuleParameter;
  /** [outFeatures], or null without bias. */
  readonly bias: ModuleParameter | null;

  /**
   * Creates a new Linear; see the class description.
   * @param options `bias` (default true)
   */
  constructor(
    readonly inFeatures: number,
    readonly outFeatures: number,
    { bias = true }: { bias?: boolean } = {},
  ) {
    super();
    checkPositiveInt(inFeatures, "inFeatures");
    checkPositiveInt(outFeatures, "outFeatures");
    this.weight = new ModuleParameter([outFeatures, inFeatures], fanInUniform(inFeatures));
    this.bias = bias ? new ModuleParameter([outFeatures], fanInUniform(inFeatures)) : null;
  }

  /** x: (..., inFeatures) → (..., outFeatures). */
  forward(x: tf.Tensor): tf.Tensor {
    checkInput(x, "input", this.inFeatures);
    return tf.tidy(() => {
      const lead = x.shape.slice(0, -1);
      const x2 = x.rank === 2 ? x as tf.Tensor2D : x.reshape([-1, this.inFeatures]) as tf.Tensor2D;
      // not tf.fused.matMul: on tfjs-backend-wasm 4.22 its transposeB + bias case returns wrong values
      const y = affine(
        x2,
        this.weight.value as tf.Tensor2D,
        (this.bias?.value ?? null) as tf.Tensor1D | null,
      );
      return x.rank === 2 ? y : y.reshape([...lead, this.outFeatures]);
    });
  }

  /** relu(forward(x)) in one kernel call each way (the feed-forward blocks' first layer). */
  forwardRelu(x: tf.Tensor): tf.Tensor {
    checkInput(x, "input", this.inFeatures);
    return tf.tidy(() => {
      const x2 = x.reshape([-1, this.inFeatures]) as tf.Tensor2D;
      const b = (this.bias?.value ?? null) as tf.Tensor1D | null;
      const y = affine(x2, this.weight.value as tf.Tensor2D, b, "relu");
      return y.reshape([...x.shape.slice(0, -1), this.outFeatures]);
    });
  }

  /** The printed type name, "Linear". */
  protected override get baseName(): string {
    return "Linear";
  }

  /** The arguments shown after the type name by `toString()`, as PyTorch prints them. */
  override extraRepr(): string {
    return `in_features=${this.inFeatures}, out_features=${this.outFeatures}, dtype=float32`;
  }
}

/**
 * A lookup table of `numEmbeddings` vectors of size `embeddingDim` (PyTorch's `nn.Embedding`,
 * weights N(0, 1)); the row `paddingIdx`, if given, starts at zero and receives no gradient.
 * Ids outside [0, numEmbeddings) are an error.
 *
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { Embedding, tf } from "../mod.ts";
 *
 * const emb = new Embedding(10, 4);
 * assertEquals(emb.toString(), "Embedding(10, 4, sparse=False)");
 * assertEquals(emb.forward(tf.tensor2d([[1, 2, 3]], [1, 3], "int32")).shape, [1, 3, 4]);
 * ```
 */
export class Embedding extends Module {
  /** [numEmbeddings, embeddingDim]. */
  readonly weight: ModuleParameter;
  /** The padding row, or null. */
  readonly paddingIdx: number | null;

  /**
   * Creates a new Embedding; see the class description.
   * @param options `paddingIdx` (default none)
   */
  constructor(
    readonly numEmbeddings: number,
    readonly embeddingDim: number,
    { paddingIdx = null }: { paddingIdx?: number | null } = {},
  ) {
    super();
    checkPositiveInt(numEmbeddings, "numEmbeddings");
    checkPositiveInt(embeddingDim, "embeddingDim");
    if (
      paddingIdx !== null &&
      !(Number.isInteger(paddingIdx) && paddingIdx >= 0 && paddingIdx < numEmbeddings)
    ) {
      throw new ValueError(
        `paddingIdx must be an integer in [0, ${numEmbeddings}). Got ${paddingIdx} instead.`,
      );
    }
    this.paddingIdx = paddingIdx;
    this.weight = new ModuleParameter([numEmbeddings, embeddingDim], {
      kind: "normal",
      mean: 0,
      std: 1,
    });
    if (paddingIdx !== null && this.weight.allocated) {
      tf.tidy(() => {
        const keep = tf.oneHot([paddingIdx], numEmbeddings).sum(0).neg().add(1).reshape([-1, 1]);
        this.weight.value.assign(this.weight.value.mul(keep));
      });
    }
  }

  /** ids: integer tensor (any shape) or nested arrays → (...ids.shape, embeddingDim). */
  forward(ids: tf.Tensor | number[] | number[][]): tf.Tensor {
    const t = ids instanceof tf.Tensor ? ids : tf.tensor(ids, undefined, "int32");
    try {
      checkIds(t, this.numEmbeddings, "input");
      return tf.tidy(() => {
        const idx = t.dtype === "int32" ? t : t.toInt();
        const flat = idx.reshape([-1]);
        let out = embeddingLookup(this.weight.value, flat);
        if (this.paddingIdx !== null) {
          out = out.mul(flat.notEqual(this.paddingIdx).toFloat().expandDims(1));
        }
        return out.reshape([...t.shape, this.embeddingDim]);
      });
    } finally {
      if (t !== ids) t.dispose();
    }
  }

  /** The printed type name, "Embedding". */
  protected override get baseName(): string {
    return "Embedding";
  }

  /** The arguments shown after the type name by `toString()`, as PyTorch prints them. */
  override extraRepr(): string {
    const pad = this.paddingIdx !== null ? `, padding_idx=${this.paddingIdx}` : "";
    return `${this.numEmbeddings}, ${this.embeddingDim}${pad}, sparse=False`;
  }
}

/**
 * gather(weight, ids) whose gradient is a scatter-add (`tf.scatterND` sums duplicate ids): tfjs's
 * own gradient of gather goes through `UnsortedSegmentSum`, which the wasm backend lacks and the
 * CPU backend computes in O(vocabulary × ids) — seconds per step for a small model.
 */
export function embeddingLookup(weight: tf.Tensor, ids: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const idx = ids.reshape([-1]);
    const f = tf.customGrad((w, save) => {
      (save as tf.GradSaveFunc)([idx]); // kept for the backward pass beyond this tidy
      return {
        value: tf.gather(w as tf.Tensor, idx),
        gradFunc: (dy, [i]) =>
          tf.scatterND(i.reshape([-1, 1]), dy as tf.Tensor, (w as tf.Tensor).shape),
      };
    });
    return f(weight);
  });
}

/** Throws if a tensor of token ids is not integral or leaves [0, vocab). */
export function checkIds(ids: tf.Tensor, vocab: number, name: string): void {
  const [lo, hi, frac] = tf.tidy(() => {
    const f = ids.toFloat();
    return [f.min(), f.max(), f.sub(f.round()).abs().max()].map((s) => s.dataSync()[0]);
  });
  if (ids.size === 0) return;
  if (frac !== 0) throw new ValueError(`${name} must hold integer token ids.`);
  if (lo < 0 || hi >= vocab) {
    throw new ValueError(
      `${name} holds token ids in [${lo}, ${hi}], outside the vocabulary [0, ${vocab}).`,
    );
  }
}

/**
 * Layer normalization (Ba et al. 2016; PyTorch's `nn.LayerNorm`): each sample is normalised over
 * its last dimensions, y = (x − mean) / √(var + ε) · weight + bias, with the biased variance.
 *
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { LayerNorm, tf } from "../mod.ts";
 *
 * const ln = new LayerNorm(2);
 * assertEquals(ln.toString(), "LayerNorm(normalized_shape=[2], epsilon=1e-05)");
 * const y = ln.forward(tf.tensor2d([[1, 2], [2, 3]])).arraySync() as number[][];
 * assertEquals(y.map((r) => r.map((v) => Math.round(v * 1e4) / 1e4)), [[-1, 1], [-1, 1]]);
 * ```
 */
export class LayerNorm extends Module {
  /** The normalised trailing shape. */
  readonly normalizedShape: readonly number[];
  /** ε added to the variance. */
  readonly eps: number;
  /** The scale γ (ones), or null without affine parameters. */
  readonly weight: ModuleParameter | null;
  /** The shift β (zeros), or null. */
  readonly bias: ModuleParameter | null;

  /**
   * Creates a new LayerNorm; see the class description.
   * @param options `eps` (default 1e-5), `elementwiseAffine` (default true)
   */
  constructor(
    normalizedShape: number | readonly number[],
    { eps = 1e-5, elementwiseAffine = true }: { eps?: number; elementwiseAffine?: boolean } = {},
  ) {
    super();
    const shape = typeof normalizedShape === "number" ? [normalizedShape] : [...normalizedShape];
    shape.forEach((d) => checkPositiveInt(d, "normalizedShape"));
    this.normalizedShape = Object.freeze(shape);
    this.eps = eps;
    this.weight = elementwiseAffine
      ? new ModuleParameter(shape, { kind: "constant", value: 1 })
      : null;
    this.bias = elementwiseAffine
      ? new ModuleParameter(shape, { kind: "constant", value: 0 })
      : null;
  }

  /** x: (..., *normalizedShape) → same shape. */
  forward(x: tf.Tensor): tf.Tensor {
    const k = this.normalizedShape.length;
    checkInput(x, "input", undefined, k);
    if (!this.normalizedShape.every((d, i) => x.shape[x.rank - k + i] === d)) {
      throw new ShapeError(
        `input of shape [${x.shape}] does not end with normalized_shape [${this.normalizedShape}].`,
      );
    }
    return tf.tidy(() => {
      // normalising over the trailing dims is normalising the rows of x as (n, d)
      const d = this.normalizedShape.reduce((a, b) => a * b, 1);
      const y = layerNorm2d(
        x.reshape([-1, d]) as tf.Tensor2D,
        (this.weight?.value.reshape([d]) ?? null) as tf.Tensor1D | null,
        (this.bias?.value.reshape([d]) ?? null) as tf.Tensor1D | null,
        this.eps,
      );
      return y.reshape(x.shape);
    });
  }

  /** The printed type name, "LayerNorm". */
  protected override get baseName(): string {
    return "LayerNorm";
  }

  /** The arguments shown after the type name by `toString()`, as PyTorch prints them. */
  override extraRepr(): string {
    return `normalized_shape=[${this.normalizedShape.join(", ")}], epsilon=${pyNumber(this.eps)}`;
  }
}

/**
 * Inverted dropout (Srivastava et al. 2014): in training mode each entry is zeroed with
 * probability p and the rest scaled by 1/(1 − p) ("upscale_in_train"); identity in eval mode.
 * Masks come from the seeded generator (`manualSeed`).
 */
export class Dropout extends Module {
  /**
   * Creates a new Dropout; see the class description.
   * @param p the drop probability in [0, 1) (default 0.5)
   */
  constructor(readonly p = 0.5) {
    super();
    if (!(p >= 0 && p < 1)) throw new ValueError(`Dropout p must be in [0, 1). Got ${p} instead.`);
  }

  /** x → x · mask / (1 − p) in training mode, x in eval mode. */
  forward(x: tf.Tensor): tf.Tensor {
    return dropout(x, this.p, this.training);
  }

  /** The printed type name, "Dropout". */
  protected override get baseName(): string {
    return "Dropout";
  }

  /** The arguments shown after the type name by `toString()`, as PyTorch prints them. */
  override extraRepr(): string {
    return `p=${pyNumber(this.p)}, axis=None, mode=upscale_in_train`;
  }
}

/** Inverted dropout as a function: x · mask / (1 − p) when `training` and p > 0, else x (a new handle). */
export function dropout(x: tf.Tensor, p: number, training: boolean): tf.Tensor {
  if (!training || p === 0) return x.clone();
  return tf.tidy(() => {
    const keep = tf.randomUniform(x.shape, 0, 1, "float32", nextSeed()).greaterEqual(p);
    return x.mul(keep.toFloat()).div(1 - p);
  });
}

/** max(0, x). */
export class ReLU extends Module {
  /** Elementwise max(0, x). */
  forward(x: tf.Tensor): tf.Tensor {
    return tf.relu(x);
  }
  /** The printed type name, "ReLU". */
  protected override get baseName(): string {
    return "ReLU";
  }
}

/** tanh(x) (the ERNIE/BERT pooler's activation). */
export class Tanh extends Module {
  /** Elementwise tanh. */
  forward(x: tf.Tensor): tf.Tensor {
    return tf.tanh(x);
  }
  /** The printed type name, "Tanh". */
  protected override get baseName(): string {
    return "Tanh";
  }
}

/** 1 / (1 + e^{−x}). */
export class Sigmoid extends Module {
  /** Elementwise logistic function. */
  forward(x: tf.Tensor): tf.Tensor {
    return tf.sigmoid(x);
  }
  /** The printed type name, "Sigmoid". */
  protected override get baseName(): string {
    return "Sigmoid";
  }
}

/** The identity (a placeholder child, as PyTorch's `nn.Identity`). */
export class Identity extends Module {
  /** Returns a new handle on x. */
  forward(x: tf.Tensor): tf.Tensor {
    return x.clone();
  }
  /** The printed type name, "Identity". */
  protected override get baseName(): string {
    return "Identity";
  }
}

/**
 * GELU(x) = x Φ(x) = ½ x (1 + erf(x/√2)) (Hendrycks & Gimpel), PyTorch's default; with
 * `approximate: "tanh"`, ½ x (1 + tanh(√(2/π)(x + 0.044715 x³))) as in GPT-2.
 */
export class GELU extends Module {
  /**
   * Creates a new GELU; see the class description.
   * @param options `approximate`: "none" (default) or "tanh"
   */
  constructor(readonly options: { approximate?: "none" | "tanh" } = {}) {
    super();
  }

  /** Elementwise GELU. */
  forward(x: tf.Tensor): tf.Tensor {
    return gelu(x, this.options.approximate ?? "none");
  }

  /** The printed type name, "GELU". */
  protected override get baseName(): string {
    return "GELU";
  }

  /** The arguments shown after the type name by `toString()`, as PyTorch prints them. */
  override extraRepr(): string {
    return this.options.approximate === "tanh" ? "approximate=tanh" : "";
  }
}

/** GELU as a function (see `GELU`). */
export function gelu(x: tf.Tensor, approximate: "none" | "tanh" = "none"): tf.Tensor {
  return tf.tidy(() => {
    if (approximate === "tanh") {
      const inner = x.add(x.pow(3).mul(0.044715)).mul(Math.sqrt(2 / Math.PI));
      return x.mul(0.5).mul(tf.tanh(inner).add(1));
    }
    return x.dtype === "float32"
      ? geluExact(x)
      : x.mul(0.5).mul(tf.erf(x.mul(Math.SQRT1_2)).add(1));
  });
}

// the exact GELU as one kernel call each way: built from tfjs ops it was about ten passes over
// the activations forward and back (Erf alone 30 ms a step on a GPT's (32, 64, 512) FFN)
const geluExact = tf.customGrad((x, save) => {
  (save as tf.GradSaveFunc)([x as tf.Tensor]);
  return {
    value: geluForward(x as tf.Tensor),
    gradFunc: (dy, saved) => geluBackward(dy as tf.Tensor, (saved as tf.Tensor[])[0]),
  };
}) as (x: tf.Tensor) => tf.Tensor;

/** Modules called one after the other (PyTorch's `nn.Sequential`); children are named "0", "1", .... */
export class Sequential extends Module {
  readonly #items: Module[];

  /**
   * Creates a new Sequential; see the class description.
   * @param modules the stages, each taking the previous one's output
   */
  constructor(...modules: Module[]) {
    super();
    this.#items = modules;
  }

  /** The children in order, named "0", "1", ... as in PyTorch. */
  override namedChildren(): [string, Module][] {
    return this.#items.map((m, i) => [String(i), m]);
  }

  /** The number of stages. */
  get length(): number {
    return this.#items.length;
  }

  /** The i-th stage. */
  at(i: number): Module {
    return this.#items[i];
  }

  /** Passes x through every stage. */
  forward(x: tf.Tensor): tf.Tensor {
    return tf.tidy(() => {
      let y = x;
      for (const m of this.#items) {
        y = (m as unknown as { forward(x: tf.Tensor): tf.Tensor }).forward(y);
      }
      return y;
    });
  }

  /** The printed type name, "Sequential". */
  protected override get baseName(): string {
    return "Sequential";
  }
}

/**
 * A list of modules registered as children "0", "1", ... (PyTorch's `nn.ModuleList`, Paddle's
 * `LayerList`); it has no forward of its own.
 */
export class ModuleList<M extends Module = Module> extends Module {
  readonly #items: M[];

  /**
   * Creates a new ModuleList; see the class description.
   * @param modules the initial items
   */
  constructor(modules: Iterable<M> = []) {
    super();
    this.#items = [...modules];
  }

  /** The children in order, named "0", "1", ... as in PyTorch. */
  override namedChildren(): [string, Module][] {
    return this.#items.map((m, i) => [String(i), m]);
  }

  /** The number of items. */
  get length(): number {
    return this.#items.length;
  }

  /** The i-th item. */
  at(i: number): M {
    const m = this.#items[i];
    if (m === undefined) {
      throw new ValueError(`index ${i} out of range for a ModuleList of ${this.length}.`);
    }
    return m;
  }

  /** Appends a module; returns this. */
  push(m: M): this {
    this.#items.push(m);
    return this;
  }

  /** Iterates over the items. */
  [Symbol.iterator](): Iterator<M> {
    return this.#items[Symbol.iterator]();
  }

  /** A ModuleList is a container: calling it is an error. */
  forward(): never {
    throw new ValueError("ModuleList has no forward: iterate over its items.");
  }

  /** The printed type name, "ModuleList". */
  protected override get baseName(): string {
    return "ModuleList";
  }
}

function checkPositiveInt(v: number, name: string): void {
  if (!(Number.isInteger(v) && v > 0)) {
    throw new ValueError(`${name} must be a positive integer. Got ${v} instead.`);
  }
}
