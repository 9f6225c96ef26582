/**
 * What each case of `cases.json` runs on our side: `prepare` builds the data (untimed) and returns
 * `run`, the timed call, and `check`, a few numbers from one fitted result that
 * `tools/bench_sklearn.py` records too, so the report can show both sides solved the same problem.
 *
 * @module
 */
import { LinearRegression } from "../lib/linear/linear_regression.ts";
import { LogisticRegression } from "../lib/linear/logistic_regression.ts";
import { averagePrecisionScore, rocAucScore } from "../lib/metrics/area_scores.ts";
import { GaussianNB } from "../lib/naive_bayes/gaussian.ts";
import { MultinomialNB } from "../lib/naive_bayes/multinomial.ts";
import { MLPClassifier } from "../lib/nn/mlp_classifier.ts";
import type { MLPOptions } from "../lib/nn/mlp_estimator.ts";
import { StandardScaler } from "../lib/preprocessing/standard_scaler.ts";
import { DecisionTreeClassifier, DecisionTreeRegressor } from "../lib/tree/decision_tree.ts";
import {
  breastCancer,
  breastCancerStandardized,
  caseSpec,
  diabetes,
  digits,
  digitsScaled,
  scored,
  synthetic,
  WARMUP,
} from "./data.ts";

/** Numbers that describe one result (R², iterations, leaves, ...). */
export type Check = Record<string, number>;

/** A case ready to time. */
export interface Prepared {
  run: () => unknown;
  check: () => Check;
}

const round = (v: number, digits = 6) => Number(v.toFixed(digits));

/**
 * L-BFGS options matching scikit-learn 1.2's stopping test. scikit-learn minimises
 * C·Σℓ + ½‖w‖² (here C = 1, so Σℓ + ½‖w‖²) and stops when max|∇| ≤ tol = 1e-4; ours minimises
 * that objective divided by C·n, so the same test is max|∇J| ≤ 1e-4 / (C·n).
 */
export function sklearnTol(nSamples: number, C = 1): number {
  return 1e-4 / (C * nSamples);
}

function linearLstsq(data: ReturnType<typeof diabetes>): Prepared {
  const { X, y } = data;
  return {
    run: () => new LinearRegression().fit(X, y),
    check: () => ({ r2: round(new LinearRegression().fit(X, y).score(X, y)) }),
  };
}

function logistic(data: ReturnType<typeof diabetes>): Prepared {
  const { X, y } = data;
  const options = { C: 1, tol: sklearnTol(X.rows) };
  return {
    run: () => new LogisticRegression(options).fit(X, y),
    check: () => {
      const model = new LogisticRegression(options).fit(X, y);
      return { nIter: model.nIter, accuracy: round(model.score(X, y)) };
    },
  };
}

function classificationTree(data: ReturnType<typeof diabetes>): Prepared {
  const { rows, y } = data;
  return {
    run: () => new DecisionTreeClassifier({ criterion: "gini" }).fit(rows, y),
    check: () => {
      const tree = new DecisionTreeClassifier({ criterion: "gini" }).fit(rows, y);
      return { depth: tree.depth, leaves: tree.nLeaves, accuracy: round(tree.score(rows, y)) };
    },
  };
}

/** The MLP settings shared with scikit-learn's MLPClassifier defaults, for exactly 10 epochs. */
export const MLP_OPTIONS: Partial<MLPOptions> = {
  hiddenLayerSizes: [100],
  activation: "relu",
  optimizer: "adam",
  learningRate: 0.001,
  batchSize: 200,
  alpha: 0.0001,
  maxIter: 10,
  nIterNoChange: 11, // never stop early: both sides run all 10 epochs
  seed: 0,
};

