/**
 * The perceptron, 李航《统计学习方法》第2章: f(x) = sign(w · x + b), learnt by stochastic gradient
 * descent on the loss L(w, b) = −Σ_{xᵢ∈M} yᵢ (w · xᵢ + b) over the misclassified set M.
 * Primal form (算法2.1): on a point with yᵢ (w · xᵢ + b) ≤ 0, w ← w + η yᵢ xᵢ, b ← b + η yᵢ.
 * Dual form (算法2.2): w = Σⱼ αⱼ yⱼ xⱼ, b = Σⱼ αⱼ yⱼ; on a point with
 * yᵢ (Σⱼ αⱼ yⱼ xⱼ · xᵢ + b) ≤ 0, αᵢ ← αᵢ + η, b ← b + η yᵢ, using the Gram matrix G = [xᵢ · xⱼ].
 *
 * @module
 */
import { ValueError } from "../core/errors.ts";
import { ClassifierEstimator, type ClassifierState } from "../core/classifier.ts";
import type { Label } from "../core/labels.ts";
import { ConvergenceWarning, warn } from "../core/warnings.ts";
import type { Matrix } from "../core/matrix.ts";
import { checkBoolean, checkInteger, checkNumber } from "../core/options.ts";
import { Random } from "../core/random.ts";
import { type LabelLike, type MatrixLike, toMatrix } from "../core/validation.ts";
import { gramMatrix } from "./gram.ts";

/** Options of {@link Perceptron}. */
export interface PerceptronOptions {
  /** Train in the dual form (算法2.2) instead of the primal (算法2.1); same updates, same result. @default false */
  dual: boolean;
  /** η, the step size, 0 < η (the book: 0 < η ≤ 1). @default 1 */
  learningRate: number;
  /** Most passes (epochs) over the training set; training stops earlier after a pass with no mistake. @default 1000 */
  maxIter: number;
  /** Visit the points in a fresh seeded random order each pass (otherwise x₁, x₂, …, as in 例2.1). @default false */
  shuffle: boolean;
  /** Seed of the shuffle. @default 0 */
  seed: number;
  /** Keep the list of updates (`trace`) for plotting; turn off for long runs. @default true */
  keepTrace: boolean;
}

/** One update: which training point triggered it and the parameters right after it. */
export interface PerceptronUpdate {
  /** Pass (epoch) number, from 1. */
  epoch: number;
  /** Index of the misclassified training point. */
  index: number;
  /** w after the update. */
  w: number[];
  /** b after the update. */
  b: number;
}

/** What {@link Perceptron} learns (saved by `toJSON`). */
export interface PerceptronState extends ClassifierState {
  /** [negative class, positive class]: the labels that map to −1 and +1. */
  classes: (number | string)[];
  /** The weight vector w (primal form; w = Σ αᵢ yᵢ xᵢ in the dual). */
  w: Float64Array;
  /** The bias b. */
  b: number;
  /** αᵢ = η × (number of updates on point i); w = Σ αᵢ yᵢ xᵢ in both forms. */
  alpha: Float64Array;
  /** The Gram matrix (dual form only). */
  gram: Matrix | null;
  /** Every update, in order (empty with `keepTrace: false`). */
  trace: PerceptronUpdate[];
  /** Passes made over the training set. */
  nIter: number;
  /** Updates made (mistakes met). */
  nUpdates: number;
  /** True when the last pass made no mistake. */
  converged: boolean;
}

const DEFAULTS: PerceptronOptions = {
  dual: false,
  learningRate: 1,
  maxIter: 1000,
  shuffle: false,
  seed: 0,
  keepTrace: true,
};

