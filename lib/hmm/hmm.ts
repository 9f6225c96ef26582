/**
 * The hidden Markov model with categorical (discrete) observations, 李航《统计学习方法》第10章:
 * the three problems — probability (forward, backward), learning (Baum-Welch) and prediction
 * (Viterbi) — with states and symbols numbered from 0 (the book numbers them from 1).
 *
 * @module
 */
import {
  checkInteger,
  checkNumber,
  convergenceMessage,
  ConvergenceWarning,
  decode,
  encode,
  type EstimatorJSON,
  Matrix,
  Random,
  readEstimatorJSON,
  ValueError,
  warn,
} from "../core/mod.ts";
import { baumWelchStep } from "./baum_welch.ts";
import {
  backwardLogProbability,
  forwardScaled,
  posteriors,
  unscaled,
  viterbi,
} from "./inference.ts";
import { checkObservations, checkParams, type HmmParams } from "./params.ts";

/** Options of {@link CategoricalHMM}: either λ = (π, A, B), or sizes to learn it from data. */
export interface CategoricalHMMOptions {
  /** π, length N. @default null (learnt by `fit`) */
  startProb: ArrayLike<number> | null;
  /** A, shape (N, N), rows sum to 1. @default null */
  transmat: ArrayLike<ArrayLike<number>> | Matrix | null;
  /** B, shape (N, M), rows sum to 1: B[i][k] = P(symbol k | state i). @default null */
  emissionProb: ArrayLike<ArrayLike<number>> | Matrix | null;
  /** N when λ is not given (random seeded start for `fit`). @default 2 */
  nComponents: number;
  /** Most Baum-Welch iterations. @default 100 */
  nIter: number;
  /** Stop when the log-likelihood gains less than this. @default 1e-6 */
  tol: number;
  /** Seed of the random start and of `sample`. @default 0 */
  seed: number;
}

/** What `decode` returns. */
export interface ViterbiResult {
  /** The most probable state sequence I* (0-based states). */
  path: number[];
  /** P* = P(I*, O | λ) (0 when it underflows; see `logProbability`). */
  probability: number;
  /** log P*. */
  logProbability: number;
  /** δ_t(i), shape (T, N): the best path probabilities (算法10.5), exp of the log table. */
  delta: Matrix;
  /** ψ_t(i): the best predecessor of state i at t (ψ₁ = 0). */
  psi: number[][];
}

const DEFAULTS: CategoricalHMMOptions = {
  startProb: null,
  transmat: null,
  emissionProb: null,
  nComponents: 2,
  nIter: 100,
  tol: 1e-6,
  seed: 0,
};

/**
 * Hidden Markov model λ = (A, B, π) with discrete observations.
 * @example
 * ```ts
 * import { CategoricalHMM } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * // 例10.2/10.3: three boxes, red = 0 and white = 1, O = (red, white, red)
 * const hmm = new CategoricalHMM({
 *   startProb: [0.2, 0.4, 0.4],
 *   transmat: [[0.5, 0.2, 0.3], [0.3, 0.5, 0.2], [0.2, 0.3, 0.5]],
 *   emissionProb: [[0.5, 0.5], [0.4, 0.6], [0.7, 0.3]],
 * });
 * assertEquals(hmm.probability([0, 1, 0]).toFixed(6), "0.130218");
 * assertEquals(hmm.decode([0, 1, 0]).path, [2, 2, 2]); // I* = (3, 3, 3)
 * ```
 */
export class CategoricalHMM {
  /** The class name used by `toJSON`/`fromJSON`. */
  readonly className = "CategoricalHMM";
  /** The options, merged over the defaults. */
  readonly options: Readonly<CategoricalHMMOptions>;
  private params: HmmParams | undefined;
  private history: number[] = [];
  private iterations = 0;
  private done = false;

