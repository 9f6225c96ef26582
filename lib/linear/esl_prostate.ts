/**
 * ESL §3.2-3.5 on the prostate cancer data: the book's preprocessing (every predictor scaled to
 * mean 0 and unit variance over all 97 men, as R's `scale()`: standard deviation with n − 1), the
 * 67/30 train/test split, and Table 3.3 — every method of the chapter with its complexity chosen
 * by 10-fold cross-validation and the one-standard-error rule, then scored on the test set.
 *
 * @module
 */
import { Matrix, type Vector } from "../core/matrix.ts";
import { checkOptions } from "../core/options.ts";
import { crossValidationCurve, type CvCurve, oneStandardErrorRule } from "./cross_validation.ts";
import { centre, interceptFrom } from "./center.ts";
import { larsPath, lassoAtShrinkage } from "./lars.ts";
import { LinearRegression } from "./linear_regression.ts";
import { PCR } from "./pcr.ts";
import { PLSRegression } from "./pls.ts";
import { ridgeAlphaForDf, ridgePath } from "./ridge.ts";
import { bestSubset } from "./subset.ts";
import { svd } from "../core/linalg.ts";

/** The parts of `loadProstate()`'s result used here (lib/data's `ProstateData` fits). */
export interface ProstateLike {
  /** The 97 × 8 predictors, unscaled. */
  X: ArrayLike<ArrayLike<number>>;
  /** lpsa, one per row. */
  y: ArrayLike<number>;
  /** true for the 67 training rows. */
  train: ArrayLike<boolean>;
  /** The predictors' names. */
  featureNames: readonly string[];
}

/** Standardised training and test sets of ESL §3.2. */
export interface ProstateDesign {
  /** Standardised predictors of the 67 training rows. */
  Xtrain: Matrix;
  /** lpsa of the training rows. */
  ytrain: Vector;
  /** Standardised predictors of the 30 test rows (same scaling). */
  Xtest: Matrix;
  /** lpsa of the test rows. */
  ytest: Vector;
  /** The predictors' names. */
  featureNames: string[];
}

/**
 * Columns scaled to mean 0 and standard deviation 1 (divisor n − 1, R's `scale()`).
 * @param X shape (nSamples, nFeatures)
 */
export function scaleColumns(X: Matrix): Matrix {
  const mean = X.mean(0);
  const sd = new Float64Array(X.cols);
  for (let i = 0; i < X.rows; i++) {
    for (let j = 0; j < X.cols; j++) sd[j] += (X.data[i * X.cols + j] - mean[j]) ** 2;
  }
  for (let j = 0; j < X.cols; j++) sd[j] = Math.sqrt(sd[j] / (X.rows - 1)) || 1;
  return X.map((v, _i, j) => (v - mean[j]) / sd[j]);
}

/**
 * The book's design: predictors standardised over all 97 rows, split by the `train` column.
 * With it, least squares on the 67 training rows gives Table 3.2 to every printed digit.
 * @example
 * ```ts
 * import { assertEquals } from "@std/assert";
 * import { loadProstate, prostateDesign } from "../mod.ts";
 * const d = prostateDesign(await loadProstate());
 * assertEquals([d.Xtrain.shape, d.Xtest.shape], [[67, 8], [30, 8]]);
 * ```
 */
export function prostateDesign(data: ProstateLike): ProstateDesign {
  const Z = scaleColumns(Matrix.from2D(data.X));
  const tr: number[] = [], te: number[] = [];
  for (let i = 0; i < Z.rows; i++) (data.train[i] ? tr : te).push(i);
  return {
    Xtrain: Z.selectRows(tr),
    ytrain: Float64Array.from(tr, (i) => data.y[i]),
    Xtest: Z.selectRows(te),
    ytest: Float64Array.from(te, (i) => data.y[i]),
    featureNames: [...data.featureNames],
  };
}

/** One column of ESL Table 3.3. */
export interface Table33Column {
  /** The column's method, as the book heads it. */
  method: "LS" | "Best Subset" | "Ridge" | "Lasso" | "PCR" | "PLS";
  /** The complexity grid (subset size, df, shrinkage s, or number of directions). */
  complexities: number[];
  /** What the complexity measures. */
  complexityName: string;
  /** The cross-validation curve over `complexities` (absent for LS). */
  cv?: CvCurve;
  /** The complexity picked by the one-standard-error rule. */
  chosen: number;
  /** Intercept then one coefficient per feature, fitted on all 67 training rows. */
  coef: number[];
  /** Mean squared error on the 30 test rows. */
  testError: number;
  /** Its standard error: sd of the squared errors / √30. */
  testStdErr: number;
}

/** Options of {@link eslTable33}. */
export interface Table33Options {
  /** Number of CV folds. @default 10 */
  folds?: number;
  /** Seed of the fold assignment (the book's folds are unknown). @default 0 */
  seed?: number;
  /** Grid of lasso shrinkage factors s. @default 0, 0.02, ..., 1 */
  shrinkage?: number[];
}

