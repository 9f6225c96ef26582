/**
 * Logistic regression, binary and multinomial, with an L2 penalty parametrised by `C` as in
 * scikit-learn. 李航《统计学习方法》第 6 章 (§6.1), ESL §4.4, d2l §3.4.
 *
 * @module
 */
import { ClassifierEstimator, type ClassifierState } from "../core/classifier.ts";
import { argmaxRows, type Label } from "../core/labels.ts";
import { Matrix, type Vector } from "../core/matrix.ts";
import { type FitOptions, toSampleWeight } from "../core/sample_weight.ts";
import {
  checkBoolean,
  checkInteger,
  checkNumber,
  checkOneOf,
  checkOptions,
} from "../core/options.ts";
import { type LabelLike, type MatrixLike, toMatrix } from "../core/validation.ts";
import { convergenceMessage, ConvergenceWarning, warn } from "../core/warnings.ts";
import { minimizeGradientDescent } from "../solvers/gradient_descent.ts";
import { minimizeLbfgs } from "../solvers/lbfgs.ts";
import { minimizeNewton } from "../solvers/newton.ts";
import type { MinimizeResult, TwiceDifferentiableObjective } from "../solvers/types.ts";
import {
  BinaryLogisticObjective,
  type LogisticProblem,
  MultinomialLogisticObjective,
} from "./logistic_objective.ts";
import { sigmoid, softmaxRowInto } from "./softmax.ts";
import { ValueError } from "../core/errors.ts";
import { minimizeIrls } from "./irls.ts";
import {
  coefficientStdErr,
  singularDesignError,
  type SummaryRow,
  summaryRows,
  termNames,
} from "./summary.ts";

/** Options of {@link LogisticRegression}. */
export interface LogisticRegressionOptions {
  /** `"l2"` adds ½‖w‖² to C·Σ loss; `"none"` is plain maximum likelihood (李航 §6.1.3). @default "l2" */
  penalty: "l2" | "none";
  /** Inverse regularisation strength: larger C, weaker penalty. @default 1 */
  C: number;
  /** Learn an (unpenalised) intercept per class. @default true */
  fitIntercept: boolean;
  /**
   * `"lbfgs"` (quasi-Newton, strong-Wolfe line search), `"newton"` (Newton/IRLS, exact Hessian;
   * cost grows with (K·p)² per iteration), `"gd"` (fixed-step gradient descent, for teaching),
   * `"irls"` (two classes: iteratively reweighted least squares by QR, ESL §4.4.1; see `irls.ts`).
   * @default "lbfgs"
   */
  solver: "lbfgs" | "newton" | "gd" | "irls";
  /** Maximum number of iterations. @default 100 */
  maxIter: number;
  /**
   * Stop when max |∂J/∂θ| ≤ tol, J the objective scaled by 1/(C·n) (see {@link LogisticRegression}).
   * Tighter than scikit-learn's 1e-4 (a different test) so coefficients agree to ~1e-6; round-off
   * usually stalls the line searches near 1e-9, below which `converged` stays false.
   * @default 1e-8
   */
  tol: number;
  /** Step size of `solver: "gd"` on the scaled objective; ignored by the other solvers. @default 0.1 */
  learningRate: number;
}

/** What {@link LogisticRegression} learns (saved by `toJSON`). */
export interface LogisticRegressionState extends ClassifierState {
  /** W, shape (1, nFeatures) for two classes, else (nClasses, nFeatures). */
  coef: Matrix;
  /** b, one per row of coef. */
  intercept: Vector;
  /** Solver iterations. */
  nIter: number;
  /** True when the solver met `tol`. */
  converged: boolean;
  /** The objective after each iteration. */
  lossHistory: Vector;
  /** Unpenalised binary fits: standard errors, intercept first. */
  stdErr?: Vector;
  /** Unpenalised binary fits: columns (intercept first) of a singular X̃ᵀWX̃. */
  collinear?: number[];
}

const DEFAULTS: LogisticRegressionOptions = {
  penalty: "l2",
  C: 1,
  fitIntercept: true,
  solver: "lbfgs",
  maxIter: 100,
  tol: 1e-8,
  learningRate: 0.1,
};

