/**
 * The linear-chain conditional random field with the book's feature functions (李航《统计学习方法》
 * 第11章): P(y | x) = exp(Σ_k λ_k Σ_i t_k(y_{i−1}, y_i, x, i) + Σ_l μ_l Σ_i s_l(y_i, x, i)) / Z(x)
 * (11.10), i.e. exp(w · F(y, x)) / Z(x) in the simplified form (11.19), with w = (λ, μ).
 * Normalisation, marginals and Viterbi run on the chain potentials (chain.ts); learning
 * maximises the L2-penalised log-likelihood with L-BFGS (§11.4: the gradient is expected minus
 * empirical feature counts).
 *
 * @module
 */
import {
  convergenceMessage,
  ConvergenceWarning,
  type Label,
  Matrix,
  ValueError,
  warn,
} from "../core/mod.ts";
import { minimizeLbfgs } from "../solvers/mod.ts";
import { type ChainPotentials, logPartition, marginals, pathScore, viterbiChain } from "./chain.ts";
import {
  type CompiledFeatures,
  compileFeatures,
  type StateFeature,
  type TransitionFeature,
} from "./features.ts";

/** Options of {@link LinearChainCRF}. */
export interface LinearChainCRFOptions<X> {
  /** The label set, e.g. [1, 2] or ["B", "M", "E", "S"]. */
  labels: Label[];
  /** Transition features t_k. @default [] */
  transitionFeatures?: TransitionFeature<X>[];
  /** State features s_l. @default [] */
  stateFeatures?: StateFeature<X>[];
  /** w = (λ₁ … λ_K, μ₁ … μ_L); learnt by `fit` when not given. @default zeros */
  weights?: number[];
  /** L2 penalty: `fit` minimises −Σ log P(y | x) + (l2/2)‖w‖². @default 1 */
  l2?: number;
  /** Most L-BFGS iterations. @default 200 */
  maxIter?: number;
  /** Stop when max |∂J/∂w| ≤ tol. @default 1e-6 */
  tol?: number;
}

/** What `decode` returns. */
export interface CrfViterbiResult {
  /** y* as labels. */
  labels: Label[];
  /** y* as label indices. */
  path: number[];
  /** w · F(y*, x), the unnormalised log-probability of y*. */
  score: number;
  /** δ_i(l) of 算法11.3, shape (n, m). */
  delta: Matrix;
  /** ψ_i(l): the best previous label index (ψ₁ = 0). */
  psi: number[][];
}

/**
 * Linear-chain CRF over any observation type X, with book-form feature functions.
 * @example
 * ```ts
 * import { LinearChainCRF } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * // 例11.1/11.3: labels 1, 2; positions 0-based (the book's i = 2, 3 are 1, 2)
 * const crf = new LinearChainCRF({
 *   labels: [1, 2],
 *   transitionFeatures: [
 *     { from: 1, to: 2, positions: [1, 2] }, { from: 1, to: 1, positions: [1] },
 *     { from: 2, to: 1, positions: [2] }, { from: 2, to: 1, positions: [1] },
 *     { from: 2, to: 2, positions: [2] },
 *   ],
 *   stateFeatures: [
 *     { label: 1, positions: [0] }, { label: 2, positions: [0, 1] },
 *     { label: 1, positions: [1, 2] }, { label: 2, positions: [2] },
 *   ],
 *   weights: [1, 0.6, 1, 1, 0.2, 1, 0.5, 0.8, 0.5],
 * });
 * const x = [0, 0, 0];
 * assertEquals(crf.score(x, [1, 2, 2]).toFixed(10), "3.2000000000"); // exp(3.2) unnormalised
 * assertEquals(crf.decode(x).labels, [1, 2, 1]); // 例11.3
 * ```
 */
export class LinearChainCRF<X = unknown> {
  /** The class name used by `toJSON`. */
  readonly className = "LinearChainCRF";
  /** The label set. */
  readonly labels: readonly Label[];
  private readonly features: CompiledFeatures<X>;
  private readonly nFeatures: number;
  private w: Float64Array;
  private readonly l2: number;
  private readonly maxIter: number;
  private readonly tol: number;
  private history: Float64Array = new Float64Array(0);
  private done = false;

