/**
 * The quick start of the README as a file you run, from any directory:
 *
 *   deno run --allow-read --allow-env /path/to/mlnotes/examples/quickstart.ts
 *
 * (`--allow-read` for the bundled data sets in `data/`, `--allow-env` for the npm packages that
 * read configuration variables.) Copy it next to your own code and change the import to
 * `/path/to/mlnotes/lib/mod.ts`: the library imports its npm dependencies with pinned `npm:`
 * specifiers, so it needs neither this repository's `deno.json` nor its `node_modules`.
 *
 * @module
 */
import {
  catchWarnings,
  LinearRegression,
  loadDiabetes,
  loadIris,
  LogisticRegression,
  StandardScaler,
  trainTestSplit,
} from "../lib/mod.ts";

// Regression: ordinary least squares on scikit-learn's diabetes data (ESL §3.2).
const diabetes = loadDiabetes();
const ols = new LinearRegression().fit(diabetes.X, diabetes.y);
console.log(
  `diabetes: intercept ${ols.intercept.toFixed(4)}, R² ${
    ols.score(diabetes.X, diabetes.y).toFixed(4)
  }`,
);

// Classification: a stratified split, features standardised on the training part only.
const iris = loadIris();
const { XTrain, XTest, yTrain, yTest } = trainTestSplit(iris.X, iris.y, {
  testSize: 0.3,
  stratify: iris.y,
  seed: 0,
});
const scaler = new StandardScaler().fit(XTrain);
const clf = new LogisticRegression({ C: 1 }).fit(scaler.transform(XTrain), yTrain);
console.log(
  `iris: classes ${clf.classes.join(", ")}, test accuracy ${
    clf.score(scaler.transform(XTest), yTest).toFixed(4)
  }`,
);

// Iterative solvers say when they stop before converging (scikit-learn's ConvergenceWarning).
const { warnings } = catchWarnings(() =>
  new LogisticRegression({ maxIter: 5 }).fit(XTrain, yTrain)
);
console.log(`maxIter 5: ${warnings.map((w) => w.name).join(", ")}`);