/**
 * Logistic regression classifier.
 *
 * Two classes (binary): P(y = classes[1] | x) = σ(wᵀx + b), one weight row. Three or more:
 * P(y = k | x) = softmax(Wx + b)ₖ, one row per class (multinomial, as scikit-learn's default).
 * Fitting minimises scikit-learn's objective C·Σᵢ ℓᵢ + ½‖W‖² (ℓ the negative log-likelihood,
 * intercepts unpenalised), internally divided by C·n: J = (1/n)Σᵢ ℓᵢ + ‖W‖²/(2Cn). Same minimiser;
 * `tol`, `learningRate` and `lossHistory` refer to J. Gradient and Hessian: `logistic_objective.ts`.
 *
 * @example
 * ```ts
 * import { loadBreastCancer, LogisticRegression, StandardScaler } from "../mod.ts";
 * import { assertEquals, assertGreater } from "@std/assert";
 *
 * const { X, y } = loadBreastCancer();
 * const Z = new StandardScaler().fitTransform(X);
 * const model = new LogisticRegression({ C: 1 }).fit(Z, y);
 * assertEquals(model.coef.shape, [1, 30]);
 * assertGreater(model.score(Z, y), 0.98); // training accuracy ≈ 0.99
 * ```
 */
export class LogisticRegression
  extends ClassifierEstimator<LogisticRegressionOptions, LogisticRegressionState> {
  /** "LogisticRegression", the name `toJSON` records and `fromJSON` checks. */
  readonly className = "LogisticRegression";

  /**
   * Creates an unfitted LogisticRegression; see {@link LogisticRegressionOptions}
   * for the options and their defaults.
   */
  constructor(options: Partial<LogisticRegressionOptions> = {}) {
    super(DEFAULTS, options);
    const o = this.options;
    checkOneOf("penalty", o.penalty, ["l2", "none"] as const);
    checkNumber("C", o.C, { min: 0, exclusiveMin: true });
    checkBoolean("fitIntercept", o.fitIntercept);
    checkOneOf("solver", o.solver, ["lbfgs", "newton", "gd", "irls"] as const);
    checkInteger("maxIter", o.maxIter, 1);
    checkNumber("tol", o.tol, { min: 0 });
    checkNumber("learningRate", o.learningRate, { min: 0, exclusiveMin: true });
  }

  /**
   * Fits the model.
   * @param X shape (nSamples, nFeatures), finite
   * @param y labels (numbers or strings), length nSamples, at least two distinct values
   * @param fitOptions `sampleWeight`, length nSamples: minimises C·Σ wᵢℓᵢ + ½‖w‖² (scikit-learn's)
   */
  fit(X: MatrixLike, y: LabelLike, fitOptions: FitOptions = {}): this {
    const m = toMatrix(X, "X");
    const { classes, indices } = this.encodeTarget(y, m.rows);
    const { penalty, C, fitIntercept, solver, maxIter, tol, learningRate } = this.options;
    checkOptions(fitOptions, ["sampleWeight"], `${this.className}.fit`);
    const sampleWeight = toSampleWeight(fitOptions.sampleWeight, m.rows);
    if (sampleWeight && solver === "irls") {
      throw new ValueError("sampleWeight needs solver 'lbfgs', 'newton' or 'gd', not 'irls'.");
    }
    const total = sampleWeight ? sampleWeight.reduce((s, w) => s + w, 0) : m.rows;
    const problem: LogisticProblem = {
      X: m,
      fitIntercept,
      alpha: penalty === "l2" ? 1 / (C * total) : 0,
      sampleWeight,
    };
    const binary = classes.length === 2;
    const objective: TwiceDifferentiableObjective = binary
      ? new BinaryLogisticObjective(problem, Float64Array.from(indices))
      : new MultinomialLogisticObjective(problem, indices, classes.length);
    const x0 = new Float64Array(objective.size);
    let result: MinimizeResult;
    if (solver === "irls") {
      if (!(objective instanceof BinaryLogisticObjective)) {
        throw new ValueError(`solver 'irls' fits two classes. Got ${classes.length} classes.`);
      }
      result = minimizeIrls(objective, x0, { maxIter, tol });
    } else if (solver === "newton") result = minimizeNewton(objective, x0, { maxIter, tol });
    else if (solver === "gd") {
      result = minimizeGradientDescent(objective, x0, { maxIter, tol, learningRate });
    } else result = minimizeLbfgs(objective, x0, { maxIter, tol });
    if (objective instanceof MultinomialLogisticObjective) objective.centre(result.x);
    if (!result.converged && result.nIter >= maxIter) {
      warn(new ConvergenceWarning(convergenceMessage(this.className, maxIter)));
    }

    const p = m.cols, q = p + (fitIntercept ? 1 : 0), rows = binary ? 1 : classes.length;
    const coef = new Matrix(rows, p);
    const intercept = new Float64Array(rows);
    for (let k = 0; k < rows; k++) {
      coef.data.set(result.x.subarray(k * q, k * q + p), k * p);
      if (fitIntercept) intercept[k] = result.x[k * q + p];
    }
    this.state = {
      nFeaturesIn: p,
      classes,
      coef,
      intercept,
      nIter: result.nIter,
      converged: result.converged,
      lossHistory: result.history,
      ...(binary && penalty === "none" ? fisherStdErr(m, result.x, fitIntercept) : {}),
    };
    return this;
  }

  /**
   * ESL Table 4.2: estimate, standard error (√ of the diagonal of the inverse Fisher information
   * (X̃ᵀWX̃)⁻¹ at the MLE) and z score per term, intercept first. Unpenalised binary fits only.
   * @param featureNames names of the features. @default x0, x1, ...
   * @throws ValueError naming the collinear columns when X̃ᵀWX̃ is singular
   */
  summary(featureNames?: readonly string[]): SummaryRow[] {
    const { coef, intercept, stdErr, collinear, nFeaturesIn } = this.fitted();
    const { fitIntercept } = this.options;
    const names = termNames(featureNames, nFeaturesIn, fitIntercept);
    if (stdErr === undefined) {
      throw new ValueError("summary() needs an unpenalised (penalty: 'none') two-class fit.");
    }
    if (collinear && collinear.length > 0) {
      throw singularDesignError("LogisticRegression.summary", names, collinear);
    }
    const b = Array.from(coef.data);
    return summaryRows(names, fitIntercept ? [intercept[0], ...b] : b, stdErr);
  }

  /**
   * Scores z = XWᵀ + b: shape (nSamples, 1) for two classes (the log-odds of `classes[1]`),
   * (nSamples, nClasses) otherwise.
   * @param X shape (nSamples, nFeatures)
   */
  decisionFunction(X: MatrixLike): Matrix {
    const m = this.checkPredictX(X);
    const { coef, intercept } = this.fitted();
    const { rows: n, cols: p } = m;
    const K = coef.rows;
    const out = new Matrix(n, K);
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < K; k++) {
        let s = intercept[k];
        for (let j = 0; j < p; j++) s += coef.data[k * p + j] * m.data[i * p + j];
        out.data[i * K + k] = s;
      }
    }
    return out;
  }

  /**
   * Class probabilities, columns in the order of `classes`; binary rows are [1 − σ(z), σ(z)].
   * @param X shape (nSamples, nFeatures)
   * @returns shape (nSamples, nClasses), rows summing to 1
   */
  predictProba(X: MatrixLike): Matrix {
    const z = this.decisionFunction(X);
    const K = this.fitted().classes.length;
    const out = new Matrix(z.rows, K);
    for (let i = 0; i < z.rows; i++) {
      if (K === 2) {
        const s = sigmoid(z.data[i]);
        out.data[2 * i] = 1 - s;
        out.data[2 * i + 1] = s;
      } else softmaxRowInto(z.row(i), out.row(i));
    }
    return out;
  }

  /**
   * The most probable class of each sample.
   * @param X shape (nSamples, nFeatures)
   * @returns labels, length nSamples
   */
  predict(X: MatrixLike): Label[] {
    const proba = this.predictProba(X);
    const { classes } = this.fitted();
    return Array.from(argmaxRows(proba.data, proba.rows, proba.cols), (k) => classes[k]);
  }

  /** Weights, shape (1, nFeatures) for two classes, (nClasses, nFeatures) otherwise. */
  get coef(): Matrix {
    return this.fitted().coef.clone();
  }

  /** Intercepts, length 1 for two classes, nClasses otherwise (0 without `fitIntercept`). */
  get intercept(): Vector {
    return this.fitted().intercept.slice();
  }

  /** Number of solver iterations run. */
  get nIter(): number {
    return this.fitted().nIter;
  }

  /** Whether the gradient tolerance was met within `maxIter`. */
  get converged(): boolean {
    return this.fitted().converged;
  }

  /** The scaled objective J at the start and after each iteration (length nIter + 1). */
  get lossHistory(): Vector {
    return this.fitted().lossHistory.slice();
  }
}

/** Standard errors from the inverse Fisher information at θ (layout [w, b]), intercept first. */
function fisherStdErr(X: Matrix, theta: Vector, fitIntercept: boolean) {
  const n = X.rows, p = X.cols;
  const A = fitIntercept ? Matrix.ones(n, 1).hstack(X) : X;
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let z = fitIntercept ? theta[p] : 0;
    for (let j = 0; j < p; j++) z += theta[j] * X.data[i * p + j];
    const mu = sigmoid(z);
    w[i] = mu * (1 - mu);
  }
  return coefficientStdErr(A, w, 1);
}
