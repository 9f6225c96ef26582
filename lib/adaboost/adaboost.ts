/**
 * AdaBoost, 李航《统计学习方法》§8.1 (算法8.1) and its multiclass form SAMME (Zhu et al. 2009,
 * scikit-learn's `algorithm="SAMME"`): each round fits a base learner Gₘ to the weighted data,
 * measures its weighted error eₘ = Σᵢ wₘᵢ I(Gₘ(xᵢ) ≠ yᵢ), gives it the weight
 *   book:  αₘ = ½ log((1 − eₘ)/eₘ),          wₘ₊₁,ᵢ = wₘᵢ exp(−αₘ yᵢ Gₘ(xᵢ)) / Zₘ   (8.2)–(8.5)
 *   SAMME: αₘ = log((1 − eₘ)/eₘ) + log(K − 1), wₘ₊₁,ᵢ ∝ wₘᵢ exp(αₘ I(Gₘ(xᵢ) ≠ yᵢ))
 * and the final classifier is G(x) = sign(Σ αₘ Gₘ(x)) (K = 2) or argmaxₖ Σ αₘ I(Gₘ(x) = k).
 * For K = 2 both choose the same learners; SAMME's α is twice the book's.
 *
 * @module
 */
import {
  Estimator,
  type FittedState,
  type LabelLike,
  Matrix,
  type MatrixLike,
  ShapeError,
  toLabels,
  toMatrix,
  uniqueLabels,
  ValueError,
} from "../core/mod.ts";
import { checkInteger, checkNumber, checkOneOf } from "../core/options.ts";
import { DecisionStump, type SampleWeightOptions } from "./stump.ts";

/** A base learner: fits class indices 0..K−1 under sample weights and predicts them. */
export interface WeightedLearner {
  /** Fits to class indices `y` with the round's distribution Dₘ as `sampleWeight`. */
  fit(X: Matrix, y: number[], options: { sampleWeight: Float64Array }): unknown;
  /** Predicts class indices (numbers, or their strings). */
  predict(X: Matrix): ArrayLike<number | string>;
}

/** Options of {@link AdaBoostClassifier}. */
export interface AdaBoostOptions {
  /** Most boosting rounds M (fewer if a learner is perfect or no better than chance). @default 50 */
  nEstimators: number;
  /** Shrinks every αₘ (scikit-learn's learning_rate; the book: 1). @default 1 */
  learningRate: number;
  /** "SAMME" (multiclass, scikit-learn) or "book" (算法8.1: two classes, αₘ = ½ log((1 − eₘ)/eₘ)). @default "SAMME" */
  algorithm: "SAMME" | "book";
  /** Makes a fresh base learner; default a weighted {@link DecisionStump} with the book's error rule. @default null */
  estimator: (() => WeightedLearner) | null;
}

interface AdaBoostState extends FittedState {
  classes: (number | string)[];
  estimators: WeightedLearner[];
  weights: Float64Array;
  errors: Float64Array;
  /** Weights Dₘ (normalised) each learner was fitted with. */
  distributions: Float64Array[];
}

const DEFAULTS: AdaBoostOptions = {
  nEstimators: 50,
  learningRate: 1,
  algorithm: "SAMME",
  estimator: null,
};

/**
 * AdaBoost classifier (算法8.1 / SAMME) over weighted base learners, decision stumps by default.
 * @example
 * ```ts
 * import { AdaBoostClassifier } from "../mod.ts";
 * import { assertEquals } from "@std/assert";
 *
 * const X = [[0], [1], [2], [3], [4], [5], [6], [7], [8], [9]];
 * const y = [1, 1, 1, -1, -1, -1, 1, 1, 1, -1]; // 例8.1
 * const ada = new AdaBoostClassifier({ nEstimators: 3, algorithm: "book" }).fit(X, y);
 * assertEquals(Array.from(ada.estimatorWeights, (a) => a.toFixed(4)), ["0.4236", "0.6496", "0.7520"]);
 * assertEquals(ada.score(X, y), 1);
 * ```
 */
export class AdaBoostClassifier extends Estimator<AdaBoostOptions, AdaBoostState> {
  /** The class name used by `toJSON`/`fromJSON`. */
  readonly className = "AdaBoostClassifier";

  /**
   * Stores the options.
   * @param options see {@link AdaBoostOptions}
   */
  constructor(options: Partial<AdaBoostOptions> = {}) {
    super(DEFAULTS, options);
    const o = this.options;
    checkInteger("nEstimators", o.nEstimators, 1);
    checkNumber("learningRate", o.learningRate, { min: 0, exclusiveMin: true });
    checkOneOf("algorithm", o.algorithm, ["SAMME", "book"] as const);
    if (o.estimator !== null && typeof o.estimator !== "function") {
      throw new ValueError(
        "The 'estimator' option must be a function returning a new learner, or null.",
      );
    }
  }

