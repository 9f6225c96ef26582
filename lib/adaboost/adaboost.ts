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
import { checkOptions } from "../core/options.ts";
import {
  checkInteger,
  checkNumber,
  checkOneOf,
  ClassifierEstimator,
  classifierScore,
  type ClassifierState,
  Estimator,
  type EstimatorJSON,
  type FittedState,
  type Label,
  type LabelLike,
  Matrix,
  type MatrixLike,
  readEstimatorJSON,
  toLabels,
  toMatrix,
  toSampleWeight,
  ValueError,
} from "../core/mod.ts";
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

/** What {@link AdaBoostClassifier} learns (saved by `toJSON` when the learners are stumps). */
export interface AdaBoostState extends ClassifierState {
  /** The base learners G₁ … G_M. */
  estimators: WeightedLearner[];
  /** αₘ per round. */
  weights: Float64Array;
  /** eₘ per round. */
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
export class AdaBoostClassifier extends ClassifierEstimator<AdaBoostOptions, AdaBoostState> {
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
    const { classes, indices } = this.encodeTarget(y, m.rows);
    const K = classes.length, n = m.rows, o = this.options;
    if (o.algorithm === "book" && K !== 2) {
      throw new ValueError(
        `algorithm "book" (算法8.1) is binary: y must hold 2 classes. Got ${K}; use "SAMME".`,
      );
    }
    const code = Array.from(indices);
    checkOptions(options, ["sampleWeight"], `${this.className}.fit`);
    const given = toSampleWeight(options.sampleWeight, n);
    let w = given
      ? given.map((v) => v / given.reduce((a, c) => a + c, 0))
      : new Float64Array(n).fill(1 / n);
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
  predict(X: MatrixLike, nRounds?: number): Label[] {
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
    const { classes, estimators, weights } = this.fitted();
    const m = this.checkPredictX(X);
    const index = new Map(classes.map((c, k) => [c, k]));
    const truth = toLabels(y, "y", m.rows).map((l) => index.get(l) ?? -1); // unseen: a miss
    // Votes accumulate round by round, so all M scores cost one pass (not M predictions).
    const K = classes.length, votes = new Float64Array(m.rows * K);
    return estimators.map((est, t) => {
      const pred = est.predict(m);
      let hits = 0;
      for (let i = 0; i < m.rows; i++) {
        votes[i * K + Number(pred[i])] += weights[t];
        let best = 0;
        for (let k = 1; k < K; k++) if (votes[i * K + k] > votes[i * K + best]) best = k;
        if (best === truth[i]) hits++;
      }
      return hits / m.rows;
    });
  }

  /**
   * Mean accuracy of `predict(X)` (optionally after the first `nRounds`) against y.
   * @param X shape (nSamples, nFeatures)
   * @param y true labels
   * @param nRounds use only the first rounds @default all
   */
  override score(X: MatrixLike, y: LabelLike, nRounds?: number): number {
    return classifierScore(this.predict(X, nRounds), y);
  }

  /**
   * Class probabilities as scikit-learn's SAMME: softmax of the normalised vote f(x)/(K − 1)
   * (two classes: of ∓f/2), shape (nSamples, nClasses). The same for `algorithm: "book"`.
   * @param X shape (nSamples, nFeatures)
   */
  predictProba(X: MatrixLike): Matrix {
    const { classes, weights } = this.fitted();
    const K = classes.length;
    let f = this.decisionFunction(X);
    if (this.options.algorithm === "book") {
      const total = weights.reduce((a, c) => a + c, 0);
      f = (f as Float64Array).map((v) => v / total);
    }
    const out = f instanceof Matrix ? f.clone() : new Matrix(f.length, 2);
    if (!(f instanceof Matrix)) {
      f.forEach((v, i) => out.data.set([-v / 2, v / 2], 2 * i));
    } else for (let k = 0; k < out.data.length; k++) out.data[k] /= K - 1;
    for (let i = 0; i < out.rows; i++) {
      const row = out.data.subarray(i * K, (i + 1) * K);
      const max = Math.max(...row);
      let sum = 0;
      for (let k = 0; k < K; k++) sum += row[k] = Math.exp(row[k] - max);
      for (let k = 0; k < K; k++) row[k] /= sum;
    }
    return out;
  }

  /** Saves the model; only models built on the default {@link DecisionStump} can be saved. */
  override toJSON(): EstimatorJSON {
    const json = super.toJSON();
    if (!this.state) return json;
    const { estimators } = this.state;
    if (!estimators.every((e) => e instanceof DecisionStump)) {
      throw new ValueError(
        "AdaBoostClassifier.toJSON saves only models built on the default DecisionStump.",
      );
    }
    const state = {
      ...(json.state as Record<string, unknown>),
      estimators: estimators.map((e) => (e as DecisionStump).toJSON()),
    };
    return { ...json, options: { ...json.options, estimator: null }, state };
  }

  /** Restores a model saved with `toJSON()` (the object or its JSON text). */
  static override fromJSON<T extends Estimator<object, FittedState>>(
    this: new (options?: never) => T,
    json: EstimatorJSON | string,
  ): T {
    const parsed = readEstimatorJSON(json, "AdaBoostClassifier");
    const saved = parsed.state as { estimators?: EstimatorJSON[] } | null;
    if (saved === null) return Estimator.fromJSON.call(this, parsed) as T;
    if (!Array.isArray(saved?.estimators)) {
      throw new ValueError("The saved AdaBoostClassifier has no 'estimators' list in its state.");
    }
    const model = Estimator.fromJSON.call(this, {
      ...parsed,
      state: { ...saved, estimators: [] },
    }) as T;
    const stumps = saved.estimators.map((e) => DecisionStump.fromJSON(e));
    (model as unknown as { state: AdaBoostState }).state.estimators = stumps;
    return model;
  }
}
