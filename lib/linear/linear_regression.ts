/**
 * Ordinary least squares, two ways: the closed form (QR least squares) and minibatch SGD as in
 * d2l §3.2 "Linear Regression Implementation from Scratch".
 *
 * Model  ŷ = X w + b.  Loss (squared, d2l's halved form)  l(w, b) = (1/n) Σᵢ ½ (xᵢ·w + b − yᵢ)².
 *
 * @module
 */
import { checkOptions } from "../core/options.ts";
import {
  checkBoolean,
  checkInteger,
  checkNumber,
  checkOneOf,
  type FittedState,
  lstsq,
  Matrix,
  type MatrixLike,
  Random,
  RegressorEstimator,
  toMatrix,
  toVector,
  type Vector,
  type VectorLike,
} from "../core/mod.ts";
import { squaredLoss, squaredLossGradient } from "./squared_loss.ts";
import { ValueError } from "../core/errors.ts";
import { type FitOptions, toSampleWeight } from "../core/sample_weight.ts";
import {
  coefficientStdErr,
  singularDesignError,
  type StdErrResult,
  type SummaryRow,
  summaryRows,
  termNames,
} from "./summary.ts";

/** Options of {@link LinearRegression}. */
export interface LinearRegressionOptions {
  /** Learn an intercept b; when false the model is ŷ = X w. @default true */
  fitIntercept: boolean;
  /** "lstsq": closed form by QR; "sgd": minibatch stochastic gradient descent. @default "lstsq" */
  solver: "lstsq" | "sgd";
  /** SGD step size η. @default 0.03 */
  learningRate: number;
  /** SGD minibatch size. @default 10 */
  batchSize: number;
  /** SGD passes over the data. @default 3 */
  epochs: number;
  /** SGD initial weights are drawn from N(0, initStd²); b starts at 0. @default 0.01 */
  initStd: number;
  /** Seed for the initial weights and the minibatch shuffles. @default 0 */
  seed: number;
}

const DEFAULTS: LinearRegressionOptions = {
  fitIntercept: true,
  solver: "lstsq",
  learningRate: 0.03,
  batchSize: 10,
  epochs: 3,
  initStd: 0.01,
  seed: 0,
};

/** What {@link LinearRegression} learns (saved by `toJSON`). */
export interface LinearRegressionState extends FittedState {
  /** w, one weight per feature. */
  coef: Vector;
  /** b (0 without `fitIntercept`). */
  intercept: number;
  /** SGD only: the training loss after each epoch (empty for lstsq). */
  lossHistory: Vector;
  /** Closed form only: standard errors, intercept first (empty for SGD or when singular). */
  stdErr?: Vector;
  /** Closed form only: design columns (intercept first) in an exact linear dependence. */
  collinear?: number[];
}

/**
 * Linear regression by least squares or minibatch SGD.
 *
 * Closed form: with the column of ones appended, w* = argmin ‖Xw − y‖², solved by Householder QR
 * (never forming XᵀX, whose condition number is the square of X's).
 * SGD: for each minibatch B, (w, b) ← (w, b) − η ∇ l_B(w, b), with the gradient from
 * `squaredLossGradient`. `lossHistory[e]` is the full-data loss after epoch e + 1.
 *
 * @example
 * ```ts
 * import { LinearRegression } from "../mod.ts";
 * import { assertAlmostEquals } from "@std/assert";
 *
 * const model = new LinearRegression().fit([[1], [2], [3]], [3, 5, 7]); // y = 2x + 1
 * assertAlmostEquals(model.coef[0], 2);
 * assertAlmostEquals(model.intercept, 1);
 * assertAlmostEquals(model.score([[4]], [9]), 1);
 * ```
 */
