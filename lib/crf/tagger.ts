/**
 * A sequence labeller on the linear-chain CRF with sparse attribute features, as CRFsuite:
 * each position carries a list of attribute strings (e.g. "c0=学", "c-1c0=数学"); every pair
 * (attribute, label) is a state feature s(y_i, x, i) = [a ∈ x_i][y_i = label], every label pair a
 * transition feature. Training maximises the L2-penalised log-likelihood with L-BFGS.
 *
 * @module
 */
import {
  convergenceMessage,
  ConvergenceWarning,
  type Label,
  ValueError,
  warn,
} from "../core/mod.ts";
import { minimizeLbfgs } from "../solvers/mod.ts";
import { type ChainPotentials, marginals, viterbiChain } from "./chain.ts";

/** Options of {@link CRFTagger}. */
export interface CRFTaggerOptions {
  /** L2 penalty: minimise −Σ log P(y | x) + (l2/2)‖w‖². @default 1 */
  l2: number;
  /** Most L-BFGS iterations. @default 100 */
  maxIter: number;
  /** Stop when max |∂J/∂w| ≤ tol. @default 1e-4 */
  tol: number;
  /** Keep only attributes seen at least this often in training. @default 1 */
  minFreq: number;
}

/** One sequence: a list of attributes per position. */
export type AttributeSequence = readonly (readonly string[])[];

/**
 * CRF sequence labeller with attribute features (for tagging tasks such as word segmentation).
 * @example
 * ```ts
 * import { CRFTagger } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * const X = [[["w=the"], ["w=dog"]], [["w=a"], ["w=cat"]]];
 * const Y = [["DET", "NOUN"], ["DET", "NOUN"]];
 * const tagger = new CRFTagger({ l2: 0.1 }).fit(X, Y);
 * assertEquals(tagger.predict([[["w=the"], ["w=cat"]]]), [["DET", "NOUN"]]);
 * ```
 */
export class CRFTagger {
  /** The options, merged over the defaults. */
  readonly options: Readonly<CRFTaggerOptions>;
  private labelList: Label[] = [];
  private attributes = new Map<string, number>();
  /** State weights W[a·m + y], then transitions T[y'·m + y]. */
  private w: Float64Array = new Float64Array(0);
  private history: Float64Array = new Float64Array(0);
  private done = false;

  /**
   * Stores the options.
   * @param options see {@link CRFTaggerOptions}
   */
  constructor(options: Partial<CRFTaggerOptions> = {}) {
    this.options = Object.freeze({ l2: 1, maxIter: 100, tol: 1e-4, minFreq: 1, ...options });
    if (!(this.options.l2 >= 0)) throw new ValueError(`l2 must be >= 0. Got ${this.options.l2}.`);
  }

  /** The labels, in order of first appearance in training. */
  get labels(): Label[] {
    return [...this.labelList];
  }

  /** Number of distinct attributes kept. */
  get nAttributes(): number {
    return this.attributes.size;
  }

  /** Number of weights: attributes × labels + labels². */
  get nWeights(): number {
    return this.w.length;
  }

  /** Whether the last `fit` met the gradient tolerance. */
  get converged(): boolean {
    return this.done;
  }

  /** The objective after each L-BFGS iteration. */
  get lossHistory(): Float64Array {
    return this.history.slice();
  }

  /** The transition weight matrix (m × m) as rows of numbers, for display. */
  get transitionWeights(): number[][] {
    const m = this.labelList.length, off = this.attributes.size * m;
    return Array.from(
      { length: m },
      (_, a) => Array.from(this.w.subarray(off + a * m, off + (a + 1) * m)),
    );
  }

