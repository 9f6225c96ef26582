/**
 * The maximum-entropy classifier of 李航《统计学习方法》§6.2–6.3: user feature functions (or the
 * indicator features of a categorical table), trained by improved iterative scaling (算法 6.1) or a
 * quasi-Newton method (算法 6.2: BFGS; DFP of 习题 6.3; L-BFGS).
 *
 * @module
 */
import { ShapeError, ValueError } from "../core/errors.ts";
import {
  Estimator,
  type EstimatorJSON,
  type FittedState,
  readEstimatorJSON,
} from "../core/estimator.ts";
import { ClassifierEstimator, type ClassifierState } from "../core/classifier.ts";
import { argmaxRows, type Label, labelIndices } from "../core/labels.ts";
import { convergenceMessage, ConvergenceWarning, warn } from "../core/warnings.ts";
import { Matrix, type Vector } from "../core/matrix.ts";
import type { LabelLike } from "../core/validation.ts";
import { minimizeLbfgs } from "../solvers/lbfgs.ts";
import type { MinimizeResult } from "../solvers/types.ts";
import {
  type FeatureFunction,
  type FeatureTable,
  type IndicatorFeature,
  type SampleLike,
  tabulateFunctions,
  toSamples,
} from "./features.ts";
import {
  indicatorFeatures,
  indicatorName,
  tabulateIndicators,
  toCategoricalRows,
} from "./indicators.ts";
import { type IisStep, improvedIterativeScaling } from "./iis.ts";
import { checkMaxEntOptions, MAXENT_DEFAULTS, type MaxEntOptions } from "./maxent_options.ts";
import { conditionalProbabilities, MaxEntObjective } from "./objective.ts";
import { minimizeQuasiNewton } from "./quasi_newton.ts";

/** What {@link MaxEnt} learns (saved by `toJSON`). */
export interface MaxEntState extends ClassifierState {
  /** w, one weight per feature. */
  weights: Vector;
  /** The indicator features, or null for user functions. */
  indicators: IndicatorFeature[] | null;
  /** Solver iterations. */
  nIter: number;
  /** True when the solver met `tol`. */
  converged: boolean;
  /** Objective evaluations. */
  nEvaluations: number;
  /** The objective after each iteration. */
  lossHistory: Vector;
  /** L_P̃(P_w) after each iteration. */
  logLikelihoodHistory: Vector;
  /** How IIS solved for δ (null for other solvers). */
  iisStep: IisStep | null;
}

/**
 * Maximum-entropy classifier P_w(y|x) = exp(Σᵢ wᵢ fᵢ(x, y)) / Z_w(x) (李航 (6.22)).
 *
 * Fitting maximises the conditional log-likelihood L_P̃(P_w), which equals the dual of the
 * maximum-entropy problem (derivation in objective.ts), minus an optional (α/2)‖w‖², α = 1/(C·n).
 * With indicator features over all (value, class) pairs it is multinomial logistic regression on
 * one-hot columns without intercept (two classes: binary logistic regression with twice the C).
 * `nFeaturesIn` is the row length when samples are arrays, 0 otherwise.
 *
 * @example
 * ```ts
 * import { MaxEnt } from "../mod.ts";
 * import { assertAlmostEquals, assertEquals } from "@std/assert";
 *
 * const X = [["sunny", "hot"], ["rain", "mild"], ["sunny", "mild"], ["rain", "hot"]];
 * const y = ["no", "yes", "yes", "no"];
 * const model = new MaxEnt({ solver: "iis", penalty: "l2" }).fit(X, y);
 * assertEquals(model.classes, ["no", "yes"]);
 * const [[pNo, pYes]] = model.predictProba([["sunny", "hot"]]).toArray();
 * assertAlmostEquals(pNo + pYes, 1);
 * assertEquals(model.predict([["sunny", "hot"], ["rain", "mild"]]), ["no", "yes"]);
 * // features of your own: any fᵢ(x, y)
 * const custom = new MaxEnt<string[]>({
 *   features: [(x, y) => (x[0] === "rain" && y === "yes" ? 1 : 0), (x, y) => (y === "no" ? 1 : 0)],
 * }).fit(X, y);
 * assertEquals(custom.predictProba([["rain", "hot"]]).rows, 1);
 * ```
 */