export class LinearRegression
  extends RegressorEstimator<LinearRegressionOptions, LinearRegressionState> {
  /** "LinearRegression", the name `toJSON` records and `fromJSON` checks. */
  readonly className = "LinearRegression";

  /**
   * Creates an unfitted LinearRegression; see {@link LinearRegressionOptions}
   * for the options and their defaults.
   */
  constructor(options: Partial<LinearRegressionOptions> = {}) {
    super(DEFAULTS, options);
    const o = this.options;
    checkBoolean("fitIntercept", o.fitIntercept);
    checkOneOf("solver", o.solver, ["lstsq", "sgd"] as const);
    checkNumber("learningRate", o.learningRate, { min: 0, exclusiveMin: true });
    checkInteger("batchSize", o.batchSize, 1);
    checkInteger("epochs", o.epochs, 1);
    checkNumber("initStd", o.initStd, { min: 0 });
    checkInteger("seed", o.seed);
  }

  /** Weights w, one per feature. */
  get coef(): Vector {
    return this.fitted().coef.slice();
  }

  /** Bias b (0 when `fitIntercept` is false). */
  get intercept(): number {
    return this.fitted().intercept;
  }

  /** SGD: the full-data loss (1/n) Σ ½ (ŷ − y)² after each epoch. Empty for the closed form. */
  get lossHistory(): Vector {
    return this.fitted().lossHistory;
  }

  /**
   * Fits w and b: least squares in closed form (ESL §3.2) or minibatch SGD (d2l §3.4).
   * @param X shape (nSamples, nFeatures)
   * @param y shape (nSamples,)
   * @param fitOptions `sampleWeight`, shape (nSamples,): weighted least squares Σ wᵢ(yᵢ − ŷᵢ)²
   * (solver "lstsq"; scikit-learn's `sample_weight`)
   */
  fit(X: MatrixLike, y: VectorLike, fitOptions: FitOptions = {}): this {
    const Xm = toMatrix(X, "X");
    const yv = toVector(y, "y", Xm.rows);
    checkOptions(fitOptions, ["sampleWeight"], `${this.className}.fit`);
    const w = toSampleWeight(fitOptions.sampleWeight, Xm.rows);
    if (w && this.options.solver !== "lstsq") {
      throw new ValueError("sampleWeight needs solver 'lstsq'.");
    }
    if (w) this.state = this.fitWeighted(Xm, yv, w);
    else this.state = this.options.solver === "lstsq" ? this.fitLstsq(Xm, yv) : this.fitSgd(Xm, yv);
    return this;
  }

  /** ŷ = X w + b. @param X shape (nSamples, nFeatures) @returns shape (nSamples,) */
  predict(X: MatrixLike): Vector {
    const { coef, intercept } = this.fitted();
    return this.checkPredictX(X).matvec(coef).map((v) => v + intercept);
  }

  /**
   * The coefficient table of ESL Table 3.2: estimate, standard error √(σ̂²[(AᵀA)⁻¹]ⱼⱼ) with
   * σ̂² = RSS/(n − p − 1) (ESL 3.8), and z score, intercept first. Closed-form fits only.
   * @param featureNames names of the features. @default x0, x1, ...
   * @throws ValueError naming the collinear columns when the design is singular
   */
  summary(featureNames?: readonly string[]): SummaryRow[] {
    const { coef, intercept, stdErr, collinear, nFeaturesIn } = this.fitted();
    const { fitIntercept, solver } = this.options;
    const names = termNames(featureNames, nFeaturesIn, fitIntercept);
    if (solver !== "lstsq" || stdErr === undefined) {
      throw new ValueError(
        "summary() needs a closed-form fit (solver 'lstsq') with more samples than parameters.",
      );
    }
    if (collinear && collinear.length > 0) {
      throw singularDesignError("LinearRegression.summary", names, collinear);
    }
    return summaryRows(names, fitIntercept ? [intercept, ...coef] : coef, stdErr);
  }

  /** Least squares by QR on centred data; b = ȳ − x̄·w. */
  private fitLstsq(X: Matrix, y: Vector): LinearRegressionState {
    const d = X.cols;
    // Centring X and y first and recovering b = ȳ − x̄·w is what scikit-learn does; it keeps the
    // intercept out of the least-squares problem and improves conditioning.
    const xMean = this.options.fitIntercept ? X.mean(0) : new Float64Array(d);
    const yMean = this.options.fitIntercept ? y.reduce((s, v) => s + v, 0) / y.length : 0;
    const Xc = X.broadcastRow(xMean, (a, m) => a - m);
    const yc = Matrix.column(y.map((v) => v - yMean));
    const coef = lstsq(Xc, yc).data;
    let intercept = yMean;
    for (let j = 0; j < d; j++) intercept -= xMean[j] * coef[j];
    return {
      nFeaturesIn: d,
      coef,
      intercept,
      lossHistory: new Float64Array(),
      ...this.stdErrs(X, y, coef, intercept),
    };
  }

  /**
   * Weighted least squares: centre with the weighted means, scale row i by √wᵢ, solve. No
   * standard errors (summary() is for unweighted fits).
   */
  private fitWeighted(X: Matrix, y: Vector, w: Vector): LinearRegressionState {
    const d = X.cols, n = X.rows;
    let total = 0;
    for (let i = 0; i < n; i++) total += w[i];
    const xMean = new Float64Array(d);
    let yMean = 0;
    if (this.options.fitIntercept) {
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < d; j++) xMean[j] += w[i] * X.data[i * d + j];
        yMean += w[i] * y[i];
      }
      for (let j = 0; j < d; j++) xMean[j] /= total;
      yMean /= total;
    }
    const Xc = new Matrix(n, d), yc = new Matrix(n, 1);
    for (let i = 0; i < n; i++) {
      const s = Math.sqrt(w[i]);
      for (let j = 0; j < d; j++) Xc.data[i * d + j] = s * (X.data[i * d + j] - xMean[j]);
      yc.data[i] = s * (y[i] - yMean);
    }
    const coef = lstsq(Xc, yc).data;
    let intercept = yMean;
    for (let j = 0; j < d; j++) intercept -= xMean[j] * coef[j];
    return {
      nFeaturesIn: d,
      coef,
      intercept,
      lossHistory: new Float64Array(),
      ...this.stdErrs(X, y, coef, intercept, w),
    };
  }

  /**
   * σ̂²(AᵀWA)⁻¹ with A = [1 | X]: the sampling covariance of the estimates (ESL 3.8). Weights
   * count rows (frequency weights, as `sampleWeight` means here): σ̂² = Σwᵢrᵢ²/(Σwᵢ − p − 1).
   */
  private stdErrs(
    X: Matrix,
    y: Vector,
    coef: Vector,
    b: number,
    w?: Vector,
  ): StdErrResult | Record<never, never> {
    const q = X.cols + (this.options.fitIntercept ? 1 : 0);
    const n = w ? w.reduce((s, v) => s + v, 0) : X.rows;
    if (n <= q) return {};
    const A = this.options.fitIntercept ? Matrix.ones(X.rows, 1).hstack(X) : X;
    const yHat = X.matvec(coef);
    let rss = 0;
    for (let i = 0; i < X.rows; i++) rss += (w ? w[i] : 1) * (y[i] - yHat[i] - b) ** 2;
    return coefficientStdErr(A, w ?? null, rss / (n - q));
  }

  /** Minibatch SGD on the halved squared loss, d2l §3.4's training loop. */
  private fitSgd(X: Matrix, y: Vector): LinearRegressionState {
    const { learningRate, batchSize, epochs, initStd, seed, fitIntercept } = this.options;
    const rng = new Random(seed);
    const w = rng.normalArray(X.cols, 0, initStd);
    let b = 0;
    const lossHistory = new Float64Array(epochs);
    for (let epoch = 0; epoch < epochs; epoch++) {
      const order = rng.permutation(X.rows);
      for (let start = 0; start < X.rows; start += batchSize) {
        const batch = order.subarray(start, Math.min(start + batchSize, X.rows));
        const g = squaredLossGradient(X, y, w, b, batch);
        for (let j = 0; j < w.length; j++) w[j] -= learningRate * g.w[j];
        if (fitIntercept) b -= learningRate * g.b;
      }
      lossHistory[epoch] = squaredLoss(X, y, w, b);
    }
    return { nFeaturesIn: X.cols, coef: w, intercept: b, lossHistory };
  }
}