  /**
   * Learns the weights.
   * @param X sequences of attribute lists
   * @param Y label sequences, one per x, same lengths
   */
  fit(X: readonly AttributeSequence[], Y: readonly (readonly Label[])[]): this {
    if (X.length !== Y.length || X.length === 0) {
      throw new ValueError(
        `X and Y must be non-empty lists of the same length. Got ${X.length} and ${Y.length}.`,
      );
    }
    const counts = new Map<string, number>();
    const labels: Label[] = [];
    X.forEach((x, s) => {
      if (x.length !== Y[s].length || x.length === 0) {
        throw new ValueError(
          `X[${s}] has ${x.length} positions but Y[${s}] has ${Y[s].length} labels.`,
        );
      }
      for (const attrs of x) for (const a of attrs) counts.set(a, (counts.get(a) ?? 0) + 1);
      for (const y of Y[s]) if (!labels.includes(y)) labels.push(y);
    });
    this.labelList = labels;
    this.attributes = new Map();
    for (const [a, c] of counts) {
      if (c >= this.options.minFreq) this.attributes.set(a, this.attributes.size);
    }
    const m = labels.length, A = this.attributes.size, off = A * m;
    const encoded = X.map((x) => this.encode(x));
    const gold = Y.map((y) => y.map((l) => labels.indexOf(l)));
    const empirical = new Float64Array(off + m * m);
    encoded.forEach((x, s) => {
      x.forEach((attrs, i) => {
        for (const a of attrs) empirical[a * m + gold[s][i]]++;
        if (i > 0) empirical[off + gold[s][i - 1] * m + gold[s][i]]++;
      });
    });
    const l2 = this.options.l2;
    const objective = {
      size: off + m * m,
      valueAndGradient: (w: Float64Array, grad: Float64Array): number => {
        let value = 0;
        for (let k = 0; k < w.length; k++) {
          value += 0.5 * l2 * w[k] * w[k] - w[k] * empirical[k];
          grad[k] = l2 * w[k] - empirical[k];
        }
        for (const x of encoded) {
          const c = potentials(x, w, m, off);
          const { node, edge, logZ } = marginals(c);
          value += logZ;
          x.forEach((attrs, i) => {
            for (const a of attrs) for (let y = 0; y < m; y++) grad[a * m + y] += node[i * m + y];
          });
          for (let k = 0; k < edge.length; k++) grad[off + (k % (m * m))] += edge[k];
        }
        return value;
      },
    };
    const r = minimizeLbfgs(objective, new Float64Array(off + m * m), {
      maxIter: this.options.maxIter,
      tol: this.options.tol,
    });
    this.w = r.x;
    this.history = r.history;
    this.done = r.converged;
    if (!r.converged) {
      warn(new ConvergenceWarning(convergenceMessage("CRFTagger", this.options.maxIter)));
    }
    return this;
  }

  /**
   * The best label sequence of each x (Viterbi); unseen attributes are ignored.
   * @param X sequences of attribute lists
   */
  predict(X: readonly AttributeSequence[]): Label[][] {
    if (this.labelList.length === 0) {
      throw new ValueError("This CRFTagger is not fitted yet. Call 'fit' first.");
    }
    const m = this.labelList.length, off = this.attributes.size * m;
    return X.map((x) => {
      if (x.length === 0) return [];
      return viterbiChain(potentials(this.encode(x), this.w, m, off)).path.map((k) =>
        this.labelList[k]
      );
    });
  }

  /**
   * P(y_i = label | x) per position, shape n × m (rows in `labels` order).
   * @param x one sequence of attribute lists
   */
  marginals(x: AttributeSequence): number[][] {
    const m = this.labelList.length, off = this.attributes.size * m;
    const { node } = marginals(potentials(this.encode(x), this.w, m, off));
    return Array.from(
      { length: x.length },
      (_, i) => Array.from(node.subarray(i * m, (i + 1) * m)),
    );
  }

  /** `{ className, options, state }` with the labels, attribute names and weights, plain JSON. */
  toJSON(): { className: string; options: CRFTaggerOptions; state: unknown } {
    return {
      className: "CRFTagger",
      options: { ...this.options },
      state: {
        labels: this.labelList,
        attributes: [...this.attributes.keys()],
        weights: Array.from(this.w),
      },
    };
  }

  /**
   * Restores a tagger saved with `toJSON()`.
   * @param json the object or its JSON text
   */
  static fromJSON(
    json: string | { className: string; options: CRFTaggerOptions; state: unknown },
  ): CRFTagger {
    const parsed = typeof json === "string" ? JSON.parse(json) : json;
    if (parsed?.className !== "CRFTagger") {
      throw new ValueError(
        `CRFTagger.fromJSON expects a saved CRFTagger. Got className ${parsed?.className}.`,
      );
    }
    const { labels, attributes, weights } = parsed.state as {
      labels: Label[];
      attributes: string[];
      weights: number[];
    };
    if (weights.length !== attributes.length * labels.length + labels.length ** 2) {
      throw new ValueError("The saved CRFTagger's weights do not match its attributes and labels.");
    }
    const tagger = new CRFTagger(parsed.options);
    tagger.labelList = [...labels];
    tagger.attributes = new Map(attributes.map((a, k) => [a, k]));
    tagger.w = Float64Array.from(weights);
    return tagger;
  }

  /** Attribute indices per position; attributes not seen in training are dropped. */
  private encode(x: AttributeSequence): number[][] {
    return x.map((attrs) =>
      attrs.flatMap((a) => (this.attributes.has(a) ? [this.attributes.get(a)!] : []))
    );
  }
}

function potentials(x: number[][], w: Float64Array, m: number, off: number): ChainPotentials {
  const n = x.length,
    unary = new Float64Array(n * m),
    pairwise = new Float64Array(Math.max(0, n - 1) * m * m);
  x.forEach((attrs, i) => {
    for (const a of attrs) for (let y = 0; y < m; y++) unary[i * m + y] += w[a * m + y];
  });
  for (let i = 1; i < n; i++) pairwise.set(w.subarray(off, off + m * m), (i - 1) * m * m);
  return { n, m, unary, pairwise };
}
