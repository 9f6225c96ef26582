/**
 * Reverse-mode automatic differentiation on matrices: `Value`'s idea with a `Matrix` in each node.
 * Every op computes its output and, right beside it, a `backwardStep` that turns the output's
 * gradient G = ∂L/∂out into the operands' gradients (vector-Jacobian products):
 *
 * - elementwise f: ∂L/∂x = G ⊙ f′(x); broadcast operands sum G over the repeated dimension
 * - matmul C = A B: ∂L/∂A = G Bᵀ, ∂L/∂B = Aᵀ G
 * - sum over an axis: G is repeated back along that axis
 * - logSumExp over an axis: ∂L/∂x = G ⊙ softmax(x)
 *
 * Derived ops (neg, sub, div, mean, logSoftmax, softmax) are written with primitives and need no
 * gradient code. Shapes are always 2-D; a scalar is (1, 1), a bias row is (1, k).
 *
 * d2l §2.5 and §5.3 "Forward Propagation, Backward Propagation, and Computational Graphs".
 *
 * @module
 */
import { Matrix, ShapeError } from "../core/mod.ts";
import { broadcastZip, expand, unbroadcast } from "./broadcast.ts";
import { logSumExpAlong, mapValues, scaledSoftmax, sumAlong, zipWith as zip } from "./kernels.ts";
import { sigmoid, topologicalOrder } from "./value.ts";

/** What ops accept as an operand: a Tensor, or a constant Matrix, nested array or number. */
export type TensorLike = Tensor | Matrix | number | ArrayLike<ArrayLike<number>>;

/** Options of the Tensor constructor. */
export interface TensorInit {
  /** Operands it was computed from. @default [] */
  children?: readonly Tensor[];
  /** The producing operation's name. @default "" */
  op?: string;
  /** Whether `backward()` computes its gradient; constants say false. @default true */
  requiresGrad?: boolean;
  /** A display name. @default "" */
  label?: string;
}

/** A node of a computational graph over matrices: value `data` and, after `backward()`, `grad`. */
export class Tensor {
  /** The forward value. */
  readonly data: Matrix;
  private gradient: Matrix | undefined;
  /** The operands this tensor was computed from (empty for leaves). */
  readonly children: readonly Tensor[];
  /** The producing operation's symbol ("" for leaves). */
  readonly op: string;
  /** False for constants (inputs, masks): their gradients are never computed. */
  readonly requiresGrad: boolean;
  /** A display name, for `drawGraph` and `traceGraph`. */
  label: string;
  private backwardStep: () => void = () => {};

  /**
   * A graph node over `data`; use {@link Tensor.from} or {@link Tensor.constant} for leaves.
   * @param data the value (not copied: optimizers update it in place)
   */
  constructor(
    data: Matrix,
    { children = [], op = "", requiresGrad = true, label = "" }: TensorInit = {},
  ) {
    this.data = data;
    this.children = children;
    this.op = op;
    this.requiresGrad = requiresGrad;
    this.label = label;
  }

  /** A trainable leaf from a Matrix (shared) or nested arrays (copied). */
  static from(values: Matrix | ArrayLike<ArrayLike<number>>, label = ""): Tensor {
    return new Tensor(values instanceof Matrix ? values : Matrix.from2D(values), { label });
  }

  /** A constant leaf: gradients never flow into it. */
  static constant(values: Matrix | ArrayLike<ArrayLike<number>> | number, label = ""): Tensor {
    const m = typeof values === "number"
      ? Matrix.full(1, 1, values)
      : values instanceof Matrix
      ? values
      : Matrix.from2D(values);
    return new Tensor(m, { requiresGrad: false, label });
  }

  /** ∂L/∂this after `L.backward()`, same shape as `data` (zeros before; allocated on first use). */
  get grad(): Matrix {
    return this.gradient ??= new Matrix(this.data.rows, this.data.cols);
  }

  /** Number of rows of `data`. */
  get rows(): number {
    return this.data.rows;
  }

  /** Number of columns of `data`. */
  get cols(): number {
    return this.data.cols;
  }

  /** [rows, cols]. */
  get shape(): [number, number] {
    return [this.data.rows, this.data.cols];
  }

  /** The single number of a (1, 1) tensor. */
  item(): number {
    if (this.data.data.length !== 1) {
      throw new ShapeError(`item() needs a (1, 1) tensor. Got (${this.rows}, ${this.cols}).`);
    }
    return this.data.data[0];
  }