  /**
   * Checks λ when given (rows summing to 1, shapes agreeing); the model can then be used at once.
   * @param options see {@link CategoricalHMMOptions}
   */
  constructor(options: Partial<CategoricalHMMOptions> = {}) {
    const known = Object.keys(DEFAULTS);
    for (const k of Object.keys(options)) {
      if (!known.includes(k)) {
        throw new ValueError(
          `Unknown option '${k}' for CategoricalHMM. Known options: ${known.join(", ")}.`,
        );
      }
    }
    this.options = Object.freeze({ ...DEFAULTS, ...options });
    const o = this.options;
    checkInteger("nComponents", o.nComponents, 1);
    checkInteger("nIter", o.nIter, 1);
    checkNumber("tol", o.tol, { min: 0 });
    checkInteger("seed", o.seed);
    const given = [o.startProb, o.transmat, o.emissionProb].filter((v) => v !== null).length;
    if (given === 3) this.params = checkParams(o.startProb!, o.transmat!, o.emissionProb!);
    else if (given > 0) {
      throw new ValueError("Give all of startProb, transmat and emissionProb, or none of them.");
    }
  }

  /** π (`startprob_`). */
  get startProb(): Float64Array {
    return this.lambda().startProb.slice();
  }

  /** A (`transmat_`), shape (N, N). */
  get transmat(): Matrix {
    return this.lambda().transmat.clone();
  }

  /** B (`emissionprob_`), shape (N, M). */
  get emissionProb(): Matrix {
    return this.lambda().emissionProb.clone();
  }

  /** Total log-likelihood of the training sequences before each Baum-Welch iteration. */
  get logLikelihoodHistory(): Float64Array {
    return Float64Array.from(this.history);
  }

  /** Baum-Welch iterations run by the last `fit`. */
  get nIter(): number {
    return this.iterations;
  }

  /** Whether the last `fit` met `tol`. */
  get converged(): boolean {
    return this.done;
  }

  /**
   * P(O | λ) by the forward (算法10.2) or backward (算法10.3) algorithm. For long sequences it
   * underflows to 0: use `logProbability`.
   * @param obs symbols 0..M−1, length T
   */
  probability(
    obs: ArrayLike<number>,
    { method = "forward" }: { method?: "forward" | "backward" } = {},
  ): number {
    return Math.exp(this.logProbability(obs, { method }));
  }

  /**
   * log P(O | λ) from the scaled recursions, finite for any length.
   * @param obs symbols 0..M−1, length T
   */
  logProbability(
    obs: ArrayLike<number>,
    { method = "forward" }: { method?: "forward" | "backward" } = {},
  ): number {
    const p = this.lambda(), o = this.observations(obs);
    if (method === "backward") return backwardLogProbability(p, o);
    if (method !== "forward") {
      throw new ValueError(`method must be "forward" or "backward". Got ${method}.`);
    }
    const { scale } = forwardScaled(p, o);
    return scale.reduce((s, c) => s + Math.log(c), 0);
  }

  /**
   * The forward table α_t(i) of the book, shape (T, N) (unscaled; underflows for long O).
   * @param obs symbols 0..M−1
   */
  forward(obs: ArrayLike<number>): Matrix {
    return unscaled(this.lambda(), this.observations(obs), "alpha");
  }

  /**
   * The backward table β_t(i) of the book, shape (T, N) (unscaled; underflows for long O).
   * @param obs symbols 0..M−1
   */
  backward(obs: ArrayLike<number>): Matrix {
    return unscaled(this.lambda(), this.observations(obs), "beta");
  }

  /**
   * γ_t(i) = P(i_t = q_i | O, λ), shape (T, N), and ξ_t(i, j) = P(i_t = q_i, i_{t+1} = q_j | O, λ),
   * T − 1 matrices (N, N) (10.24), (10.26).
   * @param obs symbols 0..M−1
   */
  posterior(obs: ArrayLike<number>): { gamma: Matrix; xi: Matrix[] } {
    const { gamma, xi } = posteriors(this.lambda(), this.observations(obs));
    return { gamma, xi };
  }

  /**
   * The most probable state path by Viterbi (算法10.5), computed in log space.
   * @param obs symbols 0..M−1
   */
  decode(obs: ArrayLike<number>): ViterbiResult {
    const v = viterbi(this.lambda(), this.observations(obs));
    return {
      path: v.path,
      probability: Math.exp(v.logProb),
      logProbability: v.logProb,
      delta: v.logDelta.map(Math.exp),
      psi: v.psi.map((r) => Array.from(r)),
    };
  }

  /**
   * The approximate algorithm of §10.4.1: at each t the individually most probable state argmax γ_t.
   * @param obs symbols 0..M−1
   */
  predictStates(obs: ArrayLike<number>): number[] {
    const { gamma } = this.posterior(obs);
    return Array.from({ length: gamma.rows }, (_, t) => {
      const row = gamma.row(t);
      return row.indexOf(Math.max(...row));
    });
  }