  /**
   * Compiles the features (an unknown label is an error) and takes the weights, if given.
   * @param options see {@link LinearChainCRFOptions}
   */
  constructor(options: LinearChainCRFOptions<X>) {
    const {
      labels,
      transitionFeatures = [],
      stateFeatures = [],
      weights,
      l2 = 1,
      maxIter = 200,
      tol = 1e-6,
    } = options;
    if (!Array.isArray(labels) || labels.length < 1 || new Set(labels).size !== labels.length) {
      throw new ValueError(
        `labels must be a non-empty list of distinct labels. Got ${JSON.stringify(labels)}.`,
      );
    }
    this.labels = Object.freeze([...labels]);
    this.features = compileFeatures(labels, transitionFeatures, stateFeatures);
    this.nFeatures = transitionFeatures.length + stateFeatures.length;
    if (weights !== undefined && weights.length !== this.nFeatures) {
      throw new ValueError(
        `weights must have one value per feature (${transitionFeatures.length} transition + ${stateFeatures.length} state = ${this.nFeatures}). Got ${weights.length}.`,
      );
    }
    this.w = weights ? Float64Array.from(weights) : new Float64Array(this.nFeatures);
    if (!(l2 >= 0)) throw new ValueError(`l2 must be >= 0. Got ${l2}.`);
    [this.l2, this.maxIter, this.tol] = [l2, maxIter, tol];
  }

  /** w = (λ, μ), transition weights first. */
  get weights(): Float64Array {
    return this.w.slice();
  }

  /** Whether the last `fit` met the gradient tolerance. */
  get converged(): boolean {
    return this.done;
  }

  /** The penalised negative log-likelihood after each L-BFGS iteration of the last `fit`. */
  get lossHistory(): Float64Array {
    return this.history.slice();
  }

  /**
   * The chain potentials of x: u_i(y) = Σ_l μ_l s_l(y, x, i), p_i(y', y) = Σ_k λ_k t_k(y', y, x, i).
   * @param x the observation sequence (its length n is the chain length)
   */
  potentials(x: readonly X[]): ChainPotentials {
    const n = x.length, m = this.labels.length;
    if (n === 0) throw new ValueError("x must not be empty.");
    const unary = new Float64Array(n * m), pairwise = new Float64Array(Math.max(0, n - 1) * m * m);
    const K = this.features.transitions.length;
    this.features.transitions.forEach((t, k) => {
      for (let i = 1; i < n; i++) {
        if (t.positions && !t.positions.has(i)) continue;
        pairwise[((i - 1) * m + t.from) * m + t.to] += this.w[k] * (t.value ? t.value(x, i) : 1);
      }
    });
    this.features.states.forEach((s, l) => {
      for (let i = 0; i < n; i++) {
        if (s.positions && !s.positions.has(i)) continue;
        unary[i * m + s.label] += this.w[K + l] * (s.value ? s.value(x, i) : 1);
      }
    });
    return { n, m, unary, pairwise };
  }

  /**
   * F(y, x): each feature summed over positions (11.17); w · F is the unnormalised log-probability.
   * @param x observations
   * @param y labels, same length
   */
  featureCounts(x: readonly X[], y: readonly Label[]): Float64Array {
    const idx = this.indices(x, y);
    const F = new Float64Array(this.nFeatures), K = this.features.transitions.length;
    this.features.transitions.forEach((t, k) => {
      for (let i = 1; i < x.length; i++) {
        if ((t.positions && !t.positions.has(i)) || idx[i - 1] !== t.from || idx[i] !== t.to) {
          continue;
        }
        F[k] += t.value ? t.value(x, i) : 1;
      }
    });
    this.features.states.forEach((s, l) => {
      for (let i = 0; i < x.length; i++) {
        if ((s.positions && !s.positions.has(i)) || idx[i] !== s.label) continue;
        F[K + l] += s.value ? s.value(x, i) : 1;
      }
    });
    return F;
  }

  /**
   * w · F(y, x) = Σ_k λ_k t_k + Σ_l μ_l s_l: the log of the unnormalised probability.
   * @param x observations
   * @param y labels
   */
  score(x: readonly X[], y: readonly Label[]): number {
    return pathScore(this.potentials(x), this.indices(x, y));
  }

  /**
   * log Z(x), by the forward algorithm in log space.
   * @param x observations
   */
  logPartition(x: readonly X[]): number {
    return logPartition(this.potentials(x));
  }

  /**
   * P(y | x) = exp(w · F(y, x)) / Z(x).
   * @param x observations
   * @param y labels
   */
  probability(x: readonly X[], y: readonly Label[]): number {
    const c = this.potentials(x);
    return Math.exp(pathScore(c, this.indices(x, y)) - logPartition(c));
  }

  /**
   * P(y_i = label | x), shape (n, m), and P(y_{i−1}, y_i | x) per position i ≥ 1 (m × m each).
   * @param x observations
   */
  marginals(x: readonly X[]): { node: Matrix; edge: Matrix[] } {
    const c = this.potentials(x);
    const { node, edge } = marginals(c);
    const m = c.m;
    return {
      node: new Matrix(c.n, m, node),
      edge: Array.from(
        { length: c.n - 1 },
        (_, i) => new Matrix(m, m, edge.slice(i * m * m, (i + 1) * m * m)),
      ),
    };
  }