  /** a + b (broadcasting); ∂/∂a = G, ∂/∂b = G, each summed over its repeated dimensions. */
  add(other: TensorLike): Tensor {
    const o = asTensor(other);
    const value = broadcastZip(this.data, o.data, (x, y) => x + y, "add");
    const out = this.result(value, [this, o], "+");
    out.backwardStep = () => {
      accumulate(this, () => out.grad);
      accumulate(o, () => out.grad);
    };
    return out;
  }

  /** a ⊙ b (broadcasting); ∂/∂a = G ⊙ b, ∂/∂b = G ⊙ a. */
  mul(other: TensorLike): Tensor {
    const o = asTensor(other);
    const value = broadcastZip(this.data, o.data, (x, y) => x * y, "mul");
    const out = this.result(value, [this, o], "*");
    out.backwardStep = () => {
      accumulate(this, () => zip(out.grad, o.data, (g, y) => g * y));
      accumulate(o, () => zip(out.grad, this.data, (g, x) => g * x));
    };
    return out;
  }

  /** aᵏ elementwise for a constant k; ∂/∂a = G ⊙ k aᵏ⁻¹. */
  pow(k: number): Tensor {
    const out = this.result(mapValues(this.data, (x) => x ** k), [this], `^${k}`);
    out.backwardStep = () => {
      accumulate(this, () => zip(out.grad, this.data, (g, x) => g * k * x ** (k - 1)));
    };
    return out;
  }

  /** A B, (n, k) @ (k, m) -> (n, m); ∂/∂A = G Bᵀ, ∂/∂B = Aᵀ G. */
  matmul(other: TensorLike): Tensor {
    const o = asTensor(other);
    const out = this.result(this.data.matmul(o.data), [this, o], "@");
    out.backwardStep = () => {
      accumulate(this, () => out.grad.matmul(o.data.transpose()));
      accumulate(o, () => this.data.transpose().matmul(out.grad));
    };
    return out;
  }

  /** Aᵀ; ∂/∂A = Gᵀ. */
  transpose(): Tensor {
    const out = this.result(this.data.transpose(), [this], "T");
    out.backwardStep = () => accumulate(this, () => out.grad.transpose());
    return out;
  }

  /** eˣ elementwise; ∂/∂x = G ⊙ eˣ. */
  exp(): Tensor {
    const out = this.result(mapValues(this.data, Math.exp), [this], "exp");
    out.backwardStep = () => accumulate(this, () => zip(out.grad, out.data, (g, e) => g * e));
    return out;
  }

  /** ln x elementwise; ∂/∂x = G / x. */
  log(): Tensor {
    const out = this.result(mapValues(this.data, Math.log), [this], "log");
    out.backwardStep = () => accumulate(this, () => zip(out.grad, this.data, (g, x) => g / x));
    return out;
  }

  /** max(0, x) elementwise; ∂/∂x = G ⊙ [x > 0]. */
  relu(): Tensor {
    const out = this.result(mapValues(this.data, (x) => (x > 0 ? x : 0)), [this], "relu");
    out.backwardStep = () => {
      accumulate(this, () => zip(out.grad, this.data, (g, x) => (x > 0 ? g : 0)));
    };
    return out;
  }

  /** σ(x) = 1 / (1 + e⁻ˣ) elementwise; ∂/∂x = G ⊙ σ(x)(1 − σ(x)). */
  sigmoid(): Tensor {
    const out = this.result(mapValues(this.data, sigmoid), [this], "sigmoid");
    out.backwardStep = () => {
      accumulate(this, () => zip(out.grad, out.data, (g, s) => g * s * (1 - s)));
    };
    return out;
  }

  /** tanh x elementwise; ∂/∂x = G ⊙ (1 − tanh² x). */
  tanh(): Tensor {
    const out = this.result(mapValues(this.data, Math.tanh), [this], "tanh");
    out.backwardStep = () => {
      accumulate(this, () => zip(out.grad, out.data, (g, t) => g * (1 - t * t)));
    };
    return out;
  }

  /**
   * Sum of all entries (1, 1), over rows (axis 0 -> (1, cols)) or over columns (axis 1 -> (rows, 1));
   * ∂/∂x = G repeated back over the summed axis.
   */
  sum(axis?: 0 | 1): Tensor {
    const { rows, cols } = this.data;
    const out = this.result(sumAlong(this.data, axis), [this], `sum${axis ?? ""}`);
    out.backwardStep = () => accumulate(this, () => expand(out.grad, rows, cols));
    return out;
  }