/**
 * Binary perceptron in primal or dual form.
 *
 * Labels: any two labels; the smaller (sorted) one becomes −1 and the larger +1, so labels ±1 keep
 * their sign. `predict` follows the book's sign(0) = +1.
 *
 * @example
 * ```ts
 * import { Perceptron } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * const p = new Perceptron().fit([[3, 3], [4, 3], [1, 1]], [1, 1, -1]); // 例2.1
 * assertEquals(Array.from(p.coef), [1, 1]);
 * assertEquals(p.intercept, -3);
 * assertEquals(p.trace.map((u) => u.index), [0, 2, 2, 2, 0, 2, 2]); // x₁, x₃, x₃, x₃, x₁, x₃, x₃
 * ```
 */
export class Perceptron extends ClassifierEstimator<PerceptronOptions, PerceptronState> {
  /** "Perceptron", the name `toJSON` records and `fromJSON` checks. */
  readonly className = "Perceptron";

  /**
   * Creates an unfitted Perceptron; see {@link PerceptronOptions} for the options and their
   * defaults.
   */
  constructor(options: Partial<PerceptronOptions> = {}) {
    super(DEFAULTS, options);
    const o = this.options;
    checkBoolean("dual", o.dual);
    checkNumber("learningRate", o.learningRate, { min: 0, exclusiveMin: true });
    checkInteger("maxIter", o.maxIter, 1);
    checkBoolean("shuffle", o.shuffle);
    checkInteger("seed", o.seed);
    checkBoolean("keepTrace", o.keepTrace);
  }

  /**
   * Runs 算法2.1 (or 2.2 with `dual: true`) until a pass makes no mistake or `maxIter` passes.
   * @param X shape (nSamples, nFeatures)
   * @param y two distinct labels, shape (nSamples,)
   */
  fit(X: MatrixLike, y: LabelLike): this {
    const m = toMatrix(X, "X");
    const { classes, indices } = this.encodeTarget(y, m.rows);
    if (classes.length !== 2) {
      throw new ValueError(
        `Perceptron is a binary classifier: y must hold exactly 2 classes. Got ${classes.length}.`,
      );
    }
    const sign = Float64Array.from(indices, (k) => (k === 1 ? 1 : -1));
    const run = this.options.dual
      ? trainDual(m, sign, this.options)
      : trainPrimal(m, sign, this.options);
    if (!run.converged) {
      warn(
        new ConvergenceWarning(
          `${this.className} failed to converge: ${plural(this.options.maxIter, "pass")} over ` +
            `the data (maxIter) and a mistake in each. The training set may not be linearly ` +
            `separable (李航 §2.3.2); otherwise increase maxIter.`,
        ),
      );
    }
    this.state = { ...run, classes, nFeaturesIn: m.cols };
    return this;
  }

  /** w, shape (nFeatures,). */
  get coef(): Float64Array {
    return this.fitted().w.slice();
  }

  /** b. */
  get intercept(): number {
    return this.fitted().b;
  }

  /** αᵢ = η nᵢ, with nᵢ the number of updates on point i (式 2.9: w = Σ αᵢ yᵢ xᵢ, b = Σ αᵢ yᵢ). */
  get alpha(): Float64Array {
    return this.fitted().alpha.slice();
  }

  /** The Gram matrix G = [xᵢ · xⱼ] the dual form trained with. */
  get gram(): Matrix {
    const { gram } = this.fitted();
    if (!gram) {
      throw new ValueError("The Gram matrix exists only for a Perceptron fitted with dual: true.");
    }
    return gram.clone();
  }

  /** Every update in order (empty when `keepTrace` is false). */
  get trace(): PerceptronUpdate[] {
    return this.fitted().trace.map((u) => ({ ...u, w: [...u.w] }));
  }

  /** Passes over the data that were run (the last one is mistake-free when `converged`). */
  get nIter(): number {
    return this.fitted().nIter;
  }

  /** Total number of updates (mistakes). */
  get nUpdates(): number {
    return this.fitted().nUpdates;
  }

  /** Whether the last pass made no mistake, i.e. the training set is separated. */
  get converged(): boolean {
    return this.fitted().converged;
  }

