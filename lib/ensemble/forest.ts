/**
 * Random forests (Breiman 2001) and extremely randomized trees (Geurts et al. 2006) on the CART
 * grower of lib/tree: each tree grows on a bootstrap sample (drawn counts become sample weights)
 * and looks at `maxFeatures` random features per split; the forest averages the trees' class
 * probabilities or means. Averaging B trees of pairwise correlation ρ and variance σ² leaves
 * variance ρσ² + (1 − ρ)σ²/B: the feature draw lowers ρ, more trees the second term.
 * Rows a tree did not draw (out of bag, about e⁻¹ ≈ 37%) give a free validation score.
 *
 * @module
 */
import { checkOptions } from "../core/options.ts";
import {
  checkBoolean,
  checkInteger,
  checkNumber,
  checkOneOf,
  encodeLabels,
  Estimator,
  type EstimatorKind,
  type FittedState,
  type LabelLike,
  type MatrixLike,
  Random,
  toMatrix,
  toVector,
  ValueError,
  type VectorLike,
} from "../core/mod.ts";
import type { Matrix } from "../core/matrix.ts";
import { toSampleWeight } from "../core/sample_weight.ts";
import { classifierScore, regressorScore } from "../core/scores.ts";
import { r2Score } from "../metrics/regression.ts";
import { growTree, type Target } from "../tree/grow.ts";
import {
  accumulateTree,
  bootstrapCounts,
  featureSampler,
  flattenTree,
  type ForestTree,
  treeImportances,
} from "./forest_tree.ts";
import { growRandomCutTree } from "./random_cut_tree.ts";

/** Options shared by the four forests (scikit-learn's names in camelCase). */
export interface ForestOptions {
  /** Number of trees. @default 100 */
  nEstimators: number;
  /** Maximum depth; `null` grows until leaves are pure or too small. @default null */
  maxDepth: number | null;
  /** A node needs at least this many samples to be split. @default 2 */
  minSamplesSplit: number;
  /** Every child keeps at least this many samples. @default 1 */
  minSamplesLeaf: number;
  /** Split only if (n_t / N) · impurity decrease ≥ this. @default 0 */
  minImpurityDecrease: number;
  /**
   * Features drawn per split: "sqrt" (⌊√d⌋), "log2" (⌊log₂ d⌋), a count ≥ 1, a fraction in
   * (0, 1) of d, or `null` for all. @default "sqrt" (classifiers), null (regressors)
   */
  maxFeatures: "sqrt" | "log2" | number | null;
  /** Grow each tree on a bootstrap sample; otherwise on all rows. @default true (false for Extra-Trees) */
  bootstrap: boolean;
  /** Rows drawn per bootstrap sample: a count ≥ 1, a fraction in (0, 1), or `null` for n. @default null */
  maxSamples: number | null;
  /** Compute the out-of-bag score and predictions in `fit` (needs `bootstrap`). @default false */
  oobScore: boolean;
  /** Seed of all the randomness (bootstrap, feature draws, Extra-Trees' cuts). @default 0 */
  seed: number;
}

/** Options of the classifiers. */
export interface ForestClassifierOptions extends ForestOptions {
  /** Split criterion. @default "gini" */
  criterion: "gini" | "entropy";
}

/** Options of the regressors. */
export interface ForestRegressorOptions extends ForestOptions {
  /** Split criterion (least squares). @default "squaredError" */
  criterion: "squaredError";
}

/** What a fitted forest holds. */
export interface ForestState extends FittedState {
  /** The trees, flattened. */
  trees: ForestTree[];
  /** Values per leaf: the number of classes, or 1. */
  nOutputs: number;
  /** The sorted classes (classifiers); empty for regressors. */
  classes: (number | string)[];
  /** Normalized mean decrease in impurity per feature. */
  featureImportances: Float64Array;
  /** OOB accuracy or R², with `oobScore: true`. */
  oobScore?: number;
  /** n × nOutputs: averaged out-of-bag probabilities or predictions (NaN: never out of bag). */
  oobPrediction?: Float64Array;
}

const DEFAULTS: ForestOptions = {
  nEstimators: 100,
  maxDepth: null,
  minSamplesSplit: 2,
  minSamplesLeaf: 1,
  minImpurityDecrease: 0,
  maxFeatures: "sqrt",
  bootstrap: true,
  maxSamples: null,
  oobScore: false,
  seed: 0,
};

/**
 * What the four forests share: option checks, growing the trees on bootstrap samples with the
 * per-split feature draw, averaging, importances and the out-of-bag score.
 * @typeParam O the options, with a `criterion`
 */