  /**
   * log Σ exp(x) over an axis (default 1: each row), computed as m + log Σ exp(x − m) with m the
   * maximum so that nothing overflows; ∂/∂x = G ⊙ softmax(x) along that axis.
   */
  logSumExp(axis: 0 | 1 = 1): Tensor {
    const lse = logSumExpAlong(this.data, axis);
    const value = axis === 1 ? Matrix.column(lse) : Matrix.row(lse);
    const out = this.result(value, [this], `logSumExp${axis}`);
    out.backwardStep = () => {
      accumulate(this, () => scaledSoftmax(this.data, lse, out.grad.data, axis));
    };
    return out;
  }

  /** −x, derived: x · (−1). */
  neg(): Tensor {
    return this.mul(-1);
  }

  /** a − b, derived: a + (−b). */
  sub(other: TensorLike): Tensor {
    return this.add(asTensor(other).neg());
  }

  /** a / b, derived: a · b⁻¹. */
  div(other: TensorLike): Tensor {
    return this.mul(asTensor(other).pow(-1));
  }

  /** Mean of all entries or over an axis, derived: sum / count. */
  mean(axis?: 0 | 1): Tensor {
    const count = axis === undefined ? this.data.data.length : axis === 0 ? this.rows : this.cols;
    return this.sum(axis).mul(1 / count);
  }

  /** log softmax over an axis (default 1), derived: x − logSumExp(x), stable for large |x|. */
  logSoftmax(axis: 0 | 1 = 1): Tensor {
    return this.sub(this.logSumExp(axis));
  }

  /** softmax over an axis (default 1), derived: exp(logSoftmax(x)). */
  softmax(axis: 0 | 1 = 1): Tensor {
    return this.logSoftmax(axis).exp();
  }

  /**
   * Fills `grad` with ∂this/∂node for every node below `this` that requires a gradient: grads of
   * the graph are zeroed (so, unlike PyTorch, no `zeroGrad` is needed between steps), the output
   * is seeded with `seed` (default 1 for a (1, 1) output), and the backward steps run in reverse
   * topological order.
   * @param seed ∂L/∂this, the same shape as this; required unless this is (1, 1)
   */
  backward(seed?: Matrix): void {
    if (!seed && this.data.data.length !== 1) {
      throw new ShapeError(
        `backward() without a seed needs a (1, 1) output. Got (${this.rows}, ${this.cols}); ` +
          `pass a seed of that shape or reduce with sum() or mean() first.`,
      );
    }
    if (seed && (seed.rows !== this.rows || seed.cols !== this.cols)) {
      throw new ShapeError(
        `backward(seed) needs a seed of shape (${this.rows}, ${this.cols}). Got (${seed.rows}, ${seed.cols}).`,
      );
    }
    const order = topologicalOrder<Tensor>(this);
    for (const node of order) node.gradient?.data.fill(0);
    if (seed) this.grad.data.set(seed.data);
    else this.grad.data[0] = 1;
    for (let i = order.length - 1; i >= 0; i--) {
      if (order[i].requiresGrad) order[i].backwardStep();
    }
  }

  /** Sets the display name and returns this. */
  named(label: string): this {
    this.label = label;
    return this;
  }

  /** `Tensor(rows, cols, op=…) [[…]]`. */
  toString(): string {
    return `Tensor(${this.rows}, ${this.cols}${this.op ? `, op=${this.op}` : ""}) ${
      JSON.stringify(this.data.toArray())
    }`;
  }

  /** An op's output: it requires a gradient when any operand does. */
  private result(value: Matrix, children: Tensor[], op: string): Tensor {
    return new Tensor(value, { children, op, requiresGrad: children.some((c) => c.requiresGrad) });
  }
}

/** A Tensor passes through; a Matrix, nested array or number becomes a constant. */
export function asTensor(x: TensorLike): Tensor {
  return x instanceof Tensor
    ? x
    : Tensor.constant(x as Matrix | ArrayLike<ArrayLike<number>> | number);
}

/**
 * t.grad += g(), summed down to t's shape if t was broadcast. `g` is a thunk so that no work is
 * done for constants (the gradient of the input X of a network is never needed).
 */
function accumulate(t: Tensor, g: () => Matrix): void {
  if (!t.requiresGrad) return;
  const grad = unbroadcast(g(), t.rows, t.cols);
  const target = t.grad.data, source = grad.data;
  for (let i = 0; i < target.length; i++) target[i] += source[i];
}
