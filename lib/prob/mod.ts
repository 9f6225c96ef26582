/**
 * Probability distributions and the special functions behind them. Every distribution offers
 * `pdf` (the pmf for discrete ones), `logPdf`, `mean`, `variance` and seeded `sample`; the
 * univariate ones also `cdf`. Parameters are checked at construction with errors that name them.
 *
 * @module
 */
export type { MultivariateDistribution, UnivariateDistribution } from "./distribution.ts";
export { Bernoulli, type BernoulliOptions } from "./bernoulli.ts";
export { Categorical, type CategoricalOptions } from "./categorical.ts";
export { Multinomial, type MultinomialOptions } from "./multinomial.ts";
export { Gaussian, type GaussianOptions } from "./gaussian.ts";
export { MultivariateGaussian, type MultivariateGaussianOptions } from "./multivariate_gaussian.ts";
export { Gamma, type GammaOptions } from "./gamma.ts";
export { Beta, type BetaOptions } from "./beta.ts";
export { Dirichlet, type DirichletOptions } from "./dirichlet.ts";
export { Poisson, type PoissonOptions } from "./poisson.ts";
export { betaInc, erf, erfc, gammaIncP, gammaIncQ, logBeta, logGamma } from "./special.ts";