export class MaxEnt<X = unknown>
  extends ClassifierEstimator<MaxEntOptions<X>, MaxEntState, SampleLike<X>> {
  /** "MaxEnt", the name `toJSON` records and `fromJSON` checks. */
  readonly className = "MaxEnt";

  /** Creates an unfitted MaxEnt; see {@link MaxEntOptions} for the options and their defaults. */
  constructor(options: Partial<MaxEntOptions<X>> = {}) {
    super(MAXENT_DEFAULTS as MaxEntOptions<X>, options);
    checkMaxEntOptions(this.options);
  }

  /**
   * Builds the objective J(w) that `fit` minimises, on (X, y): useful to inspect or check the
   * gradient. Indicator features are derived from this X and y.
   * @param X samples, length nSamples (rows of categories for indicator features)
   * @param y labels, length nSamples
   */
  objective(X: SampleLike<X>, y: LabelLike): MaxEntObjective {
    return this.prepare(X, y).objective;
  }

  /**
   * Fits the weights.
   * @param X samples, length nSamples: rows (nSamples, nFeatures) of categories for indicator
   *   features, anything the feature functions accept otherwise
   * @param y labels (numbers or strings), length nSamples, at least two classes
   */
  fit(X: SampleLike<X>, y: LabelLike): this {
    const { objective, classes, indicators, nFeaturesIn } = this.prepare(X, y);
    const { solver, maxIter, tol } = this.options;
    const x0 = new Float64Array(objective.size);
    let result: MinimizeResult;
    let iisStep: IisStep | null = null;
    if (solver === "iis") {
      const r = improvedIterativeScaling(objective, { maxIter, tol });
      iisStep = r.step;
      result = r;
    } else if (solver === "lbfgs") result = minimizeLbfgs(objective, x0, { maxIter, tol });
    else result = minimizeQuasiNewton(objective, x0, { maxIter, tol, update: solver });
    if (!result.converged && result.nIter >= maxIter) {
      warn(new ConvergenceWarning(convergenceMessage(this.className, maxIter)));
    }
    const logLikelihoodHistory = result.history.map((v) =>
      objective.alpha === 0 ? -v : objective.logLikelihoodOf.get(v) ?? Number.NaN
    );
    this.state = {
      nFeaturesIn,
      classes,
      weights: result.x,
      indicators,
      nIter: result.nIter,
      converged: result.converged,
      nEvaluations: result.nEvaluations,
      lossHistory: result.history,
      logLikelihoodHistory,
      iisStep,
    };
    return this;
  }

  /** Encodes y, builds the feature table and the objective. */
  private prepare(X: SampleLike<X>, y: LabelLike): {
    objective: MaxEntObjective;
    classes: Label[];
    indicators: IndicatorFeature[] | null;
    nFeaturesIn: number;
  } {
    const samples = toSamples(X);
    const { classes, indices } = this.encodeTarget(y, samples.length);
    let table: FeatureTable, indicators: IndicatorFeature[] | null = null, nFeaturesIn = 0;
    if (this.options.features === "indicator") {
      const rows = toCategoricalRows(samples);
      indicators = indicatorFeatures(rows, indices, classes, this.options.indicatorPairs);
      table = tabulateIndicators(rows, indicators, classes);
      nFeaturesIn = rows[0].length;
    } else {
      table = tabulateFunctions(samples, this.options.features, classes);
      if (Array.isArray(samples[0])) nFeaturesIn = samples[0].length;
    }
    const { penalty, C } = this.options;
    const alpha = penalty === "l2" ? 1 / (C * samples.length) : 0;
    return {
      objective: new MaxEntObjective(table, indices, alpha),
      classes,
      indicators,
      nFeaturesIn,
    };
  }

  /** The feature table of new samples, with the fitted features and classes. */
  private table(X: SampleLike<X>): FeatureTable {
    const { indicators, classes, nFeaturesIn } = this.fitted();
    const samples = toSamples(X);
    if (indicators) {
      const rows = toCategoricalRows(samples);
      if (rows[0].length !== nFeaturesIn) {
        throw new ShapeError(
          `X has ${
            rows[0].length
          } features, but MaxEnt is expecting ${nFeaturesIn} features as input.`,
        );
      }
      return tabulateIndicators(rows, indicators, classes);
    }
    if (this.options.features === "indicator") {
      throw new ValueError(
        "This MaxEnt was restored from JSON without its feature functions; pass them as the " +
          "second argument of MaxEnt.fromJSON(json, features).",
      );
    }
    return tabulateFunctions(samples, this.options.features, classes);
  }

  /**
   * P_w(y | x) for every class, columns in the order of `classes`.
   * @param X samples, length nSamples
   * @returns shape (nSamples, nClasses), rows summing to 1
   */
  predictProba(X: SampleLike<X>): Matrix {
    const table = this.table(X);
    const out = new Matrix(table.nSamples, table.nClasses);
    conditionalProbabilities(table, this.fitted().weights, out.data);
    return out;
  }

  /**
   * The most probable class of each sample.
   * @param X samples, length nSamples
   */
  predict(X: SampleLike<X>): Label[] {
    const proba = this.predictProba(X);
    const { classes } = this.fitted();
    return Array.from(argmaxRows(proba.data, proba.rows, proba.cols), (k) => classes[k]);
  }

  /**
   * The empirical and model expectations of every feature on (X, y) (李航 (6.10), (6.11)); at an
   * unpenalised optimum they are equal: the maximum-entropy constraints.
   * @param X samples, length nSamples
   * @param y labels, length nSamples
   */
  expectations(X: SampleLike<X>, y: LabelLike): { empirical: Vector; model: Vector } {
    const objective = this.evaluate(X, y);
    return { empirical: objective.empirical.slice(), model: objective.expected.slice() };
  }

  /**
   * The average conditional log-likelihood (1/n) Σₛ log P_w(yₛ | xₛ) (李航 (6.26)).
   * @param X samples, length nSamples
   * @param y labels, length nSamples
   */
  logLikelihood(X: SampleLike<X>, y: LabelLike): number {
    return this.evaluate(X, y).logLikelihood;
  }

  /** The objective at the fitted weights on (X, y). */
  private evaluate(X: SampleLike<X>, y: LabelLike): MaxEntObjective {
    const table = this.table(X);
    const indices = labelIndices(y, this.fitted().classes, table.nSamples);
    const objective = new MaxEntObjective(table, indices, 0);
    objective.valueAndGradient(this.fitted().weights, new Float64Array(objective.size));
    return objective;
  }

  /** The weights wᵢ, one per feature. */
  get weights(): Vector {
    return this.fitted().weights.slice();
  }

  /** The indicator features (column, value, label), or null when the features are functions. */
  get indicators(): IndicatorFeature[] | null {
    return this.fitted().indicators?.map((f) => ({ ...f })) ?? null;
  }

  /** One name per feature: `x[j]="v" ∧ y="c"` for indicators, the function's name otherwise. */
  featureNames(columnNames?: readonly string[]): string[] {
    const { indicators, weights } = this.fitted();
    if (indicators) return indicators.map((f) => indicatorName(f, columnNames));
    const fns = this.options.features as readonly FeatureFunction<X>[];
    return Array.from(weights, (_, i) => fns[i]?.name || `f${i}`);
  }

  /** Number of iterations run (IIS sweeps or quasi-Newton steps). */
  get nIter(): number {
    return this.fitted().nIter;
  }

  /** Whether the gradient tolerance was met within `maxIter`. */
  get converged(): boolean {
    return this.fitted().converged;
  }

  /** Number of evaluations of J and ∇J (line searches cost several per step; IIS one per sweep). */
  get nEvaluations(): number {
    return this.fitted().nEvaluations;
  }

  /** J(w) = −L_P̃(P_w) + (α/2)‖w‖² at the start and after every iteration. */
  get lossHistory(): Vector {
    return this.fitted().lossHistory.slice();
  }

  /** L_P̃(P_w), the average log-likelihood, at the start and after every iteration. */
  get logLikelihoodHistory(): Vector {
    return this.fitted().logLikelihoodHistory.slice();
  }

  /** How IIS solved for δᵢ: `"closed-form"` (f# constant, GIS step) or `"newton"`; null for other solvers. */
  get iisStep(): IisStep | null {
    return this.fitted().iisStep;
  }

  /** JSON cannot hold functions: user feature functions are recorded by count only. */
  override toJSON(): EstimatorJSON {
    const json = super.toJSON();
    if (this.options.features !== "indicator") {
      json.options = {
        ...json.options,
        features: "indicator",
        customFeatures: this.options.features.length,
      };
    }
    return json;
  }

  /**
   * Restores a model saved with `toJSON()`. A model fitted on feature functions needs the same
   * functions again.
   * @param json what `toJSON()` returned, or its string
   * @param features the feature functions, for a model fitted with them
   */
  static override fromJSON<T extends Estimator<object, FittedState>>(
    this: new (options?: never) => T,
    json: EstimatorJSON | string,
    features?: readonly FeatureFunction<never>[],
  ): T {
    const parsed = { ...readEstimatorJSON(json, "MaxEnt") };
    const { customFeatures, ...options } = parsed.options as { customFeatures?: number };
    if (customFeatures !== undefined && features !== undefined) {
      if (features.length !== customFeatures) {
        throw new ValueError(
          `This MaxEnt was fitted with ${customFeatures} feature functions. Got ${features.length}.`,
        );
      }
      (options as Record<string, unknown>).features = features;
    }
    return Estimator.fromJSON.call(this, { ...parsed, options }) as T;
  }
}