  /**
   * Learns λ by Baum-Welch (算法10.4) from one or more sequences, starting from the λ given to
   * the constructor, or from a seeded random λ with `nComponents` states.
   * @param sequences a list of symbol sequences (one sequence: `[obs]`)
   */
  fit(sequences: ArrayLike<number>[]): this {
    if (!Array.isArray(sequences) || sequences.length === 0 || typeof sequences[0] !== "object") {
      throw new ValueError("fit expects a non-empty list of sequences, e.g. [[0, 1, 0]].");
    }
    let M = this.params?.emissionProb.cols ?? 0;
    if (!this.params) {
      for (const s of sequences) for (let t = 0; t < s.length; t++) M = Math.max(M, s[t] + 1);
    }
    const seqs = sequences.map((s, k) => checkObservations(s, M, `sequences[${k}]`));
    let p = this.params ?? randomParams(this.options.nComponents, M, this.options.seed);
    const o = this.options;
    this.history = [];
    this.done = false;
    let previous = -Infinity;
    for (this.iterations = 0; this.iterations < o.nIter;) {
      const { next, logProb } = baumWelchStep(p, seqs);
      this.history.push(logProb);
      if (logProb - previous < o.tol) {
        this.done = true;
        break;
      }
      p = next;
      previous = logProb;
      this.iterations++;
    }
    if (!this.done) {
      warn(new ConvergenceWarning(convergenceMessage("CategoricalHMM", o.nIter, "nIter")));
    }
    this.params = p;
    return this;
  }

  /**
   * Draws a state path and observations of length T (算法10.1).
   * @param T sequence length
   * @param seed random seed @default the `seed` option
   */
  sample(T: number, seed = this.options.seed): { states: number[]; obs: number[] } {
    checkInteger("T", T, 1);
    const p = this.lambda(), rng = new Random(seed);
    const draw = (probs: ArrayLike<number>) => {
      let u = rng.uniform();
      for (let k = 0; k < probs.length - 1; k++) if ((u -= probs[k]) < 0) return k;
      return probs.length - 1;
    };
    const states: number[] = [], obs: number[] = [];
    for (let t = 0; t < T; t++) {
      const s = t === 0 ? draw(p.startProb) : draw(p.transmat.row(states[t - 1]));
      states.push(s);
      obs.push(draw(p.emissionProb.row(s)));
    }
    return { states, obs };
  }

  /** `{ className, options, state }`, plain JSON. */
  toJSON(): EstimatorJSON {
    return {
      className: this.className,
      formatVersion: 1,
      options: encode({
        ...this.options,
        startProb: null,
        transmat: null,
        emissionProb: null,
      }) as Record<string, unknown>,
      state: encode(this.params ?? null),
    };
  }

  /**
   * Restores a model saved with `toJSON()`.
   * @param json the object or its JSON text
   */
  static fromJSON(json: EstimatorJSON | string): CategoricalHMM {
    const parsed = readEstimatorJSON(json, "CategoricalHMM");
    const p = decode(parsed.state) as HmmParams | null;
    const options = decode(parsed.options) as Partial<CategoricalHMMOptions>;
    return new CategoricalHMM(
      p
        ? { ...options, startProb: p.startProb, transmat: p.transmat, emissionProb: p.emissionProb }
        : options,
    );
  }

  /** λ, or an error when neither given nor learnt. */
  private lambda(): HmmParams {
    if (!this.params) {
      throw new ValueError(
        "This CategoricalHMM has no parameters yet: give startProb, transmat and emissionProb, or call fit.",
      );
    }
    return this.params;
  }

  /** The sequence checked against the number of symbols M. */
  private observations(obs: ArrayLike<number>): Int32Array {
    return checkObservations(obs, this.lambda().emissionProb.cols);
  }
}

/** A seeded random λ: rows drawn uniformly then normalised. */
function randomParams(N: number, M: number, seed: number): HmmParams {
  const rng = new Random(seed);
  const row = (n: number) => {
    const r = rng.uniformArray(n, 0.5, 1.5);
    const s = r.reduce((a, b) => a + b, 0);
    return Array.from(r, (v) => v / s);
  };
  return checkParams(
    row(N),
    Array.from({ length: N }, () => row(N)),
    Array.from({ length: N }, () => row(M)),
  );
}