export abstract class BaseForest<O extends ForestOptions & { criterion: string }>
  extends Estimator<O, ForestState> {
  /** Extra-Trees draw one random cut per feature instead of searching the best. */
  protected abstract readonly randomCuts: boolean;

  /** Checks the options shared by all forests (called by each constructor). */
  protected checkForestOptions(): void {
    const o = this.options;
    checkInteger("nEstimators", o.nEstimators, 1);
    if (o.maxDepth !== null) checkInteger("maxDepth", o.maxDepth, 1);
    checkInteger("minSamplesSplit", o.minSamplesSplit, 2);
    checkInteger("minSamplesLeaf", o.minSamplesLeaf, 1);
    checkNumber("minImpurityDecrease", o.minImpurityDecrease, { min: 0 });
    if (typeof o.maxFeatures === "number") {
      if (!(o.maxFeatures > 0) || (o.maxFeatures > 1 && !Number.isInteger(o.maxFeatures))) {
        throw new ValueError(
          `The 'maxFeatures' option must be "sqrt", "log2", null, an integer >= 1 or a fraction in (0, 1). Got ${o.maxFeatures} instead.`,
        );
      }
    } else if (o.maxFeatures !== null) checkOneOf("maxFeatures", o.maxFeatures, ["sqrt", "log2"]);
    if (o.maxSamples !== null) {
      checkNumber("maxSamples", o.maxSamples, { min: 0, exclusiveMin: true });
    }
    checkBoolean("bootstrap", o.bootstrap);
    checkBoolean("oobScore", o.oobScore);
    checkInteger("seed", o.seed);
    if (o.oobScore && !o.bootstrap) {
      throw new ValueError(
        "The 'oobScore' option needs bootstrap: true (every row is in every tree).",
      );
    }
    if (o.maxSamples !== null && !o.bootstrap) {
      throw new ValueError("The 'maxSamples' option needs bootstrap: true.");
    }
  }

  /** Number of features each split draws, for d features. */
  protected featuresPerSplit(d: number): number {
    const m = this.options.maxFeatures as ForestOptions["maxFeatures"];
    if (m === null) return d;
    if (m === "sqrt") return Math.max(1, Math.floor(Math.sqrt(d)));
    if (m === "log2") return Math.max(1, Math.floor(Math.log2(d)));
    if (m < 1) return Math.max(1, Math.floor(m * d));
    if (m > d) {
      throw new ValueError(`The 'maxFeatures' option is ${m}, but X has only ${d} features.`);
    }
    return m;
  }

  /** Grows the trees; `oob` turns averaged out-of-bag outputs into the score. */
  protected fitForest(
    m: Matrix,
    target: Target,
    sampleWeight: Float64Array | undefined,
    classes: (number | string)[],
    oobScore: (prediction: Float64Array, count: Float64Array) => number,
  ): void {
    const o = this.options, n = m.rows, d = m.cols;
    const columns = Array.from({ length: d }, (_, j) => {
      const col = new Float64Array(n);
      for (let i = 0; i < n; i++) col[i] = m.data[i * d + j];
      return col;
    });
    const table = { columns, nSamples: n };
    const categorical = new Array<boolean>(d).fill(false);
    const nDraws = o.maxSamples === null
      ? n
      : o.maxSamples < 1
      ? Math.max(1, Math.round(o.maxSamples * n))
      : o.maxSamples;
    if (o.bootstrap && (!Number.isInteger(nDraws) || nDraws > n)) {
      throw new ValueError(
        `The 'maxSamples' option must be a fraction in (0, 1) or an integer in [1, ${n}]. Got ${o.maxSamples} instead.`,
      );
    }
    const master = new Random(o.seed);
    const mtry = this.featuresPerSplit(d);
    const classification = target.kind === "classification";
    const K = classification ? classes.length : 1;
    const trees: ForestTree[] = [];
    const importances = new Float64Array(d);
    let nImportant = 0;
    const oobSum = o.oobScore ? new Float64Array(n * K) : undefined;
    const oobCount = o.oobScore ? new Float64Array(n) : undefined;
    for (let t = 0; t < o.nEstimators; t++) {
      const rng = new Random(master.nextUint32());
      let weight = o.bootstrap ? bootstrapCounts(n, nDraws, rng) : undefined;
      const counts = weight;
      if (sampleWeight) weight = weight ? weight.map((c, i) => c * sampleWeight[i]) : sampleWeight;
      const growOptions = {
        criterion: o.criterion as "gini",
        maxDepth: o.maxDepth ?? Infinity,
        minSamplesSplit: o.minSamplesSplit,
        minSamplesLeaf: o.minSamplesLeaf,
        minImpurityDecrease: o.minImpurityDecrease,
      };
      const root = this.randomCuts
        ? growRandomCutTree(columns, target, weight, { ...growOptions, maxFeatures: mtry, rng })
        : growTree(table, categorical, target, {
          ...growOptions,
          sampleWeight: weight,
          featureSampler: mtry < d ? featureSampler(mtry, rng) : undefined,
        });
      const tree = flattenTree(root, classification);
      trees.push(tree);
      if (root.children) {
        const imp = treeImportances(root, d);
        for (let f = 0; f < d; f++) importances[f] += imp[f];
        nImportant++;
      }
      if (oobSum && counts) {
        const oobRows: number[] = [];
        for (let i = 0; i < n; i++) if (counts[i] === 0) oobRows.push(i);
        accumulateTree(tree, m.data, d, oobSum, oobRows, oobCount);
      }
    }
    const total = importances.reduce((s, v) => s + v, 0);
    if (total > 0) { for (let f = 0; f < d; f++) importances[f] /= total; }
    this.state = { nFeaturesIn: d, trees, nOutputs: K, classes, featureImportances: importances };
    if (oobSum && oobCount) {
      for (let i = 0; i < n; i++) {
        for (let k = 0; k < K; k++) oobSum[i * K + k] /= oobCount[i] || NaN;
      }
      this.state.oobPrediction = oobSum;
      this.state.oobScore = oobScore(oobSum, oobCount);
    }
  }

  /** Averaged tree outputs, row-major n × nOutputs. */
  protected average(X: MatrixLike): { out: Float64Array; n: number; K: number } {
    const { trees, nOutputs: K } = this.fitted();
    const m = this.checkPredictX(X);
    const out = new Float64Array(m.rows * K);
    for (const tree of trees) accumulateTree(tree, m.data, m.cols, out);
    for (let i = 0; i < out.length; i++) out[i] /= trees.length;
    return { out, n: m.rows, K };
  }

  /**
   * Every tree's own output for X: one row-major n × nOutputs array per tree (class shares or
   * means), for studying the ensemble (running averages, correlation between trees).
   * @param X shape (nSamples, nFeatures)
   */
  predictTrees(X: MatrixLike): Float64Array[] {
    const { trees, nOutputs } = this.fitted();
    const m = this.checkPredictX(X);
    return trees.map((tree) => {
      const out = new Float64Array(m.rows * nOutputs);
      accumulateTree(tree, m.data, m.cols, out);
      return out;
    });
  }

  /**
   * Mean decrease in impurity per feature, averaged over the trees and normalized to sum 1
   * (scikit-learn's `feature_importances_`).
   */
  get featureImportances(): Float64Array {
    return this.fitted().featureImportances.slice();
  }

  /** The out-of-bag score (accuracy or R²) when fitted with `oobScore: true`. */
  get oobScore(): number {
    const s = this.fitted().oobScore;
    if (s === undefined) {
      throw new ValueError("oobScore is only available after fit with oobScore: true.");
    }
    return s;
  }

  /** Number of trees grown. */
  get nTrees(): number {
    return this.fitted().trees.length;
  }
}