/** Mean squared error and its standard error on a test set. */
export function testErrorWithSE(y: Vector, yHat: Vector): { error: number; stdErr: number } {
  const e = y.map((v, i) => (v - yHat[i]) ** 2);
  const n = e.length, mean = e.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(e.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
  return { error: mean, stdErr: sd / Math.sqrt(n) };
}

/** Fits at every complexity of a grid at once; each coefficient vector has the intercept first. */
export type Fitter = (X: Matrix, y: Vector, complexities: number[]) => number[][];

const predictWith = (X: Matrix, coef: number[]): Vector =>
  Float64Array.from({ length: X.rows }, (_, i) => {
    let s = coef[0];
    for (let j = 0; j < X.cols; j++) s += X.data[i * X.cols + j] * coef[j + 1];
    return s;
  });

function subsetFit(X: Matrix, y: Vector, sizes: number[]): number[][] {
  const { best } = bestSubset(X, y);
  return sizes.map((k) => subsetCoef(X, y, best[k].features));
}

function subsetCoef(X: Matrix, y: Vector, features: number[]): number[] {
  const coef = new Array(X.cols + 1).fill(0);
  if (features.length === 0) coef[0] = y.reduce((a, b) => a + b, 0) / y.length;
  else {
    const lr = new LinearRegression().fit(X.selectCols(features), y);
    coef[0] = lr.intercept;
    features.forEach((j, r) => (coef[j + 1] = lr.coef[r]));
  }
  return coef;
}

function ridgeFit(X: Matrix, y: Vector, dfs: number[]): number[][] {
  const s = svd(X.broadcastRow(X.mean(0), (a, b) => a - b)).s;
  const path = ridgePath(X, y, dfs.map((df) => ridgeAlphaForDf(s, df)));
  return dfs.map((
    _,
    k,
  ) => [path.intercepts[k], ...Array.from({ length: X.cols }, (_, j) => path.coefs.get(j, k))]);
}

function lassoFit(X: Matrix, y: Vector, shrinkage: number[]): number[][] {
  const c = centre(X, y, true);
  const path = larsPath(c.X, c.y, { method: "lasso" });
  return shrinkage.map((s) => {
    const w = lassoAtShrinkage(path, s);
    return [interceptFrom(c, w), ...w];
  });
}

function pcrFit(X: Matrix, y: Vector, Ms: number[]): number[][] {
  return Ms.map((M) => {
    const m = new PCR({ nComponents: M }).fit(X, y);
    return [m.intercept, ...m.coef];
  });
}

function plsFit(X: Matrix, y: Vector, Ms: number[]): number[][] {
  return Ms.map((M) => {
    if (M === 0) return [y.reduce((a, b) => a + b, 0) / y.length, ...new Array(X.cols).fill(0)];
    const m = new PLSRegression({ nComponents: M, scale: false }).fit(X, y);
    return [m.intercept, ...m.coef];
  });
}

/**
 * ESL Table 3.3: LS, best subset, ridge, lasso, PCR and PLS on the prostate training data, each
 * complexity chosen by K-fold CV with the one-standard-error rule, then scored on the test set.
 * The book's folds are random and unpublished, so the chosen complexities (and hence every column
 * but LS) depend on `seed`; LS, and each method at a given complexity, are deterministic.
 */
export function eslTable33(d: ProstateDesign, options: Table33Options = {}): Table33Column[] {
  checkOptions(options, ["folds", "seed", "shrinkage"], "eslTable33");
  const p = d.Xtrain.cols;
  const sizes = Array.from({ length: p + 1 }, (_, k) => k);
  const shrinkage = options.shrinkage ?? Array.from({ length: 51 }, (_, k) => k / 50);
  const cvOptions = { folds: options.folds ?? 10, seed: options.seed ?? 0 };
  const column = (
    method: Table33Column["method"],
    complexityName: string,
    complexities: number[],
    fit: Fitter,
  ): Table33Column => {
    const cv = crossValidationCurve(
      d.Xtrain,
      d.ytrain,
      (Xa, ya, Xb) => fit(Xa, ya, complexities).map((coef) => predictWith(Xb, coef)),
      cvOptions,
    );
    const chosen = complexities[oneStandardErrorRule(cv)];
    return finish(
      method,
      complexityName,
      complexities,
      cv,
      chosen,
      fit(d.Xtrain, d.ytrain, [chosen])[0],
    );
  };
  const finish = (
    method: Table33Column["method"],
    complexityName: string,
    complexities: number[],
    cv: CvCurve | undefined,
    chosen: number,
    coef: number[],
  ): Table33Column => {
    const t = testErrorWithSE(d.ytest, predictWith(d.Xtest, coef));
    return {
      method,
      complexityName,
      complexities,
      cv,
      chosen,
      coef,
      testError: t.error,
      testStdErr: t.stdErr,
    };
  };
  const ls = new LinearRegression().fit(d.Xtrain, d.ytrain);
  return [
    finish("LS", "subset size", [p], undefined, p, [ls.intercept, ...ls.coef]),
    column("Best Subset", "subset size", sizes, subsetFit),
    column("Ridge", "degrees of freedom", sizes, ridgeFit),
    column("Lasso", "shrinkage factor s", shrinkage, lassoFit),
    column("PCR", "number of directions", sizes, pcrFit),
    column("PLS", "number of directions", sizes, plsFit),
  ];
}

/**
 * The fitters behind {@link eslTable33}: `table33Fitters.PCR(X, y, [7])[0]` is PCR with 7
 * directions, intercept first.
 */
export const table33Fitters: Record<Exclude<Table33Column["method"], "LS">, Fitter> = {
  "Best Subset": subsetFit,
  Ridge: ridgeFit,
  Lasso: lassoFit,
  PCR: pcrFit,
  PLS: plsFit,
};

/** Test error of a coefficient vector (intercept first) on the design's test set. */
export function testErrorOf(d: ProstateDesign, coef: number[]): { error: number; stdErr: number } {
  return testErrorWithSE(d.ytest, predictWith(d.Xtest, coef));
}

/**
 * Pearson correlations between the columns of X (ESL Table 3.1 shows the lower triangle for the
 * prostate training predictors).
 * @param X shape (nSamples, nFeatures)
 * @returns shape (nFeatures, nFeatures), ones on the diagonal
 */
export function correlationMatrix(X: Matrix): Matrix {
  const Z = scaleColumns(X);
  return Z.transpose().matmul(Z).map((v) => v / (X.rows - 1));
}
