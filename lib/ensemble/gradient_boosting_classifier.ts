/**
 * `GradientBoostingClassifier`: XGBoost's `XGBClassifier` in the project's estimator protocol.
 *
 * @module
 */
import {
  classifierScore,
  encodeLabels,
  labelIndices,
  type LabelLike,
  type MatrixLike,
} from "../core/mod.ts";
import {
  GRADIENT_BOOSTING_DEFAULTS,
  GradientBoostingBase,
  type GradientBoostingFitOptions,
  type GradientBoostingOptions,
} from "./gradient_boosting_base.ts";
import { toMatrixWithMissing } from "./input.ts";

/** A class label. */
export type Cell = number | string;

/**
 * Gradient-boosted classification trees: logistic loss for two classes (`binary`), softmax for
 * more (`multiclass`, one tree per class and round). Labels may be numbers or strings; missing
 * values (NaN) are allowed in X.
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { GradientBoostingClassifier } from "../mod.ts";
 * const X = [[1, 0], [2, 1], [3, 0], [6, 1], [7, 0], [8, 1]];
 * const y = ["no", "no", "no", "yes", "yes", "yes"];
 * const model = new GradientBoostingClassifier({ nEstimators: 10, minChildWeight: 0 }).fit(X, y);
 * assertEquals(model.predict([[1.5, 0], [7.5, 1]]), ["no", "yes"]);
 * ```
 */
export class GradientBoostingClassifier extends GradientBoostingBase {
  /** The class name saved in JSON. */
  readonly className = "GradientBoostingClassifier";

  /**
   * Stores the options (checked when `fit` trains).
   * @param options `GradientBoostingOptions` over their defaults
   */
  constructor(options: Partial<GradientBoostingOptions> = {}) {
    super(GRADIENT_BOOSTING_DEFAULTS, options);
  }

  /** The sorted class labels (a copy); columns of `predictProba` follow this order. */
  get classes(): Cell[] {
    return [...this.fitted().classes!];
  }

  /**
   * Trains the booster on (X, y); returns this.
   * @param X shape (nSamples, nFeatures); NaN or null marks a missing value
   * @param y class labels, shape (nSamples,)
   */
  fit(
    X: MatrixLike | ArrayLike<ArrayLike<number | null>>,
    y: LabelLike,
    fitOptions: GradientBoostingFitOptions = {},
  ): this {
    this.state = undefined;
    const m = toMatrixWithMissing(X, "X");
    // Mixed label kinds, a continuous y and a single class are refused (lib/core/labels.ts).
    const { classes, indices } = encodeLabels(y, {
      nSamples: m.rows,
      estimator: this.className,
      regressor: "GradientBoostingRegressor",
    });
    const encode = (v: LabelLike) => Float64Array.from(labelIndices(v, classes));
    const binary = classes.length === 2;
    const objective = this.options.objective ?? (binary ? "binary" : "multiclass");
    const evalSet = fitOptions.evalSet && {
      ...fitOptions.evalSet,
      y: encode(fitOptions.evalSet.y as LabelLike),
    };
    const model = this.train(
      m,
      Float64Array.from(indices),
      objective,
      binary ? {} : { numClass: classes.length },
      { ...fitOptions, evalSet },
    );
    this.state = { nFeaturesIn: m.cols, model, classes };
    return this;
  }

  /** Class probabilities, shape (nSamples, nClasses), columns in `classes` order. */
  predictProba(X: MatrixLike | ArrayLike<ArrayLike<number | null>>): number[][] {
    const out = this.predictRaw(X);
    if (Array.isArray(out)) return out;
    return Array.from(out as Float64Array, (p) => [1 - p, p]);
  }

  /** The most probable class of each row. */
  predict(X: MatrixLike | ArrayLike<ArrayLike<number | null>>): Cell[] {
    const classes = this.fitted().classes!;
    return this.predictProba(X).map((row) => {
      let best = 0;
      for (let k = 1; k < row.length; k++) if (row[k] > row[best]) best = k;
      return classes[best];
    });
  }

  /** Accuracy of the predictions on (X, y). */
  score(X: MatrixLike | ArrayLike<ArrayLike<number | null>>, y: LabelLike): number {
    return classifierScore(this.predict(X), y);
  }
}