/** Index of the largest of K values at `offset` (ties go to the first). */
function argmaxAt(values: Float64Array, offset: number, K: number): number {
  let best = 0;
  for (let k = 1; k < K; k++) if (values[offset + k] > values[offset + best]) best = k;
  return best;
}

/** The classifiers' side: label encoding, probabilities, accuracy, OOB decision function. */
export abstract class BaseForestClassifier extends BaseForest<ForestClassifierOptions> {
  /** Forest classifiers predict classes. */
  static override readonly estimatorKind: EstimatorKind = "classifier";

  /**
   * Grows `nEstimators` classification trees (and the OOB score with `oobScore: true`).
   * @param X shape (nSamples, nFeatures)
   * @param y shape (nSamples,): class labels (numbers or strings)
   * @param fitOptions `sampleWeight`, shape (nSamples,): multiplies the bootstrap counts
   */
  fit(X: MatrixLike, y: LabelLike, fitOptions: { sampleWeight?: VectorLike } = {}): this {
    this.state = undefined;
    const m = toMatrix(X);
    const { classes, indices: yIndex } = encodeLabels(y, {
      nSamples: m.rows,
      estimator: this.className,
      regressor: "RandomForestRegressor",
    });
    const target: Target = { kind: "classification", y: yIndex, nClasses: classes.length };
    checkOptions(fitOptions, ["sampleWeight"], `${this.className}.fit`);
    const w = toSampleWeight(fitOptions.sampleWeight, m.rows);
    this.fitForest(m, target, w, classes, (p, count) => {
      let hit = 0;
      const K = classes.length;
      for (let i = 0; i < m.rows; i++) {
        // scikit-learn scores rows never out of bag too, as class 0.
        const predicted = count[i] ? argmaxAt(p, i * K, K) : 0;
        if (predicted === yIndex[i]) hit++;
      }
      return hit / m.rows;
    });
    return this;
  }

