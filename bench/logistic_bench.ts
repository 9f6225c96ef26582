/**
 * LogisticRegression (L-BFGS, C = 1). Run: `deno bench -A bench/logistic_bench.ts`.
 *
 * The case compared with scikit-learn stops by scikit-learn 1.2's rule (see `sklearnTol` in
 * cases.ts); the group also times our default tol = 1e-8, which buys coefficients within ~1e-6 of
 * the optimum at the price of more iterations, and, on the small binary problem, Newton/IRLS.
 */
import { LogisticRegression } from "../lib/linear/logistic_regression.ts";
import { benchCase } from "./cases.ts";
import { breastCancerStandardized, caseSpec, digitsScaled } from "./data.ts";

const binary = "LogisticRegression, standardized breast cancer (569, 30)";
benchCase("logreg_binary_breast_cancer", { group: binary, baseline: true });
const cancer = breastCancerStandardized();
const binaryRepeats = caseSpec("logreg_binary_breast_cancer").repeats;
Deno.bench("lbfgs, tol 1e-8 (our default)", { group: binary, n: binaryRepeats, warmup: 1 }, () => {
  new LogisticRegression().fit(cancer.X, cancer.y);
});
Deno.bench("newton, tol 1e-8", { group: binary, n: binaryRepeats, warmup: 1 }, () => {
  new LogisticRegression({ solver: "newton" }).fit(cancer.X, cancer.y);
});

const multinomial = "LogisticRegression, digits / 16 (1797, 64), 10 classes";
benchCase("logreg_multinomial_digits", { group: multinomial, baseline: true });
const digits = digitsScaled();
const multiRepeats = caseSpec("logreg_multinomial_digits").repeats;
Deno.bench(
  "lbfgs, tol 1e-8 (our default)",
  { group: multinomial, n: multiRepeats, warmup: 1 },
  () => {
    new LogisticRegression().fit(digits.X, digits.y);
  },
);