  /**
   * w · x + b per row; its sign is the prediction and |·|/‖w‖ the distance to the hyperplane.
   * @param X shape (nSamples, nFeatures)
   */
  decisionFunction(X: MatrixLike): Float64Array {
    const { w, b } = this.fitted();
    const m = this.checkPredictX(X);
    const out = m.matvec(w);
    for (let i = 0; i < out.length; i++) out[i] += b;
    return out;
  }

  /**
   * sign(w · x + b) mapped back to the original labels (sign(0) = +1, the book's convention).
   * @param X shape (nSamples, nFeatures)
   */
  predict(X: MatrixLike): Label[] {
    const { classes } = this.fitted();
    return Array.from(this.decisionFunction(X), (s) => (s >= 0 ? classes[1] : classes[0]));
  }
}

type TrainResult = Omit<PerceptronState, "classes" | "nFeaturesIn">;

/** The visiting order of each pass: 0..n-1, or a seeded permutation. */
function passOrders(n: number, { shuffle, seed }: PerceptronOptions): () => Iterable<number> {
  const rng = new Random(seed);
  const fixed = Int32Array.from({ length: n }, (_, i) => i);
  return () => (shuffle ? rng.permutation(n) : fixed);
}

/** 算法2.1. */
function trainPrimal(X: Matrix, y: Float64Array, o: PerceptronOptions): TrainResult {
  const n = X.rows, d = X.cols, x = X.data, eta = o.learningRate;
  const w = new Float64Array(d), alpha = new Float64Array(n), trace: PerceptronUpdate[] = [];
  let b = 0, nUpdates = 0, epoch = 0, converged = false;
  const nextOrder = passOrders(n, o);
  while (!converged && epoch < o.maxIter) {
    epoch++;
    let mistakes = 0;
    for (const i of nextOrder()) {
      let s = 0;
      for (let l = 0; l < d; l++) s += w[l] * x[i * d + l];
      if (y[i] * (s + b) > 0) continue;
      for (let l = 0; l < d; l++) w[l] += eta * y[i] * x[i * d + l];
      b += eta * y[i];
      alpha[i] += eta;
      mistakes++;
      nUpdates++;
      if (o.keepTrace) trace.push({ epoch, index: i, w: Array.from(w), b });
    }
    converged = mistakes === 0;
  }
  return { w, b, alpha, gram: null, trace, nIter: epoch, nUpdates, converged };
}

/** 算法2.2: keeps gᵢ = Σⱼ αⱼ yⱼ Gⱼᵢ up to date, so each check costs O(1) and each update O(N). */
function trainDual(X: Matrix, y: Float64Array, o: PerceptronOptions): TrainResult {
  const n = X.rows, d = X.cols, x = X.data, eta = o.learningRate;
  const gram = gramMatrix(X), G = gram.data;
  const alpha = new Float64Array(n), g = new Float64Array(n), trace: PerceptronUpdate[] = [];
  const w = new Float64Array(d);
  let b = 0, nUpdates = 0, epoch = 0, converged = false;
  const nextOrder = passOrders(n, o);
  while (!converged && epoch < o.maxIter) {
    epoch++;
    let mistakes = 0;
    for (const i of nextOrder()) {
      if (y[i] * (g[i] + b) > 0) continue;
      alpha[i] += eta;
      b += eta * y[i];
      for (let j = 0; j < n; j++) g[j] += eta * y[i] * G[i * n + j];
      // w = Σ αⱼ yⱼ xⱼ, kept alongside for the trace and for prediction.
      for (let l = 0; l < d; l++) w[l] += eta * y[i] * x[i * d + l];
      mistakes++;
      nUpdates++;
      if (o.keepTrace) trace.push({ epoch, index: i, w: Array.from(w), b });
    }
    converged = mistakes === 0;
  }
  return { w, b, alpha, gram, trace, nIter: epoch, nUpdates, converged };
}

/** "1 pass", "5 passes". */
function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "es"}`;
}
