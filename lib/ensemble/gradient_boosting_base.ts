/**
 * What the three scikit-learn-style boosting wrappers share: their options (scikit-learn's
 * `nEstimators`, XGBoost's parameter names in camelCase), the translation to `trainBooster`
 * params, the learned state (the `BoosterModel`) and its read-only views.
 *
 * @module
 */
import { Estimator, type FittedState } from "../core/estimator.ts";
import { ValueError } from "../core/errors.ts";
import { type MatrixLike, toVector, type VectorLike } from "../core/validation.ts";
import { Booster, type BoosterModel, type ImportanceType } from "./booster.ts";
import type { BoosterParams } from "./params.ts";
import { type EvalSet, trainBooster } from "./train.ts";
import { toMatrixWithMissing } from "./input.ts";

/** Options of GradientBoostingRegressor / Classifier / Ranker. */
export interface GradientBoostingOptions {
  /** Boosting rounds (XGBoost's `n_estimators`). @default 100 */
  nEstimators: number;
  /** Shrinkage η. @default 0.3 */
  learningRate: number;
  /** Deepest level of a tree (root 0). @default 6 */
  maxDepth: number;
  /** L2 penalty λ on leaf weights. @default 1 */
  lambda: number;
  /** L1 penalty α on leaf weights. @default 0 */
  alpha: number;
  /** Minimum split loss reduction γ. @default 0 */
  gamma: number;
  /** Minimum hessian sum in a child. @default 1 */
  minChildWeight: number;
  /** Clip leaf weights to ±maxDeltaStep. @default 0 (off) */
  maxDeltaStep: number;
  /** Minimum rows in a leaf. @default 0 (off) */
  minDataInLeaf: number;
  /** Row sampling rate per tree. @default 1 */
  subsample: number;
  /** Feature sampling rate per tree. @default 1 */
  colsampleByTree: number;
  /** Bins per feature for hist. @default 256 */
  maxBin: number;
  /** "exact" or "hist". @default "hist" */
  treeMethod: "exact" | "hist";
  /** "depthwise" or "lossguide". @default "depthwise" */
  growPolicy: "depthwise" | "lossguide";
  /** Leaf budget of lossguide growth. @default 31 */
  numLeaves: number;
  /** "gbdt" | "rf" | "dart" | "goss". @default "gbdt" */
  boosting: string;
  /** Loss (either library's name); undefined: the wrapper's natural one. @default undefined */
  objective: string | undefined;
  /** Output-scale starting prediction; undefined: from the labels. @default undefined */
  baseScore: number | undefined;
  /** Stop when the eval set's metric has not improved for this many rounds. @default undefined */
  earlyStoppingRounds: number | undefined;
  /** Metric(s) logged on the eval set. @default undefined (the objective's own) */
  evalMetric: string | string[] | undefined;
  /** Extra `trainBooster` params (DART's rateDrop, GOSS's topRate, ...). @default {} */
  params: BoosterParams;
  /** Seed of all sampling. @default 0 */
  seed: number;
}

/** The defaults of `GradientBoostingOptions`. */
export const GRADIENT_BOOSTING_DEFAULTS: GradientBoostingOptions = Object.freeze({
  nEstimators: 100,
  learningRate: 0.3,
  maxDepth: 6,
  lambda: 1,
  alpha: 0,
  gamma: 0,
  minChildWeight: 1,
  maxDeltaStep: 0,
  minDataInLeaf: 0,
  subsample: 1,
  colsampleByTree: 1,
  maxBin: 256,
  treeMethod: "hist",
  growPolicy: "depthwise",
  numLeaves: 31,
  boosting: "gbdt",
  objective: undefined,
  baseScore: undefined,
  earlyStoppingRounds: undefined,
  evalMetric: undefined,
  params: {},
  seed: 0,
}) as GradientBoostingOptions;

/** Learned state: the booster's model (and the classes of a classifier). */
export interface GradientBoostingState extends FittedState {
  /** The trained booster's model. */
  model: BoosterModel;
  /** A classifier's sorted labels. */
  classes?: (number | string)[];
}

/** `fit`'s optional arguments. */
export interface GradientBoostingFitOptions {
  /** One non-negative weight per row. */
  sampleWeight?: VectorLike;
  /** Held-out data logged each round (and watched by early stopping). */
  evalSet?: {
    X: MatrixLike | ArrayLike<ArrayLike<number | null>>;
    y: VectorLike;
    group?: ArrayLike<number>;
  };
  /** Print the per-round log. @default false */
  verbose?: boolean;
}

/** Base of the three wrappers: trains through `trainBooster`, exposes the booster. */
export abstract class GradientBoostingBase extends Estimator<
  GradientBoostingOptions,
  GradientBoostingState