  /**
   * The matrices M_i(x) of the matrix form (11.21): M₁ is the row from the start state
   * (1 × m), M₂ … M_n are m × m, M_{n+1} the column into the stop state (m × 1, all ones).
   * @param x observations
   */
  matrices(x: readonly X[]): Matrix[] {
    const { n, m, unary, pairwise } = this.potentials(x);
    const out = [new Matrix(1, m, unary.slice(0, m).map(Math.exp))];
    for (let i = 1; i < n; i++) {
      const M = new Matrix(m, m);
      for (let yp = 0; yp < m; yp++) {
        for (let y = 0; y < m; y++) {
          M.data[yp * m + y] = Math.exp(pairwise[((i - 1) * m + yp) * m + y] + unary[i * m + y]);
        }
      }
      out.push(M);
    }
    out.push(Matrix.full(m, 1, 1));
    return out;
  }

  /**
   * y* = argmax_y w · F(y, x) by Viterbi (算法11.3).
   * @param x observations
   */
  decode(x: readonly X[]): CrfViterbiResult {
    const c = this.potentials(x);
    const v = viterbiChain(c);
    return {
      labels: v.path.map((k) => this.labels[k]),
      path: v.path,
      score: v.score,
      delta: new Matrix(c.n, c.m, v.delta),
      psi: Array.from(
        { length: c.n },
        (_, i) => Array.from(v.psi.subarray(i * c.m, (i + 1) * c.m)),
      ),
    };
  }

  /**
   * Learns w by L-BFGS on J(w) = −Σ log P(y | x) + (l2/2)‖w‖²; ∂J/∂w = Σ (E_P[F] − F(y, x)) + l2·w.
   * @param X observation sequences
   * @param Y label sequences, one per x, same lengths
   */
  fit(X: readonly (readonly X[])[], Y: readonly (readonly Label[])[]): this {
    if (X.length !== Y.length || X.length === 0) {
      throw new ValueError(
        `X and Y must be non-empty lists of the same length. Got ${X.length} and ${Y.length}.`,
      );
    }
    const empirical = new Float64Array(this.nFeatures);
    X.forEach((x, s) => this.featureCounts(x, Y[s]).forEach((v, k) => (empirical[k] += v)));
    const objective = {
      size: this.nFeatures,
      valueAndGradient: (w: Float64Array, grad: Float64Array): number => {
        this.w = w;
        let value = 0;
        grad.fill(0);
        for (let k = 0; k < w.length; k++) {
          value += 0.5 * this.l2 * w[k] * w[k] - w[k] * empirical[k];
          grad[k] = this.l2 * w[k] - empirical[k];
        }
        for (const x of X) {
          const c = this.potentials(x);
          const mg = marginals(c);
          value += mg.logZ;
          this.addExpectations(x, c, mg.node, mg.edge, grad);
        }
        return value;
      },
    };
    const r = minimizeLbfgs(objective, this.w.slice(), { maxIter: this.maxIter, tol: this.tol });
    this.w = r.x;
    this.history = r.history;
    this.done = r.converged;
    if (!r.converged) {
      warn(new ConvergenceWarning(convergenceMessage("LinearChainCRF", this.maxIter)));
    }
    return this;
  }

  /** grad += E_P[F] from the marginals. */
  private addExpectations(
    x: readonly X[],
    c: ChainPotentials,
    node: Float64Array,
    edge: Float64Array,
    grad: Float64Array,
  ): void {
    const { n, m } = c, K = this.features.transitions.length;
    this.features.transitions.forEach((t, k) => {
      for (let i = 1; i < n; i++) {
        if (t.positions && !t.positions.has(i)) continue;
        grad[k] += edge[((i - 1) * m + t.from) * m + t.to] * (t.value ? t.value(x, i) : 1);
      }
    });
    this.features.states.forEach((s, l) => {
      for (let i = 0; i < n; i++) {
        if (s.positions && !s.positions.has(i)) continue;
        grad[K + l] += node[i * m + s.label] * (s.value ? s.value(x, i) : 1);
      }
    });
  }

  /** Label indices of y, checked against x's length and the label set. */
  private indices(x: readonly X[], y: readonly Label[]): number[] {
    if (y.length !== x.length) {
      throw new ValueError(
        `y has ${y.length} labels but x has ${x.length} positions; they must match.`,
      );
    }
    return y.map((label, i) => {
      const k = this.labels.indexOf(label);
      if (k < 0) {
        throw new ValueError(
          `y[${i}] = ${JSON.stringify(label)} is not one of the labels ${
            JSON.stringify(this.labels)
          }.`,
        );
      }
      return k;
    });
  }
}