  /** The sorted class labels (a copy); `predictProba`'s columns follow this order. */
  get classes(): (number | string)[] {
    return [...this.fitted().classes];
  }

  /** Averaged class probabilities of the trees, shape (nSamples, nClasses). */
  predictProba(X: MatrixLike): number[][] {
    const { out, n, K } = this.average(X);
    return Array.from({ length: n }, (_, i) => Array.from(out.subarray(i * K, (i + 1) * K)));
  }

  /** The class of highest averaged probability. */
  predict(X: MatrixLike): (number | string)[] {
    const { out, n, K } = this.average(X);
    const classes = this.fitted().classes;
    return Array.from({ length: n }, (_, i) => classes[argmaxAt(out, i * K, K)]);
  }

  /** Accuracy on (X, y). */
  score(X: MatrixLike, y: LabelLike): number {
    return classifierScore(this.predict(X), y);
  }

  /** Out-of-bag class probabilities, shape (nSamples, nClasses); NaN rows were never out of bag. */
  get oobDecisionFunction(): number[][] {
    const { oobPrediction: p, classes } = this.fitted();
    if (!p) throw new ValueError("oobDecisionFunction needs fit with oobScore: true.");
    const K = classes.length;
    return Array.from(
      { length: p.length / K },
      (_, i) => Array.from(p.subarray(i * K, (i + 1) * K)),
    );
  }
}

/** The regressors' side: means, R², OOB predictions. */
export abstract class BaseForestRegressor extends BaseForest<ForestRegressorOptions> {
  /** Forest regressors predict numbers. */
  static override readonly estimatorKind: EstimatorKind = "regressor";

  /**
   * Grows `nEstimators` least-squares trees (and the OOB score with `oobScore: true`).
   * @param X shape (nSamples, nFeatures)
   * @param y shape (nSamples,): real targets
   * @param fitOptions `sampleWeight`, shape (nSamples,): multiplies the bootstrap counts
   */
  fit(X: MatrixLike, y: VectorLike, fitOptions: { sampleWeight?: VectorLike } = {}): this {
    this.state = undefined;
    const m = toMatrix(X);
    const target = toVector(y, "y", m.rows);
    checkOptions(fitOptions, ["sampleWeight"], `${this.className}.fit`);
    const w = toSampleWeight(fitOptions.sampleWeight, m.rows);
    this.fitForest(m, { kind: "regression", y: target }, w, [], (p, count) => {
      const rows = [...target.keys()].filter((i) => count[i] > 0);
      return r2Score(rows.map((i) => target[i]), rows.map((i) => p[i]));
    });
    return this;
  }

  /** The average of the trees' predictions. */
  predict(X: MatrixLike): Float64Array {
    return this.average(X).out;
  }

  /** R² on (X, y). */
  score(X: MatrixLike, y: VectorLike): number {
    return regressorScore(this.predict(X), y);
  }

  /** Out-of-bag predictions, shape (nSamples,); NaN where a row was never out of bag. */
  get oobPrediction(): Float64Array {
    const p = this.fitted().oobPrediction;
    if (!p) throw new ValueError("oobPrediction needs fit with oobScore: true.");
    return p.slice();
  }
}

/**
 * Random forest classifier (Breiman 2001; scikit-learn's `RandomForestClassifier`): bootstrap
 * samples, `maxFeatures` ("sqrt" by default) random features per split, averaged probabilities.
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { RandomForestClassifier } from "../mod.ts";
 * const X = [[0, 0], [0, 1], [1, 0], [1, 1], [5, 5], [5, 6], [6, 5], [6, 6]];
 * const y = ["a", "a", "a", "a", "b", "b", "b", "b"];
 * const forest = new RandomForestClassifier({ nEstimators: 10, seed: 1 }).fit(X, y);
 * assertEquals(forest.predict([[0.5, 0.5], [5.5, 5.5]]), ["a", "b"]);
 * ```
 */