  /**
   * Runs the boosting rounds.
   * @param X shape (nSamples, nFeatures)
   * @param y labels, two classes for `algorithm: "book"`
   * @param options `sampleWeight`: the initial distribution D₁ (uniform by default)
   */
  fit(X: MatrixLike, y: LabelLike, options: SampleWeightOptions = {}): this {
    const m = toMatrix(X, "X");
    const labels = toLabels(y, "y", m.rows);
    const classes = uniqueLabels(labels);
    const K = classes.length, n = m.rows, o = this.options;
    if (K < 2) throw new ValueError(`AdaBoostClassifier needs at least 2 classes in y. Got ${K}.`);
    if (o.algorithm === "book" && K !== 2) {
      throw new ValueError(
        `algorithm "book" (算法8.1) is binary: y must hold 2 classes. Got ${K}; use "SAMME".`,
      );
    }
    const code = labels.map((l) => classes.indexOf(l));
    let w = initialWeights(options.sampleWeight, n);
    const estimators: WeightedLearner[] = [], weights: number[] = [], errors: number[] = [];
    const distributions: Float64Array[] = [];
    for (let round = 0; round < o.nEstimators; round++) {
      const learner = o.estimator ? o.estimator() : new DecisionStump();
      learner.fit(m, code, { sampleWeight: w });
      const pred = Array.from(learner.predict(m), Number);
      let e = 0;
      for (let i = 0; i < n; i++) if (pred[i] !== code[i]) e += w[i];
      if (e <= 0) {
        // A perfect learner: sklearn keeps it with weight 1 and stops.
        estimators.push(learner);
        weights.push(1);
        errors.push(0);
        distributions.push(w);
        break;
      }
      if (e >= 1 - 1 / K) {
        if (estimators.length === 0) {
          throw new ValueError(
            `The first base learner is no better than chance (weighted error ${e} ≥ ${
              1 - 1 / K
            }); AdaBoost cannot start.`,
          );
        }
        break;
      }
      const alpha = o.learningRate *
        (o.algorithm === "book"
          ? 0.5 * Math.log((1 - e) / e)
          : Math.log((1 - e) / e) + Math.log(K - 1));
      estimators.push(learner);
      weights.push(alpha);
      errors.push(e);
      distributions.push(w);
      // Book: wᵢ e^{−α yᵢ G(xᵢ)}; SAMME: wᵢ e^{α I(miss)}. Both then normalised (Zₘ).
      const next = new Float64Array(n);
      let Z = 0;
      for (let i = 0; i < n; i++) {
        const miss = pred[i] !== code[i];
        next[i] = w[i] *
          (o.algorithm === "book" ? Math.exp(miss ? alpha : -alpha) : miss ? Math.exp(alpha) : 1);
        Z += next[i];
      }
      for (let i = 0; i < n; i++) next[i] /= Z;
      w = next;
    }
    this.state = {
      classes,
      estimators,
      weights: Float64Array.from(weights),
      errors: Float64Array.from(errors),
      distributions,
      nFeaturesIn: m.cols,
    };
    return this;
  }

  /** The class labels, sorted. */
  get classes(): (number | string)[] {
    return [...this.fitted().classes];
  }

  /** The fitted base learners G₁ … G_M (they predict class indices). */
  get estimators(): readonly WeightedLearner[] {
    return Object.freeze([...this.fitted().estimators]);
  }

  /** αₘ per round (`estimator_weights_`). */
  get estimatorWeights(): Float64Array {
    return this.fitted().weights.slice();
  }

  /** Weighted training error eₘ per round (`estimator_errors_`). */
  get estimatorErrors(): Float64Array {
    return this.fitted().errors.slice();
  }

  /** The normalised weight distribution Dₘ each learner was trained on. */
  get sampleWeights(): Float64Array[] {
    return this.fitted().distributions.map((d) => d.slice());
  }