> {
  #booster: Booster | undefined;

  /** The trained `Booster` (trees, importance, model files). */
  get booster(): Booster {
    const state = this.fitted();
    if (!this.#booster || this.#booster.model !== state.model) {
      this.#booster = new Booster(state.model);
    }
    return this.#booster;
  }

  /** Normalised feature importance (sums to 1), by average split gain as XGBoost's default. */
  featureImportances(type: ImportanceType = "gain"): Float64Array {
    const imp = this.booster.featureImportance(type);
    let total = 0;
    for (const v of imp) total += v;
    return total > 0 ? imp.map((v) => v / total) : imp;
  }

  /** Per-round metrics on the eval set (`{ valid: { logloss: [...] } }`), a copy. */
  get evalsResult(): Record<string, Record<string, number[]>> {
    return structuredClone(this.fitted().model.evalsResult ?? {});
  }

  /** The best round (0-based) when an eval set was given, else undefined. */
  get bestIteration(): number | undefined {
    return this.fitted().model.bestIteration;
  }

  /** Trains the booster; `objective` and `extra` come from the concrete wrapper. */
  protected train(
    X: MatrixLike | ArrayLike<ArrayLike<number | null>>,
    y: ArrayLike<number>,
    objective: string,
    extra: BoosterParams,
    fitOptions: GradientBoostingFitOptions,
    group?: ArrayLike<number>,
  ): BoosterModel {
    const o = this.options;
    const params: BoosterParams = {
      objective,
      learningRate: o.learningRate,
      maxDepth: o.maxDepth,
      lambda: o.lambda,
      alpha: o.alpha,
      gamma: o.gamma,
      minChildWeight: o.minChildWeight,
      maxDeltaStep: o.maxDeltaStep,
      minDataInLeaf: o.minDataInLeaf,
      subsample: o.subsample,
      colsampleByTree: o.colsampleByTree,
      maxBin: o.maxBin,
      treeMethod: o.treeMethod,
      growPolicy: o.growPolicy,
      numLeaves: o.numLeaves,
      boosting: o.boosting,
      baseScore: o.baseScore,
      evalMetric: o.evalMetric,
      seed: o.seed,
      ...o.params,
      ...extra,
    };
    const e = fitOptions.evalSet;
    const evals: EvalSet[] = e ? [{ name: "valid", X: e.X, y: e.y, group: e.group }] : [];
    const booster = trainBooster(params, X, y, {
      numBoostRound: o.nEstimators,
      evals,
      earlyStoppingRounds: e ? o.earlyStoppingRounds : undefined,
      sampleWeight: fitOptions.sampleWeight,
      verboseEval: fitOptions.verbose,
      group,
    });
    this.#booster = booster;
    return booster.model as BoosterModel;
  }

  /** Margins or outputs with the best round when early stopping chose one. */
  protected predictRaw(
    X: MatrixLike | ArrayLike<ArrayLike<number | null>>,
    outputMargin = false,
  ): Float64Array | number[][] {
    const { model, nFeaturesIn } = this.fitted();
    const best = model.bestIteration;
    const stopped = best !== undefined && this.options.earlyStoppingRounds !== undefined;
    // Checked here so that a feature-count error names this class, not the inner Booster.
    const m = toMatrixWithMissing(X, "X", nFeaturesIn, this.className);
    if (m.rows === 0) {
      throw new ValueError(
        `X must have at least one sample and one feature. Got shape (0, ${m.cols}).`,
      );
    }
    return this.booster.predict(m, {
      outputMargin,
      iterationRange: stopped ? [0, best + 1] : undefined,
    });
  }
}

/**
 * Base of the wrappers whose y is one number per row and whose output is the booster's own:
 * the regressor (targets) and the ranker (scores). They differ only in the objective used when
 * the options name none, and in whether `fit` takes the query groups.
 */
export abstract class NumericBoostingBase extends GradientBoostingBase {
  /**
   * Stores the options (checked when `fit` trains).
   * @param options `GradientBoostingOptions` over their defaults
   * @param defaultObjective the loss when `options.objective` is undefined
   */
  protected constructor(
    options: Partial<GradientBoostingOptions>,
    private readonly defaultObjective: string,
  ) {
    super(GRADIENT_BOOSTING_DEFAULTS, options);
  }

  /** Trains on (X, y) with the options' objective or the default one; returns this. */
  protected fitNumeric(
    X: MatrixLike | ArrayLike<ArrayLike<number | null>>,
    y: VectorLike,
    fitOptions: GradientBoostingFitOptions,
    group?: ArrayLike<number>,
  ): this {
    this.state = undefined;
    const m = toMatrixWithMissing(X, "X");
    const yv = toVector(y, "y", m.rows);
    const objective = this.options.objective ?? this.defaultObjective;
    const model = this.train(m, yv, objective, {}, fitOptions, group);
    this.state = { nFeaturesIn: m.cols, model };
    return this;
  }

  /** The booster's output per row, shape (nSamples,): targets, or ranking scores. */
  predict(X: MatrixLike | ArrayLike<ArrayLike<number | null>>): Float64Array {
    return this.predictRaw(X) as Float64Array;
  }
}
