/**
 * Mixture models fitted by EM (李航《统计学习方法》第9章): the three-coin Bernoulli mixture of
 * 例9.1 and the Gaussian mixture of §9.3 with scikit-learn's four covariance types.
 *
 * @module
 */
export {
  BernoulliMixture,
  type BernoulliMixtureOptions,
  type BernoulliMixtureState,
  type BernoulliMixtureStep,
} from "./bernoulli.ts";
export {
  GaussianMixture,
  type GaussianMixtureOptions,
  type GaussianMixtureState,
} from "./gaussian.ts";
export type { CovarianceType } from "./gaussian_params.ts";
export type { InitParams } from "./init.ts";