  /**
   * Book: f(x) = Σ αₘ Gₘ(x) with Gₘ ∈ {−1, +1} (positive for the second class). SAMME, as
   * scikit-learn: Σ αₘ I(Gₘ(x) = k) / Σ αₘ, shape (nSamples, K), or for two classes the second
   * column minus the first, shape (nSamples,).
   * @param X shape (nSamples, nFeatures)
   * @param nRounds use only the first rounds (the staged fₘ) @default all
   */
  decisionFunction(X: MatrixLike, nRounds?: number): Float64Array | Matrix {
    const { classes, estimators, weights } = this.fitted();
    const m = this.checkPredictX(X);
    const K = classes.length, M = Math.min(nRounds ?? estimators.length, estimators.length);
    const votes = new Matrix(m.rows, K);
    let total = 0;
    for (let t = 0; t < M; t++) {
      const pred = estimators[t].predict(m);
      total += weights[t];
      for (let i = 0; i < m.rows; i++) votes.data[i * K + Number(pred[i])] += weights[t];
    }
    if (this.options.algorithm === "book") {
      return Float64Array.from(
        { length: m.rows },
        (_, i) => votes.data[i * K + 1] - votes.data[i * K],
      );
    }
    for (let k = 0; k < votes.data.length; k++) votes.data[k] /= total;
    if (K === 2) {
      return Float64Array.from(
        { length: m.rows },
        (_, i) => votes.data[i * 2 + 1] - votes.data[i * 2],
      );
    }
    return votes;
  }

  /**
   * G(x): the sign of f (two classes) or the class with the largest weighted vote.
   * @param X shape (nSamples, nFeatures)
   * @param nRounds use only the first rounds @default all
   */
  predict(X: MatrixLike, nRounds?: number): (number | string)[] {
    const { classes } = this.fitted();
    const f = this.decisionFunction(X, nRounds);
    if (f instanceof Float64Array) return Array.from(f, (v) => classes[v > 0 ? 1 : 0]);
    return Array.from({ length: f.rows }, (_, i) => {
      const row = f.row(i);
      let best = 0;
      for (let k = 1; k < row.length; k++) if (row[k] > row[best]) best = k;
      return classes[best];
    });
  }

  /**
   * Training-set style error curve: the accuracy of G after each round m = 1..M.
   * @param X shape (nSamples, nFeatures)
   * @param y true labels
   */
  stagedScore(X: MatrixLike, y: LabelLike): number[] {
    const M = this.fitted().estimators.length;
    return Array.from({ length: M }, (_, t) => this.score(X, y, t + 1));
  }

  /** Mean accuracy of `predict(X)` (optionally after the first `nRounds`) against y. */
  score(X: MatrixLike, y: LabelLike, nRounds?: number): number {
    const pred = this.predict(X, nRounds);
    const truth = toLabels(y, "y", pred.length);
    return pred.reduce((hits: number, p, i) => hits + (p === truth[i] ? 1 : 0), 0) / pred.length;
  }

  /** Saves the model; only the default stumps (or learners with their own toJSON) are saved. */
  override toJSON(): ReturnType<Estimator<AdaBoostOptions, AdaBoostState>["toJSON"]> {
    const json = super.toJSON();
    const { estimators } = this.fitted();
    if (!estimators.every((e) => e instanceof DecisionStump)) {
      throw new ValueError(
        "AdaBoostClassifier.toJSON saves only models built on the default DecisionStump.",
      );
    }
    const options = { ...json.options, estimator: null };
    const state = {
      ...(json.state as Record<string, unknown>),
      estimators: estimators.map((e) => (e as DecisionStump).toJSON()),
    };
    return { ...json, options, state };
  }

  /** Restores a model saved with `toJSON()`. */
  static override fromJSON<T extends Estimator<object, FittedState>>(
    this: new (options?: never) => T,
    json: ReturnType<Estimator<AdaBoostOptions, AdaBoostState>["toJSON"]> | string,
  ): T {
    const parsed = typeof json === "string" ? JSON.parse(json) : json;
    const state = parsed.state as { estimators: Parameters<typeof DecisionStump.fromJSON>[0][] };
    const model = Estimator.fromJSON.call(this, {
      ...parsed,
      state: { ...state, estimators: [] },
    }) as T;
    (model as unknown as { state: AdaBoostState }).state.estimators = state.estimators.map((e) =>
      DecisionStump.fromJSON(e) as unknown as WeightedLearner
    );
    return model;
  }
}

function initialWeights(sampleWeight: ArrayLike<number> | undefined, n: number): Float64Array {
  if (sampleWeight === undefined) return new Float64Array(n).fill(1 / n);
  if (sampleWeight.length !== n) {
    throw new ShapeError(
      `sampleWeight has ${sampleWeight.length} values, but X has ${n} samples; they must match.`,
    );
  }
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const v = sampleWeight[i];
    if (!(Number.isFinite(v) && v >= 0)) {
      throw new ValueError(`sampleWeight must hold finite numbers >= 0. Got ${v} at index ${i}.`);
    }
    sum += v;
  }
  if (!(sum > 0)) throw new ValueError("sampleWeight must have a positive sum.");
  return Float64Array.from(sampleWeight, (v) => v / sum);
}