const IMPLEMENTATIONS: Record<string, () => Prepared> = {
  linreg_lstsq_diabetes: () => linearLstsq(diabetes()),
  linreg_lstsq_synthetic: () => {
    const data = synthetic(caseSpec("linreg_lstsq_synthetic").shape[0]);
    const { X, y, w } = data;
    return {
      run: () => new LinearRegression().fit(X, y),
      check: () => {
        const model = new LinearRegression().fit(X, y);
        const coefError = Math.max(...model.coef.map((c, j) => Math.abs(c - w[j])));
        return { r2: round(model.score(X, y)), maxCoefError: round(coefError) };
      },
    };
  },
  scaler_synthetic: () => {
    const { X } = synthetic(caseSpec("scaler_synthetic").shape[0]);
    return {
      run: () => new StandardScaler().fitTransform(X),
      check: () => ({ meanOfFirstColumn: round(new StandardScaler().fit(X).mean[0]) }),
    };
  },
  logreg_binary_breast_cancer: () => logistic(breastCancerStandardized()),
  logreg_multinomial_digits: () => logistic(digitsScaled()),
  tree_gini_breast_cancer: () => classificationTree(breastCancer()),
  tree_gini_digits: () => classificationTree(digits()),
  tree_regressor_diabetes: () => {
    const { rows, y } = diabetes();
    return {
      run: () => new DecisionTreeRegressor().fit(rows, y),
      check: () => {
        const tree = new DecisionTreeRegressor().fit(rows, y);
        return { depth: tree.depth, leaves: tree.nLeaves };
      },
    };
  },
  gaussian_nb_digits: () => {
    const { X, y } = digits();
    return {
      run: () => new GaussianNB().fit(X, y),
      check: () => ({ accuracy: round(new GaussianNB().fit(X, y).score(X, y)) }),
    };
  },
  gaussian_nb_predict_digits: () => {
    const { X, y } = digits();
    const model = new GaussianNB().fit(X, y);
    return {
      run: () => model.predictProba(X),
      check: () => ({ meanMaxProba: round(meanRowMax(model.predictProba(X).toArray())) }),
    };
  },
  multinomial_nb_digits: () => {
    const { X, y } = digits();
    return {
      run: () => new MultinomialNB({ alpha: 1 }).fit(X, y),
      check: () => ({ accuracy: round(new MultinomialNB({ alpha: 1 }).fit(X, y).score(X, y)) }),
    };
  },
  mlp_digits_10_epochs: () => {
    const { X, y } = digitsScaled();
    return {
      run: () => new MLPClassifier(MLP_OPTIONS).fit(X, y),
      check: () => {
        const model = new MLPClassifier(MLP_OPTIONS).fit(X, y);
        return {
          nIter: model.nIter,
          finalLoss: round(model.lossHistory.at(-1)!, 4),
          accuracy: round(model.score(X, y), 4),
        };
      },
    };
  },
  roc_auc_1e6: () => {
    const { y, score } = scored(caseSpec("roc_auc_1e6").shape[0]);
    return {
      run: () => rocAucScore(y, score),
      check: () => ({ auc: round(rocAucScore(y, score), 4) }),
    };
  },
  average_precision_1e6: () => {
    const { y, score } = scored(caseSpec("average_precision_1e6").shape[0]);
    return {
      run: () => averagePrecisionScore(y, score),
      check: () => ({ averagePrecision: round(averagePrecisionScore(y, score), 4) }),
    };
  },
};

function meanRowMax(rows: number[][]): number {
  return rows.reduce((s, r) => s + Math.max(...r), 0) / rows.length;
}

/** Builds case `id` (its data included). */
export function prepareCase(id: string): Prepared {
  caseSpec(id);
  const make = IMPLEMENTATIONS[id];
  if (!make) throw new Error(`bench/cases.ts has no implementation of case "${id}".`);
  return make();
}

/**
 * Registers case `id` with `Deno.bench` under its id, with the repeats of `cases.json`.
 * Data are built once, before any timing, and only when the bench file runs.
 */
export function benchCase(id: string, options: { group?: string; baseline?: boolean } = {}) {
  const spec = caseSpec(id);
  const { run } = prepareCase(id);
  Deno.bench(id, { ...options, n: spec.repeats, warmup: WARMUP }, () => {
    run();
  });
}