export class RandomForestClassifier extends BaseForestClassifier {
  /** The saved-model class name. */
  readonly className = "RandomForestClassifier";
  /** Best cuts (random forest). */
  protected readonly randomCuts = false;

  /**
   * Stores and checks the options.
   * @param options see `ForestClassifierOptions`
   */
  constructor(options: Partial<ForestClassifierOptions> = {}) {
    super({ ...DEFAULTS, criterion: "gini" }, options);
    checkOneOf("criterion", this.options.criterion, ["gini", "entropy"] as const);
    this.checkForestOptions();
  }
}

/**
 * Random forest regressor (scikit-learn's `RandomForestRegressor`): least-squares trees on
 * bootstrap samples, all features per split by default (`maxFeatures: null`), averaged.
 * @example
 * ```ts
 * import { assert } from "@std/assert";
 * import { RandomForestRegressor } from "../mod.ts";
 * const X = Array.from({ length: 40 }, (_, i) => [i / 4]);
 * const y = X.map(([x]) => Math.sin(x));
 * const forest = new RandomForestRegressor({ nEstimators: 20, seed: 0 }).fit(X, y);
 * assert(forest.score(X, y) > 0.95);
 * ```
 */
export class RandomForestRegressor extends BaseForestRegressor {
  /** The saved-model class name. */
  readonly className = "RandomForestRegressor";
  /** Best cuts (random forest). */
  protected readonly randomCuts = false;

  /**
   * Stores and checks the options.
   * @param options see `ForestRegressorOptions`
   */
  constructor(options: Partial<ForestRegressorOptions> = {}) {
    super({ ...DEFAULTS, maxFeatures: null, criterion: "squaredError" }, options);
    checkOneOf("criterion", this.options.criterion, ["squaredError"] as const);
    this.checkForestOptions();
  }
}

/**
 * Extremely randomized trees for classification (Geurts et al. 2006; scikit-learn's
 * `ExtraTreesClassifier`): at each split, one uniform random cut per drawn feature, the best of
 * those kept; all rows (no bootstrap) by default.
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { ExtraTreesClassifier } from "../mod.ts";
 * const X = [[0, 0], [0, 1], [1, 0], [1, 1], [5, 5], [5, 6], [6, 5], [6, 6]];
 * const y = [0, 0, 0, 0, 1, 1, 1, 1];
 * const forest = new ExtraTreesClassifier({ nEstimators: 10, seed: 3 }).fit(X, y);
 * assertEquals(forest.predict([[0.2, 0.1], [5.8, 5.9]]), [0, 1]);
 * ```
 */
export class ExtraTreesClassifier extends BaseForestClassifier {
  /** The saved-model class name. */
  readonly className = "ExtraTreesClassifier";
  /** One random cut per drawn feature (Extra-Trees). */
  protected readonly randomCuts = true;

  /**
   * Stores and checks the options.
   * @param options see `ForestClassifierOptions`
   */
  constructor(options: Partial<ForestClassifierOptions> = {}) {
    super({ ...DEFAULTS, bootstrap: false, criterion: "gini" }, options);
    checkOneOf("criterion", this.options.criterion, ["gini", "entropy"] as const);
    this.checkForestOptions();
  }
}

/**
 * Extremely randomized trees for regression (scikit-learn's `ExtraTreesRegressor`): random cuts,
 * all features per split and all rows by default.
 * @example
 * ```ts
 * import { assert } from "@std/assert";
 * import { ExtraTreesRegressor } from "../mod.ts";
 * const X = Array.from({ length: 40 }, (_, i) => [i / 4]);
 * const y = X.map(([x]) => 2 * x + 1);
 * const forest = new ExtraTreesRegressor({ nEstimators: 20, seed: 0 }).fit(X, y);
 * assert(forest.score(X, y) > 0.99);
 * ```
 */
export class ExtraTreesRegressor extends BaseForestRegressor {
  /** The saved-model class name. */
  readonly className = "ExtraTreesRegressor";
  /** One random cut per drawn feature (Extra-Trees). */
  protected readonly randomCuts = true;

  /**
   * Stores and checks the options.
   * @param options see `ForestRegressorOptions`
   */
  constructor(options: Partial<ForestRegressorOptions> = {}) {
    super({ ...DEFAULTS, maxFeatures: null, bootstrap: false, criterion: "squaredError" }, options);
    checkOneOf("criterion", this.options.criterion, ["squaredError"] as const);
    this.checkForestOptions();
  }
}
