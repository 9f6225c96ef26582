/**
 * Scalar reverse-mode automatic differentiation, the way micrograd teaches it: a `Value` holds a
 * number, the `Value`s it was computed from, and a `backwardStep` closure that knows the local
 * derivative of the one operation that produced it (chain rule: child.grad += ∂out/∂child · out.grad).
 * `backward()` orders the graph topologically and runs those closures from the output back.
 *
 * Primitives (with a backward rule): add, mul, pow, exp, log, sin, cos, tanh, sigmoid, relu.
 * Derived ops (no gradient code, the chain rule does it): neg, sub, div.
 *
 * d2l §2.5 "Automatic Differentiation"; Baydin et al. (2018) "Automatic differentiation in machine
 * learning: a survey".
 *
 * @module
 */

/** A number or a `Value`; plain numbers become constants. */
export type ValueLike = Value | number;

/** A scalar node of a computational graph: its value `data` and, after `backward()`, `grad` = ∂out/∂this. */
export class Value {
  /** The number computed by the forward pass. */
  data: number;
  /** ∂(output of the last `backward()`)/∂(this), accumulated over every path. */
  grad = 0;
  /** The operands this value was computed from (empty for a leaf). */
  readonly children: readonly Value[];
  /** The operation that produced it ("+", "*", "exp", ... or "" for a leaf). */
  readonly op: string;
  /** An optional name for drawings (`drawGraph`). */
  label: string;
  /** Pushes `this.grad` into the children's grads (set by the op that created this value). */
  private backwardStep: () => void = () => {};

  /**
   * A node holding `data`; inputs are built as `new Value(x)`, ops pass their operands.
   * @param data the number
   * @param children operands (used by ops; leave empty for inputs)
   * @param op the producing operation's symbol
   * @param label a display name
   */
  constructor(data: number, children: readonly Value[] = [], op = "", label = "") {
    this.data = data;
    this.children = children;
    this.op = op;
    this.label = label;
  }

  /** a + b; ∂/∂a = 1, ∂/∂b = 1. */
  add(other: ValueLike): Value {
    const o = asValue(other);
    const out = new Value(this.data + o.data, [this, o], "+");
    out.backwardStep = () => {
      this.grad += out.grad;
      o.grad += out.grad;
    };
    return out;
  }

  /** a · b; ∂/∂a = b, ∂/∂b = a. */
  mul(other: ValueLike): Value {
    const o = asValue(other);
    const out = new Value(this.data * o.data, [this, o], "*");
    out.backwardStep = () => {
      this.grad += o.data * out.grad;
      o.grad += this.data * out.grad;
    };
    return out;
  }

  /** aᵏ for a constant exponent k; ∂/∂a = k aᵏ⁻¹. */
  pow(k: number): Value {
    const out = new Value(this.data ** k, [this], `^${k}`);
    out.backwardStep = () => {
      this.grad += k * this.data ** (k - 1) * out.grad;
    };
    return out;
  }

  /** eᵃ; ∂/∂a = eᵃ (the output itself). */
  exp(): Value {
    const out = new Value(Math.exp(this.data), [this], "exp");
    out.backwardStep = () => {
      this.grad += out.data * out.grad;
    };
    return out;
  }

  /** ln a; ∂/∂a = 1/a. */
  log(): Value {
    const out = new Value(Math.log(this.data), [this], "log");
    out.backwardStep = () => {
      this.grad += out.grad / this.data;
    };
    return out;
  }

  /** sin a; ∂/∂a = cos a. */
  sin(): Value {
    const out = new Value(Math.sin(this.data), [this], "sin");
    out.backwardStep = () => {
      this.grad += Math.cos(this.data) * out.grad;
    };
    return out;
  }

  /** cos a; ∂/∂a = −sin a. */
  cos(): Value {
    const out = new Value(Math.cos(this.data), [this], "cos");
    out.backwardStep = () => {
      this.grad -= Math.sin(this.data) * out.grad;
    };
    return out;
  }

  /** tanh a; ∂/∂a = 1 − tanh² a. */
  tanh(): Value {
    const t = Math.tanh(this.data);
    const out = new Value(t, [this], "tanh");
    out.backwardStep = () => {
      this.grad += (1 - t * t) * out.grad;
    };
    return out;
  }

  /**
   * σ(a) = 1 / (1 + e⁻ᵃ); ∂/∂a = σ(a)(1 − σ(a)). A primitive rather than derived from exp and
   * pow so that large |a| neither overflows nor yields 0 · ∞ = NaN in the backward pass.
   */
  sigmoid(): Value {
    const s = sigmoid(this.data);
    const out = new Value(s, [this], "sigmoid");
    out.backwardStep = () => {
      this.grad += s * (1 - s) * out.grad;
    };
    return out;
  }

  /** max(0, a); ∂/∂a = 1 if a > 0 else 0 (the subgradient 0 at a = 0, as PyTorch and tfjs). */
  relu(): Value {
    const out = new Value(Math.max(0, this.data), [this], "relu");
    out.backwardStep = () => {
      this.grad += (this.data > 0 ? 1 : 0) * out.grad;
    };
    return out;
  }

  /** −a, derived: a · (−1). */
  neg(): Value {
    return this.mul(-1);
  }

  /** a − b, derived: a + (−b). */
  sub(other: ValueLike): Value {
    return this.add(asValue(other).neg());
  }

  /** a / b, derived: a · b⁻¹. */
  div(other: ValueLike): Value {
    return this.mul(asValue(other).pow(-1));
  }

  /**
   * Sets `grad` = ∂this/∂node for every node of the graph below `this`: grads are zeroed, the
   * output's own grad is seeded with 1, and each node's `backwardStep` runs after every node that
   * uses it (reverse topological order), so its `grad` is complete when it is passed on.
   */
  backward(): void {
    const order = topologicalOrder<Value>(this);
    for (const node of order) node.grad = 0;
    this.grad = 1;
    for (let i = order.length - 1; i >= 0; i--) order[i].backwardStep();
  }

  /** Sets the display name and returns this: `new Value(2).named("x")`. */
  named(label: string): this {
    this.label = label;
    return this;
  }

  /** `Value(data=…, grad=…)`, as micrograd prints it. */
  toString(): string {
    return `Value(data=${this.data}, grad=${this.grad})`;
  }
}

/** Wraps a number as a constant `Value`; passes a `Value` through. */
export function asValue(x: ValueLike): Value {
  return x instanceof Value ? x : new Value(x);
}

/** The logistic function 1 / (1 + e⁻ˣ), evaluated without overflow for either sign of x. */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** A node type with children, for the generic graph walk. */
export interface GraphNode<T> {
  /** The operands this node was computed from. */
  readonly children: readonly T[];
}

/**
 * Nodes below `root` (inclusive) ordered so that every node comes after all its children
 * (depth-first post-order; iterative, so deep graphs do not overflow the call stack).
 */
export function topologicalOrder<T extends GraphNode<T>>(root: T): T[] {
  const order: T[] = [];
  const visited = new Set<T>();
  const stack: [T, number][] = [[root, 0]];
  visited.add(root);
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    const [node, next] = top;
    if (next < node.children.length) {
      top[1]++;
      const child = node.children[next];
      if (!visited.has(child)) {
        visited.add(child);
        stack.push([child, 0]);
      }
    } else {
      stack.pop();
      order.push(node);
    }
  }
  return order;
}
